/** Local changes to the national working-day calendar, entered by a platform administrator. */
import type { Kysely } from 'kysely';
import type { DB } from './schema.ts';

export async function calendarOverrides(db: Kysely<DB>) {
  return db.selectFrom('calendar_overrides').selectAll().orderBy('date').execute();
}

export async function upsertCalendarOverride(db: Kysely<DB>, o: { date: string; working: number; reason: string; created_by: number | null; created_at: string }): Promise<void> {
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
