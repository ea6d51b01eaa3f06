/**
 * Checks an annual report against every rule of spec §1.6. Each rule id maps to exactly
 * one check, so adding a rule to src/law makes the compiler ask for its check.
 */
import type { RuleId } from '../../law/report-format/rules.ts';
import { ruleApplies, ruleIds } from '../../law/report-format/rules.ts';
import type { AnnualReport } from './annual-report.ts';
import type { Finding, ValidationContext } from './findings.ts';
import * as active from './rules-active.ts';
import * as apps from './rules-applications.ts';
import * as appeals from './rules-appeals.ts';
import * as doc from './rules-document.ts';

type Check = (r: AnnualReport, ctx: ValidationContext) => Finding[];

/** P-01 … P-03 are found by the report reader (src/extract/report) in the document it reads, not in the numbers. */
const foundByReader: Check = () => [];

export const checks = {
  'T2-01': active.checkActiveValues,
  'T2-02': active.checkRulesPower,
  'T2-03': active.checkStockContinuity,
  'T2-04': active.checkDocumentRegister,
  'T2-05': active.checkFeeUnit,
  'T3-01': apps.checkBalance,
  'T3-02': apps.checkHandledTotal,
  'T3-03': apps.checkRowTotals,
  'T3-04': apps.checkCells,
  'T3-05': apps.checkCarryOver,
  'T3-06': apps.checkCarryForward,
  'T3-07': apps.checkSingleOutcome,
  'T3-08': apps.checkFeeStatement,
  'T3-09': apps.checkNothingReceived,
  'T3-10': apps.checkNarrativeFigures,
  'T4-01': appeals.checkAppealTotals,
  'T4-02': appeals.checkAppealCells,
  'T4-03': appeals.checkPendingCarried,
  'X-01': doc.checkSections,
  'X-02': doc.checkTemplate,
  'X-03': doc.checkFeeSentence,
  'X-04': doc.checkGovernmentAccountability,
  'X-05': doc.checkYears,
  'X-06': doc.checkTimeliness,
  'X-07': doc.checkCopying,
  'X-08': doc.checkPublicationRecord,
  'X-09': doc.checkOverviewTopics,
  'P-01': foundByReader,
  'P-02': foundByReader,
  'P-03': foundByReader,
} as const satisfies Record<RuleId, Check>;

/** Every rule that applies to the report's year (the 2021 format's rules from the 2021 report). */
export function validateReport(report: AnnualReport, ctx: ValidationContext): Finding[] {
  return ruleIds.filter((id) => ruleApplies(id, report.year)).flatMap((id) => checks[id](report, ctx));
}
