/**
 * A disclosure case as the ledger of its legal acts (spec §2.3). `foldCase` derives the
 * state, the reply clock and every pending period from the acts and a working-day
 * calendar; `checkAct` says whether an act may follow. Pure: the app layer reads the
 * ledger, asks, and appends.
 */
import type { ReceiptChannel } from '../../law/receipt-channels.ts';
import type { OutcomeCode } from '../../law/outcome-codes.ts';
import type { LetterKind, ReplyKind } from '../../law/letters.ts';
import type { DeliveryMethod } from '../../law/delivery.ts';
import { caseActs, clockStops, lettersOfAct, outcomesByActOnly, type CaseAct, type CaseState } from '../../law/request-workflow.ts';
import { timeLimits } from '../../law/time-limits.ts';
import type { FeeScheme } from '../../law/fees.ts';
import { addDays } from '../calendar/days.ts';
import { addWorkingDays, workingDaysBetween, type Deadline, type PausedRange } from '../calendar/deadline.ts';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import { isIsoDate, type IsoDate } from '../shared/dates.ts';
import { fieldError, type FieldError } from '../shared/result.ts';
import { anchorDay, checkDelivery, checkLetterDelivered, lettersIssued, reanchor, withDelivery, type Delivery, type LetterDelivery } from './delivery.ts';
import { checkCorrectionNotice, checkDisclosureDecision, disclosesOverObjection, type CorrectionNotice, type DefectRecord } from './procedure.ts';

export type { CorrectionNotice, DefectRecord } from './procedure.ts';
import {
  extensionProblem,
  signOffProblem,
  defaultSignOffPolicy,
  type DraftItem,
  type ExtensionProposal,
  type ReplyDraft,
  type SignOffPolicy,
} from './sign-off.ts';

export type Opinion = 'consents' | 'objects' | 'none';

/** One requested item's reply. */
export interface ItemReply {
  itemId: number;
  kind: ReplyKind;
  outcome: OutcomeCode;
}

/** Acts whose letters are delivered with them; the periods some of them start run from receipt. */
type WithDelivery = { delivery?: Delivery };

export type CaseEvent = (
  | { act: 'received'; on: IsoDate; channel: ReceiptChannel }
  | { act: 'assigned'; on: IsoDate; handlerId: number; handlerName: string }
  | CorrectionNotice
  | { act: 'correctionReceived'; on: IsoDate; note: string }
  | { act: 'correctionLapsed'; on: IsoDate }
  | { act: 'thirdPartyConsulted'; on: IsoDate; party: string }
  | { act: 'thirdPartyAnswered'; on: IsoDate; opinion: Opinion; note: string }
  | { act: 'agencyConsulted'; on: IsoDate; agency: string }
  | { act: 'agencyAnswered'; on: IsoDate; opinion: Opinion; note: string }
  | { act: 'reasonsRequested'; on: IsoDate; due: IsoDate }
  | { act: 'reasonsAssessed'; on: IsoDate; reasonable: boolean; delayedDue: IsoDate | null; note: string }
  | { act: 'extensionProposed'; on: IsoDate; workingDays: number; reason: string; proposer: string }
  | { act: 'extensionReturned'; on: IsoDate; reason: string; approver: string; approverId: number }
  // approverId: the leader who consented (absent in ledgers recorded before sign-off was enforced).
  | { act: 'extended'; on: IsoDate; workingDays: number; reason: string; approver: string; approverId?: number; proposalSeq?: number }
  | { act: 'feeNoticed'; on: IsoDate; scheme: FeeScheme; quantity: number; amountYuan: number }
  | { act: 'feePaid'; on: IsoDate; receiptNote: string }
  | { act: 'feeLapsed'; on: IsoDate }
  | { act: 'disclosureDecided'; on: IsoDate; party: string; content: string; reason: string }
  | { act: 'replyDrafted'; on: IsoDate; outcome: OutcomeCode; items: readonly DraftItem[]; drafter: string }
  | { act: 'replyReturned'; on: IsoDate; draftSeq: number; reason: string; approver: string; approverId: number }
  // approverId: the leader who signed it (签发); draftSeq: the draft it issues.
  | { act: 'replied'; on: IsoDate; outcome: OutcomeCode; items: readonly ItemReply[]; approver?: string; approverId?: number; draftSeq?: number }
  | { act: 'withdrawn'; on: IsoDate; reason: string }
  | { act: 'delivered'; on: IsoDate; method: string; proof: string }
  | { act: 'archived'; on: IsoDate }
  | { act: 'reopened'; on: IsoDate; appealId: number; reason: string }
  | { act: 'letterDelivered'; on: IsoDate; letterSeq: number; letter: LetterKind; method: DeliveryMethod; proof: string }
  | { act: 'deadlinesRecomputed'; on: IsoDate; before: IsoDate | null; after: IsoDate | null }
) &
  WithDelivery;

