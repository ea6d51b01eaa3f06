/**
 * The working-day calendar screen on both databases: who may open it, each year's notice or
 * the weekends-only warning, the month grid, local changes that recompute open deadlines
 * (with the counts), field-named errors that keep what was typed, removal, and the deadline
 * calculator.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadDemo } from '../../src/app/demo/load.ts';
import { resolveAgency } from '../../src/app/agencies/resolve.ts';
import { registerApplication } from '../../src/app/requests/intake.ts';
import type { Actor } from '../../src/domain/access/policy.ts';
import { getCaseRow } from '../../src/store/requests.repo.ts';
import { eachDialect, type TestDatabase } from '../helpers/db.ts';
import { personApplication } from '../helpers/applications.ts';
import { Client, testApp, textOf } from '../helpers/web.ts';

eachDialect(
  'the working-day calendar screen',
  (get) => {
    let app: FastifyInstance;
    let caseId: number;
    before(async () => {
      const { ctx } = get();
      app = await testApp(ctx);
      const chaqi = (await resolveAgency(ctx, '插旗镇')).id;
      const editor = await ctx.db.selectFrom('users').select('id').where('username', '=', 'chaqi-editor').executeTakeFirstOrThrow();
      const actor: Actor = { id: editor.id, roles: [{ role: 'editor', agencyId: chaqi }] };
      // Received on Tuesday 2026-11-24 (the tests' today is 2026-11-27): reply due 2026-12-22.
      caseId = (
        await registerApplication(
          ctx,
          actor,
          chaqi,
          { channel: 'inPerson', receivedDate: '2026-11-24' },
          personApplication({ items: '2026年插旗镇冬季防火通告' }),
          [],
        )
      ).id;
    });
    after(async () => app.close());

    test('only platform administrators open the calendar; every staff member may use the calculator', async () => {
      const anonymous = await new Client(app).get('/admin/calendar');
      assert.equal(anonymous.statusCode, 303);
      assert.match(String(anonymous.headers.location), /^\/admin\/login/);
      const editor = new Client(app);
      await editor.login('chaqi-editor');
      assert.equal((await editor.get('/admin/calendar')).statusCode, 403);
      assert.equal((await editor.post('/admin/calendar/overrides', { date: '2026-12-01', kind: 'holiday', reason: '县庆' })).statusCode, 403);
      assert.equal((await editor.get('/admin/calendar/deadline')).statusCode, 200);
      const workbench = await editor.get('/admin');
      assert.ok(!workbench.body.includes('href="/admin/calendar"'));
      assert.ok(workbench.body.includes('href="/admin/calendar/deadline"'));

      const admin = new Client(app);
      await admin.login('platform-admin');
      assert.ok((await admin.get('/admin')).body.includes('href="/admin/calendar"'));
      const page = await admin.get('/admin/calendar');
      assert.equal(page.statusCode, 200);
      const text = textOf(page.body);
      assert.ok(text.includes('2026年 248 国办发明电〔2025〕7号（2025-11-04）'), 'the year with its working days and notice');
      assert.ok(text.includes('2019年'));
      assert.ok(
        text.includes('2027年 254 尚未收录国务院办公厅通知，暂按《全国年节及纪念日放假办法》（国务院令第795号）的法定节假日和周末计算，不含补假和调休'),
        text,
      );
      assert.ok(page.body.includes('<caption>2026年2月</caption>'));
      assert.ok(text.includes('休 春节'));
      assert.ok(text.includes('班 调休上班（春节）'));
      assert.ok(page.body.includes('<abbr title="星期一">一</abbr>'));
      // 2026-12-29 … 31 depend on 2027's notice.
      assert.ok(text.includes('29 暂定'));
      const y2027 = await admin.get('/admin/calendar?year=2027');
      assert.ok(y2027.body.includes('<caption>2027年1月</caption>'));
      assert.ok(textOf(y2027.body).includes('2027年尚未收录国务院办公厅通知，暂按《全国年节及纪念日放假办法》（国务院令第795号）的法定节假日和周末计算'));
      // the statutory days of 2027 are marked off, provisionally
      assert.ok(textOf(y2027.body).includes('1 休 元旦 暂定'), textOf(y2027.body));
      assert.ok(y2027.body.includes('title="春节：暂定（尚未发布放假安排通知）"'));
    });

    test("adding a local holiday moves an open case's reply due date and says how many cases were recomputed", async () => {
      const { ctx } = get();
      assert.equal((await getCaseRow(ctx.db, caseId))!.reply_due, '2026-12-22');
      const admin = new Client(app);
      await admin.login('platform-admin');
      await admin.get('/admin/calendar');
      const noToken = await admin.post('/admin/calendar/overrides', { date: '2026-12-01', kind: 'holiday', reason: '县庆放假一天' }, { csrf: false });
      assert.equal(noToken.statusCode, 403);
      const res = await admin.post('/admin/calendar/overrides', { date: '2026-12-01', kind: 'holiday', reason: '县庆放假一天' });
      assert.equal(res.statusCode, 200);
      const text = textOf(res.body);
      const m = /已重新计算(\d+)件未办结申请的期限，其中(\d+)件的期限有变化/.exec(text);
      assert.ok(m, text);
      assert.ok(Number(m[1]) >= Number(m[2]) && Number(m[2]) >= 1);
      assert.equal((await getCaseRow(ctx.db, caseId))!.reply_due, '2026-12-23');
      assert.ok(text.includes('2026-12-01 星期二 放假 县庆放假一天'), 'listed among the local changes');
      assert.ok(text.includes('休 地方假日：县庆放假一天'), 'marked in the month grid');
      assert.ok(text.includes('2026年 247'), 'one working day fewer');
    });

    test('bad input names the field and keeps what was typed', async () => {
      const admin = new Client(app);
      await admin.login('platform-admin');
      await admin.get('/admin/calendar');
      const badDate = await admin.post('/admin/calendar/overrides', { date: '2026-02-30', kind: 'holiday', reason: '县庆' });
      assert.equal(badDate.statusCode, 400);
      assert.ok(textOf(badDate.body).includes('地方调整的日期“2026-02-30”不是有效日期'));
      assert.ok(badDate.body.includes('href="#field-date"'));
      assert.ok(badDate.body.includes('value="2026-02-30"') && badDate.body.includes('value="县庆"'));
      const noReason = await admin.post('/admin/calendar/overrides', { date: '2026-12-02', kind: 'workingDay', reason: '  ' });
      assert.equal(noReason.statusCode, 400);
      assert.ok(noReason.body.includes('href="#field-reason"'));
      assert.ok(textOf(noReason.body).includes('2026-12-02 的地方调整缺少理由'));
      assert.ok(noReason.body.includes('<option value="workingDay" selected="">'), 'the kind chosen stays chosen');
      const duplicate = await admin.post('/admin/calendar/overrides', { date: '2026-12-01', kind: 'holiday', reason: '再录一次' });
      assert.equal(duplicate.statusCode, 400);
      assert.ok(duplicate.body.includes('href="#field-date"'));
      assert.ok(textOf(duplicate.body).includes('2026-12-01 已有地方调整（放假：县庆放假一天）'));
      const noEffect = await admin.post('/admin/calendar/overrides', { date: '2026-12-05', kind: 'holiday', reason: '周六' });
      assert.equal(noEffect.statusCode, 400);
      assert.ok(noEffect.body.includes('href="#field-kind"'));
      assert.ok(textOf(noEffect.body).includes('2026-12-05 本来就是非工作日（周末）'));
    });

    test('removing a local change needs a reason and moves the due date back', async () => {
      const { ctx } = get();
      const admin = new Client(app);
      await admin.login('platform-admin');
      await admin.get('/admin/calendar');
      const noReason = await admin.post('/admin/calendar/overrides/remove', { removeDate: '2026-12-01', removeReason: '' });
      assert.equal(noReason.statusCode, 400);
      assert.ok(noReason.body.includes('href="#field-removeReason"'));
      assert.ok(textOf(noReason.body).includes('请填写撤销这项地方调整的原因'));
      assert.equal((await getCaseRow(ctx.db, caseId))!.reply_due, '2026-12-23');
      const missing = await admin.post('/admin/calendar/overrides/remove', { removeDate: '2026-12-09', removeReason: '误录' });
      assert.ok(missing.body.includes('href="#field-removeDate"'));
      const res = await admin.post('/admin/calendar/overrides/remove', { removeDate: '2026-12-01', removeReason: '误录' });
      assert.equal(res.statusCode, 200);
      assert.match(textOf(res.body), /已撤销2026-12-01的地方调整。已重新计算\d+件未办结申请的期限，其中[1-9]\d*件的期限有变化/);
      assert.ok(textOf(res.body).includes('目前没有地方调整'));
      assert.equal((await getCaseRow(ctx.db, caseId))!.reply_due, '2026-12-22');
    });

    test("recomputing every open deadline (after a release with a new year's notice) changes nothing when nothing moved", async () => {
      const editor = new Client(app);
      await editor.login('chaqi-editor');
      await editor.get('/admin/calendar/deadline');
      assert.equal((await editor.post('/admin/calendar/recompute', {})).statusCode, 403);
      const admin = new Client(app);
      await admin.login('platform-admin');
      await admin.get('/admin/calendar');
      const res = await admin.post('/admin/calendar/recompute', {});
      assert.equal(res.statusCode, 200);
      assert.match(textOf(res.body), /已重新计算[1-9]\d*件未办结申请的期限，其中0件的期限有变化/);
    });

    test('the calculator: 2024-02-08 + 20 working days is 2024-03-13, counted day by day', async () => {
      const editor = new Client(app);
      await editor.login('chaqi-editor');
      const res = await editor.get('/admin/calendar/deadline?from=2024-02-08&days=20&paused=');
      assert.equal(res.statusCode, 200);
      const text = textOf(res.body);
      assert.ok(text.includes('期满日：2024-03-13（星期三）'));
      assert.ok(text.includes('第20个工作日为2024-03-13'));
      assert.ok(text.includes('2024年放假安排：国办发明电〔2023〕7号'));
      assert.ok(text.includes('2024-02-18 星期日 第2个工作日 调休上班（春节）'));
      const paused = await editor.get(`/admin/calendar/deadline?from=2024-02-08&days=20&paused=${encodeURIComponent('2024-02-20至2024-02-21')}`);
      assert.ok(textOf(paused.body).includes('期满日：2024-03-15'));
      assert.ok(textOf(paused.body).includes('暂停计算：2024-02-20至2024-02-21'));
      const bad = await editor.get(`/admin/calendar/deadline?from=2024-13-01&days=abc&paused=${encodeURIComponent('2024-03-01至2024-02-01')}`);
      assert.equal(bad.statusCode, 400);
      assert.ok(bad.body.includes('href="#field-from"') && bad.body.includes('href="#field-days"') && bad.body.includes('href="#field-paused"'));
      assert.ok(bad.body.includes('value="2024-13-01"') && bad.body.includes('value="abc"'));
      const provisional = await editor.get('/admin/calendar/deadline?from=2026-12-20&days=20');
      assert.ok(textOf(provisional.body).includes('（暂定）'));
    });
  },
  async (t: TestDatabase) => void (await loadDemo(t.ctx)),
);
