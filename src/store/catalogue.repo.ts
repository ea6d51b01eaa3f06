/**
 * Reading the published catalogue for the portal: only published items (a withdrawn one
 * only for its own page), only public columns, attachments only of published versions.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.ts';

const publicColumns = [
  'i.id',
  'i.agency_id',
  'i.index_no',
  'i.title',
  'i.summary',
  'i.category',
  'i.topic',
  'i.doc_no',
  'i.document_kind',
  'i.written_date',
  'i.generated_date',
  'i.published_at',
  'i.published_date',
  'i.disclosure_mode',
  'i.scope',
] as const;

/** What a list of published items can be narrowed by. `topic` is a first-level 主题分类; `categories` any of several columns. */
export interface ItemFilter {
  agencyId?: number | undefined;
  categories?: readonly string[] | undefined;
  topic?: string | undefined;
  year?: number | undefined;
}

function published(db: Kysely<DB>, f: ItemFilter) {
  let q = db.selectFrom('catalogue_items as i').where('i.status', '=', 'published');
  if (f.agencyId !== undefined) q = q.where('i.agency_id', '=', f.agencyId);
  if (f.categories?.length) q = q.where('i.category', 'in', [...f.categories]);
  // Topics are stored as "一级/二级"; first-level names hold no LIKE wildcards (checked against src/law/topics.ts by the caller).
  if (f.topic) q = q.where('i.topic', 'like', `${f.topic}/%`);
  if (f.year !== undefined) q = q.where('i.published_date', '>=', `${f.year}-01-01`).where('i.published_date', '<=', `${f.year}-12-31`);
  return q;
}

