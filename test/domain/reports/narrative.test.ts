/** The sentences computed into a report's narrative placeholders. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeReport } from '../../../src/domain/reports/compute.ts';
import { factsFromRecords } from '../../../src/domain/reports/facts.ts';
import { applicationsSentence } from '../../../src/domain/reports/narrative.ts';
import { narrativeApplicationFigures } from '../../../src/domain/reports/rules-applications.ts';
import { baseRecords, town, year } from './base.ts';

test('a year without applications reads “未收到政府信息公开申请” (legal review D12), and T3-10 still reads it as 0', () => {
  const facts = factsFromRecords(town, year, { ...baseRecords(), applications: [] });
  const report = computeReport(facts);
  const sentence = applicationsSentence(report, facts);
  assert.equal(sentence, '本年度我镇未收到政府信息公开申请。');
  assert.ok(report.text.overview.includes(sentence));
  assert.ok(!report.text.overview.includes('依申请公开申请'));
  assert.deepEqual(narrativeApplicationFigures(`2.依申请公开政府信息情况。${sentence}`), { newReceived: 0 });
});
