/**
 * The statutory holidays of 《全国年节及纪念日放假办法》 computed for any year, cross-checked
 * against chinese-days (an independent package: lunar tables and a solar-term formula, and the
 * notices' day lists) and against our own notices; and how a year without a notice counts them.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import cd from 'chinese-days';
import { addDays, isWeekend } from '../../../src/domain/calendar/days.ts';
import { measuresInForce, statutoryDaysByHoliday, statutoryYear } from '../../../src/domain/calendar/statutory.ts';
import { createWorkingCalendar, nationalCalendar } from '../../../src/domain/calendar/working-calendar.ts';
import { holidayArrangements } from '../../../src/law/calendar/index.ts';

const byHoliday = (year: number) => Object.fromEntries(statutoryDaysByHoliday(year));

describe('the version of the 放假办法 in force', () => {
  test('国务院令第513号 for 2008–2013, 第644号 for 2014–2024, 第795号 from 2025', () => {
    assert.equal(measuresInForce(2007), null);
    assert.equal(measuresInForce(2008)?.decree, '国务院令第513号');
    assert.equal(measuresInForce(2013)?.decree, '国务院令第513号');
    assert.equal(measuresInForce(2014)?.decree, '国务院令第644号');
    assert.equal(measuresInForce(2024)?.decree, '国务院令第644号');
    assert.equal(measuresInForce(2025)?.decree, '国务院令第795号');
    assert.equal(measuresInForce(2040)?.decree, '国务院令第795号');
  });

  test('11 statutory days a year until 2024, 13 from 2025', () => {
    assert.equal(statutoryYear(2024)!.days.length, 11);
    assert.equal(statutoryYear(2025)!.days.length, 13);
    assert.equal(statutoryYear(2007), null);
  });
});

describe('the rule for years ahead', () => {
  test('2027: 元旦 01-01, 春节 from 除夕 02-05 to 初三 02-08, 清明 04-05, 劳动节 05-01..02, 端午 06-09, 中秋 09-15, 国庆 10-01..03', () => {
    assert.deepEqual(byHoliday(2027), {
      元旦: ['2027-01-01'],
      春节: ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08'],
      清明节: ['2027-04-05'],
      劳动节: ['2027-05-01', '2027-05-02'],
      端午节: ['2027-06-09'],
      中秋节: ['2027-09-15'],
      国庆节: ['2027-10-01', '2027-10-02', '2027-10-03'],
    });
  });

  test('除夕 is the 29th of the twelfth month when that month is short (2025–2029), the 30th when long (2030)', () => {
    assert.equal(cd.getLunarDate('2027-02-05').lunarDay, 29);
    assert.deepEqual(byHoliday(2028)['春节'], ['2028-01-25', '2028-01-26', '2028-01-27', '2028-01-28']);
    assert.equal(cd.getLunarDate('2028-01-25').lunarDay, 29);
    assert.deepEqual(byHoliday(2030)['春节'], ['2030-02-02', '2030-02-03', '2030-02-04', '2030-02-05']);
    assert.deepEqual([cd.getLunarDate('2030-02-02').lunarMon, cd.getLunarDate('2030-02-02').lunarDay], [12, 30]);
  });

  test('later years', () => {
    assert.deepEqual(byHoliday(2030)['清明节'], ['2030-04-05']);
    assert.deepEqual(byHoliday(2033)['中秋节'], ['2033-09-08']);
    assert.deepEqual(byHoliday(2035)['端午节'], ['2035-06-10']);
  });

  test('before 2025: 春节 is 初一 to 初三 (no 除夕), 劳动节 one day', () => {
    assert.deepEqual(byHoliday(2024)['春节'], ['2024-02-10', '2024-02-11', '2024-02-12']);
    assert.deepEqual(byHoliday(2024)['劳动节'], ['2024-05-01']);
    assert.deepEqual(byHoliday(2010)['春节'], ['2010-02-13', '2010-02-14', '2010-02-15'], '2008–2013: 除夕, 初一, 初二');
  });
});

describe('cross-checks', () => {
  test('2019–2026: every statutory day is a day off in chinese-days and in our notices', () => {
    const notOff: string[] = [];
    for (let year = 2019; year <= 2026; year++) {
      for (const d of statutoryYear(year)!.days) {
        if (cd.isWorkday(d.date)) notOff.push(`${d.date} ${d.holiday} (chinese-days)`);
        if (nationalCalendar.isWorkingDay(d.date)) notOff.push(`${d.date} ${d.holiday} (our notices)`);
      }
    }
    assert.deepEqual(notOff, []);
  });

  test("2019–2050: the lunar dates and 清明 equal chinese-days'", () => {
    for (let year = 2019; year <= 2050; year++) {
      const h = byHoliday(year);
      const lunar = (m: number, d: number) => cd.getSolarDateFromLunar(`${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`).date;
      const eve = addDays(lunar(1, 1), -1);
      assert.equal(cd.getLunarFestivals(eve, eve)[0]?.name.includes('除夕'), true, `${year} 除夕 ${eve}`);
      assert.deepEqual(h['春节']!.slice(-3), [lunar(1, 1), lunar(1, 2), lunar(1, 3)], `${year} 春节`);
      if (year >= 2025) assert.equal(h['春节']![0], eve, `${year} 除夕`);
      assert.deepEqual(h['端午节'], [lunar(5, 5)], `${year} 端午`);
      assert.deepEqual(h['中秋节'], [lunar(8, 15)], `${year} 中秋`);
      const terms = cd.getSolarTerms(`${year}-04-01`, `${year}-04-30`).filter((t) => t.name === '清明');
      assert.deepEqual(
        h['清明节'],
        terms.map((t) => t.date),
        `${year} 清明`,
      );
    }
  });
});

describe('a year without a notice', () => {
  test('its statutory days are days off, named, provisional, with the decree as their basis', () => {
    assert.deepEqual(nationalCalendar.dayStatus('2027-01-01'), {
      date: '2027-01-01',
      kind: 'statutoryHoliday',
      working: false,
      label: '元旦',
      notice: '国务院令第795号',
      pendingNoticeYear: 2027,
    });
    for (const d of ['2027-02-05', '2027-02-08', '2027-04-05', '2027-06-09', '2027-09-15', '2027-10-01']) {
      assert.equal(nationalCalendar.isWorkingDay(d), false, d);
      assert.equal(nationalCalendar.dayStatus(d).pendingNoticeYear, 2027, d);
    }
    assert.equal(nationalCalendar.nonWorkingReason('2027-02-08'), '春节');
  });

  test('no 补假 and no 调休: the days around them are plain weekdays and weekends, still provisional', () => {
    // 劳动节 2027 falls on Saturday and Sunday: the 补假 waits for the notice.
    assert.equal(nationalCalendar.dayStatus('2027-05-03').kind, 'weekday');
    assert.equal(nationalCalendar.dayStatus('2027-05-01').kind, 'statutoryHoliday');
    assert.equal(nationalCalendar.dayStatus('2027-02-09').kind, 'weekday');
    assert.equal(nationalCalendar.dayStatus('2027-02-09').pendingNoticeYear, 2027);
    let off = 0;
    for (let d = '2027-01-01'; d <= '2027-12-31'; d = addDays(d, 1)) if (!isWeekend(d) && !nationalCalendar.isWorkingDay(d)) off++;
    // 13 statutory days, of which 02-06, 02-07, 05-01, 05-02 and 10-02, 10-03 are weekend days
    assert.equal(off, 7);
  });

  test('a year before any version of the 放假办法 counts weekends only', () => {
    assert.equal(nationalCalendar.isWorkingDay('2007-10-01'), true);
    assert.equal(nationalCalendar.dayStatus('2007-10-01').pendingNoticeYear, 2007);
  });
});

describe('an entered notice', () => {
  const entered = {
    ...holidayArrangements.find((a) => a.year === 2026)!,
    year: 2027,
    breaks: [{ holidays: ['元旦'], weekdaysOff: ['2027-01-01'], makeUpWorkingDays: ['2026-12-27'] }],
  } as const;

  test('makes its year settled, reaching back into December, and replaces the statutory count', () => {
    const r = createWorkingCalendar([], { entered: [entered] });
    assert.ok(r.ok);
    const c = r.value;
    assert.deepEqual(c.enteredYears, [2027]);
    assert.ok(c.declaredYears.includes(2027));
    assert.equal(c.dayStatus('2027-01-01').pendingNoticeYear, undefined);
    assert.equal(c.dayStatus('2026-12-30').pendingNoticeYear, undefined);
    // the year is counted by its notice now: a statutory day it does not list off is a weekday
    assert.equal(c.isWorkingDay('2027-02-08'), true);
    assert.equal(c.dayStatus('2027-01-01').notice, '国办发明电〔2025〕7号');
    assert.equal(c.dayStatus('2026-12-27').kind, 'makeUpWorkingDay');
    assert.equal(c.dayStatus('2028-01-03').pendingNoticeYear, 2028);
  });

  test('an entered notice for a year the code declares is ignored', () => {
    const r = createWorkingCalendar([], { entered: [{ ...entered, year: 2026 }] });
    assert.ok(r.ok);
    assert.deepEqual(r.value.enteredYears, []);
    assert.equal(r.value.isWorkingDay('2026-02-16'), false);
  });
});
