/**
 * The minimum strength of a password a person chooses (issue 15): long enough, not one of
 * the passwords everyone tries first, not the owner's user name or name, and not a run of
 * one character or a sequence. Length over character classes, as NIST SP 800-63B advises:
 * a rule that refuses only what is guessed early, without composition rules.
 */
import { fieldError, type FieldError } from '../shared/result.ts';
import { commonPasswordText } from './common-passwords.ts';

export const minPasswordLength = 10;
/** argon2 takes any length; a bound keeps hashing cheap for a form that anyone may post. */
export const maxPasswordLength = 128;

export interface PasswordOwner {
  username: string;
  displayName?: string;
}

const common = new Set(commonPasswordText.split(/\s+/).filter(Boolean));

/** Rows, columns and runs people type as "random": a password inside one (either way) is a walk. */
const sequences = [
  '0123456789',
  'abcdefghijklmnopqrstuvwxyz',
  '`1234567890-=',
  '~!@#$%^&*()_+',
  'qwertyuiop[]\\',
  "asdfghjkl;'",
  'zxcvbnm,./',
  "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol.0p;/-['=]",
  '1q2w3e4r5t6y7u8i9o0p',
  'q1w2e3r4t5y6u7i8o9p0',
  'qazwsxedcrfvtgbyhnujmikolp',
  '1a2b3c4d5e6f7g8h9i',
  'a1b2c3d4e5f6g7h8i9',
].flatMap((s) => [s + s, [...(s + s)].reverse().join('')]);

const reversed = (s: string) => [...s].reverse().join('');

/** The password with digits and signs around it taken off: `woaini1314` → `woaini`. */
const core = (s: string) => s.replace(/^[^\p{L}]+/u, '').replace(/[^\p{L}]+$/u, '');

/** Made of one short unit said again (aaaaaaaaaa, 1212121212, abcabcabca) or of three characters or fewer. */
function repetitive(s: string): boolean {
  const chars = [...s];
  if (new Set(chars).size <= 3) return true;
  for (let unit = 1; unit <= chars.length / 2; unit++) {
    if (chars.every((c, i) => c === chars[i % unit])) return true;
  }
  return false;
}

const walk = (s: string) => sequences.some((seq) => seq.includes(s));

/** Whether the password's lower-case form is on the list, or is a listed word with digits or signs added. */
export function isCommonPassword(password: string): boolean {
  const p = password.toLowerCase();
  if (common.has(p)) return true;
  const c = core(p);
  return c.length >= 4 && c !== p && common.has(c);
}

/**
 * Why `password` may not be set for `owner`, or null. `label` names the field in the
 * message (新密码, 初始密码 …) and `field` is its name in the form.
 */
export function passwordProblem(password: string, owner: PasswordOwner, field = 'next', label = '新密码'): FieldError | null {
  const no = (code: string, message: string) => fieldError(field, code, message);
  const length = [...password].length;
  if (length < minPasswordLength) return no('GK_PASSWORD_SHORT', `${label}至少${minPasswordLength}位`);
  if (length > maxPasswordLength) return no('GK_PASSWORD_LONG', `${label}不能超过${maxPasswordLength}位`);
  const p = password.toLowerCase();
  const user = owner.username.trim().toLowerCase();
  const bare = user.replace(/[._-]/g, '');
  const names = [user, bare].filter((n) => n.length >= 3);
  if (names.some((n) => p.includes(n) || p.includes(reversed(n)))) return no('GK_PASSWORD_USERNAME', `${label}不能包含用户名（或倒写的用户名）`);
  const display = owner.displayName?.trim() ?? '';
  if (display.length >= 2 && p.includes(display.toLowerCase())) return no('GK_PASSWORD_NAME', `${label}不能包含本人姓名`);
  if (repetitive(p)) return no('GK_PASSWORD_REPEATED', `${label}不能只由一个或几个字符重复组成（如 aaaaaaaaaa、1212121212）`);
  if (walk(p)) return no('GK_PASSWORD_SEQUENCE', `${label}不能是连续的数字、字母或键盘上相邻的按键（如 1234567890、qwertyuiop）`);
  if (/^(\+?0{0,2}86)?1[3-9]\d{9}$/.test(p)) return no('GK_PASSWORD_PHONE', `${label}不能是手机号码`);
  if (isCommonPassword(p)) return no('GK_PASSWORD_COMMON', `${label}是常用密码（在常用密码名单中），很容易被猜中，请换一个`);
  return null;
}
