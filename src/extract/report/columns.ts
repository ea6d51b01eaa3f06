/**
 * A printed table's columns by where their cells are printed (PDF), for the rows whose
 * numbers cannot be placed by counting: a row with blank cells prints fewer numbers than the
 * table has columns, and the blanks leave no trace in the text. Each number goes to the column
 * it is printed in: a column's centre is where the numbers of the table's full rows are
 * printed, or failing those where its header cell is; a number placed in no column clearly —
 * off every centre by more than a quarter of the distance to the next — places nothing, and
 * the row stays unread (P-01).
 */
import type { Cells, Span } from './cells.ts';
import type { Group, Work } from './groups.ts';
import { fold, valueOf, type Value } from './text.ts';

export interface Columns {
  centers: number[];
  /** How far from its centre a number may be printed and still be in the column. */
  reach: number[];
}

const middle = (s: Span) => (s.x0 + s.x1) / 2;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Columns at these centres, left to right; null unless they are in order and apart. */
export function columnsAt(centers: readonly number[]): Columns | null {
  for (let i = 1; i < centers.length; i++) if (!(centers[i]! > centers[i - 1]!)) return null;
  const reach = centers.map((x, i) => {
    const gaps = [i > 0 ? x - centers[i - 1]! : Infinity, i + 1 < centers.length ? centers[i + 1]! - x : Infinity];
    return Math.min(...gaps) / 4;
  });
  if (reach.some((r) => !Number.isFinite(r) || r <= 0)) return null;
  return { centers: [...centers], reach };
}

/** The spans of a group's values when every value has one. */
function spansOf(g: Group): Span[] | null {
  if (!g.spans || g.spans.length !== g.values.length || g.spans.some((s) => s === null)) return null;
  return g.spans as Span[];
}

/**
 * The columns of the rows that print all `n` cells: each full row's numbers within reach of
 * the centres they give together. `full` is false when the table has no such row; `columns`
 * is null when it has none or when its full rows disagree.
 */
export function columnsOfRows(rows: readonly Group[], n: number): { full: boolean; columns: Columns | null } {
  const full: Span[][] = [];
  for (const g of rows) {
    const spans = spansOf(g);
    if (spans && g.values.length === n && g.values.every((v) => v.kind !== 'blank')) full.push(spans);
  }
  if (full.length === 0) return { full: false, columns: null };
  const cols = columnsAt(Array.from({ length: n }, (_, i) => median(full.map((s) => middle(s[i]!)))));
  const agree = cols !== null && full.every((s) => s.every((x, i) => Math.abs(middle(x) - cols.centers[i]!) <= cols.reach[i]!));
  return { full: true, columns: agree ? cols : null };
}

/**
 * A row's values in the columns they are printed in, blanks where nothing is printed; null
 * when a value has no place, falls in no column clearly, or two fall in one.
 */
export function placeByColumns(values: readonly Value[], spans: readonly (Span | null)[] | undefined, cols: Columns): Value[] | null {
  if (!spans || spans.length !== values.length) return null;
  const out: Value[] = cols.centers.map(() => ({ kind: 'blank' }));
  let last = -1;
  for (let k = 0; k < values.length; k++) {
    const s = spans[k];
    if (!s) return null;
    const x = middle(s);
    const i = cols.centers.findIndex((c, j) => Math.abs(x - c) <= cols.reach[j]!);
    // in reading order, each in a column of its own
    if (i <= last) return null;
    out[i] = values[k]!;
    last = i;
  }
  return out;
}

/** A word of a table's header lines, where it is printed. */
interface HeaderWord {
  text: string;
  span: Span;
  line: number;
}

/** The words of the lines before a table's first number (its header), with where they are printed. */
export function headerWords(c: Cells, work: Work): HeaderWord[] {
  const out: HeaderWord[] = [];
  if (!c.lines || !c.spans) return out;
  for (let i = 0; i < c.cells.length && i < 40; i++) {
    const words = c.cells[i]!.split(' ').filter((w) => w !== '');
    const spans = c.spans[i];
    work.steps += words.length;
    const values = words.map(valueOf);
    if (values.some((v) => v !== null && (v.kind === 'number' || v.kind === 'notApplicable'))) break;
    if (!spans || spans.length !== words.length) continue;
    words.forEach((w, k) => {
      if (values[k] === null) out.push({ text: fold(w), span: spans[k]!, line: i });
    });
  }
  return out;
}

/**
 * The header cells among a table's header words that are column labels (`labels`, folded),
 * left to right, with their centres. A label printed in pieces is one cell: wrapped over lines
 * (商业 / 企业), each line under the one before, or spaced out on its line (商 业 企 / 业).
 * Words that begin no label (the note of the stub) are passed over; a spanning header is best
 * among the labels (法 人 或 其 他 组 织 is not 其他). A cell's centre is that of its widest line.
 */
export function headerCells(words: readonly HeaderWord[], labels: readonly string[]): { label: string; center: number }[] {
  const known = [...new Set(labels)];
  const begins = (t: string) => known.some((l) => l.startsWith(t));
  type Stack = { text: string; line: number; pieces: Span[] };
  const stacks: Stack[] = [];
  const open = (s: Stack, t: string) => !known.includes(s.text) && begins(s.text + t);
  for (const w of words) {
    const x = middle(w.span);
    const char = (w.span.x1 - w.span.x0) / Math.max(1, w.text.length);
    const beside = stacks.find((s) => {
      const last = s.pieces[s.pieces.length - 1]!;
      return s.line === w.line && w.span.x0 >= last.x1 - 1 && w.span.x0 - last.x1 <= 2 * char && open(s, w.text);
    });
    const below = beside
      ? undefined
      : stacks.find((s) => {
          const last = s.pieces[s.pieces.length - 1]!;
          const m = middle(last);
          return s.line < w.line && w.line - s.line <= 3 && ((x >= last.x0 && x <= last.x1) || (m >= w.span.x0 && m <= w.span.x1)) && open(s, w.text);
        });
    if (beside) {
      const last = beside.pieces[beside.pieces.length - 1]!;
      beside.pieces[beside.pieces.length - 1] = { x0: last.x0, x1: w.span.x1 };
      beside.text += w.text;
    } else if (below) {
      below.pieces.push(w.span);
      below.text += w.text;
      below.line = w.line;
    } else if (begins(w.text)) stacks.push({ text: w.text, line: w.line, pieces: [w.span] });
  }
  const widest = (s: Stack) => s.pieces.reduce((a, b) => (b.x1 - b.x0 > a.x1 - a.x0 ? b : a));
  return stacks
    .filter((s) => known.includes(s.text))
    .map((s) => ({ label: s.text, center: middle(widest(s)) }))
    .sort((a, b) => a.center - b.center);
}

/** Whether every character of `label` is printed somewhere among the header words. */
export function tracesOf(words: readonly HeaderWord[], label: string): boolean {
  const printed = new Set(words.flatMap((w) => [...w.text]));
  return [...label].every((ch) => printed.has(ch));
}
