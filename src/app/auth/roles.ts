/**
 * Changing the roles of an account: one role given or taken at a time, each one
 * transaction with its audit event. Only someone who may manage the account as it is
 * (src/domain/access/accounts.ts) and may give or take that role does it, so no
 * administrator re-roles another, or makes an account an administrator, from beside.
 */
import type { Actor } from '../../domain/access/policy.ts';
import { mayManageAccount, mayManageGrant } from '../../domain/access/accounts.ts';
import { fieldError, ForbiddenError, InputError, NotFoundError } from '../../domain/shared/result.ts';
import { isRole } from '../../law/roles.ts';
import { listAgencies } from '../../store/agencies.repo.ts';
import { appendEvent } from '../../store/events.repo.ts';
import { getStaffUser, grantRole, revokeRole, type RoleGrant } from '../../store/users.repo.ts';
import type { AppContext } from '../context.ts';
import { inTransaction } from '../transaction.ts';

export type RoleChange = 'grant' | 'revoke';

/** The role of the form: a known role, for an agency of the platform (none for platformAdmin). */
async function grantOf(ctx: AppContext, role: string, agency: string): Promise<RoleGrant> {
  if (!isRole(role)) throw new InputError([fieldError('role', 'GK_ROLE', '请选择角色')]);
  if (role === 'platformAdmin') return { role, agencyId: null };
  const agencyId = Number(agency);
  if (!(await listAgencies(ctx.db)).some((a) => a.id === agencyId)) throw new InputError([fieldError('agencyId', 'GK_ROLE_AGENCY', '请选择该角色所属的单位')]);
  return { role, agencyId };
}

export async function changeRole(ctx: AppContext, actor: Actor, userId: number, change: RoleChange, input: { role: string; agencyId: string }): Promise<void> {
  const tree = await listAgencies(ctx.db);
  const user = await getStaffUser(ctx.db, userId);
  if (!user || !mayManageAccount(actor, user, tree)) throw new NotFoundError('找不到这个账号，或您没有管理它的权限');
  const grant = await grantOf(ctx, input.role, input.agencyId);
  if (!mayManageGrant(actor, grant, tree)) throw new ForbiddenError('您不能给予或收回这个角色：单位管理员的角色由上级管理员管理');
  const holds = user.roles.some((r) => r.role === grant.role && r.agencyId === grant.agencyId);
  if (change === 'grant' && holds) throw new InputError([fieldError('role', 'GK_ROLE_HELD', '该账号已有这个角色')]);
  if (change === 'revoke' && !holds) throw new InputError([fieldError('role', 'GK_ROLE_NOT_HELD', '该账号没有这个角色')]);
  if (change === 'revoke' && user.roles.length === 1)
    throw new InputError([fieldError('role', 'GK_ROLE_LAST', '不能收回账号的最后一个角色：不再使用的账号请停用')]);
  await inTransaction(ctx, async (db) => {
    if (change === 'grant') await grantRole(db, user.id, grant);
    else await revokeRole(db, user.id, grant);
    await appendEvent(db, {
      occurredAt: ctx.now().toISOString(),
      actorId: actor.id,
      agencyId: grant.agencyId,
      subjectType: 'user',
      subjectId: user.id,
      action: change === 'grant' ? 'user.roleGranted' : 'user.roleRevoked',
      payload: { role: grant.role, agencyId: grant.agencyId, before: user.roles },
    });
  });
}
