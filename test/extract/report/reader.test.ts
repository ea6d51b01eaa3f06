/**
 * The report reader against published reports (issue 5): the seed, the real reports of
 * test/fixtures/published-reports and this project's own varied layouts read with every
 * number equal to the expected one; the errors printed in the real reports come out as
 * findings; a cell that cannot be read is null with a finding, never a guess.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fs from 'node:fs';
import { checkReportFile, readCells, readReportFile, textCells, markdownCells, htmlCells } from '../../../src/extract/report/index.ts';
import type { ReadReport } from '../../../src/extract/report/index.ts';
import { hasErrors } from '../../../src/domain/reports/findings.ts';
import { appealTrackKeys } from '../../../src/law/appeals.ts';
import { applicationColumnKeys, applicationRowKeys, appealColumnKeys } from '../../../src/law/report-format/index.ts';
import { renderReportText } from '../../../src/render/report/txt.ts';
import { sampleDocument } from '../../render/sample-report.ts';
import { seedActive, seedPath } from '../../helpers/seed.ts';
import { bytesOf, fixtures, numbers, ownDir, publishedDir } from './fixtures.ts';

const read = (r: ReadReport | { error: string }): ReadReport => {
  if ('error' in r) assert.fail(r.error);
  return r;
};

describe('the seed (browser text, a blank line between cells)', () => {
  test('reads every number with no error finding', async () => {
    const r = await checkReportFile(bytesOf(seedPath), seedPath);
    if ('error' in r) assert.fail(r.error);
    assert.equal(r.report.agency, '华容县插旗镇人民政府');
    assert.equal(r.report.year, 2023);
    assert.equal(r.report.format, '2021');
    assert.deepEqual(r.report.active, seedActive);
    for (const row of applicationRowKeys) assert.deepEqual(r.report.applications.rows[row], [0, 0, 0, 0, 0, 0, 0], row);
    for (const g of appealTrackKeys) assert.deepEqual(r.report.appeals[g], { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 });
    assert.equal(hasErrors(r.findings), false, JSON.stringify(r.findings));
    assert.match(r.report.text.overview, /主动公开信息34条/);
    assert.equal(r.report.text.other, '无。');
  });
});

describe('real published reports (test/fixtures/published-reports)', () => {
  const all = fixtures(publishedDir);
  test('the fixtures are there', () => assert.ok(all.length >= 5, publishedDir));

  for (const f of all.filter((x) => !x.ocr)) {
    test(`${f.name}: every number as printed`, async () => {
      const r = await checkReportFile(bytesOf(f.file), f.file);
      if ('error' in r) assert.fail(r.error);
      const { violations: _v, ...expected } = f.expected;
      assert.deepEqual(numbers(r.report), { ...numbers(r.report), ...pick(expected) });
      assert.equal(r.report.agency, expected.agency);
      assert.deepEqual(
        r.findings.filter((x) => x.rule.startsWith('P-')),
        [],
        'no cell left unread',
      );
    });

    test(`${f.name}: its printed arithmetic errors, and no others, as findings`, async () => {
      const r = await checkReportFile(bytesOf(f.file), f.file);
      if ('error' in r) assert.fail(r.error);
      const arithmetic = r.findings.filter((x) => ['T3-01', 'T3-02', 'T3-03', 'T4-01'].includes(x.rule));
      const expected = (f.expected.violations ?? []).map((v) => ({ rule: 'T4-01', expected: v.lhs, actual: v.rhs }));
      assert.deepEqual(
        arithmetic.map((x) => ({ rule: x.rule, expected: x.expected, actual: x.actual })),
        expected,
      );
    });
  }

  test('洪泽区 2023: 行政复议 总计 printed as 0 is T4-01 (10 + 1 = 11), an error', async () => {
    const r = await checkReportFile(bytesOf(`${publishedDir}/hongze-district-2023.pdf`), 'hongze-district-2023.pdf');
    if ('error' in r) assert.fail(r.error);
    const t = r.findings.find((x) => x.rule === 'T4-01' && x.where === 'appeals.reconsideration');
    assert.equal(t?.severity, 'error');
    assert.equal(t?.expected, 11);
    assert.equal(t?.actual, 0);
    // its single （六）其他处理 row: the 2019 layout kept in a 2021 report (X-02), the two missing rows null
    assert.ok(r.findings.some((x) => x.rule === 'X-02' && x.where === 'otherDisposal.other'));
    assert.equal(numbers(r.report).applications.rows['otherDisposal.noCorrection'], null);
    assert.ok(!r.findings.some((x) => x.rule === 'T3-04'), 'the missing rows are not blank cells');
  });

  test('the OCR markdown: every cell right, or null with a finding that names it', async () => {
    const f = all.find((x) => x.ocr)!;
    const r = await checkReportFile(bytesOf(f.file), f.file);
    if ('error' in r) assert.fail(r.error);
    const got = numbers(r.report);
    const exp = f.expected as unknown as ReturnType<typeof numbers>;
    const flagged = (where: string) =>
      r.findings.some((x) => (x.rule === 'P-01' || x.rule === 'P-02') && (x.where === where || x.where === where.split('.')[0]));
    for (const row of applicationRowKeys) {
      applicationColumnKeys.forEach((_, i) => {
        const v = got.applications.rows[row]?.[i] ?? null;
        if (v === null) assert.ok(flagged(row), `${row}[${i}] null without a finding`);
        else assert.equal(v, exp.applications.rows[row]?.[i], `${row}[${i}]`);
      });
    }
    for (const g of appealTrackKeys) {
      for (const c of appealColumnKeys) {
        const v = got.appeals[g]![c]!;
        if (v === null) assert.ok(flagged(`appeals.${g}`) || flagged('appeals'), `${g}.${c}`);
        else assert.equal(v, exp.appeals[g]![c], `${g}.${c}`);
      }
    }
    assert.deepEqual(got.active, exp.active);
  });
});

/** The expected file's keys that numbers() has. */
function pick(e: Record<string, unknown>) {
  const { format, year, active, applications, appeals } = e;
  return { format, year, active, applications, appeals } as Partial<ReturnType<typeof numbers>>;
}

