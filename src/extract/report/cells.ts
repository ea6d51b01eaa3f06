/**
 * A published report as a stream of cells in reading order: a paragraph, a table cell or a
 * line, as a browser copy gives them. Each source (plain text, markdown, HTML, DOCX, PDF)
 * turns its document into this one shape; the reader works on it alone.
 */
import { valueOf } from './text.ts';
import type { PdfItem } from './pdf.ts';

export type SourceKind = 'text' | 'markdown' | 'html' | 'docx' | 'pdf';

/** Where a printed word lies across its page, in PDF units from the page's left edge. */
export interface Span {
  x0: number;
  x1: number;
}

export interface Cells {
  source: SourceKind;
  /** '' is a blank cell (an empty table cell). */
  cells: string[];
  /**
   * The cells are printed lines (PDF): a row's label and its numbers share a line, separated
   * by spaces, and a label may wrap onto the next line.
   */
  lines: boolean;
  /**
   * Printed lines (PDF): for each cell, where each of its words (the cell split at spaces, as
   * groups.ts splits it) is printed; null for a line whose words could not be placed.
   */
  spans?: readonly (readonly Span[] | null)[];
  /** Printed lines (PDF): the index of each page's first cell. */
  pageStarts?: readonly number[];
}

/** Appends one by one: push(...) of a line of 100,000 cells overflows the stack. */
function pushAll<T>(to: T[], items: readonly T[]): void {
  for (const x of items) to.push(x);
}

/** The cells for which `keep` is true, with their spans and page starts. */
export function selectCells(c: Cells, keep: (i: number) => boolean): Cells {
  const cells: string[] = [];
  const spans: (readonly Span[] | null)[] | undefined = c.spans ? [] : undefined;
  const pageStarts: number[] | undefined = c.pageStarts ? [] : undefined;
  // a page whose first cells are dropped starts at its first kept cell
  let page = 0;
  let pageOpen = false;
  for (let i = 0; i < c.cells.length; i++) {
    while (c.pageStarts && page < c.pageStarts.length && c.pageStarts[page]! <= i) {
      pageOpen = true;
      page++;
    }
    if (!keep(i)) continue;
    if (pageOpen) pageStarts?.push(cells.length);
    pageOpen = false;
    cells.push(c.cells[i]!);
    spans?.push(c.spans![i] ?? null);
  }
  return { ...c, cells, ...(spans ? { spans } : {}), ...(pageStarts ? { pageStarts } : {}) };
}

const space = /[\u00a0\u2000-\u200b\u3000\t\f\v]+/g;

/** One line of input: odd spaces made plain, ends trimmed. */
export const cleanLine = (line: string) => line.replace(space, ' ').trim();

/**
 * Plain text copied from a browser: one cell per line. Some copies put a blank line between
 * every cell (the seed); there a blank cell is three blank lines (cell, blank, blank cell,
 * blank), so a run of k blank lines holds (k − 1) / 2 blank cells. Elsewhere each blank line
 * is a blank cell.
 */
export function textCells(text: string): Cells {
  const lines = text.split(/\r\n|\r|\n/).map(cleanLine);
  if (pipeTable(lines)) return { source: 'text', cells: pipeCells(lines), lines: false };
  let filled = 0;
  let spaced = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] === '') continue;
    filled++;
    if (lines[i + 1] === '' && lines[i + 2] !== '' && lines[i + 2] !== undefined) spaced++;
  }
  const doubleSpaced = filled > 20 && spaced / filled > 0.6;
  const cells: string[] = [];
  let blanks = 0;
  for (const line of lines) {
    if (line === '') {
      blanks++;
      continue;
    }
    const empty = doubleSpaced ? Math.max(0, Math.floor((blanks - 1) / 2)) : blanks;
    for (let k = 0; k < empty; k++) cells.push('');
    blanks = 0;
    cells.push(line);
  }
  return { source: 'text', cells, lines: false };
}

/** Lines that end a cell with | (规章 |), open a row with it (| 规章 | 0 |) or hold nothing else. */
function pipeTable(lines: readonly string[]): boolean {
  let n = 0;
  for (const l of lines) if (l.startsWith('|') || l.endsWith('|')) n++;
  return n >= 8;
}

/** A line of two or more pipes alone: the empty cells a page writes for the colspans of a row, at its end. */
const fillerLine = /^\|{2,}$/;

/**
 * Text whose tables a site or a browser wrote with | between cells. Three ways are seen on
 * government portals, and one rule reads them all: a | ends a cell.
 * - each cell on its line, a line holding only | after it (规章 / | / 0 / |);
 * - each cell on its line ending in | (规章 | / 0 |); a line holding only | is then a blank
 *   cell, and a line of several pipes alone is the filler of colspans (not cells);
 * - a row on a line (规章 | 0 | 0 | 0 |, or | 规章 | 0 |): a | that opens the line opens the
 *   row, and blank cells before the row's label are the rowspan cells above it (not cells of
 *   the row before).
 * Lines without a pipe (headings, paragraphs) are cells of their own, as in textCells.
 */
