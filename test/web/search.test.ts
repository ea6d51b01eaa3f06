import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadDemo } from '../../src/app/demo/load.ts';
import { resolveAgency } from '../../src/app/agencies/resolve.ts';
import { indexItem, reindexAll, searchDocumentOf } from '../../src/store/search.repo.ts';
import { sql } from 'kysely';
import { openDatabase } from '../../src/store/db.ts';
import { eachDialect } from '../helpers/db.ts';
import { Client, testApp, textOf } from '../helpers/web.ts';

const search = (params: Record<string, string>) => `/search?${new URLSearchParams(params).toString()}`;

eachDialect(
  'search page',
  (get, dialect) => {
    let app: FastifyInstance;
    before(async () => {
      app = await testApp(get().ctx);
    });
    after(async () => app.close());

    test('results: count, highlighted titles and snippets, metadata, paging', async () => {
      const client = new Client(app);
      const res = await client.get(search({ q: '城乡低保' }));
      assert.equal(res.statusCode, 200);
      const text = textOf(res.body);
      const count = Number(/共找到(\d+)条与“城乡低保”相关的政府信息/.exec(text)?.[1]);
      assert.ok(count > 20, text.slice(0, 300));
      assert.ok(res.body.includes('<mark>城乡低保</mark>'));
      assert.equal((res.body.match(/<li><h3><a href="\/items\/\d+">/g) ?? []).length, 20);
      for (const label of ['索引号：', '发布机构：华容县', '公开日期：20']) assert.ok(text.includes(label), label);
      assert.ok(res.body.includes('<meta name="SiteName" content="华容县人民政府"/>'));
      assert.ok(res.body.includes('<meta name="ColumnName" content="站内搜索"/>'));
      assert.ok(res.body.includes('<label for="field-q">搜索词</label>'));
      assert.ok(res.body.includes('role="search"'));
      const next = /<a href="(\/search\?[^"]*page=2)">下一页<\/a>/.exec(res.body);
      assert.ok(next, 'a link to the next page');
      const page2 = await client.get(next[1]!.replace(/&amp;/g, '&'));
      assert.equal(page2.statusCode, 200);
      assert.ok(page2.body.includes('<ol class="search-results" start="21">'));
      // A page past the end shows the last page.
      const last = await client.get(search({ q: '城乡低保', page: '999' }));
      assert.ok(last.body.includes(`第${Math.ceil(count / 20)}页`));
    });

    test('a 文号 finds its item first, marked as an exact match', async () => {
      const res = await new Client(app).get(search({ q: '华政发[2023]1号' }));
      assert.equal(res.statusCode, 200);
      const first = res.body.indexOf('<li><h3>');
      assert.ok(first > 0);
      const item = res.body.slice(first, res.body.indexOf('</li>', first));
      assert.ok(item.includes('文号完全匹配') && item.includes('文号：华政发〔2023〕1号'), item);
    });

    test('filters narrow the results and are kept in the form and the pager', async () => {
      const chaqi = await resolveAgency(get().ctx, '插旗镇');
      const client = new Client(app);
      const all = Number(/共找到(\d+)条/.exec(textOf((await client.get(search({ q: '公示' }))).body))?.[1]);
      const res = await client.get(search({ q: '公示', agency: String(chaqi.id), category: 'notices', year: '2023' }));
      const n = Number(/共找到(\d+)条/.exec(textOf(res.body))?.[1]);
      assert.ok(n > 0 && n < all, `${n} of ${all}`);
      assert.ok(res.body.includes(`<option value="${chaqi.id}" selected="">华容县插旗镇人民政府</option>`));
      assert.ok(res.body.includes('<option value="notices" selected="">通知公告</option>'));
      assert.ok(res.body.includes('<option value="2023" selected="">2023年</option>'));
      for (const m of textOf(res.body).matchAll(/公开日期：(\d{4})/g)) assert.equal(m[1], '2023');
    });

    test('text from the catalogue and the query are escaped; only the marks are markup', async () => {
      const { db } = get().ctx;
      const item = await db.selectFrom('catalogue_items').selectAll().where('status', '=', 'published').orderBy('id').executeTakeFirstOrThrow();
      const title = '<img src=x onerror=alert(1)>樱桃补贴&公示';
      await db.updateTable('catalogue_items').set({ title }).where('id', '=', item.id).execute();
      await indexItem(db, searchDocumentOf({ ...item, title }));
      try {
        const res = await new Client(app).get(search({ q: '樱桃补贴' }));
        assert.equal(res.statusCode, 200);
        assert.ok(!res.body.includes('<img src=x'));
        assert.ok(res.body.includes('&lt;img src=x onerror=alert(1)&gt;<mark>樱桃补贴</mark>&amp;公示'), res.body.slice(res.body.indexOf('<ol')));
        const q = await new Client(app).get(search({ q: '"><script>alert(1)</script>' }));
        assert.equal(q.statusCode, 200);
        assert.ok(!q.body.includes('<script>alert'));
        assert.ok(q.body.includes('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"'));
      } finally {
        await db.updateTable('catalogue_items').set({ title: item.title }).where('id', '=', item.id).execute();
        await indexItem(db, searchDocumentOf(item));
      }
    });

    test('no results: a clear page that suggests what to try', async () => {
      const client = new Client(app);
      const res = await client.get(search({ q: '政府采购' }));
      assert.equal(res.statusCode, 200);
      const text = textOf(res.body);
      assert.ok(text.includes('没有找到与“政府采购”相关的政府信息'));
      assert.ok(text.includes('换用更短、更常用的词语') && res.body.includes('href="/agencies"'));
      assert.ok(!text.includes('去掉发布机构'));
      const filtered = await client.get(search({ q: '低保', year: '2019' }));
      assert.ok(textOf(filtered.body).includes('没有找到与“低保”相关的政府信息'));
      assert.ok(filtered.body.includes(`<a href="${search({ q: '低保' })}">去掉发布机构、分类和年份的限制</a>`));
    });

    test('an empty or punctuation-only query shows the form and a hint', async () => {
      const client = new Client(app);
      for (const url of ['/search', search({ q: '   ' })]) {
        const res = await client.get(url);
        assert.equal(res.statusCode, 200);
        assert.ok(textOf(res.body).includes('请输入要查找的词语'));
        assert.ok(!res.body.includes('search-results') && !res.body.includes('没有找到'));
      }
      const punct = await client.get(search({ q: '，。！' }));
      assert.ok(textOf(punct.body).includes('中没有可以查找的文字或数字'));
    });

    test('bad parameters are named and left out, never an error', async () => {
      const client = new Client(app);
      const cases: [string, string | null][] = [
        [search({ q: '低保', year: 'abc' }), '“abc”不是有效的年份，已按全部年份查找。'],
        [search({ q: '低保', year: '20231' }), '不是有效的年份'],
        [search({ q: '低保', agency: '999999' }), '没有找到所选的发布机构，已按全部机构查找。'],
        [search({ q: '低保', agency: '-1' }), '没有找到所选的发布机构'],
        [search({ q: '低保', category: '<b>x</b>' }), '没有“&lt;b&gt;x&lt;/b&gt;”这个分类，已按全部分类查找。'],
        [search({ q: '低保', category: 'statutory' }), '这个分类'],
        [search({ q: '低'.repeat(150) }), '搜索词超过100个字，只按前100个字查找。'],
        [search({ q: '低保', page: '-3' }), null],
        [search({ q: '低保', page: 'x' }), null],
        ['/search?q=%E4%BD%8E%E4%BF%9D&q=%E5%85%AC%E5%91%8A&year=2023&year=x', null],
        ['/search?q[a]=1&agency[]=2', null],
        ['/search?q=%E4%BD%8E%E4%BF%9D%00', null],
      ];
      for (const [url, note] of cases) {
        const res = await client.get(url);
        assert.equal(res.statusCode, 200, url);
        if (note) assert.ok(res.body.includes(note), `${url}: ${note}`);
      }
      const ignored = await client.get(search({ q: '低保', year: 'abc', agency: '999999' }));
      const plain = await client.get(search({ q: '低保' }));
      assert.equal(/共找到(\d+)条/.exec(textOf(ignored.body))?.[1], /共找到(\d+)条/.exec(textOf(plain.body))?.[1]);
    });

    test('a search stopped for taking too long (PostgreSQL) gets a page that says so and how to narrow it', async () => {
      if (dialect === 'sqlite') return; // FTS5 answers within the request; there is no statement timeout to reach
      const other = await openDatabase(get().url);
      process.env.GONGKAI_SEARCH_TIMEOUT_MS = '200';
      try {
        await other.db.transaction().execute(async (trx) => {
          // Another connection holds the index table, so the search waits until its timeout.
          await sql`lock table search_text in access exclusive mode`.execute(trx);
          const res = await new Client(app).get('/search?q=低保');
          assert.equal(res.statusCode, 200);
          assert.ok(textOf(res.body).includes('检索“低保”用时过长，已停止。请换用更具体的词语'));
        });
      } finally {
        delete process.env.GONGKAI_SEARCH_TIMEOUT_MS;
        await other.close();
      }
    });

    test('the search is rate-limited per client address', async () => {
      const limited = await testApp(get().ctx);
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 61; i++) statuses.push((await limited.inject({ method: 'GET', url: search({ q: '镇' }) })).statusCode);
        assert.deepEqual(statuses.slice(0, 60), Array(60).fill(200));
        assert.equal(statuses[60], 429);
      } finally {
        await limited.close();
      }
    });
  },
  async (t) => {
    // The demo loader will call reindexAll itself; until then the tests do.
    await loadDemo(t.ctx);
    await reindexAll(t.ctx.db);
  },
);
