/**
 * Log-in and server-side sessions. The cookie holds a random token; the database holds
 * only its SHA-256, so a leaked database does not leak sessions.
 */
import { createHash, randomBytes } from 'node:crypto';
import { fieldError, InputError } from '../../domain/shared/result.ts';
import { appendEvent } from '../../store/events.repo.ts';
import { deleteExpiredSessions, deleteSession, findSession, insertSession } from '../../store/sessions.repo.ts';
import { findUserForLogin, getStaffUser, type StaffUser } from '../../store/users.repo.ts';
import type { AppContext } from '../context.ts';
import { dummyHash, verifyPassword } from './passwords.ts';

export const sessionHours = 12;

/** The stored id of a session token. */
export const tokenId = (token: string) => createHash('sha256').update(token).digest('hex');

export async function login(ctx: AppContext, username: string, password: string): Promise<{ token: string; user: StaffUser; expiresAt: string }> {
  const name = username.trim();
  if (!name || !password) {
    throw new InputError([fieldError(!name ? 'username' : 'password', 'GK_LOGIN_REQUIRED', '请输入用户名和密码')]);
  }
  const row = await findUserForLogin(ctx.db, name);
  const ok = await verifyPassword(row?.password_hash ?? (await dummyHash()), password);
  const at = ctx.now();
  if (!row || !ok || row.active !== 1) {
    await appendEvent(ctx.db, {
      occurredAt: at.toISOString(),
      actorId: row?.id ?? null,
      agencyId: null,
      subjectType: 'user',
      subjectId: name,
      action: 'auth.loginFailed',
    });
    throw new InputError([fieldError('password', 'GK_LOGIN_FAILED', '用户名或密码错误')]);
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(at.getTime() + sessionHours * 3600_000).toISOString();
  await ctx.db.transaction().execute(async (db) => {
    await deleteExpiredSessions(db, at.toISOString());
    await insertSession(db, { id: tokenId(token), userId: row.id, createdAt: at.toISOString(), expiresAt });
    await appendEvent(db, { occurredAt: at.toISOString(), actorId: row.id, agencyId: null, subjectType: 'user', subjectId: row.id, action: 'auth.login' });
  });
  const user = (await getStaffUser(ctx.db, row.id)) as StaffUser;
  return { token, user, expiresAt };
}

export async function sessionUser(ctx: AppContext, token: string | undefined): Promise<StaffUser | null> {
  if (!token) return null;
  const s = await findSession(ctx.db, tokenId(token), ctx.now().toISOString());
  return s ? ((await getStaffUser(ctx.db, s.userId)) ?? null) : null;
}

export async function logout(ctx: AppContext, token: string | undefined): Promise<void> {
  if (token) await deleteSession(ctx.db, tokenId(token));
}