/** Acts that start a period counted from the receipt of their letter: they record its delivery. */
const anchoredActs: readonly CaseAct[] = ['correctionRequested', 'thirdPartyConsulted', 'agencyConsulted', 'feeNoticed'];

/** What each deadline a case watches is called: the reply's, and the periods others are given. */
export const deadlineLabels = {
  reply: '答复期限',
  correction: '申请人补正期限',
  thirdParty: '第三方提出意见期限',
  agency: '其他机关提出意见期限',
  fee: '缴纳信息处理费期限',
  reasons: '申请人说明理由期限',
} as const;

export type DeadlineKind = keyof typeof deadlineLabels;

/**
 * A period someone other than the agency is given (the applicant, a third party, …). A
 * period counted from the receipt of a letter (`anchor`: the act that sent it, its length)
 * has no due date (待送达) until the day of receipt is recorded, and cannot lapse before.
 */
export interface PendingPeriod {
  kind: Exclude<DeadlineKind, 'reply'>;
  label: string;
  since: IsoDate;
  due: IsoDate | null;
  anchor?: { seq: number; workingDays: number };
}

export interface CaseView {
  state: CaseState;
  receivedDate: IsoDate;
  channel: ReceiptChannel;
  handlerId: number | null;
  /** The day the reply clock runs from: receipt, the corrected application, or a reopening. */
  clockStart: IsoDate;
  /** Stops of the reply clock since it last started; an open stop is projected to its own due date. */
  stops: readonly (PausedRange & { label: string; open: boolean })[];
  extensionDays: number;
  /** 条例 第三十五条: a later deadline agreed after the applicant gave reasonable grounds. */
  delayedDue: IsoDate | null;
  /** The Art. 33 reply deadline; null while the clock waits for a corrected application. */
  replyDue: Deadline | null;
  /** The Art. 30 day by which a correction notice must be sent. */
  correctionNoticeDue: Deadline;
  correction: { requestedOn: IsoDate; due: IsoDate | null; workingDays: number | null; items: string; receivedOn: IsoDate | null } | null;
  fee: { noticedOn: IsoDate; due: IsoDate | null; scheme: FeeScheme; quantity: number; amountYuan: number; paidOn: IsoDate | null } | null;
  pending: PendingPeriod | null;
  /** The first closure: the year and row table 三 counts the case in (a reopening does not move it). */
  closedDate: IsoDate | null;
  outcome: OutcomeCode | null;
  /** The latest reply or closure, which a reopened case gets anew. */
  lastClosedDate: IsoDate | null;
  lastOutcome: OutcomeCode | null;
  thirdPartyObjected: boolean;
  /** 条例 第三十二条: the decision to disclose despite the objection, told to the third party. */
  disclosureDecision: { on: IsoDate; party: string } | null;
  /** Every letter issued and its delivery (送达). */
  letters: readonly LetterDelivery[];
  defects: readonly DefectRecord[];
  /** A reply drafted and waiting for the head of the office to sign it, or return it. */
  draft: ReplyDraft | null;
  /** An extension asked for and waiting for the head's consent. */
  extensionProposal: ExtensionProposal | null;
  delivered: IsoDate | null;
  archived: IsoDate | null;
  reopenings: number;
}

const stopOf = (act: CaseAct) => (Object.hasOwn(clockStops, act) ? clockStops[act as keyof typeof clockStops] : null);

