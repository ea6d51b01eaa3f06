/** Check characters of the numbers the screening looks for. */
import { isIsoDate } from '../shared/dates.ts';

const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const idCheckChars = '10X98765432';

/** The check character of a 居民身份证号码 (GB 11643-1999) from its first 17 digits. */
export function idCheckChar(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (idWeights[i] ?? 0);
  return idCheckChars[sum % 11] ?? null;
}

/** An 18-character number laid out like an ID number: province 1x-8x and a real birth date 1900-2099. */
export function looksLikeIdNumber(value: string): boolean {
  const m = /^[1-8]\d{5}((?:19|20)\d{2})(\d{2})(\d{2})\d{3}[\dXx]$/.exec(value);
  return m !== null && isIsoDate(`${m[1]}-${m[2]}-${m[3]}`);
}

/** Laid out like an ID number and its check character agrees (x written small counts). */
export function isIdNumber(value: string): boolean {
  return looksLikeIdNumber(value) && idCheckChar(value.slice(0, 17)) === value.slice(17).toUpperCase();
}

/** Luhn (ISO/IEC 7812) over a string of digits. */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}
