/**
 * Log-in and server-side sessions. The cookie holds a random token; the database holds
 * only its SHA-256, so a leaked database does not leak sessions.
 */
import { createHash, randomBytes } from 'node:crypto';
import { fieldError, InputError } from '../../domain/shared/result.ts';
import { ownerNotice } from '../../domain/auth/lockout.ts';
import { portalDateTime } from '../../domain/shared/dates.ts';
import { appendEvent } from '../../store/events.repo.ts';
import { clearLoginThrottle } from '../../store/throttles.repo.ts';
import { deleteExpiredSessions, deleteSession, findSession, insertSession } from '../../store/sessions.repo.ts';
import { findUserForLogin, getStaffUser, type StaffUser } from '../../store/users.repo.ts';
import type { AppContext } from '../context.ts';
import { inTransaction } from '../transaction.ts';
import { dummyHash, verifyPassword } from './passwords.ts';
import { countAttempt } from './throttle.ts';

export const sessionHours = 12;

/** The stored id of a session token. */
export const tokenId = (token: string) => createHash('sha256').update(token).digest('hex');

/** Shown to the owner at the first successful log-in after a lockout. */
export type LockoutNotice = NonNullable<ReturnType<typeof ownerNotice>>;

/**
 * Checks a password. Every attempt is counted against the user name before the check
 * (src/app/auth/throttle.ts): a locked name is refused whatever the password, and the
 * failure that locks it is audited as `auth.lockedOut` besides `auth.loginFailed`.
 */
export async function login(
  ctx: AppContext,
  username: string,
  password: string,
): Promise<{ token: string; user: StaffUser; expiresAt: string; notice: LockoutNotice | null }> {
  const name = username.trim();
  if (!name || !password) {
    throw new InputError([fieldError(!name ? 'username' : 'password', 'GK_LOGIN_REQUIRED', '请输入用户名和密码')]);
  }
  const { before, made } = await countAttempt(ctx, name);
  const row = await findUserForLogin(ctx.db, name);
  const ok = await verifyPassword(row?.password_hash ?? (await dummyHash()), password);
  const at = ctx.now();
  if (!row || !ok || row.active !== 1) {
    await inTransaction(ctx, async (db) => {
      const base = { occurredAt: at.toISOString(), actorId: row?.id ?? null, agencyId: null, subjectType: 'user', subjectId: row?.id ?? name } as const;
      await appendEvent(db, { ...base, action: 'auth.loginFailed', payload: { attempt: made.next.failures } });
      if (made.locks)
        await appendEvent(db, {
          ...base,
          actorId: null,
          action: 'auth.lockedOut',
          payload: { failures: made.next.failures, lockedUntil: made.next.lockedUntil },
        });
    });
    const locked = made.locks ? `；连续登录失败${made.next.failures}次，该账号已暂时锁定至${portalDateTime(made.next.lockedUntil!)}（北京时间）` : '';
    throw new InputError([fieldError('password', 'GK_LOGIN_FAILED', `用户名或密码错误${locked}`)]);
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(at.getTime() + sessionHours * 3600_000).toISOString();
  await inTransaction(ctx, async (db) => {
    await clearLoginThrottle(db, name);
    await deleteExpiredSessions(db, at.toISOString());
    await insertSession(db, { id: tokenId(token), userId: row.id, createdAt: at.toISOString(), expiresAt });
    await appendEvent(db, { occurredAt: at.toISOString(), actorId: row.id, agencyId: null, subjectType: 'user', subjectId: row.id, action: 'auth.login' });
  });
  const user = (await getStaffUser(ctx.db, row.id)) as StaffUser;
  return { token, user, expiresAt, notice: ownerNotice(before) };
}

export async function sessionUser(ctx: AppContext, token: string | undefined): Promise<StaffUser | null> {
  if (!token) return null;
  const s = await findSession(ctx.db, tokenId(token), ctx.now().toISOString());
  return s ? ((await getStaffUser(ctx.db, s.userId)) ?? null) : null;
}

export async function logout(ctx: AppContext, token: string | undefined): Promise<void> {
  if (token) await deleteSession(ctx.db, tokenId(token));
}
