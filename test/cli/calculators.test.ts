/** `gongkai deadline` and `gongkai fee`, run as the real command (contract: shared/contracts/cli.md). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { gongkai } from '../helpers/cli.ts';

function assertBadInput(r: { code: number | null; stdout: string; stderr: string }, pattern: RegExp) {
  assert.equal(r.code, 2, r.stderr);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
  assert.match(r.stderr, pattern);
}

describe('gongkai deadline', () => {
  test('the due date first, alone on the first line, then how it was counted', async () => {
    const r = await gongkai(['deadline', '--from', '2026-01-30', '--working-days', '20']);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines[0], '2026-03-05');
    assert.ok(lines.includes('  2026-02-14 星期六  第11个工作日  调休上班（春节）  国办发明电〔2025〕7号'), r.stdout);
    assert.ok(lines.includes('  2026-02-16 星期一  不计  春节  国办发明电〔2025〕7号'), r.stdout);
    assert.ok(lines.includes('  2026-03-05 星期四  第20个工作日'), r.stdout);
    assert.equal(r.stderr, '');
  });

  test('5 working days from 2026-09-28', async () => {
    const r = await gongkai(['deadline', '--from', '2026-09-28', '--working-days', '5']);
    assert.equal(r.stdout.split('\n')[0], '2026-10-10');
  });

  test('provisional on the same line when the count reaches a year without a notice', async () => {
    const r = await gongkai(['deadline', '--from', '2026-12-15', '--working-days', '20']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.split('\n')[0], '2027-01-13 provisional');
    assert.match(r.stdout, /暂定：2027年/);
  });

  test('paused ranges, repeated, are not counted', async () => {
    const r = await gongkai(['deadline', '--from', '2026-03-02', '--working-days', '20', '--paused', '2026-03-04..2026-03-06', '--paused', '2026-03-09..2026-03-10']);
    assert.equal(r.code, 0, r.stderr);
    const plus5 = await gongkai(['deadline', '--from', '2026-03-02', '--working-days', '25']);
    assert.equal(r.stdout.split('\n')[0], plus5.stdout.split('\n')[0]);
    assert.match(r.stdout, /2026-03-04 星期三 {2}不计 {2}暂停计算/);
  });

  test('bad input: one line on stderr naming the option, status 2, nothing on stdout', async () => {
    const cases: [string[], RegExp][] = [
      [['--working-days', '20'], /缺少选项 --from/],
      [['--from', '2026-01-30'], /缺少选项 --working-days/],
      [['--from', '2026/01/30', '--working-days', '20'], /--from 应为日期/],
      [['--from', '2026-02-30', '--working-days', '20'], /--from 应为日期/],
      [['--from', '2026-01-30', '--working-days', 'twenty'], /--working-days 应为不小于 0 的整数/],
      [['--from', '2026-01-30', '--working-days', '-3'], /--working-days 不能为负数/],
      [['--from', '2026-01-30', '--working-days', '20', '--paused', '2026-02-01'], /--paused 应为 YYYY-MM-DD\.\.YYYY-MM-DD/],
      [['--from', '2026-01-30', '--working-days', '20', '--paused', '2026-02-01..2026-02-31'], /--paused 应为/],
      [['--from', '2026-01-30', '--working-days', '20', '--paused', '2026-02-05..2026-02-01'], /--paused .*结束日 2026-02-01 早于开始日 2026-02-05/],
      [['--from', '2026-01-30', '--working-days', '20', '--until', 'x'], /不认识的选项 --until/],
    ];
    for (const [args, pattern] of cases) assertBadInput(await gongkai(['deadline', ...args]), pattern);
  });
});

describe('gongkai fee', () => {
  test('--items: the amount first, then the bands', async () => {
    const r = await gongkai(['fee', '--items', '35']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.stdout.trimEnd().split('\n'), [
      '3000 元',
      '按件计收（国办函〔2020〕109号《政府信息公开信息处理费管理办法》第四条）：同一申请人在一个自然月内累计申请 35 件',
      '  第1—10件，免费：10 件，0 元',
      '  第11—30件，100 元/件：20 件，2000 元',
      '  第31—40件，200 元/件：5 件，1000 元',
    ]);
  });

  test('--pages', async () => {
    const r = await gongkai(['fee', '--pages', '250']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.split('\n')[0], '4700 元');
    assert.match(r.stdout, /第201页起，40 元\/页：50 页，2000 元/);
  });

  test('free quantities', async () => {
    assert.equal((await gongkai(['fee', '--items', '10'])).stdout.split('\n')[0], '0 元');
    assert.equal((await gongkai(['fee', '--pages', '0'])).stdout.split('\n')[0], '0 元');
  });

  test('bad input: one line on stderr naming the option, status 2, nothing on stdout', async () => {
    const cases: [string[], RegExp][] = [
      [[], /缺少选项 --items.*--pages/],
      [['--items', '3', '--pages', '40'], /--items 与 --pages 不能同时使用/],
      [['--items', '-3'], /--items 不能为负数/],
      [['--pages', '-1'], /--pages 不能为负数/],
      [['--pages', '12.5'], /--pages 应为不小于 0 的整数/],
      [['--items'], /--items/],
    ];
    for (const [args, pattern] of cases) assertBadInput(await gongkai(['fee', ...args]), pattern);
  });
});
