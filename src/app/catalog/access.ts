/** Loading an item's version for an act, with the agency checks: what the actor may not see looks missing. */
import type { Kysely } from 'kysely';
import { can, type Action, type Actor } from '../../domain/access/policy.ts';
import { ForbiddenError, NotFoundError } from '../../domain/shared/result.ts';
import { listAgencies } from '../../store/agencies.repo.ts';
import { getItemRow, getVersion, type VersionRow } from '../../store/catalogue-versions.repo.ts';
import type { DB } from '../../store/schema.ts';

export async function versionFor(db: Kysely<DB>, actor: Actor, versionId: number, action: Action, refusal: string) {
  const version = await getVersion(db, versionId);
  const item = version && (await getItemRow(db, version.item_id));
  if (!version || !item) throw new NotFoundError('找不到这条信息');
  await allow(db, actor, item.agency_id, action, refusal);
  return { version, item };
}

export async function itemFor(db: Kysely<DB>, actor: Actor, itemId: number, action: Action, refusal: string) {
  const item = await getItemRow(db, itemId);
  if (!item) throw new NotFoundError('找不到这条信息');
  await allow(db, actor, item.agency_id, action, refusal);
  return item;
}

/** What the actor may not even see looks missing; what it may see but not do is refused. */
export async function allow(
  db: Kysely<DB>,
  actor: Actor,
  agencyId: number,
  action: Action,
  refusal: string,
  view: Action = 'catalogue.view',
  missing = '找不到这条信息',
): Promise<void> {
  const tree = await listAgencies(db);
  if (!can(actor, view, agencyId, tree)) throw new NotFoundError(missing);
  if (!can(actor, action, agencyId, tree)) throw new ForbiddenError(refusal);
}

/**
 * A version's facts for the workflow; `open`: its hits not settled (none for acts that ignore
 * them); `authors`: who wrote it (./decide.ts reads them from the ledger; the drafter alone
 * for acts that do not ask).
 */
export function versionFacts(
  v: VersionRow,
  open: { unresolvedHits: number; unresolvedMarkings: number } = { unresolvedHits: 0, unresolvedMarkings: 0 },
  authors: readonly number[] = v.author_id === null ? [] : [v.author_id],
) {
  return {
    state: v.state as import('../../law/catalogue-workflow.ts').VersionState,
    authors,
    reviewedBy: v.reviewed_by,
    reviewOpinion: v.review_opinion,
    ...open,
  };
}
