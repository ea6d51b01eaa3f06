/**
 * Sign-off (src/law/sign-off.ts): an extension takes effect only with the head's consent
 * (条例 第三十三条第二款); a reply other than 予以公开 is issued only signed by the head,
 * and 予以公开 too where the agency requires it; a draft waits, is returned or is signed.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { nationalCalendar } from '../../../src/domain/calendar/working-calendar.ts';
import { checkAct, foldCase, type ActContext, type CaseEvent } from '../../../src/domain/requests/case.ts';
import { replyNeedsSignOff } from '../../../src/domain/requests/sign-off.ts';

const ctx: ActContext = { today: '2026-11-27', correctedByAppeal: false };
const head = { approver: '王主任', approverId: 7 } as const;
const base: CaseEvent[] = [{ act: 'received', on: '2026-11-02', channel: 'inPerson' }];
const problem = (events: readonly CaseEvent[], e: CaseEvent, c: ActContext = ctx) => checkAct(foldCase(events, nationalCalendar), e, c)?.code ?? null;

const refusal = { itemId: 1, kind: 'withheld.processInformation', outcome: 'withheld.processInformation' } as const;
const grant = { itemId: 1, kind: 'grantProvide', outcome: 'granted' } as const;
const drafted: CaseEvent = {
  act: 'replyDrafted',
  on: '2026-11-20',
  outcome: 'withheld.processInformation',
  items: [{ ...refusal, values: { reason: '讨论记录' } }],
  drafter: '张编辑',
};

describe('who signs a reply', () => {
  test('a refusal without the head is refused; signed, it is issued', () => {
    const alone: CaseEvent = { act: 'replied', on: '2026-11-20', outcome: 'withheld.processInformation', items: [refusal] };
    assert.equal(problem(base, alone), 'GK_SIGN_OFF_REQUIRED');
    assert.equal(problem(base, { ...alone, ...head }), null);
  });

  test('予以公开 needs no sign-off unless the agency requires it', () => {
    const granted: CaseEvent = { act: 'replied', on: '2026-11-20', outcome: 'granted', items: [grant] };
    assert.equal(problem(base, granted), null);
    assert.equal(problem(base, granted, { ...ctx, signOff: { grants: true } }), 'GK_SIGN_OFF_REQUIRED');
    assert.equal(replyNeedsSignOff('2026-11-20', ['granted', 'partiallyGranted'], { grants: false }), true);
  });

  test('the rule has its date: a reply before the 2019 条例 took effect needed none', () => {
    assert.equal(replyNeedsSignOff('2019-05-14', ['withheld.stateSecret'], { grants: true }), false);
    assert.equal(replyNeedsSignOff('2019-05-15', ['withheld.stateSecret'], { grants: false }), true);
  });

  test('a draft waits: no other reply or draft until the head signs or returns it', () => {
    const v = foldCase([...base, drafted], nationalCalendar);
    assert.equal(v.draft?.seq, 2);
    assert.equal(v.state, 'inProgress');
    assert.equal(problem([...base, drafted], { ...drafted, on: '2026-11-21' }), 'GK_DRAFT_PENDING');
    const direct: CaseEvent = { act: 'replied', on: '2026-11-21', outcome: 'granted', items: [grant], ...head };
    assert.equal(problem([...base, drafted], direct), 'GK_DRAFT_PENDING');
    assert.equal(problem([...base, drafted], { ...direct, items: [refusal], outcome: 'withheld.processInformation', draftSeq: 5 }), 'GK_DRAFT_CHANGED');
    assert.equal(
      problem([...base, drafted], { ...direct, on: '2026-11-19', items: [refusal], outcome: 'withheld.processInformation', draftSeq: 2 }),
      'GK_DATE_ORDER',
    );
    const signed: CaseEvent = { ...direct, items: [refusal], outcome: 'withheld.processInformation', draftSeq: 2 };
    assert.equal(problem([...base, drafted], signed), null);
    const after = foldCase([...base, drafted, signed], nationalCalendar);
    assert.equal(after.state, 'closed');
    assert.equal(after.draft, null);
  });

  test('a returned draft needs a reason, and frees the case for a new draft', () => {
    const back: CaseEvent = { act: 'replyReturned', on: '2026-11-23', draftSeq: 2, reason: ' ', ...head };
    assert.equal(problem([...base, drafted], back), 'GK_REASON_REQUIRED');
    assert.equal(problem(base, { ...back, reason: '理由不充分' }), 'GK_NO_DRAFT');
    const returned = [...base, drafted, { ...back, reason: '请写明尚未作出决定的事项' }];
    assert.equal(foldCase(returned, nationalCalendar).draft, null);
    assert.equal(problem(returned, { ...drafted, on: '2026-11-24' }), null);
  });
});

describe('an extension needs the head of the office (条例 第三十三条第二款)', () => {
  const proposed: CaseEvent = { act: 'extensionProposed', on: '2026-11-20', workingDays: 10, reason: '需要调取档案', proposer: '张编辑' };

  test('proposed, it changes nothing until the head consents', () => {
    const v = foldCase([...base, proposed], nationalCalendar);
    assert.equal(v.extensionDays, 0);
    assert.equal(v.extensionProposal?.workingDays, 10);
    assert.equal(problem([...base, proposed], { ...proposed, on: '2026-11-21' }), 'GK_PROPOSAL_PENDING');
    const extended: CaseEvent = { act: 'extended', on: '2026-11-23', workingDays: 10, reason: '需要调取档案', approver: '王主任' };
    assert.equal(problem([...base, proposed], extended), 'GK_SIGN_OFF_REQUIRED', 'a name typed in is no consent');
    assert.equal(problem([...base, proposed], { ...extended, approverId: 7, on: '2026-11-19' }), 'GK_DATE_ORDER');
    const after = foldCase([...base, proposed, { ...extended, approverId: 7 }], nationalCalendar);
    assert.equal(after.extensionDays, 10);
    assert.equal(after.extensionProposal, null);
  });

  test('returned, the reply period stands; a proposal is checked like the extension itself', () => {
    const returned = foldCase([...base, proposed, { act: 'extensionReturned', on: '2026-11-23', reason: '可以按期答复', ...head }], nationalCalendar);
    assert.equal(returned.extensionProposal, null);
    assert.equal(returned.extensionDays, 0);
    assert.equal(problem(base, { ...proposed, workingDays: 21 }), 'GK_EXTENSION_DAYS');
    assert.equal(problem(base, { act: 'extensionReturned', on: '2026-11-23', reason: 'x', ...head }), 'GK_NO_PROPOSAL');
  });
});
