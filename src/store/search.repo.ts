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
  /** First publication (ISO timestamp): results are ordered by it. */
  publishedAt: string;
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

type ItemFields = Pick<
  CatalogueItemTable,
  'agency_id' | 'category' | 'title' | 'summary' | 'body' | 'index_no' | 'doc_no' | 'published_date' | 'generated_date' | 'published_at'
> & {
  id: number;
};

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
    publishedAt: item.published_at ?? '',
  };
}

/** Runs `fn` in the caller's transaction, or in a new one. */
function inTransaction<T>(db: Kysely<DB>, fn: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

/**
 * Numbers of entries (seq) rise with (published_at, item_id), GAP apart when the index is
 * rebuilt; an entry placed between two others takes the middle. When there is no middle left
 * (only after many items published with earlier dates than others, which the workflow never
 * does) the index is rebuilt.
 */
const gap = 2 ** 20;

/** Adds an item to the index, or replaces its entry (keeping its number when its publication is unchanged). */
export async function indexItem(db: Kysely<DB>, doc: SearchDocument): Promise<void> {
  await inTransaction(db, async (trx) => {
    const old = await trx.selectFrom('search_documents').select(['seq', 'published_at']).where('item_id', '=', doc.itemId).executeTakeFirst();
    await remove(trx, doc.itemId);
    let seq = old && old.published_at === doc.publishedAt ? Number(old.seq) : await freeSeq(trx, doc);
    if (seq === null) {
      await reindexAll(trx);
      await remove(trx, doc.itemId);
      seq = (await freeSeq(trx, doc))!;
    }
    await insert(trx, [{ ...doc, seq }]);
  });
}

/** A number between the entries before and after the document's place, or null when there is none. */
async function freeSeq(db: Kysely<DB>, doc: SearchDocument): Promise<number | null> {
  const key = sql`(${doc.publishedAt}, ${doc.itemId})`;
  const [before, after] = await Promise.all([
    db
      .selectFrom('search_documents')
      .select('seq')
      .where(sql<boolean>`(published_at, item_id) < ${key}`)
      .orderBy('published_at', 'desc')
      .orderBy('item_id', 'desc')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('search_documents')
      .select('seq')
      .where(sql<boolean>`(published_at, item_id) > ${key}`)
      .orderBy('published_at')
      .orderBy('item_id')
      .limit(1)
      .executeTakeFirst(),
  ]);
  const lo = before ? Number(before.seq) : 0;
  if (!after) return lo + gap;
  const hi = Number(after.seq);
  return hi - lo >= 2 ? lo + Math.floor((hi - lo) / 2) : null;
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
    // Numbers in order of publication, GAP apart; the items are then read in pages by id.
    const order = await trx.selectFrom('catalogue_items').select(['id', 'published_at']).where('status', '=', 'published').execute();
    order.sort((a, b) => ((a.published_at ?? '') < (b.published_at ?? '') ? -1 : (a.published_at ?? '') > (b.published_at ?? '') ? 1 : a.id - b.id));
    const seqOf = new Map(order.map((r, i) => [r.id, (i + 1) * gap]));
    let n = 0;
    for (let last = 0; ; ) {
      const rows = await trx
        .selectFrom('catalogue_items')
        .select(['id', 'agency_id', 'category', 'title', 'summary', 'body', 'index_no', 'doc_no', 'published_date', 'generated_date', 'published_at'])
        .where('status', '=', 'published')
        .where('id', '>', last)
        .orderBy('id')
        .limit(500)
        .execute();
      if (!rows.length) return n;
      await insert(
        trx,
        rows.map((r) => ({ ...searchDocumentOf(r), seq: seqOf.get(r.id)! })),
      );
      n += rows.length;
      last = rows[rows.length - 1]!.id;
    }
  });
}

async function remove(db: Kysely<DB>, itemId: number): Promise<void> {
  if (isPostgres(db)) await db.deleteFrom('search_text').where('item_id', '=', itemId).execute();
  else await sql`delete from search_fts where rowid = (select seq from search_documents where item_id = ${itemId})`.execute(db);
  await db.deleteFrom('search_documents').where('item_id', '=', itemId).execute();
}

const keyOf = (s: string | null) => (s ? exactKey(s) || null : null);

