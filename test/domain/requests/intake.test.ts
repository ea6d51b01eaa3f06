import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applicantKey, checkApplicationForm, readApplicationForm } from '../../../src/domain/requests/intake.ts';

const person = {
  applicantType: 'naturalPerson',
  name: '张三',
  idDocument: 'residentIdCard',
  idNumber: '430623198705120015',
  phone: '13907301234',
  items: '插旗镇2023年农村危房改造补助对象名单',
  form: 'electronic',
  delivery: 'email',
  email: 'zhangsan@example.com',
};

const fields = (raw: Record<string, unknown>) => checkApplicationForm(readApplicationForm(raw)).map((e) => `${e.field}:${e.code}`);

test('a complete application from a citizen passes', () => {
  assert.deepEqual(fields(person), []);
});

test('an ID number whose check digit is wrong is refused, naming the field', () => {
  assert.deepEqual(fields({ ...person, idNumber: '430623198705120016' }), ['idNumber:GK_ID_NUMBER']);
  const [e] = checkApplicationForm(readApplicationForm({ ...person, idNumber: '430623198705120016' }));
  assert.match(e!.message, /校验码/);
});

test('missing fields are each named; delivery by post needs an address, by e-mail an address to send to', () => {
  assert.deepEqual(fields({ applicantType: 'naturalPerson' }).sort(), [
    'delivery:GK_DELIVERY',
    'form:GK_FORM',
    'idDocument:GK_ID_DOCUMENT',
    'idNumber:GK_REQUIRED',
    'items:GK_REQUIRED',
    'name:GK_REQUIRED',
    'phone:GK_REQUIRED',
  ]);
  assert.deepEqual(fields({ ...person, delivery: 'post' }), ['address:GK_REQUIRED']);
  assert.deepEqual(fields({ ...person, email: '' }), ['email:GK_REQUIRED']);
  assert.deepEqual(fields({ ...person, phone: '12345' }), ['phone:GK_PHONE']);
});

test('the name message fits the applicant type, and names neither when no type is chosen', () => {
  const nameMessage = (raw: Record<string, unknown>) => checkApplicationForm(readApplicationForm(raw)).find((e) => e.field === 'name')?.message;
  assert.equal(nameMessage({ ...person, name: '' }), '请填写姓名');
  assert.equal(nameMessage({ ...person, applicantType: 'commercial', name: '' }), '请填写单位名称');
  assert.equal(nameMessage({ ...person, applicantType: '', name: '' }), '请填写申请人姓名或单位名称');
});

test('an organisation gives its 统一社会信用代码 (checked) and a contact person', () => {
  const org = {
    ...person,
    applicantType: 'legalService',
    name: '湖南某某律师事务所',
    idDocument: '',
    idNumber: '',
    creditCode: '91430623MA4L0XXX0X',
    contactPerson: '李律师',
  };
  assert.deepEqual(fields(org), ['creditCode:GK_CREDIT_CODE']);
  assert.deepEqual(fields({ ...org, creditCode: '91350100M000100Y43' }), []);
  assert.deepEqual(fields({ ...org, contactPerson: '', creditCode: '91350100M000100Y43' }), ['contactPerson:GK_REQUIRED']);
});

test('several items are kept apart; the monthly count follows the identity, not the channel', () => {
  const f = readApplicationForm({ ...person, items: '第一项\n\n第二项' });
  assert.deepEqual(f.items, ['第一项', '第二项']);
  assert.equal(applicantKey(f.applicant), 'person:residentIdCard:430623198705120015');
  assert.equal(applicantKey(readApplicationForm({ ...person, idNumber: '430623198705120015'.toLowerCase() }).applicant), applicantKey(f.applicant));
});
