/** Complaints and reports (条例 第四十七条) as pure rules: the form, the due date, and the order of handling and answer. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nationalCalendar } from '../../../src/domain/calendar/working-calendar.ts';
import { checkComplaintAct, checkComplaintForm, foldComplaint, type ComplaintEvent, type ComplaintForm } from '../../../src/domain/complaints/complaint.ts';

const form = (over: Partial<ComplaintForm> = {}): ComplaintForm => ({
  kind: 'complaint',
  agencyId: 3,
  content: '未按期答复',
  name: '王五',
  phone: '0730-4681099',
  email: '',
  ...over,
});
const fields = (f: ComplaintForm) => checkComplaintForm(f).map((e) => e.field);

test('a 投诉 names its author and a phone; a 举报 may leave both out', () => {
  assert.deepEqual(fields(form()), []);
  assert.deepEqual(fields(form({ name: ' ', phone: '' })), ['name', 'phone']);
  assert.deepEqual(fields(form({ kind: 'report', name: '', phone: '' })), []);
  assert.deepEqual(fields(form({ kind: 'report', name: '', phone: '110' })), ['phone'], 'a number given is checked');
  assert.deepEqual(fields(form({ agencyId: null, content: '' })), ['agency', 'content']);
});

test('due on the calendar; the handling before the answer; an anonymous 举报 only is closed without one', () => {
  const filed: ComplaintEvent = { act: 'filed', on: '2025-09-26', kind: 'report', channel: 'online', limitDays: 5 };
  const v = foldComplaint([filed], nationalCalendar);
  // 09-28 (a 调休 Sunday), 09-29, 09-30, then 国庆 and 中秋 10-01..08 off, 10-09, 10-10.
  assert.equal(v.due.due, '2025-10-10');
  const answer: ComplaintEvent = { act: 'answered', on: '2025-10-09', answer: '已责令整改', method: 'none' };
  assert.equal(checkComplaintAct(v, answer, '2025-10-09', false)?.code, 'GK_NOT_HANDLED');
  const handled: ComplaintEvent = { act: 'handled', on: '2025-10-09', note: '已核查' };
  assert.equal(checkComplaintAct(v, handled, '2025-10-09', false), null);
  const w = foldComplaint([filed, handled], nationalCalendar);
  assert.equal(checkComplaintAct(w, answer, '2025-10-09', false), null);
  assert.equal(checkComplaintAct(w, answer, '2025-10-09', true)?.field, 'method', 'one who left a number is answered');
  assert.equal(checkComplaintAct(w, { ...answer, method: 'phone' }, '2025-10-09', false)?.field, 'method');
  const done = foldComplaint([filed, handled, answer], nationalCalendar);
  assert.equal(done.state, 'closed');
  assert.equal(done.answeredLate, false);
});
