/**
 * The text screening reads: what a reader sees as the same number is made the same. Zero-width
 * characters are dropped, every kind of space becomes one space, full-width ASCII becomes
 * ASCII and dash variants a hyphen. Each character of the result remembers where it stood in
 * the original, so a hit found here is a range of the original (masking works on the original).
 */

/** Invisible: zero-width space/joiners, BOM, word joiner, soft hyphen, invisible operators. */
const dropped = /[\u200b-\u200d\ufeff\u2060-\u2064\u00ad\u180e]/;
const spaces = /[\u00a0\u2000-\u200a\u202f\u205f\u3000]/;
const dashes = /[\u2010-\u2015\u2212\ufe58\ufe63]/;

/** One character's normal form: '' when dropped. */
export function normalChar(c: string): string {
  if (dropped.test(c)) return '';
  if (spaces.test(c)) return ' ';
  if (dashes.test(c)) return '-';
  const code = c.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  return c;
}

export interface Normalized {
  text: string;
  /** `at[i]`: the original index of character i; `at[text.length]` is the original length. */
  at: number[];
}

export function normalizeMapped(text: string): Normalized {
  let out = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = normalChar(text[i]!);
    if (c === '') continue;
    out += c;
    at.push(i);
  }
  at.push(text.length);
  return { text: out, at };
}

/** The original range of the normalized range [start, end). */
export function originalRange(n: Normalized, start: number, end: number): { start: number; end: number } {
  return { start: n.at[start]!, end: end > start ? n.at[end - 1]! + 1 : n.at[start]! };
}

/** Digits and letters only, normalized: the same number however it is written (for comparing values). */
export function compactKey(value: string): string {
  return [...value].map(normalChar).join('').replace(/[^0-9A-Za-z@.]/g, '').toUpperCase();
}
