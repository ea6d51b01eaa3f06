/**
 * Screening a version before 保密审查: every text field the portal shows (名称, 文号, 内容概述,
 * 正文, 更正说明), each attachment's file name and the text of every attachment are searched
 * for personal data and secrecy markings. Hits are numbered 1…n
 * in order of location, then position, and kept with their settlement when a version is
 * screened again and the same value stands at the same place; a new or moved value must
 * be settled afresh, and so must a settlement the law no longer accepts (a masked marking).
 */
import type { Insertable, Kysely } from 'kysely';
import { isSettled } from '../../domain/catalog/hits.ts';
import { compactKey, maskValue, maskValues, screenText } from '../../domain/screening/index.ts';
import { fieldError, InputError } from '../../domain/shared/result.ts';
import { manualCheck } from '../../law/catalogue-workflow.ts';
import { hitKinds, isMaskable, redactableTypes, type AttachmentType, type HitKind, type MaskableKind } from '../../law/screening.ts';
import { extractText, FileRefusedError, publishedCopy, RedactionError } from '../../extract/index.ts';
import {
  attachmentContent,
  attachmentsOf,
  getVersion,
  hitsOf,
  replaceHits,
  setRedactedContent,
  type HitRow,
  type VersionRow,
  versionAgencyContacts,
} from '../../store/catalogue-versions.repo.ts';
import type { DB, ScreeningHitTable } from '../../store/schema.ts';

interface TextPart {
  location: string;
  text: string;
  attachmentId: number | null;
  /** Why an attachment's text cannot be read: the reviewer checks it by eye. */
  unreadable?: string;
}

/** Where an attachment's file name is screened (a hit there is masked in the name, whatever the file's type). */
export const filenameLocation = (filename: string) => `附件“${filename}”的文件名`;

/**
 * The parts in order of location: 名称, 文号, 内容概述, 正文, 更正说明, then each attachment's
 * name and parts (its unreadable note at its place). A file name's hits belong to no attachment:
 * they are masked in the text the portal shows, not in the file.
 */
async function partsOf(db: Kysely<DB>, v: VersionRow): Promise<TextPart[]> {
  const parts: TextPart[] = [
    { location: '名称', text: v.title, attachmentId: null },
    { location: '文号', text: v.doc_no ?? '', attachmentId: null },
    { location: '内容概述', text: v.summary, attachmentId: null },
    { location: '正文', text: v.body, attachmentId: null },
    { location: '更正说明', text: v.change_note ?? '', attachmentId: null },
  ];
  for (const a of await attachmentsOf(db, v.id)) {
    parts.push({ location: filenameLocation(a.filename), text: a.filename, attachmentId: null });
    for (const p of JSON.parse(a.text_parts) as { location: string; text: string; hidden: boolean }[]) {
      parts.push({
        location: `附件“${a.filename}”${p.location}${p.hidden && !p.location.includes('隐藏') ? '（隐藏内容）' : ''}`,
        text: p.text,
        attachmentId: a.id,
      });
    }
    if (a.unreadable) parts.push({ location: `附件“${a.filename}”`, text: '', attachmentId: a.id, unreadable: a.unreadable });
  }
  return parts;
}

const key = (h: { location: string; kind: string; value: string }) => `${h.location}\u0000${h.kind}\u0000${h.value}`;

/** The agency's own published office contacts (指南): not personal data, not flagged. */
async function ownContacts(db: Kysely<DB>, versionId: number): Promise<(value: string) => boolean> {
  const own = new Set((await versionAgencyContacts(db, versionId)).map(compactKey));
  return (value) => own.has(compactKey(value));
}

export async function rescreen(db: Kysely<DB>, versionId: number): Promise<void> {
  const v = await getVersion(db, versionId);
  if (!v) return;
  const isOwn = await ownContacts(db, versionId);
  const settled = new Map((await hitsOf(db, versionId)).filter(isSettled).map((h) => [key(h), h]));
  const rows: Omit<Insertable<ScreeningHitTable>, 'number'>[] = [];
  for (const part of await partsOf(db, v)) {
    if (part.unreadable !== undefined) {
      rows.push({
        version_id: versionId,
        attachment_id: part.attachmentId,
        location: part.location,
        kind: manualCheck.kind,
        value: '',
        context: part.unreadable,
      });
      continue;
    }
    for (const hit of screenText(part.text, { businessCodes: true })) {
      if ((hit.kind === 'landline' || hit.kind === 'email') && isOwn(hit.value)) continue;
      rows.push({ version_id: versionId, attachment_id: part.attachmentId, location: part.location, kind: hit.kind, value: hit.value, context: hit.context });
    }
  }
  await replaceHits(
    db,
    versionId,
    rows.map((r, i) => {
      const before = settled.get(key(r as { location: string; kind: string; value: string }));
      const settlement = before && {
        resolution: before.resolution,
        reason: before.reason,
        resolved_by: before.resolved_by,
        resolved_at: before.resolved_at,
        decl_doc_no: before.decl_doc_no,
        decl_date: before.decl_date,
        decl_authority: before.decl_authority,
      };
      return { ...r, number: i + 1, ...settlement };
    }),
  );
}

