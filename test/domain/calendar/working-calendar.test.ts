import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import cd from 'chinese-days';
import { addDays, dayOfWeek, isWeekend } from '../../../src/domain/calendar/days.ts';
import { createWorkingCalendar, nationalCalendar } from '../../../src/domain/calendar/working-calendar.ts';
import { holidayArrangements } from '../../../src/law/calendar/index.ts';
import { isIsoDate } from '../../../src/domain/shared/dates.ts';

function daysOf(year: number): string[] {
  const days: string[] = [];
  for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) days.push(d);
  return days;
}

/** The weekdays a year has off and the weekend days it works, as the calendar computes them. */
function exceptions(year: number) {
  const days = daysOf(year);
  return {
    weekdaysOff: days.filter((d) => !isWeekend(d) && !nationalCalendar.isWorkingDay(d)),
    makeUpWorkingDays: days.filter((d) => isWeekend(d) && nationalCalendar.isWorkingDay(d)),
  };
}

const md = (year: number, list: string) => list.split(', ').map((x) => `${year}-${x}`);

describe('the law data', () => {
  test('covers 2019–2026, one notice a year', () => {
    assert.deepEqual(nationalCalendar.declaredYears, [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
  });

  test('days off are weekdays and 调休上班 days are weekend days, each listed once, in its notice year (or the December before)', () => {
    for (const a of holidayArrangements) {
      const lists = [...a.breaks, ...(a.amendments ?? [])];
      const off = lists.flatMap((b) => b.weekdaysOff ?? []);
      const work = lists.flatMap((b) => b.makeUpWorkingDays ?? []);
      for (const d of [...off, ...work]) {
        assert.ok(isIsoDate(d), d);
        assert.ok(d.startsWith(String(a.year)) || d.startsWith(`${a.year - 1}-12-`), `${d} in the ${a.year} notice`);
      }
      for (const d of off) assert.ok(!isWeekend(d), `${d} is listed off but is a weekend day`);
      for (const d of work) assert.ok(isWeekend(d), `${d} is listed as 调休上班 but is a weekday`);
      assert.equal(new Set([...off, ...work]).size, off.length + work.length, `${a.year} lists a day twice`);
    }
  });
});

describe('working days per year', () => {
  const expected: Record<number, number> = {
    // computed from the notices (and checked day by day against chinese-days below)
    2019: 250,
    2020: 249,
    2021: 250,
    2022: 249,
    // spec §6.2
    2023: 249,
    2024: 251,
    2025: 248,
    2026: 248,
  };
  for (const [year, count] of Object.entries(expected)) {
    test(`${year}: ${count}`, () => {
      assert.equal(daysOf(Number(year)).filter((d) => nationalCalendar.isWorkingDay(d)).length, count);
    });
  }
});

describe('spec §6.2 day lists, verbatim', () => {
  const spec: Record<number, [string, string]> = {
    2023: [
      '01-02, 01-23, 01-24, 01-25, 01-26, 01-27, 04-05, 05-01, 05-02, 05-03, 06-22, 06-23, 09-29, 10-02, 10-03, 10-04, 10-05, 10-06',
      '01-28, 01-29, 04-23, 05-06, 06-25, 10-07, 10-08',
    ],
    2024: [
      '01-01, 02-12, 02-13, 02-14, 02-15, 02-16, 04-04, 04-05, 05-01, 05-02, 05-03, 06-10, 09-16, 09-17, 10-01, 10-02, 10-03, 10-04, 10-07',
      '02-04, 02-18, 04-07, 04-28, 05-11, 09-14, 09-29, 10-12',
    ],
    2025: [
      '01-01, 01-28, 01-29, 01-30, 01-31, 02-03, 02-04, 04-04, 05-01, 05-02, 05-05, 06-02, 10-01, 10-02, 10-03, 10-06, 10-07, 10-08',
      '01-26, 02-08, 04-27, 09-28, 10-11',
    ],
    2026: [
      '01-01, 01-02, 02-16, 02-17, 02-18, 02-19, 02-20, 02-23, 04-06, 05-01, 05-04, 05-05, 06-19, 09-25, 10-01, 10-02, 10-05, 10-06, 10-07',
      '01-04, 02-14, 02-28, 05-09, 09-20, 10-10',
    ],
  };
  for (const [year, [off, work]] of Object.entries(spec)) {
    test(String(year), () => {
      assert.deepEqual(exceptions(Number(year)), { weekdaysOff: md(Number(year), off), makeUpWorkingDays: md(Number(year), work) });
    });
  }
});

test('every day of 2019–2026 is a working day exactly when chinese-days 1.5.7 says so', () => {
  // No day differs: the package encodes the same notices, including 国办发明电〔2019〕3号
  // (劳动节 2019) and 国办发明电〔2020〕1号 (春节 2020), and like the 2024 notice it keeps
  // 除夕 2024-02-09 a working day. A day that differs must be explained here.
  const differences: Record<string, string> = {};
  const found: string[] = [];
  for (let year = 2019; year <= 2026; year++) {
    for (const d of daysOf(year)) {
      if (nationalCalendar.isWorkingDay(d) !== cd.isWorkday(d) && !(d in differences)) found.push(d);
    }
  }
  assert.deepEqual(found, []);
});

describe('why a day is not a working day', () => {
  test('weekend, holiday, 调休上班 and ordinary weekday', () => {
    assert.equal(nationalCalendar.nonWorkingReason('2026-01-31'), '周末');
    assert.equal(nationalCalendar.nonWorkingReason('2026-02-17'), '春节');
    assert.equal(nationalCalendar.nonWorkingReason('2023-09-29'), '中秋节、国庆节');
    assert.equal(nationalCalendar.nonWorkingReason('2026-02-14'), null);
    assert.deepEqual(nationalCalendar.dayStatus('2026-02-14'), {
      date: '2026-02-14',
      kind: 'makeUpWorkingDay',
      working: true,
      label: '调休上班（春节）',
      notice: '国办发明电〔2025〕7号',
    });
    assert.deepEqual(nationalCalendar.dayStatus('2026-03-02'), { date: '2026-03-02', kind: 'weekday', working: true, label: '工作日' });
  });

  test('除夕 2024 (rest only encouraged by the notice) is a working day', () => {
    assert.equal(nationalCalendar.isWorkingDay('2024-02-09'), true);
  });

  test('2019: 劳动节 as adjusted by 国办发明电〔2019〕3号', () => {
    assert.equal(nationalCalendar.dayStatus('2019-05-01').notice, '国办发明电〔2018〕15号');
    assert.equal(nationalCalendar.dayStatus('2019-05-02').notice, '国办发明电〔2019〕3号');
    assert.equal(nationalCalendar.nonWorkingReason('2019-05-03'), '劳动节');
    assert.equal(nationalCalendar.dayStatus('2019-04-28').kind, 'makeUpWorkingDay');
    assert.equal(nationalCalendar.dayStatus('2019-05-05').kind, 'makeUpWorkingDay');
  });

  test('2020: 春节 extended to 2月2日 by 国办发明电〔2020〕1号, which also cancels the 2月1日 调休上班', () => {
    assert.equal(nationalCalendar.dayStatus('2020-01-31').notice, '国办发明电〔2020〕1号');
    assert.equal(nationalCalendar.nonWorkingReason('2020-01-31'), '春节');
    assert.equal(nationalCalendar.nonWorkingReason('2020-02-01'), '周末');
    assert.equal(nationalCalendar.nonWorkingReason('2020-02-02'), '周末');
    assert.equal(nationalCalendar.isWorkingDay('2020-02-03'), true);
    assert.equal(nationalCalendar.dayStatus('2020-01-19').kind, 'makeUpWorkingDay');
  });
});

describe('years without a notice', () => {
  test('2027 counts its statutory holidays and weekends, and every day says which notice it waits for', () => {
    const statutory = new Set([
      '2027-01-01',
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-04-05',
      '2027-05-01',
      '2027-05-02',
      '2027-06-09',
      '2027-09-15',
      '2027-10-01',
      '2027-10-02',
      '2027-10-03',
    ]);
    for (const d of daysOf(2027)) {
      const s = nationalCalendar.dayStatus(d);
      assert.equal(s.working, !isWeekend(d) && !statutory.has(d), d);
      assert.equal(s.kind, statutory.has(d) ? 'statutoryHoliday' : isWeekend(d) ? 'weekend' : 'weekday', d);
      assert.equal(s.pendingNoticeYear, 2027, d);
    }
    // 2027-01-01 is a Friday: 元旦 under the 放假办法, off before the notice says so
    assert.equal(dayOfWeek('2027-01-01'), 5);
    assert.equal(nationalCalendar.isWorkingDay('2027-01-01'), false);
  });

  test('the last days of 2026 wait for the 2027 notice too (元旦 can reach back to 12-29)', () => {
    assert.equal(nationalCalendar.dayStatus('2026-12-28').pendingNoticeYear, undefined);
    assert.equal(nationalCalendar.dayStatus('2026-12-29').pendingNoticeYear, 2027);
    assert.equal(nationalCalendar.dayStatus('2025-12-31').pendingNoticeYear, undefined);
  });

  test('years before 2019 are not in the calendar either', () => {
    assert.equal(nationalCalendar.dayStatus('2018-06-01').pendingNoticeYear, 2018);
    // declared by the 2019 notice, still in an undeclared year
    assert.deepEqual(nationalCalendar.dayStatus('2018-12-31'), {
      date: '2018-12-31',
      kind: 'statutoryHoliday',
      working: false,
      label: '元旦',
      notice: '国办发明电〔2018〕15号',
      pendingNoticeYear: 2018,
    });
  });
});

describe('local overrides', () => {
  const local = createWorkingCalendar([
    { date: '2026-03-10', kind: 'holiday', reason: '县城防汛抢险' },
    { date: '2026-03-14', kind: 'workingDay', reason: '补上3月10日' },
  ]);

  test('a local holiday is not a working day and says why; a local working day is one', () => {
    assert.ok(local.ok);
    const c = local.value;
    assert.equal(c.isWorkingDay('2026-03-10'), false);
    assert.equal(c.nonWorkingReason('2026-03-10'), '地方假日：县城防汛抢险');
    assert.equal(c.isWorkingDay('2026-03-14'), true);
    assert.equal(c.dayStatus('2026-03-14').label, '地方调整上班：补上3月10日');
    // the national calendar is untouched
    assert.equal(nationalCalendar.isWorkingDay('2026-03-10'), true);
    assert.equal(c.nonWorkingReason('2026-02-17'), '春节');
  });

  test('an override may replace a national day', () => {
    const r = createWorkingCalendar([{ date: '2026-02-14', kind: 'holiday', reason: '本县春节不调休' }]);
    assert.ok(r.ok);
    assert.equal(r.value.nonWorkingReason('2026-02-14'), '地方假日：本县春节不调休');
  });

  test('a bad date, a day given twice or a missing reason is refused, naming the field', () => {
    const r = createWorkingCalendar([
      { date: '2026-02-30', kind: 'holiday', reason: '无' },
      { date: '2026-03-10', kind: 'holiday', reason: '一' },
      { date: '2026-03-10', kind: 'workingDay', reason: '  ' },
    ]);
    assert.ok(!r.ok);
    assert.deepEqual(
      r.errors.map((e) => e.field),
      ['overrides[0].date', 'overrides[2].date', 'overrides[2].reason'],
    );
  });
});
