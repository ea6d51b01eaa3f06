/**
 * Rate-limit windows and log-in throttles (migration 0016). Each change is one statement,
 * or a compare-and-set on the row read, so that processes sharing the database count
 * together without a lock held across requests.
 */
import { sql, type Kysely } from 'kysely';
import type { DB, LoginThrottleTable } from './schema.ts';

/**
 * Counts one hit in the window of `key`: a new window of `windowMs` when there is none or
 * it has ended. Returns the hits in the window, this one included, and when it ends.
 */
export async function countHit(db: Kysely<DB>, key: string, nowMs: number, windowMs: number): Promise<{ hits: number; resetsAt: number }> {
  const now = sql<number>`cast(${nowMs} as bigint)`;
  const ends = sql<number>`cast(${nowMs + windowMs} as bigint)`;
  const row = await db
    .insertInto('rate_limits')
    .values({ key, hits: 1, resets_at: nowMs + windowMs })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        hits: sql<number>`case when rate_limits.resets_at <= ${now} then 1 else rate_limits.hits + 1 end`,
        resets_at: sql<number>`case when rate_limits.resets_at <= ${now} then ${ends} else rate_limits.resets_at end`,
      }),
    )
    .returning(['hits', 'resets_at'])
    .executeTakeFirstOrThrow();
  return { hits: Number(row.hits), resetsAt: Number(row.resets_at) };
}

/** The window of `key` as it stands, without counting a hit. */
export async function readHits(db: Kysely<DB>, key: string, nowMs: number): Promise<{ hits: number; resetsAt: number } | null> {
  const row = await db.selectFrom('rate_limits').select(['hits', 'resets_at']).where('key', '=', key).where('resets_at', '>', nowMs).executeTakeFirst();
  return row ? { hits: Number(row.hits), resetsAt: Number(row.resets_at) } : null;
}

/** Removes the windows that have ended. */
export async function deleteEndedWindows(db: Kysely<DB>, nowMs: number): Promise<void> {
  await db.deleteFrom('rate_limits').where('resets_at', '<=', nowMs).execute();
}

export type LoginThrottleRow = LoginThrottleTable;

export async function findLoginThrottle(db: Kysely<DB>, username: string): Promise<LoginThrottleRow | undefined> {
  return db.selectFrom('login_throttles').selectAll().where('username', '=', username).executeTakeFirst();
}

/**
 * Writes `next` over `seen` (the row as read, or undefined when there was none) only if no
 * other attempt changed it meanwhile; false asks the caller to read again.
 */
export async function replaceLoginThrottle(db: Kysely<DB>, seen: LoginThrottleRow | undefined, next: LoginThrottleRow): Promise<boolean> {
  if (!seen) {
    const r = await db
      .insertInto('login_throttles')
      .values(next)
      .onConflict((oc) => oc.column('username').doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const r = await db
    .updateTable('login_throttles')
    .set(next)
    .where('username', '=', seen.username)
    .where('total_failures', '=', seen.total_failures)
    .where('failures', '=', seen.failures)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Ends the throttle of a user name (a successful log-in); the row as it was, for the owner's notice. */
export async function clearLoginThrottle(db: Kysely<DB>, username: string): Promise<LoginThrottleRow | undefined> {
  const row = await findLoginThrottle(db, username);
  if (row) await db.deleteFrom('login_throttles').where('username', '=', username).execute();
  return row;
}

/** Forgets user names with no attempt since `before` (ISO) that are not locked now. */
export async function deleteStaleLoginThrottles(db: Kysely<DB>, before: string, now: string): Promise<void> {
  await db
    .deleteFrom('login_throttles')
    .where('last_failed_at', '<', before)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .execute();
}
