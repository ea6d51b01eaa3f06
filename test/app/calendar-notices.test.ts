/**
 * A State Council holiday notice entered as data, on both databases: who may enter it, refusals
 * that name the field and write nothing, and entry, correction and removal each recomputing
 * open cases' deadlines in the same transaction, audited, with the replaced versions kept.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { loadCalendar } from '../../src/app/calendar/calendar.ts';
import { correctHolidayNotice, enterHolidayNotice, removeHolidayNotice } from '../../src/app/calendar/notices.ts';
import { resolveAgency } from '../../src/app/agencies/resolve.ts';
import { extendDeadline } from '../../src/app/requests/acts.ts';
import { registerApplication } from '../../src/app/requests/intake.ts';
import { caseDetail } from '../../src/app/requests/read.ts';
import type { Actor } from '../../src/domain/access/policy.ts';
import { ForbiddenError, InputError } from '../../src/domain/shared/result.ts';
import { eventsFor } from '../../src/store/events.repo.ts';
import { getCaseRow } from '../../src/store/requests.repo.ts';
import { loadDemo } from '../../src/app/demo/load.ts';
import { personApplication } from '../helpers/applications.ts';
import { eachDialect, type TestDatabase } from '../helpers/db.ts';
import { notice2027 } from '../helpers/notices.ts';

const codes = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (e instanceof InputError) return e.errors.map((x) => `${x.field}:${x.code}`);
    if (e instanceof ForbiddenError) return ['FORBIDDEN'];
    throw e;
  }
  return [];
};

/** The 2027 notice with 元旦 reaching back to Thursday 2026-12-31. */
const withReachBack = () => {
  const n = notice2027();
  return { ...n, breaks: n.breaks.map((b, i) => (i === 0 ? { ...b, weekdaysOff: ['2026-12-31', '2027-01-01'] } : b)) };
};

