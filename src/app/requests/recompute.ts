/**
 * When the working-day calendar changes (a local holiday added, next year's notice loaded),
 * every open case's deadlines are counted again; each case whose dates move gets a
 * `deadlinesRecomputed` act in its ledger saying from what to what.
 */
import type { Kysely } from 'kysely';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.ts';
import { foldCase } from '../../domain/requests/case.ts';
import type { IsoDate } from '../../domain/shared/dates.ts';
import { appendLedgerRows, ledgersOf, openCaseIds, updateCaseProjections, type CaseProjection } from '../../store/requests.repo.ts';
import type { DB } from '../../store/schema.ts';
import { eventOf, projectionOf } from './ledger.ts';

export interface Recomputed {
  checked: number;
  changed: number;
}

/**
 * In the caller's transaction (the one that changed the calendar). Reads the open cases a
 * page at a time, folds each ledger on the new calendar, and writes the changed ones' acts
 * and projections in a few statements per page.
 */
export async function recomputeOpenDeadlines(db: Kysely<DB>, calendar: WorkingCalendar, on: IsoDate, at: string, actorId: number | null): Promise<Recomputed> {
  let checked = 0;
  let changed = 0;
  const page = 1000;
  for (let after = 0; ; ) {
    const ids = await openCaseIds(db, after, page);
    if (!ids.length) break;
    after = ids[ids.length - 1]!;
    const ledgers = await ledgersOf(db, ids);
    const rows = await db.selectFrom('applications').select(['id', 'reply_due', 'next_due', 'provisional']).where('id', 'in', ids).execute();
    const acts: Parameters<typeof appendLedgerRows>[1][number][] = [];
    const projections: { id: number; set: CaseProjection }[] = [];
    for (const row of rows) {
      const ledger = ledgers.get(row.id)!;
      if (!ledger.length) continue;
      checked++;
      const view = foldCase(ledger.map(eventOf), calendar);
      const p = projectionOf(view, ledger.length + 1, at);
      if (p.reply_due === row.reply_due && p.next_due === row.next_due && p.provisional === Number(row.provisional)) continue;
      changed++;
      const payload = JSON.stringify({ before: row.next_due, after: p.next_due });
      acts.push({ application_id: row.id, seq: ledger.length + 1, act: 'deadlinesRecomputed', on_date: on, recorded_at: at, actor_id: actorId, payload });
      projections.push({ id: row.id, set: p });
    }
    await appendLedgerRows(db, acts);
    await updateCaseProjections(db, projections);
  }
  return { checked, changed };
}
