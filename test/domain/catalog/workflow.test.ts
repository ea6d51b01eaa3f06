import assert from 'node:assert/strict';
import { test } from 'node:test';
import { transition, type VersionFacts } from '../../../src/domain/catalog/workflow.ts';
import { versionStates, type VersionState } from '../../../src/law/catalogue-workflow.ts';

const author = 1;
const reviewer = 2;
const facts = (state: VersionState, more: Partial<VersionFacts> = {}): VersionFacts => ({
  state,
  authors: [author],
  reviewedBy: null,
  reviewOpinion: null,
  unresolvedHits: 0,
  unresolvedMarkings: 0,
  ...more,
});
const errorCode = (r: ReturnType<typeof transition>) => ('error' in r ? r.error.code : null);

test('a draft goes to review, through 保密审查 to approval, and is published', () => {
  assert.deepEqual(transition(facts('draft'), { act: 'submit' }, author), { next: 'inReview' });
  assert.deepEqual(transition(facts('inReview'), { act: 'review', opinion: '经审查，不涉及国家秘密，同意公开' }, reviewer), { next: 'inApproval' });
  assert.deepEqual(transition(facts('inApproval', { reviewedBy: reviewer, reviewOpinion: '同意' }), { act: 'approve' }, 3), { next: 'published' });
});

test('nothing is published without a recorded review', () => {
  for (const state of Object.keys(versionStates) as VersionState[]) {
    const unreviewed = transition(facts(state), { act: 'approve' }, 3);
    assert.ok('error' in unreviewed, `approve from ${state} without review`);
  }
  assert.equal(errorCode(transition(facts('inApproval'), { act: 'approve' }, 3)), 'GK_NOT_REVIEWED');
  assert.equal(errorCode(transition(facts('inReview', { reviewedBy: reviewer, reviewOpinion: '同意' }), { act: 'approve' }, 3)), 'GK_NOT_IN_APPROVAL');
  assert.equal(errorCode(transition(facts('draft', { reviewedBy: reviewer, reviewOpinion: '同意' }), { act: 'approve' }, 3)), 'GK_NOT_IN_APPROVAL');
});

test('three people: the reviewer and the approver are two, neither of them an author (issue 15)', () => {
  const reviewed = facts('inApproval', { reviewedBy: reviewer, reviewOpinion: '同意', authors: [author, 4] });
  assert.equal(errorCode(transition(reviewed, { act: 'approve' }, reviewer)), 'GK_APPROVER_IS_REVIEWER');
  assert.equal(
    errorCode(transition({ ...reviewed, settledBy: [5] }, { act: 'approve' }, 5)),
    'GK_APPROVER_IS_REVIEWER',
    'who settled a hit took part in the review',
  );
  assert.equal(errorCode(transition(reviewed, { act: 'approve' }, author)), 'GK_APPROVER_IS_AUTHOR');
  assert.equal(errorCode(transition(reviewed, { act: 'approve' }, 4)), 'GK_APPROVER_IS_AUTHOR', 'who edited the draft wrote it too');
  assert.deepEqual(transition(reviewed, { act: 'approve' }, 3), { next: 'published' });
  const inReview = facts('inReview', { authors: [author, 4] });
  assert.equal(errorCode(transition(inReview, { act: 'review', opinion: '同意' }, 4)), 'GK_REVIEWER_IS_AUTHOR');
  assert.equal(errorCode(transition(inReview, { act: 'settleHit', kind: 'mobile', resolution: 'redacted' }, author)), 'GK_REVIEWER_IS_AUTHOR');
});

test('the author cannot review the own item, and every hit must be settled first', () => {
  assert.equal(errorCode(transition(facts('inReview'), { act: 'review', opinion: '同意' }, author)), 'GK_REVIEWER_IS_AUTHOR');
  assert.equal(errorCode(transition(facts('inReview', { unresolvedHits: 2 }), { act: 'review', opinion: '同意' }, reviewer)), 'GK_HITS_UNRESOLVED');
  assert.equal(errorCode(transition(facts('inReview'), { act: 'review', opinion: '  ' }, reviewer)), 'GK_OPINION_REQUIRED');
  assert.equal(
    errorCode(transition(facts('inApproval', { reviewedBy: reviewer, reviewOpinion: '同意', unresolvedHits: 1 }), { act: 'approve' }, 3)),
    'GK_HITS_UNRESOLVED',
  );
});

