/** Which settlement of a screening hit the law accepts, and what stays open. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isSettled, settlementRefusal, unsettledCounts } from '../../../src/domain/catalog/hits.ts';

test('a marking masked or justified (as the platform once allowed) is not settled; a 解密 is', () => {
  assert.equal(isSettled({ kind: 'secrecyMarking', resolution: 'redacted' }), false);
  assert.equal(isSettled({ kind: 'secrecyMarking', resolution: 'justified' }), false);
  assert.equal(isSettled({ kind: 'secrecyMarking', resolution: 'declassified' }), true);
  assert.equal(isSettled({ kind: 'secrecyMarking', resolution: null }), false);
  assert.equal(isSettled({ kind: 'idNumber', resolution: 'redacted' }), true);
  assert.equal(isSettled({ kind: 'email', resolution: 'justified' }), true);
  assert.equal(isSettled({ kind: 'manualCheck', resolution: 'redacted' }), false);
});

test('the refusal names the resolution field and says what to do instead', () => {
  const r = settlementRefusal('secrecyMarking', 'redacted');
  assert.equal(r?.field, 'resolution');
  assert.match(r?.message ?? '', /退回.*解密/);
  assert.equal(settlementRefusal('landline', 'redacted'), null);
});

test('open hits are counted, markings apart', () => {
  const counts = unsettledCounts([
    { kind: 'secrecyMarking', resolution: 'redacted' },
    { kind: 'secrecyMarking', resolution: 'declassified' },
    { kind: 'secrecyMarking', resolution: null },
    { kind: 'mobile', resolution: null },
    { kind: 'mobile', resolution: 'redacted' },
  ]);
  assert.deepEqual(counts, { unresolvedHits: 3, unresolvedMarkings: 2 });
});
