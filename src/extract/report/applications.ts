/**
 * Table 三 (收到和处理政府信息公开申请情况). Its rows are found by their labels in the
 * order the format declares them: the groups of the document and the rows of the format are
 * aligned (a weighted longest common subsequence), each group matching the row whose label
 * it holds most of. Wrapped, garbled or page-broken labels still match; a row that is
 * missing stays null. A 2021 report that kept the 2019 single （六）其他处理 row is aligned
 * against that layout too, and the better alignment is taken. In a PDF, a row printing fewer
 * numbers than columns (blank cells) has them placed by where they are printed (columns.ts).
 *
 * Its numbers are put in the declared columns only if the column headers, where the document
 * prints them, are the declared ones in the declared order; otherwise the table stays null.
 */
import {
  applicationColumnKeys,
  applicationColumns,
  applicationRowLabel,
  applicationRows,
  applicationsTable,
  type ApplicationRowKey,
} from '../../law/report-format/index.ts';
import { applicantTypes, isApplicantType } from '../../law/applicant-types.ts';
import { outcomeGroups } from '../../law/outcome-codes.ts';
import type { Cell } from '../../domain/reports/annual-report.ts';
import type { Finding } from '../../domain/reports/findings.ts';
import { fit, labelOf, type Group, type Table, type Work } from './groups.ts';
import { columnsAt, columnsOfRows, headerCells, headerWords, placeByColumns, tracesOf, type Columns } from './columns.ts';
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
const organisation = applicationColumns.filter((c) => isApplicantType(c.key) && applicantTypes[c.key].group === applicationsTable.organisationGroup);
/**
 * The same headers in the order a copy of the format's table gives them, row by row: 自然人
 * and 总计 span the two header rows beside 法人或其他组织, whose five columns are on the row below.
 */
const byRows = [...applicationColumns.filter((c) => !organisation.includes(c)), ...organisation].map((c) => fold(c.label));
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
const vocabulary = [...headerNames, ...aliases.keys()].sort((a, b) => b.length - a.length);
/** Header text read at most (a header is a few dozen characters). */
const maxHeader = 800;

/** The column headers named in a header's text, in the order they are first named. */
function columnsNamed(text: string): string[] {
  const out: string[] = [];
  for (let p = 0; p < text.length; ) {
    const w = vocabulary.find((v) => text.startsWith(v, p));
    if (w === undefined) {
      p++;
      continue;
    }
    p += w.length;
    const label = aliases.get(w) ?? w;
    if (columnLabels.includes(label) && !out.includes(label)) out.push(label);
  }
  return out;
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const listed = (labels: readonly string[]) => labels.map((l) => applicationColumns[columnLabels.indexOf(l)]!.label).join('、');
const organisationLabels = organisation.map((c) => fold(c.label));
const totalLabel = fold(applicationColumns.find((c) => c.key === 'total')!.label);

/**
 * Headers read row by row, left to right as the columns stand: in the format's two header rows
 * (those beside 法人或其他组织 first, then its columns) 总计 is the last column.
 */
function asColumns(found: readonly string[]): string[] {
  const k = found.findIndex((l) => organisationLabels.includes(l));
  if (k < 0 || found.slice(k).some((l) => !organisationLabels.includes(l))) return [...found];
  const beside = found.slice(0, k);
  return [...beside.filter((l) => l !== totalLabel), ...found.slice(k), ...beside.filter((l) => l === totalLabel)];
}

/**
 * Where the table prints its column headers, the headers it prints unless they are the
 * declared ones in order: printed lines (PDF) by where each header is printed (a header
 * wrapped over lines, 商业 / 企业, is one), other documents by the order they are read in
 * (one header row, or the format's two). Null when they are, or when no header is printed.
 * Also the columns' centres, when the printed headers give them.
 */
function readHeader(t: Table, data: readonly Group[], first: number, work: Work): { differs: string[] | null; columns: Columns | null } {
  if (t.cells.lines) {
    const words = headerWords(t.cells, work);
    const cells = headerCells(words, [...headerNames, ...aliases.keys()])
      .map((c) => ({ ...c, label: aliases.get(c.label) ?? c.label }))
      .filter((c) => columnLabels.includes(c.label));
    const found = cells.map((c) => c.label);
    if (new Set(found).size < 2) return { differs: null, columns: null };
    if (same(found, columnLabels)) return { differs: null, columns: columnsAt(cells.map((c) => c.center)) };
    // a header the reader cannot make out (printed in pieces it does not join) is not a missing
    // column: only headers out of the declared order, or one of which nothing is printed, are
    const inOrder = found.every((l, i) => i === 0 || columnLabels.indexOf(l) > columnLabels.indexOf(found[i - 1]!));
    const absent = columnLabels.some((l) => !found.includes(l) && !tracesOf(words, l));
    return { differs: inOrder && !absent ? null : found, columns: null };
  }
  // the header is what precedes the first row found
  const end = first >= 0 ? t.groups.indexOf(data[first]!) : -1;
  let text = '';
  for (let i = 0; i <= end && text.length < maxHeader; i++) text += fold(t.groups[i]!.labels.join(''));
  text = text.slice(0, maxHeader);
  work.steps += text.length;
  const found = columnsNamed(text);
  if (found.length < 2 || same(found, columnLabels) || same(found, byRows)) return { differs: null, columns: null };
  return { differs: asColumns(found), columns: null };
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
  const found = match.filter((m) => m >= 0);
  const header = readHeader(t, data, found.length > 0 ? Math.min(...found) : -1, work);
  if (header.differs) {
    const printed = header.differs;
    for (const r of applicationRows) {
      findings.push(
        readerFinding(
          'P-01',
          r.key,
          `表三的列标题（${listed(printed)}）与格式规定的列（${listed(columnLabels)}）不符，无法确定“${applicationRowLabel(r.key)}”行各数字所在的列，按空值处理`,
        ),
      );
    }
    return { rows, singleOtherDisposalRow: single };
  }

  // for rows with blank cells (PDF): the columns where the full rows print their numbers, or
  // in a table without a full row where its headers are printed
  let columns: Columns | null | undefined;
  const placed = (g: Group): Value[] | null => {
    if (!g.spans) return null;
    if (columns === undefined) {
      const rows = columnsOfRows(data, columnCount);
      columns = rows.full ? rows.columns : header.columns;
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
    rows[key] = cells.map((v, i) => cellValue(v, `表三“${name}”行“${applicationColumns[i]!.label}”列`, key, findings, false, applicationColumnKeys[i]));
  });
  return { rows, singleOtherDisposalRow: single };
}
