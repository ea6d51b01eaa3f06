/**
 * What a county supervisor reads of a case: the applicant's name, numbers and addresses masked
 * wherever they appear (letters, items), so supervision never needs the applicant's identity
 * (《个人信息保护法》第六条: no more personal data than the purpose needs).
 */
import type { LetterContent } from './letters.ts';

export interface ApplicantFacts {
  name: string;
  id_number: string | null;
  organization_code: string | null;
  representative: string | null;
  contact_person: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
}

const stars = (n: number) => '*'.repeat(Math.max(1, n));

/** A name keeps its first character: 李四 → 李*; an organisation's likewise. */
export const maskName = (name: string) => {
  const chars = [...name.trim()];
  return chars.length <= 1 ? '*' : `${chars[0]}${stars(Math.min(chars.length - 1, 6))}`;
};

/** A number keeps its first `head` and last `tail` characters. */
export const maskNumber = (n: string, head: number, tail: number) =>
  n.length <= head + tail ? stars(n.length) : `${n.slice(0, head)}${stars(n.length - head - tail)}${n.slice(-tail)}`;

/** An e-mail keeps its first character and its domain. */
export const maskEmail = (e: string) => e.replace(/^([^@])[^@]*@/, (_, c: string) => `${c}***@`);

/** An address keeps its first six characters (province and county, as a rule). */
export const maskAddress = (a: string) => {
  const chars = [...a.trim()];
  return chars.length <= 6 ? stars(chars.length) : `${chars.slice(0, 6).join('')}${stars(6)}`;
};

/** Each fact of the applicant with its masked form, longest first so a name inside an address is masked whole. */
export function maskingOf(a: ApplicantFacts): [string, string][] {
  const pairs: [string, string][] = [];
  const add = (value: string | null, masked: (v: string) => string) => {
    const v = value?.trim();
    if (v && v.length >= 2) pairs.push([v, masked(v)]);
  };
  add(a.address, maskAddress);
  add(a.email, maskEmail);
  add(a.id_number, (v) => maskNumber(v, 6, 4));
  add(a.organization_code, (v) => maskNumber(v, 2, 2));
  add(a.phone, (v) => maskNumber(v, 3, 4));
  add(a.name, maskName);
  add(a.representative, maskName);
  add(a.contact_person, maskName);
  return pairs.sort((x, y) => y[0].length - x[0].length);
}

export function maskText(text: string, pairs: readonly [string, string][]): string {
  let out = text;
  for (const [value, masked] of pairs) out = out.split(value).join(masked);
  return out;
}

export function maskLetter(letter: LetterContent, pairs: readonly [string, string][]): LetterContent {
  return { ...letter, addressee: maskText(letter.addressee, pairs), paragraphs: letter.paragraphs.map((p) => maskText(p, pairs)) };
}

/** The applicant row as a supervisor sees it. */
export function maskApplicant<T extends ApplicantFacts>(a: T): T {
  const m = (v: string | null, f: (s: string) => string) => (v ? f(v) : v);
  return {
    ...a,
    name: maskName(a.name),
    id_number: m(a.id_number, (v) => maskNumber(v, 6, 4)),
    organization_code: m(a.organization_code, (v) => maskNumber(v, 2, 2)),
    representative: m(a.representative, maskName),
    contact_person: m(a.contact_person, maskName),
    phone: m(a.phone, (v) => maskNumber(v, 3, 4)),
    email: m(a.email, maskEmail),
    address: m(a.address, maskAddress),
  };
}
