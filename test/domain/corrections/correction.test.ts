/** 更正 requests (条例 第四十一条) as a pure fold: the due date on the calendar, and which decisions need what. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nationalCalendar } from '../../../src/domain/calendar/working-calendar.ts';
import { checkCorrectionAct, checkCorrectionLimit, foldCorrection, isOverdue, type CorrectionEvent } from '../../../src/domain/corrections/correction.ts';

const received = (on: string, limitDays = 20): CorrectionEvent => ({ act: 'received', on, channel: 'inPerson', limitDays });

test('due in the limit of the day of receipt, in working days across 春节', () => {
  const v = foldCorrection([received('2024-02-08')], nationalCalendar);
  assert.equal(v.due.due, '2024-03-13');
  assert.equal(foldCorrection([received('2024-02-08', 10)], nationalCalendar).due.due, '2024-02-28');
  assert.equal(v.state, 'open');
  assert.equal(isOverdue(v, '2024-03-13'), false);
  assert.equal(isOverdue(v, '2024-03-14'), true);
});

test('each decision needs its own facts; a decision closes the request, once', () => {
  const v = foldCorrection([received('2026-11-02')], nationalCalendar);
  const decide = (decision: 'corrected' | 'forwarded' | 'referred' | 'refused', facts = {}, on = '2026-11-20'): CorrectionEvent => ({
    act: 'decided',
    on,
    decision,
    facts,
  });
  assert.equal(checkCorrectionAct(v, decide('corrected'), '2026-11-27')?.field, 'correctionResult');
  assert.equal(checkCorrectionAct(v, decide('forwarded', { reason: 'x' }), '2026-11-27')?.field, 'competentAgency');
  assert.equal(checkCorrectionAct(v, decide('referred'), '2026-11-27')?.field, 'competentAgency');
  assert.equal(checkCorrectionAct(v, decide('refused', { reason: ' ' }), '2026-11-27')?.field, 'reason');
  assert.equal(checkCorrectionAct(v, decide('refused', { reason: '记录准确' }, '2026-11-28'), '2026-11-27')?.code, 'GK_DATE_FUTURE');
  assert.equal(checkCorrectionAct(v, decide('refused', { reason: '记录准确' }, '2026-10-28'), '2026-11-27')?.code, 'GK_DATE_BEFORE_RECEIPT');
  const e = decide('refused', { reason: '记录准确' }, '2026-12-01');
  assert.equal(checkCorrectionAct(v, e, '2026-12-01'), null);
  const after = foldCorrection([received('2026-11-02'), e], nationalCalendar);
  assert.equal(after.state, 'closed');
  assert.equal(after.decidedLate, true, 'decided after its due date 2026-11-30');
  assert.equal(checkCorrectionAct(after, decide('corrected', { correctionResult: 'x' }), '2026-12-01')?.code, 'GK_CASE_CLOSED');
});

test("the county's limit is whole working days within the bounds", () => {
  assert.deepEqual(checkCorrectionLimit(' 15 '), { days: 15 });
  for (const bad of ['4', '61', '1.5', '', '十']) assert.ok('error' in checkCorrectionLimit(bad), bad);
});
