/**
 * What a county supervisor checks across the reports of a county (issue 5): each report's
 * status against its deadline, the carry-over between years (T3-05 across whichever versions
 * exist), the county's totals cell by cell, and the figures the charts draw. Pure: the
 * reports, dates and deadlines are arguments.
 */
import { appealTrackKeys } from '../../law/appeals.ts';
import {
  activeCells,
  appealColumnKeys,
  appealColumns,
  appealGroupLabel,
  applicationColumnKeys,
  applicationColumnLabel,
  applicationRowKeys,
  applicationRowLabel,
  type ApplicationRowKey,
} from '../../law/report-format/index.ts';
import { activeCell, blankReport, type AnnualReport, type Cell } from './annual-report.ts';

// ---------------------------------------------------------------- status

/** Where the report of an agency's year comes from: a platform publication, an imported document, or the platform's records (not published). */
export type ReportSource = 'published' | 'imported' | 'computed';

export type ReportStatus = 'notStarted' | 'draft' | 'published';

export const reportStatusLabels: Record<ReportStatus, string> = { notStarted: '未开始', draft: '草稿', published: '已发布' };

/**
 * A report is published when a version is stored (published on the platform or imported
 * from the published document); a draft when its narrative has been written; otherwise not
 * started. It is late when published after the deadline, or not published and the deadline
 * has passed.
 */
export function reportStatus(s: { publishedOn: string | null; narrativeWritten: boolean; deadline: string; asOf: string }): {
  status: ReportStatus;
  late: boolean;
} {
  if (s.publishedOn !== null) return { status: 'published', late: s.publishedOn > s.deadline };
  return { status: s.narrativeWritten ? 'draft' : 'notStarted', late: s.asOf > s.deadline };
}

// ---------------------------------------------------------------- cells

/** Every number of tables 二, 三 and 四, keyed as the report pages key their cells (`table:row:column`). */
export interface CellSpec {
  key: string;
  label: string;
  read: (r: AnnualReport) => Cell;
}

export const reportCells: readonly CellSpec[] = [
  ...activeCells.map((c) => ({
    key: `active:${c.key}:`,
    label: `表二 ${c.row}${c.column ? ` ${c.column}` : ''}`,
    read: (r: AnnualReport) => activeCell(r.active, c.key),
  })),
  ...applicationRowKeys.flatMap((row) =>
    applicationColumnKeys.map((col, i) => ({
      key: `applications:${row}:${col}`,
      label: `表三 ${applicationRowLabel(row)} ${applicationColumnLabel(col)}`,
      read: (r: AnnualReport) => r.applications.rows[row]?.[i] ?? null,
    })),
  ),
  ...appealTrackKeys.flatMap((track) =>
    appealColumns.map((c) => ({
      key: `appeals:${track}:${c.key}`,
      label: `表四 ${appealGroupLabel(track)} ${c.label}`,
      read: (r: AnnualReport) => r.appeals[track][c.key],
    })),
  ),
];

const add = (a: Cell, b: Cell): Cell => (a === null ? b : b === null ? a : a + b);
/** 万元 with at most four decimals: sums of decimals are rounded back to them. */
const add4 = (a: Cell, b: Cell): Cell => {
  const s = add(a, b);
  return s === null ? null : Math.round(s * 10000) / 10000;
};

/**
 * The cell-by-cell sum of several reports, as a report of `agency` (the county). A cell is
 * null only when it is null in every report: a blank cell adds nothing. Narratives are not summed.
 */
