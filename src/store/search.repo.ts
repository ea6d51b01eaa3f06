/**
 * Full-text search of the published catalogue, the same on both databases: the tokens
 * come from src/domain/search/tokens.ts; SQLite keeps them in the contentless FTS5 table
 * search_fts (rowid = item id), PostgreSQL in search_text as tsvector('simple'). Each
 * query term is matched as a phrase within one part (title, summary or body).
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { exactKey, indexChars, indexTokens, parseQuery, type SearchTerm } from '../domain/search/tokens.ts';
import { tokenWindows } from '../domain/search/windows.ts';
import { isPostgres } from './dialect.ts';
import type { CatalogueItemTable, DB } from './schema.ts';

export interface SearchDocument {
  itemId: number;
  agencyId: number;
  category: string;
  /** Year of publication, for the year filter. */
  year: number;
  title: string;
  summary: string;
  body: string;
  indexNo: string | null;
  docNo: string | null;
}

export interface SearchQuery {
  text: string;
  agencyId?: number | undefined;
  category?: string | undefined;
  year?: number | undefined;
  limit: number;
  offset: number;
}

export interface SearchHit {
  itemId: number;
  /** The query is the item's 索引号 or 文号. */
  exact: boolean;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
}

type ItemFields = Pick<CatalogueItemTable, 'agency_id' | 'category' | 'title' | 'summary' | 'body' | 'index_no' | 'doc_no' | 'published_date' | 'generated_date'> & { id: number };

/** The search document of a catalogue item row (for the workflow that publishes items). */
export function searchDocumentOf(item: ItemFields): SearchDocument {
  return {
    itemId: item.id,
    agencyId: item.agency_id,
    category: item.category,
    year: Number((item.published_date ?? item.generated_date).slice(0, 4)),
    title: item.title,
    summary: item.summary,
    body: item.body,
    indexNo: item.index_no,
    docNo: item.doc_no,
  };
}

