import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { renderReportXlsx } from '../../src/render/report/xlsx.ts';
import { reportGrids } from '../../src/render/report/grid.ts';
import { documentTitle, sections, signatureLines } from '../../src/render/report/document.ts';
import { applicationsTable } from '../../src/law/report-format/index.ts';
import { blankReport } from '../../src/domain/reports/annual-report.ts';
import { sampleDocument } from './sample-report.ts';

const doc = sampleDocument();

async function read(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}
const wb = await read(await renderReportXlsx(doc));
const sheet = (name: string) => {
  const ws = wb.getWorksheet(name);
  assert.ok(ws, name);
  return ws;
};
const merges = (ws: ExcelJS.Worksheet) => new Set(ws.model.merges);
const rowValues = (ws: ExcelJS.Worksheet, r: number) => (ws.getRow(r).values as ExcelJS.CellValue[]).slice(1);

test('a text sheet, then one sheet per table', () => {
  assert.deepEqual(
    wb.worksheets.map((w) => w.name),
    ['报告正文', '表二 主动公开', '表三 申请办理', '表四 复议诉讼'],
  );
  const text = sheet('报告正文')
    .getColumn(1)
    .values.filter((v) => typeof v === 'string');
  for (const s of [documentTitle(doc), ...sections.map((x) => x.title), ...signatureLines(doc), '（一）主动公开情况']) {
    assert.ok(text.includes(s), s);
  }
});

test('table 三: the 3×3 note, 申请人情况 across 7 columns, stubs and numbers', () => {
  const ws = sheet('表三 申请办理');
  assert.equal(ws.getCell('A1').value, documentTitle(doc));
  assert.equal(ws.getCell('A2').value, '三、收到和处理政府信息公开申请情况');
  const m = merges(ws);
  for (const range of ['A1:J1', 'A3:C5', 'D3:J3', 'D4:D5', 'E4:I4', 'J4:J5', 'A6:C6', 'A8:A29', 'B8:C8', 'B10:B17', 'A30:C30']) {
    assert.ok(m.has(range), `${range} not merged; merges: ${[...m].join(' ')}`);
  }
  assert.equal(ws.getCell('A3').value, applicationsTable.note);
  assert.equal(ws.getCell('D3').value, '申请人情况');
  assert.equal(ws.getCell('E4').value, '法人或其他组织');
  assert.equal(ws.getCell('E5').value, '商业企业');
  assert.equal(ws.getCell('A8').value, '三、本年度办理结果');
  assert.equal(ws.getCell('C10').value, '1.属于国家秘密');
  // Row i, column j holds 101 + 10·i + j: numbers, not text.
  assert.equal(ws.getCell('D6').value, 101);
  assert.equal(ws.getCell('J6').value, 107);
  assert.equal(ws.getCell('D30').value, 341);
  assert.equal(ws.getCell('J30').value, 347);
  assert.equal(ws.getCell('D6').type, ExcelJS.ValueType.Number);
});

test('table 四: 行政复议 and 行政诉讼 groups over 15 numbers', () => {
  const ws = sheet('表四 复议诉讼');
  const m = merges(ws);
  for (const range of ['A3:E3', 'F3:O3', 'F4:J4', 'K4:O4', 'A4:A5', 'E4:E5']) assert.ok(m.has(range), range);
  assert.equal(ws.getCell('A3').value, '行政复议');
  assert.equal(ws.getCell('F3').value, '行政诉讼');
  assert.equal(ws.getCell('F4').value, '未经复议直接起诉');
  assert.equal(ws.getCell('K4').value, '复议后起诉');
  assert.deepEqual(
    rowValues(ws, 6),
    Array.from({ length: 15 }, (_, i) => 501 + i),
  );
});

test('table 二: single values span the three value columns; fees keep decimals', () => {
  const ws = sheet('表二 主动公开');
  const m = merges(ws);
  assert.ok(m.has('A3:D3'), 'block header');
  assert.equal(ws.getCell('A3').value, '第二十条第（一）项');
  assert.deepEqual(rowValues(ws, 5), ['规章', 11, 12, 13]);
  const fee = ws.getColumn(1).values.indexOf('行政事业性收费');
  assert.ok(m.has(`B${fee}:D${fee}`));
  assert.equal(ws.getCell(`B${fee}`).value, 2.5);
});

test('every covered cell has borders, labels wrap, and rows are tall enough for their text', () => {
  for (const [key, name] of [
    ['applications', '表三 申请办理'],
    ['appeals', '表四 复议诉讼'],
    ['active', '表二 主动公开'],
  ] as const) {
    const ws = sheet(name);
    const grid = reportGrids(doc.report)[key];
    for (let r = 3; r < 3 + grid.rows.length; r++) {
      assert.ok((ws.getRow(r).height ?? 0) >= 15, `${name} row ${r} height`);
      for (let c = 1; c <= grid.columns; c++) {
        const cell = ws.getCell(r, c);
        assert.equal(cell.border?.right?.style, 'thin', `${name} ${cell.address}`);
        assert.equal(cell.alignment?.wrapText, true, `${name} ${cell.address}`);
      }
    }
  }
  // The long 3-level stubs of table 三 need more than one line.
  const ws = sheet('表三 申请办理');
  const row = ws.getColumn(3).values.findIndex((v) => typeof v === 'string' && v.startsWith('2.申请人逾期未按收费通知要求'));
  assert.ok((ws.getRow(row).height ?? 0) > 30);
});

test('blank cells stay blank, not 0', async () => {
  const blank = await read(await renderReportXlsx({ report: blankReport('华容县测试镇人民政府', 2023) }));
  assert.equal(blank.getWorksheet('表三 申请办理')?.getCell('D6').value, null);
  assert.equal(blank.getWorksheet('表四 复议诉讼')?.getCell('O6').value, null);
});