export async function publishedCountsByCategory(db: Kysely<DB>, agencyId: number) {
  const rows = await published(db, { agencyId })
    .select(['i.category', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('i.category')
    .execute();
  return new Map(rows.map((r) => [r.category, Number(r.n)]));
}

export async function countPublishedItems(db: Kysely<DB>, f: ItemFilter): Promise<number> {
  return Number(
    (
      await published(db, f)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
}

/** A page of published items, newest first, with the publishing agency's names. */
export async function listPublishedItems(db: Kysely<DB>, f: ItemFilter & { limit: number; offset: number }) {
  return published(db, f)
    .innerJoin('agencies as a', 'a.id', 'i.agency_id')
    .select([...publicColumns, 'a.name as agency_name', 'a.short_name as agency_short_name'])
    .orderBy('i.published_at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
}

/**
 * The newest published items with what a feed entry needs: when the current version was
 * published (`updated`, later than `published_at` after a correction) and an excerpt.
 */
export async function latestPublishedItems(db: Kysely<DB>, f: ItemFilter & { limit: number }) {
  const rows = await published(db, f)
    .innerJoin('agencies as a', 'a.id', 'i.agency_id')
    .select([
      ...publicColumns,
      'a.name as agency_name',
      'a.short_name as agency_short_name',
      sql<string>`substr(i.body, 1, 300)`.as('excerpt'),
      (eb) =>
        eb
          .selectFrom('item_versions as v')
          .select((v) => v.fn.max('v.published_at').as('m'))
          .whereRef('v.item_id', '=', 'i.id')
          .where('v.state', 'in', ['published', 'superseded'])
          .as('updated_at'),
    ])
    .orderBy('i.published_at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(f.limit)
    .execute();
  return rows.map(({ updated_at, ...r }) => ({ ...r, updated_at: (updated_at as string | null) ?? r.published_at ?? '' }));
}

/**
 * Years in which items were published (newest first), for the year filter: the first and the
 * last date, then one step on the index of (agency,) status and date for each year between
 * (migration 0007), not every item read.
 */
export async function publishedYears(db: Kysely<DB>, agencyId?: number): Promise<number[]> {
  const scope = () => published(db, { agencyId }).where('i.published_date', 'is not', null);
  // min and max apart: each is then one step on the index.
  const [lo, hi] = await Promise.all([
    scope()
      .select((eb) => eb.fn.min('i.published_date').as('d'))
      .executeTakeFirst(),
    scope()
      .select((eb) => eb.fn.max('i.published_date').as('d'))
      .executeTakeFirst(),
  ]);
  if (!lo?.d || !hi?.d) return [];
  const span: number[] = [];
  for (let y = Number(hi.d.slice(0, 4)); y >= Number(lo.d.slice(0, 4)); y--) span.push(y);
  const found = await Promise.all(span.map((year) => published(db, { agencyId, year }).select('i.id').limit(1).executeTakeFirst()));
  return span.filter((_, k) => found[k] !== undefined);
}

/** An item as its portal page shows it: published, or withdrawn (then with when and why). Never a draft. */
export async function getPublicItem(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('catalogue_items as i')
    .innerJoin('agencies as a', 'a.id', 'i.agency_id')
    .select([
      ...publicColumns,
      'i.body',
      'i.status',
      'i.withdrawn_at',
      'i.withdrawn_reason',
      'i.view_count',
      'i.current_version',
      'a.name as agency_name',
      'a.short_name as agency_short_name',
    ])
    .where('i.id', '=', id)
    .where('i.status', 'in', ['published', 'withdrawn'])
    .executeTakeFirst();
}

/** Adds views to items ([item id, views] pairs, at most a few hundred): one statement per number of views. */
export async function addItemViews(db: Kysely<DB>, views: readonly (readonly [number, number])[]): Promise<void> {
  const byCount = new Map<number, number[]>();
  for (const [id, n] of views) byCount.set(n, [...(byCount.get(n) ?? []), id]);
  // All or nothing, so that the caller may keep the views of a failed write.
  await db.transaction().execute(async (trx) => {
    // `where id in (…)`: SQLite 3.53 takes about 1 ms a row for the same as UPDATE … FROM (VALUES …).
    for (const [n, ids] of byCount) {
      await trx
        .updateTable('catalogue_items')
        .set((eb) => ({ view_count: eb('view_count', '+', n) }))
        .where('id', 'in', ids)
        .execute();
    }
  });
}

/** The stored view count of an item (0 when there is none). */
export async function itemViewCount(db: Kysely<DB>, id: number): Promise<number> {
  const r = await db.selectFrom('catalogue_items').select('view_count').where('id', '=', id).executeTakeFirst();
  return r ? Number(r.view_count) : 0;
}

/** The versions readers saw (the current one and those it superseded), newest first, with each correction's reason. */
export async function publicVersions(db: Kysely<DB>, itemId: number) {
  return db
    .selectFrom('item_versions')
    .select(['id', 'version', 'state', 'published_at', 'change_note'])
    .where('item_id', '=', itemId)
    .where('state', 'in', ['published', 'superseded'])
    .orderBy('version', 'desc')
    .execute();
}

/** Attachments of a version, with the size of the copy the portal serves (the redacted one if there is one). */
export async function publicAttachments(db: Kysely<DB>, versionId: number) {
  const rows = await db
    .selectFrom('item_attachments')
    .select(['id', 'filename', 'type', sql<number>`coalesce(length(redacted_content), size)`.as('served_size')])
    .where('version_id', '=', versionId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, served_size: Number(r.served_size) }));
}

/** An attachment's served bytes, only when it belongs to the published version of the published item `itemId`. */
export async function publicAttachmentContent(db: Kysely<DB>, itemId: number, attachmentId: number) {
  const r = await db
    .selectFrom('item_attachments as f')
    .innerJoin('item_versions as v', 'v.id', 'f.version_id')
    .innerJoin('catalogue_items as i', 'i.id', 'v.item_id')
    .select(['f.filename', 'f.type', 'f.content', 'f.redacted_content', 'v.id as version_id'])
    .where('f.id', '=', attachmentId)
    .where('i.id', '=', itemId)
    .where('v.state', '=', 'published')
    .where('i.status', '=', 'published')
    .executeTakeFirst();
  return r && { versionId: r.version_id, filename: r.filename, type: r.type, bytes: r.redacted_content ?? r.content };
}

/** 有效性 changes of a 规章 or 规范性文件, oldest first. */
export async function validityHistory(db: Kysely<DB>, itemId: number) {
  return db
    .selectFrom('validity_changes')
    .select(['state', 'effective_date', 'reason'])
    .where('item_id', '=', itemId)
    .orderBy('effective_date')
    .orderBy('id')
    .execute();
}
