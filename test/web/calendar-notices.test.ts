/**
 * Holiday notices entered on the calendar screen, on both databases: only platform
 * administrators, the form with the year's statutory days, errors under the row they belong
 * to with everything typed kept, entry recomputing an open case, correction and removal.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { resolveAgency } from '../../src/app/agencies/resolve.ts';
import { loadDemo } from '../../src/app/demo/load.ts';
import { extendDeadline } from '../../src/app/requests/acts.ts';
import { registerApplication } from '../../src/app/requests/intake.ts';
import type { NoticeEntry } from '../../src/domain/calendar/notice-entry.ts';
import type { Actor } from '../../src/domain/access/policy.ts';
import { getCaseRow } from '../../src/store/requests.repo.ts';
import { personApplication } from '../helpers/applications.ts';
import { eachDialect, type TestDatabase } from '../helpers/db.ts';
import { notice2027 } from '../helpers/notices.ts';
import { Client, testApp, textOf } from '../helpers/web.ts';

/** The form as a browser sends it: one row per item, rows past the items left empty. */
function formOf(n: NoticeEntry, rows = 7): Record<string, string | string[]> {
  const form: Record<string, string | string[]> = { year: String(n.year), number: n.number, title: n.title, date: n.date, url: n.url ?? '' };
  for (let i = 0; i < rows; i++) {
    const b = n.breaks[i];
    form[`b${i}Holidays`] = b ? [...b.holidays] : [];
    form[`b${i}Off`] = b ? b.weekdaysOff.join(' ') : '';
    form[`b${i}Work`] = b ? b.makeUpWorkingDays.join('，') : '';
  }
  return form;
}

