/**
 * Publishing an annual report: a leader of the agency publishes the computed report.
 * A report with an error-severity finding cannot be published, nor one without a 保密审查
 * of this very content (./review.ts). Every publication is a new immutable version with
 * its own 索引号; a correction needs a reason.
 */
import type { Actor } from '../../domain/access/policy.ts';
import { can } from '../../domain/access/policy.ts';
import { indexNumberPrefix } from '../../domain/agencies/agency.ts';
import { hasErrors, ruleTitle } from '../../domain/reports/findings.ts';
import { chinaDate, isIsoDate } from '../../domain/shared/dates.ts';
import { fieldError, ForbiddenError, InputError } from '../../domain/shared/result.ts';
import { defaultDisclosure } from '../../law/catalogue-categories.ts';
import { listAgencies } from '../../store/agencies.repo.ts';
import { appendEvent } from '../../store/events.repo.ts';
import { nextSerial } from '../../store/index-numbers.repo.ts';
import { insertPublishedReport } from '../../store/reports.repo.ts';
import type { AppContext } from '../context.ts';
import { requireAgency } from '../agencies/resolve.ts';
import { inTransaction } from '../transaction.ts';
import { computeAgencyReport } from './compute.ts';
import { reviewRefusal, reviewStatus } from './review.ts';

export interface PublishInput {
  agencyId: number;
  year: number;
  /** Required when a version is already published: why the correction. */
  reason?: string | null;
}

export interface PublishResult {
  id: number;
  version: number;
  indexNo: string;
}

export async function publishAnnualReport(ctx: AppContext, actor: Actor, input: PublishInput): Promise<PublishResult> {
  const agency = await requireAgency(ctx, input.agencyId);
  if (!can(actor, 'report.publish', agency.id, await listAgencies(ctx.db))) {
    throw new ForbiddenError('只有本单位的审核领导可以发布年度报告');
  }
  return inTransaction(ctx, async (db) => {
    const tctx = { ...ctx, db };
    const computed = await computeAgencyReport(tctx, agency, input.year);
    // What keeps it from publication, all at once: error findings, and a missing or void review.
    const review = await reviewStatus(db, computed);
    // The reviewer and the publisher are two people, whatever roles one account holds (issue 15).
    const refusal =
      reviewRefusal(review, input.year) ??
      (review.review?.reviewed_by === actor.id
        ? fieldError('review', 'GK_PUBLISHER_IS_REVIEWER', '发布须由保密审查人以外的审核领导进行：您已对这份报告作了保密审查')
        : null);
    const errors = computed.findings.filter((f) => f.severity === 'error');
    if (hasErrors(computed.findings) || refusal) {
      throw new InputError([
        ...errors.map((f) => fieldError(f.where, `GK_REPORT_${f.rule}`, `${f.rule}（${ruleTitle(f.rule)}）：${f.message}`)),
        ...(refusal ? [refusal] : []),
      ]);
    }
    const reason = input.reason?.trim() || null;
    const previous = computed.current;
    if (previous && !reason) {
      throw new InputError([fieldError('reason', 'GK_CORRECTION_REASON', `${input.year}年度报告已发布，再次发布为更正版本，须填写更正理由`)]);
    }
    const now = ctx.now();
    const publishedAt = now.toISOString();
    const today = chinaDate(now);
    const prefix = indexNumberPrefix(agency.code);
    const year = today.slice(0, 4);
    const serial = await nextSerial(db, `${prefix}/${year}`);
    const indexNo = `${prefix}/${year}-${String(serial).padStart(5, '0')}`;
    const signedDate = computed.narrative?.signedDate && isIsoDate(computed.narrative.signedDate) ? computed.narrative.signedDate : today;
    const version = (previous?.version ?? 0) + 1;
    const id = await insertPublishedReport(db, {
      agencyId: agency.id,
      year: input.year,
      version,
      origin: 'platform',
      report: computed.report,
      findings: computed.findings,
      indexNo,
      publisher: agency.name,
      scope: defaultDisclosure.scope,
      disclosureMode: defaultDisclosure.mode,
      generatedDate: signedDate,
      publishedAt,
      signer: computed.narrative?.signer || agency.name,
      signedDate,
      publishedBy: actor.id,
      reason,
      createdAt: publishedAt,
      reviewId: review.review!.id,
    });
    await appendEvent(db, {
      occurredAt: publishedAt,
      actorId: actor.id,
      agencyId: agency.id,
      subjectType: 'annualReport',
      subjectId: `${agency.id}/${input.year}`,
      action: previous ? 'report.corrected' : 'report.published',
      reason,
      payload: { versionId: id, version, indexNo, warnings: computed.findings.length, review: review.review!.id },
    });
    return { id, version, indexNo };
  });
}
