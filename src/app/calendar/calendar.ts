/**
 * The working-day calendar deadlines are counted on: the State Council's, with the local
 * changes a platform administrator has entered (spec §2.4, §6).
 */
import type { Kysely } from 'kysely';
import { createWorkingCalendar, type LocalOverride, type WorkingCalendar } from '../../domain/calendar/working-calendar.ts';
import type { IsoDate } from '../../domain/shared/dates.ts';
import { calendarOverrides } from '../../store/calendar.repo.ts';
import type { DB } from '../../store/schema.ts';

export async function localOverrides(db: Kysely<DB>): Promise<LocalOverride[]> {
  return (await calendarOverrides(db)).map((o) => ({ date: o.date as IsoDate, kind: o.working ? 'workingDay' : 'holiday', reason: o.reason }));
}

export async function loadCalendar(db: Kysely<DB>): Promise<WorkingCalendar> {
  const r = createWorkingCalendar(await localOverrides(db));
  // The table only holds overrides that passed these checks.
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('；'));
  return r.value;
}
