/**
 * The 第二十六条 clock of a draft: publish within 20 working days of 生成日期, counted on
 * the official calendar (the start day not counted).
 */
import { addWorkingDays, workingDaysBetween } from '../../domain/calendar/deadline.ts';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.ts';
import { loadCalendar } from '../calendar/calendar.ts';
import type { IsoDate } from '../../domain/shared/dates.ts';
import { timeLimits } from '../../law/time-limits.ts';
import type { AppContext } from '../context.ts';

export interface PublicationClock {
  due: IsoDate;
  /** Working days left (negative: overdue). */
  left: number;
  overdue: boolean;
  provisional: boolean;
  text: string;
}

/** The calendar deadlines are counted on, with the local changes. */
export async function workingCalendar(ctx: AppContext): Promise<WorkingCalendar> {
  return loadCalendar(ctx.db);
}

export function clockOf(calendar: WorkingCalendar, generatedDate: IsoDate, today: IsoDate): PublicationClock {
  const limit = timeLimits.proactivePublication;
  const { due, provisional } = addWorkingDays(calendar, generatedDate, limit.workingDays);
  const { workingDays } = workingDaysBetween(calendar, today, due);
  const overdue = today > due;
  const suffix = provisional ? '（日期暂按法定节假日和周末计算，待国务院公布放假安排）' : '';
  const text = overdue ? `已超过${limit.basis}规定的期限${due}，逾期${-workingDays}个工作日${suffix}` : `应于${due}前公开，还剩${workingDays}个工作日${suffix}`;
  return { due, left: workingDays, overdue, provisional, text };
}

export async function publicationClock(ctx: AppContext, generatedDate: IsoDate, today: IsoDate): Promise<PublicationClock> {
  return clockOf(await workingCalendar(ctx), generatedDate, today);
}
