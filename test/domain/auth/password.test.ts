import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isCommonPassword, minPasswordLength, passwordProblem } from '../../../src/domain/auth/password.ts';

const owner = { username: 'chaqi-editor', displayName: '李明' };
const codeOf = (p: string, o = owner) => passwordProblem(p, o)?.code ?? null;

test('at least ten characters, counted as characters', () => {
  assert.equal(minPasswordLength, 10);
  assert.equal(codeOf('Xk7#pQ2z'), 'GK_PASSWORD_SHORT');
  assert.equal(passwordProblem('Xk7#pQ2z', owner)?.message, '新密码至少10位');
  assert.equal(passwordProblem('Xk7#pQ2z', owner, 'password', '初始密码')?.field, 'password');
  assert.equal(codeOf('密码是长江黄河泰山九'), null, 'ten Chinese characters are ten');
  assert.equal(codeOf('x'.repeat(129)), 'GK_PASSWORD_LONG');
});

test('the probe of issue 15: aaaaaaaaaa, 1234567890 and the user name are refused', () => {
  assert.equal(codeOf('aaaaaaaaaa'), 'GK_PASSWORD_REPEATED');
  assert.equal(codeOf('1234567890'), 'GK_PASSWORD_SEQUENCE');
  assert.equal(codeOf('chaqi-editor'), 'GK_PASSWORD_USERNAME');
});

test('the user name inside, reversed, or without its separators', () => {
  for (const p of ['chaqi-editor2026', 'rotide-iqahc!!', 'myChaqiEditor99']) assert.equal(codeOf(p), 'GK_PASSWORD_USERNAME', p);
  assert.equal(codeOf('李明的密码Xk7#pQ'), 'GK_PASSWORD_NAME');
  assert.equal(codeOf('Chaqi is where I work 7'), null, 'a part of the name alone is allowed');
});

test('repeated units, sequences and keyboard walks', () => {
  for (const p of ['1212121212', 'abcabcabcabc', '0000000000', 'aaaaabbbbb', '1231231231']) assert.equal(codeOf(p), 'GK_PASSWORD_REPEATED', p);
  for (const p of ['0123456789', '9876543210', 'abcdefghijk', 'qwertyuiop', 'asdfghjkl;', '1qaz2wsx3edc', '1q2w3e4r5t6y', 'ZYXWVUTSRQ', '3456789012']) {
    assert.equal(codeOf(p), 'GK_PASSWORD_SEQUENCE', p);
  }
});

test('a mobile number is refused', () => {
  assert.equal(codeOf('13812345678'), 'GK_PASSWORD_PHONE');
  assert.equal(codeOf('+8613912345670'), 'GK_PASSWORD_PHONE');
});

test('common passwords, Chinese-typical ones included, and listed words with digits added', () => {
  for (const p of [
    '123456789a',
    'woaini1314',
    'qq123456789',
    'a1234567890',
    '5201314520',
    'password123',
    'Password123',
    'iloveyou2026',
    'woaini!!2026',
    'gongkai-demo',
    'zhengfu123456',
    '147258369a',
  ]) {
    assert.equal(codeOf(p), 'GK_PASSWORD_COMMON', p);
  }
  assert.ok(isCommonPassword('123456'));
  assert.ok(passwordProblem('woaini1314', owner)?.message.includes('常用密码'));
});

test('passwords nobody guesses first pass', () => {
  for (const p of ['a-much-longer-secret', 'Tr0ub4dor&3x', 'correct horse battery staple', '8395027461', 'lmq-2026-春风又绿']) assert.equal(codeOf(p), null, p);
});