eachDialect(
  'holiday notices on the calendar screen',
  (get) => {
    let app: FastifyInstance;
    let caseId: number;
    before(async () => {
      const { ctx } = get();
      app = await testApp(ctx);
      const chaqi = (await resolveAgency(ctx, '插旗镇')).id;
      const editor = await ctx.db.selectFrom('users').select('id').where('username', '=', 'chaqi-editor').executeTakeFirstOrThrow();
      const actor: Actor = { id: editor.id, roles: [{ role: 'editor', agencyId: chaqi }] };
      caseId = (
        await registerApplication(
          ctx,
          actor,
          chaqi,
          { channel: 'inPerson', receivedDate: '2026-11-26' },
          personApplication({ items: '2027年插旗镇春运安排' }),
          [],
        )
      ).id;
      const leader = await ctx.db.selectFrom('users').select('id').where('username', '=', 'chaqi-leader').executeTakeFirstOrThrow();
      await extendDeadline(ctx, { id: leader.id, roles: [{ role: 'leader', agencyId: chaqi }] }, caseId, {
        on: '2026-11-27',
        workingDays: 20,
        reason: '需要调取多个村的材料',
      });
    });
    after(async () => app.close());

    test('only platform administrators enter, read, correct or remove a notice', async () => {
      const anonymous = await new Client(app).get('/admin/calendar/notices/new');
      assert.equal(anonymous.statusCode, 303);
      const editor = new Client(app);
      await editor.login('chaqi-editor');
      assert.equal((await editor.get('/admin/calendar/notices/new')).statusCode, 403);
      await editor.get('/admin/calendar/deadline');
      assert.equal((await editor.post('/admin/calendar/notices', formOf(notice2027()))).statusCode, 403);
      assert.equal((await editor.post('/admin/calendar/notices/2027/remove', { removeReason: '误录' })).statusCode, 403);
      assert.equal((await editor.get('/admin/calendar/notices/2027')).statusCode, 403);
      const admin = new Client(app);
      await admin.login('platform-admin');
      assert.equal((await admin.get('/admin/calendar/notices/2027')).statusCode, 404, 'nothing entered yet');
    });

    test('the form: a year without a notice, its statutory days listed, a row per holiday', async () => {
      const admin = new Client(app);
      await admin.login('platform-admin');
      const calendar = await admin.get('/admin/calendar');
      assert.ok(calendar.body.includes('href="/admin/calendar/notices/new?year=2027"'));
      const page = await admin.get('/admin/calendar/notices/new?year=2027');
      assert.equal(page.statusCode, 200);
      assert.ok(page.body.includes('<option value="2027" selected="">2027年</option>'));
      assert.ok(!page.body.includes('<option value="2026"'), 'a year in code is not offered');
      const text = textOf(page.body);
      assert.ok(text.includes('2027年的法定节假日（《全国年节及纪念日放假办法》，国务院令第795号）'), text);
      assert.ok(text.includes('春节：2027-02-05（星期五）、2027-02-06（星期六）、2027-02-07（星期日）、2027-02-08（星期一）'), text);
      assert.ok(page.body.includes('name="b1Holidays" value="春节" checked=""'));
      assert.ok(page.body.includes('id="field-b6Off"'));
    });

    test('a notice that misses a statutory day is refused under its row, keeping what was typed', async () => {
      const { ctx } = get();
      const admin = new Client(app);
      await admin.login('platform-admin');
      await admin.get('/admin/calendar/notices/new');
      assert.equal((await admin.post('/admin/calendar/notices', formOf(notice2027()), { csrf: false })).statusCode, 403);
      const n = notice2027();
      // 端午 row left empty (dropped), 中秋节、国庆节 in the sixth row, 10-01 forgotten
      const combined = { holidays: ['中秋节', '国庆节'], weekdaysOff: ['2027-09-15', '2027-10-04', '2027-10-05'], makeUpWorkingDays: [] };
      const form = formOf({ ...n, breaks: [...n.breaks.slice(0, 4), { holidays: [], weekdaysOff: [], makeUpWorkingDays: [] }, combined] });
      const res = await admin.post('/admin/calendar/notices', form);
      assert.equal(res.statusCode, 400);
      const text = textOf(res.body);
      assert.ok(text.includes('通知的放假安排缺少端午节'), text);
      assert.ok(res.body.includes('href="#field-breaks"'));
      assert.ok(res.body.includes('href="#field-b5Off"'), 'the error of the fifth item is under the sixth row');
      assert.ok(text.includes('2027-10-01（星期五）是国庆节的法定假日'), text);
      assert.ok(text.includes('第6项应列为放假日'), text);
      assert.ok(res.body.includes('value="国办发明电〔2026〕9号"'));
      assert.ok(res.body.includes('value="2027-09-15 2027-10-04 2027-10-05"'));
      assert.ok(res.body.includes('name="b5Holidays" value="中秋节" checked=""') && res.body.includes('name="b5Holidays" value="国庆节" checked=""'));
      assert.equal((await ctx.db.selectFrom('holiday_notices').select('id').execute()).length, 0);
    });

    test('entering the notice recomputes the open case and shows the year as settled', async () => {
      const { ctx } = get();
      assert.equal((await getCaseRow(ctx.db, caseId))!.reply_due, '2027-01-22');
      const admin = new Client(app);
      await admin.login('platform-admin');
      await admin.get('/admin/calendar/notices/new');
      const n = notice2027();
      const res = await admin.post(
        '/admin/calendar/notices',
        formOf({ ...n, breaks: n.breaks.map((b, i) => (i === 0 ? { ...b, weekdaysOff: ['2026-12-31', '2027-01-01'] } : b)) }),
      );
      assert.equal(res.statusCode, 200);
      const text = textOf(res.body);
      assert.match(text, /已录入2027年的放假安排通知（国办发明电〔2026〕9号）。已重新计算\d+件未办结申请的期限，其中[1-9]\d*件的期限有变化/);
      assert.ok(text.includes('2027年 250 国办发明电〔2026〕9号（2026-11-20），平台管理员录入 查看、更正或撤销'), text);
      assert.ok(
        text.includes('依据国办发明电〔2026〕9号《国务院办公厅关于2027年部分节假日安排的通知》（平台管理员录入）。'),
        'the month grid of the year entered',
      );
      assert.ok(res.body.includes('href="/admin/calendar/notices/2027"'));
      assert.ok(text.includes('班 调休上班（春节）'));
      assert.ok(!res.body.includes('title="春节：暂定'), 'no longer provisional');
      const row = (await getCaseRow(ctx.db, caseId))!;
      assert.deepEqual([row.reply_due, Number(row.provisional)], ['2027-01-25', 0]);
    });

    test('the notice page: versions, a correction with a reason, then removal with a reason', async () => {
      const { ctx } = get();
      const admin = new Client(app);
      await admin.login('platform-admin');
      const page = await admin.get('/admin/calendar/notices/2027');
      assert.equal(page.statusCode, 200);
      assert.ok(textOf(page.body).includes('第1版 国办发明电〔2026〕9号'));
      assert.ok(page.body.includes('value="2026-12-31 2027-01-01"'), 'the correction form holds the notice as entered');
      const noReason = await admin.post('/admin/calendar/notices/2027/correct', formOf(notice2027()));
      assert.equal(noReason.statusCode, 400);
      assert.ok(noReason.body.includes('href="#field-reason"'));
      const corrected = await admin.post('/admin/calendar/notices/2027/correct', { ...formOf(notice2027()), reason: '核对原文：元旦只放1月1日' });
      assert.equal(corrected.statusCode, 200);
      assert.match(textOf(corrected.body), /已更正2027年的放假安排通知（第2版）。已重新计算\d+件未办结申请的期限，其中[1-9]\d*件/);
      assert.equal((await getCaseRow(ctx.db, caseId))!.reply_due, '2027-01-22');
      const history = textOf((await admin.get('/admin/calendar/notices/2027')).body);
      assert.ok(history.includes('已被更正版本替代'), history);
      assert.ok(history.includes('核对原文：元旦只放1月1日'));
      const noRemoveReason = await admin.post('/admin/calendar/notices/2027/remove', { removeReason: ' ' });
      assert.equal(noRemoveReason.statusCode, 400);
      assert.ok(noRemoveReason.body.includes('href="#field-removeReason"'));
      const removed = await admin.post('/admin/calendar/notices/2027/remove', { removeReason: '录错了' });
      assert.equal(removed.statusCode, 200);
      assert.ok(textOf(removed.body).includes('已撤销录入的2027年放假安排通知，2027年重新按法定节假日暂计。'));
      assert.ok(textOf(removed.body).includes('2027年 254 尚未收录国务院办公厅通知'));
      assert.equal(Number((await getCaseRow(ctx.db, caseId))!.provisional), 1);
      assert.ok(textOf((await admin.get('/admin/calendar/notices/2027')).body).includes('已撤销（'));
    });
  },
  async (t: TestDatabase) => void (await loadDemo(t.ctx)),
);
