/** Screening a text for personal data and secrecy markings before it is published. */
import type { HitKind } from '../../law/screening.ts';
import { candidates } from './detect.ts';
import { normalizeMapped, originalRange } from './normalize.ts';

export interface Hit {
  kind: HitKind;
  /** The text as written (full-width digits stay full-width, a zero-width space inside stays). */
  value: string;
  start: number;
  end: number;
  /** The value with about 20 characters either side, whitespace collapsed, … where cut. */
  context: string;
}

export interface ScreenOptions {
  /** Also flag 统一社会信用代码 of 个体工商户 (92…): on where the item names individuals' businesses. */
  businessCodes?: boolean;
}

const contextChars = 20;

/** Hits sorted by start, none overlapping (where candidates overlap, the kind found first wins). */
export function screenText(text: string, options: ScreenOptions = {}): Hit[] {
  const accepted: { kind: HitKind; start: number; end: number }[] = [];
  const normalized = normalizeMapped(text);
  const taken = new Uint8Array(normalized.text.length);
  for (const c of candidates(normalized.text, options)) {
    if (taken.subarray(c.start, c.end).some((t) => t === 1)) continue;
    taken.fill(1, c.start, c.end);
    accepted.push({ kind: c.kind, ...originalRange(normalized, c.start, c.end) });
  }
  return accepted.sort((a, b) => a.start - b.start).map((c) => ({ ...c, value: text.slice(c.start, c.end), context: contextOf(text, c.start, c.end) }));
}

function contextOf(text: string, start: number, end: number): string {
  let from = Math.max(0, start - contextChars);
  let to = Math.min(text.length, end + contextChars);
  if (isLowSurrogate(text.charCodeAt(from))) from -= 1;
  if (isLowSurrogate(text.charCodeAt(to))) to += 1;
  const body = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${from > 0 ? '…' : ''}${body}${to < text.length ? '…' : ''}`;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