describe("this project's layouts (test/fixtures/reports, made by make.ts)", () => {
  for (const f of fixtures(ownDir)) {
    test(`${f.name}: every number and the format's extra`, async () => {
      const r = read(await readReportFile(bytesOf(f.file), f.file));
      assert.deepEqual(numbers(r.report), { ...numbers(r.report), ...pick(f.expected) });
      assert.deepEqual(numbers(r.report).applications, (f.expected as ReturnType<typeof numbers>).applications);
      assert.deepEqual(r.report.extra, f.expected.extra);
      assert.equal(r.report.agency, '华容县测试镇人民政府');
    });
  }

  test('a portal page: the hidden table and the script around the report are not read', async () => {
    const r = read(await readReportFile(bytesOf(`${ownDir}/sample-2023-portal.html`), 'page.html'));
    assert.ok(!JSON.stringify(r.report).includes('999'));
    assert.ok(!r.document.labels.includes('隐藏的统计表'));
  });

  test('the 2019 format: its table 二 under extra.active2019; right for 2019, X-02 for each 2019 label from 2021', async () => {
    const r = await checkReportFile(bytesOf(`${ownDir}/sample-2019-format.txt`), 'x.txt');
    if ('error' in r) assert.fail(r.error);
    assert.equal(r.report.format, '2019');
    assert.equal(r.report.year, 2019);
    assert.ok(!r.findings.some((x) => x.rule === 'X-02'), 'the 2019 试行 format is right for a 2019 report');
    const text = fs.readFileSync(`${ownDir}/sample-2019-format.txt`, 'utf8').replace('2019年政府信息公开工作年度报告', '2023年政府信息公开工作年度报告');
    const late = await checkReportFile(new TextEncoder().encode(text), 'x.txt');
    if ('error' in late) assert.fail(late.error);
    assert.ok(late.findings.some((x) => x.rule === 'X-02' && /本年新制作数量/.test(x.message)));
    assert.ok(late.findings.some((x) => x.rule === 'X-02' && x.where === 'report'));
  });

  test('printed text: / cells are null with P-02, a blank cell is null (T3-04 names it)', async () => {
    const r = await checkReportFile(bytesOf(`${ownDir}/sample-2023-printed.txt`), 'x.txt');
    if ('error' in r) assert.fail(r.error);
    const p02 = r.findings.filter((x) => x.rule === 'P-02');
    assert.equal(p02.length, 3 + 7);
    assert.ok(p02.every((x) => x.severity === 'warning' && /标为“\/”/.test(x.message)));
    assert.ok(r.findings.some((x) => x.rule === 'T3-04' && x.where === 'notProcessed.publication' && /商业企业/.test(x.message)));
  });
});

