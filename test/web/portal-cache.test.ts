/**
 * Item and list pages kept as rendered (src/web/portal/page-cache.ts): a publication, a
 * correction, a withdrawal, a 有效性 change or a new agency made through src/app shows on the
 * very next request; a change by another process shows within a poll; views are still counted
 * one by one; what a page depends on in the request (关怀版, its address) is part of its key.
 * Each test runs through app.inject (Fastify's routes) and over real HTTP, where kept pages
 * are served before Fastify (src/web/portal/front.ts).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createAgency } from '../../src/app/agencies/manage.ts';
import { resolveAgency } from '../../src/app/agencies/resolve.ts';
import { pollOtherWritersNow } from '../../src/app/catalog/portal-changes.ts';
import { createItem, saveDraft } from '../../src/app/catalog/drafts.ts';
import { recordValidity } from '../../src/app/catalog/validity.ts';
import { writeViews } from '../../src/app/catalog/views.ts';
import { approveAndPublish, recordReview, startCorrection, submitForReview, withdrawItem } from '../../src/app/catalog/workflow.ts';
import type { AppContext } from '../../src/app/context.ts';
import { loadDemo } from '../../src/app/demo/load.ts';
import type { Actor } from '../../src/domain/access/policy.ts';
import { appendEvent } from '../../src/store/events.repo.ts';
import { setSetting } from '../../src/store/settings.repo.ts';
import { PageCache } from '../../src/web/portal/page-cache.ts';
import { chaqiStaff, itemForm, userId } from '../helpers/catalogue.ts';
import { eachDialect } from '../helpers/db.ts';
import { httpGet, listening, pageOf, testApp, textOf, type Page } from '../helpers/web.ts';

const form = itemForm;

const countOf = (html: string) => Number(/共(\d+)条/.exec(textOf(html))?.[1]);
const viewsOf = (html: string) => Number(/浏览次数：(\d+)/.exec(textOf(html))?.[1]);

test('the page cache drops the least recently used pages beyond its bytes', () => {
  const page = (n: number) => ({ head: Buffer.alloc(n), tail: null, mark: 0, itemId: null });
  const cache = new PageCache(1000);
  cache.set('a', page(300));
  cache.set('b', page(300));
  assert.ok(cache.get('a'), 'a is now the most recently used');
  cache.set('c', page(300));
  assert.deepEqual([cache.get('a') !== undefined, cache.get('b') !== undefined, cache.get('c') !== undefined], [true, false, true]);
  assert.ok(cache.bytes <= 1000);
  cache.set('big', page(5000));
  assert.equal(cache.get('big'), undefined, 'a page over the budget is not kept');
  cache.set('a', page(10));
  assert.equal(cache.size, 2);
  assert.equal(new PageCache(0).size, 0);
});

eachDialect(
  'kept portal pages',
  (get) => {
    let app: FastifyInstance;
    let origin: string;
    let chaqi: number;
    let people: Record<'editor' | 'reviewer' | 'leader' | 'admin', Actor>;

    /** An item through the workflow, as staff publish it. */
    async function publish(ctx: AppContext, over: Record<string, string> = {}): Promise<number> {
      const { itemId, versionId } = await createItem(ctx, people.editor, chaqi, form(over));
      await submitForReview(ctx, people.editor, versionId);
      await recordReview(ctx, people.reviewer, versionId, '同意');
      await approveAndPublish(ctx, people.leader, versionId);
      return itemId;
    }

    before(async () => {
      const { ctx } = get();
      app = await testApp(ctx);
      origin = await listening(app);
      chaqi = (await resolveAgency(ctx, '插旗镇')).id;
      people = { ...(await chaqiStaff(ctx, chaqi)), admin: { id: await userId(ctx, 'platform-admin'), roles: [{ role: 'platformAdmin', agencyId: null }] } };
    });
    after(async () => app.close());

    for (const transport of ['inject', 'http'] as const) {
      describe(transport === 'http' ? 'over HTTP (kept pages served before Fastify)' : 'through app.inject', () => {
        const fetchPage = async (url: string, headers: Record<string, string> = {}, method: 'GET' | 'HEAD' = 'GET'): Promise<Page> =>
          transport === 'http' ? httpGet(origin, url, headers, method) : pageOf(await app.inject({ method, url, headers }));
        test('a publication, a correction and a withdrawal show on the next request, on the item page and in the lists', async () => {
          const { ctx } = get();
          const list = `/agencies/${chaqi}/items`;
          const before = countOf((await fetchPage(list)).body);
          const county = countOf((await fetchPage('/items')).body);
          const itemId = await publish(ctx, { title: '插旗镇关于临时停水的通知', body: '11月27日停水。' });
          const page = await fetchPage(`/items/${itemId}`);
          assert.ok(textOf(page.body).includes('11月27日停水。'));
          assert.equal(
            (await fetchPage(`/items/${itemId}`)).body.replace(/浏览次数：\d+/, ''),
            page.body.replace(/浏览次数：\d+/, ''),
            'the kept page is the same page',
          );
          const listed = await fetchPage(list);
          assert.equal(countOf(listed.body), before + 1);
          assert.ok(listed.body.includes(`<a href="/items/${itemId}">插旗镇关于临时停水的通知</a>`));
          assert.equal(countOf((await fetchPage('/items')).body), county + 1);

          const v2 = await startCorrection(ctx, people.editor, itemId, '停水日期有误');
          await saveDraft(ctx, people.editor, v2, form({ title: '插旗镇关于临时停水的通知（更正）', body: '11月28日停水。' }));
          await submitForReview(ctx, people.editor, v2);
          await recordReview(ctx, people.reviewer, v2, '同意');
          await approveAndPublish(ctx, people.leader, v2);
          const corrected = textOf((await fetchPage(`/items/${itemId}`)).body);
          assert.ok(corrected.includes('11月28日停水。') && !corrected.includes('11月27日停水。'));
          assert.ok(corrected.includes('更正说明：停水日期有误'));
          assert.ok((await fetchPage(list)).body.includes(`<a href="/items/${itemId}">插旗镇关于临时停水的通知（更正）</a>`));

          await withdrawItem(ctx, people.leader, itemId, '已另行发布');
          const withdrawn = textOf((await fetchPage(`/items/${itemId}`)).body);
          assert.ok(withdrawn.includes('本信息已撤回') && withdrawn.includes('撤回理由：已另行发布'));
          assert.ok(!withdrawn.includes('11月28日停水。') && !withdrawn.includes('浏览次数'));
          const after = await fetchPage(list);
          assert.equal(countOf(after.body), before);
          assert.ok(!after.body.includes(`/items/${itemId}"`));
          assert.equal(countOf((await fetchPage('/items')).body), county);
        });

        test('a 有效性 change shows on the next request', async () => {
          const { ctx } = get();
          const itemId = await publish(ctx, {
            title: '插旗镇人民政府关于印发《村级公益事业管理办法》的通知',
            category: 'policy',
            docNo: '插政发〔2026〕8号',
            documentKind: 'normativeDocument',
            writtenDate: '2026-11-10',
          });
          assert.ok((await fetchPage(`/items/${itemId}`)).body.includes('<dt>有效性</dt><dd>有效</dd>'));
          await recordValidity(ctx, people.leader, itemId, { state: 'repealed', effectiveDate: '2026-11-25', reason: '已被新办法替代' });
          const page = await fetchPage(`/items/${itemId}`);
          assert.ok(page.body.includes('<dt>有效性</dt><dd>废止（2026-11-25起）</dd>'));
          assert.ok(textOf(page.body).includes('2026-11-25 废止 已被新办法替代'));
        });

        test('a new agency shows in the kept lists’ filter at once', async () => {
          const { ctx } = get();
          assert.ok(!(await fetchPage('/items')).body.includes(`华容县缓存测试局${transport}`));
          const county = (await resolveAgency(ctx, '县政府')).id;
          await createAgency(ctx, people.admin, {
            name: `华容县缓存测试局${transport}`,
            shortName: `缓存测试局${transport}`,
            kind: 'department',
            code: transport === 'http' ? '123456796' : '123456788',
            parentId: String(county),
            mayMakeRules: false,
            recordsFrom: '2024',
          });
          assert.ok((await fetchPage('/items')).body.includes(`华容县缓存测试局${transport}`));
        });

        test('a change by another process shows once it is noticed; settings too', async () => {
          const { ctx } = get();
          const itemId = await publish(ctx, { title: '插旗镇关于秋季征兵的通告' });
          const url = `/items/${itemId}`;
          assert.ok((await fetchPage(url)).body.includes('<h1>插旗镇关于秋季征兵的通告</h1>'));
          // Behind the app's back: the kept page is served until the change is noticed.
          await ctx.db.updateTable('catalogue_items').set({ title: '插旗镇关于秋季征兵的通告（另一进程）' }).where('id', '=', itemId).execute();
          assert.ok((await fetchPage(url)).body.includes('<h1>插旗镇关于秋季征兵的通告</h1>'));
          // Another process's act leaves an audit event; the next poll sees it.
          await appendEvent(ctx.db, {
            occurredAt: ctx.now().toISOString(),
            actorId: null,
            agencyId: chaqi,
            subjectType: 'catalogueItem',
            subjectId: itemId,
            action: 'catalogue.corrected',
          });
          pollOtherWritersNow(ctx.db);
          assert.ok((await fetchPage(url)).body.includes('<h1>插旗镇关于秋季征兵的通告（另一进程）</h1>'));
          // A site setting edited by hand (no audit event).
          await setSetting(ctx.db, 'site.name', '华容县人民政府门户网站');
          pollOtherWritersNow(ctx.db);
          assert.ok((await fetchPage(url)).body.includes('<meta name="SiteName" content="华容县人民政府门户网站"/>'));
          assert.ok((await fetchPage('/items')).body.includes('<meta name="SiteName" content="华容县人民政府门户网站"/>'));
          await ctx.db.deleteFrom('settings').where('key', '=', 'site.name').execute();
          pollOtherWritersNow(ctx.db);
        });

        test('every view of a kept page is counted and shown; HEAD is not a view', async () => {
          const { ctx } = get();
          const itemId = await publish(ctx, { title: '插旗镇关于冬季供暖的通知' });
          const url = `/items/${itemId}`;
          const shown: number[] = [];
          for (let i = 0; i < 5; i++) shown.push(viewsOf((await fetchPage(url)).body));
          shown.push(...(await Promise.all(Array.from({ length: 20 }, async () => viewsOf((await fetchPage(url)).body)))));
          assert.deepEqual(
            [...shown].sort((a, b) => a - b),
            Array.from({ length: 25 }, (_, i) => i + 1),
          );
          await fetchPage(url, {}, 'HEAD');
          await writeViews(ctx);
          const row = await ctx.db.selectFrom('catalogue_items').select('view_count').where('id', '=', itemId).executeTakeFirstOrThrow();
          assert.equal(Number(row.view_count), 25);
          assert.equal(viewsOf((await fetchPage(url)).body), 26, 'the written views and this one');
        });

        test('the 关怀版 and the address asked for are part of what a page is kept under', async () => {
          const { ctx } = get();
          const itemId = await publish(ctx, { title: '插旗镇关于老年人优待的通知' });
          const url = `/items/${itemId}`;
          const care = await fetchPage(url, { cookie: 'gk_care=1' });
          assert.ok(care.body.includes('<body class="portal care">'));
          const plain = await fetchPage(url);
          assert.ok(plain.body.includes('<body class="portal">'));
          assert.ok(plain.body.includes(`back=${encodeURIComponent(url)}`));
          const query = await fetchPage(`${url}?from=qr`);
          assert.ok(query.body.includes(`back=${encodeURIComponent(`${url}?from=qr`)}`));
          assert.ok((await fetchPage(url)).body.includes(`back=${encodeURIComponent(url)}"`));
          const list = await fetchPage(`/agencies/${chaqi}/items?category=notices`);
          assert.ok(list.body.includes(`back=${encodeURIComponent(`/agencies/${chaqi}/items?category=notices`)}`));
          assert.ok((await fetchPage(`/agencies/${chaqi}/items?category=notices`, { cookie: 'gk_care=1' })).body.includes('<body class="portal care">'));
        });
      });
    }
  },
  async (t) => {
    await loadDemo(t.ctx);
    await setSetting(t.ctx.db, 'site.origin', 'https://www.huarong.gov.cn');
  },
);
