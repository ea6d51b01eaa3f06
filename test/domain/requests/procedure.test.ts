/**
 * Issue 9 points 3–5 in the domain: the 补正 notice of 条例 第三十条, periods counted from the
 * day a letter is received (送达), and a disclosure over a third party's objection (第三十二条).
 * The dates are those of the legal review (December 2026, D2–D4).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { nationalCalendar } from '../../../src/domain/calendar/working-calendar.ts';
import { checkAct, foldCase, nextDeadline, type ActContext, type CaseEvent } from '../../../src/domain/requests/case.ts';

const cal = nationalCalendar;
const ctx: ActContext = { today: '2026-11-27', correctedByAppeal: false };
const received: CaseEvent = { act: 'received', on: '2025-03-03', channel: 'inPerson' };
const emailed = (on: string) => ({ delivery: { method: 'email', receivedOn: on } as const });
const posted = { delivery: { method: 'post', receivedOn: null } } as const;

function run(events: readonly CaseEvent[]) {
  for (let i = 1; i < events.length; i++) {
    const problem = checkAct(foldCase(events.slice(0, i), cal), events[i]!, ctx);
    assert.equal(problem, null, `${events[i]!.act}: ${problem?.message}`);
  }
  return foldCase(events, cal);
}

function refused(events: readonly CaseEvent[], next: CaseEvent): { code: string; field: string } {
  const problem = checkAct(foldCase(events, cal), next, ctx);
  assert.ok(problem, `${next.act} should be refused`);
  return { code: problem.code, field: problem.field };
}

const notice = (on: string, more: Partial<Extract<CaseEvent, { act: 'correctionRequested' }>> = {}): CaseEvent => ({
  act: 'correctionRequested',
  on,
  items: '请写明所需文件的名称或文号',
  workingDays: 10,
  defaultWorkingDays: 10,
  ...emailed(on),
  ...more,
});

/** Replies other than 予以公开 are signed by the head of the disclosure office (sign-off.ts). */
const signed = { approver: '王主任', approverId: 7 } as const;

describe('补正 (条例 第三十条)', () => {
  test('a notice after the reply deadline is refused (it would restart a clock already run out)', () => {
    assert.equal(foldCase([received], cal).replyDue?.due, '2025-03-31');
    assert.deepEqual(refused([received], notice('2025-04-15', { lateReason: '承办人出差' })), { code: 'GK_REPLY_OVERDUE', field: 'on' });
  });

  test('after the 7 working days it is recorded only with a reason, and marked as a 程序瑕疵', () => {
    const v0 = foldCase([received], cal);
    assert.equal(v0.correctionNoticeDue.due, '2025-03-12');
    assert.deepEqual(refused([received], notice('2025-03-14')), { code: 'GK_CORRECTION_LATE', field: 'lateReason' });
    const v = run([received, notice('2025-03-14', { lateReason: '承办人误将申请归入其他事项' })]);
    assert.deepEqual(v.defects, [{ kind: 'lateCorrectionNotice', on: '2025-03-14', reason: '承办人误将申请归入其他事项' }]);
    assert.deepEqual(run([received, notice('2025-03-12')]).defects, [], 'the seventh working day is in time');
  });

  test('the period is 5 to 20 working days, the county default unless a reason is given', () => {
    assert.equal(refused([received], notice('2025-03-05', { workingDays: 1 })).code, 'GK_CORRECTION_PERIOD');
    assert.equal(refused([received], notice('2025-03-05', { workingDays: 21 })).code, 'GK_CORRECTION_PERIOD');
    assert.deepEqual(refused([received], notice('2025-03-05', { workingDays: 15 })), { code: 'GK_CORRECTION_PERIOD_REASON', field: 'periodReason' });
    const v = run([received, notice('2025-03-05', { workingDays: 15, periodReason: '需要申请人到档案馆查找文号' })]);
    assert.equal(v.correction?.due, '2025-03-26');
  });

  test('the period runs from the day the applicant receives the notice; posted, it waits (待送达) and cannot lapse', () => {
    const sent = [received, notice('2025-03-05', posted)];
    const waiting = run(sent);
    assert.equal(waiting.correction?.due, null);
    assert.equal(waiting.pending?.due, null);
    assert.deepEqual(nextDeadline(waiting, '2025-06-01', cal), { label: '申请人补正期限', due: null, left: null, provisional: false, applicants: true });
    assert.deepEqual(refused(sent, { act: 'correctionLapsed', on: '2025-06-01' }), { code: 'GK_AWAITING_DELIVERY', field: 'on' });
    // The signed receipt says 03-07: ten working days from then.
    const delivered = [
      ...sent,
      { act: 'letterDelivered', on: '2025-03-07', letterSeq: 2, letter: 'correctionNotice', method: 'post', proof: 'EMS 1234' } as const,
    ];
    const v = run(delivered);
    assert.equal(v.correction?.due, '2025-03-21');
    assert.equal(refused(delivered, { act: 'correctionLapsed', on: '2025-03-21' }).code, 'GK_PERIOD_NOT_OVER');
    assert.equal(run([...delivered, { act: 'correctionLapsed', on: '2025-03-24', ...emailed('2025-03-24') }]).outcome, 'otherDisposal.noCorrection');
  });
});

