import assert from 'node:assert/strict';
import { test } from 'node:test';
import JSZip from 'jszip';
import { renderReportDocx } from '../../src/render/report/docx.ts';
import { isSubheading } from '../../src/render/report/docx-text.ts';
import { reportGrids } from '../../src/render/report/grid.ts';
import { documentTitle, sections, signatureLines } from '../../src/render/report/document.ts';
import { blankReport } from '../../src/domain/reports/annual-report.ts';
import { libreOfficeSkip } from '../helpers/resources.ts';
import { sampleDocument } from './sample-report.ts';
import { docxPrintedText } from '../helpers/files.ts';

const doc = sampleDocument();
const bytes = await renderReportDocx(doc);
const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');

/** The <w:tc> whose text is exactly `text`. */
function cellXml(text: string): string {
  const cell = [...xml.matchAll(/<w:tc>.*?<\/w:tc>/g)].map((m) => m[0]).find((tc) => tc.includes(`>${text}</w:t>`));
  assert.ok(cell, `no table cell ${text}`);
  return cell;
}

/** The attributes of the first `<w:name …>` element. */
function attributes(name: string): Record<string, string> {
  const tag = xml.match(new RegExp(`<w:${name} [^>]*>`))?.[0] ?? '';
  return Object.fromEntries([...tag.matchAll(/w:(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

test('A4 portrait with the GB/T 9704 margins', () => {
  const size = attributes('pgSz');
  assert.deepEqual([size.w, size.h], ['11906', '16838']);
  const margin = attributes('pgMar');
  // 37, 35, 28 and 26 mm in twips (docx rounds down).
  assert.deepEqual([margin.top, margin.bottom, margin.left, margin.right], ['2097', '1984', '1587', '1474']);
});

test('title, the six sections, every table label and the signature are in the document', () => {
  for (const text of [documentTitle(doc), ...sections.map((s) => s.title), ...signatureLines(doc)]) assert.ok(xml.includes(text), text);
  for (const grid of Object.values(reportGrids(doc.report))) {
    for (const cell of grid.rows.flat()) assert.ok(xml.includes(`>${cell.text}</w:t>`) || cell.text === '', cell.text);
  }
  assert.ok(xml.includes('>2.5</w:t>') && xml.includes('>347</w:t>') && xml.includes('>515</w:t>'));
});

test('merged header cells carry gridSpan and vMerge', () => {
  const note = cellXml('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
  const has = (tc: string, el: string) => assert.ok(tc.includes(el), `${tc.slice(0, 300)} lacks ${el}`);
  has(note, '<w:gridSpan w:val="3"/>');
  has(note, '<w:vMerge w:val="restart"/>');
  has(cellXml('申请人情况'), '<w:gridSpan w:val="7"/>');
  has(cellXml('法人或其他组织'), '<w:gridSpan w:val="5"/>');
  has(cellXml('自然人'), '<w:vMerge w:val="restart"/>');
  has(cellXml('三、本年度办理结果'), '<w:vMerge w:val="restart"/>');
  has(cellXml('行政复议'), '<w:gridSpan w:val="5"/>');
  has(cellXml('行政诉讼'), '<w:gridSpan w:val="10"/>');
  has(cellXml('未经复议直接起诉'), '<w:gridSpan w:val="5"/>');
  // One continuation cell for every row a merged cell reaches below its first.
  const below = Object.values(reportGrids(doc.report))
    .flatMap((g) => g.rows.flat())
    .reduce((n, c) => n + c.rowSpan - 1, 0);
  assert.equal(xml.match(/<w:vMerge w:val="continue"\/>/g)?.length, below);
});

test('runs name the East Asian fonts of official documents', () => {
  for (const font of ['方正小标宋简体', '黑体', '楷体_GB2312', '仿宋_GB2312']) assert.ok(xml.includes(`w:eastAsia="${font}"`), font);
  assert.ok(isSubheading('（一）主动公开情况'));
  assert.ok(!isSubheading('（一）主动公开情况。全年主动公开政府信息34条，其中机构信息2条。'));
  assert.ok(!isSubheading('2023年，我镇认真贯彻落实条例。'));
});

test('a report with blank cells renders', async () => {
  const blank = await renderReportDocx({ report: blankReport('华容县测试镇人民政府', 2023) });
  assert.ok(blank.byteLength > 1000);
});

test('LibreOffice prints the merged tables with their Chinese labels and numbers', { skip: libreOfficeSkip(), timeout: 180_000 }, async () => {
  const text = await docxPrintedText(bytes);
  const flat = text.replace(/\s+/g, '');
  for (const s of [documentTitle(doc), ...sections.map((x) => x.title)]) assert.ok(flat.includes(s), s);
  for (const label of ['申请人情况', '法人或其他组织', '行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉', '行政事业性收费']) {
    assert.ok(flat.includes(label), label);
  }
  const tokens = new Set(text.split(/\s+/));
  for (const n of ['11', '2.5', '101', '227', '347', '501', '515']) assert.ok(tokens.has(n), n);
});
