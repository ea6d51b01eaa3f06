/**
 * Search on the demo county, on both databases: the hits of each query are exactly the
 * published items whose title, summary or body contains it (a plain substring scan);
 * 索引号 and 文号 match exactly; filters, order and paging; long bodies on PostgreSQL.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Kysely } from 'kysely';
import { loadDemo } from '../../src/app/demo/load.ts';
import { normalize } from '../../src/domain/search/tokens.ts';
import type { DB } from '../../src/store/schema.ts';
import { indexItem, reindexAll, searchDocumentOf, searchItems, SearchTimeout, unindexItem, type SearchQuery } from '../../src/store/search.repo.ts';
import { openDatabase } from '../../src/store/db.ts';
import { sql } from 'kysely';
import { eachDialect } from '../helpers/db.ts';

const queries = [
  '公告',
  '低保',
  '补贴',
  '公示',
  '救助',
  '民政',
  '镇',
  '县',
  '插旗镇',
  '城乡低保',
  '信息公开',
  '2023',
  '2023年',
  '镇2023',
  '第一季度',
  '最低生活保障',
  '不动产',
  '动产登记',
  '0730',
  '华容县人民政府',
  '低保 2023',
  '公示，插旗镇',
  '政府采购',
  'ＧＯＶ',
];

/** Counts per query on the first database, for the second to equal. */
const countsByDialect = new Map<string, Map<string, number>>();

async function publishedItems(db: Kysely<DB>) {
  return db
    .selectFrom('catalogue_items')
    .select(['id', 'agency_id', 'category', 'title', 'summary', 'body', 'index_no', 'doc_no', 'published_date', 'generated_date', 'published_at'])
    .where('status', '=', 'published')
    .execute();
}
type Item = Awaited<ReturnType<typeof publishedItems>>[number];

/** The truth: every space- or punctuation-separated part of the query is a substring of the title, summary or body. */
function scan(items: readonly Item[], q: string): number[] {
  const parts = normalize(q)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return items
    .filter((i) => parts.every((p) => [i.title, i.summary, i.body].some((f) => normalize(f).includes(p))))
    .map((i) => i.id)
    .sort((a, b) => a - b);
}

async function allHits(db: Kysely<DB>, q: Omit<SearchQuery, 'limit' | 'offset'>) {
  const r = await searchItems(db, { ...q, limit: 100_000, offset: 0 });
  assert.equal(r.hits.length, r.total);
  return r;
}
const ids = (hits: readonly { itemId: number }[]) => hits.map((h) => h.itemId).sort((a, b) => a - b);

