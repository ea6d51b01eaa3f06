import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { nationalCalendar } from '../../../src/domain/calendar/working-calendar.ts';
import { checkAct, foldCase, nextDeadline, type ActContext, type CaseEvent } from '../../../src/domain/requests/case.ts';

const cal = nationalCalendar;
const ctx: ActContext = { today: '2026-11-27', correctedByAppeal: false };
const received = (on: string): CaseEvent => ({ act: 'received', on, channel: 'inPerson' });
/** A letter handed over the day it is sent. */
const handed = (on: string) => ({ delivery: { method: 'inPerson', receivedOn: on } as const });
/** A reply other than 予以公开 is issued signed by the head of the disclosure office. */
const signed = { approver: '王主任', approverId: 7 } as const;

/** Folds the ledger, checking every act against the case as it stood before it. */
function run(events: readonly CaseEvent[], context: ActContext = ctx) {
  for (let i = 1; i < events.length; i++) {
    const before = foldCase(events.slice(0, i), cal);
    const problem = checkAct(before, events[i]!, context);
    assert.equal(problem, null, `${events[i]!.act}: ${problem?.message}`);
  }
  return foldCase(events, cal);
}

function refused(events: readonly CaseEvent[], next: CaseEvent, context: ActContext = ctx): string {
  const problem = checkAct(foldCase(events, cal), next, context);
  assert.ok(problem, `${next.act} should be refused`);
  return problem.code;
}

describe('the reply clock (条例 第三十三条)', () => {
  test('20 working days from receipt, across 春节 and its 调休 Sunday', () => {
    const v = run([received('2024-02-08')]);
    assert.equal(v.replyDue?.due, '2024-03-13');
    assert.equal(v.state, 'inProgress');
    assert.equal(v.correctionNoticeDue.due, '2024-02-23', '7 working days for a correction notice (第三十条), 02-18 a 调休 Sunday');
  });

  test('an approved extension adds its working days, once, at most 20, before the reply is due', () => {
    const base = [received('2024-02-08')];
    const head = { approver: '王主任', approverId: 7 };
    const v = run([...base, { act: 'extended', on: '2024-03-12', workingDays: 20, reason: '需要调取档案', ...head }]);
    assert.equal(v.replyDue?.due, '2024-04-11', '40 working days; 清明 2024-04-04/05 are off');
    assert.equal(refused(base, { act: 'extended', on: '2024-03-12', workingDays: 21, reason: 'x', ...head }), 'GK_EXTENSION_DAYS');
    assert.equal(refused(base, { act: 'extended', on: '2024-03-14', workingDays: 5, reason: 'x', ...head }), 'GK_REPLY_OVERDUE');
    assert.equal(refused(base, { act: 'extended', on: '2024-03-12', workingDays: 5, reason: 'x', approver: '王主任' }), 'GK_SIGN_OFF_REQUIRED');
    const once = [...base, { act: 'extended', on: '2024-03-01', workingDays: 5, reason: 'x', ...head } as const];
    assert.equal(refused(once, { act: 'extended', on: '2024-03-05', workingDays: 5, reason: 'x', ...head }), 'GK_EXTENDED_ONCE');
  });
});

describe('补正 (条例 第三十条)', () => {
  const asked: CaseEvent[] = [
    received('2024-03-01'),
    { act: 'correctionRequested', on: '2024-03-05', workingDays: 10, items: '请写明文件名称或文号', ...handed('2024-03-05') },
  ];

  test('while waiting, the reply clock does not run; the corrected application restarts it', () => {
    const waiting = run(asked);
    assert.equal(waiting.state, 'awaitingCorrection');
    assert.equal(waiting.replyDue, null);
    assert.deepEqual(nextDeadline(waiting, '2024-03-11', cal)?.due, '2024-03-19');
    const v = run([...asked, { act: 'correctionReceived', on: '2024-03-15', note: '' }]);
    assert.equal(v.clockStart, '2024-03-15');
    assert.equal(v.replyDue?.due, '2024-04-15', '20 working days from 03-15, 清明 04-04/05 off and 04-07 a 调休 Sunday');
  });

  test('told once only; no correction in time closes the case as （六）1, not before the period is over', () => {
    assert.equal(refused(asked, { act: 'correctionRequested', on: '2024-03-06', workingDays: 10, items: 'x', ...handed('2024-03-06') }), 'GK_CORRECTION_ONCE');
    assert.equal(refused(asked, { act: 'correctionLapsed', on: '2024-03-19' }), 'GK_PERIOD_NOT_OVER');
    const v = run([...asked, { act: 'correctionLapsed', on: '2024-03-20' }]);
    assert.equal(v.state, 'closed');
    assert.equal(v.outcome, 'otherDisposal.noCorrection');
    assert.equal(v.closedDate, '2024-03-20');
  });

  test('“still unclear after correction” needs a correction first', () => {
    const reply = (on: string): CaseEvent => ({
      act: 'replied',
      on,
      outcome: 'unableToProvide.unclearAfterCorrection',
      items: [{ itemId: 1, kind: 'unableToProvide.unclearAfterCorrection', outcome: 'unableToProvide.unclearAfterCorrection' }],
      ...signed,
    });
    assert.equal(refused([received('2024-03-01')], reply('2024-03-10')), 'GK_NO_CORRECTION');
    run([...asked, { act: 'correctionReceived', on: '2024-03-15', note: '' }, reply('2024-03-20')]);
  });
});

