/** Table 四 (行政复议、行政诉讼情况): fifteen numbers, three groups of five, in the declared order. */
import { appealColumnKeys, appealColumns, appealGroupLabel, appealGroups } from '../../law/report-format/index.ts';
import type { AnnualReport } from '../../domain/reports/annual-report.ts';
import type { Finding } from '../../domain/reports/findings.ts';
import { fit, type Table, type Work } from './groups.ts';
import { columnsAt, headerCells, headerWords, placeByColumns } from './columns.ts';
import { cellValue, readerFinding } from './findings.ts';
import type { Span } from './cells.ts';
import { fold, type Value } from './text.ts';

const count = appealGroups.length * appealColumns.length;
/** The fifteen column headers left to right: 结果维持 … 总计 under each of the three groups. */
const headers = appealGroups.flatMap(() => appealColumns.map((c) => fold(c.label)));

/**
 * Printed lines (PDF) with blank cells: each number in the column whose header it is printed
 * under, when the fifteen headers are printed in the declared order.
 */
function placed(t: Table, values: readonly Value[], work: Work): Value[] | null {
  const spans: (Span | null)[] = [];
  for (const g of t.groups) {
    if (g.values.length === 0) continue;
    if (!g.spans) return null;
    for (const s of g.spans) spans.push(s); // not push(...): a line may hold 100,000 words
  }
  const cells = headerCells(headerWords(t.cells, work), headers);
  if (cells.length !== count || cells.some((c, i) => c.label !== headers[i])) return null;
  const columns = columnsAt(cells.map((c) => c.center));
  return columns ? placeByColumns(values, spans, columns) : null;
}

/**
 * The table's numbers in reading order: one row of fifteen (the format), or a group of five
 * under each of the three headings (reports that split the table); in a PDF, a row with blank
 * cells by where its numbers are printed. Any other count cannot be placed without guessing:
 * every cell is then null with one finding.
 */
export function readAppeals(t: Table, appeals: AnnualReport['appeals'], findings: Finding[], work: Work): void {
  const values = t.groups.flatMap((g) => g.values);
  const cells = fit(values, count) ?? (t.cells.spans && values.length > 0 ? placed(t, values, work) : null);
  if (!cells) {
    const filled = values.filter((v) => v.kind !== 'blank').length;
    const what = filled === 0 ? '未找到表四的数字' : `表四读到${filled}个数字，应为${count}个，无法确定各数字所在的列`;
    findings.push(readerFinding('P-01', 'appeals', `${what}，按空值处理`));
    return;
  }
  appealGroups.forEach((g, gi) => {
    appealColumnKeys.forEach((col, ci) => {
      const v = cells[gi * appealColumnKeys.length + ci]!;
      const name = `表四“${appealGroupLabel(g.key)}”的“${appealColumns[ci]!.label}”`;
      appeals[g.key][col] = cellValue(v, name, `appeals.${g.key}`, findings, false, col);
    });
  });
}
