import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attempt, freeAttempts, lockoutMinutes, ownerNotice, type ThrottleState } from '../../../src/domain/auth/lockout.ts';

const at = (iso: string) => new Date(iso);

/** Makes `n` attempts one second apart from `start`, returning the last state. */
function attempts(n: number, start = '2026-11-27T02:00:00.000Z', from?: ThrottleState): ThrottleState {
  let state = from;
  for (let i = 0; i < n; i++) {
    const made = attempt(state, new Date(Date.parse(start) + i * 1000));
    assert.equal(made.kind, 'allowed', `attempt ${i + 1}`);
    if (made.kind === 'allowed') state = made.next;
  }
  return state!;
}

test('ten attempts are free; the tenth starts a one-minute lockout', () => {
  assert.equal(freeAttempts, 10);
  const nine = attempts(9);
  assert.equal(nine.lockedUntil, null);
  const tenth = attempt(nine, at('2026-11-27T02:00:09.000Z'));
  assert.equal(tenth.kind, 'allowed');
  if (tenth.kind !== 'allowed') return;
  assert.equal(tenth.locks, true);
  assert.equal(tenth.next.lockedUntil, '2026-11-27T02:01:09.000Z');
  // The eleventh, from anywhere, waits.
  assert.deepEqual(attempt(tenth.next, at('2026-11-27T02:00:30.000Z')), { kind: 'locked', until: '2026-11-27T02:01:09.000Z' });
});

test('each further attempt doubles the lockout, up to an hour', () => {
  assert.deepEqual([9, 10, 11, 12, 13, 14, 15, 16, 30].map(lockoutMinutes), [0, 1, 2, 4, 8, 16, 32, 60, 60]);
  const ten = attempts(10);
  const eleventh = attempt(ten, at('2026-11-27T02:01:10.000Z'));
  assert.ok(eleventh.kind === 'allowed' && eleventh.locks);
  assert.equal(eleventh.next.lockedUntil, '2026-11-27T02:03:10.000Z');
  assert.equal(eleventh.next.lockouts, 2);
});

test('a run is forgotten after a quiet day, but not what the owner is to be told', () => {
  const ten = attempts(10);
  const later = attempt(ten, at('2026-11-28T02:00:10.000Z'));
  assert.ok(later.kind === 'allowed');
  assert.equal(later.next.failures, 1);
  assert.equal(later.next.lockedUntil, null);
  assert.equal(later.next.totalFailures, 11);
  assert.deepEqual(ownerNotice(later.next), { failures: 11, lockouts: 1, lastFailedAt: '2026-11-28T02:00:10.000Z' });
});

test('the owner is told only of lockouts', () => {
  assert.equal(ownerNotice(undefined), null);
  assert.equal(ownerNotice(attempts(3)), null);
  assert.deepEqual(ownerNotice(attempts(10)), { failures: 10, lockouts: 1, lastFailedAt: '2026-11-27T02:00:09.000Z' });
});
