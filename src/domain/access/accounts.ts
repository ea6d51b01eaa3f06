/**
 * Who manages whose account (issue 15): no administrator takes over another. An agency's
 * administrator manages its editors, reviewers and leaders; administrator accounts are
 * managed only from above — by a county administrator (the administrator of a county
 * government, at the root of the tree) for the agencies under the county, and by a
 * platform administrator for everyone, county administrators and supervisors included.
 * "Manage" is everything that could hand the account to someone else: create it, reset
 * its password, disable or enable it, change its roles.
 */
import type { Role } from '../../law/roles.ts';
import { subtreeIds } from '../agencies/agency.ts';
import type { Actor } from './policy.ts';

type Tree = readonly { id: number; parentId: number | null }[];

export interface Grant {
  role: Role;
  agencyId: number | null;
}

/** Roles an agency's own administrator may give and manage. */
const staffRoles: readonly Role[] = ['editor', 'reviewer', 'leader'];

/** The county governments (root agencies) the actor administers. */
export function countiesAdministered(actor: Actor, tree: Tree): number[] {
  return actor.roles
    .filter((r) => r.role === 'agencyAdmin' && r.agencyId !== null && tree.some((a) => a.id === r.agencyId && a.parentId === null))
    .map((r) => r.agencyId!);
}

/** Whether `actor` may create, reset, disable, enable or re-role an account holding `grant`. */
export function mayManageGrant(actor: Actor, grant: Grant, tree: Tree): boolean {
  if (actor.roles.some((r) => r.role === 'platformAdmin')) return true;
  const agencyId = grant.agencyId;
  if (agencyId === null) return false;
  if (staffRoles.includes(grant.role) && actor.roles.some((r) => r.role === 'agencyAdmin' && r.agencyId === agencyId)) return true;
  // From above only: a county administrator's own agency is excluded for administrators (its peers).
  const below = countiesAdministered(actor, tree).some(
    (county) => subtreeIds(tree, county).has(agencyId) && (grant.role !== 'agencyAdmin' || agencyId !== county),
  );
  return below && (staffRoles.includes(grant.role) || grant.role === 'agencyAdmin');
}

/** Whether `actor` may manage the account holding `grants` (every one of them): never the own one. */
export function mayManageAccount(actor: Actor, account: { id: number; roles: readonly Grant[] }, tree: Tree): boolean {
  if (account.id === actor.id) return false;
  if (account.roles.length === 0) return actor.roles.some((r) => r.role === 'platformAdmin');
  return account.roles.every((g) => mayManageGrant(actor, g, tree));
}
