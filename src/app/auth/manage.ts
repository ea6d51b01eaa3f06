/**
 * Managing staff accounts (who manages whom: src/domain/access/accounts.ts). New and reset
 * passwords are random, shown once, and must be changed by their owner at the first
 * log-in; a password a person chooses meets src/domain/auth/password.ts. Each act is one
 * transaction with its audit event.
 */
import type { Actor } from '../../domain/access/policy.ts';
import { mayManageAccount, mayManageGrant } from '../../domain/access/accounts.ts';
import { passwordProblem } from '../../domain/auth/password.ts';
import { fieldError, ForbiddenError, InputError, NotFoundError, type FieldError } from '../../domain/shared/result.ts';
import { isRole, type Role } from '../../law/roles.ts';
import { listAgencies } from '../../store/agencies.repo.ts';
import { appendEvent } from '../../store/events.repo.ts';
import { deleteSessionsOf } from '../../store/sessions.repo.ts';
import { getStaffUser, passwordHashOf, setActive, setPasswordHash, userExists, type RoleGrant, type StaffUser } from '../../store/users.repo.ts';
import type { AppContext } from '../context.ts';
import { inTransaction } from '../transaction.ts';
import { hashPassword, issuedPassword, verifyPassword } from './passwords.ts';
import { writeStaffUser } from './users.ts';

export { minPasswordLength } from '../../domain/auth/password.ts';

export interface NewUserInput {
  username: string;
  displayName: string;
  role: string;
  agencyId: string;
}

export async function createStaffUser(ctx: AppContext, actor: Actor, input: NewUserInput): Promise<{ id: number; password: string }> {
  const errors: FieldError[] = [];
  const username = input.username.trim();
  const displayName = input.displayName.trim();
  if (!/^[a-z0-9][a-z0-9._-]{2,31}$/.test(username)) errors.push(fieldError('username', 'GK_USERNAME', '用户名应为3至32位小写字母、数字、点、下划线或连字符'));
  else if (await userExists(ctx.db, username)) errors.push(fieldError('username', 'GK_USERNAME_TAKEN', `用户名“${username}”已被使用`));
  if (displayName.length < 2 || displayName.length > 30) errors.push(fieldError('displayName', 'GK_DISPLAY_NAME', '姓名应为2至30个字'));
  if (!isRole(input.role)) errors.push(fieldError('role', 'GK_ROLE', '请选择角色'));
  const agencyId = input.agencyId.trim() === '' ? null : Number(input.agencyId);
  const tree = await listAgencies(ctx.db);
  if (input.role !== 'platformAdmin' && (agencyId === null || !tree.some((a) => a.id === agencyId))) {
    errors.push(fieldError('agencyId', 'GK_ROLE_AGENCY', '请选择该角色所属的单位'));
  }
  if (errors.length) throw new InputError(errors);
  const grant: RoleGrant = { role: input.role as Role, agencyId: input.role === 'platformAdmin' ? null : agencyId };
  if (!mayManageGrant(actor, grant, tree)) throw new ForbiddenError('您不能为该单位创建这个角色的账号：单位管理员的账号由上级管理员创建');
  const password = issuedPassword({ username, displayName });
  const passwordHash = await hashPassword(password);
  const id = await inTransaction(ctx, async (db) => {
    if (await userExists(db, username)) throw new InputError([fieldError('username', 'GK_USERNAME_TAKEN', `用户名“${username}”已被使用`)]);
    return writeStaffUser(db, ctx.now().toISOString(), actor.id, { username, displayName, passwordHash, roles: [grant], mustChangePassword: true });
  });
  return { id, password };
}

/** The account, if the actor may manage it; another administrator's looks missing, like one of another agency. */
async function managedUser(ctx: AppContext, actor: Actor, userId: number): Promise<StaffUser> {
  const user = await getStaffUser(ctx.db, userId);
  if (!user) throw new NotFoundError('找不到这个账号');
  if (!mayManageAccount(actor, user, await listAgencies(ctx.db))) throw new NotFoundError('找不到这个账号，或您没有管理它的权限');
  return user;
}

const agencyOf = (u: StaffUser) => u.roles.find((r) => r.agencyId !== null)?.agencyId ?? null;

export async function resetPassword(ctx: AppContext, actor: Actor, userId: number): Promise<string> {
  if (userId === actor.id) throw new InputError([fieldError('user', 'GK_SELF_RESET', '不能重置自己的密码：请在“我的账号”中修改')]);
  const user = await managedUser(ctx, actor, userId);
  const password = issuedPassword(user);
  const hash = await hashPassword(password);
  await inTransaction(ctx, async (db) => {
    await setPasswordHash(db, user.id, hash, true);
    await deleteSessionsOf(db, user.id);
    await appendEvent(db, {
      occurredAt: ctx.now().toISOString(),
      actorId: actor.id,
      agencyId: agencyOf(user),
      subjectType: 'user',
      subjectId: user.id,
      action: 'user.passwordReset',
    });
  });
  return password;
}

export async function setUserActive(ctx: AppContext, actor: Actor, userId: number, active: boolean): Promise<void> {
  if (userId === actor.id && !active) throw new InputError([fieldError('user', 'GK_SELF_DISABLE', '不能停用自己的账号')]);
  const user = await managedUser(ctx, actor, userId);
  await inTransaction(ctx, async (db) => {
    await setActive(db, user.id, active);
    if (!active) await deleteSessionsOf(db, user.id);
    await appendEvent(db, {
      occurredAt: ctx.now().toISOString(),
      actorId: actor.id,
      agencyId: agencyOf(user),
      subjectType: 'user',
      subjectId: user.id,
      action: active ? 'user.enabled' : 'user.disabled',
    });
  });
}

/**
 * The owner sets a password of their own: the current one, then the new one twice. This
 * ends an administrator-issued password's hold (must_change_password) and the owner's
 * other sessions.
 */
export async function changeOwnPassword(ctx: AppContext, actor: Actor, current: string, next: string, confirm: string, sessionId?: string): Promise<void> {
  const errors: FieldError[] = [];
  const me = await getStaffUser(ctx.db, actor.id);
  const stored = await passwordHashOf(ctx.db, actor.id);
  if (!me || !stored || !(await verifyPassword(stored, current))) errors.push(fieldError('current', 'GK_PASSWORD_WRONG', '当前密码不正确'));
  const weak = passwordProblem(next, { username: me?.username ?? '', displayName: me?.displayName ?? '' });
  if (weak) errors.push(weak);
  else if (next === current) errors.push(fieldError('next', 'GK_PASSWORD_SAME', '新密码不能与当前密码相同'));
  else if (next !== confirm) errors.push(fieldError('confirm', 'GK_PASSWORD_CONFIRM', '两次输入的新密码不一致'));
  if (errors.length) throw new InputError(errors);
  const hash = await hashPassword(next);
  await inTransaction(ctx, async (db) => {
    await setPasswordHash(db, actor.id, hash, false);
    await deleteSessionsOf(db, actor.id, sessionId);
    await appendEvent(db, {
      occurredAt: ctx.now().toISOString(),
      actorId: actor.id,
      agencyId: null,
      subjectType: 'user',
      subjectId: actor.id,
      action: 'user.passwordChanged',
    });
  });
}