/** The ledger folded into the case as it stands. The first act must be `received`. */
export function foldCase(events: readonly CaseEvent[], calendar: WorkingCalendar): CaseView {
  const first = events[0];
  if (first?.act !== 'received') throw new RangeError('a case starts with its receipt');
  const limit = (days: number, from: IsoDate) => addWorkingDays(calendar, from, days).due;
  let v: CaseView = {
    state: 'inProgress',
    receivedDate: first.on,
    channel: first.channel,
    handlerId: null,
    clockStart: first.on,
    stops: [],
    extensionDays: 0,
    delayedDue: null,
    replyDue: null,
    correctionNoticeDue: addWorkingDays(calendar, first.on, timeLimits.correctionNotice.workingDays),
    correction: null,
    fee: null,
    pending: null,
    closedDate: null,
    outcome: null,
    lastClosedDate: null,
    lastOutcome: null,
    thirdPartyObjected: false,
    disclosureDecision: null,
    letters: lettersIssued('received', 1, first.on, undefined, first.channel),
    defects: [],
    draft: null,
    extensionProposal: null,
    delivered: null,
    archived: null,
    reopenings: 0,
  };
  const close = (on: IsoDate, outcome: OutcomeCode) => {
    v = {
      ...v,
      state: 'closed',
      pending: null,
      draft: null,
      extensionProposal: null,
      lastClosedDate: on,
      lastOutcome: outcome,
      ...(v.closedDate === null ? { closedDate: on, outcome } : {}),
    };
  };
  const endStop = (end: IsoDate) => {
    v = {
      ...v,
      stops: v.stops.map((s) => (s.open ? { ...s, to: end < s.from ? addDays(s.from, -1) : end, open: false } : s)).filter((s) => s.to >= s.from),
      pending: null,
      state: 'inProgress',
    };
  };
  /** A period of `days` working days from the receipt of act `seq`'s letter, or null while 待送达. */
  const fromReceipt = (seq: number, days: number) => {
    const day = anchorDay(v.letters, seq);
    return day ? limit(days, day) : null;
  };
  for (const [i, e] of events.entries()) {
    if (i === 0) continue;
    const seq = i + 1;
    v = { ...v, letters: [...v.letters, ...lettersIssued(e.act, seq, e.on, e.delivery, v.channel)] };
    switch (e.act) {
      case 'received':
        throw new RangeError('a case is received once');
      case 'assigned':
        v = { ...v, handlerId: e.handlerId };
        break;
      case 'correctionRequested': {
        const days = e.workingDays ?? null;
        const due = days === null ? (e.due ?? null) : fromReceipt(seq, days);
        const late = e.on > v.correctionNoticeDue.due ? [{ kind: 'lateCorrectionNotice' as const, on: e.on, reason: e.lateReason ?? '' }] : [];
        v = {
          ...v,
          state: 'awaitingCorrection',
          correction: { requestedOn: e.on, due, workingDays: days, items: e.items, receivedOn: null },
          pending: { kind: 'correction', label: deadlineLabels.correction, since: e.on, due, ...(days === null ? {} : { anchor: { seq, workingDays: days } }) },
          defects: [...v.defects, ...late],
        };
        break;
      }
      case 'correctionReceived':
        // 条例 第三十条: the reply period runs afresh from the corrected application.
        v = { ...v, state: 'inProgress', pending: null, clockStart: e.on, stops: [], correction: v.correction && { ...v.correction, receivedOn: e.on } };
        break;
      case 'thirdPartyConsulted':
      case 'agencyConsulted': {
        const days = timeLimits[e.act === 'thirdPartyConsulted' ? 'thirdPartyOpinion' : 'otherAgencyOpinion'].workingDays;
        const due = fromReceipt(seq, days);
        const label = stopOf(e.act)!.label;
        const kind = e.act === 'thirdPartyConsulted' ? 'thirdParty' : 'agency';
        v = {
          ...v,
          state: 'consulting',
          // Until the day of receipt is known the stop is projected from the day of sending (its shortest).
          stops: [...v.stops, { from: addDays(e.on, 1), to: due ?? limit(days, e.on), label, open: true }],
          pending: { kind, label: deadlineLabels[kind], since: e.on, due, anchor: { seq, workingDays: days } },
        };
        break;
      }
      case 'thirdPartyAnswered':
      case 'agencyAnswered': {
        // No answer: the stop lasts the whole period the 条例 gives, not until staff noticed.
        const end = e.opinion === 'none' && v.pending?.due ? (v.pending.due < e.on ? v.pending.due : e.on) : e.on;
        endStop(end);
        if (e.act === 'thirdPartyAnswered' && e.opinion === 'objects') v = { ...v, thirdPartyObjected: true };
        break;
      }
      case 'reasonsRequested':
        v = { ...v, pending: { kind: 'reasons', label: deadlineLabels.reasons, since: e.on, due: e.due } };
        break;
      case 'reasonsAssessed':
        v = { ...v, pending: null, delayedDue: e.reasonable ? e.delayedDue : v.delayedDue };
        break;
      case 'extensionProposed':
        v = { ...v, extensionProposal: { seq, on: e.on, workingDays: e.workingDays, reason: e.reason, proposer: e.proposer } };
        break;
      case 'extensionReturned':
        v = { ...v, extensionProposal: null };
        break;
      case 'extended':
        v = { ...v, extensionDays: v.extensionDays + e.workingDays, extensionProposal: null };
        break;
      case 'replyDrafted':
        v = { ...v, draft: { seq, on: e.on, outcome: e.outcome, items: e.items, drafter: e.drafter } };
        break;
      case 'replyReturned':
        v = { ...v, draft: null };
        break;
      case 'feeNoticed': {
        // 国办函〔2020〕109号: 自收到收费通知的次日起20个工作日 — counting from the day after receipt.
        const days = timeLimits.feePayment.workingDays;
        const due = fromReceipt(seq, days);
        v = {
          ...v,
          state: 'awaitingPayment',
          fee: { noticedOn: e.on, due, scheme: e.scheme, quantity: e.quantity, amountYuan: e.amountYuan, paidOn: null },
          stops: [...v.stops, { from: addDays(e.on, 1), to: due ?? limit(days, e.on), label: clockStops.feeNoticed.label, open: true }],
          pending: { kind: 'fee', label: deadlineLabels.fee, since: e.on, due, anchor: { seq, workingDays: days } },
        };
        break;
      }
      case 'letterDelivered':
        v = { ...v, letters: withDelivery(v.letters, e.letterSeq, e.letter, { method: e.method, receivedOn: e.on, note: e.proof }) };
        v = reanchor(v, e.letterSeq, fromReceipt);
        if (e.letter === 'reply' && v.state === 'closed' && v.delivered === null) v = { ...v, delivered: e.on };
        break;
      case 'disclosureDecided':
        v = { ...v, disclosureDecision: { on: e.on, party: e.party } };
        break;
      case 'feePaid':
        endStop(e.on);
        v = { ...v, fee: v.fee && { ...v.fee, paidOn: e.on } };
        break;
      case 'correctionLapsed':
      case 'feeLapsed':
      case 'withdrawn':
        close(e.on, caseActs[e.act].closesAs);
        break;
      case 'replied':
        close(e.on, e.outcome);
        break;
      case 'delivered': {
        // The 送达 of the reply: its letter is received that day.
        const reply = v.letters.findLast((l) => l.letter === 'reply');
        v = {
          ...v,
          delivered: e.on,
          letters: reply
            ? withDelivery(v.letters, reply.seq, 'reply', { method: null, receivedOn: e.on, note: [e.method, e.proof].filter(Boolean).join('；') })
            : v.letters,
        };
        break;
      }
      case 'archived':
        v = { ...v, archived: e.on };
        break;
      case 'reopened':
        // A 纠正 decision: a new reply within the statutory period, from the day it is reopened.
        v = {
          ...v,
          state: 'inProgress',
          clockStart: e.on,
          stops: [],
          extensionDays: 0,
          delayedDue: null,
          pending: null,
          draft: null,
          extensionProposal: null,
          delivered: null,
          archived: null,
          reopenings: v.reopenings + 1,
        };
        break;
      case 'deadlinesRecomputed':
        break;
    }
  }
  const runs = v.state !== 'closed' && v.state !== 'awaitingCorrection';
  const replyDue = runs ? addWorkingDays(calendar, v.clockStart, timeLimits.reply.workingDays + v.extensionDays, v.stops) : null;
  if (replyDue && v.delayedDue && v.delayedDue > replyDue.due) return { ...v, replyDue: { ...replyDue, due: v.delayedDue } };
  return { ...v, replyDue };
}

