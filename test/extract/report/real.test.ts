/**
 * The report reader against real published reports in layouts this project's own fixtures lack
 * (test/fixtures/reports/real; where each came from is in its README). They are excerpts of
 * portal pages, cut off inside their tables: every number printed is read into its cell, every
 * cell the excerpt does not print is null with a reader finding (P-01, P-02) that names where,
 * and none of them stops the reader.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { checkReportFile, readCells, textCells } from '../../../src/extract/report/index.ts';
import type { ReadReport } from '../../../src/extract/report/index.ts';
import type { Finding } from '../../../src/domain/reports/findings.ts';
import { appealTrackKeys } from '../../../src/law/appeals.ts';
import { applicationColumnKeys, applicationRowKeys, appealColumnKeys } from '../../../src/law/report-format/index.ts';
import { renderReportText } from '../../../src/render/report/txt.ts';
import { sampleDocument } from '../../render/sample-report.ts';
import { bytesOf, fixtures, numbers, ownDir } from './fixtures.ts';

const realDir = path.join(ownDir, 'real');

type Expected = ReturnType<typeof numbers> & {
  agency: string;
  extra: Record<string, unknown>;
  /** Cells the excerpt prints blank (null, named by the validators' T3-04 rather than by the reader). */
  printedBlank?: Record<string, number[]>;
};

/** A reader finding (P-01, P-02) for the cell at `where` (active.rules.issued), its row (active.rules) or its table (appeals). */
const named = (findings: readonly Finding[], where: string) =>
  findings.some((x) => (x.rule === 'P-01' || x.rule === 'P-02') && (x.where === where || where.startsWith(`${x.where}.`)));

describe('real reports in varied layouts (test/fixtures/reports/real)', () => {
  const all = fixtures(realDir);
  test('the fixtures are there', () => assert.ok(all.length >= 6, realDir));

  for (const f of all) {
    const exp = f.expected as unknown as Expected;

    test(`${f.name}: every printed number in its cell, nothing else`, async () => {
      const r = await checkReportFile(bytesOf(f.file), f.file);
      if ('error' in r) assert.fail(r.error);
      const got = numbers(r.report);
      assert.equal(r.report.agency, exp.agency);
      assert.equal(got.year, exp.year);
      assert.equal(got.format, exp.format);
      assert.deepEqual(got.active, exp.active);
      assert.deepEqual(got.applications, exp.applications);
      assert.deepEqual(got.appeals, exp.appeals);
      assert.deepEqual(r.report.extra, exp.extra);
    });

    test(`${f.name}: every null cell has a finding that names where`, async () => {
      const r = await checkReportFile(bytesOf(f.file), f.file);
      if ('error' in r) assert.fail(r.error);
      const got = numbers(r.report);
      const missing: string[] = [];
      const need = (value: number | null, where: string) => {
        if (value === null && !named(r.findings, where)) missing.push(where);
      };
      if (got.format === '2021') {
        for (const [k, v] of Object.entries(got.active)) {
          if (typeof v === 'object' && v !== null) for (const [c, x] of Object.entries(v)) need(x as number | null, `active.${k}.${c}`);
          else need(v as number | null, `active.${k}`);
        }
      } else {
        const t = r.report.extra['active2019'] as Record<string, Record<string, number | null>>;
        for (const [k, cells] of Object.entries(t)) for (const [c, x] of Object.entries(cells)) need(x, `active.${k}.${c}`);
      }
      for (const row of applicationRowKeys) {
        // a 2019 report has no otherDisposal.noCorrection and .unpaidFee rows: null, as the contract says
        const cells = got.applications.rows[row];
        if (cells === null && got.format === '2019' && row.startsWith('otherDisposal.')) continue;
        applicationColumnKeys.forEach((col, i) => {
          const v = cells?.[i] ?? null;
          if (v === null && exp.printedBlank?.[row]?.includes(i)) {
            assert.ok(
              r.findings.some((x) => x.rule === 'T3-04' && x.where === row && x.column === col),
              `${row}.${col} printed blank`,
            );
          } else need(v, `${row}.${col}`);
        });
      }
      for (const g of appealTrackKeys) for (const c of appealColumnKeys) need(got.appeals[g]![c]!, `appeals.${g}.${c}`);
      assert.deepEqual(missing, [], 'null without a finding');
      assert.ok(r.findings.filter((x) => x.rule.startsWith('P-')).every((x) => x.message !== ''));
    });
  }

  test('a year read from a sentence or from a garbled title is a P-03 warning that quotes it', async () => {
    const year = async (name: string) => {
      const r = await checkReportFile(bytesOf(`${realDir}/${name}`), name);
      if ('error' in r) assert.fail(r.error);
      return r.findings.filter((x) => x.rule === 'P-03').map((x) => `${x.severity} ${x.message}`);
    };
    assert.ok((await year('xjnlk-town-2023.txt')).some((m) => /^warning .*“2023年政府信息公开工作”读作2023年/.test(m)));
    assert.ok((await year('changchun-veterans-bureau-2023.txt')).some((m) => /^warning .*“截止2023年12月31日”读作2023年/.test(m)));
    assert.ok((await year('qijiazi-town-2023.txt')).some((m) => /^warning 标题“昌图县七家子镇2023年政府信息公开 工作告年度报”的文字顺序/.test(m)));
    // a title, or a statistics period 自…起到…止, needs no such warning
    assert.deepEqual(await year('taiping-town-2022.txt'), []);
    assert.deepEqual(await year('zhanjiang-gazetteer-office-2023.txt'), []);
  });

  test('2019 labels printed in a 2023 report come out as X-02', async () => {
    const old = await checkReportFile(bytesOf(`${realDir}/yanglin-town-2023.txt`), 'x.txt');
    if ('error' in old) assert.fail(old.error);
    assert.ok(old.findings.some((x) => x.rule === 'X-02' && /本年增\/减/.test(x.message)));
  });
});

