/** XLSX: every kind found in visible, hidden and very hidden sheets, hidden rows and columns, notes and links; redacted copies carry no personal data (a secrecy marking stays as printed). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { extractText, redactXlsx, sniffAttachment } from '../../src/extract/index.ts';
import { buildXlsx, hitsIn, invalid, personalData, replacementsFor, xlsxValues } from './files.ts';

const xlsx = await buildXlsx();
const extracted = await extractText(xlsx, 'xlsx');
const hits = hitsIn(extracted);

async function workbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

describe('extracting and screening an XLSX', () => {
  test('each value is found, of its kind, with its sheet, cell and what hides it', () => {
    const expected: [string, string, string, boolean][] = [
      ['landline', xlsxValues.landlineNote, '工作表“名单”A2批注', true],
      ['idNumber', xlsxValues.idVisible, '工作表“名单”B2', false],
      ['mobile', String(xlsxValues.mobileNumeric), '工作表“名单”C2', false],
      ['email', xlsxValues.emailHiddenColumn, '工作表“名单”D2（隐藏列）', true],
      ['bankCard', xlsxValues.splitCard, '工作表“名单”E2', false],
      ['email', xlsxValues.mailLink, '工作表“名单”F2超链接地址', true],
      ['mobile', String(xlsxValues.mobileNumeric), '工作表“名单”G2', false],
      ['idNumber', xlsxValues.idHiddenRow, '工作表“名单”B3（隐藏行）', true],
      ['mobile', xlsxValues.mobileHiddenRow, '工作表“名单”C3（隐藏行）', true],
      ['businessCode', xlsxValues.businessCodeHidden, '工作表“隐藏名单”（隐藏）A1', true],
      ['secrecyMarking', xlsxValues.markingHidden, '工作表“隐藏名单”（隐藏）A2', true],
      ['landline', xlsxValues.landlineVeryHidden, '工作表“底稿”（深度隐藏）A1', true],
    ];
    assert.deepEqual(
      hits.map((h) => [h.kind, h.value, h.location, h.hidden]),
      expected,
    );
    assert.equal(extracted.unreadable, null);
  });

  test('numbers failing their check, dates and amounts are read but not flagged', () => {
    const row4 = extracted.parts.filter((p) => /”[A-E]4/.test(p.location)).map((p) => p.text);
    assert.deepEqual(row4, ['不应标出', invalid.idNumber, invalid.bankCard16, '2024-03-01', '13812345678.5']);
    assert.equal(hits.filter((h) => /”[A-E]4/.test(h.location)).length, 0);
  });
});

describe('redacting an XLSX', async () => {
  const redacted = await redactXlsx(xlsx, replacementsFor(hits));
  const again = await extractText(redacted, 'xlsx');

  test('the copy is still an XLSX and shows no hit, in hidden sheets, rows, columns, notes and links too', () => {
    assert.deepEqual(sniffAttachment(redacted, 'x.xlsx'), { type: 'xlsx' });
    assert.deepEqual(personalData(hitsIn(again)), []);
    // A secrecy marking is never masked (issue 9): it stays as printed.
    assert.deepEqual(
      hitsIn(again).map((h) => h.value),
      [xlsxValues.markingHidden],
    );
  });

  test('masks in place: a number cell becomes text, a formula keeps its formula, the split card its runs', async () => {
    const at = (location: string) => again.parts.find((p) => p.location === location)?.text;
    assert.equal(at('工作表“名单”C2'), '138****5678');
    assert.equal(at('工作表“名单”G2'), '138****5678');
    assert.equal(at('工作表“名单”E2'), '卡号***************0128');
    assert.equal(at('工作表“名单”C3（隐藏行）'), '139 **** 4321');
    assert.equal(at('工作表“名单”A2批注'), '固话0730-*****56');
    assert.equal(at('工作表“名单”F2超链接地址'), 'mailto:l***@example.com');
    assert.equal(at('工作表“隐藏名单”（隐藏）A2'), xlsxValues.markingHidden);
    const wb = await workbook(redacted);
    const sheet = wb.getWorksheet('名单')!;
    assert.deepEqual(sheet.getCell('G2').formula, 'C2');
    const rich = sheet.getCell('E2').value as ExcelJS.CellRichTextValue;
    assert.equal(rich.richText.length, 2);
    assert.equal(rich.richText[1]!.font?.bold, true);
  });

  test('what hides a sheet, row or column still hides it, and the amount is still a number', async () => {
    const wb = await workbook(redacted);
    assert.equal(wb.getWorksheet('隐藏名单')!.state, 'hidden');
    assert.equal(wb.getWorksheet('底稿')!.state, 'veryHidden');
    const sheet = wb.getWorksheet('名单')!;
    assert.equal(sheet.getRow(3).hidden, true);
    assert.equal(sheet.getColumn(4).hidden, true);
    assert.equal(sheet.getCell('E4').value, 13812345678.5);
  });
});
