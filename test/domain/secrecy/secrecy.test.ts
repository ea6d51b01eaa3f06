/** 保密审查 opinions and the 解密 record, with the law's dates. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkDeclassification } from '../../../src/domain/secrecy/declassification.ts';
import { claimsNoSecret, composeOpinion } from '../../../src/domain/secrecy/opinions.ts';
import { declassificationBasis, reviewOpinions } from '../../../src/law/secrecy.ts';

test('an opinion saying nothing is a 国家秘密 is recognised, standard or written', () => {
  assert.equal(claimsNoSecret(reviewOpinions.clear.text), true);
  assert.equal(claimsNoSecret(reviewOpinions.masked.text), true);
  assert.equal(claimsNoSecret(reviewOpinions.declassified.text), false);
  assert.equal(claimsNoSecret('经审查，不涉及 国家秘密，同意公开'), true);
  assert.equal(claimsNoSecret('该信息不涉密'), true);
  assert.equal(claimsNoSecret('同意遮蔽后公开'), false);
});

test('nothing is preselected: the opinion is the one picked, followed by the own words', () => {
  assert.deepEqual(composeOpinion('', '  ', 'item'), { opinion: '' });
  assert.deepEqual(composeOpinion('masked', '', 'item'), { opinion: reviewOpinions.masked.text });
  assert.deepEqual(composeOpinion('clear', '附件二已删除。', 'item'), { opinion: `${reviewOpinions.clear.text}附件二已删除。` });
  assert.deepEqual(composeOpinion('', '同意公开', 'report'), { opinion: '同意公开' });
  const bad = composeOpinion('nonsense', '', 'item');
  assert.ok('error' in bad && bad.error.field === 'opinion');
  assert.ok('error' in composeOpinion('masked', '', 'report'), 'an item opinion does not fit a report');
  assert.ok('error' in composeOpinion('', 'x'.repeat(501), 'item'));
});

test('a 解密 needs its 文号, a date not in the future and the body that decided it', () => {
  const today = '2026-11-27';
  const codes = (form: { docNo: string; date: string; authority: string }) => checkDeclassification(form, today).errors.map((e) => `${e.field}:${e.code}`);
  assert.deepEqual(codes({ docNo: '', date: '', authority: '' }), [
    'declassification.docNo:GK_DECLASSIFICATION_REQUIRED',
    'declassification.authority:GK_DECLASSIFICATION_REQUIRED',
    'declassification.date:GK_DECLASSIFICATION_REQUIRED',
  ]);
  assert.deepEqual(codes({ docNo: '华保解〔2026〕3号', date: '2026-11-28', authority: '华容县国家保密局' }), ['declassification.date:GK_DATE_ORDER']);
  assert.deepEqual(codes({ docNo: '华保解〔2026〕3号', date: '2026-02-30', authority: '华容县国家保密局' }), ['declassification.date:GK_DATE']);
  const ok = checkDeclassification({ docNo: ' 华保解〔2026〕3号 ', date: '2026-11-27', authority: '华容县人民政府办公室' }, today);
  assert.deepEqual(ok, { value: { docNo: '华保解〔2026〕3号', date: '2026-11-27', authority: '华容县人民政府办公室' }, errors: [] });
});

test('the 解密 provision is the one in force on the decision date (2024 revision from 2024-05-01)', () => {
  assert.match(declassificationBasis('2024-04-30'), /2010年修订）第十九条/);
  assert.match(declassificationBasis('2024-05-01'), /2024年修订）第二十四条/);
});