/** Runs `fn` in the caller's transaction, or in a new one. */
function inTransaction<T>(db: Kysely<DB>, fn: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

/** Adds an item to the index, or replaces its entry. */
export async function indexItem(db: Kysely<DB>, doc: SearchDocument): Promise<void> {
  await inTransaction(db, async (trx) => {
    await remove(trx, doc.itemId);
    await insert(trx, doc);
  });
}

export async function unindexItem(db: Kysely<DB>, itemId: number): Promise<void> {
  await inTransaction(db, (trx) => remove(trx, itemId));
}

/** Rebuilds the index from every published item; returns how many were indexed. */
export async function reindexAll(db: Kysely<DB>): Promise<number> {
  return inTransaction(db, async (trx) => {
    if (isPostgres(trx)) await trx.deleteFrom('search_text').execute();
    else await sql`insert into search_fts (search_fts) values ('delete-all')`.execute(trx);
    await trx.deleteFrom('search_documents').execute();
    let n = 0;
    for (let last = 0; ; ) {
      const rows = await trx
        .selectFrom('catalogue_items')
        .select(['id', 'agency_id', 'category', 'title', 'summary', 'body', 'index_no', 'doc_no', 'published_date', 'generated_date'])
        .where('status', '=', 'published')
        .where('id', '>', last)
        .orderBy('id')
        .limit(500)
        .execute();
      if (!rows.length) return n;
      for (const r of rows) await insert(trx, searchDocumentOf(r));
      n += rows.length;
      last = rows[rows.length - 1]!.id;
    }
  });
}

async function remove(db: Kysely<DB>, itemId: number): Promise<void> {
  if (isPostgres(db)) await db.deleteFrom('search_text').where('item_id', '=', itemId).execute();
  else await sql`delete from search_fts where rowid = ${itemId}`.execute(db);
  await db.deleteFrom('search_documents').where('item_id', '=', itemId).execute();
}

const keyOf = (s: string | null) => (s ? exactKey(s) || null : null);

async function insert(db: Kysely<DB>, doc: SearchDocument): Promise<void> {
  await db
    .insertInto('search_documents')
    .values({ item_id: doc.itemId, agency_id: doc.agencyId, category: doc.category, year: doc.year, index_key: keyOf(doc.indexNo), doc_key: keyOf(doc.docNo) })
    .execute();
  const parts = [doc.title, doc.summary, doc.body];
  if (!isPostgres(db)) {
    const [t, s, b] = parts.map((p) => indexTokens(p).join(' '));
    const [tc, sc, bc] = parts.map((p) => indexChars(p).join(' '));
    await sql`insert into search_fts (rowid, title, summary, body, title_chars, summary_chars, body_chars)
      values (${doc.itemId}, ${t}, ${s}, ${b}, ${tc}, ${sc}, ${bc})`.execute(db);
    return;
  }
  const rows = parts.flatMap((text, part) =>
    tokenWindows(indexTokens(text)).map((window, seq) => ({
      item_id: doc.itemId,
      part,
      seq,
      tokens: sql<string>`to_tsvector('simple', ${window.join(' ')})`,
      chars: sql<string>`to_tsvector('simple', ${seq === 0 ? indexChars(text).join(' ') : ''})`,
    })),
  );
  await db.insertInto('search_text').values(rows).execute();
}

/** Every term occurs (as a phrase) in one of the parts, or, with `titleOnly`, in the title. */
function matchesAll(db: Kysely<DB>, terms: readonly SearchTerm[], titleOnly: boolean): RawBuilder<boolean> {
  if (!isPostgres(db)) {
    const cols = titleOnly ? { tokens: 'title', chars: 'title_chars' } : { tokens: '{title summary body}', chars: '{title_chars summary_chars body_chars}' };
    // Tokens hold only letters and digits, so quoting them as FTS5 strings is safe.
    const expr = terms.map((t) => `${cols[t.column]} : "${t.tokens.join(' ')}"`).join(' AND ');
    // FTS5: the table is named, never aliased, in MATCH.
    return sql<boolean>`d.item_id in (select rowid from search_fts where search_fts match ${expr})`;
  }
  const part = titleOnly ? sql`part = 0 and ` : sql``;
  const each = terms.map((t) => sql`d.item_id in (select item_id from search_text where ${part}${sql.ref(t.column)} @@ phraseto_tsquery('simple', ${t.tokens.join(' ')}))`);
  return sql<boolean>`(${sql.join(each, sql` and `)})`;
}

/**
 * Published items matching the query, best first: an exact 索引号 or 文号 match, then
 * items with the query in their title, then the newest. An empty or punctuation-only
 * query finds nothing without asking the database.
 */
export async function searchItems(db: Kysely<DB>, query: SearchQuery): Promise<SearchResult> {
  const terms = parseQuery(query.text);
  if (!terms.length) return { total: 0, hits: [] };
  const key = exactKey(query.text);
  const exact = key ? sql<boolean>`(d.index_key = ${key} or d.doc_key = ${key})` : sql<boolean>`(1 = 0)`;
  let base = db
    .selectFrom('search_documents as d')
    .innerJoin('catalogue_items as ci', 'ci.id', 'd.item_id')
    .where('ci.status', '=', 'published')
    .where(sql<boolean>`(${exact} or ${matchesAll(db, terms, false)})`);
  if (query.agencyId !== undefined) base = base.where('d.agency_id', '=', query.agencyId);
  if (query.category !== undefined) base = base.where('d.category', '=', query.category);
  if (query.year !== undefined) base = base.where('d.year', '=', query.year);

  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  if (total === 0 || query.offset >= total) return { total, hits: [] };
  const rows = await base
    .select(['d.item_id', sql<number>`case when ${exact} then 1 else 0 end`.as('exact'), sql<number>`case when ${matchesAll(db, terms, true)} then 1 else 0 end`.as('in_title')])
    .orderBy('exact', 'desc')
    .orderBy('in_title', 'desc')
    .orderBy('ci.published_at', 'desc')
    .orderBy('d.item_id', 'desc')
    .limit(Math.max(0, query.limit))
    .offset(Math.max(0, query.offset))
    .execute();
  return { total, hits: rows.map((r) => ({ itemId: r.item_id, exact: Number(r.exact) === 1 })) };
}

/** What a result list shows of its hits (published items only). */
export async function resultItems(db: Kysely<DB>, ids: readonly number[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('catalogue_items')
    .select(['id', 'agency_id', 'index_no', 'doc_no', 'title', 'summary', 'body', 'published_date'])
    .where('id', 'in', [...ids])
    .where('status', '=', 'published')
    .execute();
}

/** The years that have indexed items, newest first (for the year filter). */
export async function indexedYears(db: Kysely<DB>): Promise<number[]> {
  const rows = await db.selectFrom('search_documents').select('year').distinct().orderBy('year', 'desc').execute();
  return rows.map((r) => Number(r.year));
}
