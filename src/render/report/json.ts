/** The report as the JSON of shared/contracts/annual-report-json.md, keys in contract order. */
import { applicationColumnKeys, applicationRowKeys, appealColumnKeys } from '../../law/report-format/index.ts';
import { appealTrackKeys } from '../../law/appeals.ts';
import { isAbsentRow, type AnnualReport } from '../../domain/reports/annual-report.ts';

export function reportJsonValue(r: AnnualReport) {
  const triple = (t: AnnualReport['active']['rules']) => ({ issued: t.issued, repealed: t.repealed, inForce: t.inForce });
  return {
    format: r.format,
    agency: r.agency,
    year: r.year,
    active: {
      rules: triple(r.active.rules),
      normativeDocuments: triple(r.active.normativeDocuments),
      licensing: r.active.licensing,
      penalty: r.active.penalty,
      coercion: r.active.coercion,
      feesTenThousandYuan: r.active.feesTenThousandYuan,
    },
    applications: {
      columns: [...applicationColumnKeys],
      rows: Object.fromEntries(applicationRowKeys.map((k) => [k, isAbsentRow(r, k) ? null : [...(r.applications.rows[k] ?? [])]])),
    },
    appeals: Object.fromEntries(appealTrackKeys.map((t) => [t, Object.fromEntries(appealColumnKeys.map((c) => [c, r.appeals[t][c]]))])),
    text: { overview: r.text.overview, problems: r.text.problems, other: r.text.other },
    extra: r.extra,
  };
}

/** Pretty-printed JSON, with each row of seven numbers kept on one line. */
export function renderReportJson(r: AnnualReport): string {
  return `${JSON.stringify(reportJsonValue(r), null, 2).replace(/\[\n\s+([^[\]{}]*?)\n\s+\]/g, (_m, inner: string) => `[${inner.split(/,\n\s+/).join(', ')}]`)}\n`;
}
