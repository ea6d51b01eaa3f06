/**
 * Deadlines in working days (spec §2.4): the start day is not counted (《民法典》 第二百零一条),
 * counting begins the next day; the working days inside a paused range, both ends
 * included, are not counted (条例 第三十三条: time spent consulting third parties or other
 * agencies). The result lists every day looked at, counted or skipped, and why.
 */
import { pausedLabel } from '../../law/calendar/labels.ts';
import { isIsoDate, type IsoDate } from '../shared/dates.ts';
import { addDays } from './days.ts';
import type { DayStatus, WorkingCalendar } from './working-calendar.ts';

export interface PausedRange {
  from: IsoDate;
  to: IsoDate;
}

export interface DeadlineDay {
  day: DayStatus;
  /** 1 for the first working day counted, …; null when the day was skipped. */
  ordinal: number | null;
  /** Why the day was not counted (周末, 春节, 暂停计算 …); null when counted. */
  skippedBecause: string | null;
}

export interface Deadline {
  from: IsoDate;
  workingDays: number;
  paused: readonly PausedRange[];
  due: IsoDate;
  /** The due date depends on a year whose notice the calendar lacks. */
  provisional: boolean;
  pendingNoticeYears: readonly number[];
  days: readonly DeadlineDay[];
}

function checkArguments(from: IsoDate, workingDays: number, paused: readonly PausedRange[]): void {
  if (!isIsoDate(from)) throw new RangeError(`not a date: ${from}`);
  if (!Number.isSafeInteger(workingDays) || workingDays < 0) throw new RangeError(`not a count of working days: ${workingDays}`);
  for (const r of paused) {
    if (!isIsoDate(r.from) || !isIsoDate(r.to) || r.to < r.from) throw new RangeError(`not a paused range: ${r.from}..${r.to}`);
  }
}

const isPaused = (date: IsoDate, paused: readonly PausedRange[]) => paused.some((r) => r.from <= date && date <= r.to);

function look(calendar: WorkingCalendar, date: IsoDate, paused: readonly PausedRange[]): { day: DayStatus; skippedBecause: string | null } {
  const day = calendar.dayStatus(date);
  if (!day.working) return { day, skippedBecause: day.label };
  return { day, skippedBecause: isPaused(date, paused) ? pausedLabel : null };
}

function pendingYears(days: readonly { day: DayStatus }[]): number[] {
  return [...new Set(days.flatMap((d) => (d.day.pendingNoticeYear === undefined ? [] : [d.day.pendingNoticeYear])))].sort((a, b) => a - b);
}

/** The day `workingDays` working days after `from`; `from` itself when the count is 0. */
export function addWorkingDays(calendar: WorkingCalendar, from: IsoDate, workingDays: number, paused: readonly PausedRange[] = []): Deadline {
  checkArguments(from, workingDays, paused);
  const days: DeadlineDay[] = [];
  let date = from;
  let counted = 0;
  while (counted < workingDays) {
    date = addDays(date, 1);
    const { day, skippedBecause } = look(calendar, date, paused);
    if (skippedBecause === null) counted += 1;
    days.push({ day, ordinal: skippedBecause === null ? counted : null, skippedBecause });
  }
  const pendingNoticeYears = pendingYears(days);
  return { from, workingDays, paused, due: date, provisional: pendingNoticeYears.length > 0, pendingNoticeYears, days };
}

/**
 * Working days after `from` up to and including `to` (e.g. days left until a due date);
 * negative when `to` is before `from` (working days overdue).
 */
export function workingDaysBetween(
  calendar: WorkingCalendar,
  from: IsoDate,
  to: IsoDate,
  paused: readonly PausedRange[] = [],
): { workingDays: number; provisional: boolean; pendingNoticeYears: readonly number[] } {
  checkArguments(from, 0, paused);
  if (!isIsoDate(to)) throw new RangeError(`not a date: ${to}`);
  const [start, end, sign] = to >= from ? [from, to, 1] : [to, from, -1];
  const days: { day: DayStatus }[] = [];
  let count = 0;
  for (let date = addDays(start, 1); date <= end; date = addDays(date, 1)) {
    const seen = look(calendar, date, paused);
    if (seen.skippedBecause === null) count += 1;
    days.push(seen);
  }
  const pendingNoticeYears = pendingYears(days);
  return { workingDays: sign * count || 0, provisional: pendingNoticeYears.length > 0, pendingNoticeYears };
}
