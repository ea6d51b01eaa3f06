/**
 * What a report's printed layout does to the reader: blank cells in a PDF (numbers placed by
 * where they are printed, never by guess), running page headers and footers between a row's
 * cells, and table 三's column headers checked against the format before any number is put
 * in a column.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkReportFile, lineCells, readCells, textCells } from '../../../src/extract/report/index.ts';
import type { ReadReport } from '../../../src/extract/report/index.ts';
import { pdfText, type PdfItem } from '../../../src/extract/report/pdf.ts';
import { applicationRowKeys } from '../../../src/law/report-format/index.ts';
import { renderReportText } from '../../../src/render/report/txt.ts';
import { sampleDocument, sampleReport } from '../../render/sample-report.ts';
import { bytesOf, numbers, ownDir } from './fixtures.ts';

const read = (r: ReadReport | { error: string }): ReadReport => {
  if ('error' in r) assert.fail(r.error);
  return r;
};
const sample = numbers(sampleReport());
const readerFindings = (r: { findings: { rule: string }[] }) => r.findings.filter((x) => x.rule.startsWith('P-'));

async function itemsOf(file: string): Promise<{ pages: string[]; items: PdfItem[][] }> {
  const pdf = await pdfText(bytesOf(file));
  if ('failure' in pdf) assert.fail(pdf.failure);
  return { pages: pdf.pages, items: pdf.items.map((p) => p.map((i) => ({ ...i }))) };
}
/** The item printing `str` (the first one, or the `nth`). */
function item(items: PdfItem[][], str: string, nth = 0): PdfItem {
  const all = items.flat().filter((i) => i.str === str);
  assert.ok(all[nth], `no item ${str}`);
  return all[nth]!;
}
const center = (i: PdfItem) => i.x + i.width / 2;
/** Moves an item so that its centre is at x. */
const moveTo = (i: PdfItem, x: number) => (i.x = x - i.width / 2);
const pagesText = (items: PdfItem[][]) => items.map((p) => p.map((i) => i.str + (i.eol ? '\n' : '')).join(''));

describe('a PDF row with blank cells', () => {
  const blanks = `${ownDir}/sample-2023-blanks.pdf`;

  test('each printed number in the column it is printed in, each blank null and named by T3-04 or T4-02, no P-01', async () => {
    const r = await checkReportFile(bytesOf(blanks), blanks);
    if ('error' in r) assert.fail(r.error);
    const got = numbers(r.report);
    assert.deepEqual(got.applications.rows.granted, [121, 122, null, null, null, 126, 127]);
    assert.deepEqual(got.applications.rows['withheld.stateSecret'], [null, 142, 143, 144, 145, 146, 147]);
    assert.deepEqual(got.applications.rows['notProcessed.publication'], [271, null, null, null, null, null, 277]);
    assert.deepEqual(got.applications.rows.carriedForward, [341, 342, 343, 344, 345, 346, null]);
    assert.deepEqual(got.appeals.litigationDirect, { upheld: null, corrected: 507, other: 508, pending: null, total: 510 });
    assert.deepEqual(readerFindings(r), []);
    const blankCells = Object.values(got.applications.rows)
      .flat()
      .filter((v) => v === null).length;
    assert.equal(r.findings.filter((x) => x.rule === 'T3-04' && /为空/.test(x.message)).length, blankCells);
    assert.equal(r.findings.filter((x) => x.rule === 'T4-02' && /为空/.test(x.message)).length, 4);
    assert.ok(r.findings.some((x) => x.rule === 'T3-04' && x.where === 'withheld.stateSecret' && x.column === 'naturalPerson'));
  });

  test('a number printed between two columns is not placed: its row is null with P-01', async () => {
    const { items } = await itemsOf(blanks);
    // 277 (总计 of 要求提供公开出版物) moved halfway between the 其他 and 总计 columns
    moveTo(item(items, '277'), (center(item(items, '266')) + center(item(items, '267'))) / 2);
    const r = read(readCells(lineCells(pagesText(items), items)));
    assert.deepEqual(r.report.applications.rows['notProcessed.publication'], [null, null, null, null, null, null, null]);
    const f = r.findings.filter((x) => x.rule === 'P-01');
    assert.equal(f.length, 1);
    assert.equal(f[0]!.where, 'notProcessed.publication');
    assert.match(f[0]!.message, /读到2个数字，应为7个，按其印刷位置也无法确定各数字所在的列/);
    assert.deepEqual(r.report.applications.rows.granted, [121, 122, null, null, null, 126, 127]);
  });

  test('two numbers printed in one column are not placed: the row is null with P-01', async () => {
    const { items } = await itemsOf(blanks);
    moveTo(item(items, '277'), center(item(items, '271')));
    const r = read(readCells(lineCells(pagesText(items), items)));
    assert.deepEqual(r.report.applications.rows['notProcessed.publication'], [null, null, null, null, null, null, null]);
    assert.ok(r.findings.some((x) => x.rule === 'P-01' && x.where === 'notProcessed.publication'));
  });

  test('full rows that disagree on where a column is place nothing: rows with blanks stay null with P-01', async () => {
    const { items } = await itemsOf(blanks);
    // 112 (上年结转, 商业企业) printed half a column to the right: its row is still read by count
    const a = item(items, '112');
    moveTo(a, (center(a) + center(item(items, '113'))) / 2);
    const r = read(readCells(lineCells(pagesText(items), items)));
    assert.deepEqual(r.report.applications.rows.carriedOver, [111, 112, 113, 114, 115, 116, 117]);
    assert.deepEqual(r.report.applications.rows.granted, [null, null, null, null, null, null, null]);
    assert.ok(r.findings.some((x) => x.rule === 'P-01' && x.where === 'granted'));
  });

  test('table 四 with a number off its header is null with P-01', async () => {
    const { items } = await itemsOf(blanks);
    // 503 (行政复议 其他结果) moved under the gap between 其他结果 and 尚未审结
    moveTo(item(items, '503'), (center(item(items, '503')) + center(item(items, '504'))) / 2);
    const r = read(readCells(lineCells(pagesText(items), items)));
    assert.deepEqual(r.report.appeals.reconsideration, { upheld: null, corrected: null, other: null, pending: null, total: null });
    assert.ok(r.findings.some((x) => x.rule === 'P-01' && x.where === 'appeals'));
  });
});

