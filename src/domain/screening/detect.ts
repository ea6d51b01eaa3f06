/**
 * Candidate finders, one per kind, over the normalized text (normalize.ts maps offsets back to
 * the original). Numbers count only at number boundaries: not inside a longer digit run, not
 * part of a decimal or a grouped amount, not followed by 元/万/亿/%. A number may be written
 * in groups (430623 19850615 110X, 138-0013-8000): a space or hyphen may stand between digits.
 */
import { secrecyMarkings, type HitKind } from '../../law/screening.ts';
import { usccCheckChar } from '../agencies/agency.ts';
import { isIdNumber, looksLikeIdNumber, passesLuhn } from './checks.ts';

export interface Candidate {
  kind: HitKind;
  start: number;
  end: number;
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

/**
 * Matches that `accept` takes; after a refused one the search goes on from its second
 * character, so a valid number that starts inside a refused match is still found.
 */
function* validMatches(text: string, source: string, accept: (value: string) => boolean): Generator<{ value: string; start: number }> {
  const pattern = new RegExp(source, 'g');
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (accept(m[0])) yield { value: m[0], start: m.index };
    else pattern.lastIndex = m.index + 1;
  }
}

const gap = '[ -]?';

function idNumbers(text: string): Candidate[] {
  const source = `${before}[1-8](?:${gap}\\d){16}${gap}[0-9Xx](?![0-9Xx])${after}`;
  return [...validMatches(text, source, (v) => isIdNumber(v.replace(/[ -]/g, '')))].map((m) => ({
    kind: 'idNumber',
    start: m.start,
    end: m.start + m.value.length,
  }));
}

/** A country code before a mobile (+86, 0086, (+86), 86- ) belongs to the hit, so it is masked with it. */
export const mobilePrefix = String.raw`(?:\(?(?:\+ ?|00)86\)?|86(?=[ -]))[ -]?`;

function mobiles(text: string): Candidate[] {
  return [...matches(text, `${before}(?:${mobilePrefix})?1[3-9]\\d${gap}\\d{4}${gap}\\d{4}${after}`)].map((m) => ({
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
