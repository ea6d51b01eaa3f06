import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import cd from 'chinese-days';
import { addWorkingDays, workingDaysBetween } from '../../../src/domain/calendar/deadline.ts';
import { addDays } from '../../../src/domain/calendar/days.ts';
import { explainDeadline } from '../../../src/domain/calendar/explain.ts';
import { createWorkingCalendar, nationalCalendar as cal } from '../../../src/domain/calendar/working-calendar.ts';

const skipped = (d: ReturnType<typeof addWorkingDays>) =>
  Object.fromEntries(d.days.filter((x) => x.ordinal === null).map((x) => [x.day.date, x.skippedBecause]));
const counted = (d: ReturnType<typeof addWorkingDays>) => d.days.filter((x) => x.ordinal !== null).map((x) => x.day.date);

describe('statutory examples', () => {
  test('20 working days from 2026-01-30 end on 2026-03-05, across 春节 with both 调休 Saturdays counted', () => {
    const d = addWorkingDays(cal, '2026-01-30', 20);
    assert.equal(d.due, '2026-03-05');
    assert.equal(d.provisional, false);
    assert.equal(counted(d).length, 20);
    assert.ok(counted(d).includes('2026-02-14') && counted(d).includes('2026-02-28'));
    assert.equal(skipped(d)['2026-02-16'], '春节');
    assert.equal(skipped(d)['2026-02-23'], '春节');
    assert.equal(skipped(d)['2026-01-31'], '周末');
    // every day after the start day up to the due date is listed once
    assert.equal(d.days.length, 34);
    assert.equal(d.days[0]!.day.date, '2026-01-31');
  });

  test('5 working days from 2026-09-28 end on the 调休 Saturday 2026-10-10', () => {
    const d = addWorkingDays(cal, '2026-09-28', 5);
    assert.equal(d.due, '2026-10-10');
    assert.deepEqual(counted(d), ['2026-09-29', '2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10']);
    assert.equal(d.days.at(-1)!.day.label, '调休上班（国庆节）');
  });

  test('a request received on the Friday before 国庆 is answered within 20 working days after the break', () => {
    // 2025-09-26: 9月28日 (Sunday) and 10月11日 (Saturday) are 调休上班, 10月1日–8日 off
    const d = addWorkingDays(cal, '2025-09-26', 20);
    assert.equal(d.due, '2025-10-30');
    assert.equal(d.days[1]!.ordinal, 1); // 2025-09-28, a Sunday worked
    assert.equal(skipped(d)['2025-10-06'], '国庆节、中秋节');
    assert.equal(addWorkingDays(cal, '2024-09-27', 20).due, '2024-10-30');
    // 2026-09-25 is itself 中秋节: the start day is not counted whatever it is
    assert.equal(addWorkingDays(cal, '2026-09-25', 20).due, '2026-10-29');
    // the examples: 2024-02-08 across 春节 and 2026-09-24 across 中秋、国庆
    assert.equal(addWorkingDays(cal, '2024-02-08', 20).due, '2024-03-13');
    assert.equal(addWorkingDays(cal, '2026-09-24', 20).due, '2026-10-29');
  });

  test('the same due dates as chinese-days findWorkday across 2019–2026', () => {
    for (let from = '2019-01-01'; from <= '2026-11-01'; from = addDays(from, 11)) {
      for (const n of [1, 7, 15, 20]) assert.equal(addWorkingDays(cal, from, n).due, cd.findWorkday(n, from), `${n} from ${from}`);
    }
  });
});

