/** Computes the annual report of one agency and year from the counted facts. */
import { applicantTypeKeys } from '../../law/applicant-types.ts';
import { appealTrackKeys } from '../../law/appeals.ts';
import { applicationColumnKeys, applicationRowKeys, type ApplicationRowKey } from '../../law/report-format/index.ts';
import type { AnnualReport } from './annual-report.ts';
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
  const d = facts.decisions;
  const apps = facts.applications;
  // Rows are inserted in declaration order: the contract fixes the key order of the JSON.
  const rows = {} as Record<ApplicationRowKey, number[]>;
  const handled = [0, 0, 0, 0, 0, 0];
  for (const key of applicationRowKeys) {
    if (key === 'totalHandled') rows.totalHandled = [...handled, handled.reduce((s, n) => s + n, 0)];
    else if (key === 'newReceived' || key === 'carriedOver' || key === 'carriedForward') rows[key] = row(apps[key]);
    else {
      rows[key] = row(apps.handled[key]);
      for (const [i, k] of applicantTypeKeys.entries()) handled[i]! += apps.handled[key][k];
    }
  }
  const appeals = {} as AnnualReport['appeals'];
  for (const track of appealTrackKeys) {
    const a = facts.appeals[track];
    appeals[track] = { upheld: a.upheld, corrected: a.corrected, other: a.other, pending: a.pending, total: a.upheld + a.corrected + a.other + a.pending };
  }
  const report: AnnualReport = {
    format: '2021',
    agency: facts.agency.name,
    year: facts.year,
    active: {
      rules: { ...facts.documents.rule },
      normativeDocuments: { ...facts.documents.normativeDocument },
      licensing: d?.licensing ?? 0,
      penalty: d?.penalty ?? 0,
      coercion: d?.coercion ?? 0,
      feesTenThousandYuan: fenToTenThousandYuan(d?.feesFen ?? 0),
    },
    applications: { columns: [...applicationColumnKeys], rows },
    appeals,
    text: { overview: '', problems: '', other: '' },
    extra: {},
  };
  report.text = {
    overview: expandNarrative(facts.narrative.overview, report, facts),
    problems: expandNarrative(facts.narrative.problems, report, facts),
    other: expandNarrative(facts.narrative.other, report, facts),
  };
  return report;
}
