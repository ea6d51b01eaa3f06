/** `gongkai deadline` and `gongkai fee`, run as the real command (contract: shared/contracts/cli.md). */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { enterHolidayNotice } from '../../src/app/calendar/notices.ts';
import { grantRole, insertUser } from '../../src/store/users.repo.ts';
import { gongkai } from '../helpers/cli.ts';
import { createTestDatabase, dialects, type TestDatabase } from '../helpers/db.ts';
import { notice2027 } from '../helpers/notices.ts';
import { postgresSkip } from '../helpers/resources.ts';

const skipPg = await postgresSkip();

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

  test('a year without a notice counts its statutory holidays, and says the date is provisional', async () => {
    // the Done-when lines: 元旦 2027 (Friday); 除夕 and 初三 2027 on weekdays; 国庆 2027-10-01 (Friday)
    for (const [from, n, due] of [
      ['2026-12-25', '5', '2027-01-04'],
      ['2027-02-03', '3', '2027-02-10'],
      ['2027-09-28', '3', '2027-10-04'],
      ['2026-12-10', '20', '2027-01-08'],
    ]) {
      const r = await gongkai(['deadline', '--from', from!, '--working-days', n!]);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout.split('\n')[0], `${due} provisional`, `${from} + ${n}`);
      assert.match(
        r.stdout,
        /暂定：2027年的国务院办公厅放假安排通知尚未收入日历，2027年按《全国年节及纪念日放假办法》（国务院令第795号）规定的法定节假日和周末计算/,
      );
    }
    const r = await gongkai(['deadline', '--from', '2027-02-03', '--working-days', '3']);
    assert.ok(r.stdout.includes('  2027-02-05 星期五  不计  春节  国务院令第795号  暂定'), r.stdout);
    assert.ok(r.stdout.includes('  2027-02-08 星期一  不计  春节  国务院令第795号  暂定'), r.stdout);
  });

  test('without a database file it answers from the notices in code, and creates no database', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-deadline-'));
    try {
      const file = path.join(dir, 'none', 'gongkai.db');
      const r = await gongkai(['deadline', '--from', '2026-12-25', '--working-days', '5'], { DATABASE_URL: `file:${file}` });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout.split('\n')[0], '2027-01-04 provisional');
      assert.equal(fs.existsSync(path.join(dir, 'none')), false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('paused ranges, repeated, are not counted', async () => {
    const r = await gongkai([
      'deadline',
      '--from',
      '2026-03-02',
      '--working-days',
      '20',
      '--paused',
      '2026-03-04..2026-03-06',
      '--paused',
      '2026-03-09..2026-03-10',
    ]);
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

for (const dialect of dialects) {
  describe(`gongkai deadline with a notice entered in the database [${dialect}]`, { skip: dialect === 'postgres' ? skipPg : false }, () => {
    let t: TestDatabase;
    before(async () => {
      t = await createTestDatabase(dialect);
      const id = await insertUser(t.ctx.db, { username: 'admin', displayName: '平台管理员', passwordHash: 'x', createdAt: t.ctx.now().toISOString() });
      await grantRole(t.ctx.db, id, { role: 'platformAdmin', agencyId: null });
      // The 2027 notice with 元旦 reaching back to Thursday 2026-12-31.
      const n = notice2027();
      await enterHolidayNotice(
        t.ctx,
        { id, roles: [{ role: 'platformAdmin', agencyId: null }] },
        { ...n, breaks: n.breaks.map((b, i) => (i === 0 ? { ...b, weekdaysOff: ['2026-12-31', '2027-01-01'] } : b)) },
      );
    });
    after(async () => t.drop());

    test('the stored notice changes the answer, which is no longer provisional', async () => {
      const r = await gongkai(['deadline', '--from', '2026-12-25', '--working-days', '5'], { DATABASE_URL: t.url });
      assert.equal(r.code, 0, r.stderr);
      const lines = r.stdout.trimEnd().split('\n');
      assert.equal(lines[0], '2027-01-05');
      assert.ok(lines.includes('2027年放假安排：国办发明电〔2026〕9号《国务院办公厅关于2027年部分节假日安排的通知》（平台管理员据通知录入）'), r.stdout);
      assert.ok(lines.includes('  2026-12-31 星期四  不计  元旦  国办发明电〔2026〕9号'), r.stdout);
      assert.ok(!r.stdout.includes('暂定'));
      // 2027's 春节 as the notice arranges it: 2027-02-09 off, the Saturday 2027-02-20 worked
      assert.equal((await gongkai(['deadline', '--from', '2027-02-03', '--working-days', '3'], { DATABASE_URL: t.url })).stdout.split('\n')[0], '2027-02-15');
    });
  });
}

describe('gongkai fee', () => {
  test('--items: the amount first, then the bands', async () => {
    const r = await gongkai(['fee', '--items', '35']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.stdout.trimEnd().split('\n'), [
      '3000 元',
      '按件计收（国办函〔2020〕109号《政府信息公开信息处理费管理办法》第四条）：同一申请人在一个自然月内累计向本机关申请 35 件',
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
