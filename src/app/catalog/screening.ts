/**
 * Screening a version before 保密审查: the title, summary, body and the text of every
 * attachment are searched for personal data and secrecy markings. Hits are numbered 1…n
 * in order of location, then position, and kept with their settlement when a version is
 * screened again and the same value stands at the same place; a new or moved value must
 * be settled afresh, and so must a settlement the law no longer accepts (a masked marking).
 */
import type { Insertable, Kysely } from 'kysely';
import { isSettled, unsettledCounts } from '../../domain/catalog/hits.ts';
import { maskValue, screenText } from '../../domain/screening/index.ts';
import { fieldError, InputError } from '../../domain/shared/result.ts';
import { manualCheck } from '../../law/catalogue-workflow.ts';
import { isMaskable, redactableTypes } from '../../law/screening.ts';
import { FileRefusedError, redactDocx, redactXlsx, RedactionError } from '../../extract/index.ts';
import { attachmentContent, attachmentsOf, getVersion, hitsOf, replaceHits, setRedactedContent, type HitRow, type VersionRow } from '../../store/catalogue-versions.repo.ts';
import type { DB, ScreeningHitTable } from '../../store/schema.ts';

interface TextPart {
  location: string;
  text: string;
  attachmentId: number | null;
  /** Why an attachment's text cannot be read: the reviewer checks it by eye. */
  unreadable?: string;
}

/** The parts in order of location: 名称, 内容概述, 正文, then each attachment's parts (its unreadable note at its place). */
async function partsOf(db: Kysely<DB>, v: VersionRow): Promise<TextPart[]> {
  const parts: TextPart[] = [
    { location: '名称', text: v.title, attachmentId: null },
    { location: '内容概述', text: v.summary, attachmentId: null },
    { location: '正文', text: v.body, attachmentId: null },
  ];
  for (const a of await attachmentsOf(db, v.id)) {
    for (const p of JSON.parse(a.text_parts) as { location: string; text: string; hidden: boolean }[]) {
      parts.push({ location: `附件“${a.filename}”${p.location}${p.hidden && !p.location.includes('隐藏') ? '（隐藏内容）' : ''}`, text: p.text, attachmentId: a.id });
    }
    if (a.unreadable) parts.push({ location: `附件“${a.filename}”`, text: '', attachmentId: a.id, unreadable: a.unreadable });
  }
  return parts;
}

const key = (h: { location: string; kind: string; value: string }) => `${h.location}\u0000${h.kind}\u0000${h.value}`;

/** The agency's own published office contacts (指南): not personal data, not flagged. */
async function ownContacts(db: Kysely<DB>, versionId: number): Promise<Set<string>> {
  const row = await db
    .selectFrom('item_versions as v')
    .innerJoin('catalogue_items as i', 'i.id', 'v.item_id')
    .innerJoin('agencies as a', 'a.id', 'i.agency_id')
    .select(['a.office_phone', 'a.office_fax', 'a.office_email'])
    .where('v.id', '=', versionId)
    .executeTakeFirst();
  const digits = (s: string) => s.replace(/[^0-9a-z@._]/gi, '');
  return new Set([row?.office_phone, row?.office_fax, row?.office_email].filter((x): x is string => Boolean(x)).map(digits));
}

export async function rescreen(db: Kysely<DB>, versionId: number): Promise<void> {
  const v = await getVersion(db, versionId);
  if (!v) return;
  const own = await ownContacts(db, versionId);
  const isOwn = (value: string) => own.has(value.replace(/[^0-9a-z@._]/gi, ''));
  const settled = new Map((await hitsOf(db, versionId)).filter(isSettled).map((h) => [key(h), h]));
  const rows: Omit<Insertable<ScreeningHitTable>, 'number'>[] = [];
  for (const part of await partsOf(db, v)) {
    if (part.unreadable !== undefined) {
      rows.push({ version_id: versionId, attachment_id: part.attachmentId, location: part.location, kind: manualCheck.kind, value: '', context: part.unreadable });
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

/** What keeps a version from review and approval: hits not settled, markings among them. */
export async function openHits(db: Kysely<DB>, versionId: number): Promise<{ unresolvedHits: number; unresolvedMarkings: number }> {
  return unsettledCounts(await hitsOf(db, versionId));
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

/**
 * The text publication shows: title, summary and body with every redacted value masked,
 * and a 解密 marking as printed. Reads only: the leader's approval page shows it as is.
 */
export async function publishedText(db: Kysely<DB>, v: VersionRow): Promise<{ title: string; summary: string; body: string }> {
  const inText = maskedHits(await hitsOf(db, v.id)).filter((h) => h.attachment_id === null);
  const mask = (text: string) =>
    [...inText].sort((a, b) => b.value.length - a.value.length).reduce((t, h) => (isMaskable(h.kind) ? t.split(h.value).join(maskValue(h.kind, h.value)) : t), text);
  return { title: mask(v.title), summary: mask(v.summary), body: mask(v.body) };
}

/**
 * What publication shows: `publishedText`, and a masked copy of each attachment holding a
 * redacted value (stored beside the original, which stays with the staff).
 */
export async function publishedContent(db: Kysely<DB>, v: VersionRow): Promise<{ title: string; summary: string; body: string }> {
  const byAttachment = new Map<number, HitRow[]>();
  for (const h of maskedHits(await hitsOf(db, v.id))) if (h.attachment_id !== null) byAttachment.set(h.attachment_id, [...(byAttachment.get(h.attachment_id) ?? []), h]);
  for (const [attachmentId, hits] of byAttachment) {
    const a = await attachmentContent(db, attachmentId);
    if (!a) continue;
    await checkRedactable(db, attachmentId);
    const replacements = hits.flatMap((h) => (isMaskable(h.kind) ? [{ value: h.value, mask: maskValue(h.kind, h.value) }] : []));
    try {
      const copy = a.type === 'docx' ? await redactDocx(a.content, replacements) : await redactXlsx(a.content, replacements);
      await setRedactedContent(db, attachmentId, copy);
    } catch (e) {
      if (e instanceof FileRefusedError) throw new InputError([fieldError('attachment', 'GK_ATTACHMENT_REFUSED', `附件“${a.filename}”：${e.message}`)]);
      if (!(e instanceof RedactionError)) throw e;
      // The value also stands where the platform cannot rewrite it (an embedded object …).
      throw new InputError([fieldError('attachment', 'GK_NOT_REDACTABLE', `附件“${a.filename}”中的内容无法由平台完全遮蔽：请退回，由编辑上传遮蔽后的文件`)]);
    }
  }
  return publishedText(db, v);
}