/** A value in a PDF or an image cannot be masked by the platform: the file must be replaced. */
export async function checkRedactable(db: Kysely<DB>, attachmentId: number | null): Promise<void> {
  if (attachmentId === null) return;
  const a = await attachmentContent(db, attachmentId);
  if (a && !(redactableTypes as readonly string[]).includes(a.type)) {
    throw new InputError([
      fieldError('resolution', 'GK_NOT_REDACTABLE', `附件“${a.filename}”是${a.type.toUpperCase()}文件，平台无法遮蔽其中的内容：请退回，由编辑上传遮蔽后的文件`),
    ]);
  }
}

/** Hits masked in publication: personal data the reviewer chose to mask (a marking never is). */
const maskedHits = (hits: readonly HitRow[]) => hits.filter((h) => h.resolution === 'redacted' && h.value !== '' && isMaskable(h.kind));

export interface PublishedText {
  title: string;
  summary: string;
  body: string;
  docNo: string | null;
}

/**
 * The text publication shows: title, 文号, summary and body with every redacted value masked,
 * and a 解密 marking as printed. Reads only: the leader's approval page shows it as is.
 * (The 更正说明 and file names are masked where the portal reads them: published-names.ts.)
 */
export async function publishedText(db: Kysely<DB>, v: VersionRow): Promise<PublishedText> {
  const masked = maskedHits(await hitsOf(db, v.id));
  const mask = (text: string) => maskValues(text, masked);
  return { title: mask(v.title), summary: mask(v.summary), body: mask(v.body), docNo: v.doc_no === null ? null : mask(v.doc_no) };
}

/**
 * What publication shows: `publishedText`, and the published copy of each attachment
 * (extract/published-copy.ts: sanitised, masked, image metadata stripped), stored beside the
 * original, which stays with the staff. The copy is read again and screened: a value the
 * reviewer did not justify still in it refuses the publication.
 */
export async function publishedContent(db: Kysely<DB>, v: VersionRow): Promise<PublishedText> {
  const hits = await hitsOf(db, v.id);
  const masked = maskedHits(hits);
  const isOwn = await ownContacts(db, v.id);
  const justifiedKeys = new Set(hits.filter((h) => h.resolution === 'justified').map((h) => compactKey(h.value)));
  const justified = (value: string) => justifiedKeys.has(compactKey(value)) || isOwn(value);
  for (const a of await attachmentsOf(db, v.id)) {
    const inFile = masked.filter((h) => h.attachment_id === a.id);
    if (inFile.length > 0) await checkRedactable(db, a.id);
    const stored = (await attachmentContent(db, a.id))!;
    const notRedactable = () =>
      new InputError([fieldError('attachment', 'GK_NOT_REDACTABLE', `附件“${a.filename}”中的内容无法由平台完全遮蔽：请退回，由编辑上传遮蔽后的文件`)]);
    let copy: Uint8Array | null;
    try {
      copy = await publishedCopy(
        stored.content,
        a.type as AttachmentType,
        inFile.map((h) => ({ value: h.value, mask: maskValue(h.kind as MaskableKind, h.value) })),
      );
    } catch (e) {
      if (e instanceof FileRefusedError) throw new InputError([fieldError('attachment', 'GK_ATTACHMENT_REFUSED', `附件“${a.filename}”：${e.message}`)]);
      if (!(e instanceof RedactionError)) throw e;
      throw notRedactable(); // the value also stands where the platform cannot rewrite it (an embedded object …)
    }
    if (!copy) continue;
    const left = a.type === 'docx' || a.type === 'xlsx' ? await leftInCopy(copy, a.type, justified) : [];
    if (left.length > 0) {
      // Found by the current reader but never settled: uploaded before the reader knew that place.
      const kinds = [...new Set(left.map((k) => hitKinds[k].label))].join('、');
      throw new InputError([
        fieldError('attachment', 'GK_UNSCREENED', `附件“${a.filename}”公开的副本中仍有未经处理的个人信息（${kinds}）：请退回，由编辑重新上传该附件后再审查`),
      ]);
    }
    await setRedactedContent(db, a.id, copy);
  }
  return publishedText(db, v);
}

/** The kinds of personal data the copy, read again, still shows that no one justified. */
async function leftInCopy(copy: Uint8Array, type: 'docx' | 'xlsx', justified: (value: string) => boolean): Promise<HitKind[]> {
  const { parts } = await extractText(copy, type);
  return parts.flatMap((p) =>
    screenText(p.text, { businessCodes: true })
      .filter((h) => isMaskable(h.kind) && !justified(h.value))
      .map((h) => h.kind),
  );
}
