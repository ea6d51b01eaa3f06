import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createWorkingCalendar, nationalCalendar } from '../../../src/domain/calendar/working-calendar.ts';
import { yearOverview } from '../../../src/domain/calendar/year.ts';

describe('a year of the calendar screen', () => {
  test('working days per year as the notices give them (spec §6.2), 2027 by its statutory holidays', () => {
    const counts = [2023, 2024, 2025, 2026, 2027].map((y) => yearOverview(nationalCalendar, y).workingDays);
    // 2027: 261 weekdays less the 7 statutory days that fall on one
    assert.deepEqual(counts, [249, 251, 248, 248, 254]);
    assert.equal(yearOverview(nationalCalendar, 2026).notice?.number, '国办发明电〔2025〕7号');
    assert.equal(yearOverview(nationalCalendar, 2026).provisionalBasis, null);
    assert.equal(yearOverview(nationalCalendar, 2027).notice, null);
    assert.equal(yearOverview(nationalCalendar, 2027).provisionalBasis?.decree, '国务院令第795号');
    assert.equal(yearOverview(nationalCalendar, 2027).specialDays, 13);
  });

  test('months are weeks from Monday to Sunday; every day appears once', () => {
    const y = yearOverview(nationalCalendar, 2026);
    const jan = y.months[0]!;
    // 2026-01-01 is a Thursday: three empty cells before it.
    assert.deepEqual(
      jan.weeks[0]!.slice(0, 4).map((d) => d?.date ?? null),
      [null, null, null, '2026-01-01'],
    );
    assert.ok(y.months.every((m) => m.weeks.every((w) => w.length === 7)));
    assert.equal(y.months.flatMap((m) => m.weeks.flat()).filter((d) => d !== null).length, 365);
    assert.equal(y.months[1]!.weeks.flat().find((d) => d?.date === '2026-02-14')?.kind, 'makeUpWorkingDay');
  });

  test('a local holiday takes a working day off the count', () => {
    const r = createWorkingCalendar([{ date: '2026-12-01', kind: 'holiday', reason: '县庆' }]);
    assert.ok(r.ok);
    assert.equal(yearOverview(r.value, 2026).workingDays, 247);
  });
});
