/** Drafting catalogue items: a new item starts as version 1; drafts and returned versions can be edited. */
import type { Actor } from '../../domain/access/policy.ts';
import { checkVersionContent, type VersionContent, type VersionForm } from '../../domain/catalog/version.ts';
import { transition } from '../../domain/catalog/workflow.ts';
import { chinaDate } from '../../domain/shared/dates.ts';
import { InputError } from '../../domain/shared/result.ts';
import { defaultDisclosure } from '../../law/catalogue-categories.ts';
import { getVersion, insertDraftItem, insertVersion, updateItem, updateVersion } from '../../store/catalogue-versions.repo.ts';
import { appendEvent } from '../../store/events.repo.ts';
import type { AppContext } from '../context.ts';
import { inTransaction } from '../transaction.ts';
import { allow, versionFacts, versionFor } from './access.ts';
import { rescreen } from './screening.ts';

export function contentColumns(c: VersionContent) {
  return {
    title: c.title,
    summary: c.summary,
    body: c.body,
    category: c.category,
    topic: c.topic,
    statutory_item: c.statutoryItem,
    domain: c.domain,
    doc_no: c.docNo,
    document_kind: c.documentKind,
    written_date: c.writtenDate,
    generated_date: c.generatedDate,
    scope: c.scope,
  };
}

function checked(ctx: AppContext, form: VersionForm): VersionContent {
  const { value, errors } = checkVersionContent(form, chinaDate(ctx.now()));
  if (errors.length) throw new InputError(errors);
  return value;
}

export async function createItem(ctx: AppContext, actor: Actor, agencyId: number, form: VersionForm): Promise<{ itemId: number; versionId: number }> {
  await allow(ctx.db, actor, agencyId, 'catalogue.edit', '只有本单位的编辑可以起草信息');
  const content = checked(ctx, form);
  return inTransaction(ctx, async (db) => {
    const at = ctx.now().toISOString();
    const itemId = await insertDraftItem(db, {
      agencyId,
      authorId: actor.id,
      category: content.category,
      title: content.title,
      generatedDate: content.generatedDate,
      scope: content.scope,
      disclosureMode: defaultDisclosure.mode,
      createdAt: at,
    });
    const versionId = await insertVersion(db, {
      item_id: itemId,
      version: 1,
      state: 'draft',
      ...contentColumns(content),
      author_id: actor.id,
      created_at: at,
      updated_at: at,
    });
    await rescreen(db, versionId);
    await appendEvent(db, {
      occurredAt: at,
      actorId: actor.id,
      agencyId,
      subjectType: 'catalogueItem',
      subjectId: itemId,
      action: 'catalogue.drafted',
      payload: { version: 1 },
    });
    return { itemId, versionId };
  });
}

export async function saveDraft(ctx: AppContext, actor: Actor, versionId: number, form: VersionForm): Promise<void> {
  const { version, item } = await versionFor(ctx.db, actor, versionId, 'catalogue.edit', '只有本单位的编辑可以修改信息');
  const t = transition(versionFacts(version), { act: 'edit' }, actor.id);
  if ('error' in t) throw new InputError([t.error]);
  const content = checked(ctx, form);
  await inTransaction(ctx, async (db) => {
    const at = ctx.now().toISOString();
    // Checked again inside the transaction: the version may have been submitted meanwhile.
    const now = await getVersion(db, versionId);
    const again = now && transition(versionFacts(now), { act: 'edit' }, actor.id);
    if (!again || 'error' in again)
      throw new InputError([again && 'error' in again ? again.error : { field: 'state', code: 'GK_NOT_EDITABLE', message: '只有草稿或被退回的版本可以修改' }]);
    await updateVersion(db, versionId, { ...contentColumns(content), updated_at: at });
    if (item.status === 'draft') await updateItem(db, item.id, { title: content.title, category: content.category, generated_date: content.generatedDate });
    await rescreen(db, versionId);
    await appendEvent(db, {
      occurredAt: at,
      actorId: actor.id,
      agencyId: item.agency_id,
      subjectType: 'catalogueItem',
      subjectId: item.id,
      action: 'catalogue.saved',
      payload: { version: version.version },
    });
  });
}