/** Indexes documents with one statement per table (a page of reindexAll at a time). */
async function insert(db: Kysely<DB>, docs: readonly (SearchDocument & { seq: number })[]): Promise<void> {
  if (!docs.length) return;
  await db
    .insertInto('search_documents')
    .values(
      docs.map((doc) => ({
        item_id: doc.itemId,
        agency_id: doc.agencyId,
        category: doc.category,
        year: doc.year,
        index_key: keyOf(doc.indexNo),
        doc_key: keyOf(doc.docNo),
        published_at: doc.publishedAt,
        seq: doc.seq,
      })),
    )
    .execute();
  if (!isPostgres(db)) {
    const values = docs.map((doc) => {
      const parts = [doc.title, doc.summary, doc.body];
      const [t, s, b] = parts.map((p) => indexTokens(p).join(' '));
      const [tc, sc, bc] = parts.map((p) => indexChars(p).join(' '));
      return sql`(${doc.seq}, ${t}, ${s}, ${b}, ${tc}, ${sc}, ${bc})`;
    });
    await sql`insert into search_fts (rowid, title, summary, body, title_chars, summary_chars, body_chars) values ${sql.join(values)}`.execute(db);
    return;
  }
  const rows = docs.flatMap((doc) =>
    [doc.title, doc.summary, doc.body].flatMap((text, part) =>
      tokenWindows(indexTokens(text)).map((window, seq) => ({
        item_id: doc.itemId,
        part,
        seq,
        tokens: sql<string>`to_tsvector('simple', ${window.join(' ')})`,
        chars: sql<string>`to_tsvector('simple', ${seq === 0 ? indexChars(text).join(' ') : ''})`,
      })),
    ),
  );
  // PostgreSQL takes at most 65,535 parameters a statement (5 a row).
  for (let i = 0; i < rows.length; i += 10_000)
    await db
      .insertInto('search_text')
      .values(rows.slice(i, i + 10_000))
      .execute();
}

/** The FTS5 query: every term (as a phrase) in one of the parts, or, with `titleOnly`, in the title. */
function ftsQuery(terms: readonly SearchTerm[], titleOnly: boolean): string {
  const cols = titleOnly ? { tokens: 'title', chars: 'title_chars' } : { tokens: '{title summary body}', chars: '{title_chars summary_chars body_chars}' };
  // Tokens hold only letters and digits, so quoting them as FTS5 strings is safe.
  return terms.map((t) => `${cols[t.column]} : "${t.tokens.join(' ')}"`).join(' AND ');
}

/** The same on PostgreSQL, as a condition on search_documents d. */
function matchesAll(terms: readonly SearchTerm[], titleOnly: boolean): RawBuilder<boolean> {
  const part = titleOnly ? sql`part = 0 and ` : sql``;
  const each = terms.map(
    (t) => sql`d.item_id in (select item_id from search_text where ${part}${sql.ref(t.column)} @@ phraseto_tsquery('simple', ${t.tokens.join(' ')}))`,
  );
  return sql<boolean>`(${sql.join(each, sql` and `)})`;
}

function filters(q: SearchQuery): RawBuilder<boolean> {
  const on = [sql`1 = 1`];
  if (q.agencyId !== undefined) on.push(sql`d.agency_id = ${q.agencyId}`);
  if (q.category !== undefined) on.push(sql`d.category = ${q.category}`);
  if (q.year !== undefined) on.push(sql`d.year = ${q.year}`);
  return sql<boolean>`(${sql.join(on, sql` and `)})`;
}

/**
 * Published items matching the query, best first: an exact 索引号 or 文号 match, then
 * items with the query in their title, then the rest; the newest first within each. The
 * index holds published items only (the workflow adds and removes them in the transaction
 * that publishes, corrects or withdraws). An empty or punctuation-only query finds nothing
 * without asking the database.
 */
export async function searchItems(db: Kysely<DB>, query: SearchQuery, timeoutMs = searchTimeoutMs()): Promise<SearchResult> {
  const terms = parseQuery(query.text);
  if (!terms.length) return { total: 0, hits: [] };
  const key = exactKey(query.text);
  if (!isPostgres(db)) return searchFts(db, query, terms, key);
  if (db.isTransaction) return searchPostgres(db, query, terms, key);
  try {
    return await db.transaction().execute(async (trx) => {
      await sql.raw(`set local statement_timeout = ${Math.max(1, Math.round(timeoutMs))}`).execute(trx);
      return searchPostgres(trx, query, terms, key);
    });
  } catch (e) {
    if ((e as { code?: string }).code === '57014') throw new SearchTimeout();
    throw e;
  }
}

/**
 * PostgreSQL stops a search after this long: counting hundreds of thousands of phrase matches
 * over a GIN index without positions takes seconds at 1,000,000 items, and a two-word query
 * was seen running for half an hour (docs/benchmarks.md). A reader gets a page saying so.
 * 10 s unless GONGKAI_SEARCH_TIMEOUT_MS says otherwise.
 */
export function searchTimeoutMs(): number {
  const ms = Number(process.env.GONGKAI_SEARCH_TIMEOUT_MS);
  return ms > 0 ? ms : 10_000;
}

