/**
 * Kept pages served before Fastify (src/web/portal/front.ts), over real HTTP: the same
 * status, headers and bytes as Fastify sends (the view count aside); everything a kept page
 * may not answer goes to Fastify.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { resolveAgency } from '../../src/app/agencies/resolve.ts';
import { loadDemo } from '../../src/app/demo/load.ts';
import { eachDialect } from '../helpers/db.ts';
import { httpGet, listening, testApp, type Page } from '../helpers/web.ts';

/** Headers that differ between any two responses. */
const comparable = (p: Page) => Object.fromEntries(Object.entries(p.headers).filter(([k]) => k !== 'date' && k !== 'content-length'));
const withoutViews = (html: string) => html.replace(/浏览次数：\d+/, '浏览次数：');

eachDialect(
  'kept pages served before Fastify',
  (get) => {
    let app: FastifyInstance;
    let origin: string;
    let itemUrl: string;
    let listUrl: string;
    before(async () => {
      app = await testApp(get().ctx);
      origin = await listening(app);
      const chaqi = (await resolveAgency(get().ctx, '插旗镇')).id;
      const first = await get()
        .ctx.db.selectFrom('catalogue_items')
        .select('id')
        .where('agency_id', '=', chaqi)
        .where('status', '=', 'published')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      itemUrl = `/items/${first.id}`;
      listUrl = `/agencies/${chaqi}/items`;
    });
    after(async () => app.close());

    /** GET `url` and whether the front answered it. */
    async function served(url: string, headers: Record<string, string> = {}, method: 'GET' | 'HEAD' = 'GET'): Promise<[Page, boolean]> {
      const before = app.front.served;
      const page = await httpGet(origin, url, headers, method);
      return [page, app.front.served > before];
    }

    test('an item page: rendered by Fastify, then answered in front with the same headers and bytes and the next view count', async () => {
      const [rendered, early1] = await served(itemUrl);
      const [kept, early2] = await served(itemUrl);
      assert.deepEqual([early1, early2], [false, true]);
      assert.equal(kept.statusCode, 200);
      assert.deepEqual(comparable(kept), comparable(rendered));
      assert.ok(kept.headers['content-security-policy'] && kept.headers['x-content-type-options'] === 'nosniff');
      assert.equal(kept.headers['content-length'], String(Buffer.byteLength(kept.body)));
      assert.equal(withoutViews(kept.body), withoutViews(rendered.body));
      const views = (p: Page) => Number(/浏览次数：(\d+)/.exec(p.body)?.[1]);
      assert.equal(views(kept), views(rendered) + 1);
    });

    test('a list page is answered in front once kept', async () => {
      const [rendered] = await served(listUrl);
      const [kept, early] = await served(listUrl);
      assert.ok(early);
      assert.deepEqual(comparable(kept), comparable(rendered));
      assert.equal(kept.body, rendered.body);
    });

    test('HEAD, a query string, another host, the 关怀版 and a staff session go to Fastify', async () => {
      await served(itemUrl);
      const [head, headEarly] = await served(itemUrl, {}, 'HEAD');
      assert.deepEqual([head.statusCode, headEarly, head.body], [200, false, '']);
      assert.equal((await served(`${itemUrl}?from=qr`))[1], false);
      assert.equal((await served(`${itemUrl}?from=qr`))[1], false, 'an address with a query string is not kept');
      const [other, otherEarly] = await served(itemUrl, { host: 'gongkai.example' });
      assert.equal(otherEarly, false, 'kept under its own host');
      assert.ok(other.body.includes('gongkai.example/items/'), 'the QR code and link carry the host asked for');
      assert.equal((await served(itemUrl, { host: 'gongkai.example' }))[1], true);
      const [care, careEarly] = await served(itemUrl, { cookie: 'gk_care=1' });
      assert.equal(careEarly, false);
      assert.ok(care.body.includes('<body class="portal care">'));
      const [careKept, careKeptEarly] = await served(itemUrl, { cookie: 'other=1; gk_care=1' });
      assert.ok(careKeptEarly && careKept.body.includes('<body class="portal care">'), 'the 关怀版 page, kept under its own key');
      const [, sessionEarly] = await served(itemUrl, { cookie: 'gk_session=not-a-session' });
      assert.equal(sessionEarly, false, 'a session is checked by Fastify');
    });

    test('once the app is closing, Fastify answers', async () => {
      const other = await testApp(get().ctx);
      const otherOrigin = await listening(other);
      await httpGet(otherOrigin, itemUrl);
      const before = other.front.served;
      await httpGet(otherOrigin, itemUrl);
      assert.equal(other.front.served, before + 1);
      other.front.closing = true;
      await httpGet(otherOrigin, itemUrl);
      assert.equal(other.front.served, before + 1);
      await other.close();
    });
  },
  async (t) => void (await loadDemo(t.ctx)),
);
