/** Atom feeds and the sitemap: well-formed XML with the right entries, split past the per-file limit. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { loadDemo } from '../../src/app/demo/load.ts';
import { setSetting } from '../../src/store/settings.repo.ts';
import { resolveAgency } from '../../src/app/agencies/resolve.ts';
import { insertCatalogueItem } from '../../src/store/records.repo.ts';
import { installErrorHandling } from '../../src/web/plugins/errors.tsx';
import { feedRoutes } from '../../src/web/portal/feeds.ts';
import { sitemapFiles } from '../../src/web/portal/xml.ts';
import { eachDialect } from '../helpers/db.ts';
import { Client, testApp } from '../helpers/web.ts';

interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

const entity = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
function decode(s: string): string {
  if (entity.test(s)) throw new Error(`bare & in ${s}`);
  return s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_m, e: string) =>
    e.startsWith('#x')
      ? String.fromCodePoint(parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(Number(e.slice(1)))
        : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e]!,
  );
}

/** A strict little XML parser: throws on anything that is not well-formed (enough for feeds and sitemaps). */
function parseXml(xml: string): XmlNode {
  const token = /<\?xml[^?]*\?>|<\/([\w:.-]+)\s*>|<([\w:.-]+)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/y;
  const stack: XmlNode[] = [{ name: '#document', attrs: {}, children: [], text: '' }];
  let pos = 0;
  while (pos < xml.length) {
    token.lastIndex = pos;
    const m = token.exec(xml);
    if (!m) throw new Error(`not well-formed at ${pos}: ${xml.slice(pos, pos + 40)}`);
    pos = token.lastIndex;
    const top = stack.at(-1)!;
    if (m[1]) {
      if (top.name !== m[1]) throw new Error(`</${m[1]}> closes <${top.name}>`);
      stack.pop();
    } else if (m[2]) {
      const attrs: Record<string, string> = {};
      for (const a of (m[3] ?? '').matchAll(/([\w:.-]+)="([^"]*)"/g)) attrs[a[1]!] = decode(a[2]!);
      const node = { name: m[2], attrs, children: [], text: '' };
      if (stack.length === 1 && top.children.length) throw new Error('two root elements');
      top.children.push(node);
      if (!m[4]) stack.push(node);
    } else if (m[5] !== undefined) {
      if (stack.length === 1) {
        if (m[5].trim()) throw new Error('text outside the root');
      } else top.text += decode(m[5]);
    }
    if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(m[0])) throw new Error('a character XML forbids');
  }
  if (stack.length !== 1) throw new Error(`<${stack.at(-1)!.name}> not closed`);
  return stack[0]!.children[0]!;
}

const child = (n: XmlNode, name: string) => n.children.find((c) => c.name === name);
const children = (n: XmlNode, name: string) => n.children.filter((c) => c.name === name);
const text = (n: XmlNode, name: string) => child(n, name)?.text ?? '';
const iso = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

