import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadDemo } from '../../src/app/demo/load.ts';
import { resolveAgency } from '../../src/app/agencies/resolve.ts';
import { computeAgencyReport } from '../../src/app/reports/compute.ts';
import { reportVersions } from '../../src/store/reports.repo.ts';
import { eventsFor } from '../../src/store/events.repo.ts';
import { eachDialect } from '../helpers/db.ts';
import { Client, testApp, textOf } from '../helpers/web.ts';

eachDialect(
  'staff pages',
  (get) => {
    let app: FastifyInstance;
    const id: Record<string, number> = {};
    before(async () => {
      app = await testApp(get().ctx);
      for (const n of ['插旗镇', '章华镇', '万庾镇']) id[n] = (await resolveAgency(get().ctx, n)).id;
    });
    after(async () => app.close());

    /** The agency's reviewer records the 保密审查 of the report as it stands. */
    const reviewReport = async (agencyId: number, year: number, reviewer: string) => {
      const c = new Client(app);
      await c.login(reviewer);
      await c.get(`/admin/reports/${agencyId}/${year}/review`);
      const res = await c.post(`/admin/reports/${agencyId}/${year}/review`, { opinionChoice: 'clear', opinion: '' });
      assert.equal(res.statusCode, 303, textOf(res.body).slice(0, 300));
    };

    test('staff pages need a log-in', async () => {
      const res = await new Client(app).get('/admin');
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/admin/login?next=%2Fadmin');
      const api = await new Client(app).get(`/api/reports/${id['插旗镇']}/2023`);
      assert.equal(api.statusCode, 401);
    });

    test('log-in checks the password and the CSRF token, and sets a session cookie', async () => {
      const c = new Client(app);
      const wrong = await c.login('chaqi-editor', 'not-the-password');
      assert.equal(wrong.statusCode, 400);
      assert.ok(textOf(wrong.body).includes('用户名或密码错误'));
      const noToken = await c.post('/admin/login', { username: 'chaqi-editor', password: 'gongkai-demo' }, { csrf: false });
      assert.equal(noToken.statusCode, 403);
      assert.ok(noToken.body.includes('表单已过期'));
      const ok = await c.login('chaqi-editor');
      assert.equal(ok.statusCode, 303);
      const cookie = [ok.headers['set-cookie']].flat().find((s) => String(s).startsWith('gk_session='));
      assert.match(String(cookie), /HttpOnly/);
      assert.match(String(cookie), /SameSite=Lax/);
      assert.equal((await c.get('/admin')).statusCode, 200);
    });

    test("an agency's staff see their own reports and nobody else's", async () => {
      const c = new Client(app);
      await c.login('chaqi-editor');
      const own = await c.get(`/admin/reports/${id['插旗镇']}/2023`);
      assert.equal(own.statusCode, 200);
      assert.ok(own.body.includes('检查结果'));
      assert.equal((await c.get(`/admin/reports/${id['章华镇']}/2023`)).statusCode, 404);
      assert.equal((await c.get(`/api/reports/${id['章华镇']}/2023`)).statusCode, 404);
      const supervisor = new Client(app);
      await supervisor.login('county-supervisor');
      assert.equal((await supervisor.get(`/admin/reports/${id['章华镇']}/2023`)).statusCode, 200);
    });

    test('findings are marked on their cells and each number links to its records', async () => {
      const c = new Client(app);
      await c.login('zhanghua-editor');
      const page = await c.get(`/admin/reports/${id['章华镇']}/2023`);
      const link = /href="(\/admin\/reports\/\d+\/2023\/cells\/applications%3AnewReceived%3Atotal)">(\d+)</.exec(page.body);
      assert.ok(link, 'the 本年新收 total links to its records');
      const trace = await c.get(link[1]!);
      assert.equal(trace.statusCode, 200);
      const rows = trace.body.match(/<tr><td>YSQ/g) ?? [];
      assert.equal(rows.length, Number(link[2]));
      assert.equal((await c.get(`/admin/reports/${id['章华镇']}/2023/cells/bogus`)).statusCode, 400);
      const chaqi = new Client(app);
      await chaqi.login('chaqi-editor');
      const flagged = await chaqi.get(`/admin/reports/${id['插旗镇']}/2023`);
      assert.ok(flagged.body.includes('report-section flagged'), 'section 六 is marked for X-03');
    });

    test("section 一's count of published items links to the items", async () => {
      const c = new Client(app);
      await c.login('chaqi-editor');
      const page = await c.get(`/admin/reports/${id['插旗镇']}/2023`);
      const link = /href="(\/admin\/reports\/\d+\/2023\/cells\/published%3Anotices)">16条</.exec(page.body);
      assert.ok(link, '通知公告 16条 links to its items');
      const items = await c.get(link[1]!);
      assert.equal(items.statusCode, 200);
      assert.equal((items.body.match(/<tr><td>006382564L\/2023-/g) ?? []).length, 16);
    });

    test('an editor saves the narrative; bad input names the field and writes nothing', async () => {
      const c = new Client(app);
      await c.login('chaqi-editor');
      const base = `/admin/reports/${id['插旗镇']}/2023`;
      await c.get(base);
      const bad = await c.post(`${base}/narrative`, { overview: 'x', problems: 'y', other: 'z', signer: '插旗镇人民政府办公室', signedDate: '2024-02-30' });
      assert.equal(bad.statusCode, 400);
      assert.ok(textOf(bad.body).includes('成文日期“2024-02-30”不是有效日期'));
      const { narrative } = await computeAgencyReport(get().ctx, await resolveAgency(get().ctx, '插旗镇'), 2023);
      assert.notEqual(narrative?.overview, 'x');
      assert.equal(narrative?.signedDate, '2024-02-06');
    });

    test('only a leader publishes, a report with errors cannot be published, and a correction needs a reason', async () => {
      const { ctx } = get();
      const chaqi = id['插旗镇']!;
      const base = `/admin/reports/${chaqi}/2023`;
      const editor = new Client(app);
      await editor.login('chaqi-editor');
      await editor.get(base);
      assert.equal((await editor.post(`${base}/publish`, {})).statusCode, 403);

      const leader = new Client(app);
      await leader.login('chaqi-leader');
      await leader.get(base);
      const blocked = await leader.post(`${base}/publish`, { reason: '补充信息处理费说明' });
      assert.equal(blocked.statusCode, 400);
      assert.ok(textOf(blocked.body).includes('X-03'));
      assert.ok(textOf(blocked.body).includes('X-04'), 'the seed states no result of 考核、评议、责任追究 (第五十条第（四）项)');
      assert.equal((await reportVersions(ctx.db, chaqi, 2023)).length, 1);

      const before = await computeAgencyReport(ctx, await resolveAgency(ctx, '插旗镇'), 2023);
      await editor.get(base);
      const saved = await editor.post(`${base}/narrative`, {
        overview: `${before.narrative!.overview}\n（四）监督保障\n本年度我镇政务公开工作考核结果为合格，群众社会评议总体满意，未发生责任追究情况。`,
        problems: before.narrative!.problems,
        other: '本年度未收取信息处理费。\n无其他需要报告的事项。',
        signer: '插旗镇人民政府办公室',
        signedDate: '2024-02-06',
      });
      assert.equal(saved.statusCode, 303);

      // 保密审查 of the report as it will be published comes first (issue 9).
      await leader.get(base);
      const unreviewed = await leader.post(`${base}/publish`, { reason: '补充第六部分信息处理费收取情况' });
      assert.equal(unreviewed.statusCode, 400);
      assert.ok(textOf(unreviewed.body).includes('未经保密审查，不得发布'));
      await reviewReport(chaqi, 2023, 'chaqi-reviewer');

      await leader.get(base);
      const noReason = await leader.post(`${base}/publish`, { reason: '' });
      assert.equal(noReason.statusCode, 400);
      assert.ok(textOf(noReason.body).includes('须填写更正理由'));
      const done = await leader.post(`${base}/publish`, { reason: '补充第六部分信息处理费收取情况' });
      assert.equal(done.statusCode, 303);
      const versions = await reportVersions(ctx.db, chaqi, 2023);
      assert.deepEqual(
        versions.map((v) => v.version),
        [2, 1],
      );
      assert.match(versions[0]!.indexNo ?? '', /^006382564L\/2026-\d{5}$/);
      assert.equal(versions[1]!.indexNo, '006382564L/2024-2169556', 'the first version is kept unchanged');
      const events = await eventsFor(ctx.db, 'annualReport', `${chaqi}/2023`);
      assert.ok(events.some((e) => e.action === 'report.corrected' && e.reason === '补充第六部分信息处理费收取情况'));
      assert.ok(events.some((e) => e.action === 'report.narrativeSaved'));

      const portal = new Client(app);
      const newer = await portal.get(`/annual-reports/${versions[0]!.id}`);
      assert.ok(textOf(newer.body).includes('更正说明：补充第六部分信息处理费收取情况'));
      const older = await portal.get(`/annual-reports/${versions[1]!.id}`);
      assert.ok(older.body.includes('本报告已有更正版本'));
    });

    test('a leader publishes a report that was never published; it appears in the portal column', async () => {
      const { ctx } = get();
      const wanyu = id['万庾镇']!;
      const leader = new Client(app);
      await leader.login('wanyu-leader');
      const page = await leader.get(`/admin/reports/${wanyu}/2024`);
      assert.ok(page.body.includes('发布年度报告'));
      assert.ok(!page.body.includes('/publish"'), 'no publish form before the 保密审查');
      await reviewReport(wanyu, 2024, 'wanyu-reviewer');
      await leader.get(`/admin/reports/${wanyu}/2024`);
      const res = await leader.post(`/admin/reports/${wanyu}/2024/publish`, {});
      assert.equal(res.statusCode, 303);
      const [v] = await reportVersions(ctx.db, wanyu, 2024);
      assert.ok(v);
      const column = await new Client(app).get(`/agencies/${wanyu}/annual-reports`);
      assert.ok(column.body.includes(`/annual-reports/${v.id}`));
    });

    test('supervisors and platform administrators see reports but do not publish them', async () => {
      for (const user of ['county-supervisor', 'platform-admin']) {
        const c = new Client(app);
        await c.login(user);
        const page = await c.get(`/admin/reports/${id['章华镇']}/2024`);
        assert.equal(page.statusCode, 200, user);
        assert.ok(!page.body.includes('/publish"'), user);
        assert.equal((await c.post(`/admin/reports/${id['章华镇']}/2024/publish`, { reason: 'x' })).statusCode, 403, user);
      }
    });

    test('the staff API gives the computed report with contract findings', async () => {
      const c = new Client(app);
      await c.login('chaqi-editor');
      const res = await c.get(`/api/reports/${id['插旗镇']}/2022`);
      assert.equal(res.statusCode, 200);
      const body = JSON.parse(res.body);
      assert.equal(body.report.year, 2022);
      assert.ok(Array.isArray(body.findings));
    });

    test('every report format downloads from the staff page', async () => {
      const c = new Client(app);
      await c.login('chaqi-editor');
      for (const f of ['json', 'html', 'docx', 'xlsx', 'txt']) {
        const res = await c.get(`/admin/reports/${id['插旗镇']}/2023/download.${f}`);
        assert.equal(res.statusCode, 200, f);
      }
    });

    test('log-out ends the session', async () => {
      const c = new Client(app);
      await c.login('chaqi-editor');
      await c.get('/admin');
      const out = await c.post('/admin/logout', {});
      assert.equal(out.statusCode, 303);
      assert.equal((await c.get('/admin')).statusCode, 303);
    });

    test('log-in is rate limited', async () => {
      const c = new Client(app);
      await c.get('/admin/login');
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await c.post('/admin/login', { username: 'nobody', password: 'x' })).statusCode);
      assert.ok(statuses.includes(429), statuses.join(','));
    });
  },
  async (t) => void (await loadDemo(t.ctx)),
);
