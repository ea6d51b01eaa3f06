/**
 * /admin/audit over HTTP on the demo county, on both databases: an agency's administrator sees
 * its events in Chinese with names and roles, never another agency's; a county administrator
 * sees the county; an editor finds nothing; filters and paging; no applicant's data.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { resolveAgency } from '../../src/app/agencies/resolve.ts';
import { loadDemo } from '../../src/app/demo/load.ts';
import { appendEvent } from '../../src/store/events.repo.ts';
import { eachDialect } from '../helpers/db.ts';
import { Client, testApp, textOf } from '../helpers/web.ts';

eachDialect(
  'the audit trail page',
  (get) => {
    let app: FastifyInstance;
    let chaqi: number;
    let zhanghua: number;
    before(async () => {
      const { ctx } = get();
      app = await testApp(ctx);
      chaqi = (await resolveAgency(ctx, '插旗镇')).id;
      zhanghua = (await resolveAgency(ctx, '章华镇')).id;
      const user = async (username: string) => (await ctx.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
      const base = { subjectType: 'catalogueItem', subjectId: 1, payload: { phone: '13800138000' } } as const;
      await appendEvent(ctx.db, {
        ...base,
        occurredAt: '2026-11-27T17:00:00.000Z',
        actorId: await user('chaqi-leader'),
        agencyId: chaqi,
        action: 'catalogue.returned',
        reason: '插旗镇请补充附件',
      });
      await appendEvent(ctx.db, {
        ...base,
        occurredAt: '2026-11-29T02:00:00.000Z',
        actorId: await user('zhanghua-leader'),
        agencyId: zhanghua,
        action: 'catalogue.returned',
        reason: '章华镇的退回理由',
      });
    });
    after(async () => app.close());
    const as = async (username: string) => {
      const c = new Client(app);
      await c.login(username);
      return c;
    };

    test('an agency administrator sees its events in Chinese, with names and roles', async () => {
      const admin = await as('chaqi-agency-admin');
      const r = await admin.get('/admin/audit');
      assert.equal(r.statusCode, 200);
      const text = textOf(r.body);
      assert.ok(text.includes('插旗镇请补充附件'));
      assert.ok(text.includes('插旗镇审核领导（审核领导）'), 'name and role at the agency');
      assert.ok(text.includes('退回修改'));
      assert.ok(text.includes('收到申请'), 'the demo cases, labelled from the law');
      assert.ok(!/catalogue\.\w+/.test(text), 'no raw codes');
      assert.ok(!text.includes('章华镇的退回理由'), 'another agency: nothing');
      assert.ok(!text.includes('13800138000'), 'never a payload');
      assert.ok(r.body.includes('href="/admin/audit"'), 'linked in the navigation');
    });

    test("another agency's id as a filter is not found", async () => {
      const admin = await as('chaqi-agency-admin');
      assert.equal((await admin.get(`/admin/audit?agency=${zhanghua}`)).statusCode, 404);
      assert.equal((await admin.get('/admin/audit?agency=abc')).statusCode, 404);
    });

    test('an editor finds no audit page and no link to it', async () => {
      const editor = await as('chaqi-editor');
      assert.equal((await editor.get('/admin/audit')).statusCode, 404);
      assert.ok(!(await editor.get('/admin')).body.includes('href="/admin/audit"'));
    });

    test('the county administrator sees every agency of the county', async () => {
      const county = await as('county-agency-admin');
      const text = textOf((await county.get('/admin/audit?category=catalogue&from=2026-11-28&to=2026-11-29')).body);
      assert.ok(text.includes('插旗镇请补充附件') && text.includes('章华镇的退回理由'));
      assert.ok(text.includes('共2条'), text.slice(0, 2000));
    });

    test('filters: dates in China time, category, person; a bad date is named', async () => {
      const admin = await as('chaqi-agency-admin');
      // 2026-11-27T17:00Z is 01:00 on the 28th in China: a UTC day would miss it.
      const day = textOf((await admin.get('/admin/audit?from=2026-11-28&to=2026-11-28')).body);
      assert.ok(day.includes('2026-11-28 01:00') && day.includes('共1条'));
      assert.ok(textOf((await admin.get('/admin/audit?from=2026-11-29')).body).includes('共0条'));
      const accounts = textOf((await admin.get('/admin/audit?category=accounts&from=2026-11-28')).body);
      assert.ok(!accounts.includes('插旗镇请补充附件'));
      const leader = await get().ctx.db.selectFrom('users').select('id').where('username', '=', 'chaqi-leader').executeTakeFirstOrThrow();
      const theirs = textOf((await admin.get(`/admin/audit?person=${leader.id}&agency=${chaqi}`)).body);
      assert.ok(theirs.includes('插旗镇请补充附件'));
      assert.ok(!theirs.includes('插旗镇编辑（编辑）'));
      const bad = await admin.get('/admin/audit?from=2026-13-01');
      assert.equal(bad.statusCode, 400);
      assert.ok(textOf(bad.body).includes('起始日期应为'));
    });

    test("the item page's timeline names the person and the act in Chinese", async () => {
      const { db } = get().ctx;
      const drafted = await db
        .selectFrom('audit_events')
        .select('subject_id')
        .where('action', '=', 'catalogue.drafted')
        .where('agency_id', '=', chaqi)
        .executeTakeFirstOrThrow();
      const version = await db.selectFrom('item_versions').select('id').where('item_id', '=', Number(drafted.subject_id)).executeTakeFirstOrThrow();
      const page = await (await as('chaqi-editor')).get(`/admin/versions/${version.id}`);
      assert.equal(page.statusCode, 200);
      const timeline = textOf(page.body.slice(page.body.indexOf('<ol class="timeline">')));
      assert.match(timeline, /\d{4}-\d\d-\d\d \d\d:\d\d 插旗镇编辑 起草信息/);
      assert.ok(!/catalogue\.\w+/.test(timeline), timeline);
    });

    test('paged by 50, the pager keeping the filter', async () => {
      const admin = await as('platform-admin');
      const first = await admin.get('/admin/audit?category=requests');
      assert.equal(first.statusCode, 200);
      assert.equal((first.body.match(/<tr>/g) ?? []).length, 51, 'a header and 50 rows');
      assert.ok(first.body.includes('href="/admin/audit?category=requests&amp;page=2"'));
    });
  },
  async (t) => void (await loadDemo(t.ctx)),
);
