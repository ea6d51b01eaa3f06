/**
 * A published report as a stream of cells in reading order: a paragraph, a table cell or a
 * line, as a browser copy gives them. Each source (plain text, markdown, HTML, DOCX, PDF)
 * turns its document into this one shape; the reader works on it alone.
 */
import { valueOf } from './text.ts';

export type SourceKind = 'text' | 'markdown' | 'html' | 'docx' | 'pdf';

export interface Cells {
  source: SourceKind;
  /** '' is a blank cell (an empty table cell). */
  cells: string[];
  /**
   * The cells are printed lines (PDF): a row's label and its numbers share a line, separated
   * by spaces, and a label may wrap onto the next line.
   */
  lines: boolean;
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
    if (pending.length > 0 || first !== '') cells.push(...pending, ...(first !== '' ? [first] : []));
    else if (!opensRow) cells.push('');
    pending = [];
    const inner = parts.slice(1, -1);
    // | | 2.其他法律行政法规禁止公开 | …: the blank under a rowspan label is not a cell
    const label = opensRow ? inner.findIndex((p) => p !== '') : -1;
    const skip = label > 0 && valueOf(inner[label]!) === null ? label : 0;
    cells.push(...inner.slice(skip));
    const last = parts[parts.length - 1]!;
    if (last !== '') pending.push(last);
  }
  cells.push(...pending);
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
      const parts = line.replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => cleanLine(c.replace(/\*\*/g, '')));
      if (parts.every((c) => /^:?-{2,}:?$/.test(c))) continue;
      cells.push(...parts);
      continue;
    }
    cells.push(cleanLine(line.replace(/^#{1,6}\s*/, '').replace(/^[-*+]\s+(?=\S)/, '').replace(/\*\*/g, '')));
  }
  return { source: 'markdown', cells, lines: false };
}

/** Lines of a PDF's text layer, page after page. */
export function lineCells(pages: readonly string[]): Cells {
  const cells: string[] = [];
  for (const page of pages) for (const line of page.split('\n')) if (cleanLine(line) !== '') cells.push(cleanLine(line));
  return { source: 'pdf', cells, lines: true };
}
