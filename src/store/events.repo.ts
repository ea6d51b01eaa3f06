/** The audit ledger: every state change appends one event, in the transaction of the change. */
import type { Kysely } from 'kysely';
import type { AuditAction } from '../domain/shared/audit.ts';
import type { DB } from './schema.ts';

export interface AuditEvent {
  occurredAt: string;
  actorId: number | null;
  agencyId: number | null;
  subjectType: string;
  subjectId: string | number;
  action: AuditAction;
  reason?: string | null;
  payload?: unknown;
}

export async function appendEvent(db: Kysely<DB>, e: AuditEvent): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      occurred_at: e.occurredAt,
      actor_id: e.actorId,
      agency_id: e.agencyId,
      subject_type: e.subjectType,
      subject_id: String(e.subjectId),
      action: e.action,
      reason: e.reason ?? null,
      payload: JSON.stringify(e.payload ?? {}),
    })
    .execute();
}

export async function eventsFor(db: Kysely<DB>, subjectType: string, subjectId: string | number) {
  return db
    .selectFrom('audit_events')
    .selectAll()
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', String(subjectId))
    .orderBy('id')
    .execute();
}

/** Who did one of `actions` to a subject, with the version named in the event's payload (if any). */
export async function actorsOf(db: Kysely<DB>, subjectType: string, subjectId: string | number, actions: readonly AuditAction[]): Promise<{ actorId: number; version: number | null }[]> {
  const rows = await db
    .selectFrom('audit_events')
    .select(['actor_id', 'payload'])
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', String(subjectId))
    .where('action', 'in', [...actions])
    .where('actor_id', 'is not', null)
    .execute();
  return rows.map((r) => {
    const version = (JSON.parse(r.payload) as { version?: unknown }).version;
    return { actorId: r.actor_id!, version: typeof version === 'number' ? version : null };
  });
}
