/**
 * A 更正 request (条例 第四十一条) as the ledger of its acts: received (with the county's
 * time limit of that day), decided (one of the four decisions), and calendar recounts.
 * `foldCorrection` derives its state and due date on a working-day calendar; `checkCorrectionAct`
 * says whether an act may follow. Pure: the app layer reads the ledger, asks, and appends.
 */
import { correctionDecisions, correctionFactLabels, correctionLimit, type CorrectionDecision } from '../../law/corrections.ts';
import { addWorkingDays, type Deadline } from '../calendar/deadline.ts';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import { isIsoDate, type IsoDate } from '../shared/dates.ts';
import { fieldError, type FieldError } from '../shared/result.ts';

export interface DecisionFacts {
  correctionResult?: string;
  reason?: string;
  competentAgency?: string;
}

export type CorrectionEvent =
  | { act: 'received'; on: IsoDate; channel: string; limitDays: number }
  | { act: 'decided'; on: IsoDate; decision: CorrectionDecision; facts: DecisionFacts }
  | { act: 'deadlinesRecomputed'; on: IsoDate; before: IsoDate | null; after: IsoDate | null };

export interface CorrectionView {
  state: 'open' | 'closed';
  receivedDate: IsoDate;
  limitDays: number;
  due: Deadline;
  decision: { kind: CorrectionDecision; on: IsoDate; facts: DecisionFacts } | null;
  /** Decided after its due date (an open one past it: `isOverdue`). */
  decidedLate: boolean;
}

export function foldCorrection(events: readonly CorrectionEvent[], calendar: WorkingCalendar): CorrectionView {
  const first = events[0];
  if (first?.act !== 'received') throw new RangeError('a 更正 request starts with its receipt');
  const due = addWorkingDays(calendar, first.on, first.limitDays);
  let decision: CorrectionView['decision'] = null;
  for (const e of events.slice(1)) {
    if (e.act === 'received') throw new RangeError('a 更正 request is received once');
    if (e.act === 'decided') decision = { kind: e.decision, on: e.on, facts: e.facts };
  }
  return {
    state: decision ? 'closed' : 'open',
    receivedDate: first.on,
    limitDays: first.limitDays,
    due,
    decision,
    decidedLate: decision !== null && decision.on > due.due,
  };
}

/** Open past its due date on `today`. */
export const isOverdue = (v: CorrectionView, today: IsoDate) => v.state === 'open' && today > v.due.due;

/** A county's limit as typed: whole working days within the bounds. */
export function checkCorrectionLimit(raw: string): { days: number } | { error: FieldError } {
  const days = /^\s*\d{1,3}\s*$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(days) || days < correctionLimit.minWorkingDays || days > correctionLimit.maxWorkingDays) {
    return {
      error: fieldError(
        'correctionDays',
        'GK_LIMIT_DAYS',
        `更正申请的办理时限应为${correctionLimit.minWorkingDays}至${correctionLimit.maxWorkingDays}个工作日`,
      ),
    };
  }
  return { days };
}

/** Why `e` may not follow the ledger as folded into `v`; null when it may. */
export function checkCorrectionAct(v: CorrectionView, e: CorrectionEvent, today: IsoDate): FieldError | null {
  if (!isIsoDate(e.on)) return fieldError('on', 'GK_DATE', '日期无效（YYYY-MM-DD）');
  if (e.on > today) return fieldError('on', 'GK_DATE_FUTURE', `日期${e.on}晚于今天，不能预先登记`);
  switch (e.act) {
    case 'received':
      return fieldError('act', 'GK_ALREADY_RECEIVED', '更正申请已经登记收到');
    case 'decided': {
      if (v.state === 'closed') return fieldError('state', 'GK_CASE_CLOSED', '这件更正申请已经办结');
      if (e.on < v.receivedDate) return fieldError('on', 'GK_DATE_BEFORE_RECEIPT', `日期${e.on}早于收到申请之日${v.receivedDate}`);
      for (const need of correctionDecisions[e.decision].needs) {
        if ((e.facts[need] ?? '').trim() === '') return fieldError(need, 'GK_REQUIRED', `请填写${correctionFactLabels[need]}`);
      }
      return null;
    }
    case 'deadlinesRecomputed':
      return null;
  }
}

/** A 更正 request as staff register it. */
export interface CorrectionForm {
  applicantType: string;
  name: string;
  phone: string;
  email: string;
  address: string;
  record: string;
  requestedChange: string;
  evidence: string;
  channel: string;
  receivedDate: string;
}

/** Every problem of the form at once, each naming its field; `today` bounds the date of receipt. */
export function checkCorrectionForm(f: CorrectionForm, ctx: { today: IsoDate; applicantTypes: readonly string[]; channels: readonly string[] }): FieldError[] {
  const errors: FieldError[] = [];
  const required = (field: keyof CorrectionForm, what: string) => {
    if (f[field].trim() === '') errors.push(fieldError(field, 'GK_REQUIRED', `请填写${what}`));
  };
  if (!ctx.applicantTypes.includes(f.applicantType)) errors.push(fieldError('applicantType', 'GK_APPLICANT_TYPE', '请选择申请人类型'));
  required('name', '申请人姓名或者名称');
  if (f.phone.trim() === '' && f.email.trim() === '' && f.address.trim() === '')
    errors.push(fieldError('phone', 'GK_CONTACT', '请至少填写一种联系方式（电话、电子邮箱或者通信地址），以便送达告知书'));
  required('record', '需要更正的政府信息记录');
  required('requestedChange', '要求更正的内容');
  // 条例 第四十一条: “有证据证明”.
  required('evidence', '申请人提供的证据');
  if (!ctx.channels.includes(f.channel)) errors.push(fieldError('channel', 'GK_CHANNEL', '请选择申请的提交方式'));
  if (!isIsoDate(f.receivedDate)) errors.push(fieldError('receivedDate', 'GK_DATE', '收到申请之日无效，请按YYYY-MM-DD填写'));
  else if (f.receivedDate > ctx.today) errors.push(fieldError('receivedDate', 'GK_DATE_FUTURE', `收到申请之日${f.receivedDate}晚于今天`));
  return errors;
}
