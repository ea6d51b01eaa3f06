/**
 * What a page prints around the report, dropped before reading: page numbers (isPageMark)
 * and running headers and footers — lines printed again at each page break, such as a site's
 * name, a print date, or a page number with a date (— 3 — 2024/1/20). A PDF gives its page
 * breaks; in text, a page mark is one. A line is a running header or footer when it is among
 * the few lines on either side of a page break, again and again: at two page breaks at least,
 * and at one in two of them. Compared with digits made alike (a date or a page number changes
 * from page to page). Numbers, a table's column headers (repeated atop the next page when the
 * table goes on, and read where it starts), and lines holding the report's title (read by
 * title.ts, and passed over where it repeats inside a table by read.ts) are never taken for one.
 */
import {
  activeTable,
  activeTable2019,
  appealColumns,
  appealGroups,
  applicationColumns,
  applicationsTable,
  reportTitleEndings,
} from '../../law/report-format/index.ts';
import { selectCells, type Cells } from './cells.ts';
import type { Work } from './groups.ts';
import { fold, isPageMark, valueOf } from './text.ts';

/** Lines looked at on each side of a page break. */
const reach = 3;
const maxLength = 60;
const titleEndings = reportTitleEndings.map(fold);
/**
 * The tables' column headers: a table continued on the next page prints its header rows again
 * at the top, and the first of them is the table's own header, to be read.
 */
const columnHeaders = [
  ...new Set(
    [
      ...activeTable.blocks.flatMap((b) => b.header),
      ...activeTable2019.blocks.flatMap((b) => b.header),
      ...applicationColumns.map((c) => c.label),
      applicationsTable.columnGroup,
      applicationsTable.organisationGroup,
      ...appealColumns.map((c) => c.label),
      ...appealGroups.flatMap((g) => g.header),
    ].map(fold),
  ),
];

function furnitureKey(cell: string): string | null {
  if (cell.length > maxLength) return null;
  const v = valueOf(cell);
  if (v !== null && v.kind !== 'unreadable') return null;
  const f = fold(cell);
  if (f.length < 4 || titleEndings.some((e) => f.includes(e)) || columnHeaders.some((h) => f.includes(h))) return null;
  return f.replace(/\d+/g, '0');
}

/** The cells without page marks and running headers and footers. */
export function withoutPageFurniture(c: Cells, work: Work): Cells {
  const n = c.cells.length;
  const mark = c.cells.map(isPageMark);
  work.steps += n;
  // page breaks: [the last cell before, the first cell after]
  const breaks: [number, number][] = [[-1, 0]];
  for (const s of c.pageStarts ?? []) if (s > 0 && s < n) breaks.push([s - 1, s]);
  for (let i = 0; i < n; i++) if (mark[i]) breaks.push([i - 1, i + 1]);
  breaks.push([n - 1, n]);
  const pages = Math.max(c.pageStarts?.length ?? 0, mark.filter(Boolean).length + 1);

  // the cells near a page break, by key: where each key is printed
  const seen = new Map<string, Set<number>>();
  const near = new Map<number, string>();
  const look = (i: number, step: 1 | -1) => {
    for (let k = 0; k < reach && i >= 0 && i < n; i += step) {
      work.steps++;
      if (mark[i] || c.cells[i] === '') continue;
      k++;
      const key = near.get(i) ?? furnitureKey(c.cells[i]!);
      if (key === null) continue;
      near.set(i, key);
      const at = seen.get(key) ?? new Set<number>();
      at.add(i);
      seen.set(key, at);
    }
  };
  for (const [before, after] of breaks) {
    look(before, -1);
    look(after, 1);
  }
  const recurring = (i: number) => {
    const key = near.get(i);
    const at = key === undefined ? undefined : seen.get(key);
    return at !== undefined && at.size >= 2 && at.size * 2 >= pages;
  };
  return selectCells(c, (i) => !mark[i] && !recurring(i));
}