function pipeCells(lines: readonly string[]): string[] {
  const cells: string[] = [];
  // text since the last |, not yet ended by one
  let pending: string[] = [];
  for (const line of lines) {
    if (line === '' || fillerLine.test(line)) continue;
    if (!line.includes('|')) {
      pending.push(line);
      continue;
    }
    const parts = line.split('|').map(cleanLine);
    const opensRow = line.startsWith('|') && parts.some((p) => p !== '');
    const first = parts[0]!;
    if (pending.length > 0 || first !== '') {
      pushAll(cells, pending);
      if (first !== '') cells.push(first);
    } else if (!opensRow) cells.push('');
    pending = [];
    const inner = parts.slice(1, -1);
    // | | 2.其他法律行政法规禁止公开 | …: the blank under a rowspan label is not a cell
    const label = opensRow ? inner.findIndex((p) => p !== '') : -1;
    const skip = label > 0 && valueOf(inner[label]!) === null ? label : 0;
    pushAll(cells, inner.slice(skip));
    const last = parts[parts.length - 1]!;
    if (last !== '') pending.push(last);
  }
  pushAll(cells, pending);
  return cells;
}

/**
 * Markdown (as OCR tools write it): headings and paragraphs are cells, a table row's cells
 * are cells, the separator rows are dropped.
 */
export function markdownCells(text: string): Cells {
  const cells: string[] = [];
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = cleanLine(raw);
    if (line === '') continue;
    if (line.startsWith('|')) {
      const parts = line
        .replace(/^\|/, '')
        .replace(/\|$/, '')
        .split('|')
        .map((c) => cleanLine(c.replace(/\*\*/g, '')));
      if (parts.every((c) => /^:?-{2,}:?$/.test(c))) continue;
      pushAll(cells, parts);
      continue;
    }
    cells.push(
      cleanLine(
        line
          .replace(/^#{1,6}\s*/, '')
          .replace(/^[-*+]\s+(?=\S)/, '')
          .replace(/\*\*/g, ''),
      ),
    );
  }
  return { source: 'markdown', cells, lines: false };
}

/** A space between words: a plain one, or one of the odd spaces cleanLine makes plain. */
const isSpace = (ch: string) => ch === ' ' || /^[\u00a0\u2000-\u200b\u3000\t\f\v]$/.test(ch);

/**
 * Lines of a PDF's text layer, page after page; with the pages' items (pdf.ts), where each
 * word of a line is printed (a word's characters share its item's width evenly).
 */
export function lineCells(pages: readonly string[], items?: readonly (readonly PdfItem[])[]): Cells {
  const cells: string[] = [];
  if (!items || items.length !== pages.length) {
    for (const page of pages) for (const line of page.split('\n')) if (cleanLine(line) !== '') cells.push(cleanLine(line));
    return { source: 'pdf', cells, lines: true };
  }
  const spans: (Span[] | null)[] = [];
  const pageStarts: number[] = [];
  // The line's characters, joined once at its end: reading the last character of a string
  // grown one character at a time flattens it each time (quadratic on a line of 100,000 items).
  let chars: string[] = [];
  let from: number[] = [];
  let to: number[] = [];
  let upright = true;
  const endLine = () => {
    const line = chars.join('');
    const clean = cleanLine(line);
    if (clean !== '') {
      cells.push(clean);
      spans.push(upright ? wordSpans(line, from, to, clean) : null);
    }
    chars = [];
    from = [];
    to = [];
    upright = true;
  };
  for (const page of items) {
    pageStarts.push(cells.length);
    for (const it of page) {
      const n = it.str.length;
      // pdf.js joins items it finds on one line without a space even where the second is printed
      // to the left of the first (cells of a table written column by column) or far to its right
      const last = chars.length > 0 && !isSpace(chars[chars.length - 1]!) ? to[to.length - 1]! : null;
      const char = n > 0 ? it.width / n : 0;
      if (last !== null && n > 0 && !isSpace(it.str[0]!) && (it.x < last - Math.max(1, char / 2) || it.x > last + 2 * char)) {
        chars.push(' ');
        from.push(last);
        to.push(it.x);
      }
      for (let k = 0; k < n; k++) {
        if (it.str[k] === '\n') {
          endLine();
          continue;
        }
        chars.push(it.str[k]!);
        from.push(it.x + (it.width * k) / n);
        to.push(it.x + (it.width * (k + 1)) / n);
        if (!it.upright) upright = false;
      }
      if (it.eol) endLine();
    }
    endLine();
  }
  return { source: 'pdf', cells, lines: true, spans, pageStarts };
}

/** The span of each word of a raw line, or null when its words are not those of the cleaned line. */
function wordSpans(raw: string, from: readonly number[], to: readonly number[], clean: string): Span[] | null {
  const out: Span[] = [];
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= raw.length; i++) {
    const boundary = i === raw.length || isSpace(raw[i]!);
    if (!boundary && start < 0) start = i;
    if (boundary && start >= 0) {
      words.push(raw.slice(start, i));
      out.push({ x0: from[start]!, x1: to[i - 1]! });
      start = -1;
    }
  }
  const expected = clean.split(' ').filter((w) => w !== '');
  if (words.length !== expected.length || words.some((w, k) => w !== expected[k])) return null;
  return out.every((s) => Number.isFinite(s.x0) && Number.isFinite(s.x1) && s.x1 >= s.x0) ? out : null;
}
