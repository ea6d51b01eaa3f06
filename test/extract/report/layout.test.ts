/**
 * What a report's printed layout does to the reader: running page headers and footers
 * between a row's cells.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lineCells, readCells, textCells } from '../../../src/extract/report/index.ts';
import type { ReadReport } from '../../../src/extract/report/index.ts';
import { pdfText, type PdfItem } from '../../../src/extract/report/pdf.ts';
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
const pagesText = (items: PdfItem[][]) => items.map((p) => p.map((i) => i.str + (i.eol ? '\n' : '')).join(''));

describe('running page headers and footers', () => {
  const lines = () => renderReportText(sampleDocument()).split('\n').filter((l) => l !== '');
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
    items.forEach((page, n) =>
      page.unshift(
        { str: `2024/1/20 10:3${n}`, x: 57, width: 70, eol: false, upright: true },
        { str: ' ', x: 127, width: 123, eol: false, upright: true },
        { str: '华容县人民政府门户网站', x: 250, width: 110, eol: true, upright: true },
      ),
    );
    const r = read(readCells(lineCells(pagesText(items), items)));
    assert.deepEqual(numbers(r.report), sample);
    assert.deepEqual(readerFindings(r), []);
  });
});
