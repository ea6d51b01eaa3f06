/** The six section headings of the format, found in order among the cells. */
import { sections } from '../../law/report-format/index.ts';
import { containment, fold, pairs } from './text.ts';
import type { Work } from './groups.ts';

const titles = sections.map((s) => ({ numeral: `${s.numeral}、`, pairs: pairs(fold(s.title)), length: fold(s.title).length }));

export interface Heading {
  /** Index of the heading's cell, or -1 when the section was not found. */
  at: number;
  text: string;
}

/**
 * A cell is section k's heading when it starts with the section's numeral (五、) and holds
 * most of the title's character pairs; published reports reword some titles
 * (五、存在的主要问题及整改措施), which X-01 then reports.
 */
export function findHeadings(cells: readonly string[], work: Work): Heading[] {
  const out: Heading[] = [];
  let from = 0;
  for (const t of titles) {
    let found: Heading = { at: -1, text: '' };
    for (let i = from; i < cells.length; i++) {
      work.steps++;
      const cell = cells[i]!;
      if (cell.length > t.length + 24) continue;
      const f = fold(cell);
      if (!f.startsWith(t.numeral)) continue;
      if (containment(t.pairs, pairs(f)) >= 0.5) {
        found = { at: i, text: cell };
        break;
      }
    }
    out.push(found);
    if (found.at >= 0) from = found.at + 1;
  }
  return out;
}
