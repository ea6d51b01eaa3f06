/** Day arithmetic on ISO dates, in UTC so no time zone or daylight saving can shift a day. */
import { weekdayNames } from '../../law/calendar/labels.ts';
import type { IsoDate } from '../shared/dates.ts';

const dayMs = 86_400_000;

function utcMs(date: IsoDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(utcMs(date) + days * dayMs).toISOString().slice(0, 10);
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
