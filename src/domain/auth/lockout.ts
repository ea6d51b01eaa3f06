/**
 * Log-in throttling per account, whatever the address: ten attempts are free, then each
 * further attempt waits for a lockout that doubles (1, 2, 4 … minutes, at most an hour).
 * Attempts are counted when they are made, before the password is checked, so that many
 * attempts at once cannot slip past the count; a successful log-in ends the throttle.
 * A run of failures is forgotten after a quiet day, the owner's notice is not.
 */
export const freeAttempts = 10;
export const longestLockoutMinutes = 60;
const quietMs = 24 * 3600_000;

export interface ThrottleState {
  failures: number;
  totalFailures: number;
  lockouts: number;
  lastFailedAt: string;
  lockedUntil: string | null;
}

export type Attempt =
  | { kind: 'locked'; until: string }
  /** `locks`: this attempt, if it fails, starts a lockout (audited, told to the owner). */
  | { kind: 'allowed'; next: ThrottleState; locks: boolean };

/** Minutes of lockout after the `failures`-th attempt of a run (none before the tenth). */
export function lockoutMinutes(failures: number): number {
  if (failures < freeAttempts) return 0;
  return Math.min(2 ** (failures - freeAttempts), longestLockoutMinutes);
}

/** Whether an attempt may be made now, and the state that counts it. */
export function attempt(state: ThrottleState | undefined, now: Date): Attempt {
  if (state?.lockedUntil && state.lockedUntil > now.toISOString()) return { kind: 'locked', until: state.lockedUntil };
  const quiet = !state || now.getTime() - Date.parse(state.lastFailedAt) >= quietMs;
  const failures = (quiet ? 0 : state.failures) + 1;
  const minutes = lockoutMinutes(failures);
  return {
    kind: 'allowed',
    locks: minutes > 0,
    next: {
      failures,
      totalFailures: (state?.totalFailures ?? 0) + 1,
      lockouts: (state?.lockouts ?? 0) + (minutes > 0 ? 1 : 0),
      lastFailedAt: now.toISOString(),
      lockedUntil: minutes > 0 ? new Date(now.getTime() + minutes * 60_000).toISOString() : null,
    },
  };
}

/**
 * What the owner is told at a successful log-in, from the state before it was attempted:
 * the failed attempts and lockouts since the last successful one. Null if none locked.
 */
export function ownerNotice(before: ThrottleState | undefined): { failures: number; lockouts: number; lastFailedAt: string } | null {
  if (!before || before.lockouts <= 0) return null;
  return { failures: before.totalFailures, lockouts: before.lockouts, lastFailedAt: before.lastFailedAt };
}
