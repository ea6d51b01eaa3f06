/**
 * Table 三 (收到和处理政府信息公开申请情况). Its rows are found by their labels in the
 * order the format declares them: the groups of the document and the rows of the format are
 * aligned (a weighted longest common subsequence), each group matching the row whose label
 * it holds most of. Wrapped, garbled or page-broken labels still match; a row that is
 * missing stays null. A 2021 report that kept the 2019 single （六）其他处理 row is aligned
 * against that layout too, and the better alignment is taken. In a PDF, a row printing fewer
 * numbers than columns (blank cells) has them placed by where they are printed (columns.ts).
 */
import {
  applicationColumnKeys,
  applicationColumns,
  applicationRowLabel,
  applicationRows,
  applicationsTable,
  type ApplicationRowKey,
} from '../../law/report-format/index.ts';
import { outcomeGroups } from '../../law/outcome-codes.ts';
import type { Cell } from '../../domain/reports/annual-report.ts';
import type { Finding } from '../../domain/reports/findings.ts';
import { fit, labelOf, type Group, type Table, type Work } from './groups.ts';
import { columnsAt, columnsOfRows, headerCells, headerWords, placeByColumns, type Columns } from './columns.ts';
import { cellValue, readerFinding } from './findings.ts';
import { fold, pairs, type Value } from './text.ts';

/** A group matches a row when it holds at least this share of the row label's character pairs. */
const threshold = 0.65;
/** Groups beyond this many in the table's part of the document are not read (a table has about 30). */
const maxGroups = 400;

type Target = { key: ApplicationRowKey | 'singleOtherDisposal'; pairs: Set<string>; folded: string };

const leaf = (key: ApplicationRowKey) => {
  const stub = applicationRows.find((r) => r.key === key)!.stub;
  return fold(stub[stub.length - 1]!);
};
const target = (key: ApplicationRowKey): Target => ({ key, folded: leaf(key), pairs: pairs(leaf(key)) });
const otherDisposalRows: readonly ApplicationRowKey[] = ['otherDisposal.noCorrection', 'otherDisposal.unpaidFee', 'otherDisposal.other'];
const singleLabel = fold(outcomeGroups.otherDisposal.label);

const layout2021: Target[] = applicationRows.map((r) => target(r.key));
const layoutSingle: Target[] = applicationRows.flatMap((r) => {
  if (r.key === 'otherDisposal.noCorrection') return [{ key: 'singleOtherDisposal' as const, folded: singleLabel, pairs: pairs(singleLabel) }];
  return otherDisposalRows.includes(r.key) ? [] : [target(r.key)];
});

function score(t: Target, label: { folded: string; pairs: Set<string> }): number {
  if (t.key === 'singleOtherDisposal') {
    // the group's label ends with （六）其他处理 itself, not with one of its numbered rows
    const at = label.folded.lastIndexOf(t.folded);
    return at >= 0 && label.folded.length - at - t.folded.length <= 2 ? 1.1 : -1;
  }
  let hit = 0;
  for (const p of t.pairs) if (label.pairs.has(p)) hit++;
  const recall = hit / t.pairs.size;
  if (recall < threshold) return -1;
  return recall + 0.1 * (hit / Math.max(1, label.pairs.size));
}

/** The best order-keeping assignment of groups to rows: for each row, the index of its group or -1. */
function align(groups: readonly { folded: string; pairs: Set<string> }[], rows: readonly Target[], work: Work): { total: number; match: number[] } {
  const m = groups.length;
  const n = rows.length;
  const w = n + 1;
  const best = new Float64Array((m + 1) * w);
  const scores = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) scores[i * n + j] = score(rows[j]!, groups[i]!);
  work.steps += m * n;
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const s = scores[(i - 1) * n + (j - 1)]!;
      let v = Math.max(best[(i - 1) * w + j]!, best[i * w + (j - 1)]!);
      if (s > 0) v = Math.max(v, best[(i - 1) * w + (j - 1)]! + s);
      best[i * w + j] = v;
    }
  }
  const match = new Array<number>(n).fill(-1);
  let i = m;
  let j = n;
  while (i > 0 && j > 0) {
    const s = scores[(i - 1) * n + (j - 1)]!;
    const here = best[i * w + j]!;
    if (s > 0 && here === best[(i - 1) * w + (j - 1)]! + s) {
      match[j - 1] = i - 1;
      i--;
      j--;
    } else if (here === best[(i - 1) * w + j]!) i--;
    else j--;
  }
  return { total: best[m * w + n]!, match };
}

