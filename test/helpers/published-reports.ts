/**
 * Published annual reports as an agency would put them on its website, made from the
 * platform's own figures of another year by the platform's renderers (HTML, TXT, DOCX):
 * files for the import tests, read by the real reader.
 */
import type { AppContext } from '../../src/app/context.ts';
import { resolveAgency } from '../../src/app/agencies/resolve.ts';
import { computeAgencyReport } from '../../src/app/reports/compute.ts';
import type { AnnualReport } from '../../src/domain/reports/annual-report.ts';
import { renderReport, type ReportFormat } from '../../src/render/report/index.ts';

/**
 * The agency's report on `year` as a file: the figures of `from` (a year the records cover),
 * nothing carried over, and `carriedForward` (7 columns) carried into the next year, by
 * default what the records carry over into `from`.
 */
export async function publishedReportFile(
  ctx: AppContext,
  agencyName: string,
  o: { year: number; from: number; format: ReportFormat; carriedForward?: number[] },
): Promise<{ agencyId: number; name: string; bytes: Uint8Array }> {
  const agency = await resolveAgency(ctx, agencyName);
  const computed = await computeAgencyReport(ctx, agency, o.from);
  const report: AnnualReport = JSON.parse(JSON.stringify(computed.report));
  report.year = o.year;
  report.applications.rows.carriedOver = report.applications.rows.carriedOver.map(() => 0);
  report.applications.rows.carriedForward = o.carriedForward ? [...o.carriedForward] : computed.report.applications.rows.carriedOver;
  const out = await renderReport(o.format, { report, signer: agency.name, signedDate: `${o.year + 1}-01-15` });
  return {
    agencyId: agency.id,
    name: `${agency.shortName}${o.year}年度报告.${o.format}`,
    bytes: typeof out === 'string' ? new TextEncoder().encode(out) : out,
  };
}