describe('running page headers and footers', () => {
  const lines = () =>
    renderReportText(sampleDocument())
      .split('\n')
      .filter((l) => l !== '');
  const header = (n: number) => ['华容县人民政府门户网站', `2024/1/20 10:3${n}`];

  test('text: a site name and a print date after each page number, inside rows, are passed over', () => {
    const ls = lines();
    // page 2 starts inside the numbers of 本机关不掌握相关政府信息, page 3 inside table 四's
    ls.splice(ls.indexOf('1.本机关不掌握相关政府信息') + 4, 0, '— 1 —', ...header(2));
    ls.splice(ls.indexOf('508'), 0, '— 2 —', ...header(3));
    ls.unshift(...header(1));
    const r = read(readCells(textCells(ls.join('\n'))));
    assert.deepEqual(numbers(r.report), sample);
    assert.deepEqual(readerFindings(r), []);
    assert.equal(r.report.agency, '华容县测试镇人民政府');
    assert.ok(!r.document.labels.some((l) => l.includes('门户网站')));
  });

  test('text: a line printed once at a page break is not taken for a header', () => {
    const ls = lines();
    ls.splice(ls.indexOf('1.本机关不掌握相关政府信息') + 4, 0, '— 1 —', '华容县人民政府门户网站');
    const r = read(readCells(textCells(ls.join('\n'))));
    assert.ok(r.document.labels.includes('华容县人民政府门户网站'));
  });

  test('PDF: a print date and a site name atop each page are passed over', async () => {
    const { items } = await itemsOf(`${ownDir}/sample-2023.pdf`);
    for (const [n, page] of items.entries()) {
      page.unshift(
        { str: `2024/1/20 10:3${n}`, x: 57, width: 70, eol: false, upright: true },
        { str: ' ', x: 127, width: 123, eol: false, upright: true },
        { str: '华容县人民政府门户网站', x: 250, width: 110, eol: true, upright: true },
      );
    }
    const r = read(readCells(lineCells(pagesText(items), items)));
    assert.deepEqual(numbers(r.report), sample);
    assert.deepEqual(readerFindings(r), []);
  });
});

