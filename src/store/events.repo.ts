/** The audit ledger: every state change appends one event, in the transaction of the change. */
import { type Kysely, sql } from 'kysely';
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
  return db.selectFrom('audit_events').selectAll().where('subject_type', '=', subjectType).where('subject_id', '=', String(subjectId)).orderBy('id').execute();
}

/** Who did one of `actions` to a subject, with the version named in the event's payload (if any). */
export async function actorsOf(
  db: Kysely<DB>,
  subjectType: string,
  subjectId: string | number,
  actions: readonly AuditAction[],
): Promise<{ actorId: number; version: number | null }[]> {
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

/** What the audit page asks for: `agencyIds` are the agencies the viewer may see, or 'all' (platform administrator). */
export interface EventFilter {
  agencyIds: readonly number[] | 'all';
  agencyId?: number | undefined;
  actorId?: number | undefined;
  actions?: readonly AuditAction[] | undefined;
  /** Instants (ISO 8601, UTC): from inclusive, until exclusive. */
  from?: string | undefined;
  until?: string | undefined;
}

export interface AuditRow {
  id: number;
  occurredAt: string;
  actorId: number | null;
  actorName: string | null;
  agencyId: number | null;
  subjectType: string;
  subjectId: string;
  action: string;
  reason: string | null;
}

function filtered(db: Kysely<DB>, f: EventFilter) {
  let q = db.selectFrom('audit_events as e');
  // Events of no agency (a log-in, the calendar) belong to the platform: only 'all' sees them.
  if (f.agencyIds !== 'all') q = f.agencyIds.length ? q.where('e.agency_id', 'in', [...f.agencyIds]) : q.where(sql<boolean>`1 = 0`);
  if (f.agencyId !== undefined) q = q.where('e.agency_id', '=', f.agencyId);
  if (f.actorId !== undefined) q = q.where('e.actor_id', '=', f.actorId);
  if (f.actions) q = f.actions.length ? q.where('e.action', 'in', [...f.actions]) : q.where(sql<boolean>`1 = 0`);
  if (f.from) q = q.where('e.occurred_at', '>=', f.from);
  if (f.until) q = q.where('e.occurred_at', '<', f.until);
  return q;
}

/** One page of the audit trail, newest first, with who did it; never the payload (it may hold an applicant's data). */
export async function listEvents(db: Kysely<DB>, f: EventFilter, page: { limit: number; offset: number }): Promise<{ rows: AuditRow[]; total: number }> {
  const [rows, count] = await Promise.all([
    filtered(db, f)
      .leftJoin('users as u', 'u.id', 'e.actor_id')
      .select(['e.id', 'e.occurred_at', 'e.actor_id', 'u.display_name', 'e.agency_id', 'e.subject_type', 'e.subject_id', 'e.action', 'e.reason'])
      .orderBy('e.occurred_at', 'desc')
      .orderBy('e.id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    filtered(db, f)
      .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    rows: rows.map((r) => ({
      id: r.id,
      occurredAt: r.occurred_at,
      actorId: r.actor_id,
      actorName: r.display_name,
      agencyId: r.agency_id,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      action: r.action,
      reason: r.reason,
    })),
  };
}

/** The people who recorded an event at one of `agencyIds` (the 人员 filter's choices). */
export async function eventActors(db: Kysely<DB>, agencyIds: readonly number[] | 'all'): Promise<{ id: number; name: string }[]> {
  let q = db.selectFrom('audit_events as e').innerJoin('users as u', 'u.id', 'e.actor_id').select(['u.id', 'u.display_name']).distinct();
  if (agencyIds !== 'all') q = agencyIds.length ? q.where('e.agency_id', 'in', [...agencyIds]) : q.where(sql<boolean>`1 = 0`);
  const rows = await q.orderBy('u.display_name').execute();
  return rows.map((r) => ({ id: r.id, name: r.display_name }));
}
