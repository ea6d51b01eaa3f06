/**
 * Sign-off on a disclosure case (src/law/sign-off.ts): a handler proposes an extension or
 * drafts a reply; the head of the disclosure office approves (the extension takes effect,
 * the reply is issued) or returns it with a reason. Pure: the folded case and the act in,
 * the refusal out.
 */
import type { OutcomeCode } from '../../law/outcome-codes.ts';
import type { ReplyKind } from '../../law/letters.ts';
import { signOffRules } from '../../law/sign-off.ts';
import { timeLimits } from '../../law/time-limits.ts';
import type { IsoDate } from '../shared/dates.ts';
import { fieldError, type FieldError } from '../shared/result.ts';
import type { CaseEvent, CaseView } from './case.ts';

/** An agency's choice: whether its 予以公开 replies need the sign-off too. */
export interface SignOffPolicy {
  grants: boolean;
}

export const defaultSignOffPolicy: SignOffPolicy = { grants: false };

/** One item of a drafted reply, with the facts its letter will say. */
export interface DraftItem {
  itemId: number;
  kind: ReplyKind;
  outcome: OutcomeCode;
  values: Readonly<Record<string, string>>;
}

export interface ReplyDraft {
  seq: number;
  on: IsoDate;
  outcome: OutcomeCode;
  items: readonly DraftItem[];
  drafter: string;
}

export interface ExtensionProposal {
  seq: number;
  on: IsoDate;
  workingDays: number;
  reason: string;
  proposer: string;
}

/** Whether a reply dated `on` with these outcomes must be signed off before it is issued. */
export function replyNeedsSignOff(on: IsoDate, outcomes: readonly OutcomeCode[], policy: SignOffPolicy): boolean {
  if (on < signOffRules.reply.from) return false;
  return policy.grants || outcomes.some((o) => !signOffRules.reply.exempt.includes(o));
}

/** Whether an extension dated `on` needs the head's consent (always, since the 2019 条例). */
export const extensionNeedsSignOff = (on: IsoDate): boolean => on >= signOffRules.extension.from;

const err = fieldError;

/** Why an extension of `workingDays` dated `on` cannot be asked for or granted now; null when it can. */
export function extensionProblem(v: CaseView, on: IsoDate, workingDays: number, reason: string): FieldError | null {
  if (v.state !== 'inProgress' && v.state !== 'consulting') return err('state', 'GK_NOT_IN_PROGRESS', '只有办理中的申请可以延期');
  if (v.extensionDays > 0) return err('act', 'GK_EXTENDED_ONCE', '本申请已经延期，延长的期限最长不得超过20个工作日');
  if (!Number.isInteger(workingDays) || workingDays < 1 || workingDays > timeLimits.extension.workingDays) {
    return err('workingDays', 'GK_EXTENSION_DAYS', `延长的期限为1至${timeLimits.extension.workingDays}个工作日（条例第三十三条）`);
  }
  if (v.replyDue && on > v.replyDue.due) return err('on', 'GK_REPLY_OVERDUE', `答复期限${v.replyDue.due}已过，不能再延期`);
  return reason.trim() === '' ? err('reason', 'GK_REASON_REQUIRED', '请填写延期理由') : null;
}

/** The sign-off conditions of `e`, beyond what checkAct asks of the act itself; null when met. */
export function signOffProblem(v: CaseView, e: CaseEvent, policy: SignOffPolicy): FieldError | null {
  switch (e.act) {
    case 'extensionProposed':
      if (v.extensionProposal) return err('act', 'GK_PROPOSAL_PENDING', '已经提请延期，正在等待负责人审批');
      return extensionProblem(v, e.on, e.workingDays, e.reason);
    case 'extensionReturned':
      if (!v.extensionProposal) return err('state', 'GK_NO_PROPOSAL', '没有待审批的延期申请');
      if (e.on < v.extensionProposal.on) return err('on', 'GK_DATE_ORDER', '退回之日不能早于提请延期之日');
      return e.reason.trim() === '' ? err('reason', 'GK_REASON_REQUIRED', '请填写退回的理由') : null;
    case 'extended':
      if (extensionNeedsSignOff(e.on) && !e.approverId)
        return err('approver', 'GK_SIGN_OFF_REQUIRED', `${signOffRules.extension.label}（${signOffRules.extension.basis}）：请提请负责人审批`);
      if (v.extensionProposal && e.on < v.extensionProposal.on) return err('on', 'GK_DATE_ORDER', '批准之日不能早于提请延期之日');
      return null;
    case 'replyDrafted':
      return v.draft ? err('act', 'GK_DRAFT_PENDING', '已有待签发的答复草稿，负责人退回后才能重新拟稿') : null;
    case 'replyReturned':
      if (!v.draft) return err('state', 'GK_NO_DRAFT', '没有待签发的答复草稿');
      if (e.draftSeq !== v.draft.seq) return err('draftSeq', 'GK_DRAFT_CHANGED', '答复草稿已经变更，请重新审阅');
      if (e.on < v.draft.on) return err('on', 'GK_DATE_ORDER', '退回之日不能早于拟稿之日');
      return e.reason.trim() === '' ? err('reason', 'GK_REASON_REQUIRED', '请填写退回的理由和修改意见') : null;
    case 'replied': {
      if (v.draft && e.draftSeq === undefined) return err('act', 'GK_DRAFT_PENDING', '已有待签发的答复草稿，请负责人签发或退回');
      if (e.draftSeq !== undefined && e.draftSeq !== v.draft?.seq) return err('draftSeq', 'GK_DRAFT_CHANGED', '答复草稿已经变更，请重新审阅');
      if (v.draft && e.on < v.draft.on) return err('on', 'GK_DATE_ORDER', `签发之日不能早于拟稿之日${v.draft.on}`);
      const outcomes = e.items.map((i) => i.outcome);
      if (!replyNeedsSignOff(e.on, outcomes, policy) || e.approverId) return null;
      const why = outcomes.every((o) => signOffRules.reply.exempt.includes(o)) ? '本单位规定予以公开的答复也须经负责人签发' : signOffRules.reply.label;
      return err('signOff', 'GK_SIGN_OFF_REQUIRED', `${why}：请点击“提交负责人签发”`);
    }
    default:
      return null;
  }
}
