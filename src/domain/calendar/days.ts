/** Day arithmetic on ISO dates, in UTC so no time zone or daylight saving can shift a day. */
import { weekdayNames } from '../../law/calendar/labels.ts';
import { utcMidnightDate, type IsoDate } from '../shared/dates.ts';

const dayMs = 86_400_000;

function utcMs(date: IsoDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

/**
 * Counting deadlines steps one day at a time, millions of times when every open case is
 * recomputed: the day after and before a date are remembered (a bounded table: a few
 * centuries of dates at most).
 */
const nextDay = new Map<IsoDate, IsoDate>();
const previousDay = new Map<IsoDate, IsoDate>();
const rememberedDays = 100_000;

export function addDays(date: IsoDate, days: number): IsoDate {
  if (days !== 1 && days !== -1) return utcMidnightDate(utcMs(date) + days * dayMs);
  const table = days === 1 ? nextDay : previousDay;
  let d = table.get(date);
  if (d === undefined) {
    d = utcMidnightDate(utcMs(date) + days * dayMs);
    if (table.size < rememberedDays) table.set(date, d);
  }
  return d;
}

/** 0 is Sunday, 6 is Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return new Date(utcMs(date)).getUTCDay();
}

export function isWeekend(date: IsoDate): boolean {
  const d = dayOfWeek(date);
  return d === 0 || d === 6;
}

/** 星期一 … 星期日. */
export function weekdayName(date: IsoDate): string {
  return weekdayNames[dayOfWeek(date)]!;
}