describe("table 三's column headers", () => {
  const lines = () =>
    renderReportText(sampleDocument())
      .split('\n')
      .filter((l) => l !== '');
  const emptyRow = [null, null, null, null, null, null, null];

  test('columns swapped (商业企业 and 科研机构): the table is null, a P-01 on each row says the headers differ', async () => {
    const file = `${ownDir}/sample-2023-swapped-columns.txt`;
    const r = await checkReportFile(bytesOf(file), file);
    if ('error' in r) assert.fail(r.error);
    for (const row of applicationRowKeys) assert.deepEqual(r.report.applications.rows[row], emptyRow, row);
    const p01 = r.findings.filter((x) => x.rule === 'P-01');
    assert.deepEqual(
      p01.map((x) => x.where),
      [...applicationRowKeys],
    );
    assert.ok(
      p01.every((x) =>
        /^表三的列标题（自然人、科研机构、商业企业、社会公益组织、法律服务机构、其他、总计）与格式规定的列（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计）不符，无法确定“.+”行各数字所在的列，按空值处理$/.test(
          x.message,
        ),
      ),
    );
    assert.deepEqual(numbers(r.report).appeals, sample.appeals);
    assert.deepEqual(numbers(r.report).active, sample.active);
  });

  test('a column missing from the header: the table is null, with the headers named', () => {
    const ls = lines();
    const from = ls.indexOf('法律服务机构');
    ls.splice(from, 1);
    // and the column's number from every row
    const r = read(readCells(textCells(ls.filter((l) => !/^\d\d5$/.test(l) || Number(l) > 400).join('\n'))));
    assert.deepEqual(r.report.applications.rows.granted, emptyRow);
    assert.ok(
      r.findings.some((x) => x.rule === 'P-01' && x.where === 'granted' && /列标题（自然人、商业企业、科研机构、社会公益组织、其他、总计）/.test(x.message)),
    );
    assert.ok(!r.findings.some((x) => /读到6个数字/.test(x.message)));
  });

  test('wrapped headers (商业 / 企业), 其它 for 其他, one header row, or no header: read in the declared columns', () => {
    const wrapped = lines().flatMap((l) => (l === '商业企业' ? ['商业', '企业'] : l === '其他' ? ['其它'] : [l]));
    const oneRow = lines();
    const head = oneRow.indexOf('自然人');
    oneRow.splice(head, 8, '自然人', '法人或其他组织', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计');
    const none = lines();
    none.splice(none.indexOf('申请人情况'), 9);
    for (const ls of [wrapped, oneRow, none]) {
      const r = read(readCells(textCells(ls.join('\n'))));
      assert.deepEqual(numbers(r.report).applications, sample.applications);
      assert.deepEqual(readerFindings(r), []);
    }
  });

  test('PDF: headers spaced out over the cell (法 人 或 其 他 组 织) are read as printed, not as 其他', async () => {
    const { items } = await itemsOf(`${ownDir}/sample-2023.pdf`);
    const group = item(items, '法人或其他组织');
    const c = center(group);
    group.str = '法 人 或 其 他 组 织';
    group.width = (group.width * 13) / 7;
    moveTo(group, c);
    const r = read(readCells(lineCells(pagesText(items), items)));
    assert.deepEqual(numbers(r.report).applications, sample.applications);
    assert.deepEqual(readerFindings(r), []);
  });

  test('PDF: headers printed in another order (商业企业 and 科研机构 swapped) leave the table null', async () => {
    const { items } = await itemsOf(`${ownDir}/sample-2023.pdf`);
    // the first header only: the one repeated on the next page is part of the rows
    const [a, b, c, d] = [item(items, '商业'), item(items, '企业'), item(items, '科研'), item(items, '机构')];
    [a.x, c.x] = [c.x, a.x];
    [b.x, d.x] = [d.x, b.x];
    const r = read(readCells(lineCells(pagesText(items), items)));
    assert.deepEqual(r.report.applications.rows.newReceived, emptyRow);
    assert.ok(r.findings.some((x) => x.rule === 'P-01' && x.where === 'newReceived' && /列标题（自然人、科研机构、商业企业/.test(x.message)));
  });
});
