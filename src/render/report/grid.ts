/**
 * The official layout of tables 二, 三 and 四 (merged headers and stubs) as a grid of
 * cells, built from the format declaration. HTML, DOCX, XLSX and plain text all render
 * this one grid, so the layout is described once.
 */
import {
  activeTable,
  appealColumns,
  appealGroups,
  applicationColumns,
  applicationRows,
  applicationsTable,
  sectionTitle,
  type TableKey,
} from '../../law/report-format/index.ts';
import { activeCell, type AnnualReport, type Cell } from '../../domain/reports/annual-report.ts';

export interface CellRef {
  table: TableKey;
  /** Table 二: the dotted cell key; table 三: the row key; table 四: the group key. */
  row: string;
  /** Table 三 and 四: the column key. */
  column: string;
}

export interface GridCell {
  text: string;
  rowSpan: number;
  colSpan: number;
  /** head: column header; stub: row header; value: a number; */
  kind: 'head' | 'stub' | 'value';
  /** For headers, how they relate to the data (th scope). */
  scope?: 'col' | 'colgroup' | 'row' | 'rowgroup';
  ref?: CellRef;
}

export interface Grid {
  key: TableKey;
  caption: string;
  columns: number;
  /** Rows of header cells (a thead), then rows with data. */
  headRows: number;
  rows: GridCell[][];
}

export function formatCell(v: Cell): string {
  return v === null ? '' : String(v);
}

const head = (text: string, colSpan = 1, rowSpan = 1, scope: GridCell['scope'] = colSpan > 1 ? 'colgroup' : 'col'): GridCell => ({
  text,
  colSpan,
  rowSpan,
  kind: 'head',
  scope,
});
const stub = (text: string, colSpan = 1, rowSpan = 1): GridCell => ({
  text,
  colSpan,
  rowSpan,
  kind: 'stub',
  scope: rowSpan > 1 ? 'rowgroup' : 'row',
});
const value = (v: Cell, ref: CellRef, colSpan = 1): GridCell => ({ text: formatCell(v), colSpan, rowSpan: 1, kind: 'value', ref });

export function activeGrid(r: AnnualReport): Grid {
  const width = activeTable.valueColumns + 1;
  const rows: GridCell[][] = [];
  for (const block of activeTable.blocks) {
    rows.push([head(block.item, width, 1, 'colgroup')]);
    const valueHeads = block.header.slice(1);
    const span = valueHeads.length === 1 ? activeTable.valueColumns : 1;
    rows.push([head(block.header[0] ?? '', 1), ...valueHeads.map((h) => head(h, span, 1, 'col'))]);
    for (const row of block.rows) {
      rows.push([stub(row.label), ...row.cells.map((key) => value(activeCell(r.active, key), { table: 'active', row: key, column: '' }, span))]);
    }
  }
  return { key: 'active', caption: sectionTitle('active'), columns: width, headRows: 0, rows };
}

export function applicationsGrid(r: AnnualReport): Grid {
  const depth = applicationsTable.stubDepth;
  const orgColumns = applicationColumns.filter((c) => c.key !== 'naturalPerson' && c.key !== 'total');
  const rows: GridCell[][] = [
    [{ ...head(applicationsTable.note, depth, 3), scope: undefined }, head(applicationsTable.columnGroup, applicationColumns.length, 1, 'colgroup')],
    [head(applicationColumns[0]?.label ?? '', 1, 2), head(applicationsTable.organisationGroup, orgColumns.length, 1, 'colgroup'), head('总计', 1, 2)],
    orgColumns.map((c) => head(c.label)),
  ];
  applicationRows.forEach((row, i) => {
    const cells: GridCell[] = [];
    row.stub.forEach((label, level) => {
      const prefix = row.stub.slice(0, level + 1).join('\u0000');
      const prev = applicationRows[i - 1];
      if (prev && prev.stub.slice(0, level + 1).join('\u0000') === prefix) return; // covered by a rowspan above
      let span = 1;
      while (applicationRows[i + span]?.stub.slice(0, level + 1).join('\u0000') === prefix) span++;
      const last = level === row.stub.length - 1;
      cells.push(stub(label, last ? depth - level : 1, span));
    });
    applicationColumns.forEach((c, ci) => {
      cells.push(value(r.applications.rows[row.key]?.[ci] ?? null, { table: 'applications', row: row.key, column: c.key }));
    });
    rows.push(cells);
  });
  return { key: 'applications', caption: sectionTitle('applications'), columns: depth + applicationColumns.length, headRows: 3, rows };
}

export function appealsGrid(r: AnnualReport): Grid {
  const n = appealColumns.length;
  const top: GridCell[] = [];
  const middle: GridCell[] = [];
  const bottom: GridCell[] = [];
  appealGroups.forEach((g, i) => {
    const first = g.header[0] ?? '';
    if (g.header.length === 1) {
      top.push(head(first, n, 1, 'colgroup'));
      for (const c of appealColumns) middle.push(head(c.label, 1, 2));
      return;
    }
    if (appealGroups[i - 1]?.header[0] !== first) {
      const width = appealGroups.filter((x) => x.header[0] === first).length * n;
      top.push(head(first, width, 1, 'colgroup'));
    }
    middle.push(head(g.header[1] ?? '', n, 1, 'colgroup'));
    for (const c of appealColumns) bottom.push(head(c.label));
  });
  const values = appealGroups.flatMap((g) => appealColumns.map((c) => value(r.appeals[g.key][c.key], { table: 'appeals', row: g.key, column: c.key })));
  return { key: 'appeals', caption: sectionTitle('appeals'), columns: n * appealGroups.length, headRows: 3, rows: [top, middle, bottom, values] };
}

export function reportGrids(r: AnnualReport): Record<TableKey, Grid> {
  return { active: activeGrid(r), applications: applicationsGrid(r), appeals: appealsGrid(r) };
}

/** Places every cell on the full grid: [row][col] → the cell covering it and whether it starts there. */
export function layout(grid: Grid): { cell: GridCell; row: number; col: number }[] {
  const taken: boolean[][] = [];
  const out: { cell: GridCell; row: number; col: number }[] = [];
  grid.rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (taken[r]?.[c]) c++;
      out.push({ cell, row: r, col: c });
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        for (let dc = 0; dc < cell.colSpan; dc++) {
          (taken[r + dr] ??= [])[c + dc] = true;
        }
      }
      c += cell.colSpan;
    }
  });
  return out;
}
