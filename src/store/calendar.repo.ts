/**
 * The working-day calendar's data: local changes to the national calendar, and State Council
 * holiday notices entered as data, both by a platform administrator.
 */
import type { Insertable, Kysely } from 'kysely';
import type { DB, HolidayNoticeTable } from './schema.ts';

export async function calendarOverrides(db: Kysely<DB>) {
  return db.selectFrom('calendar_overrides').selectAll().orderBy('date').execute();
}

export async function upsertCalendarOverride(
  db: Kysely<DB>,
  o: { date: string; working: number; reason: string; created_by: number | null; created_at: string },
): Promise<void> {
  await db
    .insertInto('calendar_overrides')
    .values(o)
    .onConflict((oc) => oc.column('date').doUpdateSet({ working: o.working, reason: o.reason, created_by: o.created_by, created_at: o.created_at }))
    .execute();
}

export async function deleteCalendarOverride(db: Kysely<DB>, date: string): Promise<number> {
  const r = await db.deleteFrom('calendar_overrides').where('date', '=', date).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Every version of a year's entered holiday notice, oldest first, with who entered and ended each. */
export async function holidayNoticeVersions(db: Kysely<DB>, year: number) {
  return db
    .selectFrom('holiday_notices as n')
    .leftJoin('users as e', 'e.id', 'n.entered_by')
    .leftJoin('users as x', 'x.id', 'n.ended_by')
    .selectAll('n')
    .select(['e.display_name as entered_by_name', 'x.display_name as ended_by_name'])
    .where('n.year', '=', year)
    .orderBy('n.version')
    .execute();
}

/** The entered notices in force: one current version per year at most. */
export async function currentHolidayNotices(db: Kysely<DB>) {
  return db.selectFrom('holiday_notices').selectAll().where('status', '=', 'current').orderBy('year').execute();
}

export async function lastHolidayNoticeVersion(db: Kysely<DB>, year: number): Promise<number> {
  const r = await db
    .selectFrom('holiday_notices')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('year', '=', year)
    .executeTakeFirst();
  return Number(r?.v ?? 0);
}

export async function insertHolidayNotice(db: Kysely<DB>, row: Insertable<HolidayNoticeTable>): Promise<void> {
  await db.insertInto('holiday_notices').values(row).execute();
}

/** Ends the current version of a year (replaced by a correction, or removed); the count of rows ended. */
export async function endHolidayNotice(
  db: Kysely<DB>,
  year: number,
  end: { status: 'replaced' | 'removed'; ended_by: number | null; ended_at: string; end_reason: string },
): Promise<number> {
  const r = await db.updateTable('holiday_notices').set(end).where('year', '=', year).where('status', '=', 'current').executeTakeFirst();
  return Number(r.numUpdatedRows);
}