describe('送达: periods counted from receipt', () => {
  const consulted = (delivery: object): CaseEvent[] => [
    received,
    { act: 'thirdPartyConsulted', on: '2025-03-05', party: '某某公司', ...delivery } as CaseEvent,
  ];

  test('a consultation letter received 3 days after sending gives the third party a due date 3 working days later', () => {
    assert.equal(run(consulted(emailed('2025-03-05'))).pending?.due, '2025-03-26');
    assert.equal(run(consulted({ delivery: { method: 'post', receivedOn: '2025-03-10' } })).pending?.due, '2025-03-31');
  });

  test('“no opinion” is refused before the receipt-based due date, and while the letter is 待送达', () => {
    const late = consulted({ delivery: { method: 'post', receivedOn: '2025-03-10' } });
    assert.equal(refused(late, { act: 'thirdPartyAnswered', on: '2025-03-27', opinion: 'none', note: '' }).code, 'GK_PERIOD_NOT_OVER');
    run([...late, { act: 'thirdPartyAnswered', on: '2025-04-01', opinion: 'none', note: '' }]);
    assert.equal(refused(consulted(posted), { act: 'thirdPartyAnswered', on: '2025-05-01', opinion: 'none', note: '' }).code, 'GK_AWAITING_DELIVERY');
    // An answer that came needs no recorded receipt; the stop ends that day.
    const v = run([...consulted(posted), { act: 'thirdPartyAnswered', on: '2025-03-12', opinion: 'consents', note: '' }]);
    assert.deepEqual(
      v.stops.map((s) => [s.from, s.to]),
      [['2025-03-06', '2025-03-12']],
    );
  });

  test('the fee is due 20 working days from the day after the notice is received (国办函〔2020〕109号)', () => {
    const noticed = (delivery: object): CaseEvent[] => [
      received,
      { act: 'feeNoticed', on: '2025-03-05', scheme: 'perPage', quantity: 250, amountYuan: 4700, ...delivery } as CaseEvent,
    ];
    assert.equal(run(noticed(emailed('2025-03-05'))).fee?.due, '2025-04-02');
    const byPost = noticed({ delivery: { method: 'post', receivedOn: '2025-03-10' } });
    assert.equal(run(byPost).fee?.due, '2025-04-08');
    assert.equal(refused(byPost, { act: 'feeLapsed', on: '2025-04-03', ...emailed('2025-04-03') }).code, 'GK_PERIOD_NOT_OVER');
    assert.equal(refused(noticed(posted), { act: 'feeLapsed', on: '2025-06-03', ...emailed('2025-06-03') }).code, 'GK_AWAITING_DELIVERY');
    assert.equal(run([...byPost, { act: 'feePaid', on: '2025-04-08', receiptNote: '' }]).state, 'inProgress');
  });

  test('every letter records how and when it was received; a period-starting act must say how it is sent', () => {
    assert.equal(refused([received], { act: 'thirdPartyConsulted', on: '2025-03-05', party: '某某公司' }).code, 'GK_DELIVERY_METHOD');
    assert.equal(
      refused([received], { act: 'thirdPartyConsulted', on: '2025-03-05', party: '某某公司', delivery: { method: 'email', receivedOn: null } }).field,
      'deliveredOn',
    );
    assert.equal(
      refused([received], { act: 'thirdPartyConsulted', on: '2025-03-05', party: '某某公司', delivery: { method: 'email', receivedOn: '2025-03-04' } }).code,
      'GK_DATE_ORDER',
    );
    const v = run(consulted(posted));
    assert.deepEqual(
      v.letters.map((l) => [l.seq, l.letter, l.method, l.receivedOn]),
      [
        [1, 'receipt', 'inPerson', '2025-03-03'],
        [2, 'thirdPartyConsultation', 'post', null],
      ],
    );
    const sent = consulted(posted);
    const record = (on: string, letterSeq = 2): CaseEvent => ({
      act: 'letterDelivered',
      on,
      letterSeq,
      letter: 'thirdPartyConsultation',
      method: 'post',
      proof: '',
    });
    assert.equal(refused(sent, record('2025-03-04')).code, 'GK_DATE_ORDER');
    assert.equal(refused(sent, record('2025-03-07', 1)).code, 'GK_NO_LETTER');
    assert.equal(refused([...sent, record('2025-03-07')], record('2025-03-08')).code, 'GK_DELIVERED');
    // A posted application's 回执 goes back by post and waits for its receipt too.
    const byPost = foldCase([{ act: 'received', on: '2025-03-03', channel: 'registeredPost' }], cal);
    assert.deepEqual(
      byPost.letters.map((l) => [l.method, l.receivedOn]),
      [['post', null]],
    );
  });
});