export class SearchTimeout extends Error {
  override name = 'SearchTimeout';
  constructor() {
    super('检索用时过长，已停止');
  }
}

async function searchPostgres(db: Kysely<DB>, query: SearchQuery, terms: readonly SearchTerm[], key: string): Promise<SearchResult> {
  const exact = key ? sql<boolean>`(d.index_key = ${key} or d.doc_key = ${key})` : sql<boolean>`(1 = 0)`;
  const base = db
    .selectFrom('search_documents as d')
    .where(sql<boolean>`(${exact} or ${matchesAll(terms, false)})`)
    .where(filters(query));
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  if (total === 0 || query.offset >= total) return { total, hits: [] };
  const rows = await base
    .select([
      'd.item_id',
      sql<number>`case when ${exact} then 1 else 0 end`.as('exact'),
      sql<number>`case when ${matchesAll(terms, true)} then 1 else 0 end`.as('in_title'),
    ])
    .orderBy('exact', 'desc')
    .orderBy('in_title', 'desc')
    .orderBy('d.seq', 'desc')
    .limit(Math.max(0, query.limit))
    .offset(Math.max(0, query.offset))
    .execute();
  return { total, hits: rows.map((r) => ({ itemId: r.item_id, exact: Number(r.exact) === 1 })) };
}

/**
 * SQLite: search_fts numbers entries newest last (rowid = seq), so a page reads the matches
 * newest first and stops; only the total counts every match, in FTS5 alone.
 */
async function searchFts(db: Kysely<DB>, q: SearchQuery, terms: readonly SearchTerm[], key: string): Promise<SearchResult> {
  const all = ftsQuery(terms, false);
  const title = ftsQuery(terms, true);
  const where = filters(q);
  const filtered = q.agencyId !== undefined || q.category !== undefined || q.year !== undefined;
  const exact = key
    ? (
        await sql<{
          item_id: number;
          seq: number;
        }>`select item_id, seq from search_documents d where (d.index_key = ${key} or d.doc_key = ${key}) and ${where}`.execute(db)
      ).rows
    : [];
  const seqs = exact.map((e) => e.seq);
  const matching = async (expr: string) =>
    new Set(
      seqs.length
        ? (await sql<{ rowid: number }>`select rowid from search_fts where search_fts match ${expr} and rowid in (${sql.join(seqs)})`.execute(db)).rows.map(
            (r) => r.rowid,
          )
        : [],
    );
  const [inText, inTitle] = await Promise.all([matching(all), matching(title)]);
  const count = async (expr: string) =>
    Number(
      (filtered
        ? await sql<{
            n: number;
          }>`select count(*) as n from search_fts join search_documents d on d.seq = search_fts.rowid where search_fts match ${expr} and ${where}`.execute(db)
        : await sql<{ n: number }>`select count(*) as n from search_fts where search_fts match ${expr}`.execute(db)
      ).rows[0]!.n,
    );
  const total = (await count(all)) + exact.filter((e) => !inText.has(e.seq)).length;
  if (total === 0 || q.offset >= total) return { total, hits: [] };

  const others = exact.length ? sql`and d.item_id not in (${sql.join(exact.map((e) => e.item_id))})` : sql``;
  const page = async (expr: string, limit: number, offset: number): Promise<SearchHit[]> =>
    (
      await sql<{ item_id: number }>`select d.item_id from search_fts join search_documents d on d.seq = search_fts.rowid
        where search_fts match ${expr} and ${where} ${others} order by search_fts.rowid desc limit ${limit} offset ${offset}`.execute(db)
    ).rows.map((r) => ({ itemId: r.item_id, exact: false }));
  const first = [...exact]
    .sort((a, b) => Number(inTitle.has(b.seq)) - Number(inTitle.has(a.seq)) || b.seq - a.seq)
    .map((e) => ({ itemId: e.item_id, exact: true }));
  let offset = Math.max(0, q.offset);
  let limit = Math.max(0, q.limit);
  const hits = first.slice(offset, offset + limit);
  offset = Math.max(0, offset - first.length);
  limit -= hits.length;
  if (limit === 0) return { total, hits };
  const inTitleHits = await page(title, limit, offset);
  hits.push(...inTitleHits);
  if (inTitleHits.length === limit) return { total, hits };
  // Past the title matches: the page goes on among the others.
  const titleMatches = offset === 0 ? inTitleHits.length : (await count(title)) - inTitle.size;
  hits.push(...(await page(`(${all}) NOT (${title})`, limit - inTitleHits.length, Math.max(0, offset - titleMatches))));
  return { total, hits };
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
