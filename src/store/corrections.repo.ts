/** 更正 requests (条例 第四十一条): the row and its projection, the ledger, the letters. Staff only. */
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import { isPostgres } from './dialect.ts';
import type { CorrectionLetterTable, CorrectionRequestTable, DB } from './schema.ts';

export type CorrectionRow = Selectable<CorrectionRequestTable>;
export type CorrectionLetterRow = Selectable<CorrectionLetterTable>;
export type CorrectionProjection = Pick<
  Updateable<CorrectionRequestTable>,
  'due_date' | 'provisional' | 'state' | 'decision' | 'decided_date' | 'event_count' | 'updated_at'
>;

export async function insertCorrection(db: Kysely<DB>, row: Insertable<CorrectionRequestTable>): Promise<number> {
  const r = await db.insertInto('correction_requests').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

/** The row, locked for the act's transaction on PostgreSQL (SQLite's writer lock covers it). */
export async function getCorrection(db: Kysely<DB>, id: number, lock = false): Promise<CorrectionRow | undefined> {
  return db
    .selectFrom('correction_requests')
    .selectAll()
    .where('id', '=', id)
    .$if(lock && isPostgres(db), (q) => q.forUpdate())
    .executeTakeFirst();
}

export async function correctionLedger(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('correction_events')
    .select(['seq', 'act', 'on_date', 'recorded_at', 'actor_id', 'payload'])
    .where('correction_id', '=', id)
    .orderBy('seq')
    .execute();
}

export async function appendCorrectionEvent(
  db: Kysely<DB>,
  e: { correction_id: number; seq: number; act: string; on_date: string; recorded_at: string; actor_id: number | null; payload: string },
): Promise<void> {
  await db.insertInto('correction_events').values(e).execute();
}

export async function updateCorrection(db: Kysely<DB>, id: number, set: CorrectionProjection): Promise<void> {
  await db.updateTable('correction_requests').set(set).where('id', '=', id).execute();
}

export async function insertCorrectionLetter(db: Kysely<DB>, row: Insertable<CorrectionLetterTable>): Promise<number> {
  const r = await db.insertInto('correction_letters').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function lettersOf(db: Kysely<DB>, id: number): Promise<CorrectionLetterRow[]> {
  return db.selectFrom('correction_letters').selectAll().where('correction_id', '=', id).orderBy('id').execute();
}

/** The 更正 requests of these agencies: open ones by due date first, then the decided ones, latest first. */
export async function listCorrections(db: Kysely<DB>, agencyIds: readonly number[], limit = 200): Promise<CorrectionRow[]> {
  if (agencyIds.length === 0) return [];
  return db
    .selectFrom('correction_requests')
    .selectAll()
    .where('agency_id', 'in', agencyIds)
    .orderBy('state', 'desc')
    .orderBy('due_date')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Open requests with their ledgers, for counting their due dates again after a calendar change. */
export async function openCorrectionsWithLedgers(db: Kysely<DB>) {
  const rows = await db.selectFrom('correction_requests').select(['id', 'due_date', 'provisional']).where('state', '=', 'open').orderBy('id').execute();
  if (rows.length === 0) return [];
  const events = await db
    .selectFrom('correction_events')
    .select(['correction_id', 'seq', 'act', 'on_date', 'payload'])
    .where(
      'correction_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('correction_id')
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({ ...r, ledger: events.filter((e) => e.correction_id === r.id) }));
}
