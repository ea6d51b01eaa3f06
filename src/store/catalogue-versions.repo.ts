/**
 * The versions of catalogue items on their way to publication, their attachments and
 * screening hits, and the public record (catalogue_items) a publication writes.
 */
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { DB, ItemAttachmentTable, ItemVersionTable, ScreeningHitTable } from './schema.ts';

export type VersionRow = Selectable<ItemVersionTable>;
export type HitRow = Selectable<ScreeningHitTable>;
export type AttachmentMeta = Omit<Selectable<ItemAttachmentTable>, 'content' | 'redacted_content'> & { redacted: boolean };

export async function insertDraftItem(
  db: Kysely<DB>,
  item: {
    agencyId: number;
    authorId: number;
    category: string;
    title: string;
    generatedDate: string;
    scope: string;
    disclosureMode: string;
    createdAt: string;
  },
): Promise<number> {
  const r = await db
    .insertInto('catalogue_items')
    .values({
      agency_id: item.agencyId,
      author_id: item.authorId,
      title: item.title,
      summary: '',
      body: '',
      category: item.category,
      generated_date: item.generatedDate,
      disclosure_mode: item.disclosureMode,
      scope: item.scope,
      status: 'draft',
      created_at: item.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function insertVersion(db: Kysely<DB>, v: Insertable<ItemVersionTable>): Promise<number> {
  return (await db.insertInto('item_versions').values(v).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateVersion(db: Kysely<DB>, id: number, set: Updateable<ItemVersionTable>): Promise<void> {
  await db.updateTable('item_versions').set(set).where('id', '=', id).execute();
}

export async function getVersion(db: Kysely<DB>, id: number): Promise<VersionRow | undefined> {
  return db.selectFrom('item_versions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function versionsOf(db: Kysely<DB>, itemId: number): Promise<VersionRow[]> {
  return db.selectFrom('item_versions').selectAll().where('item_id', '=', itemId).orderBy('version', 'desc').execute();
}

export async function getItemRow(db: Kysely<DB>, id: number) {
  return db.selectFrom('catalogue_items').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateItem(db: Kysely<DB>, id: number, set: Updateable<DB['catalogue_items']>): Promise<void> {
  await db.updateTable('catalogue_items').set(set).where('id', '=', id).execute();
}

/** The items of an agency with their latest version's state, newest first (staff list). */
export async function itemsOfAgency(db: Kysely<DB>, agencyId: number, q: { state?: string | undefined; limit: number; offset: number }) {
  let query = db
    .selectFrom('catalogue_items as i')
    .innerJoin('item_versions as v', (j) =>
      j.onRef('v.item_id', '=', 'i.id').on((eb) =>
        eb(
          'v.version',
          '=',
          eb
            .selectFrom('item_versions as w')
            .select((w) => w.fn.max('w.version').as('m'))
            .whereRef('w.item_id', '=', 'i.id'),
        ),
      ),
    )
    .select([
      'i.id',
      'i.index_no',
      'i.status',
      'i.published_date',
      'i.view_count',
      'v.id as version_id',
      'v.version',
      'v.state',
      'v.title',
      'v.category',
      'v.generated_date',
      'v.updated_at',
    ])
    .where('i.agency_id', '=', agencyId);
  if (q.state) query = query.where('v.state', '=', q.state);
  return query.orderBy('v.updated_at', 'desc').orderBy('i.id', 'desc').limit(q.limit).offset(q.offset).execute();
}

/** Versions waiting for someone: drafts and returned ones (editors), in review, in approval. */
export async function openVersions(db: Kysely<DB>, agencyIds: readonly number[]) {
  if (agencyIds.length === 0) return [];
  return db
    .selectFrom('item_versions as v')
    .innerJoin('catalogue_items as i', 'i.id', 'v.item_id')
    .select(['v.id', 'v.item_id', 'v.version', 'v.state', 'v.title', 'v.generated_date', 'v.updated_at', 'i.agency_id'])
    .where('i.agency_id', 'in', [...agencyIds])
    .where('v.state', 'in', ['draft', 'returned', 'inReview', 'inApproval'])
    .orderBy('v.generated_date')
    .execute();
}

export async function attachmentsOf(db: Kysely<DB>, versionId: number): Promise<AttachmentMeta[]> {
  const rows = await db
    .selectFrom('item_attachments')
    .select([
      'id',
      'version_id',
      'filename',
      'type',
      'size',
      'sha256',
      'text_parts',
      'unreadable',
      'created_at',
      (eb) => eb('redacted_content', 'is not', null).as('has_redacted'),
    ])
    .where('version_id', '=', versionId)
    .orderBy('id')
    .execute();
  return rows.map(({ has_redacted, ...r }) => ({ ...r, redacted: Boolean(has_redacted) }));
}

export async function attachmentContent(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('item_attachments')
    .select(['id', 'version_id', 'filename', 'type', 'content', 'redacted_content'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertAttachment(db: Kysely<DB>, a: Insertable<ItemAttachmentTable>): Promise<number> {
  return (await db.insertInto('item_attachments').values(a).returning('id').executeTakeFirstOrThrow()).id;
}

export async function deleteAttachment(db: Kysely<DB>, id: number): Promise<void> {
  await db.deleteFrom('screening_hits').where('attachment_id', '=', id).execute();
  await db.deleteFrom('item_attachments').where('id', '=', id).execute();
}

export async function setRedactedContent(db: Kysely<DB>, id: number, content: Uint8Array): Promise<void> {
  await db.updateTable('item_attachments').set({ redacted_content: content }).where('id', '=', id).execute();
}

/** Copies a version's attachments to another version (a correction starts from the published files). */
export async function copyAttachments(db: Kysely<DB>, fromVersion: number, toVersion: number, at: string): Promise<void> {
  const rows = await db.selectFrom('item_attachments').selectAll().where('version_id', '=', fromVersion).orderBy('id').execute();
  for (const { id: _id, ...r } of rows) {
    await db
      .insertInto('item_attachments')
      .values({ ...r, version_id: toVersion, redacted_content: null, created_at: at })
      .execute();
  }
}

/** A version's hits by their number (order of location, then position). */
export async function hitsOf(db: Kysely<DB>, versionId: number): Promise<HitRow[]> {
  return db.selectFrom('screening_hits').selectAll().where('version_id', '=', versionId).orderBy('number').orderBy('id').execute();
}

export async function getHit(db: Kysely<DB>, id: number): Promise<HitRow | undefined> {
  return db.selectFrom('screening_hits').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function replaceHits(db: Kysely<DB>, versionId: number, hits: Insertable<ScreeningHitTable>[]): Promise<void> {
  await db.deleteFrom('screening_hits').where('version_id', '=', versionId).execute();
  for (const h of hits) await db.insertInto('screening_hits').values(h).execute();
}

export interface HitSettlement {
  resolution: string;
  reason: string | null;
  resolvedBy: number;
  resolvedAt: string;
  /** A marking's 解密: decision 文号, date, issuing body. */
  declassification?: { docNo: string; date: string; authority: string } | null;
}

export async function settleHitRow(db: Kysely<DB>, id: number, set: HitSettlement) {
  const d = set.declassification ?? null;
  await db
    .updateTable('screening_hits')
    .set({
      resolution: set.resolution,
      reason: set.reason,
      resolved_by: set.resolvedBy,
      resolved_at: set.resolvedAt,
      decl_doc_no: d?.docNo ?? null,
      decl_date: d?.date ?? null,
      decl_authority: d?.authority ?? null,
    })
    .where('id', '=', id)
    .execute();
}

/** The hits masked on publication (遮蔽后公开) of some versions: what the portal masks wherever it shows their text. */
export async function redactedHitsOf(db: Kysely<DB>, versionIds: readonly number[]): Promise<{ version_id: number; kind: string; value: string }[]> {
  if (versionIds.length === 0) return [];
  return db
    .selectFrom('screening_hits')
    .select(['version_id', 'kind', 'value'])
    .where('version_id', 'in', [...versionIds])
    .where('resolution', '=', 'redacted')
    .execute();
}

/** The published office phone, fax and e-mail of the agency a version belongs to. */
export async function versionAgencyContacts(db: Kysely<DB>, versionId: number): Promise<string[]> {
  const row = await db
    .selectFrom('item_versions as v')
    .innerJoin('catalogue_items as i', 'i.id', 'v.item_id')
    .innerJoin('agencies as a', 'a.id', 'i.agency_id')
    .select(['a.office_phone', 'a.office_fax', 'a.office_email'])
    .where('v.id', '=', versionId)
    .executeTakeFirst();
  return [row?.office_phone, row?.office_fax, row?.office_email].filter((x): x is string => Boolean(x));
}
