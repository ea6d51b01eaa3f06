/** Computes the annual report of one agency and year from the counted facts. */
import { applicantTypeKeys } from '../../law/applicant-types.ts';
import { outcomeCodeKeys } from '../../law/outcome-codes.ts';
import { appealTrackKeys } from '../../law/appeals.ts';
import { applicationRowKeys, type ApplicationRowKey } from '../../law/report-format/index.ts';
import { blankReport, type AnnualReport } from './annual-report.ts';
import type { ByApplicant, ReportFacts } from './facts.ts';
import { expandNarrative } from './narrative.ts';

/** 7 numbers: the six applicant types and their total. */
function row(counts: ByApplicant): number[] {
  const values = applicantTypeKeys.map((k) => counts[k]);
  return [...values, values.reduce((s, n) => s + n, 0)];
}

/** 分 to 万元, rounded to 4 decimals (whole 元) as the report prints it. */
export function fenToTenThousandYuan(fen: number): number {
  return Math.round(fen / 100) / 10000;
}

export function computeReport(facts: ReportFacts): AnnualReport {
  const report = blankReport(facts.agency.name, facts.year);
  const d = facts.decisions;
  report.active = {
    rules: { ...facts.documents.rule },
    normativeDocuments: { ...facts.documents.normativeDocument },
    licensing: d?.licensing ?? 0,
    penalty: d?.penalty ?? 0,
    coercion: d?.coercion ?? 0,
    feesTenThousandYuan: fenToTenThousandYuan(d?.feesFen ?? 0),
  };

  const apps = facts.applications;
  const rows = {} as Record<ApplicationRowKey, number[]>;
  rows.newReceived = row(apps.newReceived);
  rows.carriedOver = row(apps.carriedOver);
  const handled = applicantTypeKeys.map(() => 0);
  for (const code of outcomeCodeKeys) {
    rows[code] = row(apps.handled[code]);
    applicantTypeKeys.forEach((k, i) => (handled[i] = (handled[i] ?? 0) + apps.handled[code][k]));
  }
  rows.totalHandled = [...handled, handled.reduce((s, n) => s + n, 0)];
  rows.carriedForward = row(apps.carriedForward);
  // Insert in declaration order: the contract fixes the key order of the JSON.
  report.applications.rows = Object.fromEntries(applicationRowKeys.map((k) => [k, rows[k]])) as typeof report.applications.rows;

  for (const track of appealTrackKeys) {
    const a = facts.appeals[track];
    report.appeals[track] = {
      upheld: a.upheld,
      corrected: a.corrected,
      other: a.other,
      pending: a.pending,
      total: a.upheld + a.corrected + a.other + a.pending,
    };
  }

  report.text = {
    overview: expandNarrative(facts.narrative.overview, report, facts),
    problems: expandNarrative(facts.narrative.problems, report, facts),
    other: expandNarrative(facts.narrative.other, report, facts),
  };
  return report;
}