export interface ApplicationsRead {
  rows: Record<ApplicationRowKey, Cell[]>;
  /** The document prints （六）其他处理 as one row (the 2019 layout). */
  singleOtherDisposalRow: boolean;
}

const columnCount = applicationColumns.length;

// ---------------------------------------------------------------- the column headers

/** The column headers as the format declares them, left to right (folded). */
const columnLabels = applicationColumns.map((c) => fold(c.label));
/**
 * Other ways a header is printed: 其它 for 其他, 合计 for 总计, and a long label cut to its
 * first four characters (OCR: 社会公益).
 */
const aliases = new Map<string, string>([
  ['其它', '其他'],
  ['合计', '总计'],
]);
const headerNames = [...columnLabels, fold(applicationsTable.columnGroup), fold(applicationsTable.organisationGroup)];
for (const l of headerNames) if (l.length >= 6 && headerNames.filter((x) => x.startsWith(l.slice(0, 4))).length === 1) aliases.set(l.slice(0, 4), l);

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Printed lines (PDF): the columns' centres where the table prints its column headers, when
 * they are the declared ones in the declared order (a header wrapped over lines, 商业 / 企业,
 * is one).
 */
function headerColumns(t: Table, work: Work): Columns | null {
  if (!t.cells.lines) return null;
  const cells = headerCells(headerWords(t.cells, work), [...headerNames, ...aliases.keys()])
    .map((c) => ({ ...c, label: aliases.get(c.label) ?? c.label }))
    .filter((c) => columnLabels.includes(c.label));
  const found = cells.map((c) => c.label);
  return same(found, columnLabels) ? columnsAt(cells.map((c) => c.center)) : null;
}

export function readApplications(t: Table, findings: Finding[], work: Work): ApplicationsRead {
  const data = t.groups.filter((g) => g.values.length > 0).slice(0, maxGroups);
  const labels = data.map(labelOf);
  const a = align(labels, layout2021, work);
  const b = align(labels, layoutSingle, work);
  const single = b.total > a.total;
  const { match } = single ? b : a;
  const layout = single ? layoutSingle : layout2021;

  const rows = Object.fromEntries(applicationRows.map((r) => [r.key, applicationColumnKeys.map((): Cell => null)])) as Record<ApplicationRowKey, Cell[]>;

  // for rows with blank cells (PDF): the columns where the full rows print their numbers, or
  // in a table without a full row where its headers are printed
  let columns: Columns | null | undefined;
  const placed = (g: Group): Value[] | null => {
    if (!g.spans) return null;
    if (columns === undefined) {
      const rows = columnsOfRows(data, columnCount);
      columns = rows.full ? rows.columns : headerColumns(t, work);
    }
    return columns ? placeByColumns(g.values, g.spans, columns) : null;
  };

  layout.forEach((target, j) => {
    const key: ApplicationRowKey = target.key === 'singleOtherDisposal' ? 'otherDisposal.other' : target.key;
    const name = target.key === 'singleOtherDisposal' ? outcomeGroups.otherDisposal.label : applicationRowLabel(key);
    const g = match[j]! >= 0 ? data[match[j]!] : undefined;
    if (!g) {
      findings.push(readerFinding('P-01', key, `未找到表三“${name}”行，其数字按空值处理`));
      return;
    }
    const cells = fit(g.values, columnCount) ?? placed(g);
    if (!cells) {
      const filled = g.values.filter((v) => v.kind !== 'blank').length;
      const how = g.spans ? '，按其印刷位置也' : '，';
      findings.push(readerFinding('P-01', key, `表三“${name}”行读到${filled}个数字，应为${columnCount}个${how}无法确定各数字所在的列，按空值处理`));
      return;
    }
    rows[key] = cells.map((v, i) =>
      cellValue(v, `表三“${name}”行“${applicationColumns[i]!.label}”列`, key, findings, false, applicationColumnKeys[i]),
    );
  });
  return { rows, singleOtherDisposalRow: single };
}
