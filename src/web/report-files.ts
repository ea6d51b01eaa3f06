import type { AnnualReport } from '../domain/reports/annual-report.ts';
import { reportTitle } from '../law/report-format/index.ts';
import { formatInfo, type ReportFormat } from '../render/report/index.ts';

/** 华容县插旗镇人民政府2023年政府信息公开工作年度报告.docx */
export function reportFilename(report: AnnualReport, format: ReportFormat): string {
  return `${reportTitle(report.agency, report.year)}.${formatInfo[format].extension}`;
}
