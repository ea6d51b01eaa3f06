import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { dialects, createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { postgresSkip } from '../helpers/resources.ts';
import { gongkai } from '../helpers/cli.ts';
import { ensurePlatformAdmin } from '../../src/app/auth/users.ts';
import { seedActive, seedText, tableValues } from '../helpers/seed.ts';

const skipPg = await postgresSkip();

/** A failed command: status 2, one line on stderr, nothing on stdout. */
function assertBadInput(r: { code: number | null; stdout: string; stderr: string }, pattern: RegExp) {
  assert.equal(r.code, 2, r.stderr);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
  assert.match(r.stderr, pattern);
}

for (const dialect of dialects) {
  describe(`gongkai command [${dialect}]`, { skip: dialect === 'postgres' ? skipPg : false }, () => {
    let t: TestDatabase;
    let env: Record<string, string>;
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-cli-'));
    before(async () => {
      t = await createTestDatabase(dialect);
      env = { DATABASE_URL: t.url };
    });
    after(async () => {
      await t.drop();
      fs.rmSync(tmp, { recursive: true, force: true });
    });

    test('demo loads the county, and a second run changes nothing', async () => {
      const first = await gongkai(['demo'], env);
      assert.equal(first.code, 0, first.stderr);
      assert.match(first.stdout, /已载入演示县/);
      const second = await gongkai(['demo'], env);
      assert.equal(second.code, 0);
      assert.match(second.stdout, /未作改动/);
    });

    test('demo refuses a real database, with its own accounts, unless forced', async () => {
      const real = await createTestDatabase(dialect);
      try {
        const admin = await ensurePlatformAdmin(real.ctx);
        assert.ok(admin);
        const refused = await gongkai(['demo'], { DATABASE_URL: real.url });
        assertBadInput(refused, /不是演示数据库.*--force/);
        assert.equal((await real.ctx.db.selectFrom('users').select('username').execute()).length, 1, 'nothing written');
        const forced = await gongkai(['demo', '--force'], { DATABASE_URL: real.url });
        assert.equal(forced.code, 0, forced.stderr);
        assert.match(forced.stdout, /已载入演示县/);
        const again = await gongkai(['demo', '--force'], { DATABASE_URL: real.url });
        assert.match(again.stdout, /未作改动/);
      } finally {
        await real.drop();
      }
    });

    test('agencies --format json lists the agencies in the contract shape', async () => {
      const r = await gongkai(['agencies', '--format', 'json'], env);
      assert.equal(r.code, 0, r.stderr);
      const list = JSON.parse(r.stdout) as Record<string, unknown>[];
      assert.ok(list.length >= 6);
      for (const a of list) assert.deepEqual(Object.keys(a), ['id', 'name', 'shortName', 'kind', 'code']);
      assert.ok(list.some((a) => a.name === '华容县插旗镇人民政府' && a.shortName === '插旗镇' && a.kind === 'town'));
    });

    test('report --format json prints every number of the seed', async () => {
      const r = await gongkai(['report', '--agency', '插旗镇', '--year', '2023', '--format', 'json'], env);
      assert.equal(r.code, 0, r.stderr);
      const json = JSON.parse(r.stdout);
      assert.deepEqual(Object.keys(json), ['format', 'agency', 'year', 'active', 'applications', 'appeals', 'text', 'extra']);
      assert.equal(json.format, '2021');
      assert.equal(json.agency, '华容县插旗镇人民政府');
      assert.equal(json.year, 2023);
      assert.deepEqual(json.active, seedActive);
      assert.deepEqual(json.applications.columns, ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'other', 'total']);
      assert.equal(Object.keys(json.applications.rows).length, 25);
      for (const row of Object.values(json.applications.rows)) assert.deepEqual(row, [0, 0, 0, 0, 0, 0, 0]);
      assert.deepEqual(Object.keys(json.appeals), ['reconsideration', 'litigationDirect', 'litigationAfterReconsideration']);
      for (const g of Object.values(json.appeals)) assert.deepEqual(g, { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 });
      assert.ok(json.text.overview.includes('主动公开信息34条'));
    });

    test('the same report by id and by full name, and the txt output holds the seed values in order', async () => {
      const list = JSON.parse((await gongkai(['agencies', '--format', 'json'], env)).stdout) as { id: number; name: string }[];
      const chaqi = list.find((a) => a.name === '华容县插旗镇人民政府')!;
      const byId = await gongkai(['report', '--agency', String(chaqi.id), '--year', '2023', '--format', 'json'], env);
      const byName = await gongkai(['report', '--agency', '华容县插旗镇人民政府', '--year', '2023', '--format', 'json'], env);
      assert.equal(byId.stdout, byName.stdout);
      const txt = await gongkai(['report', '--agency', '插旗镇', '--year', '2023', '--format', 'txt'], env);
      assert.equal(txt.code, 0, txt.stderr);
      assert.deepEqual(tableValues(txt.stdout), tableValues(seedText));
      assert.equal(tableValues(txt.stdout).length, 10 + 25 * 7 + 15);
    });

    test('--out writes the file; html, docx and xlsx come out', async () => {
      for (const [format, magic] of [
        ['html', '<!doctype html>'],
        ['docx', 'PK'],
        ['xlsx', 'PK'],
      ] as const) {
        const file = path.join(tmp, `report.${format}`);
        const r = await gongkai(['report', '--agency', '章华镇', '--year', '2024', '--format', format, '--out', file], env);
        assert.equal(r.code, 0, r.stderr);
        assert.equal(r.stdout, '');
        assert.equal(fs.readFileSync(file).subarray(0, magic.length).toString('latin1'), magic);
      }
    });

    test('bad input gives one clear line, exit status 2, and writes nothing', async () => {
      const out = path.join(tmp, 'never.json');
      const cases: [string[], RegExp][] = [
        [['report', '--agency', '不存在镇', '--year', '2023', '--format', 'json', '--out', out], /找不到单位“不存在镇”/],
        [['report', '--agency', '插旗镇', '--year', '2019', '--format', 'json', '--out', out], /没有2019年度的年报/],
        [['report', '--agency', '插旗镇', '--year', '2031', '--format', 'json', '--out', out], /没有2031年度的年报/],
        [['report', '--agency', '插旗镇', '--year', '23', '--format', 'json', '--out', out], /--year 应为四位年份/],
        [['report', '--agency', '插旗镇', '--year', '2023', '--format', 'pdf', '--out', out], /--format 的取值“pdf”无效/],
        [['report', '--agency', '插旗镇', '--year', '2023', '--bogus', '--out', out], /不认识的选项 --bogus/],
        [['report', '--year', '2023', '--out', out], /缺少选项 --agency/],
        [['report', '--agency', '插旗镇', '--year', '2023', '--out', path.join(tmp, 'no-such-dir', 'x.json')], /--out 的目录不存在/],
        [['agencies', '--format', 'yaml'], /--format 的取值“yaml”无效/],
      ];
      for (const [args, pattern] of cases) assertBadInput(await gongkai(args, env), pattern);
      assert.equal(fs.existsSync(out), false);
    });
  });
}

