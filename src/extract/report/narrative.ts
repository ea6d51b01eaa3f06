/** Sections 一, 五 and 六 as plain text, one paragraph per line. */
import { isPageMark } from './text.ts';

const headingStart = /^(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+[、是]|\d+[.．、])/;
const wide = '\\u3400-\\u9fff\\u3000-\\u303f\\uff00-\\uffef\\u2018-\\u201f';
/** Spaces a PDF puts between Chinese characters, or between them and digits (受理 21 件). */
const pdfSpace = new RegExp(`(?<=[${wide}]) +| +(?=[${wide}])`, 'g');

/**
 * The text of a section's cells. Printed lines (PDF) are joined into paragraphs: a new one
 * starts at a heading, or after a line that ends a sentence short of the full line width.
 */
export function narrativeText(cells: readonly string[], lines: boolean): string {
  const kept = cells.filter((c) => c !== '' && !isPageMark(c));
  if (!lines) return kept.join('\n');
  const clean = kept.map((l) => l.replace(pdfSpace, ''));
  const width = clean.reduce((w, l) => Math.max(w, l.length), 0);
  const out: string[] = [];
  let current = '';
  let previous = '';
  for (const line of clean) {
    const ended = /[。！？：:；;]$/.test(previous) && previous.length < width - 1;
    if (current !== '' && (headingStart.test(line) || ended)) {
      out.push(current);
      current = '';
    }
    current += current !== '' && /[A-Za-z0-9]$/.test(current) && /^[A-Za-z0-9]/.test(line) ? ` ${line}` : line;
    previous = line;
  }
  if (current !== '') out.push(current);
  return out.join('\n');
}