describe('consultation stops the clock (条例 第三十二条、第三十四条)', () => {
  const consulted: CaseEvent[] = [received('2024-05-06'), { act: 'thirdPartyConsulted', on: '2024-05-10', party: '某某公司', ...handed('2024-05-10') }];

  test('from the day after the letter through the day the answer arrives', () => {
    const during = run(consulted);
    assert.equal(during.state, 'consulting');
    assert.equal(during.pending?.due, '2024-05-30', '15 working days for the third party, 05-11 a 调休 Saturday');
    const v = run([...consulted, { act: 'thirdPartyAnswered', on: '2024-05-20', opinion: 'objects', note: '涉及商业秘密' }]);
    assert.deepEqual(
      v.stops.map((s) => [s.from, s.to]),
      [['2024-05-11', '2024-05-20']],
    );
    // 7 working days stopped (05-11 Saturday worked, 05-13..17, 05-20); 端午 06-10 off.
    assert.equal(v.replyDue?.due, '2024-06-12');
    assert.equal(v.thirdPartyObjected, true);
  });

  test('no answer: the stop lasts the period the 条例 gives, not until staff noticed', () => {
    assert.equal(refused(consulted, { act: 'thirdPartyAnswered', on: '2024-05-30', opinion: 'none', note: '' }), 'GK_PERIOD_NOT_OVER');
    const v = run([...consulted, { act: 'thirdPartyAnswered', on: '2024-06-20', opinion: 'none', note: '逾期未答复' }]);
    assert.deepEqual(
      v.stops.map((s) => [s.from, s.to]),
      [['2024-05-11', '2024-05-30']],
    );
  });

  test('no reply while consulting; another agency likewise', () => {
    const reply: CaseEvent = { act: 'replied', on: '2024-05-15', outcome: 'granted', items: [{ itemId: 1, kind: 'grantProvide', outcome: 'granted' }] };
    assert.equal(refused(consulted, reply), 'GK_NOT_IN_PROGRESS');
    const v = run([
      received('2024-05-06'),
      { act: 'agencyConsulted', on: '2024-05-07', agency: '县财政局', ...handed('2024-05-07') },
      { act: 'agencyAnswered', on: '2024-05-09', opinion: 'consents', note: '' },
    ]);
    assert.deepEqual(
      v.stops.map((s) => [s.from, s.to]),
      [['2024-05-08', '2024-05-09']],
    );
  });
});

describe('信息处理费 (国办函〔2020〕109号)', () => {
  const noticed: CaseEvent[] = [
    received('2024-09-20'),
    { act: 'feeNoticed', on: '2024-09-27', scheme: 'perPage', quantity: 250, amountYuan: 4700, ...handed('2024-09-27') },
  ];

  test('20 working days to pay from the day after the notice, the clock stopped meanwhile', () => {
    const v = run(noticed);
    assert.equal(v.state, 'awaitingPayment');
    assert.equal(v.fee?.due, '2024-10-30');
    const paid = run([...noticed, { act: 'feePaid', on: '2024-10-10', receiptNote: '非税收入票据' }]);
    assert.equal(paid.state, 'inProgress');
    assert.deepEqual(
      paid.stops.map((s) => [s.from, s.to]),
      [['2024-09-28', '2024-10-10']],
    );
  });

  test('late payment is refused; unpaid after the period closes the case as （六）2', () => {
    assert.equal(refused(noticed, { act: 'feePaid', on: '2024-10-31', receiptNote: '' }), 'GK_FEE_LATE');
    assert.equal(refused(noticed, { act: 'feeLapsed', on: '2024-10-30' }), 'GK_PERIOD_NOT_OVER');
    const v = run([...noticed, { act: 'feeLapsed', on: '2024-10-31' }]);
    assert.equal(v.outcome, 'otherDisposal.unpaidFee');
    assert.equal(
      refused(noticed, { act: 'feeNoticed', on: '2024-09-30', scheme: 'perItem', quantity: 12, amountYuan: 200, ...handed('2024-09-30') }),
      'GK_NOT_IN_PROGRESS',
    );
  });
});

