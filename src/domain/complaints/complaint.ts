/**
 * A complaint or report to the 政府信息公开工作主管部门 (条例 第四十七条): the form as filed
 * (a 投诉 needs a name and a phone number, a 举报 may be anonymous), and the ledger of its
 * handling — filed (with the county's time limit of that day), handling notes, the answer —
 * folded into its state and due date on a working-day calendar. Pure.
 */
import {
  answerMethods,
  complaintKinds,
  complaintLimit,
  complaintLimits,
  isAnswerMethod,
  isComplaintKind,
  type AnswerMethod,
  type ComplaintKind,
} from '../../law/complaints.ts';
import { addWorkingDays, type Deadline } from '../calendar/deadline.ts';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import { isIsoDate, type IsoDate } from '../shared/dates.ts';
import { fieldError, type FieldError } from '../shared/result.ts';

export interface ComplaintForm {
  kind: string;
  agencyId: number | null;
  content: string;
  name: string;
  phone: string;
  email: string;
}

const mobile = /^1[3-9]\d{9}$/;
const landline = /^0\d{2,3}-?\d{7,8}$/;
const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Every problem of the form at once, each naming its field. */
export function checkComplaintForm(f: ComplaintForm): FieldError[] {
  const errors: FieldError[] = [];
  if (!isComplaintKind(f.kind)) errors.push(fieldError('kind', 'GK_COMPLAINT_KIND', '请选择投诉或者举报'));
  if (f.agencyId === null) errors.push(fieldError('agency', 'GK_AGENCY', '请选择被投诉、举报的行政机关'));
  if (f.content.trim() === '') errors.push(fieldError('content', 'GK_REQUIRED', '请写明投诉、举报的事实和理由'));
  else if (f.content.length > complaintLimits.maxContent) errors.push(fieldError('content', 'GK_TOO_LONG', `事实和理由不超过${complaintLimits.maxContent}字`));
  const named = isComplaintKind(f.kind) && complaintKinds[f.kind].needsContact;
  if (named && f.name.trim() === '') errors.push(fieldError('name', 'GK_REQUIRED', '投诉需要填写姓名或者名称，以便答复（匿名的请选择“举报”）'));
  else if (f.name.length > complaintLimits.maxName) errors.push(fieldError('name', 'GK_TOO_LONG', `姓名或者名称不超过${complaintLimits.maxName}字`));
  const phone = f.phone.trim();
  if (named && phone === '') errors.push(fieldError('phone', 'GK_REQUIRED', '投诉需要填写联系电话，以便答复'));
  else if (phone !== '' && !mobile.test(phone) && !landline.test(phone))
    errors.push(fieldError('phone', 'GK_PHONE', '联系电话应为11位手机号码，或者带区号的固定电话（如0730-4681099）'));
  if (f.email.trim() !== '' && !email.test(f.email.trim())) errors.push(fieldError('email', 'GK_EMAIL', '电子邮箱格式不正确'));
  return errors;
}

export type ComplaintEvent =
  | { act: 'filed'; on: IsoDate; kind: ComplaintKind; channel: string; limitDays: number }
  | { act: 'handled'; on: IsoDate; note: string }
  | { act: 'answered'; on: IsoDate; answer: string; method: AnswerMethod }
  | { act: 'deadlinesRecomputed'; on: IsoDate; before: IsoDate | null; after: IsoDate | null };

export interface ComplaintView {
  state: 'open' | 'closed';
  kind: ComplaintKind;
  receivedDate: IsoDate;
  due: Deadline;
  handling: readonly { on: IsoDate; note: string }[];
  answer: { on: IsoDate; text: string; method: AnswerMethod } | null;
  answeredLate: boolean;
}

export function foldComplaint(events: readonly ComplaintEvent[], calendar: WorkingCalendar): ComplaintView {
  const first = events[0];
  if (first?.act !== 'filed') throw new RangeError('a complaint starts when it is filed');
  const handling: { on: IsoDate; note: string }[] = [];
  let answer: ComplaintView['answer'] = null;
  for (const e of events.slice(1)) {
    if (e.act === 'filed') throw new RangeError('a complaint is filed once');
    if (e.act === 'handled') handling.push({ on: e.on, note: e.note });
    if (e.act === 'answered') answer = { on: e.on, text: e.answer, method: e.method };
  }
  const due = addWorkingDays(calendar, first.on, first.limitDays);
  return {
    state: answer ? 'closed' : 'open',
    kind: first.kind,
    receivedDate: first.on,
    due,
    handling,
    answer,
    answeredLate: answer !== null && answer.on > due.due,
  };
}

/** A county's limit as typed: whole working days within the bounds. */
export function checkComplaintLimit(raw: string): { days: number } | { error: FieldError } {
  const days = /^\s*\d{1,3}\s*$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(days) || days < complaintLimit.minWorkingDays || days > complaintLimit.maxWorkingDays) {
    return {
      error: fieldError('complaintDays', 'GK_LIMIT_DAYS', `投诉、举报的答复时限应为${complaintLimit.minWorkingDays}至${complaintLimit.maxWorkingDays}个工作日`),
    };
  }
  return { days };
}

/** Why `e` may not follow; `reachable`: the complaint left a phone number or e-mail. */
export function checkComplaintAct(v: ComplaintView, e: ComplaintEvent, today: IsoDate, reachable: boolean): FieldError | null {
  if (!isIsoDate(e.on)) return fieldError('on', 'GK_DATE', '日期无效（YYYY-MM-DD）');
  if (e.on > today) return fieldError('on', 'GK_DATE_FUTURE', `日期${e.on}晚于今天，不能预先登记`);
  if (e.act !== 'deadlinesRecomputed' && e.on < v.receivedDate) return fieldError('on', 'GK_DATE_BEFORE_RECEIPT', `日期${e.on}早于收到之日${v.receivedDate}`);
  switch (e.act) {
    case 'filed':
      return fieldError('act', 'GK_ALREADY_FILED', '投诉、举报已经登记');
    case 'handled':
      if (v.state === 'closed') return fieldError('state', 'GK_CASE_CLOSED', '已经答复办结，不能再登记处理情况');
      return e.note.trim() === '' ? fieldError('note', 'GK_REQUIRED', '请填写处理情况（如：已调查核实、已督促整改）') : null;
    case 'answered':
      if (v.state === 'closed') return fieldError('state', 'GK_CASE_CLOSED', '已经答复办结');
      if (v.handling.length === 0) return fieldError('act', 'GK_NOT_HANDLED', '请先登记处理情况，再答复');
      if (e.answer.trim() === '') return fieldError('answer', 'GK_REQUIRED', '请填写答复内容（处理结果）');
      if (!isAnswerMethod(e.method)) return fieldError('method', 'GK_METHOD', '请选择答复方式');
      if (e.method === 'none' && (reachable || v.kind === 'complaint'))
        return fieldError('method', 'GK_METHOD', `${answerMethods.none.label}只适用于没有留下联系方式的匿名举报`);
      if (e.method !== 'none' && !reachable) return fieldError('method', 'GK_METHOD', '举报人没有留下联系方式，请选择“匿名举报，无法答复”');
      return null;
    case 'deadlinesRecomputed':
      return null;
  }
}
