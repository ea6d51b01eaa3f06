/** Every output format of the report, by name (the CLI's --format and the download links). */
import type { Finding } from '../../domain/reports/findings.ts';
import type { ReportDocument } from './document.ts';
import { renderReportJson } from './json.ts';
import { renderReportText } from './txt.ts';
import { renderReportHtml } from './html.tsx';
import { renderReportDocx } from './docx.ts';
import { renderReportXlsx } from './xlsx.ts';

export const reportFormats = ['json', 'html', 'docx', 'xlsx', 'txt'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export const formatInfo: Record<ReportFormat, { label: string; mime: string; extension: string }> = {
  json: { label: 'JSON 数据', mime: 'application/json; charset=utf-8', extension: 'json' },
  html: { label: '网页（HTML）', mime: 'text/html; charset=utf-8', extension: 'html' },
  docx: { label: 'Word 文档（DOCX）', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
  xlsx: { label: 'Excel 表格（XLSX）', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
  txt: { label: '纯文本（TXT）', mime: 'text/plain; charset=utf-8', extension: 'txt' },
};

export async function renderReport(format: ReportFormat, doc: ReportDocument & { findings?: readonly Finding[] }): Promise<string | Uint8Array> {
  switch (format) {
    case 'json':
      return renderReportJson(doc.report);
    case 'txt':
      return renderReportText(doc);
    case 'html':
      return renderReportHtml(doc);
    case 'docx':
      return renderReportDocx(doc);
    case 'xlsx':
      return renderReportXlsx(doc);
  }
}
