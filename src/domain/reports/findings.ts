/** A finding of a report rule, in the shape of the report JSON contract (plus the cell it marks). */
import { reportRules, ruleSeverity, type ReportOrigin, type RuleId, type Severity } from '../../law/report-format/rules.ts';
import type { AnnualReport } from './annual-report.ts';
import type { AgencyKind } from '../../law/agency-kinds.ts';
import type { OutcomeCode } from '../../law/outcome-codes.ts';
import type { Shingles } from './similarity.ts';

export interface Finding {
  rule: RuleId;
  severity: Severity;
  message: string;
  expected: number | null;
  actual: number | null;
  /** Row key (table 三), `active.<cell>`, `appeals.<group>`, `text.<section>` or `report`. */
  where: string;
  /** The column, when the finding is about one cell of a table (not part of the contract JSON). */
  column?: string;
}

export interface ValidationContext {
  origin: ReportOrigin;
  /** What the platform knows of the agency; for imported reports it may be inferred from the title. */
  agency?: { kind: AgencyKind | null; mayMakeRules: boolean | null };
  /** Last year's stored report of the same agency. */
  previous?: { report: AnnualReport; origin: ReportOrigin } | null;
  /** The report as the platform's own records give it, when they cover the year. */
  derived?: AnnualReport | null;
  /** Application ids counted in each outcome row (platform reports). */
  handledTrace?: Partial<Record<OutcomeCode, readonly number[]>>;
  /** 信息处理费 collected in the year according to the fee ledger, in 分. */
  feesCollectedFen?: number | null;
  /** The structure of the document the report was read from (imported reports). */
  document?: { sectionTitles: readonly string[]; labels: readonly string[]; singleOtherDisposalRow?: boolean };
  publication?: {
    deadline: string;
    publishedOn: string | null;
    asOf: string;
    inAnnualReportColumn: boolean;
    numbersStored: boolean;
  };
  /** Other agencies' reports of the same year, for copy detection. */
  others?: readonly { agency: string; text: string }[];
  /** the share of repeated narrative above which a report is flagged (a setting; the law's default otherwise). */
  copyShare?: number;
  /** Makes the 8-grams of a text for copy detection; a cache when many reports are checked at once. */
  shingles?: (text: string) => Shingles;
  /**
   * X-07 against the other reports of the year, found through an index made once for many
   * reports (`closestMatch`, the county supervision page): the one this report repeats most
   * above `above`, or null. Used instead of comparing with `others` one by one.
   */
  mostRepeatedOther?: (above: number) => { agency: string; share: number } | null;
}

export function finding(
  rule: RuleId,
  ctx: Pick<ValidationContext, 'origin'>,
  where: string,
  message: string,
  expected: number | null = null,
  actual: number | null = null,
  column?: string,
): Finding {
  const f: Finding = { rule, severity: ruleSeverity(rule, ctx.origin), message, expected, actual, where };
  if (column !== undefined) f.column = column;
  return f;
}

/** The finding as the contract JSON prints it: exactly its six keys, in order. */
export function findingJson(f: Finding) {
  return { rule: f.rule, severity: f.severity, message: f.message, expected: f.expected, actual: f.actual, where: f.where };
}

export function ruleTitle(rule: RuleId): string {
  return reportRules[rule].title;
}

export const hasErrors = (findings: readonly Finding[]) => findings.some((f) => f.severity === 'error');
