/**
 * 保密审查 of an annual report (条例 第十七条) before a leader publishes it: a reviewer of
 * the agency records an opinion on the report as it will be published — its numbers,
 * narrative, 落款 and 成文日期 — and the review is bound to that content by a SHA-256
 * digest. When the narrative or the numbers change afterwards, the review no longer counts;
 * each publication (a correction too) needs a review of its own.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../domain/access/policy.ts';
import { can } from '../../domain/access/policy.ts';
import { chinaDate } from '../../domain/shared/dates.ts';
import { fieldError, ForbiddenError, InputError } from '../../domain/shared/result.ts';
import { maxOpinionLength } from '../../law/secrecy.ts';
import { listAgencies } from '../../store/agencies.repo.ts';
import { appendEvent } from '../../store/events.repo.ts';
import { insertReportReview, latestReportReview, type ReportReviewRow } from '../../store/report-reviews.repo.ts';
import type { DB } from '../../store/schema.ts';
import type { AppContext } from '../context.ts';
import { requireAgency } from '../agencies/resolve.ts';
import { inTransaction } from '../transaction.ts';
import { checkReportYear, computeAgencyReport, type ComputedReport } from './compute.ts';

/** JSON with object keys sorted, so that the same content always gives the same digest. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The digest of what publication would store: the report, its 落款 and 成文日期 as written. */
export function reportDigest(computed: Pick<ComputedReport, 'agency' | 'report' | 'narrative'>): string {
  const content = { report: computed.report, signer: computed.narrative?.signer || computed.agency.name, signedDate: computed.narrative?.signedDate ?? null };
  return createHash('sha256').update(canonical(content)).digest('hex');
}

export type ReviewStatus =
  | { state: 'valid'; review: ReportReviewRow }
  | { state: 'none'; review: null }
  /** The narrative or the numbers changed after the review. */
  | { state: 'changed'; review: ReportReviewRow }
  /** The review was used by a publication already: the next one needs its own. */
  | { state: 'used'; review: ReportReviewRow };

/** Whether the report as computed now has a review that counts for its publication. */
export async function reviewStatus(db: Kysely<DB>, computed: ComputedReport): Promise<ReviewStatus> {
  const review = await latestReportReview(db, computed.agency.id, computed.year);
  if (!review) return { state: 'none', review: null };
  if (review.used) return { state: 'used', review };
  if (review.digest !== reportDigest(computed)) return { state: 'changed', review };
  return { state: 'valid', review };
}

/** Why the report cannot be published for want of a review, or null. */
export function reviewRefusal(status: ReviewStatus, year: number) {
  switch (status.state) {
    case 'valid':
      return null;
    case 'none':
      return fieldError('review', 'GK_REPORT_NOT_REVIEWED', `${year}年度报告未经保密审查，不得发布：请本单位保密审查员先进行保密审查`);
    case 'changed':
      return fieldError('review', 'GK_REPORT_CHANGED_SINCE_REVIEW', `保密审查后报告的正文或数字有变动，审查意见不再适用：请保密审查员对现在的报告重新审查`);
    case 'used':
      return fieldError('review', 'GK_REPORT_REVIEW_USED', `上次保密审查已用于发布${year}年度报告：发布更正版本须重新进行保密审查`);
  }
}

export interface ReportReviewInput {
  agencyId: number;
  year: number;
  opinion: string;
}

/** A reviewer of the agency records the 保密审查 opinion on the report as it will be published. */
export async function recordReportReview(ctx: AppContext, actor: Actor, input: ReportReviewInput): Promise<number> {
  const agency = await requireAgency(ctx, input.agencyId);
  if (!can(actor, 'report.review', agency.id, await listAgencies(ctx.db))) {
    throw new ForbiddenError('只有本单位的保密审查员可以对年度报告进行保密审查');
  }
  checkReportYear(agency, input.year, chinaDate(ctx.now()));
  const opinion = input.opinion.replace(/\r\n/g, '\n').trim();
  if (opinion === '') throw new InputError([fieldError('opinion', 'GK_OPINION_REQUIRED', '请填写或选择保密审查意见')]);
  if (opinion.length > maxOpinionLength) throw new InputError([fieldError('opinion', 'GK_TOO_LONG', `保密审查意见不能超过${maxOpinionLength}字`)]);
  return inTransaction(ctx, async (db) => {
    const computed = await computeAgencyReport({ ...ctx, db }, agency, input.year);
    if (computed.narrative?.updatedBy === actor.id) {
      throw new InputError([fieldError('opinion', 'GK_REVIEWER_IS_AUTHOR', '保密审查须由撰稿人以外的审查员进行：您最后修改了报告正文')]);
    }
    const at = ctx.now().toISOString();
    const digest = reportDigest(computed);
    const id = await insertReportReview(db, { agencyId: agency.id, year: input.year, digest, opinion, reviewedBy: actor.id, reviewedAt: at });
    await appendEvent(db, {
      occurredAt: at,
      actorId: actor.id,
      agencyId: agency.id,
      subjectType: 'annualReport',
      subjectId: `${agency.id}/${input.year}`,
      action: 'report.reviewed',
      reason: opinion,
      payload: { review: id, digest },
    });
    return id;
  });
}
