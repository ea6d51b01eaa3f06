/** What every act of the publication workflow does first and last: ask the workflow, write the audit event. */
import type { Kysely } from 'kysely';
import type { Actor } from '../../domain/access/policy.ts';
import { transition, type WorkflowAct } from '../../domain/catalog/workflow.ts';
import type { AuditAction } from '../../domain/shared/audit.ts';
import { InputError, NotFoundError } from '../../domain/shared/result.ts';
import { unsettledCounts } from '../../domain/catalog/hits.ts';
import { getVersion, hitsOf, type VersionRow } from '../../store/catalogue-versions.repo.ts';
import { actorsOf, appendEvent } from '../../store/events.repo.ts';
import type { DB } from '../../store/schema.ts';
import { versionFacts } from './access.ts';

/** The acts that write a version's content: whoever did one is among its authors. */
const authoring: readonly AuditAction[] = [
  'catalogue.drafted',
  'catalogue.correctionStarted',
  'catalogue.saved',
  'catalogue.attachmentAdded',
  'catalogue.attachmentRemoved',
];

/**
 * Everyone who wrote the version, as the database records it — its drafter, and from the
 * audit ledger whoever saved it or changed its attachments — not who the form says.
 */
export async function versionAuthors(db: Kysely<DB>, version: VersionRow): Promise<number[]> {
  const events = await actorsOf(db, 'catalogueItem', version.item_id, authoring);
  const ids = events.filter((e) => e.version === version.version).map((e) => e.actorId);
  return [...new Set([...(version.author_id === null ? [] : [version.author_id]), ...ids])];
}

/** Re-reads the version inside the transaction and applies the workflow's decision. */
export async function decide(
  db: Kysely<DB>,
  versionId: number,
  act: WorkflowAct,
  actorId: number,
): Promise<{ version: VersionRow; next: ReturnType<typeof transition> }> {
  const version = await getVersion(db, versionId);
  if (!version) throw new NotFoundError('找不到这条信息');
  const hits = await hitsOf(db, versionId);
  const facts = {
    ...versionFacts(version, unsettledCounts(hits), await versionAuthors(db, version)),
    settledBy: hits.flatMap((h) => (h.resolved_by === null ? [] : [h.resolved_by])),
  };
  const t = transition(facts, act, actorId);
  if ('error' in t) throw new InputError([t.error]);
  return { version, next: t };
}

export const event = (
  db: Kysely<DB>,
  at: string,
  actor: Actor,
  item: { id: number; agency_id: number },
  action: AuditAction,
  payload: unknown,
  reason?: string | null,
) =>
  appendEvent(db, {
    occurredAt: at,
    actorId: actor.id,
    agencyId: item.agency_id,
    subjectType: 'catalogueItem',
    subjectId: item.id,
    action,
    reason: reason ?? null,
    payload,
  });
