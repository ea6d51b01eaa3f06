/**
 * The account side of log-in throttling (src/domain/auth/lockout.ts), counted in the
 * database so that it holds across processes and addresses.
 */
import { attempt, type Attempt, type ThrottleState } from '../../domain/auth/lockout.ts';
import { portalDateTime } from '../../domain/shared/dates.ts';
import { deleteStaleLoginThrottles, findLoginThrottle, replaceLoginThrottle, type LoginThrottleRow } from '../../store/throttles.repo.ts';
import type { AppContext } from '../context.ts';

/** Refused before the password is checked: the account is locked until `until`. */
export class LoginLocked extends Error {
  override name = 'LoginLocked';
  readonly statusCode = 429;
  constructor(readonly until: string) {
    super(`登录失败次数过多，该账号已暂时锁定，请于${portalDateTime(until)}（北京时间）以后再试`);
  }
}

const stateOf = (r: LoginThrottleRow | undefined): ThrottleState | undefined =>
  r && { failures: r.failures, totalFailures: r.total_failures, lockouts: r.lockouts, lastFailedAt: r.last_failed_at, lockedUntil: r.locked_until };

const rowOf = (username: string, s: ThrottleState): LoginThrottleRow => ({
  username,
  failures: s.failures,
  total_failures: s.totalFailures,
  lockouts: s.lockouts,
  last_failed_at: s.lastFailedAt,
  locked_until: s.lockedUntil,
});

let sweptAt = 0;
const sweepEveryMs = 3600_000;
const keptDays = 30;

/**
 * Counts an attempt on `username` (throws LoginLocked while it is locked). Returns the
 * state before it, for the owner's notice, and the attempt as counted.
 */
export async function countAttempt(ctx: AppContext, username: string): Promise<{ before: ThrottleState | undefined; made: Attempt & { kind: 'allowed' } }> {
  const now = ctx.now();
  await sweep(ctx, now);
  // Another process or request may count between the read and the write: read again then.
  for (let tries = 0; tries < 20; tries++) {
    const seen = await findLoginThrottle(ctx.db, username);
    const before = stateOf(seen);
    const made = attempt(before, now);
    if (made.kind === 'locked') throw new LoginLocked(made.until);
    if (await replaceLoginThrottle(ctx.db, seen, rowOf(username, made.next))) return { before, made };
  }
  throw new LoginLocked(new Date(now.getTime() + 60_000).toISOString());
}

/** Forgets, once an hour, user names with no attempt for 30 days (their owners never came back). */
async function sweep(ctx: AppContext, now: Date): Promise<void> {
  if (now.getTime() - sweptAt < sweepEveryMs && now.getTime() >= sweptAt) return;
  sweptAt = now.getTime();
  await deleteStaleLoginThrottles(ctx.db, new Date(now.getTime() - keptDays * 86_400_000).toISOString(), now.toISOString());
}