eachDialect(
  'search',
  (get, dialect) => {
    let items: Item[] = [];
    before(async () => {
      items = await publishedItems(get().ctx.db);
    });

    test('a PostgreSQL search that takes too long is stopped with SearchTimeout; SQLite answers', async () => {
      const q = { text: '低保', limit: 5, offset: 0 };
      if (dialect === 'sqlite') {
        assert.ok((await searchItems(get().ctx.db, q, 1)).total > 0);
        return;
      }
      // Another connection holds the index table: the search waits until its timeout ends it.
      const other = await openDatabase(get().url);
      try {
        await other.db.transaction().execute(async (trx) => {
          await sql`lock table search_text in access exclusive mode`.execute(trx);
          await assert.rejects(searchItems(get().ctx.db, q, 200), SearchTimeout);
        });
      } finally {
        await other.close();
      }
      assert.ok((await searchItems(get().ctx.db, q)).total > 0, 'and the next search answers');
    });

    test('reindexAll indexes every published item, again and again', async () => {
      assert.ok(items.length > 1000);
      assert.equal(await reindexAll(get().ctx.db), items.length);
      assert.equal(
        Number(
          (
            await get()
              .ctx.db.selectFrom('search_documents')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
        items.length,
      );
    });

    test('each query finds exactly the items that contain it, as many on both databases', async () => {
      const counts = new Map<string, number>();
      for (const q of queries) {
        const truth = scan(items, q);
        const { hits, total } = await allHits(get().ctx.db, { text: q });
        assert.deepEqual(ids(hits), truth, q);
        assert.equal(total, truth.length, q);
        counts.set(q, total);
      }
      // The corpus is not trivial for the queries that matter.
      for (const q of ['公告', '低保', '民政', '镇', '插旗镇', '2023年', '镇2023', '动产登记']) assert.ok((counts.get(q) ?? 0) > 0, q);
      assert.equal(counts.get('政府采购'), 0);
      const other = [...countsByDialect.entries()].find(([d]) => d !== dialect);
      if (other) assert.deepEqual(Object.fromEntries(counts), Object.fromEntries(other[1]));
      countsByDialect.set(dialect, counts);
    });

    test('digit runs are whole tokens: 023 does not find 2023 (a known difference from a substring scan)', async () => {
      assert.ok(scan(items, '023').length > 0);
      assert.equal((await searchItems(get().ctx.db, { text: '023', limit: 10, offset: 0 })).total, 0);
    });

    test('empty, blank and punctuation-only queries find nothing without asking the database', async () => {
      const noDatabase = new Proxy({}, { get: () => assert.fail('the database was used') }) as Kysely<DB>;
      for (const text of ['', '   ', '\u3000\n', '，。！？', '〔〕——…']) {
        assert.deepEqual(await searchItems(noDatabase, { text, limit: 20, offset: 0 }), { total: 0, hits: [] });
      }
    });

    test('a 文号 or 索引号 matches exactly and comes first', async () => {
      const doc = items.find((i) => i.doc_no === '华政发〔2023〕1号')!;
      assert.ok(doc);
      for (const text of ['华政发〔2023〕1号', '华政发[2023]1号', ' 华政发（2023）1号 ']) {
        const { hits } = await searchItems(get().ctx.db, { text, limit: 20, offset: 0 });
        assert.deepEqual(hits[0], { itemId: doc.id, exact: true }, text);
        assert.ok(
          hits.slice(1).every((h) => !h.exact),
          text,
        );
      }
      const item = items.find((i) => i.index_no !== null)!;
      const byIndex = await searchItems(get().ctx.db, { text: item.index_no!, limit: 20, offset: 0 });
      assert.deepEqual(byIndex.hits[0], { itemId: item.id, exact: true });
      // A part of a 索引号 is no exact match (and its parts are not in any text).
      const prefix = item.index_no!.slice(0, item.index_no!.indexOf('/'));
      assert.equal((await searchItems(get().ctx.db, { text: prefix, limit: 20, offset: 0 })).total, 0);
    });

    test('title matches come first, then the newest', async () => {
      const { hits } = await allHits(get().ctx.db, { text: '民政' });
      const byId = new Map(items.map((i) => [i.id, i]));
      const rank = hits.map((h) => {
        const i = byId.get(h.itemId)!;
        return { inTitle: normalize(i.title).includes('民政'), at: i.published_at ?? '' };
      });
      assert.ok(rank.some((r) => r.inTitle) && rank.some((r) => !r.inTitle));
      for (let k = 1; k < rank.length; k++) {
        const [a, b] = [rank[k - 1]!, rank[k]!];
        assert.ok(a.inTitle >= b.inTitle, `title matches first at ${k}`);
        if (a.inTitle === b.inTitle) assert.ok(a.at >= b.at, `newest first at ${k}`);
      }
    });

    test('filters by agency, category and year', async () => {
      const sample = items.find((i) => normalize(i.title).includes('低保'))!;
      const year = Number(sample.published_date!.slice(0, 4));
      const filters = [
        { agencyId: sample.agency_id },
        { category: sample.category },
        { year },
        { agencyId: sample.agency_id, category: sample.category, year },
      ];
      for (const f of filters) {
        const truth = scan(items, '低保').filter((id) => {
          const i = items.find((x) => x.id === id)!;
          return (
            (f.agencyId === undefined || i.agency_id === f.agencyId) &&
            (f.category === undefined || i.category === f.category) &&
            (f.year === undefined || i.published_date?.startsWith(String(f.year)))
          );
        });
        assert.ok(truth.length > 0, JSON.stringify(f));
        assert.deepEqual(ids((await allHits(get().ctx.db, { text: '低保', ...f })).hits), truth, JSON.stringify(f));
      }
      assert.equal((await searchItems(get().ctx.db, { text: '低保', agencyId: 999_999, limit: 20, offset: 0 })).total, 0);
      assert.equal((await searchItems(get().ctx.db, { text: '低保', year: 1999, limit: 20, offset: 0 })).total, 0);
    });

    test('pages follow one another without gaps or repeats', async () => {
      const all = await allHits(get().ctx.db, { text: '公示' });
      const paged: number[] = [];
      for (let offset = 0; offset < all.total; offset += 7) {
        const page = await searchItems(get().ctx.db, { text: '公示', limit: 7, offset });
        assert.equal(page.total, all.total);
        paged.push(...page.hits.map((h) => h.itemId));
      }
      assert.deepEqual(
        paged,
        all.hits.map((h) => h.itemId),
      );
      assert.deepEqual(await searchItems(get().ctx.db, { text: '公示', limit: 7, offset: all.total }), { total: all.total, hits: [] });
    });

    test('indexItem replaces an entry, unindexItem removes it', async () => {
      const db = get().ctx.db;
      const item = items.find((i) => i.doc_no !== null)!;
      const doc = searchDocumentOf(item);
      await indexItem(db, { ...doc, body: `${doc.body}\n附件：蓝莓种植补贴申领表` });
      assert.deepEqual(ids((await allHits(db, { text: '蓝莓种植' })).hits), [item.id]);
      await indexItem(db, doc);
      assert.equal((await allHits(db, { text: '蓝莓种植' })).total, 0);
      await unindexItem(db, item.id);
      assert.equal(
        (await allHits(db, { text: item.doc_no! })).hits.some((h) => h.itemId === item.id),
        false,
      );
      await indexItem(db, doc);
      assert.deepEqual((await searchItems(db, { text: item.doc_no!, limit: 1, offset: 0 })).hits, [{ itemId: item.id, exact: true }]);
    });

    test('entries are numbered in order of publication, also when placed between others again and again', async () => {
      const db = get().ctx.db;
      const byTime = (x: { published_at: string | null; id: number }, y: { published_at: string | null; id: number }) =>
        (x.published_at ?? '') < (y.published_at ?? '') ? -1 : (x.published_at ?? '') > (y.published_at ?? '') ? 1 : x.id - y.id;
      const sorted = [...items].sort(byTime);
      const k = sorted.findIndex((x, i) => i > 0 && sorted[i + 1] && sorted[i + 1]!.published_at! > x.published_at! && x.id < 1000);
      const a = sorted[k]!;
      // Items placed one after another just after `a` halve the room before the next entry each time,
      // until none is left and the index is rebuilt.
      const movers = items.filter((x) => x.id > a.id).slice(0, 25);
      for (const m of movers) await indexItem(db, { ...searchDocumentOf(m), publishedAt: a.published_at! });
      const docs = await db.selectFrom('search_documents').select(['item_id', 'published_at', 'seq']).orderBy('seq').execute();
      assert.equal(docs.length, items.length);
      const expected = [...docs].sort((x, y) => byTime({ published_at: x.published_at, id: x.item_id }, { published_at: y.published_at, id: y.item_id }));
      assert.deepEqual(
        docs.map((d) => d.item_id),
        expected.map((d) => d.item_id),
      );
      const last = movers.at(-1)!;
      assert.equal(docs.find((d) => d.item_id === last.id)?.published_at, a.published_at);
      await reindexAll(db);
    });

    test('a phrase deep in a long body is found (PostgreSQL indexes it in windows)', async () => {
      const db = get().ctx.db;
      const item = items[0]!;
      const doc = searchDocumentOf(item);
      // 600 × 低保 passes the 256 positions PostgreSQL keeps per lexeme; 40,000 characters pass 16,383 positions.
      const body = `${'低保对象名单。'.repeat(600)}${'甲乙丙丁戊己庚辛'.repeat(5000)}第3季度公示樱桃园2031年验收低保樱桃`;
      await indexItem(db, { ...doc, body });
      for (const q of ['樱桃园2031年', '低保樱桃', '3季度公示樱桃']) {
        assert.deepEqual(ids((await allHits(db, { text: q })).hits), [item.id], q);
      }
      await indexItem(db, doc);
    });
  },
  async (t) => {
    // The demo loader will call reindexAll itself; until then the tests do.
    await loadDemo(t.ctx);
    await reindexAll(t.ctx.db);
  },
);
