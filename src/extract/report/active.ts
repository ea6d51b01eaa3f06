/** Table 二 (主动公开政府信息情况), in the 2021 format or the 2019 trial format. */
import { activeTable, activeTable2019, active2019Counterparts, type ActiveCellKey } from '../../law/report-format/index.ts';
import type { ActiveFigures, Cell } from '../../domain/reports/annual-report.ts';
import type { Finding } from '../../domain/reports/findings.ts';
import { fit, type Group } from './groups.ts';
import { cellValue, readerFinding } from './findings.ts';
import { fold, foldedTail } from './text.ts';

type RowSpec = { label: string; cells: readonly string[]; columns: readonly string[]; key: string };

const rows2021: RowSpec[] = activeTable.blocks.flatMap((b) =>
  b.rows.map((r) => ({ label: r.label, cells: r.cells, columns: b.header.slice(1), key: r.cells[0]!.split('.')[0]! })),
);
const rows2019: RowSpec[] = activeTable2019.blocks.flatMap((b) =>
  b.rows.map((r) => ({ label: r.label, cells: b.columns.map((c) => `${r.key}.${c}`), columns: b.header.slice(1), key: r.key })),
);

/** 2019 column headers that no 2021 header contains: one of them makes table 二 a 2019 one. */
const headers2021 = activeTable.blocks.flatMap((b) => b.header.map(fold));
const headers2019Only = [...new Set(activeTable2019.blocks.flatMap((b) => b.header.map(fold)))].filter((h) => !headers2021.some((x) => x.includes(h)));

export function isActive2019(groups: readonly Group[]): boolean {
  return groups.some((g) => g.labels.some((l) => headers2019Only.some((h) => fold(l).includes(h))));
}

/**
 * The row a group's label ends with. A 2021 table may name a row by its 2019 label
 * (规范性文件 for 行政规范性文件): the 2019 row of the same key.
 */
/** The format's labels folded once each (rowOf runs for every group of a table). */
const foldedLabels = new Map<string, string>();
function foldLabel(label: string): string {
  let f = foldedLabels.get(label);
  if (f === undefined) foldedLabels.set(label, (f = fold(label)));
  return f;
}

function rowOf(g: Group, specs: readonly RowSpec[], aliases: readonly RowSpec[]): RowSpec | null {
  const label = foldedTail(g.labels, 80);
  let best: RowSpec | null = null;
  for (const s of specs) if (label.endsWith(foldLabel(s.label)) && (!best || s.label.length > best.label.length)) best = s;
  if (best) return best;
  for (const a of aliases) {
    if (!label.endsWith(foldLabel(a.label))) continue;
    const s = specs.find((x) => x.key === a.key);
    if (s) return s;
  }
  return null;
}

export interface ActiveRead {
  active: ActiveFigures;
  /** 2019 format: its table under extra.active2019. */
  active2019: Record<string, Record<string, Cell>> | null;
}

export function readActive(groups: readonly Group[], findings: Finding[]): ActiveRead {
  const is2019 = isActive2019(groups);
  const specs = is2019 ? rows2019 : rows2021;
  const values = new Map<string, Cell>();
  const seen = new Set<string>();
  for (const g of groups) {
    if (g.values.length === 0) continue;
    const spec = rowOf(g, specs, is2019 ? [] : rows2019);
    if (!spec || seen.has(spec.key)) continue;
    seen.add(spec.key);
    const cells = fit(g.values, spec.cells.length);
    const where = `active.${spec.key}`;
    if (!cells) {
      findings.push(
        readerFinding(
          'P-01',
          where,
          `表二“${spec.label}”行读到${g.values.filter((v) => v.kind !== 'blank').length}个数字，应为${spec.cells.length}个，无法确定各数字所在的列，按空值处理`,
        ),
      );
      continue;
    }
    cells.forEach((v, i) => {
      const key = spec.cells[i]!;
      values.set(key, cellValue(v, `表二“${spec.label}”的“${spec.columns[i] ?? ''}”`, `active.${key}`, findings, true));
    });
  }
  for (const s of specs) {
    if (!seen.has(s.key)) findings.push(readerFinding('P-01', `active.${s.key}`, `未找到表二“${s.label}”行，其数字按空值处理`));
  }
  const get = (k: string): Cell => values.get(k) ?? null;
  if (!is2019) {
    const c = (k: ActiveCellKey) => get(k);
    return {
      active: {
        rules: { issued: c('rules.issued'), repealed: c('rules.repealed'), inForce: c('rules.inForce') },
        normativeDocuments: {
          issued: c('normativeDocuments.issued'),
          repealed: c('normativeDocuments.repealed'),
          inForce: c('normativeDocuments.inForce'),
        },
        licensing: c('licensing'),
        penalty: c('penalty'),
        coercion: c('coercion'),
        feesTenThousandYuan: c('feesTenThousandYuan'),
      },
      active2019: null,
    };
  }
  const active2019: Record<string, Record<string, Cell>> = {};
  for (const b of activeTable2019.blocks) {
    for (const r of b.rows) active2019[r.key] = Object.fromEntries(b.columns.map((col) => [col, get(`${r.key}.${col}`)]));
  }
  const counterpart = (cell: string): Cell => {
    const c = active2019Counterparts.find((x) => x.cell === cell);
    return c ? get(`${c.row}.${c.column}`) : null;
  };
  const none = { issued: null, repealed: null, inForce: null };
  return {
    active: {
      rules: { ...none },
      normativeDocuments: { ...none },
      licensing: counterpart('licensing'),
      penalty: counterpart('penalty'),
      coercion: counterpart('coercion'),
      feesTenThousandYuan: null,
    },
    active2019,
  };
}
