/** What every act of the publication workflow does first and last: ask the workflow, write the audit event. */
import type { Kysely } from 'kysely';
import type { Actor } from '../../domain/access/policy.ts';
import { transition, type WorkflowAct } from '../../domain/catalog/workflow.ts';
import { InputError, NotFoundError } from '../../domain/shared/result.ts';
import { getVersion, type VersionRow } from '../../store/catalogue-versions.repo.ts';
import { appendEvent } from '../../store/events.repo.ts';
import type { DB } from '../../store/schema.ts';
import { versionFacts } from './access.ts';
import { openHits } from './screening.ts';

/** Re-reads the version inside the transaction and applies the workflow's decision. */
export async function decide(db: Kysely<DB>, versionId: number, act: WorkflowAct, actorId: number): Promise<{ version: VersionRow; next: ReturnType<typeof transition> }> {
  const version = await getVersion(db, versionId);
  if (!version) throw new NotFoundError('找不到这条信息');
  const t = transition(versionFacts(version, await openHits(db, versionId)), act, actorId);
  if ('error' in t) throw new InputError([t.error]);
  return { version, next: t };
}

export const event = (db: Kysely<DB>, at: string, actor: Actor, item: { id: number; agency_id: number }, action: string, payload: unknown, reason?: string | null) =>
  appendEvent(db, { occurredAt: at, actorId: actor.id, agencyId: item.agency_id, subjectType: 'catalogueItem', subjectId: item.id, action, reason: reason ?? null, payload });
