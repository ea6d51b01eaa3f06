/**
 * A year of the working-day calendar as the calendar screen shows it: how many working days
 * it has, the State Council notice it is built from (none yet: weekends only, provisional),
 * and its months as weeks from Monday to Sunday.
 */
import type { HolidayNotice } from '../../law/calendar/index.ts';
import type { IsoDate } from '../shared/dates.ts';
import { addDays, dayOfWeek } from './days.ts';
import type { DayStatus, WorkingCalendar } from './working-calendar.ts';

export interface MonthGrid {
  month: number;
  /** Monday first; null pads the days of the neighbouring months. */
  weeks: readonly (readonly (DayStatus | null)[])[];
}

export interface YearOverview {
  year: number;
  workingDays: number;
  /** The notice the year is built from; null while it is counted by weekends only. */
  notice: HolidayNotice | null;
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
  return { year, workingDays, notice: a?.notice ?? null, amendments: (a?.amendments ?? []).map((m) => m.notice), specialDays, months };
}