export function sumReports(reports: readonly AnnualReport[], agency: string, year: number): AnnualReport {
  const out = blankReport(agency, year);
  for (const r of reports) {
    const a = out.active;
    for (const k of ['rules', 'normativeDocuments'] as const) {
      for (const c of ['issued', 'repealed', 'inForce'] as const) a[k][c] = add(a[k][c], r.active[k][c]);
    }
    a.licensing = add(a.licensing, r.active.licensing);
    a.penalty = add(a.penalty, r.active.penalty);
    a.coercion = add(a.coercion, r.active.coercion);
    a.feesTenThousandYuan = add4(a.feesTenThousandYuan, r.active.feesTenThousandYuan);
    for (const row of applicationRowKeys) {
      const cells = out.applications.rows[row];
      for (let i = 0; i < applicationColumnKeys.length; i++) cells[i] = add(cells[i] ?? null, r.applications.rows[row]?.[i] ?? null);
    }
    for (const t of appealTrackKeys) for (const c of appealColumnKeys) out.appeals[t][c] = add(out.appeals[t][c], r.appeals[t][c]);
  }
  return out;
}

export interface CellDifference {
  key: string;
  label: string;
  sum: Cell;
  other: Cell;
}

/** The cells where two reports differ (a blank cell differs from a number, 0 included). */
export function cellDifferences(sum: AnnualReport, other: AnnualReport): CellDifference[] {
  return reportCells.map((c) => ({ key: c.key, label: c.label, sum: c.read(sum), other: c.read(other) })).filter((d) => d.sum !== d.other);
}

// ---------------------------------------------------------------- carry-over

export interface CarryOverCheck {
  /** `unknown` when either year's report is missing. */
  state: 'match' | 'mismatch' | 'unknown';
  /** Per column of table 三: last year's 结转下年度继续办理 and this year's 上年结转. */
  columns: { column: string; label: string; lastYear: Cell; thisYear: Cell; differs: boolean }[];
}

/** This year's 上年结转 against last year's 结转下年度继续办理, column by column (T3-05). */
export function carryOverCheck(thisYear: AnnualReport | null, lastYear: AnnualReport | null): CarryOverCheck {
  if (!thisYear || !lastYear) return { state: 'unknown', columns: [] };
  const columns = applicationColumnKeys.map((col, i) => {
    const last = lastYear.applications.rows.carriedForward?.[i] ?? null;
    const now = thisYear.applications.rows.carriedOver?.[i] ?? null;
    return { column: col, label: applicationColumnLabel(col), lastYear: last, thisYear: now, differs: last !== null && now !== null && last !== now };
  });
  return { state: columns.some((c) => c.differs) ? 'mismatch' : 'match', columns };
}

// ---------------------------------------------------------------- charts

/** The outcome groups of table 三 the charts draw, in the table's order. */
export const outcomeGroups = [
  { key: 'granted', label: '予以公开', rows: ['granted'] },
  { key: 'partiallyGranted', label: '部分公开', rows: ['partiallyGranted'] },
  { key: 'withheld', label: '不予公开', prefix: 'withheld.' },
  { key: 'unableToProvide', label: '无法提供', prefix: 'unableToProvide.' },
  { key: 'notProcessed', label: '不予处理', prefix: 'notProcessed.' },
  { key: 'otherDisposal', label: '其他处理', prefix: 'otherDisposal.' },
] as const;

export type OutcomeGroupKey = (typeof outcomeGroups)[number]['key'];

export interface ApplicationFigures {
  year: number;
  received: Cell;
  outcomes: Record<OutcomeGroupKey, Cell>;
}

const totalColumn = applicationColumnKeys.indexOf('total');

/** 本年新收 and the outcomes by group, from the 总计 column of table 三. */
export function applicationFigures(r: AnnualReport, year = r.year): ApplicationFigures {
  const total = (row: ApplicationRowKey) => r.applications.rows[row]?.[totalColumn] ?? null;
  const outcomes = Object.fromEntries(
    outcomeGroups.map((g) => {
      const rows = 'rows' in g ? [...g.rows] : applicationRowKeys.filter((k) => k.startsWith(g.prefix));
      return [g.key, rows.map((k) => total(k as ApplicationRowKey)).reduce<Cell>(add, null)];
    }),
  ) as Record<OutcomeGroupKey, Cell>;
  return { year, received: total('newReceived'), outcomes };
}