describe('never a guessed number', () => {
  const seedLines = () =>
    renderReportText(sampleDocument())
      .split('\n')
      .filter((l) => l !== '');
  const readLines = (lines: string[]) => read(readCells(textCells(lines.join('\n'))));

  test('P-01: a cell that looks like a number but is not (OCR l0) is null, with the row and column named', () => {
    const lines = seedLines();
    const at = lines.indexOf('2.重复申请');
    lines[at + 3] = '1O3';
    const r = readLines(lines);
    assert.deepEqual(r.report.applications.rows['notProcessed.repeated'], [261, 262, null, 264, 265, 266, 267]);
    const f = r.findings.find((x) => x.rule === 'P-01');
    assert.equal(f?.where, 'notProcessed.repeated');
    assert.equal(f?.column, 'research');
    assert.match(f?.message ?? '', /“1O3”.*不是可读的数字/);
    assert.equal(f?.severity, 'error');
  });

  test('P-01: a row with six numbers for seven columns is null (which column is missing is not guessed)', () => {
    const lines = seedLines();
    const at = lines.indexOf('（一）予以公开');
    lines.splice(at + 3, 1);
    const r = readLines(lines);
    assert.deepEqual(r.report.applications.rows.granted, [null, null, null, null, null, null, null]);
    assert.ok(r.findings.some((x) => x.rule === 'P-01' && x.where === 'granted' && /读到6个数字，应为7个/.test(x.message)));
    assert.deepEqual(r.report.applications.rows.partiallyGranted, [131, 132, 133, 134, 135, 136, 137]);
  });

  test('P-01: a missing row and a missing table 四 are null, each with a finding', () => {
    const lines = seedLines();
    const at = lines.indexOf('2.重复申请');
    lines.splice(at, 8);
    const four = lines.indexOf('四、政府信息公开行政复议、行政诉讼情况');
    const five = lines.indexOf('五、存在的主要问题及改进情况');
    lines.splice(four + 1, five - four - 1);
    const r = readLines(lines);
    assert.deepEqual(r.report.applications.rows['notProcessed.repeated'], [null, null, null, null, null, null, null]);
    assert.deepEqual(r.report.applications.rows['notProcessed.publication'], [271, 272, 273, 274, 275, 276, 277]);
    assert.ok(r.findings.some((x) => x.rule === 'P-01' && x.where === 'notProcessed.repeated'));
    assert.ok(r.findings.some((x) => x.rule === 'P-01' && x.where === 'appeals'));
    for (const g of appealTrackKeys) assert.ok(Object.values(r.report.appeals[g]).every((v) => v === null));
  });

  test('P-02: a table 二 cell marked — or left blank is null with a warning', () => {
    const lines = seedLines();
    lines[lines.indexOf('行政许可') + 1] = '—';
    const r = readLines(lines);
    assert.equal(r.report.active.licensing, null);
    assert.ok(r.findings.some((x) => x.rule === 'P-02' && x.where === 'active.licensing' && x.severity === 'warning'));
  });

  test('P-03: a title without the agency leaves it empty, with a warning; the year from the statistics period', () => {
    const lines = seedLines();
    lines[0] = '政府信息公开年度报告';
    lines.splice(1, 0, '本报告所列数据的统计期限为2023年1月1日至2023年12月31日。');
    const r = readLines(lines);
    assert.equal(r.report.agency, '');
    assert.equal(r.report.year, 2023);
    assert.ok(r.findings.some((x) => x.rule === 'P-03' && x.severity === 'warning'));
  });

  test('labels with half-width punctuation, 1、 numbering and wrapped over two lines still find their rows', () => {
    const lines = seedLines()
      .map((l) =>
        l
          .replace(/（/g, '(')
          .replace(/）/g, ')')
          .replace(/^(\d)\.(?=\D)/, '$1、'),
      )
      .flatMap((l) => (l.startsWith('(二)部分公开') ? ['(二)部分公开(区分处理的,', '只计这一情形,不计其他情形)'] : [l]));
    const r = readLines(lines);
    assert.deepEqual(
      r.findings.filter((x) => x.rule.startsWith('P-')),
      [],
    );
    assert.deepEqual(r.report.applications.rows['otherDisposal.other'], [321, 322, 323, 324, 325, 326, 327]);
  });

  test('markdown tables and HTML tables give the same cells as a browser copy', () => {
    const md = markdownCells('| 规章 | 0 | / |\n|---|---|---|\n| - | 3 |  |\n# 二、标题');
    assert.deepEqual(md.cells, ['规章', '0', '/', '-', '3', '', '二、标题']);
    const html = htmlCells('<p>前言</p><table><tr><td rowspan=2>规章<td>1<td></tr><tr><td colspan="2"><p>2</p></td></table><div>后记&nbsp;&amp;</div>');
    assert.deepEqual(html.cells, ['前言', '规章', '1', '', '2', '后记 &']);
  });
});

describe('what cannot be read is said in one sentence', () => {
  const unreadable = async (bytes: Uint8Array, name: string) => {
    const r = await readReportFile(bytes, name);
    assert.ok('error' in r, `${name} was read`);
    return r.error;
  };

  test('a PDF without a text layer (a scan) is not guessed at', async () => {
    const pdf = minimalPdf('');
    assert.match(await unreadable(pdf, 'scan.pdf'), /没有文字层（可能是扫描件）/);
  });

  test('an empty file, random bytes, a damaged DOCX, a DOC, a text that is not a report', async () => {
    assert.match(await unreadable(new Uint8Array(), 'x.txt'), /空/);
    assert.match(
      await unreadable(
        Uint8Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256),
        'x.bin',
      ),
      /不是文字/,
    );
    assert.match(await unreadable(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'x.docx'), /Word/);
    assert.match(await unreadable(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'x.doc'), /DOC/);
    assert.match(await unreadable(new TextEncoder().encode('关于做好2023年政务公开工作的通知\n各乡镇：……'), 'x.txt'), /不是政府信息公开工作年度报告/);
  });

  test('a GBK text file is decoded, not rejected', async () => {
    const r = read(await readReportFile(bytesOf(`${ownDir}/sample-2023-portal-gbk.html`), 'page.html'));
    assert.equal(r.report.agency, '华容县测试镇人民政府');
  });
});

/** A one-page PDF whose content stream is `content` (empty: a page with no text, as a scan without OCR). */
function minimalPdf(content: string): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}