eachDialect(
  'portal feeds and sitemap',
  (get) => {
    let app: FastifyInstance;
    let chaqi: number;
    let tricky: number;
    before(async () => {
      const { ctx } = get();
      app = await testApp(ctx);
      chaqi = (await resolveAgency(ctx, '插旗镇')).id;
      tricky = await insertCatalogueItem(ctx.db, {
        agency_id: chaqi,
        index_no: 'FEEDTEST/2026-00001',
        title: "关于“<标题>” & '引号' 的通知\u0001",
        summary: '概述 <b>不是标签</b> & 符号',
        body: '正文',
        category: 'notices',
        generated_date: '2026-11-26',
        published_at: '2026-11-27T01:59:00.000Z',
        published_date: '2026-11-27',
        disclosure_mode: '主动公开',
        scope: '面向全社会',
        status: 'published',
        created_at: '2026-11-27T01:59:00.000Z',
      });
      await insertCatalogueItem(ctx.db, {
        agency_id: chaqi,
        index_no: 'FEEDTEST/2026-00002',
        title: '已撤回的通知',
        summary: '',
        body: '正文',
        category: 'notices',
        generated_date: '2026-11-26',
        published_at: '2026-11-27T01:58:00.000Z',
        published_date: '2026-11-27',
        disclosure_mode: '主动公开',
        scope: '面向全社会',
        status: 'withdrawn',
        withdrawn_at: '2026-11-27T01:59:30.000Z',
        withdrawn_reason: '测试',
        created_at: '2026-11-27T01:58:00.000Z',
      });
    });
    after(async () => app.close());

    test('the county feed is valid Atom with the 50 latest published items, escaped', async () => {
      const { db } = get().ctx;
      const res = await new Client(app).get('/feed.atom');
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'application/atom+xml; charset=utf-8');
      const feed = parseXml(res.body);
      assert.equal(feed.name, 'feed');
      assert.equal(feed.attrs.xmlns, 'http://www.w3.org/2005/Atom');
      assert.equal(text(feed, 'id'), 'https://www.huarong.gov.cn/feed.atom');
      assert.match(text(feed, 'updated'), iso);
      assert.ok(text(feed, 'title').includes('华容县人民政府'));
      assert.ok(children(feed, 'link').some((l) => l.attrs.rel === 'self' && l.attrs.href === 'https://www.huarong.gov.cn/feed.atom'));
      const entries = children(feed, 'entry');
      assert.equal(entries.length, 50);
      const newest = await db
        .selectFrom('catalogue_items')
        .select('id')
        .where('status', '=', 'published')
        .orderBy('published_at', 'desc')
        .orderBy('id', 'desc')
        .limit(50)
        .execute();
      assert.deepEqual(
        entries.map((e) => text(e, 'id')),
        newest.map((r) => `https://www.huarong.gov.cn/items/${r.id}`),
      );
      for (const e of entries) {
        assert.match(text(e, 'updated'), iso);
        assert.match(text(e, 'published'), iso);
        assert.ok(text(e, 'title') && text(e, 'summary'));
        assert.equal(child(e, 'link')?.attrs.href, text(e, 'id'));
        assert.ok(text(child(e, 'author')!, 'name'));
      }
      const t = entries.find((e) => text(e, 'id').endsWith(`/items/${tricky}`))!;
      assert.equal(text(t, 'title'), "关于“<标题>” & '引号' 的通知");
      assert.equal(text(t, 'summary'), '概述 <b>不是标签</b> & 符号');
      assert.ok(!res.body.includes('已撤回的通知'));
    });

    test("an agency's feed and a column's feed hold only their items", async () => {
      const c = new Client(app);
      const agencyFeed = parseXml((await c.get(`/agencies/${chaqi}/feed.atom`)).body);
      const authors = new Set(children(agencyFeed, 'entry').map((e) => text(child(e, 'author')!, 'name')));
      assert.deepEqual([...authors], ['华容县插旗镇人民政府']);
      assert.equal(text(agencyFeed, 'id'), `https://www.huarong.gov.cn/agencies/${chaqi}/feed.atom`);
      const column = await c.get(`/agencies/${chaqi}/feed.atom?category=notices`);
      const columnFeed = parseXml(column.body);
      assert.ok(children(columnFeed, 'entry').length > 0);
      assert.deepEqual([...new Set(children(columnFeed, 'entry').map((e) => child(e, 'category')!.attrs.term))], ['通知公告']);
      assert.ok(text(columnFeed, 'title').includes('通知公告'));
      const policy = parseXml((await c.get(`/agencies/${chaqi}/feed.atom?category=policy`)).body);
      assert.ok(!children(policy, 'entry').some((e) => text(e, 'id').endsWith(`/items/${tricky}`)));
      assert.equal((await c.get(`/agencies/${chaqi}/feed.atom?category=bogus`)).statusCode, 404);
      assert.equal((await c.get('/agencies/999999/feed.atom')).statusCode, 404);
      const list = await c.get(`/agencies/${chaqi}/items?category=notices`);
      assert.ok(
        list.body.includes(
          `<link rel="alternate" type="application/atom+xml" title="华容县插旗镇人民政府通知公告" href="/agencies/${chaqi}/feed.atom?category=notices"/>`,
        ),
      );
    });

    test('the sitemap lists the home page, agencies, columns, every published item and annual report', async () => {
      const { db } = get().ctx;
      const res = await new Client(app).get('/sitemap.xml');
      assert.equal(res.statusCode, 200);
      const set = parseXml(res.body);
      assert.equal(set.name, 'urlset');
      assert.equal(set.attrs.xmlns, 'http://www.sitemaps.org/schemas/sitemap/0.9');
      const locs = children(set, 'url').map((u) => text(u, 'loc'));
      const base = 'https://www.huarong.gov.cn';
      for (const p of [
        '/',
        '/agencies',
        '/items',
        '/annual-reports',
        `/agencies/${chaqi}`,
        `/agencies/${chaqi}/guide`,
        `/agencies/${chaqi}/annual-reports`,
        `/agencies/${chaqi}/items?category=notices`,
      ]) {
        assert.ok(locs.includes(`${base}${p}`), p);
      }
      const published = await db.selectFrom('catalogue_items').select('id').where('status', '=', 'published').execute();
      const itemLocs = locs.filter((l) => /\/items\/\d+$/.test(l));
      assert.deepEqual(new Set(itemLocs), new Set(published.map((r) => `${base}/items/${r.id}`)));
      const reports = await db.selectFrom('annual_reports').select(['agency_id', 'year']).distinct().execute();
      assert.equal(locs.filter((l) => /\/annual-reports\/\d+$/.test(l)).length, reports.length);
      assert.equal(new Set(locs).size, locs.length, 'no URL twice');
    });

    test('past the per-file limit the sitemap is an index of files, each within the limit', async () => {
      assert.deepEqual(sitemapFiles(10, 40, 50), { single: true });
      assert.deepEqual(sitemapFiles(10, 41, 50), { single: false, files: ['pages-1.xml', 'items-1.xml'] });
      assert.deepEqual(sitemapFiles(120, 100_001, 50_000), { single: false, files: ['pages-1.xml', 'items-1.xml', 'items-2.xml', 'items-3.xml'] });

      const { ctx } = get();
      const small = Fastify();
      installErrorHandling(small, ctx);
      await small.register(feedRoutes, { ctx, sitemapUrlsPerFile: 100 });
      await small.ready();
      try {
        const index = parseXml((await small.inject({ url: '/sitemap.xml' })).body);
        assert.equal(index.name, 'sitemapindex');
        const files = children(index, 'sitemap').map((s) => text(s, 'loc'));
        const published = await ctx.db.selectFrom('catalogue_items').select('id').where('status', '=', 'published').execute();
        assert.equal(files.filter((f) => f.includes('/sitemaps/items-')).length, Math.ceil(published.length / 100));
        const seen: string[] = [];
        for (const f of files) {
          const res = await small.inject({ url: new URL(f).pathname });
          assert.equal(res.statusCode, 200, f);
          const urls = children(parseXml(res.body), 'url').map((u) => text(u, 'loc'));
          assert.ok(urls.length > 0 && urls.length <= 100, f);
          seen.push(...urls);
        }
        assert.equal(new Set(seen).size, seen.length);
        assert.equal(seen.filter((l) => /\/items\/\d+$/.test(l)).length, published.length);
        for (const bad of ['/sitemaps/items-999.xml', '/sitemaps/pages-0.xml', '/sitemaps/other.xml'])
          assert.equal((await small.inject({ url: bad })).statusCode, 404, bad);
      } finally {
        await small.close();
      }
    });
  },
  async (t) => {
    await loadDemo(t.ctx);
    // A production portal has its public address configured: QR codes, feeds and sitemaps use it.
    await setSetting(t.ctx.db, 'site.origin', 'https://www.huarong.gov.cn');
  },
);