describe('counting rules', () => {
  test('the start day is not counted, and 0 working days end on the start day', () => {
    assert.equal(addWorkingDays(cal, '2026-03-02', 1).due, '2026-03-03');
    assert.equal(addWorkingDays(cal, '2026-03-06', 1).due, '2026-03-09');
    assert.equal(addWorkingDays(cal, '2026-10-01', 1).due, '2026-10-08');
    const zero = addWorkingDays(cal, '2026-03-07', 0);
    assert.equal(zero.due, '2026-03-07');
    assert.deepEqual(zero.days, []);
  });

  test('working days inside a paused range, both ends included, are not counted', () => {
    const plain = addWorkingDays(cal, '2026-03-02', 20);
    const d = addWorkingDays(cal, '2026-03-02', 20, [{ from: '2026-03-04', to: '2026-03-10' }]);
    // 03-04, 05, 06, 09, 10 are paused: five working days more
    assert.equal(d.due, addWorkingDays(cal, '2026-03-02', 25).due);
    assert.notEqual(d.due, plain.due);
    assert.equal(skipped(d)['2026-03-04'], '暂停计算');
    assert.equal(skipped(d)['2026-03-10'], '暂停计算');
    assert.equal(skipped(d)['2026-03-07'], '周末');
    assert.ok(!('2026-03-11' in skipped(d)));
  });

  test('a one-day pause, overlapping pauses, and a pause before the start', () => {
    assert.equal(addWorkingDays(cal, '2026-03-02', 1, [{ from: '2026-03-03', to: '2026-03-03' }]).due, '2026-03-04');
    const overlapping = [
      { from: '2026-03-03', to: '2026-03-05' },
      { from: '2026-03-04', to: '2026-03-06' },
    ];
    assert.equal(addWorkingDays(cal, '2026-03-02', 1, overlapping).due, '2026-03-09');
    assert.equal(addWorkingDays(cal, '2026-03-02', 1, [{ from: '2026-02-01', to: '2026-03-02' }]).due, '2026-03-03');
  });

  test('a paused range that spans a holiday skips the holiday for what it is', () => {
    const d = addWorkingDays(cal, '2026-09-28', 5, [{ from: '2026-09-30', to: '2026-10-08' }]);
    assert.equal(skipped(d)['2026-09-30'], '暂停计算');
    assert.equal(skipped(d)['2026-10-01'], '国庆节');
    assert.equal(skipped(d)['2026-10-08'], '暂停计算');
    assert.equal(d.due, '2026-10-13');
  });

  test('bad arguments are programming errors', () => {
    assert.throws(() => addWorkingDays(cal, '2026-02-30', 1), RangeError);
    assert.throws(() => addWorkingDays(cal, '2026-03-02', -1), RangeError);
    assert.throws(() => addWorkingDays(cal, '2026-03-02', 1.5), RangeError);
    assert.throws(() => addWorkingDays(cal, '2026-03-02', 1, [{ from: '2026-03-05', to: '2026-03-04' }]), RangeError);
  });
});

describe('provisional due dates', () => {
  test('a deadline reaching into 2027 counts its statutory holidays there and is flagged', () => {
    const d = addWorkingDays(cal, '2026-12-15', 20);
    // 12-16 … 12-31: 12 working days; 2027-01-01 (a Friday) is 元旦 under the 放假办法, not counted
    assert.equal(d.due, '2027-01-13');
    assert.equal(d.provisional, true);
    assert.deepEqual(d.pendingNoticeYears, [2027]);
    assert.equal(d.days.find((x) => x.day.date === '2027-01-01')!.ordinal, null);
    assert.equal(skipped(d)['2027-01-01'], '元旦');
  });

  test("the issue's examples: 2026-12-25 + 5 is 2027-01-04, 2027-02-03 + 3 is 2027-02-10, 2027-09-28 + 3 is 2027-10-04, all provisional", () => {
    for (const [from, n, due] of [
      ['2026-12-25', 5, '2027-01-04'],
      ['2027-02-03', 3, '2027-02-10'],
      ['2027-09-28', 3, '2027-10-04'],
      ['2026-12-10', 20, '2027-01-08'],
    ] as const) {
      const d = addWorkingDays(cal, from, n);
      assert.deepEqual([d.due, d.provisional], [due, true], `${from} + ${n}`);
    }
    // 除夕 2027-02-05 (Friday) and 初三 2027-02-08 (Monday) are skipped; no 补假 for 初一 and 初二 on the weekend
    assert.deepEqual(counted(addWorkingDays(cal, '2027-02-03', 3)), ['2027-02-04', '2027-02-09', '2027-02-10']);
  });

  test('a deadline within declared days is not provisional; one touching 12-29 of the last declared year is', () => {
    assert.equal(addWorkingDays(cal, '2026-11-02', 10).provisional, false);
    assert.equal(addWorkingDays(cal, '2026-12-21', 5).due, '2026-12-28');
    assert.equal(addWorkingDays(cal, '2026-12-21', 5).provisional, false);
    assert.equal(addWorkingDays(cal, '2026-12-21', 6).provisional, true);
    assert.equal(addWorkingDays(cal, '2025-12-26', 5).provisional, false);
  });

  test('the explanation says which notice is missing', () => {
    const lines = explainDeadline(addWorkingDays(cal, '2026-12-15', 20), cal);
    assert.ok(
      lines.some((l) => l.startsWith('暂定：2027年')),
      lines.join('\n'),
    );
    assert.ok(lines.includes('  2027-01-01 星期五  不计  元旦  国务院令第795号  暂定'), lines.join('\n'));
    assert.ok(lines.includes('  2027-01-04 星期一  第13个工作日  暂定'), lines.join('\n'));
    const why = lines.find((l) => l.startsWith('暂定：2027年'))!;
    assert.ok(why.includes('按《全国年节及纪念日放假办法》（国务院令第795号）规定的法定节假日和周末计算'), why);
    assert.ok(why.includes('补假和调休上班由通知安排，暂不计入'), why);
  });
});

