/**
 * The working-day calendar deadlines are counted on: the State Council's notices (in code and
 * entered as data), with the local changes a platform administrator has entered (spec §2.4, §6).
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../domain/access/policy.ts';
import { createWorkingCalendar, type LocalOverride, type WorkingCalendar } from '../../domain/calendar/working-calendar.ts';
import type { AuditAction } from '../../domain/shared/audit.ts';
import { chinaDate, type IsoDate } from '../../domain/shared/dates.ts';
import type { StatutoryHoliday, YearArrangement } from '../../law/calendar/index.ts';
import { calendarOverrides, currentHolidayNotices } from '../../store/calendar.repo.ts';
import { appendEvent } from '../../store/events.repo.ts';
import type { DB } from '../../store/schema.ts';
import type { AppContext } from '../context.ts';
import { recomputeOpenDeadlines, type Recomputed } from '../requests/recompute.ts';
import { recomputeOpenComplaints, recomputeOpenCorrections } from '../supervision/recompute.ts';

export async function localOverrides(db: Kysely<DB>): Promise<LocalOverride[]> {
  return (await calendarOverrides(db)).map((o) => ({ date: o.date as IsoDate, kind: o.working ? 'workingDay' : 'holiday', reason: o.reason }));
}

interface StoredBreak {
  holidays: StatutoryHoliday[];
  weekdaysOff: IsoDate[];
  makeUpWorkingDays: IsoDate[];
}

/** The entered notices in force, as the calendar's data. */
export async function enteredNotices(db: Kysely<DB>): Promise<YearArrangement[]> {
  return (await currentHolidayNotices(db)).map((r) => ({
    year: Number(r.year),
    notice: { number: r.number, title: r.title, date: r.notice_date, ...(r.url ? { url: r.url } : {}) },
    breaks: JSON.parse(r.breaks) as StoredBreak[],
  }));
}

/** The calendar from the stored data, or with some of it replaced by a change not yet written. */
export async function calendarWith(db: Kysely<DB>, change: { overrides?: LocalOverride[]; entered?: YearArrangement[] } = {}): Promise<WorkingCalendar> {
  const r = createWorkingCalendar(change.overrides ?? (await localOverrides(db)), { entered: change.entered ?? (await enteredNotices(db)) });
  // The tables only hold data that passed these checks.
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('；'));
  return r.value;
}

export async function loadCalendar(db: Kysely<DB>): Promise<WorkingCalendar> {
  return calendarWith(db);
}

/**
 * After a change to the calendar, in its transaction: every open case's deadlines counted
 * again on the new calendar (a `deadlinesRecomputed` act in each changed ledger), and the
 * change's audit event with the counts.
 */
export async function recomputeAfterChange(
  db: Kysely<DB>,
  ctx: AppContext,
  actor: Actor,
  calendar: WorkingCalendar,
  event: { subjectId: string | number; action: AuditAction; reason: string | null; payload?: Record<string, unknown> },
): Promise<Recomputed> {
  const at = ctx.now().toISOString();
  const result = await recomputeOpenDeadlines(db, calendar, chinaDate(ctx.now()), at, actor.id);
  // 更正 requests and complaints have due dates on the same calendar.
  const corrections = await recomputeOpenCorrections(db, calendar, chinaDate(ctx.now()), at, actor.id);
  const complaints = await recomputeOpenComplaints(db, calendar, chinaDate(ctx.now()), at, actor.id);
  await appendEvent(db, {
    occurredAt: at,
    actorId: actor.id,
    agencyId: null,
    subjectType: 'calendar',
    subjectId: event.subjectId,
    action: event.action,
    reason: event.reason,
    payload: { ...event.payload, ...result, corrections, complaints },
  });
  return result;
}
