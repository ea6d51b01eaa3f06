/** What a rendered report document holds besides the numbers: its title and signature (落款). */
import type { AnnualReport } from '../../domain/reports/annual-report.ts';
import { chineseDate } from '../../domain/shared/dates.ts';
import { reportTitle, sections, type SectionSpec } from '../../law/report-format/index.ts';
import { paragraphs } from '../../domain/reports/narrative.ts';

export interface ReportDocument {
  report: AnnualReport;
  /** 落款: the signing office, e.g. 插旗镇人民政府办公室. */
  signer?: string | null;
  signedDate?: string | null;
}

export function documentTitle(d: ReportDocument): string {
  return reportTitle(d.report.agency, d.report.year);
}

export function signatureLines(d: ReportDocument): string[] {
  return [d.signer ?? '', d.signedDate ? chineseDate(d.signedDate) : ''].filter((s) => s !== '');
}

export function sectionParagraphs(d: ReportDocument, s: SectionSpec): string[] {
  return s.content.kind === 'narrative' ? paragraphs(d.report.text[s.content.key]) : [];
}

export { sections };