test('reviewer or leader sends back with a reason; only drafts and returned versions are edited', () => {
  assert.deepEqual(transition(facts('inReview'), { act: 'return', reason: '附件含身份证号' }, reviewer), { next: 'returned' });
  assert.deepEqual(transition(facts('inApproval'), { act: 'return', reason: '请补充文号' }, 3), { next: 'returned' });
  assert.equal(errorCode(transition(facts('inReview'), { act: 'return', reason: '' }, reviewer)), 'GK_REASON_REQUIRED');
  assert.equal(errorCode(transition(facts('published'), { act: 'return', reason: 'x' }, reviewer)), 'GK_NOT_RETURNABLE');
  for (const state of ['draft', 'returned'] as const) assert.deepEqual(transition(facts(state), { act: 'edit' }, author), { next: state });
  for (const state of ['inReview', 'inApproval', 'published', 'superseded'] as const) {
    assert.equal(errorCode(transition(facts(state), { act: 'edit' }, author)), 'GK_NOT_EDITABLE');
    assert.equal(errorCode(transition(facts(state), { act: 'submit' }, author)), 'GK_NOT_EDITABLE');
  }
  assert.equal(errorCode(transition(facts('draft'), { act: 'settleHit', kind: 'mobile', resolution: 'redacted' }, reviewer)), 'GK_NOT_IN_REVIEW');
});

test('a secrecy marking is never masked nor waved through: only a recorded 解密 settles it', () => {
  const settle = (kind: string, resolution: 'redacted' | 'justified' | 'declassified') =>
    transition(facts('inReview'), { act: 'settleHit', kind, resolution }, reviewer);
  assert.equal(errorCode(settle('secrecyMarking', 'redacted')), 'GK_MARKING_NOT_MASKABLE');
  assert.equal(errorCode(settle('secrecyMarking', 'justified')), 'GK_MARKING_NOT_MASKABLE');
  assert.deepEqual(settle('secrecyMarking', 'declassified'), { next: 'inReview' });
  assert.deepEqual(settle('idNumber', 'redacted'), { next: 'inReview' });
  assert.deepEqual(settle('mobile', 'justified'), { next: 'inReview' });
  assert.equal(errorCode(settle('mobile', 'declassified')), 'GK_NOT_A_MARKING');
  assert.equal(errorCode(settle('manualCheck', 'redacted')), 'GK_MANUAL_CHECK');
  assert.deepEqual(settle('manualCheck', 'justified'), { next: 'inReview' });
});

test('while a marking is not declassified the review cannot say 不涉及国家秘密, and nothing is approved', () => {
  const marked = { unresolvedHits: 1, unresolvedMarkings: 1 };
  const review = (opinion: string) => transition(facts('inReview', marked), { act: 'review', opinion }, reviewer);
  assert.equal(errorCode(review('经审查，该信息不涉及国家秘密和工作秘密，同意公开。')), 'GK_OPINION_CONTRADICTS_MARKING');
  assert.equal(errorCode(review('不涉密，同意')), 'GK_OPINION_CONTRADICTS_MARKING');
  assert.equal(errorCode(review('同意遮蔽后公开')), 'GK_MARKING_UNRESOLVED');
  const approve = transition(facts('inApproval', { reviewedBy: reviewer, reviewOpinion: '同意', ...marked }), { act: 'approve' }, 3);
  assert.equal(errorCode(approve), 'GK_MARKING_UNRESOLVED');
  assert.match('error' in approve ? approve.error.message : '', /未经解密/);
  // Declassified: the opinion may then say so.
  assert.deepEqual(transition(facts('inReview'), { act: 'review', opinion: '经审查，该信息不涉及国家秘密，同意公开。' }, reviewer), { next: 'inApproval' });
});
