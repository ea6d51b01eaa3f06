/**
 * Candidate finders, one per kind, over a normalized copy of the text (same length, so
 * offsets hold in the original). Numbers count only at number boundaries: not inside a
 * longer digit run, not part of a decimal or a grouped amount, not followed by 元/万/亿/%.
 */
import { secrecyMarkings, type HitKind } from '../../law/screening.ts';
import { usccCheckChar } from '../agencies/agency.ts';
import { isIdNumber, looksLikeIdNumber, passesLuhn } from './checks.ts';

export interface Candidate {
  kind: HitKind;
  start: number;
  end: number;
}

/** Full-width ASCII, the ideographic space and dash variants to ASCII, one character for one. */
export function normalize(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000\u2010-\u2015\u2212]/g, (c) => {
    const code = c.charCodeAt(0);
    if (code === 0x3000) return ' ';
    if (code >= 0xff01) return String.fromCharCode(code - 0xfee0);
    return '-';
  });
}

// A comma only joins an amount when three digits follow (13,812,345,678); a list of numbers stays.
const before = String.raw`(?<![0-9])(?<![0-9]\.)`;
const after = String.raw`(?![0-9])(?!\.[0-9])(?!,[0-9]{3}(?![0-9]))(?!\s*(?:元|万|亿|%))`;

const compiled = new Map<string, RegExp>();

function* matches(text: string, source: string): Generator<{ value: string; start: number }> {
  let pattern = compiled.get(source);
  if (!pattern) compiled.set(source, (pattern = new RegExp(source, 'g')));
  for (const m of text.matchAll(pattern)) yield { value: m[0], start: m.index ?? 0 }; // matchAll works on a copy
}

function idNumbers(text: string): Candidate[] {
  return [...matches(text, `${before}[1-8]\\d{16}[0-9Xx](?![0-9Xx])${after}`)]
    .filter((m) => isIdNumber(m.value))
    .map((m) => ({ kind: 'idNumber', start: m.start, end: m.start + 18 }));
}

function mobiles(text: string): Candidate[] {
  return [...matches(text, `${before}1[3-9]\\d([ -]?)\\d{4}\\1\\d{4}${after}`)].map((m) => ({
    kind: 'mobile',
    start: m.start,
    end: m.start + m.value.length,
  }));
}

const areaCode = String.raw`0(?:10|2\d|[3-9]\d{2})`;

function landlines(text: string): Candidate[] {
  return [...matches(text, `${before}(?:\\(${areaCode}\\) ?|${areaCode}[ -])[2-9]\\d{6,7}${after}`)].map((m) => ({
    kind: 'landline',
    start: m.start,
    end: m.start + m.value.length,
  }));
}

/** 16-19 digits (first 3-6 or 9, as issued in China) passing Luhn, not an 18-digit ID layout. */
function bankCards(text: string): Candidate[] {
  const found: Candidate[] = [];
  const accept = (value: string, start: number): boolean => {
    const digits = value.replace(/[ -]/g, '');
    if (!passesLuhn(digits) || (digits.length === 18 && looksLikeIdNumber(digits))) return false;
    found.push({ kind: 'bankCard', start, end: start + value.length });
    return true;
  };
  for (const m of matches(text, `${before}[3-69]\\d{15,18}${after}`)) accept(m.value, m.start);
  for (const m of matches(text, `${before}[3-69]\\d{3}([ -])\\d{4}(?:\\1\\d{4}){2}(?:\\1\\d{1,3})?(?![0-9])`)) {
    // A short tail may be a separate number: try the card without it.
    if (!accept(m.value, m.start) && m.value.length > 19) accept(m.value.slice(0, 19), m.start);
  }
  return found;
}

const usccChar = '[0-9A-HJ-NPQRTUWXY]';

/** 个体工商户: registration authority 9 (市场监管), category 2. */
function businessCodes(text: string): Candidate[] {
  return [...matches(text, `(?<![0-9A-Za-z])92\\d{6}${usccChar}{10}(?![0-9A-Za-z])`)]
    .filter((m) => usccCheckChar(m.value.slice(0, 17)) === m.value[17])
    .map((m) => ({ kind: 'businessCode', start: m.start, end: m.start + 18 }));
}

function emails(text: string): Candidate[] {
  const source = String.raw`(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![A-Za-z0-9-])`;
  return [...matches(text, source)].map((m) => ({ kind: 'email', start: m.start, end: m.start + m.value.length }));
}

const period = String.raw`(?:\s*[★☆]\s*(?:\d{1,2}\s*(?:年|个月)|长期)?)`;

function markings(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const marking of secrecyMarkings) {
    for (const m of matches(text, `${marking.text}${period}${marking.star ? '' : '?'}`)) {
      const starred = m.value.length > marking.text.length;
      const end = m.start + m.value.length;
      const ordinary =
        !starred &&
        (marking.notAfter.some((w: string) => m.start >= w.length && text.slice(m.start - w.length, m.start) === w) ||
          marking.notBefore.some((w: string) => text.startsWith(w, end)));
      if (!ordinary) found.push({ kind: 'secrecyMarking', start: m.start, end });
    }
  }
  return found;
}

/** Finders in order of precedence: where two candidates overlap, the earlier kind wins. */
export function candidates(normalized: string, options: { businessCodes?: boolean }): Candidate[] {
  return [
    ...markings(normalized),
    ...emails(normalized),
    ...idNumbers(normalized),
    ...(options.businessCodes ? businessCodes(normalized) : []),
    ...bankCards(normalized),
    ...mobiles(normalized),
    ...landlines(normalized),
  ];
}
