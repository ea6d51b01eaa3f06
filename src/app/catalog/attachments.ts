/**
 * Attachments of a draft: checked by their content (not their name), read for screening
 * when uploaded, kept in the database with the version they belong to.
 */
import { createHash } from 'node:crypto';
import type { Actor } from '../../domain/access/policy.ts';
import { transition } from '../../domain/catalog/workflow.ts';
import { fieldError, InputError, NotFoundError } from '../../domain/shared/result.ts';
import { extractText, FileRefusedError, sniffAttachment, type Extracted } from '../../extract/index.ts';
import type { AttachmentType } from '../../law/screening.ts';
import type { ItemAttachmentTable } from '../../store/schema.ts';
import type { Insertable } from 'kysely';
import { attachmentContent, deleteAttachment, getVersion, insertAttachment } from '../../store/catalogue-versions.repo.ts';
import { appendEvent } from '../../store/events.repo.ts';
import type { AppContext } from '../context.ts';
import { inTransaction } from '../transaction.ts';
import { versionFacts, versionFor } from './access.ts';
import { rescreen } from './screening.ts';

async function editableVersion(ctx: AppContext, actor: Actor, versionId: number) {
  const { version, item } = await versionFor(ctx.db, actor, versionId, 'catalogue.edit', '只有本单位的编辑可以管理附件');
  const t = transition(versionFacts(version), { act: 'edit' }, actor.id);
  if ('error' in t) throw new InputError([{ ...t.error, field: 'attachment' }]);
  return { version, item };
}

/** The stored row of an attachment whose type was sniffed and whose text was read. */
export function attachmentRow(
  versionId: number,
  filename: string,
  bytes: Uint8Array,
  type: AttachmentType,
  extracted: Extracted,
  at: string,
): Insertable<ItemAttachmentTable> {
  return {
    version_id: versionId,
    filename,
    type,
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    content: bytes,
    text_parts: JSON.stringify(extracted.parts),
    unreadable: extracted.unreadable,
    created_at: at,
  };
}

export async function addAttachment(ctx: AppContext, actor: Actor, versionId: number, file: { filename: string; bytes: Uint8Array }): Promise<number> {
  const { version, item } = await editableVersion(ctx, actor, versionId);
  const filename = file.filename.trim().replace(/[\\/]/g, '_').slice(0, 120);
  if (filename === '' || file.bytes.length === 0) throw new InputError([fieldError('attachment', 'GK_ATTACHMENT_EMPTY', '请选择要上传的附件')]);
  const sniffed = sniffAttachment(file.bytes, filename);
  if ('error' in sniffed) throw new InputError([fieldError('attachment', 'GK_ATTACHMENT_TYPE', sniffed.error)]);
  const extracted = await extractText(file.bytes, sniffed.type).catch((e: unknown) => {
    // over the file pool's time or memory limit, or a zip bomb: refused, naming the file
    if (e instanceof FileRefusedError) throw new InputError([fieldError('attachment', 'GK_ATTACHMENT_REFUSED', `附件“${filename}”：${e.message}`)]);
    throw e;
  });
  return inTransaction(ctx, async (db) => {
    const now = await getVersion(db, versionId);
    if (!now || 'error' in transition(versionFacts(now), { act: 'edit' }, actor.id)) {
      throw new InputError([fieldError('attachment', 'GK_NOT_EDITABLE', '只有草稿或被退回的版本可以添加附件')]);
    }
    const at = ctx.now().toISOString();
    const id = await insertAttachment(db, attachmentRow(versionId, filename, file.bytes, sniffed.type, extracted, at));
    await rescreen(db, versionId);
    await appendEvent(db, {
      occurredAt: at,
      actorId: actor.id,
      agencyId: item.agency_id,
      subjectType: 'catalogueItem',
      subjectId: item.id,
      action: 'catalogue.attachmentAdded',
      payload: { version: version.version, attachment: id, filename, type: sniffed.type, size: file.bytes.length },
    });
    return id;
  });
}

export async function removeAttachment(ctx: AppContext, actor: Actor, attachmentId: number): Promise<void> {
  const a = await attachmentContent(ctx.db, attachmentId);
  if (!a) throw new NotFoundError('找不到这个附件');
  const { version, item } = await editableVersion(ctx, actor, a.version_id);
  await inTransaction(ctx, async (db) => {
    const at = ctx.now().toISOString();
    await deleteAttachment(db, attachmentId);
    await rescreen(db, a.version_id);
    await appendEvent(db, {
      occurredAt: at,
      actorId: actor.id,
      agencyId: item.agency_id,
      subjectType: 'catalogueItem',
      subjectId: item.id,
      action: 'catalogue.attachmentRemoved',
      payload: { version: version.version, attachment: attachmentId, filename: a.filename },
    });
  });
}
