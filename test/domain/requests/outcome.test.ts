import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applicationOutcome } from '../../../src/domain/requests/outcome.ts';

test('one row per application: 部分公开 when some items are disclosed and some not', () => {
  assert.equal(applicationOutcome(['granted']), 'granted');
  assert.equal(applicationOutcome(['granted', 'granted']), 'granted');
  assert.equal(applicationOutcome(['granted', 'partiallyGranted']), 'partiallyGranted');
  assert.equal(applicationOutcome(['granted', 'unableToProvide.notHeld']), 'partiallyGranted');
  assert.equal(applicationOutcome(['partiallyGranted']), 'partiallyGranted');
});

test('nothing disclosed: （三） before （四） before （五） before （六）, and the earlier row within a group', () => {
  assert.equal(applicationOutcome(['unableToProvide.notHeld', 'withheld.processInformation']), 'withheld.processInformation');
  assert.equal(applicationOutcome(['withheld.processInformation', 'withheld.stateSecret']), 'withheld.stateSecret');
  assert.equal(applicationOutcome(['otherDisposal.other', 'notProcessed.repeated']), 'notProcessed.repeated');
  assert.equal(applicationOutcome(['notProcessed.publication', 'unableToProvide.needsCreation']), 'unableToProvide.needsCreation');
  assert.throws(() => applicationOutcome([]));
});
