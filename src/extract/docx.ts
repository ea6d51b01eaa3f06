/**
 * Text of a Word document: body, tables, text boxes, headers, footers, comments, footnotes,
 * endnotes, link targets, image alt text and content-control tags, SmartArt, charts, altChunk
 * fragments, and every other XML part as loose text. Parts removed on publication
 * (sanitize.ts: properties, customXml, embeddings, glossary) are not screened.
 */
import { scanContainers, type ContainerSpec, type RunCategory } from './containers.ts';
import { mediaNote } from './media.ts';
import { attributeParts, drawingParts, fragmentText, loosePart, otherAttributes } from './office-extra.ts';
import { altChunkTargets, isRemovedPart } from './sanitize.ts';
import type { Extracted, Part } from './types.ts';
import { attr, tokens } from './xml.ts';
import { loadZip } from './zip.ts';

/** Paragraphs and their runs. */
export const wordSpec: ContainerSpec = {
  containers: ['w:p'],
  text: { 'w:t': 'visible', 'w:delText': 'deleted', 'w:instrText': 'field' },
  synthetic: { 'w:tab': '\t', 'w:br': '\n', 'w:cr': '\n', 'w:noBreakHyphen': '-' },
  run: 'w:r',
  vanish: 'w:vanish',
};

export const wordParts = /^word\/(document|header\d*|footer\d*|comments|footnotes|endnotes)\.xml$/;

const partLabels: Record<string, string> = {
  document: '正文',
  header: '页眉',
  footer: '页脚',
  comments: '批注',
  footnotes: '脚注',
  endnotes: '尾注',
};

const categoryNote: Record<RunCategory, string> = { visible: '', hidden: '', deleted: '（修订中删除的文字）', field: '（域代码）' };

interface Where {
  cell: [number, number, number] | null;
  note: string;
}

/** Paragraphs with text, one part per kind of text; table cells are named by the outermost table. */
function partsOf(xml: string, prefix: string): Part[] {
  const tables: { index: number; row: number; col: number }[] = [];
  let tableCount = 0;
  let note = '';
  const containers = scanContainers<Where>(xml, {
    ...wordSpec,
    skip: ['mc:Fallback'], // a text box's second copy for old readers
    onOpen: (name, attrs) => {
      if (name === 'w:tbl') tables.push({ index: tables.length === 0 ? ++tableCount : 0, row: 0, col: 0 });
      const top = tables[tables.length - 1];
      if (name === 'w:tr' && top) [top.row, top.col] = [top.row + 1, 0];
      if (name === 'w:tc' && top) top.col++;
      const id = Number(attr(attrs, 'w:id'));
      if (name === 'w:comment') note = String(id + 1);
      if (name === 'w:footnote' || name === 'w:endnote') note = String(id);
    },
    onClose: (name) => {
      if (name === 'w:tbl') tables.pop();
    },
    info: () => {
      const outer = tables[0];
      return { cell: outer ? [outer.index, outer.row, outer.col] : null, note };
    },
  });
  const parts: Part[] = [];
  let paragraph = 0;
  for (const c of containers) {
    const texts = new Map<RunCategory, string>();
    for (const r of c.runs) texts.set(r.category, (texts.get(r.category) ?? '') + r.text);
    if (![...texts.values()].some((t) => t.trim() !== '')) continue;
    const { cell } = c.info;
    const where = cell ? `表格${cell[0]}第${cell[1]}行第${cell[2]}列` : `第${++paragraph}段`;
    for (const [category, text] of texts) {
      if (text.trim() === '') continue;
      parts.push({ location: `${prefix}${c.info.note}${where}${categoryNote[category]}`, text, hidden: category !== 'visible' });
    }
  }
  return parts;
}

/** External link targets (mailto: addresses) live in the relationship parts, not in the text. */
function linkParts(xml: string): Part[] {
  const parts: Part[] = [];
  for (const t of tokens(xml)) {
    if (t.kind === 'close' || t.kind === 'text' || t.name !== 'Relationship') continue;
    const target = attr(t.attrs, 'Target');
    if (attr(t.attrs, 'TargetMode') === 'External' && target) {
      parts.push({ location: '超链接地址', text: decodeURIComponentSafe(target), hidden: true });
    }
  }
  return parts;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function order(name: string): number {
  const kind = wordParts.exec(name)?.[1]?.replace(/\d+$/, '') ?? '';
  return Object.keys(partLabels).indexOf(kind);
}

const docxDrawings: readonly [RegExp, string][] = [
  [/^word\/diagrams\/data\d*\.xml$/, 'SmartArt 图形'],
  [/^word\/diagrams\/drawing\d*\.xml$/, 'SmartArt 图形（绘制）'],
  [/^word\/charts\/chart\d*\.xml$/, '图表'],
];

/** Parts read as loose text: XML not read otherwise, not removed on publication, not package plumbing. */
const loose = (name: string) => /\.(xml|vml)$/i.test(name) && !name.startsWith('docProps/') && name !== '[Content_Types].xml' && !isRemovedPart(name);

export async function extractDocx(bytes: Uint8Array, nested = false): Promise<Extracted> {
  const zip = await loadZip(bytes);
  const files = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  const text = async (n: string) => zip.file(n)!.async('string');
  const names = files.filter((n) => wordParts.test(n)).sort((a, b) => order(a) - order(b) || a.localeCompare(b, 'en', { numeric: true }));
  const parts: Part[] = [];
  const read = new Set(names);
  for (const name of names) {
    const kind = wordParts.exec(name)?.[1]?.replace(/\d+$/, '') ?? '';
    const xml = await text(name);
    const label = partLabels[kind] ?? '';
    parts.push(...partsOf(xml, label), ...attributeParts(xml, label));
    const attributes = otherAttributes(xml);
    if (attributes.trim() !== '') parts.push({ location: `${label}的其他属性（书签名、域指令等）`, text: attributes, hidden: true });
  }
  const rels: Record<string, string> = {};
  for (const name of files.filter((n) => n.endsWith('.rels'))) rels[name] = await text(name);
  for (const [name, xml] of Object.entries(rels)) if (/^word\/_rels\/[^/]+\.rels$/.test(name)) parts.push(...linkParts(xml));
  for (const name of files) {
    const drawing = docxDrawings.find(([p]) => p.test(name));
    if (!drawing) continue;
    read.add(name);
    parts.push(...drawingParts(await text(name), drawing[1]));
  }
  const chunks = altChunkTargets(rels);
  for (const name of chunks.filter((n) => zip.files[n])) {
    read.add(name);
    parts.push(...(await chunkParts(await zip.file(name)!.async('uint8array'), nested)));
  }
  for (const name of files.filter((n) => loose(n) && !read.has(n))) parts.push(...loosePart(await text(name), `文档的其他部分（${name}）`));
  return { parts, unreadable: mediaNote(bytes, 'word', '文档') };
}

/** An altChunk's text (a nested DOCX is read as one, once): it is removed on publication. */
async function chunkParts(bytes: Uint8Array, nested: boolean): Promise<Part[]> {
  const location = '嵌入的文档片段（公开时删除）';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && !nested) {
    return (await extractDocx(bytes, true)).parts.map((p) => ({ ...p, location: `${location}${p.location}`, hidden: true }));
  }
  const text = fragmentText(bytes);
  return text.trim() ? [{ location, text, hidden: true }] : [];
}
