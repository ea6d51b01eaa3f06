/** Masking: the rule of each kind, and masking hits in a text. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskText, maskValue, screenText } from '../../../src/domain/screening/index.ts';
import { valid } from './values.ts';

test('each kind is masked by its rule', () => {
  assert.equal(maskValue('idNumber', '430623199001011237'), '430623********1237');
  assert.equal(maskValue('idNumber', valid.idNumber), '110105********002X');
  assert.equal(maskValue('mobile', '13812345678'), '138****5678');
  assert.equal(maskValue('mobile', '138-1234-5678'), '138-****-5678');
  assert.equal(maskValue('mobile', '１３８１２３４５６７８'), '１３８****５６７８');
  assert.equal(maskValue('landline', '0730-8123456'), '0730-*****56');
  assert.equal(maskValue('landline', '（0730）8123456'), '（0730）*****56');
  assert.equal(maskValue('bankCard', '6222021234567890128'), '***************0128');
  assert.equal(maskValue('bankCard', '4111 1111 1111 1111'), '**** **** **** 1111');
  assert.equal(maskValue('businessCode', valid.businessCode), '92430623**********');
  assert.equal(maskValue('email', 'zhang.san@example.com'), 'z***@example.com');
  assert.equal(maskValue('mobile', '+8613800138000'), '+86138****8000');
  assert.equal(maskValue('mobile', '+86𝟏𝟑𝟖𝟎𝟎𝟏𝟑𝟖𝟎𝟎𝟎'), '+86𝟏𝟑𝟖****𝟖𝟎𝟎𝟎');
  assert.equal(maskValue('mobile', '0086 138 0013 8000'), '0086 138 **** 8000');
  assert.equal(maskValue('mobile', '138\u200b0013\u00a08000'), '138\u200b****\u00a08000');
  assert.equal(maskValue('idNumber', '430623 19850615 110X'), '430623 ******** 110X');
});

test('maskText masks every personal-data hit and nothing else; a secrecy marking stays as printed', () => {
  // A marking is not personal data: it is never masked (the version is returned or declassified).
  const text = `联系人王五，手机${valid.mobile}，身份证${valid.idNumber}，邮箱${valid.email}。秘密★1年`;
  assert.equal(maskText(text, screenText(text)), '联系人王五，手机138****5678，身份证110105********002X，邮箱z***@example.com。秘密★1年');
  const hits = screenText(text).filter((h) => h.kind === 'mobile');
  assert.equal(maskText(text, hits), text.replace(valid.mobile, '138****5678'));
  assert.equal(maskText(text, []), text);
});

test('maskText refuses hits that no longer match the text (it changed after screening)', () => {
  const hits = screenText(`手机${valid.mobile}`);
  assert.throws(() => maskText(`手机：${valid.mobile}`, hits), /重新筛查/);
});
