/**
 * Highlighting for result lists: where the query's terms occur in a text, as plain
 * segments (the page escapes them and wraps marked ones in <mark>). Terms are found in
 * the normalized text, as the index finds them, and marked whole in the original.
 */
import { isWordChar, normalize, parseQuery } from './tokens.ts';

export interface Segment {
  text: string;
  mark: boolean;
}

/** The normalized text and, per UTF-16 unit of it, the original range of the character it came from. */
function normalizedWithMap(text: string) {
  let n = '';
  const from: number[] = [];
  const to: number[] = [];
  let o = 0;
  for (const ch of text) {
    const nc = normalize(ch);
    for (let k = 0; k < nc.length; k++) {
      from.push(o);
      to.push(o + ch.length);
    }
    n += nc;
    o += ch.length;
  }
  return { n, from, to };
}

/** The original ranges of every occurrence of the query's terms, sorted and merged. */
export function matchRanges(text: string, query: string): [number, number][] {
  const terms = parseQuery(query).map((t) => t.text);
  if (!terms.length) return [];
  const { n, from, to } = normalizedWithMap(text);
  const ranges: [number, number][] = [];
  for (const term of terms) {
    // Letter/digit runs are whole tokens in the index: 2023 does not occur in 20231.
    const first = [...term][0];
    const last = [...term].at(-1);
    for (let i = n.indexOf(term); i >= 0; i = n.indexOf(term, i + 1)) {
      const e = i + term.length;
      if (isWordChar(first) && isWordChar(charBefore(n, i))) continue;
      if (isWordChar(last) && isWordChar(charAt(n, e))) continue;
      ranges.push([from[i]!, to[e - 1]!]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const prev = merged[merged.length - 1];
    if (prev && r[0] <= prev[1]) prev[1] = Math.max(prev[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

const charAt = (s: string, i: number) => (i < s.length ? String.fromCodePoint(s.codePointAt(i)!) : undefined);
function charBefore(s: string, i: number): string | undefined {
  if (i <= 0) return undefined;
  const low = s.charCodeAt(i - 1);
  return low >= 0xdc00 && low <= 0xdfff && i >= 2 ? s.slice(i - 2, i) : s[i - 1];
}

/** Moves an offset off the second half of a surrogate pair. */
function boundary(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return i > 0 && i < s.length && c >= 0xdc00 && c <= 0xdfff ? i - 1 : i;
}

/**
 * About `length` characters of `text` around the first occurrence of the query, every
 * occurrence in it marked, with … where text was left out. Without an occurrence, the
 * beginning of the text. Runs of white space become one space.
 */
export function snippet(text: string, query: string, length: number): Segment[] {
  const t = text.replace(/\s+/gu, ' ').trim();
  const ranges = matchRanges(t, query);
  const first = ranges[0];
  let start = 0;
  let end = Math.min(t.length, length);
  const lead = Math.floor(length / 4);
  // From the beginning when the match fits there with some text after it.
  if (first && first[1] + lead > length) {
    start = Math.max(0, first[0] - lead);
    end = Math.min(t.length, Math.max(start + length, first[1]));
    start = Math.max(0, Math.min(start, end - length));
  }
  start = boundary(t, start);
  end = boundary(t, end);
  const out: Segment[] = [];
  const push = (s: string, mark: boolean) => {
    if (!s) return;
    const prev = out[out.length - 1];
    if (prev && prev.mark === mark) prev.text += s;
    else out.push({ text: s, mark });
  };
  if (start > 0) push('…', false);
  let at = start;
  for (const [a, b] of ranges) {
    if (b <= start || a >= end) continue;
    push(t.slice(at, Math.max(at, a)), false);
    push(t.slice(Math.max(at, a), Math.min(b, end)), true);
    at = Math.min(b, end);
  }
  push(t.slice(at, end), false);
  if (end < t.length) push('…', false);
  return out;
}

/** The whole text with every occurrence of the query marked (for titles). */
export function highlight(text: string, query: string): Segment[] {
  return snippet(text, query, Number.POSITIVE_INFINITY);
}