describe('gongkai command without a usable database', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-cli-'));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('an unreachable PostgreSQL gives one line and exit status 2', async () => {
    const r = await gongkai(['report', '--agency', '插旗镇', '--year', '2023', '--format', 'json'], { DATABASE_URL: 'postgres://root@127.0.0.1:1/test' });
    assertBadInput(r, /无法连接数据库 postgres:\/\/root@127\.0\.0\.1:1\/test/);
  });

  test('a missing SQLite file is reported and not created', async () => {
    const file = path.join(tmp, 'missing.db');
    const out = path.join(tmp, 'out.json');
    const r = await gongkai(['report', '--agency', '插旗镇', '--year', '2023', '--format', 'json', '--out', out], { DATABASE_URL: `file:${file}` });
    assertBadInput(r, /数据库文件不存在/);
    assert.equal(fs.existsSync(file), false);
    assert.equal(fs.existsSync(out), false);
    assertBadInput(await gongkai(['agencies'], { DATABASE_URL: `file:${file}` }), /数据库文件不存在/);
  });

  test('a malformed DATABASE_URL and an unknown command are input errors', async () => {
    assertBadInput(await gongkai(['agencies'], { DATABASE_URL: 'mysql://x' }), /DATABASE_URL 格式不正确/);
    assertBadInput(await gongkai(['frobnicate'], {}), /不认识的命令“frobnicate”/);
  });

  test('an empty database asks for migrate or demo', async () => {
    const file = path.join(tmp, 'empty.db');
    fs.writeFileSync(file, '');
    assertBadInput(await gongkai(['agencies'], { DATABASE_URL: `file:${file}` }), /尚未建立或结构较旧/);
  });

  test('npx gongkai resolves the project command', async () => {
    const r = await gongkai(['agencies', '--format', 'json'], { DATABASE_URL: `file:${path.join(tmp, 'none.db')}` }, ['npx', '--no-install', 'gongkai']);
    assertBadInput(r, /数据库文件不存在/);
  });
});
