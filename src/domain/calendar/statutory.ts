/**
 * The statutory holiday days of a year under 《全国年节及纪念日放假办法》 as in force that year
 * (src/law/calendar/statutory.ts): solar dates as written, lunar dates and 清明 computed by
 * lunar-typescript (astronomical new moons and solar terms in China time; docs/dependencies.md).
 * A function of the year only: no clock, no I/O.
 */
import { Lunar, Solar } from 'lunar-typescript';
import { holidayMeasures, type HolidayMeasures, type StatutoryDayRule } from '../../law/calendar/statutory.ts';
import type { StatutoryHoliday } from '../../law/calendar/types.ts';
import type { IsoDate } from '../shared/dates.ts';

export interface StatutoryDay {
  date: IsoDate;
  holiday: StatutoryHoliday;
}

export interface StatutoryYear {
  year: number;
  measures: HolidayMeasures;
  /** In date order; each holiday's days together. */
  days: readonly StatutoryDay[];
}

/** The version of the 放假办法 in force in a year; null before the first one declared (2008). */
export function measuresInForce(year: number): HolidayMeasures | null {
  let found: HolidayMeasures | null = null;
  for (const m of holidayMeasures) if (Number(m.effectiveFrom.slice(0, 4)) <= year) found = m;
  return found;
}

const iso = (s: Solar): IsoDate => s.toYmd();

function dateOf(rule: StatutoryDayRule, year: number): IsoDate {
  switch (rule.calendar) {
    case 'solar':
      return `${year}-${String(rule.month).padStart(2, '0')}-${String(rule.day).padStart(2, '0')}`;
    case 'lunar':
      // 正月 … 八月 of the lunar year that begins in this solar year always fall in it.
      return iso(Lunar.fromYmd(year, rule.month, rule.day).getSolar());
    case 'lunarNewYearsEve':
      // The day before 正月初一: the 29th or 30th of the twelfth month, whichever is its last.
      return iso(Lunar.fromYmd(year, 1, 1).next(-1).getSolar());
    case 'solarTerm':
      // 清明 falls on 4–6 April: the lunar date of 4 April has this year's 清明 in its table.
      return iso(Solar.fromYmd(year, 4, 4).getLunar().getJieQiTable()[rule.term]!);
  }
}

/** Lunar years the library covers with certainty; a count runs far short of these. */
const firstYear = 1901;
const lastYear = 2999;
const computed = new Map<number, StatutoryYear | null>();

/** The statutory days of a year; null when no version of the 放假办法 applies (before 2008). */
export function statutoryYear(year: number): StatutoryYear | null {
  if (!Number.isInteger(year) || year < firstYear || year > lastYear) return null;
  const seen = computed.get(year);
  if (seen !== undefined) return seen;
  const measures = measuresInForce(year);
  const result = measures
    ? Object.freeze({
        year,
        measures,
        days: Object.freeze(
          measures.holidays
            .flatMap((h) => h.days.map((rule) => Object.freeze({ date: dateOf(rule, year), holiday: h.holiday })))
            .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
        ),
      })
    : null;
  computed.set(year, result);
  return result;
}

/** Each statutory holiday's days in a year (empty when none applies). */
export function statutoryDaysByHoliday(year: number): ReadonlyMap<StatutoryHoliday, readonly IsoDate[]> {
  const byHoliday = new Map<StatutoryHoliday, IsoDate[]>();
  for (const d of statutoryYear(year)?.days ?? []) byHoliday.set(d.holiday, [...(byHoliday.get(d.holiday) ?? []), d.date]);
  return byHoliday;
}
