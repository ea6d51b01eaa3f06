/**
 * A year of the working-day calendar as the calendar screen shows it: how many working days
 * it has, the State Council notice it is built from (none yet: the statutory holidays of the
 * 放假办法 in force, provisional), and its months as weeks from Monday to Sunday.
 */
import type { HolidayNotice } from '../../law/calendar/index.ts';
import type { HolidayMeasures } from '../../law/calendar/statutory.ts';
import type { IsoDate } from '../shared/dates.ts';
import { addDays, dayOfWeek } from './days.ts';
import { measuresInForce } from './statutory.ts';
import type { DayStatus, WorkingCalendar } from './working-calendar.ts';

export interface MonthGrid {
  month: number;
  /** Monday first; null pads the days of the neighbouring months. */
  weeks: readonly (readonly (DayStatus | null)[])[];
}

export interface YearOverview {
  year: number;
  workingDays: number;
  /** The notice the year is built from; null while it has none (provisional). */
  notice: HolidayNotice | null;
  /** The notice was entered as data by a platform administrator, not released in code. */
  entered: boolean;
  /** Without a notice: the 放假办法 whose statutory holidays the year counts (null before 2008: weekends only). */
  provisionalBasis: HolidayMeasures | null;
  amendments: readonly HolidayNotice[];
  /** Days that are not plain weekdays or weekends: holidays, 调休上班, local changes. */
  specialDays: number;
  months: readonly MonthGrid[];
}

export function yearOverview(calendar: WorkingCalendar, year: number): YearOverview {
  const a = calendar.arrangement(year);
  const months: MonthGrid[] = [];
  let workingDays = 0;
  let specialDays = 0;
  for (let month = 1; month <= 12; month++) {
    const weeks: (DayStatus | null)[][] = [];
    let week: (DayStatus | null)[] = Array.from({ length: (dayOfWeek(`${year}-${String(month).padStart(2, '0')}-01`) + 6) % 7 }, () => null);
    for (let d: IsoDate = `${year}-${String(month).padStart(2, '0')}-01`; Number(d.slice(5, 7)) === month && d.startsWith(String(year)); d = addDays(d, 1)) {
      const s = calendar.dayStatus(d);
      if (s.working) workingDays++;
      if (s.kind !== 'weekday' && s.kind !== 'weekend') specialDays++;
      week.push(s);
      if (week.length === 7) {
        weeks.push(week);
        week = [];
      }
    }
    if (week.length) weeks.push([...week, ...Array.from({ length: 7 - week.length }, () => null)]);
    months.push({ month, weeks });
  }
  const entered = calendar.enteredYears.includes(year);
  return {
    year,
    workingDays,
    notice: a?.notice ?? null,
    entered,
    provisionalBasis: a ? null : measuresInForce(year),
    amendments: (a?.amendments ?? []).map((m) => m.notice),
    specialDays,
    months,
  };
}
