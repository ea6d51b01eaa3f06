/**
 * The annual report as data, in the shape of shared/contracts/annual-report-json.md.
 * A platform-computed report has numbers in every cell; a report read from a document
 * may have `null` where a cell was blank or unreadable.
 */
import type { ApplicationRowKey, AppealColumnKey } from '../../law/report-format/index.ts';
import type { AppealTrack } from '../../law/appeals.ts';
import { applicationColumnKeys, applicationRowKeys, appealColumnKeys } from '../../law/report-format/index.ts';
import { appealTrackKeys } from '../../law/appeals.ts';

export type Cell = number | null;
export type Triple = { issued: Cell; repealed: Cell; inForce: Cell };

export interface ActiveFigures {
  rules: Triple;
  normativeDocuments: Triple;
  licensing: Cell;
  penalty: Cell;
  coercion: Cell;
  feesTenThousandYuan: Cell;
}

export interface AnnualReport {
  format: '2021' | '2019';
  agency: string;
  year: number;
  active: ActiveFigures;
  applications: {
    columns: string[];
    rows: Record<ApplicationRowKey, Cell[]>;
  };
  appeals: Record<AppealTrack, Record<AppealColumnKey, Cell>>;
  text: { overview: string; problems: string; other: string };
  extra: Record<string, unknown>;
}

/** An empty report (all cells null), the starting point of a parse or an edit. */
export function blankReport(agency: string, year: number): AnnualReport {
  const rows = Object.fromEntries(applicationRowKeys.map((k) => [k, applicationColumnKeys.map(() => null)])) as Record<ApplicationRowKey, Cell[]>;
  const appeals = Object.fromEntries(appealTrackKeys.map((t) => [t, Object.fromEntries(appealColumnKeys.map((c) => [c, null]))])) as AnnualReport['appeals'];
  const triple = (): Triple => ({ issued: null, repealed: null, inForce: null });
  return {
    format: '2021',
    agency,
    year,
    active: {
      rules: triple(),
      normativeDocuments: triple(),
      licensing: null,
      penalty: null,
      coercion: null,
      feesTenThousandYuan: null,
    },
    applications: { columns: [...applicationColumnKeys], rows },
    appeals,
    text: { overview: '', problems: '', other: '' },
    extra: {},
  };
}

/**
 * Rows of table 三 a report does not have: the 2019 trial format, and a 2021 report that
 * kept its single （六）其他处理 row (read from a document: `extra.otherDisposalSingleRow`),
 * print （六） as one row, `otherDisposal.other`; these two are null in the contract JSON.
 */
const absentWithSingleRow: readonly ApplicationRowKey[] = ['otherDisposal.noCorrection', 'otherDisposal.unpaidFee'];
export function isAbsentRow(r: AnnualReport, row: ApplicationRowKey): boolean {
  return (r.format === '2019' || r.extra['otherDisposalSingleRow'] === true) && absentWithSingleRow.includes(row);
}

/** Reads a table 二 cell by its dotted key. */
export function activeCell(active: ActiveFigures, key: string): Cell {
  const [a, b] = key.split('.') as [keyof ActiveFigures, keyof Triple | undefined];
  const v = active[a];
  return b ? (v as Triple)[b] : (v as Cell);
}
