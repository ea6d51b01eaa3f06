/** Text of an Excel workbook: every sheet, hidden or not, every cell with its address, notes and links. */
import ExcelJS from 'exceljs';
import { utcMidnightDate } from '../domain/shared/dates.ts';
import { mediaNote } from './media.ts';
import { xlsxExtraParts } from './xlsx-extra.ts';
import type { Extracted, Part } from './types.ts';
import { checkedZipBytes, loadZip } from './zip.ts';

const sheetStates: Record<string, string> = { visible: '', hidden: '（隐藏）', veryHidden: '（深度隐藏）' };

/** A cell's value as the text a reader sees (formulas by their last result). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return utcMidnightDate(value);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return cellText(value.text as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  if ('error' in value) return value.error;
  return '';
}

function noteText(note: ExcelJS.Cell['note'] | undefined): string {
  if (!note) return '';
  return typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join('');
}

function sheetParts(ws: ExcelJS.Worksheet): Part[] {
  const sheet = `工作表“${ws.name}”${sheetStates[ws.state] ?? ''}`;
  const sheetHidden = ws.state !== 'visible';
  const parts: Part[] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.isMerged && cell.master.address !== cell.address) return; // the merged range's own cell holds the value
      const colHidden = ws.getColumn(cell.col).hidden;
      const suffix = row.hidden && colHidden ? '（隐藏行、列）' : row.hidden ? '（隐藏行）' : colHidden ? '（隐藏列）' : '';
      const hidden = sheetHidden || row.hidden || colHidden;
      const at = `${sheet}${cell.address}${suffix}`;
      const text = cellText(cell.value);
      if (text.trim() !== '') parts.push({ location: at, text, hidden });
      const value = cell.value;
      if (value && typeof value === 'object' && 'hyperlink' in value && value.hyperlink) {
        parts.push({ location: `${at}超链接地址`, text: value.hyperlink, hidden: true });
      }
      const note = noteText(cell.note);
      if (note.trim() !== '') parts.push({ location: `${at}批注`, text: note, hidden: true });
    });
  });
  const hf = ws.headerFooter ?? {};
  for (const [key, label] of [
    ['oddHeader', '页眉'],
    ['oddFooter', '页脚'],
    ['evenHeader', '偶数页页眉'],
    ['evenFooter', '偶数页页脚'],
    ['firstHeader', '首页页眉'],
    ['firstFooter', '首页页脚'],
  ] as const) {
    const text = hf[key];
    if (typeof text === 'string' && text.trim() !== '') parts.push({ location: `${sheet}${label}`, text, hidden: sheetHidden });
  }
  return parts;
}

export async function extractXlsx(bytes: Uint8Array): Promise<Extracted> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await checkedZipBytes(bytes)) as unknown as ExcelJS.Buffer);
  const extra = await xlsxExtraParts(await loadZip(bytes));
  return { parts: [...wb.worksheets.flatMap(sheetParts), ...extra], unreadable: mediaNote(bytes, 'xl', '工作簿') };
}