/** The deadline a handler must watch next, with working days left (negative when passed). */
export function nextDeadline(
  v: CaseView,
  today: IsoDate,
  calendar: WorkingCalendar,
): { label: string; due: IsoDate | null; left: number | null; provisional: boolean; applicants: boolean } | null {
  if (v.state === 'closed') return null;
  const watch =
    v.pending && (v.pending.kind !== 'reasons' || !v.replyDue)
      ? { label: v.pending.label, due: v.pending.due, applicants: true }
      : v.replyDue
        ? { label: deadlineLabels.reply, due: v.replyDue.due, applicants: false }
        : null;
  if (!watch) return null;
  // 待送达: the period has not started, so it has no due date and nothing is left or passed.
  if (watch.due === null) return { ...watch, left: null, provisional: false };
  const between = workingDaysBetween(calendar, today, watch.due);
  return { ...watch, left: between.workingDays, provisional: between.provisional || (v.replyDue?.provisional ?? false) };
}

/** Facts about the case the checks need beyond its own ledger. */
export interface ActContext {
  today: IsoDate;
  /** Whether an appeal on this case was decided 纠正 (a reopening needs one). */
  correctedByAppeal: boolean;
  /** The agency's sign-off policy (予以公开 too, or not); the default when absent. */
  signOff?: SignOffPolicy;
}