describe('pipe-separated tables and printed rows in plain text', () => {
  const read = (r: ReadReport | { error: string }): ReadReport => {
    if ('error' in r) assert.fail(r.error);
    return r;
  };
  const rows = (n: number, row: string) => Array.from({ length: n }, () => row).join('\n');

  test('a | ends a cell: cells with a | line after each, cells ending in |, rows on a line', () => {
    assert.deepEqual(textCells(`标题\n${rows(4, '规章\n|\n0\n|')}`).cells, ['标题', ...Array.from({ length: 4 }, () => ['规章', '0']).flat()]);
    // a | line alone is a blank cell; a line of pipes alone is the filler of colspans
    assert.deepEqual(textCells(rows(3, '规章 |\n/ |\n|\n0 |\n||')).cells, Array.from({ length: 3 }, () => ['规章', '/', '', '0']).flat());
    // a | opening a line opens a row; the blank under a rowspan label is not a cell of the row before
    assert.deepEqual(
      textCells(rows(4, '| （三）不予公开 | 1.属于国家秘密 | | 0 | ||\n| | 2.其他法律行政法规禁止公开 | 0 | |')).cells,
      Array.from({ length: 4 }, () => ['（三）不予公开', '1.属于国家秘密', '', '0', '', '', '2.其他法律行政法规禁止公开', '0', '']).flat(),
    );
    // a breadcrumb with pipes is not a table
    assert.deepEqual(textCells('首页 | 政务公开\n规章\n0').cells, ['首页 | 政务公开', '规章', '0']);
  });

  test('a row of numbers copied as one line is one value each, in order, never one number', () => {
    const lines = renderReportText(sampleDocument())
      .split('\n')
      .filter((l) => l !== '');
    const four = lines.indexOf('四、政府信息公开行政复议、行政诉讼情况');
    const five = lines.indexOf('五、存在的主要问题及改进情况');
    const numbersOfFour = lines.slice(four + 1, five).filter((l) => /^\d+$/.test(l));
    assert.equal(numbersOfFour.length, 15);
    lines.splice(four + 1, five - four - 1, '行政复议 行政诉讼', numbersOfFour.join(' '));
    const r = read(readCells(textCells(lines.join('\n'))));
    const got = appealTrackKeys.flatMap((g) => appealColumnKeys.map((c) => r.report.appeals[g][c]));
    assert.deepEqual(got, numbersOfFour.map(Number));
  });
});