eachDialect(
  'holiday notices entered as data',
  (get) => {
    let admin: Actor;
    let editor: Actor;
    let caseId: number;
    before(async () => {
      const { ctx } = get();
      const chaqi = (await resolveAgency(ctx, '插旗镇')).id;
      const users = await ctx.db.selectFrom('users').select(['id', 'username']).execute();
      const id = (u: string) => users.find((x) => x.username === u)!.id;
      admin = { id: id('platform-admin'), roles: [{ role: 'platformAdmin', agencyId: null }] };
      editor = { id: id('chaqi-editor'), roles: [{ role: 'editor', agencyId: chaqi }] };
      // Received 2026-11-26, reply due 2026-12-24; extended by 20 working days into January 2027.
      caseId = (
        await registerApplication(
          ctx,
          editor,
          chaqi,
          { channel: 'inPerson', receivedDate: '2026-11-26' },
          personApplication({ items: '2027年插旗镇春运安排' }),
          [],
        )
      ).id;
      const head: Actor = { id: id('chaqi-leader'), roles: [{ role: 'leader', agencyId: chaqi }] };
      await extendDeadline(ctx, head, caseId, { on: '2026-11-27', workingDays: 20, reason: '需要调取多个村的材料' });
    });

    const notices = async () => get().ctx.db.selectFrom('holiday_notices').selectAll().orderBy('version').execute();

    test('before any notice: the extended due date counts 元旦 2027 off and is provisional', async () => {
      const row = (await getCaseRow(get().ctx.db, caseId))!;
      assert.equal(row.reply_due, '2027-01-22');
      assert.equal(Number(row.provisional), 1);
    });

    test('only a platform administrator enters a notice; bad notices are refused naming the field, writing nothing', async () => {
      const { ctx } = get();
      assert.deepEqual(await codes(enterHolidayNotice(ctx, editor, notice2027())), ['FORBIDDEN']);
      assert.deepEqual(await codes(enterHolidayNotice(ctx, admin, { ...notice2027(), year: '二〇二七' })), ['year:GK_NOTICE_YEAR']);
      assert.deepEqual(await codes(enterHolidayNotice(ctx, admin, { ...notice2027(), year: 2026, title: '国务院办公厅关于2026年部分节假日安排的通知' })), [
        'year:GK_NOTICE_IN_CODE',
      ]);
      const n = notice2027();
      const noChuxi = { ...n, breaks: n.breaks.map((b, i) => (i === 1 ? { ...b, weekdaysOff: b.weekdaysOff.filter((d) => d !== '2027-02-05') } : b)) };
      assert.deepEqual(await codes(enterHolidayNotice(ctx, admin, noChuxi)), ['breaks[1].weekdaysOff:GK_NOTICE_STATUTORY_DAY']);
      assert.deepEqual(await codes(enterHolidayNotice(ctx, admin, { ...n, number: '', date: '2026-12-20' })), ['number:GK_REQUIRED', 'date:GK_NOTICE_DATE']);
      assert.deepEqual(await notices(), []);
      assert.deepEqual(await eventsFor(ctx.db, 'calendar', 'notice-2027'), []);
      assert.equal((await getCaseRow(ctx.db, caseId))!.reply_due, '2027-01-22');
    });

    test('entering the 2027 notice recomputes the open case in the same transaction: due date moved, no longer provisional, in its ledger', async () => {
      const { ctx } = get();
      const r = await enterHolidayNotice(ctx, admin, withReachBack());
      assert.equal(r.version, 1);
      assert.ok(r.changed >= 1 && r.checked >= r.changed, JSON.stringify(r));
      const row = (await getCaseRow(ctx.db, caseId))!;
      // 2026-12-31 is off now too: one working day later
      assert.deepEqual([row.reply_due, Number(row.provisional)], ['2027-01-25', 0]);
      const d = await caseDetail(ctx, editor, caseId);
      const last = d.timeline.at(-1)!;
      assert.equal(last.act, 'deadlinesRecomputed');
      assert.ok(
        d.replyDueWorking.join('\n').includes('2027年放假安排：国办发明电〔2026〕9号《国务院办公厅关于2027年部分节假日安排的通知》（平台管理员据通知录入）'),
        d.replyDueWorking.join('\n'),
      );
      const calendar = await loadCalendar(ctx.db);
      assert.deepEqual(calendar.enteredYears, [2027]);
      assert.equal(calendar.dayStatus('2027-02-09').label, '春节');
      assert.equal(calendar.dayStatus('2027-01-31').kind, 'makeUpWorkingDay');
      const events = await eventsFor(ctx.db, 'calendar', 'notice-2027');
      assert.deepEqual(
        events.map((e) => e.action),
        ['calendar.noticeEntered'],
      );
      assert.equal(JSON.parse(events[0]!.payload).changed, r.changed);
      assert.deepEqual(await codes(enterHolidayNotice(ctx, admin, notice2027())), ['year:GK_NOTICE_DUPLICATE']);
    });

    test('a correction needs a reason, replaces the notice as version 2 keeping version 1, and recomputes', async () => {
      const { ctx } = get();
      assert.deepEqual(await codes(correctHolidayNotice(ctx, admin, notice2027(), ' ')), ['reason:GK_REASON_REQUIRED']);
      assert.deepEqual(
        await codes(correctHolidayNotice(ctx, admin, { ...notice2027(), year: 2028, title: '国务院办公厅关于2028年部分节假日安排的通知' }, '误录')),
        ['year:GK_NOT_FOUND'],
      );
      const bad = { ...notice2027(), breaks: notice2027().breaks.map((b, i) => (i === 4 ? { ...b, weekdaysOff: [] } : b)) };
      assert.deepEqual(await codes(correctHolidayNotice(ctx, admin, bad, '核对原文')), ['breaks[4].weekdaysOff:GK_NOTICE_STATUTORY_DAY']);
      const r = await correctHolidayNotice(ctx, admin, notice2027(), '核对原文：元旦只放1月1日');
      assert.equal(r.version, 2);
      assert.ok(r.changed >= 1);
      assert.equal((await getCaseRow(ctx.db, caseId))!.reply_due, '2027-01-22');
      const rows = await notices();
      assert.deepEqual(
        rows.map((x) => [x.version, x.status, x.reason, x.end_reason]),
        [
          [1, 'replaced', null, '核对原文：元旦只放1月1日'],
          [2, 'current', '核对原文：元旦只放1月1日', null],
        ],
      );
      assert.deepEqual(JSON.parse(rows[0]!.breaks)[0].weekdaysOff, ['2026-12-31', '2027-01-01']);
    });

    test('removal needs a reason and makes the year provisional again', async () => {
      const { ctx } = get();
      assert.deepEqual(await codes(removeHolidayNotice(ctx, admin, 2027, '')), ['reason:GK_REASON_REQUIRED']);
      assert.deepEqual(await codes(removeHolidayNotice(ctx, admin, 2028, '误录')), ['year:GK_NOT_FOUND']);
      assert.deepEqual(await codes(removeHolidayNotice(ctx, editor, 2027, '误录')), ['FORBIDDEN']);
      const r = await removeHolidayNotice(ctx, admin, 2027, '通知录错了年份');
      assert.ok(r.changed >= 1);
      const row = (await getCaseRow(ctx.db, caseId))!;
      assert.deepEqual([row.reply_due, Number(row.provisional)], ['2027-01-22', 1]);
      assert.deepEqual(
        (await notices()).map((x) => x.status),
        ['replaced', 'removed'],
      );
      assert.deepEqual((await loadCalendar(ctx.db)).enteredYears, []);
      assert.deepEqual(
        (await eventsFor(ctx.db, 'calendar', 'notice-2027')).map((e) => [e.action, e.reason]),
        [
          ['calendar.noticeEntered', null],
          ['calendar.noticeCorrected', '核对原文：元旦只放1月1日'],
          ['calendar.noticeRemoved', '通知录错了年份'],
        ],
      );
      // entered again after removal: version 3
      assert.equal((await enterHolidayNotice(ctx, admin, notice2027())).version, 3);
    });

    test('the database holds one current version per year', async () => {
      const { ctx } = get();
      const row = (await notices()).at(-1)!;
      const { id: _, ...copy } = row;
      await assert.rejects(
        ctx.db
          .insertInto('holiday_notices')
          .values({ ...copy, version: 4 })
          .execute(),
      );
      await assert.rejects(
        ctx.db
          .insertInto('holiday_notices')
          .values({ ...copy, version: 4, status: 'withdrawn' as 'removed' })
          .execute(),
      );
      await ctx.db
        .insertInto('holiday_notices')
        .values({ ...copy, version: 4, status: 'removed' })
        .execute();
      await ctx.db.deleteFrom('holiday_notices').where('version', '=', 4).execute();
    });
  },
  async (t: TestDatabase) => void (await loadDemo(t.ctx)),
);
