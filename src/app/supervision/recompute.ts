/**
 * After a calendar change, in its transaction: the due dates of open 更正 requests and open
 * complaints counted again on the new calendar, as the disclosure cases' are
 * (src/app/requests/recompute.ts); each whose date moves gets a `deadlinesRecomputed` act.
 */
import type { Kysely } from 'kysely';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.ts';
import { foldComplaint } from '../../domain/complaints/complaint.ts';
import { foldCorrection } from '../../domain/corrections/correction.ts';
import type { IsoDate } from '../../domain/shared/dates.ts';
import { appendComplaintEvent, openComplaintsWithLedgers, updateComplaint } from '../../store/complaints.repo.ts';
import { appendCorrectionEvent, openCorrectionsWithLedgers, updateCorrection } from '../../store/corrections.repo.ts';
import type { DB } from '../../store/schema.ts';
import * as complaints from '../complaints/complaints.ts';
import * as corrections from '../corrections/corrections.ts';
import type { Recomputed } from '../requests/recompute.ts';

export async function recomputeOpenCorrections(
  db: Kysely<DB>,
  calendar: WorkingCalendar,
  on: IsoDate,
  at: string,
  actorId: number | null,
): Promise<Recomputed> {
  const open = await openCorrectionsWithLedgers(db);
  let changed = 0;
  for (const r of open) {
    const view = foldCorrection(r.ledger.map(corrections.eventOf), calendar);
    if (view.due.due === r.due_date && (view.due.provisional ? 1 : 0) === Number(r.provisional)) continue;
    changed++;
    const seq = r.ledger.length + 1;
    await appendCorrectionEvent(db, {
      correction_id: r.id,
      seq,
      act: 'deadlinesRecomputed',
      on_date: on,
      recorded_at: at,
      actor_id: actorId,
      payload: JSON.stringify({ before: r.due_date, after: view.due.due }),
    });
    await updateCorrection(db, r.id, corrections.projectionOf(view, seq, at));
  }
  return { checked: open.length, changed };
}

export async function recomputeOpenComplaints(db: Kysely<DB>, calendar: WorkingCalendar, on: IsoDate, at: string, actorId: number | null): Promise<Recomputed> {
  const open = await openComplaintsWithLedgers(db);
  let changed = 0;
  for (const r of open) {
    const view = foldComplaint(r.ledger.map(complaints.eventOf), calendar);
    if (view.due.due === r.due_date && (view.due.provisional ? 1 : 0) === Number(r.provisional)) continue;
    changed++;
    const seq = r.ledger.length + 1;
    await appendComplaintEvent(db, {
      complaint_id: r.id,
      seq,
      act: 'deadlinesRecomputed',
      on_date: on,
      recorded_at: at,
      actor_id: actorId,
      payload: JSON.stringify({ before: r.due_date, after: view.due.due }),
    });
    await updateComplaint(db, r.id, complaints.projectionOf(view, seq, at));
  }
  return { checked: open.length, changed };
}
