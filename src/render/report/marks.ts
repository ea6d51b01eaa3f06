/** Which grid cell or section a finding marks, so pages can highlight it. */
import type { Finding } from '../../domain/reports/findings.ts';
import type { CellRef } from './grid.ts';

export const cellKey = (ref: CellRef) => `${ref.table}:${ref.row}:${ref.column}`;

export function findingTarget(f: Finding): { cell: string } | { section: string } | null {
  if (f.where.startsWith('active.')) return { cell: `active:${f.where.slice('active.'.length)}:` };
  if (f.where.startsWith('appeals.')) return { cell: `appeals:${f.where.slice('appeals.'.length)}:${f.column ?? 'total'}` };
  if (f.where.startsWith('text.')) return { section: f.where.slice('text.'.length) };
  if (f.where === 'report' || f.where === 'active') return null;
  return { cell: `applications:${f.where}:${f.column ?? 'total'}` };
}

export interface Marks {
  cells: Map<string, number[]>;
  sections: Map<string, number[]>;
}

/** Finding indexes by marked cell and section. */
export function marksOf(findings: readonly Finding[]): Marks {
  const cells = new Map<string, number[]>();
  const sections = new Map<string, number[]>();
  findings.forEach((f, i) => {
    const t = findingTarget(f);
    if (!t) return;
    const [map, key] = 'cell' in t ? [cells, t.cell] : [sections, t.section];
    map.set(key, [...(map.get(key) ?? []), i]);
  });
  return { cells, sections };
}
