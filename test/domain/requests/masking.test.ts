import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskApplicant, maskingOf, maskLetter, maskName } from '../../../src/domain/requests/masking.ts';

const person = {
  name: '李四',
  id_number: '430623199001011234',
  organization_code: null,
  representative: null,
  contact_person: null,
  phone: '13973012345',
  email: 'lisi@example.com',
  address: '湖南省华容县插旗镇插旗村3组',
};

test('names keep their first character, numbers their ends, addresses their first six characters', () => {
  assert.equal(maskName('李四'), '李*');
  assert.equal(maskName('欧阳小明'), '欧***');
  const m = maskApplicant(person);
  assert.equal(m.id_number, '430623********1234');
  assert.equal(m.phone, '139****2345');
  assert.equal(m.email, 'l***@example.com');
  assert.equal(m.address, '湖南省华容县******');
});

test('a letter is masked wherever the applicant appears, the address before the name inside it', () => {
  const letter = {
    kind: 'reply' as never,
    title: '政府信息公开申请答复书',
    number: '插旗依申复〔2026〕1号',
    addressee: '李四：',
    paragraphs: ['李四于2026年11月27日提出申请，联系电话13973012345，地址湖南省华容县插旗镇插旗村3组。'],
    signature: '华容县插旗镇人民政府',
    date: '2026-11-27' as never,
  };
  const out = maskLetter(letter, maskingOf(person));
  assert.equal(out.addressee, '李*：');
  assert.equal(out.paragraphs[0], '李*于2026年11月27日提出申请，联系电话139****2345，地址湖南省华容县******。');
  assert.equal(out.signature, letter.signature);
});
