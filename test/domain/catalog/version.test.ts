import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkVersionContent, indexNumber, type VersionForm } from '../../../src/domain/catalog/version.ts';

const today = '2026-11-27';
const form = (more: Partial<VersionForm> = {}): VersionForm => ({
  title: '插旗镇2026年第四季度城乡低保对象名单公示',
  summary: '公示第四季度城乡低保对象',
  body: '根据有关规定，现将名单公示如下。',
  category: 'notices',
  topic: '民政、扶贫、救灾/社会福利',
  statutoryItem: 'art21.socialAssistance',
  domain: '社会救助',
  docNo: '',
  documentKind: '',
  writtenDate: '',
  generatedDate: '2026-11-20',
  scope: '面向全社会',
  ...more,
});
const fields = (f: VersionForm) => checkVersionContent(f, today).errors.map((e) => e.field);

test('a complete form is accepted and normalised', () => {
  const { value, errors } = checkVersionContent(form({ title: '  插旗镇  公示 ', docNo: '' }), today);
  assert.deepEqual(errors, []);
  assert.equal(value.title, '插旗镇 公示');
  assert.equal(value.docNo, null);
  assert.equal(value.topic, '民政、扶贫、救灾/社会福利');
});

test('an empty title, unknown classifications and bad dates name their fields', () => {
  assert.deepEqual(fields(form({ title: ' ' })), ['title']);
  assert.deepEqual(fields(form({ category: 'statutory' })), ['category']);
  assert.deepEqual(fields(form({ topic: '民政/不存在' })), ['topic']);
  assert.deepEqual(fields(form({ statutoryItem: 'art99' })), ['statutoryItem']);
  assert.deepEqual(fields(form({ generatedDate: '2026-02-30' })), ['generatedDate']);
  assert.deepEqual(fields(form({ generatedDate: '2026-12-01' })), ['generatedDate'], '生成日期 after today: 公开日期 would precede it');
  assert.deepEqual(fields(form({ writtenDate: '2026-11-21' })), ['writtenDate'], '成文日期 after 生成日期');
  assert.deepEqual(fields(form({ documentKind: 'normativeDocument' })), ['writtenDate'], '规范性文件 need 成文日期');
  const message = checkVersionContent(form({ generatedDate: '2026-12-01' }), today).errors[0]!.message;
  assert.match(message, /公开日期不能早于生成日期/);
});

test('索引号 is the agency code, the year and a five-digit serial', () => {
  assert.equal(indexNumber('006382564L', '2026', 7), '006382564L/2026-00007');
});
