/**
 * Checks of 条例 第三十条 (the 补正 notice) and 第三十二条 (disclosure over a third party's
 * objection) that the case's checkAct applies. Pure.
 */
import { outcomeCodes } from '../../law/outcome-codes.ts';
import { correctionPeriod, type ProcedureDefect } from '../../law/request-workflow.ts';
import { timeLimits } from '../../law/time-limits.ts';
import type { OutcomeCode } from '../../law/outcome-codes.ts';
import type { IsoDate } from '../shared/dates.ts';
import { fieldError, type FieldError } from '../shared/result.ts';
import type { CaseView } from './case.ts';

/**
 * A 补正 notice: the period in working days from the day the applicant receives it (the
 * county's default then, and the reason when the case differs), and the reason a notice later
 * than 7 working days after receipt was sent. Notices recorded before periods were counted
 * from receipt carry a fixed `due` instead.
 */
export interface CorrectionNotice {
  act: 'correctionRequested';
  on: IsoDate;
  items: string;
  workingDays?: number;
  defaultWorkingDays?: number;
  periodReason?: string;
  lateReason?: string;
  due?: IsoDate;
}

/** A procedural defect (程序瑕疵) the ledger shows, with the reason recorded for it. */
export interface DefectRecord {
  kind: ProcedureDefect;
  on: IsoDate;
  reason: string;
}

const blank = (s: string | undefined) => (s ?? '').trim() === '';

/**
 * A 补正 notice: never after the reply deadline (it would restart a clock already run out);
 * after the 7 working days of 第三十条 only with the reason recorded (a 程序瑕疵); a period of
 * 5 to 20 working days, the county's default unless a reason is given.
 */
export function checkCorrectionNotice(v: CaseView, e: CorrectionNotice): FieldError | null {
  if (v.replyDue && e.on > v.replyDue.due) {
    return fieldError('on', 'GK_REPLY_OVERDUE', `答复期限${v.replyDue.due}已过，不能再告知补正（条例第三十条）`);
  }
  if (e.on > v.correctionNoticeDue.due && blank(e.lateReason)) {
    return fieldError(
      'lateReason',
      'GK_CORRECTION_LATE',
      `条例第三十条要求自收到申请之日起${timeLimits.correctionNotice.workingDays}个工作日内（${v.correctionNoticeDue.due}前）告知补正；逾期告知的须写明原因，本申请将标记为程序瑕疵`,
    );
  }
  const days = e.workingDays;
  const { minWorkingDays: min, maxWorkingDays: max } = correctionPeriod;
  if (days === undefined || !Number.isInteger(days) || days < min || days > max) {
    return fieldError('workingDays', 'GK_CORRECTION_PERIOD', `补正期限应为${min}至${max}个工作日，自申请人收到补正告知书之日起计算`);
  }
  if (e.defaultWorkingDays !== undefined && days !== e.defaultWorkingDays && blank(e.periodReason)) {
    return fieldError('periodReason', 'GK_CORRECTION_PERIOD_REASON', `本县规定的补正期限为${e.defaultWorkingDays}个工作日，本申请另定期限的，请写明理由`);
  }
  if (blank(e.items)) return fieldError('items', 'GK_CORRECTION_ITEMS', '请写明需要补正的事项');
  return null;
}

/** 条例 第三十二条: after an objection, a decision to disclose states its public-interest reason and what is disclosed. */
export function checkDisclosureDecision(v: CaseView, e: { on: IsoDate; party: string; content: string; reason: string }): FieldError | null {
  if (!v.thirdPartyObjected) return fieldError('state', 'GK_NO_OBJECTION', '第三方没有不同意公开，无需作出决定公开告知书');
  if (v.state !== 'inProgress') return fieldError('state', 'GK_NOT_IN_PROGRESS', '只有办理中的申请可以决定公开');
  if (v.disclosureDecision) return fieldError('act', 'GK_DISCLOSURE_DECIDED', `已于${v.disclosureDecision.on}作出决定公开告知书`);
  if (blank(e.party)) return fieldError('party', 'GK_PARTY_REQUIRED', '请填写第三方名称');
  if (blank(e.content)) return fieldError('content', 'GK_DISCLOSED_CONTENT', '请写明决定公开的政府信息内容');
  if (blank(e.reason)) return fieldError('reason', 'GK_PUBLIC_INTEREST', '请写明不公开可能对公共利益造成重大影响的理由（条例第三十二条）');
  return null;
}

const disclosing = (o: OutcomeCode) => o === 'granted' || o === 'partiallyGranted';

/**
 * Whether a reply discloses over an objection: it discloses something and withholds nothing on
 * the third party's behalf (no 保护第三方合法权益 item, no 部分公开 withholding a part).
 * A reply that withholds a part is read as withholding what the third party objected to.
 */
export function disclosesOverObjection(items: readonly { outcome: OutcomeCode }[]): boolean {
  const withholdsForThirdParty = items.some((i) => i.outcome === 'withheld.thirdPartyRights' || i.outcome === 'partiallyGranted');
  return items.some((i) => disclosing(i.outcome) && outcomeCodes[i.outcome] !== undefined) && !withholdsForThirdParty;
}
