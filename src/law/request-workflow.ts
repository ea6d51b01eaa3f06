/**
 * How a disclosure application (依申请公开) is handled (条例 第二十七条至第四十五条; spec
 * §2.3–2.4, §3): the states a case can be in, the legal acts that move it, and how each
 * act bears on the reply clock. The case itself is the ledger of these acts; its state,
 * deadlines and report row are derived from it (src/domain/requests/case.ts).
 */
import type { LetterKind } from './letters.ts';
import type { OutcomeCode } from './outcome-codes.ts';
import type { TimeLimitKey } from './time-limits.ts';

export const caseStates = {
  inProgress: { label: '办理中', open: true },
  awaitingCorrection: { label: '待申请人补正', open: true },
  consulting: { label: '征求意见中（暂停计算）', open: true },
  awaitingPayment: { label: '待缴纳信息处理费（暂停计算）', open: true },
  closed: { label: '已办结', open: false },
} as const satisfies Record<string, { label: string; open: boolean }>;

export type CaseState = keyof typeof caseStates;

interface ActSpec {
  label: string;
  basis: string;
  /** The outcome the act closes the case with, when it closes it by itself. */
  closesAs?: OutcomeCode;
  /** The statutory period the act starts (the applicant's, a third party's, …). */
  starts?: TimeLimitKey;
  /** The letters the act issues, each delivered (送达) and received on a day of its own. */
  issues?: readonly LetterKind[];
}

/**
 * The acts of a case, in the words of the 条例. Each is recorded with the day it took
 * legal effect (`on`), which may be earlier than the day it was entered.
 */
export const caseActs = {
  received: { label: '收到申请', basis: '条例第三十一条', starts: 'reply', issues: ['receipt'] },
  assigned: { label: '指定承办人', basis: '条例第四十五条' },
  correctionRequested: { label: '一次性告知补正', basis: '条例第三十条', issues: ['correctionNotice'] },
  correctionReceived: { label: '收到补正后的申请', basis: '条例第三十条', starts: 'reply' },
  correctionLapsed: { label: '逾期未补正，视为放弃申请', basis: '条例第三十条', closesAs: 'otherDisposal.noCorrection', issues: ['correctionLapsedNotice'] },
  thirdPartyConsulted: { label: '书面征求第三方意见', basis: '条例第三十二条', starts: 'thirdPartyOpinion', issues: ['thirdPartyConsultation'] },
  thirdPartyAnswered: { label: '第三方意见', basis: '条例第三十二条' },
  agencyConsulted: { label: '征求其他机关意见', basis: '条例第三十四条', starts: 'otherAgencyOpinion', issues: ['agencyConsultation'] },
  agencyAnswered: { label: '其他机关意见', basis: '条例第三十四条' },
  reasonsRequested: { label: '要求申请人说明理由', basis: '条例第三十五条', issues: ['reasonsRequest'] },
  reasonsAssessed: { label: '审核申请人说明的理由', basis: '条例第三十五条' },
  extensionProposed: { label: '提请延长答复期限', basis: '条例第三十三条第二款' },
  extensionReturned: { label: '负责人退回延期申请', basis: '条例第三十三条第二款' },
  extended: { label: '延长答复期限', basis: '条例第三十三条第二款', issues: ['extensionNotice'] },
  feeNoticed: { label: '发出收费通知', basis: '国办函〔2020〕109号', starts: 'feePayment', issues: ['feeNotice'] },
  feePaid: { label: '申请人缴纳信息处理费', basis: '国办函〔2020〕109号' },
  feeLapsed: { label: '逾期未缴费，视为放弃申请', basis: '国办函〔2020〕109号', closesAs: 'otherDisposal.unpaidFee', issues: ['feeLapsedNotice'] },
  disclosureDecided: { label: '决定公开并书面告知第三方', basis: '条例第三十二条', issues: ['disclosureDecisionNotice'] },
  replyDrafted: { label: '拟定答复，提交负责人签发', basis: '依申请公开审核签发制度' },
  replyReturned: { label: '负责人退回答复草稿', basis: '依申请公开审核签发制度' },
  replied: { label: '作出答复', basis: '条例第三十六条', issues: ['reply'] },
  withdrawn: { label: '申请人撤回申请', basis: '实践做法', closesAs: 'otherDisposal.other' },
  delivered: { label: '送达', basis: '条例第四十条' },
  letterDelivered: { label: '登记文书送达', basis: '条例第三十条、第三十二条，国办函〔2020〕109号' },
  archived: { label: '归档', basis: '条例第四十五条' },
  reopened: { label: '复议或诉讼决定纠正，重新答复', basis: '条例第五十一条' },
  deadlinesRecomputed: { label: '工作日历调整，重新计算期限', basis: '条例第三十三条' },
} as const satisfies Record<string, ActSpec>;

export type CaseAct = keyof typeof caseActs;

/** The letters an act issues. */
export function lettersOfAct(act: CaseAct): readonly LetterKind[] {
  const spec: ActSpec = caseActs[act];
  return spec.issues ?? [];
}

export function isCaseAct(value: string): value is CaseAct {
  return Object.hasOwn(caseActs, value);
}

/**
 * How consultation and fee periods stop the reply clock. 条例 第三十三条第三款: time spent
 * consulting third parties or other agencies is not counted. The day a letter is sent is
 * still the agency's own (its period began the day before); the stop runs from the next
 * day through the day the answer arrives, after which the clock runs again (the answer's
 * day is not counted, as the start day of any period is not: 《民法典》第二百零一条). The
 * fee period stops the clock the same way (spec §3: the measure's reading, to be confirmed
 * locally), from the day after the notice until the day of payment.
 */
export const clockStops = {
  thirdPartyConsulted: { until: 'thirdPartyAnswered', label: '征求第三方意见（不计入答复期限）' },
  agencyConsulted: { until: 'agencyAnswered', label: '征求其他机关意见（不计入答复期限）' },
  feeNoticed: { until: 'feePaid', label: '等待缴纳信息处理费（不计入答复期限）' },
} as const satisfies Partial<Record<CaseAct, { until: CaseAct; label: string }>>;

/**
 * 条例 第三十条: the applicant is told “一次” and given a reasonable period, counted from the day
 * the notice is received. Each county sets its default within these bounds (src/app/requests/
 * settings.ts); a case may differ from it, within them, with a recorded reason.
 */
export const correctionPeriod = { defaultWorkingDays: 10, minWorkingDays: 5, maxWorkingDays: 20 } as const;

/** Procedural defects (程序瑕疵) an act may carry, shown on the case and the county's supervision page. */
export const procedureDefects = {
  lateCorrectionNotice: { label: '逾期告知补正', basis: '条例第三十条', explain: '补正告知书在收到申请之日起7个工作日后才发出' },
} as const satisfies Record<string, { label: string; basis: string; explain: string }>;

export type ProcedureDefect = keyof typeof procedureDefects;

/** Deadlines on the dashboard turn amber this many working days before they fall due. */
export const dueSoonWorkingDays = 3;

/**
 * Outcomes an agency cannot choose as its reply: they close a case by an act of their own
 * (lapse of the correction or fee period, withdrawal), never by a reply letter.
 */
export const outcomesByActOnly: readonly OutcomeCode[] = ['otherDisposal.noCorrection', 'otherDisposal.unpaidFee'];
