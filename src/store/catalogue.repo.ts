/** Reading the published catalogue for the portal (only published items, only public columns). */
import type { Kysely } from 'kysely';
import type { DB } from './schema.ts';

const publicColumns = [
  'id',
  'agency_id',
  'index_no',
  'title',
  'summary',
  'category',
  'topic',
  'doc_no',
  'document_kind',
  'written_date',
  'generated_date',
  'published_at',
  'published_date',
  'disclosure_mode',
  'scope',
] as const;

export async function publishedCountsByCategory(db: Kysely<DB>, agencyId: number) {
  const rows = await db
    .selectFrom('catalogue_items')
    .select(['category', (eb) => eb.fn.countAll<number>().as('n')])
    .where('agency_id', '=', agencyId)
    .where('status', '=', 'published')
    .groupBy('category')
    .execute();
  return new Map(rows.map((r) => [r.category, Number(r.n)]));
}

export async function listPublishedItems(db: Kysely<DB>, q: { agencyId: number; category?: string | undefined; limit: number; offset: number }) {
  let query = db.selectFrom('catalogue_items').select(publicColumns).where('agency_id', '=', q.agencyId).where('status', '=', 'published');
  if (q.category) query = query.where('category', '=', q.category);
  return query.orderBy('published_at', 'desc').orderBy('id', 'desc').limit(q.limit).offset(q.offset).execute();
}

export async function countPublishedItems(db: Kysely<DB>, q: { agencyId: number; category?: string | undefined }) {
  let query = db.selectFrom('catalogue_items').select((eb) => eb.fn.countAll<number>().as('n')).where('agency_id', '=', q.agencyId).where('status', '=', 'published');
  if (q.category) query = query.where('category', '=', q.category);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

export async function getPublishedItem(db: Kysely<DB>, id: number) {
  return db.selectFrom('catalogue_items').select([...publicColumns, 'body']).where('id', '=', id).where('status', '=', 'published').executeTakeFirst();
}
