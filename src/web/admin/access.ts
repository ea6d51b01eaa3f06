/** Agency-scoped checks for staff routes: records the actor may not see look exactly like missing ones. */
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../app/context.ts';
import { can, type Action, type Actor } from '../../domain/access/policy.ts';
import type { Agency } from '../../domain/agencies/agency.ts';
import { NotFoundError } from '../../domain/shared/result.ts';
import { listAgencies } from '../../store/agencies.repo.ts';
import type { StaffUser } from '../../store/users.repo.ts';
import { positiveInt } from '../views/components.tsx';

export function actorOf(request: FastifyRequest): Actor & StaffUser {
  const staff = request.staff;
  if (!staff) throw new NotFoundError('请先登录');
  return staff;
}

/**
 * The agency named in the route, if the actor may perform `action` on it; otherwise 404. For a
 * record of that agency, `missing` is the record's own not-found message, so another agency's
 * record reads exactly like one that does not exist.
 */
export async function agencyFor(
  ctx: AppContext,
  request: FastifyRequest,
  rawId: string,
  action: Action,
  missing = '找不到这个单位，或您没有查看它的权限。',
): Promise<{ agency: Agency; tree: Agency[] }> {
  const actor = actorOf(request);
  const id = positiveInt(rawId);
  const tree = await listAgencies(ctx.db);
  const agency = tree.find((a) => a.id === id);
  if (!agency || !can(actor, action, agency.id, tree)) throw new NotFoundError(missing);
  return { agency, tree };
}
