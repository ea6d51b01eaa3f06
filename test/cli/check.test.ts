/** `gongkai check` through the real binary (shared/contracts/cli.md): output forms and exit status. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { gongkai } from '../helpers/cli.ts';
import { seedActive, seedPath } from '../helpers/seed.ts';
import { ownDir, publishedDir } from '../extract/report/fixtures.ts';

describe('gongkai check', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-check-'));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('the seed --format json: its numbers, no error finding, exit 0', async () => {
    const r = await gongkai(['check', seedPath, '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 1);
    const { report, findings, ...rest } = JSON.parse(lines[0]!) as { report: Record<string, unknown>; findings: Record<string, unknown>[] };
    assert.deepEqual(rest, {});
    assert.deepEqual(Object.keys(report), ['format', 'agency', 'year', 'active', 'applications', 'appeals', 'text', 'extra']);
    assert.equal(report.agency, '华容县插旗镇人民政府');
    assert.equal(report.year, 2023);
    assert.deepEqual(report.active, seedActive);
    for (const row of Object.values((report.applications as { rows: Record<string, unknown> }).rows)) assert.deepEqual(row, [0, 0, 0, 0, 0, 0, 0]);
    assert.ok(findings.every((f) => f.severity === 'warning'));
    for (const f of findings) assert.deepEqual(Object.keys(f), ['rule', 'severity', 'message', 'expected', 'actual', 'where']);
  });

  test('a report with error findings exits 1; the readable summary names them in Chinese', async () => {
    const file = path.join(publishedDir, 'hongze-district-2023.pdf');
    const r = await gongkai(['check', file]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /淮安市洪泽区人民政府2023年度报告（2021年格式），错误 3 项/);
    assert.match(r.stdout, /错误 T4-01 表四“行政复议”总计为0，结果维持、结果纠正、其他结果、尚未审结之和为11/);
  });

  test('a 2019 or 2020 report in the 2019 format: no X-02, no X-03; the same report dated 2021: X-02 and X-03', async () => {
    // The 2019-format sample, its section 六 without a 信息处理费 statement (X-03 applies from 2021 too).
    const sample = fs.readFileSync(path.join(ownDir, 'sample-2019-format.txt'), 'utf8').replace('本年度未收取信息处理费。', '无。');
    assert.ok(sample.startsWith('华容县测试镇人民政府2019年政府信息公开工作年度报告'));
    const rulesOf = async (year: number) => {
      const file = path.join(tmp, `report-2019-format-${year}.txt`);
      fs.writeFileSync(file, sample.replace('2019年政府信息公开工作年度报告', `${year}年政府信息公开工作年度报告`));
      const r = await gongkai(['check', file, '--format', 'json']);
      const { report, findings } = JSON.parse(r.stdout) as { report: { year: number; format: string }; findings: { rule: string }[] };
      assert.deepEqual([report.year, report.format], [year, '2019']);
      return new Set(findings.map((f) => f.rule));
    };
    for (const year of [2019, 2020]) {
      const rules = await rulesOf(year);
      assert.ok(!rules.has('X-02') && !rules.has('X-03'), `${year}: ${[...rules].join(' ')}`);
    }
    const late = await rulesOf(2021);
    assert.ok(late.has('X-02') && late.has('X-03'), [...late].join(' '));
  });

  test('a directory is read recursively: one JSON object per file per line, READMEs left out', async () => {
    const nested = path.join(tmp, 'a', 'b');
    fs.mkdirSync(nested, { recursive: true });
    fs.copyFileSync(seedPath, path.join(tmp, 'a', 'seed.txt'));
    fs.copyFileSync(path.join(ownDir, 'sample-2023.docx'), path.join(nested, 'sample.docx'));
    fs.copyFileSync(path.join(ownDir, 'sample-2023-portal.html'), path.join(nested, 'page.html'));
    fs.writeFileSync(path.join(nested, 'README.md'), '# notes');
    fs.writeFileSync(path.join(nested, 'notes.json'), '{}');
    const r = await gongkai(['check', path.join(tmp, 'a'), '--format', 'json']);
    const reports = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l).report as { agency: string; year: number });
    assert.deepEqual(
      reports.map((x) => x.agency),
      ['华容县测试镇人民政府', '华容县测试镇人民政府', '华容县插旗镇人民政府'],
    );
    assert.equal(r.code, 1, r.stderr); // the sample's numbers are distinct, so its sums fail
  });

  test('an unreadable file: exit 2, one line on stderr, nothing on stdout', async () => {
    const scan = path.join(tmp, 'scan.pdf');
    fs.writeFileSync(scan, '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
    for (const [file, pattern] of [
      [scan, /scan\.pdf：该 PDF/],
      [path.join(tmp, 'missing.txt'), /找不到文件或目录/],
    ] as const) {
      const r = await gongkai(['check', file, '--format', 'json']);
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
      assert.match(r.stderr, pattern);
    }
  });

  test('no file named, or an unknown option: exit 2 with usage in the message', async () => {
    const none = await gongkai(['check']);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /缺少要检查的文件或目录/);
    const bad = await gongkai(['check', seedPath, '--format', 'xml']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--format 的取值“xml”无效/);
  });
});
