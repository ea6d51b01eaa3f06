/** Server-side sessions. Only the SHA-256 of a session token is stored. */
import type { Kysely } from 'kysely';
import type { DB } from './schema.ts';

export async function insertSession(db: Kysely<DB>, s: { id: string; userId: number; createdAt: string; expiresAt: string }) {
  await db.insertInto('sessions').values({ id: s.id, user_id: s.userId, created_at: s.createdAt, expires_at: s.expiresAt }).execute();
}

export async function findSession(db: Kysely<DB>, id: string, now: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.user_id as userId', 'sessions.expires_at as expiresAt'])
    .where('sessions.id', '=', id)
    .where('sessions.expires_at', '>', now)
    .where('users.active', '=', 1)
    .executeTakeFirst();
}

export async function deleteSession(db: Kysely<DB>, id: string) {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteExpiredSessions(db: Kysely<DB>, now: string) {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}

/** Ends every session of a user (after a password change or when the account is disabled). */
export async function deleteSessionsOf(db: Kysely<DB>, userId: number, except?: string) {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (except) q = q.where('id', '!=', except);
  await q.execute();
}
