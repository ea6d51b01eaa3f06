/**
 * Text as the reader compares it: labels of a published report differ from the format's in
 * width (（一） and (一)), spacing, quotes and numbering (1、 and 1.), so both are folded the
 * same way before comparing; and the values a table cell can hold.
 */

const cjk = /[\u3400-\u9fff\uf900-\ufaff]/;

/** NFKC, no white space, no quotes, and 1、 written 1. (as the format writes it). */
export function fold(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s\u200b\ufeff]+/g, '')
    .replace(/[“”"'‘’「」『』]/g, '')
    .replace(/(\d)[、,]/g, '$1.');
}

/**
 * fold(parts.join('')).slice(-n), folding only the end it takes: a label of a million
 * characters is not folded whole each time its last characters are wanted.
 */
export function foldedTail(parts: readonly string[], n: number): string {
  for (let budget = 4 * n + 16; ; budget *= 4) {
    const tail: string[] = [];
    let length = 0;
    for (let i = parts.length - 1; i >= 0 && length < budget; i--) {
      const p = parts[i]!.length > budget ? parts[i]!.slice(-budget) : parts[i]!;
      tail.push(p);
      length += p.length;
    }
    const whole = length < budget;
    const folded = fold(tail.reverse().join(''));
    // a few more than n: the first characters may fold with what precedes them (1、 → 1.)
    if (whole || folded.length >= n + 8) return folded.slice(-n);
  }
}

/** Distinct character pairs of a folded text (a one-character text is its own pair). */
export function pairs(folded: string): Set<string> {
  const out = new Set<string>();
  if (folded.length === 1) out.add(folded);
  for (let i = 0; i + 1 < folded.length; i++) out.add(folded.slice(i, i + 2));
  return out;
}

/** The share of `wanted`'s pairs that occur in `found`: 1 when found contains wanted whole. */
export function containment(wanted: Set<string>, found: Set<string>): number {
  if (wanted.size === 0) return 0;
  let hit = 0;
  for (const p of wanted) if (found.has(p)) hit++;
  return hit / wanted.size;
}

export type Value =
  | { kind: 'number'; value: number; text: string }
  /** Marked not applicable: / — - 无 不适用 (null, with a P-02 finding). */
  | { kind: 'notApplicable'; text: string }
  | { kind: 'blank' }
  /** Looks like a number but is not one (OCR: l0, 1O, 3.0.1): null, with a P-01 finding. */
  | { kind: 'unreadable'; text: string };

const numberPattern = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const notApplicablePattern = /^(?:\/|\\|-{1,2}|—{1,2}|–|―|无|不适用|空)$/;
const numbering = /^(?:\d{1,2}[.、]|[(]\d{1,2}[)])$/;

/** A cell's text as a value, or null when it is a label. */
export function valueOf(text: string): Value | null {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  if (t === '') return { kind: 'blank' };
  if (numberPattern.test(t)) return { kind: 'number', value: Number(t.replace(/,/g, '')), text: t };
  if (notApplicablePattern.test(t)) return { kind: 'notApplicable', text: t };
  if (t.length <= 12 && /\d/.test(t) && !cjk.test(t) && !numbering.test(t) && !/[:：]/.test(t)) return { kind: 'unreadable', text: t };
  return null;
}

export const hasCjk = (s: string) => cjk.test(s);

/** Page numbers and page footers that a PDF or a printed page puts between table rows. */
export function isPageMark(text: string): boolean {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  return /^[-—–]\d{1,4}[-—–]$/.test(t) || /^第\d{1,4}页(?:[,，]?共\d{1,4}页)?$/.test(t) || /^\d{1,4}\/\d{1,4}$/.test(t) || /^[Pp]age\d+(?:of\d+)?$/.test(t);
}
