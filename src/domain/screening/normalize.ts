/**
 * The text screening reads: what a reader sees as the same number is made the same. Zero-width
 * characters are dropped, every kind of space becomes one space, full-width ASCII becomes
 * ASCII, dash variants a hyphen, and digits written as other digits (superscript, circled,
 * mathematical bold ①𝟏) plain digits. Each character of the result remembers where it stood
 * in the original, so a hit found here is a range of the original (masking works on the original).
 */

/** Invisible: zero-width space/joiners, BOM, word joiner, soft hyphen, invisible operators. */
const dropped = /[\u200b-\u200d\ufeff\u2060-\u2064\u00ad\u180e]/;
const spaces = /[\u00a0\u2000-\u200a\u202f\u205f\u3000]/;
const dashes = /[\u2010-\u2015\u2212\ufe58\ufe63]/;
/** Characters whose compatibility form is one ASCII digit or letter: superscripts, subscripts, enclosed and mathematical digits. */
const digitLike = /[\u00b2\u00b3\u00b9\u2070-\u209f\u2460-\u24ff\u2776-\u2793\u{1d400}-\u{1d7ff}]/u;

/** One character's (code point's) normal form: '' when dropped. */
export function normalChar(c: string): string {
  if (c.charCodeAt(0) < 0xa0) return c;
  if (dropped.test(c)) return '';
  if (spaces.test(c)) return ' ';
  if (dashes.test(c)) return '-';
  const code = c.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (digitLike.test(c)) {
    const compatible = c.normalize('NFKC');
    if (/^[0-9A-Za-z]$/.test(compatible)) return compatible;
  }
  return c;
}

export interface Normalized {
  text: string;
  /** `at[i]`, `ends[i]`: where character i stood in the original (a code point may take two units). */
  at: number[];
  ends: number[];
}

export function normalizeMapped(text: string): Normalized {
  let out = '';
  const at: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < text.length; ) {
    const c = String.fromCodePoint(text.codePointAt(i)!);
    const n = normalChar(c);
    for (let k = 0; k < n.length; k++) {
      at.push(i);
      ends.push(i + c.length);
    }
    out += n;
    i += c.length;
  }
  return { text: out, at, ends };
}

/** The original range of the normalized range [start, end). */
export function originalRange(n: Normalized, start: number, end: number): { start: number; end: number } {
  return { start: n.at[start]!, end: end > start ? n.ends[end - 1]! : n.at[start]! };
}

/** Digits and letters only, normalized: the same number however it is written (for comparing values). */
export function compactKey(value: string): string {
  return [...value]
    .map(normalChar)
    .join('')
    .replace(/[^0-9A-Za-z@.]/g, '')
    .toUpperCase();
}
