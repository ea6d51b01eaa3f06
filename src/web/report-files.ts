/** Sending a report as a download, in any of its formats. */
import type { FastifyReply } from 'fastify';
import { NotFoundError } from '../domain/shared/result.ts';
import type { AnnualReport } from '../domain/reports/annual-report.ts';
import { reportTitle } from '../law/report-format/index.ts';
import type { ReportDocument } from '../render/report/document.ts';
import { formatInfo, renderReport, reportFormats, type ReportFormat } from '../render/report/index.ts';

/** 华容县插旗镇人民政府2023年政府信息公开工作年度报告.docx */
export function reportFilename(report: AnnualReport, format: ReportFormat): string {
  return `${reportTitle(report.agency, report.year)}.${formatInfo[format].extension}`;
}

export function reportFormatOr404(raw: string): ReportFormat {
  if (!(reportFormats as readonly string[]).includes(raw)) throw new NotFoundError('不支持这种下载格式');
  return raw as ReportFormat;
}

export async function sendReportFile(reply: FastifyReply, format: ReportFormat, doc: ReportDocument): Promise<FastifyReply> {
  const body = await renderReport(format, doc);
  return reply
    .type(formatInfo[format].mime)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(reportFilename(doc.report, format))}`)
    .send(typeof body === 'string' ? body : Buffer.from(body));
}
