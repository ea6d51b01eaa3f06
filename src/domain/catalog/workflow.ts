/**
 * The workflow of a version: an editor drafts and submits; a reviewer who is not an
 * author performs 保密审查 (every screening hit settled, an opinion recorded); a leader who
 * is neither an author nor its reviewer approves, which publishes it: three people, whatever
 * roles one of them holds (issue 15). Reviewer or leader may send it back with a reason. A
 * secrecy marking is settled only by a recorded 解密 (never masked), and an opinion saying
 * nothing is a 国家秘密 is refused while one is not. Pure: the app layer checks roles and
 * writes what this decides.
 */
import type { HitResolution, VersionState } from '../../law/catalogue-workflow.ts';
import { claimsNoSecret } from '../secrecy/opinions.ts';
import { fieldError, type FieldError } from '../shared/result.ts';
import { settlementRefusal } from './hits.ts';

export interface VersionFacts {
  state: VersionState;
  /** Everyone who wrote this version: who drafted it and who saved it or changed its attachments. */
  authors: readonly number[];
  reviewedBy: number | null;
  /** Who settled its screening hits: part of its 保密审查 too. */
  settledBy?: readonly number[];
  reviewOpinion: string | null;
  /** Hits not settled in a way the law accepts, markings included. */
  unresolvedHits: number;
  /** Of those, secrecy markings without a recorded 解密. */
  unresolvedMarkings: number;
}

export type WorkflowAct =
  | { act: 'edit' }
  | { act: 'submit' }
  | { act: 'settleHit'; kind: string; resolution: HitResolution }
  | { act: 'review'; opinion: string }
  | { act: 'return'; reason: string }
  | { act: 'approve' };

const editable: readonly VersionState[] = ['draft', 'returned'];

const markingsLeft = (n: number) => `还有${n}处密级或不得公开标识未经解密：未经解密并准予公开的信息不得公开，请退回由编辑删除，或登记解密决定`;

/** The state a version moves to, or why it may not. */
export function transition(v: VersionFacts, a: WorkflowAct, actorId: number): { next: VersionState } | { error: FieldError } {
  const no = (code: string, message: string, field = 'state') => ({ error: fieldError(field, code, message) });
  switch (a.act) {
    case 'edit':
      return editable.includes(v.state) ? { next: v.state } : no('GK_NOT_EDITABLE', '只有草稿或被退回的版本可以修改');
    case 'submit':
      return editable.includes(v.state) ? { next: 'inReview' } : no('GK_NOT_EDITABLE', '只有草稿或被退回的版本可以提交保密审查');
    case 'settleHit': {
      if (v.state !== 'inReview') return no('GK_NOT_IN_REVIEW', '只有待保密审查的版本可以处理筛查结果');
      if (v.authors.includes(actorId)) return no('GK_REVIEWER_IS_AUTHOR', '筛查结果须由撰稿人以外的审查员处理');
      const refusal = settlementRefusal(a.kind, a.resolution);
      return refusal ? { error: refusal } : { next: v.state };
    }
    case 'review':
      if (v.state !== 'inReview') return no('GK_NOT_IN_REVIEW', '只有待保密审查的版本可以进行保密审查');
      if (v.authors.includes(actorId)) return no('GK_REVIEWER_IS_AUTHOR', '保密审查须由撰稿人以外的审查员进行：您撰写或修改过这一版本');
      if (v.unresolvedMarkings > 0 && claimsNoSecret(a.opinion)) {
        return no('GK_OPINION_CONTRADICTS_MARKING', `不能记录“不涉及国家秘密”的意见：${markingsLeft(v.unresolvedMarkings)}`, 'opinion');
      }
      if (v.unresolvedMarkings > 0) return no('GK_MARKING_UNRESOLVED', markingsLeft(v.unresolvedMarkings), 'hits');
      if (v.unresolvedHits > 0) return no('GK_HITS_UNRESOLVED', `还有${v.unresolvedHits}处筛查结果未处理：每处须遮蔽或说明可以公开的理由`, 'hits');
      if (a.opinion.trim() === '') return no('GK_OPINION_REQUIRED', '请填写或选择保密审查意见', 'opinion');
      return { next: 'inApproval' };
    case 'return':
      if (v.state !== 'inReview' && v.state !== 'inApproval') return no('GK_NOT_RETURNABLE', '只有待审查或待审核的版本可以退回');
      if (a.reason.trim() === '') return no('GK_REASON_REQUIRED', '请填写退回理由', 'reason');
      return { next: 'returned' };
    case 'approve':
      if (v.state !== 'inApproval') return no('GK_NOT_IN_APPROVAL', '只有通过保密审查、待领导审核的版本可以批准公开');
      if (v.reviewedBy === null || !v.reviewOpinion) return no('GK_NOT_REVIEWED', '未经保密审查的信息不得公开');
      if (v.reviewedBy === actorId || v.settledBy?.includes(actorId))
        return no('GK_APPROVER_IS_REVIEWER', '批准公开须由保密审查人以外的审核领导进行：您已对这一版本作了保密审查');
      if (v.authors.includes(actorId)) return no('GK_APPROVER_IS_AUTHOR', '批准公开须由撰稿人以外的审核领导进行：您撰写或修改过这一版本');
      if (v.unresolvedMarkings > 0) return no('GK_MARKING_UNRESOLVED', `${markingsLeft(v.unresolvedMarkings)}，不得公开`, 'hits');
      if (v.unresolvedHits > 0) return no('GK_HITS_UNRESOLVED', '筛查结果未全部处理，不得公开', 'hits');
      return { next: 'published' };
  }
}
