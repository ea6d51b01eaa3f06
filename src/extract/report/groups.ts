/**
 * Table cells in groups: the labels of a row (its stub, with any header or wrapped piece
 * before it) followed by its values. A row's numbers are the values of its group; the reader
 * never moves a number from one group to another.
 */
import type { Cells, Span } from './cells.ts';
import { foldedTail, pairs, valueOf, type Value } from './text.ts';

export interface Group {
  labels: string[];
  values: Value[];
  /** Printed lines (PDF) whose words are placed: where each value is printed (null where unknown). */
  spans?: (Span | null)[];
}

type Token = { label: string | null; value: Value | null; span?: Span | null };

/** A table's part of the document: its cells, and their groups. */
export interface Table {
  cells: Cells;
  groups: Group[];
}

/** Work done by the reader, counted so that tests can hold it linear in the input. */
export interface Work {
  steps: number;
}

/** A number printed right before a unit (2023 年) is text, not a cell of its own. */
const unitAfter = /^[年月日号件条个项万元%％]/;

/** The tokens of one cell: a printed line splits at spaces into its label and its numbers. */
function tokensOf(cell: string, lines: boolean, spans?: readonly Span[] | null): Token[] {
  const words = cell.split(' ').filter((w) => w !== '');
  if (!lines) {
    // a printed row's numbers copied as one line (0 0 0 0 0): each its own value, never one number
    const several = words.length > 1 ? words.map(valueOf) : [];
    if (several.length > 0 && several.every((v) => v !== null && (v.kind === 'number' || v.kind === 'notApplicable'))) {
      return several.map((value) => ({ label: null, value }));
    }
    const value = valueOf(cell);
    return [value ? { label: null, value } : { label: cell, value: null }];
  }
  const out: Token[] = [];
  const placed = spans && spans.length === words.length ? spans : null;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const value = valueOf(w);
    const next = words[i + 1];
    if (value && value.kind !== 'blank' && !(next !== undefined && unitAfter.test(next))) out.push({ label: null, value, span: placed?.[i] ?? null });
    else {
      const last = out[out.length - 1];
      if (last && last.label !== null) last.label += w;
      else out.push({ label: w, value: null });
    }
  }
  return out;
}

/** Groups of a slice of cells; `words` collects each label as printed (for rule X-02). */
export function groupsOf(c: Cells, from: number, to: number, work: Work, words?: string[]): Group[] {
  const out: Group[] = [];
  let current: Group = { labels: [], values: [] };
  for (let i = from; i < to; i++) {
    const cell = c.cells[i]!;
    work.steps += 1 + (c.lines ? cell.length >> 4 : 0);
    // one by one: push(...) of a line of 100,000 words overflows the stack
    if (words && c.lines) for (const w of cell.split(' ')) if (w !== '' && !valueOf(w)) words.push(w);
    for (const t of tokensOf(cell, c.lines, c.spans?.[i])) {
      if (t.label !== null) {
        if (words && !c.lines) words.push(t.label);
        if (current.values.length > 0) {
          out.push(current);
          current = { labels: [], values: [] };
        }
        current.labels.push(t.label);
      } else if (t.value) {
        current.values.push(t.value);
        if (c.spans) (current.spans ??= []).push(t.span ?? null);
      }
    }
  }
  if (current.labels.length > 0 || current.values.length > 0) out.push(current);
  return out;
}

/**
 * The `n` values of a row from what its group holds: exactly n cells; or n filled cells
 * among blank separator lines; or n after blank lines at either end. Otherwise null: the
 * numbers cannot be placed in their columns without guessing.
 */
export function fit(values: readonly Value[], n: number): Value[] | null {
  if (values.length === n) return [...values];
  const filled = values.filter((v) => v.kind !== 'blank');
  if (filled.length === n) return filled;
  let a = 0;
  let b = values.length;
  while (a < b && values[a]!.kind === 'blank') a++;
  while (b > a && values[b - 1]!.kind === 'blank') b--;
  if (b - a === n) return values.slice(a, b);
  return null;
}

/** A group's label as the reader compares it: its labels joined and folded, the last 160 characters. */
export function labelOf(g: Group): { folded: string; pairs: Set<string> } {
  const folded = foldedTail(g.labels, 160);
  return { folded, pairs: pairs(folded) };
}
