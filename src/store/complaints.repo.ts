/** Complaints and reports to the 主管部门 (条例 第四十七条): the row and its projection, the ledger. Staff only. */
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import { isPostgres } from './dialect.ts';
import type { ComplaintTable, DB } from './schema.ts';

export type ComplaintRow = Selectable<ComplaintTable>;
export type ComplaintProjection = Pick<Updateable<ComplaintTable>, 'due_date' | 'provisional' | 'state' | 'answered_date' | 'event_count' | 'updated_at'>;

export async function insertComplaint(db: Kysely<DB>, row: Insertable<ComplaintTable>): Promise<number> {
  const r = await db.insertInto('complaints').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

/** The row, locked for the act's transaction on PostgreSQL (SQLite's writer lock covers it). */
export async function getComplaint(db: Kysely<DB>, id: number, lock = false): Promise<ComplaintRow | undefined> {
  return db
    .selectFrom('complaints')
    .selectAll()
    .where('id', '=', id)
    .$if(lock && isPostgres(db), (q) => q.forUpdate())
    .executeTakeFirst();
}

export async function complaintLedger(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('complaint_events')
    .select(['seq', 'act', 'on_date', 'recorded_at', 'actor_id', 'payload'])
    .where('complaint_id', '=', id)
    .orderBy('seq')
    .execute();
}

export async function appendComplaintEvent(
  db: Kysely<DB>,
  e: { complaint_id: number; seq: number; act: string; on_date: string; recorded_at: string; actor_id: number | null; payload: string },
): Promise<void> {
  await db.insertInto('complaint_events').values(e).execute();
}

export async function updateComplaint(db: Kysely<DB>, id: number, set: ComplaintProjection): Promise<void> {
  await db.updateTable('complaints').set(set).where('id', '=', id).execute();
}

/** A county's complaints: open ones by due date first, then the answered ones, latest first. */
export async function listComplaints(db: Kysely<DB>, countyId: number, limit = 200): Promise<ComplaintRow[]> {
  return db
    .selectFrom('complaints')
    .selectAll()
    .where('county_id', '=', countyId)
    .orderBy('state', 'desc')
    .orderBy('due_date')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Open complaints with their ledgers, for counting their due dates again after a calendar change. */
export async function openComplaintsWithLedgers(db: Kysely<DB>) {
  const rows = await db.selectFrom('complaints').select(['id', 'due_date', 'provisional']).where('state', '=', 'open').orderBy('id').execute();
  if (rows.length === 0) return [];
  const events = await db
    .selectFrom('complaint_events')
    .select(['complaint_id', 'seq', 'act', 'on_date', 'payload'])
    .where(
      'complaint_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('complaint_id')
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({ ...r, ledger: events.filter((e) => e.complaint_id === r.id) }));
}