const err = (field: string, code: string, message: string): FieldError => fieldError(field, code, message);

/** Why `e` may not follow the ledger as folded into `v`; null when it may. The act's own rules speak before its letter's delivery. */
export function checkAct(v: CaseView, e: CaseEvent, ctx: ActContext): FieldError | null {
  const own = checkOwnRules(v, e, ctx);
  if (own || e.act === 'received' || e.act === 'replied' || !lettersOfAct(e.act).length) return own;
  return checkDelivery(e.delivery, e.on, ctx.today, anchoredActs.includes(e.act));
}

function checkOwnRules(v: CaseView, e: CaseEvent, ctx: ActContext): FieldError | null {
  if (!isIsoDate(e.on)) return err('on', 'GK_DATE', '日期无效（YYYY-MM-DD）');
  if (e.on > ctx.today) return err('on', 'GK_DATE_FUTURE', `日期${e.on}晚于今天，不能预先登记`);
  if (e.act !== 'deadlinesRecomputed' && e.on < v.receivedDate) return err('on', 'GK_DATE_BEFORE_RECEIPT', `日期${e.on}早于收到申请之日${v.receivedDate}`);
  const open = v.state !== 'closed';
  const label = caseActs[e.act].label;
  const need = (ok: boolean, code: string, message: string, field = 'state') => (ok ? null : err(field, code, message));
  switch (e.act) {
    case 'received':
      return err('act', 'GK_ALREADY_RECEIVED', '申请已经登记收到');
    case 'assigned':
      return need(open, 'GK_CASE_CLOSED', '已办结的申请不能再指定承办人');
    case 'correctionRequested':
      if (v.correction) return err('act', 'GK_CORRECTION_ONCE', '条例第三十条规定补正应一次性告知，本申请已经告知过补正');
      if (v.state !== 'inProgress' || v.reopenings > 0) return err('state', 'GK_NOT_IN_PROGRESS', '只有办理中的申请可以告知补正');
      if (v.stops.length || v.fee || v.extensionDays) return err('act', 'GK_CORRECTION_TOO_LATE', '已征求意见、延期或收费的申请不能再告知补正');
      return checkCorrectionNotice(v, e);
    case 'correctionReceived':
      if (v.state !== 'awaitingCorrection' || !v.correction) return err('state', 'GK_NOT_AWAITING_CORRECTION', '本申请没有在等待补正');
      return need(e.on >= v.correction.requestedOn, 'GK_DATE_ORDER', '收到补正之日不能早于告知补正之日', 'on');
    case 'correctionLapsed':
      if (v.state !== 'awaitingCorrection' || !v.correction) return err('state', 'GK_NOT_AWAITING_CORRECTION', '本申请没有在等待补正');
      if (v.correction.due === null) return err('on', 'GK_AWAITING_DELIVERY', '补正告知书尚未登记送达（待送达），补正期限尚未起算，不能按逾期未补正处理');
      return need(e.on > v.correction.due, 'GK_PERIOD_NOT_OVER', `补正期限${v.correction.due}尚未届满`, 'on');
    case 'thirdPartyConsulted':
    case 'agencyConsulted':
      if (v.state !== 'inProgress') return err('state', 'GK_NOT_IN_PROGRESS', `只有办理中的申请可以${label}`);
      if (e.act === 'thirdPartyConsulted' && e.party.trim() === '') return err('party', 'GK_PARTY_REQUIRED', '请填写第三方名称');
      if (e.act === 'agencyConsulted' && e.agency.trim() === '') return err('agency', 'GK_AGENCY_REQUIRED', '请填写被征求意见的机关');
      return need(!v.replyDue || e.on <= v.replyDue.due, 'GK_REPLY_OVERDUE', `答复期限${v.replyDue?.due ?? ''}已过，不能再暂停计算`, 'on');
    case 'thirdPartyAnswered':
    case 'agencyAnswered': {
      const kind = e.act === 'thirdPartyAnswered' ? 'thirdParty' : 'agency';
      if (v.state !== 'consulting' || v.pending?.kind !== kind)
        return err('state', 'GK_NOT_CONSULTING', e.act === 'thirdPartyAnswered' ? '本申请没有在征求第三方意见' : '本申请没有在征求其他机关意见');
      if (e.on < v.pending.since) return err('on', 'GK_DATE_ORDER', '答复之日不能早于发函之日');
      if (e.opinion === 'none' && v.pending.due === null)
        return err('opinion', 'GK_AWAITING_DELIVERY', '征求意见函尚未登记送达（待送达），提出意见的期限尚未起算');
      return need(e.opinion !== 'none' || e.on > v.pending.due!, 'GK_PERIOD_NOT_OVER', `提出意见的期限${v.pending.due}尚未届满`, 'opinion');
    }
    case 'reasonsRequested':
      if (v.state !== 'inProgress' || v.pending) return err('state', 'GK_NOT_IN_PROGRESS', '只有办理中的申请可以要求说明理由');
      return need(isIsoDate(e.due) && e.due > e.on, 'GK_REASONS_DUE', '说明理由的期限须晚于通知之日', 'due');
    case 'reasonsAssessed':
      if (v.pending?.kind !== 'reasons') return err('state', 'GK_NOT_AWAITING_REASONS', '本申请没有在等待申请人说明理由');
      if (e.reasonable && e.delayedDue !== null && (!isIsoDate(e.delayedDue) || (v.replyDue && e.delayedDue <= v.replyDue.due))) {
        return err('delayedDue', 'GK_DELAYED_DUE', '延迟答复的期限须晚于现在的答复期限');
      }
      return null;
    case 'extensionProposed':
    case 'extensionReturned':
    case 'replyReturned':
      return signOffProblem(v, e, ctx.signOff ?? defaultSignOffPolicy);
    case 'extended':
      return extensionProblem(v, e.on, e.workingDays, e.reason) ?? signOffProblem(v, e, ctx.signOff ?? defaultSignOffPolicy);
    case 'feeNoticed':
      if (v.state !== 'inProgress') return err('state', 'GK_NOT_IN_PROGRESS', '只有办理中的申请可以发出收费通知');
      if (v.fee) return err('act', 'GK_FEE_ONCE', '本申请已经发出过收费通知；一件申请只能选择一种计收方式收费一次');
      if (!(e.amountYuan > 0)) return err('quantity', 'GK_FEE_ZERO', '按所填数量计算不收费，无需发出收费通知');
      return need(!v.replyDue || e.on <= v.replyDue.due, 'GK_REPLY_OVERDUE', '收费通知应在答复期限内发出', 'on');
    case 'feePaid':
      if (v.state !== 'awaitingPayment' || !v.fee) return err('state', 'GK_NOT_AWAITING_PAYMENT', '本申请没有待缴的费用');
      if (e.on < v.fee.noticedOn) return err('on', 'GK_DATE_ORDER', '缴费之日不能早于收费通知之日');
      return need(v.fee.due === null || e.on <= v.fee.due, 'GK_FEE_LATE', `缴费期限${v.fee.due}已过，应按逾期未缴费处理`, 'on');
    case 'feeLapsed':
      if (v.state !== 'awaitingPayment' || !v.fee) return err('state', 'GK_NOT_AWAITING_PAYMENT', '本申请没有待缴的费用');
      if (v.fee.due === null) return err('on', 'GK_AWAITING_DELIVERY', '收费通知尚未登记送达（待送达），缴费期限尚未起算，不能按逾期未缴费处理');
      return need(e.on > v.fee.due, 'GK_PERIOD_NOT_OVER', `缴费期限${v.fee.due}尚未届满`, 'on');
    case 'replied':
    case 'replyDrafted': {
      if (v.state !== 'inProgress') {
        const why = {
          awaitingCorrection: '申请人尚未补正',
          consulting: '征求意见尚未结束，请先登记对方意见',
          awaitingPayment: '信息处理费尚未缴纳',
          closed: '申请已经办结',
        } as const;
        return err('state', 'GK_NOT_IN_PROGRESS', `不能答复：${why[v.state]}`);
      }
      if (e.on < v.clockStart) return err('on', 'GK_DATE_ORDER', `答复之日不能早于${v.clockStart}`);
      if (outcomesByActOnly.includes(e.outcome)) return err('outcome', 'GK_OUTCOME_BY_ACT', '逾期未补正、逾期未缴费由相应的终止处理办结，不能作为答复选择');
      if (e.items.length === 0) return err('items', 'GK_REPLY_ITEMS', '请对每一项申请内容作出答复');
      if (e.outcome === 'unableToProvide.unclearAfterCorrection' && !v.correction?.receivedOn) {
        return err('items', 'GK_NO_CORRECTION', '“补正后申请内容仍不明确”须先告知补正并收到补正');
      }
      if (v.thirdPartyObjected && disclosesOverObjection(e.items) && !(v.disclosureDecision && v.disclosureDecision.on < e.on)) {
        return err(
          'objection',
          'GK_THIRD_PARTY_OBJECTED',
          v.disclosureDecision
            ? `决定公开告知书的日期（${v.disclosureDecision.on}）应早于答复之日`
            : '第三方不同意公开（条例第三十二条）：予以公开须先登记“决定公开并书面告知第三方”，写明不公开可能对公共利益造成重大影响的理由，告知书日期应早于答复之日',
        );
      }
      return signOffProblem(v, e, ctx.signOff ?? defaultSignOffPolicy);
    }
    case 'disclosureDecided':
      return checkDisclosureDecision(v, e);
    case 'letterDelivered':
      return checkLetterDelivered(v.letters, e, ctx.today);
    case 'withdrawn':
      if (!open) return err('state', 'GK_CASE_CLOSED', '申请已经办结，不能撤回');
      return need(e.reason.trim() !== '', 'GK_REASON_REQUIRED', '请填写撤回的方式和说明（如申请人书面撤回）', 'reason');
    case 'delivered':
      if (v.state !== 'closed' || !v.lastClosedDate) return err('state', 'GK_NOT_CLOSED', '办结后才能登记送达');
      if (v.delivered) return err('act', 'GK_DELIVERED', '已经登记送达');
      if (e.on < v.lastClosedDate) return err('on', 'GK_DATE_ORDER', '送达之日不能早于答复之日');
      return need(e.method.trim() !== '', 'GK_METHOD_REQUIRED', '请填写送达方式', 'method');
    case 'archived':
      if (v.state !== 'closed') return err('state', 'GK_NOT_CLOSED', '办结后才能归档');
      if (v.archived) return err('act', 'GK_ARCHIVED', '已经归档');
      return need(v.delivered !== null || v.lastOutcome === 'otherDisposal.other', 'GK_NOT_DELIVERED', '请先登记送达，再归档');
    case 'reopened':
      if (v.state !== 'closed') return err('state', 'GK_NOT_CLOSED', '只有已办结的申请可以重新办理');
      if (!ctx.correctedByAppeal) return err('appeal', 'GK_NO_CORRECTION_DECISION', '只有行政复议或诉讼结果为纠正的申请才重新办理');
      return need(e.reason.trim() !== '', 'GK_REASON_REQUIRED', '请填写纠正决定的内容', 'reason');
    case 'deadlinesRecomputed':
      return null;
  }
}