describe('closing and reopening', () => {
  const replied: CaseEvent[] = [
    received('2023-12-18'),
    {
      act: 'replied',
      on: '2024-01-10',
      outcome: 'withheld.processInformation',
      items: [{ itemId: 1, kind: 'withheld.processInformation', outcome: 'withheld.processInformation' }],
      ...signed,
    },
  ];

  test('a reply closes the case in its row; delivery, then archive', () => {
    const v = run([...replied, { act: 'delivered', on: '2024-01-12', method: 'EMS', proof: '1234567890' }, { act: 'archived', on: '2024-01-15' }]);
    assert.equal(v.closedDate, '2024-01-10');
    assert.equal(v.outcome, 'withheld.processInformation');
    assert.equal(v.archived, '2024-01-15');
    assert.equal(refused(replied, { act: 'archived', on: '2024-01-15' }), 'GK_NOT_DELIVERED');
  });

  test('a 纠正 decision reopens with a new reply period; the report keeps the first closure', () => {
    const reopen: CaseEvent = { act: 'reopened', on: '2024-04-01', appealId: 7, reason: '复议决定责令重新答复' };
    assert.equal(refused(replied, reopen), 'GK_NO_CORRECTION_DECISION');
    const v = run([...replied, reopen], { ...ctx, correctedByAppeal: true });
    assert.equal(v.state, 'inProgress');
    assert.equal(v.replyDue?.due, '2024-04-29', '20 working days from 04-01: 清明 04-04/05 off, 04-07 and 04-28 worked');
    assert.equal(v.closedDate, '2024-01-10');
    const again = run(
      [
        ...replied,
        reopen,
        { act: 'replied', on: '2024-04-20', outcome: 'partiallyGranted', items: [{ itemId: 1, kind: 'partial', outcome: 'partiallyGranted' }], ...signed },
      ],
      { ...ctx, correctedByAppeal: true },
    );
    assert.equal(again.outcome, 'withheld.processInformation');
    assert.equal(again.lastOutcome, 'partiallyGranted');
  });

  test('withdrawal closes as （六）3; lapse outcomes are not replies; nothing after closure', () => {
    const v = run([received('2024-06-03'), { act: 'withdrawn', on: '2024-06-05', reason: '申请人书面撤回' }]);
    assert.equal(v.outcome, 'otherDisposal.other');
    const lapse: CaseEvent = {
      act: 'replied',
      on: '2024-06-05',
      outcome: 'otherDisposal.noCorrection',
      items: [{ itemId: 1, kind: 'otherDisposal.other', outcome: 'otherDisposal.noCorrection' }],
    };
    assert.equal(refused([received('2024-06-03')], lapse), 'GK_OUTCOME_BY_ACT');
    assert.equal(refused(replied, { act: 'withdrawn', on: '2024-01-11', reason: 'x' }), 'GK_CASE_CLOSED');
  });

  test('dates: not in the future, not before receipt', () => {
    assert.equal(refused([received('2026-11-20')], { act: 'withdrawn', on: '2026-11-28', reason: 'x' }), 'GK_DATE_FUTURE');
    assert.equal(refused([received('2026-11-20')], { act: 'withdrawn', on: '2026-11-19', reason: 'x' }), 'GK_DATE_BEFORE_RECEIPT');
  });
});

describe('the next deadline on the dashboard', () => {
  test('working days left, negative once passed; none when closed', () => {
    const v = foldCase([received('2024-02-08')], cal);
    assert.deepEqual(nextDeadline(v, '2024-03-11', cal), { label: '答复期限', due: '2024-03-13', applicants: false, left: 2, provisional: false });
    assert.equal(nextDeadline(v, '2024-03-15', cal)?.left, -2);
  });

  test('a date in a year without a notice is provisional', () => {
    const v = foldCase([received('2026-12-15')], cal);
    assert.equal(v.replyDue?.provisional, true);
    assert.equal(nextDeadline(v, '2026-12-16', cal)?.provisional, true);
  });
});
