/** One report table (二, 三 or 四) as a worksheet, placed cell by cell from the shared grid. */
import type ExcelJS from 'exceljs';
import type { TableKey } from '../../law/report-format/index.ts';
import { layout, type Grid } from './grid.ts';

/** Column widths in Excel character units. */
const columnWidths: Record<TableKey, (columns: number) => number[]> = {
  active: (n) => [22, ...Array<number>(n - 1).fill(16)],
  applications: (n) => [8, 14, 34, ...Array<number>(n - 3).fill(10)],
  appeals: (n) => Array<number>(n).fill(9),
};

const fontSize = 10;
const thin = { style: 'thin' } as const;
const border = { top: thin, left: thin, bottom: thin, right: thin };

/** Rough width of text in Excel units: a CJK character is about two. */
export function textUnits(text: string): number {
  let units = 0;
  for (const ch of text) units += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1.1;
  return units;
}

/** Row height in points for wrapped text in a span of the given width (units measured at 10 pt). */
export function neededHeight(text: string, width: number, size = fontSize): number {
  const lines = Math.max(1, Math.ceil((textUnits(text) * size) / fontSize / Math.max(1, width - 1)));
  return lines * size * 1.4 + 6;
}

/** Writes the title rows (merged across the table) and then the table below them. */
export function writeGridSheet(ws: ExcelJS.Worksheet, grid: Grid, titles: readonly string[]): void {
  const widths = columnWidths[grid.key](grid.columns);
  for (const [i, w] of widths.entries()) ws.getColumn(i + 1).width = w;
  titles.forEach((t, i) => {
    const row = i + 1;
    const c = ws.getCell(row, 1);
    c.value = t;
    const size = i === 0 ? 14 : 12;
    c.font = { name: '宋体', size, bold: true };
    c.alignment = { horizontal: i === 0 ? 'center' : 'left', vertical: 'middle', wrapText: true };
    ws.mergeCells(row, 1, row, grid.columns);
    ws.getRow(row).height = neededHeight(
      t,
      widths.reduce((a, b) => a + b, 0),
      size,
    );
  });
  const top = titles.length + 1;
  // Merged cells with wrapped text do not grow their rows, so heights are set from the text.
  const heights = grid.rows.map(() => neededHeight('', 1));
  const placed = layout(grid);
  const spanWidth = (col: number, span: number) => widths.slice(col, col + span).reduce((a, b) => a + b, 0);
  for (const { cell, row, col } of placed) {
    const c = ws.getCell(top + row, col + 1);
    c.value = cell.kind === 'value' ? (cell.text === '' ? null : Number(cell.text)) : cell.text;
    c.font = { name: '宋体', size: fontSize };
    c.alignment = { horizontal: cell.kind === 'stub' ? 'left' : 'center', vertical: 'middle', wrapText: true };
    c.border = border;
    // Styled before merging: the merge copies the style to every covered cell, so the borders are whole.
    if (cell.rowSpan > 1 || cell.colSpan > 1) ws.mergeCells(top + row, col + 1, top + row + cell.rowSpan - 1, col + cell.colSpan);
    if (cell.rowSpan === 1) heights[row] = Math.max(heights[row] ?? 0, neededHeight(cell.text, spanWidth(col, cell.colSpan)));
  }
  for (const { cell, row, col } of placed.filter((p) => p.cell.rowSpan > 1)) {
    const rows = heights.slice(row, row + cell.rowSpan);
    const short = neededHeight(cell.text, spanWidth(col, cell.colSpan)) - rows.reduce((a, b) => a + b, 0);
    if (short > 0) for (const [i, h] of rows.entries()) heights[row + i] = h + short / cell.rowSpan;
  }
  for (const [i, h] of heights.entries()) ws.getRow(top + i).height = Math.round(h);
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: grid.columns > 4 ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    ...(grid.headRows > 0 ? { printTitlesRow: `${top}:${top + grid.headRows - 1}` } : {}),
  };
}