describe('explanation', () => {
  test('names the start, the notices, the pauses and every day', () => {
    const d = addWorkingDays(cal, '2020-01-23', 5, [{ from: '2020-02-03', to: '2020-02-04' }]);
    const lines = explainDeadline(d, cal);
    assert.equal(lines[0], '自2020-01-23（星期四）起算，起算日不计入，第5个工作日为2020-02-11（星期二）。');
    assert.ok(lines.includes('暂停计算：2020-02-03至2020-02-04（其间的工作日不计入，首尾两日包括在内）。'));
    assert.ok(lines.includes('2020年放假安排：国办发明电〔2019〕16号《国务院办公厅关于2020年部分节假日安排的通知》'));
    assert.ok(lines.includes('2020年调整：国办发明电〔2020〕1号《国务院办公厅关于延长2020年春节假期的通知》'));
    assert.ok(lines.includes('  2020-01-31 星期五  不计  春节  国办发明电〔2020〕1号'));
    assert.ok(lines.includes('  2020-02-03 星期一  不计  暂停计算'));
    assert.equal(lines.filter((l) => l.startsWith('  2020-')).length, d.days.length);
  });
});

describe('working days between two dates', () => {
  test('is the inverse of addWorkingDays for a working due date', () => {
    for (const [from, n] of [
      ['2026-01-30', 20],
      ['2025-09-26', 20],
      ['2026-12-15', 20],
      ['2019-04-25', 7],
    ] as const) {
      const due = addWorkingDays(cal, from, n).due;
      assert.equal(workingDaysBetween(cal, from, due).workingDays, n, `${from} + ${n}`);
    }
  });

  test('days left, none left, and overdue', () => {
    assert.equal(workingDaysBetween(cal, '2026-02-13', '2026-03-05').workingDays, 10);
    assert.equal(workingDaysBetween(cal, '2026-03-05', '2026-03-05').workingDays, 0);
    assert.equal(workingDaysBetween(cal, '2026-03-10', '2026-03-05').workingDays, -3);
    assert.equal(workingDaysBetween(cal, '2026-02-16', '2026-02-23').workingDays, 0);
  });

  test('paused working days and undeclared years', () => {
    assert.equal(workingDaysBetween(cal, '2026-03-02', '2026-03-09', [{ from: '2026-03-04', to: '2026-03-05' }]).workingDays, 3);
    const r = workingDaysBetween(cal, '2026-12-28', '2027-01-04');
    // 12-29, 12-30, 12-31 and 01-04: 元旦 2027-01-01 is not a working day even before the notice
    assert.deepEqual([r.workingDays, r.provisional, r.pendingNoticeYears], [4, true, [2027]]);
  });
});

test('local overrides move deadlines', () => {
  const r = createWorkingCalendar([
    { date: '2026-03-03', kind: 'holiday', reason: '县城防汛抢险' },
    { date: '2026-03-07', kind: 'workingDay', reason: '补班' },
  ]);
  assert.ok(r.ok);
  const d = addWorkingDays(r.value, '2026-03-02', 5);
  assert.equal(skipped(d)['2026-03-03'], '地方假日：县城防汛抢险');
  assert.ok(counted(d).includes('2026-03-07'));
  assert.equal(d.due, '2026-03-09');
  assert.equal(addWorkingDays(cal, '2026-03-02', 5).due, '2026-03-09');
  assert.equal(addWorkingDays(r.value, '2026-03-02', 4).due, '2026-03-07');
});
