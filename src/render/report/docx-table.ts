/** One report table (二, 三 or 四) as a DOCX table, straight from the shared grid. */
import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlign, WidthType } from 'docx';
import type { TableKey } from '../../law/report-format/index.ts';
import type { Grid, GridCell } from './grid.ts';
import { fonts, run } from './docx-text.ts';

/**
 * Relative column widths. Table 三: a level-2 stub such as （四）无法提供 fits on one line,
 * and the value columns take two characters a line (商业/企业); table 四: 15 equal columns.
 */
const columnWeights: Record<TableKey, (columns: number) => number[]> = {
  active: (n) => [1.4, ...Array<number>(n - 1).fill(1)],
  applications: (n) => [0.95, 2.15, 3.3, ...Array<number>(n - 3).fill(0.95)],
  appeals: (n) => Array<number>(n).fill(1),
};
/** 五号 (10.5 pt) for table 二; 小五 (9 pt) for the wide tables 三 and 四. */
const fontSize: Record<TableKey, number> = { active: 21, applications: 18, appeals: 18 };

function columnWidths(grid: Grid, total: number): number[] {
  const weights = columnWeights[grid.key](grid.columns);
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / sum) * total));
  widths[widths.length - 1]! += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line };

function cell(c: GridCell, size: number): TableCell {
  return new TableCell({
    ...(c.colSpan > 1 ? { columnSpan: c.colSpan } : {}),
    ...(c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 30, bottom: 30, left: 57, right: 57 },
    children: [
      new Paragraph({
        alignment: c.kind === 'stub' ? AlignmentType.LEFT : AlignmentType.CENTER,
        children: c.text === '' ? [] : [run(c.text, fonts.body, size)],
      }),
    ],
  });
}

export function gridTable(grid: Grid, width: number): Table {
  const size = fontSize[grid.key];
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: columnWidths(grid, width),
    layout: TableLayoutType.FIXED,
    borders,
    rows: grid.rows.map(
      (cells, i) =>
        // The header rows repeat when table 三 runs onto a second page.
        new TableRow({ tableHeader: i < grid.headRows, cantSplit: true, children: cells.map((c) => cell(c, size)) }),
    ),
  });
}
