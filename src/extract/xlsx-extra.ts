/**
 * What a workbook holds besides its cells (read by ExcelJS in xlsx.ts): sheet names, defined
 * names, number formats, what a sheet holds besides its cells (data validation messages …), drawings' text boxes and shapes, charts,
 * threaded comments, shared strings no cell uses, and every other XML part as loose text.
 */
import type JSZip from 'jszip';
import { scanContainers } from './containers.ts';
import { drawingParts, loosePart, looseText } from './office-extra.ts';
import { isRemovedPart, removeElements, resolveTarget } from './sanitize.ts';
import type { Part } from './types.ts';
import { attr, tokens, unescapeXml } from './xml.ts';

/** Read by ExcelJS or here on purpose; comments' authors are neutralised on publication. */
const readElsewhere =
  /^xl\/(workbook\.xml|styles\.xml|sharedStrings\.xml|worksheets\/[^/]+\.xml|comments[^/]*\.xml|calcChain\.xml|persons\/.*|threadedComments\/.*|drawings\/drawing\d*\.xml|charts\/chart\d*\.xml)$/;

const lines = (values: readonly string[]) => values.filter((v) => v.trim() !== '').join('\n');

function elementTexts(xml: string, element: string): string[] {
  const out: string[] = [];
  let inside = 0;
  let text = '';
  for (const t of tokens(xml)) {
    if (t.kind === 'open' && t.name === element) [inside, text] = [inside + 1, ''];
    else if (t.kind === 'close' && t.name === element && inside > 0) {
      inside--;
      out.push(text);
    } else if (t.kind === 'text' && inside > 0) text += unescapeXml(t.raw);
  }
  return out;
}

function attributeValues(xml: string, element: string, names: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of tokens(xml)) {
    if ((t.kind === 'open' || t.kind === 'empty') && t.name === element) for (const n of names) out.push(attr(t.attrs, n) ?? '');
  }
  return out;
}

/** Sheet part → sheet name, from the workbook and its relationships. */
function sheetNames(workbook: string, rels: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const t of tokens(rels))
    if (t.kind !== 'close' && t.kind !== 'text' && t.name === 'Relationship')
      targets.set(attr(t.attrs, 'Id') ?? '', resolveTarget('xl/_rels/workbook.xml.rels', attr(t.attrs, 'Target') ?? ''));
  const names = new Map<string, string>();
  for (const t of tokens(workbook))
    if (t.kind !== 'close' && t.kind !== 'text' && t.name === 'sheet') names.set(targets.get(attr(t.attrs, 'r:id') ?? '') ?? '', attr(t.attrs, 'name') ?? '');
  return names;
}

export async function xlsxExtraParts(zip: JSZip): Promise<Part[]> {
  const files = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  const text = async (n: string) => (zip.files[n] ? zip.file(n)!.async('string') : '');
  const parts: Part[] = [];
  const add = (location: string, value: string, hidden = true) => value.trim() !== '' && parts.push({ location, text: value, hidden });
  const workbook = await text('xl/workbook.xml');
  add('工作表名称', lines(attributeValues(workbook, 'sheet', ['name'])), false);
  add('定义的名称', lines([...attributeValues(workbook, 'definedName', ['name']), ...elementTexts(workbook, 'definedName')]));
  add('数字格式', lines(attributeValues(await text('xl/styles.xml'), 'numFmt', ['formatCode'])));
  const names = sheetNames(workbook, await text('xl/_rels/workbook.xml.rels'));
  const used = new Set<number>();
  for (const name of files.filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))) {
    const xml = await text(name);
    // Besides the cells and headers (xlsx.ts): data validation messages and lists, hyperlink tooltips, scenarios …
    add(`工作表“${names.get(name) ?? name}”的数据验证等其他内容`, looseText(removeElements(xml, (e) => e === 'sheetData' || e === 'headerFooter')));
    add(`工作表“${names.get(name) ?? name}”的公式`, lines(elementTexts(xml, 'f')));
    for (const m of xml.matchAll(/<c\b[^>]*\bt="s"[^>]*>\s*<v>(\d+)<\/v>/g)) used.add(Number(m[1]));
  }
  const shared = scanContainers(await text('xl/sharedStrings.xml'), { containers: ['si'], text: { t: 'visible' }, skip: ['rPh'] });
  add('未使用的共享字符串', lines(shared.flatMap((c, i) => (used.has(i) ? [] : [c.runs.map((r) => r.text).join('')]))));
  for (const name of files.filter((n) => /^xl\/threadedComments\/[^/]+\.xml$/.test(n))) add('批注（对话）', lines(elementTexts(await text(name), 'text')));
  for (const name of files.filter((n) => /^xl\/drawings\/drawing\d*\.xml$/.test(n))) parts.push(...drawingParts(await text(name), '绘图（文本框、形状）'));
  for (const name of files.filter((n) => /^xl\/charts\/chart\d*\.xml$/.test(n))) parts.push(...drawingParts(await text(name), '图表'));
  const loose = files.filter((n) => /\.(xml|vml)$/i.test(n) && n.startsWith('xl/') && !readElsewhere.test(n) && !isRemovedPart(n));
  for (const name of loose) parts.push(...loosePart(await text(name), `工作簿的其他部分（${name}）`));
  return parts;
}