describe('a third party’s objection (条例 第三十二条)', () => {
  const objected: CaseEvent[] = [
    received,
    { act: 'thirdPartyConsulted', on: '2025-03-05', party: '某某公司', ...emailed('2025-03-05') },
    { act: 'thirdPartyAnswered', on: '2025-03-10', opinion: 'objects', note: '涉及商业秘密' },
  ];
  const granted = (on: string): CaseEvent => ({ act: 'replied', on, outcome: 'granted', items: [{ itemId: 1, kind: 'grantProvide', outcome: 'granted' }] });
  const decision = (on: string, reason = '该工程使用财政资金，验收结论关系公共安全'): CaseEvent => ({
    act: 'disclosureDecided',
    on,
    party: '某某公司',
    content: '工程验收报告',
    reason,
    ...emailed(on),
  });

  test('a reply disclosing after the objection needs a decision to disclose, told to the third party before the reply', () => {
    assert.deepEqual(refused(objected, granted('2025-03-12')), { code: 'GK_THIRD_PARTY_OBJECTED', field: 'objection' });
    assert.equal(refused(objected, decision('2025-03-11', ' ')).code, 'GK_PUBLIC_INTEREST');
    assert.equal(refused([...objected, decision('2025-03-12')], granted('2025-03-12')).code, 'GK_THIRD_PARTY_OBJECTED');
    const v = run([...objected, decision('2025-03-11'), granted('2025-03-12')]);
    assert.equal(v.outcome, 'granted');
    assert.deepEqual(v.disclosureDecision, { on: '2025-03-11', party: '某某公司' });
    assert.ok(v.letters.some((l) => l.letter === 'disclosureDecisionNotice' && l.seq === 4));
  });

  test('withholding what the third party objected to needs nothing more; without an objection there is no decision to make', () => {
    run([
      ...objected,
      {
        act: 'replied',
        on: '2025-03-12',
        outcome: 'withheld.thirdPartyRights',
        items: [{ itemId: 1, kind: 'withheld.thirdPartyRights', outcome: 'withheld.thirdPartyRights' }],
        ...signed,
      },
    ]);
    run([
      ...objected,
      { act: 'replied', on: '2025-03-12', outcome: 'partiallyGranted', items: [{ itemId: 1, kind: 'partial', outcome: 'partiallyGranted' }], ...signed },
    ]);
    assert.equal(refused([received], decision('2025-03-11')).code, 'GK_NO_OBJECTION');
    run([received, granted('2025-03-12')]);
  });
});
