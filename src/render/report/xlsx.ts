/**
 * The report as an Excel workbook: a sheet with the title and the narrative, then one
 * sheet per table (二, 三, 四) laid out from the shared grid with merged headers.
 */
import ExcelJS from 'exceljs';
import type { TableKey } from '../../law/report-format/index.ts';
import { reportGrids } from './grid.ts';
import { documentTitle, sectionParagraphs, sections, signatureLines, type ReportDocument } from './document.ts';
import { neededHeight, writeGridSheet } from './xlsx-grid.ts';

const sheetNames: Record<TableKey, string> = {
  active: '表二 主动公开',
  applications: '表三 申请办理',
  appeals: '表四 复议诉讼',
};
const textSheetName = '报告正文';

// Narrow enough for A4 portrait even where fitToWidth is not applied (LibreOffice, on this sheet).
const textWidth = 70;

function writeTextSheet(ws: ExcelJS.Worksheet, doc: ReportDocument): void {
  ws.getColumn(1).width = textWidth;
  const add = (text: string, size: number, opts: { bold?: boolean; align?: 'left' | 'center' | 'right' } = {}) => {
    const row = ws.addRow([text]);
    const c = row.getCell(1);
    c.font = { name: '宋体', size, bold: opts.bold ?? false };
    c.alignment = { horizontal: opts.align ?? 'left', vertical: 'top', wrapText: true };
    row.height = neededHeight(text, textWidth, size);
  };
  add(documentTitle(doc), 16, { bold: true, align: 'center' });
  for (const s of sections) {
    add(s.title, 12, { bold: true });
    if (s.content.kind === 'table') add(`见工作表“${sheetNames[s.content.key]}”。`, 11);
    else for (const p of sectionParagraphs(doc, s)) add(p, 11);
  }
  ws.addRow([]);
  for (const line of signatureLines(doc)) add(line, 11, { align: 'right' });
  ws.pageSetup = { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}

export async function renderReportXlsx(doc: ReportDocument): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const title = documentTitle(doc);
  wb.creator = doc.signer ?? doc.report.agency;
  wb.title = title;
  writeTextSheet(wb.addWorksheet(textSheetName), doc);
  const grids = reportGrids(doc.report);
  for (const s of sections) {
    if (s.content.kind !== 'table') continue;
    const grid = grids[s.content.key];
    writeGridSheet(wb.addWorksheet(sheetNames[s.content.key]), grid, [title, grid.caption]);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
