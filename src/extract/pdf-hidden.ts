/**
 * What a PDF holds besides its pages' text, which a reader's viewer shows or extracts: the
 * document information and XMP metadata, bookmarks, annotations (notes, links, their
 * authors), form fields and embedded files (read like an attachment of their type). The
 * platform does not rewrite PDFs: a value found here must be settled by a redacted upload.
 */
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { OPS } from './pdfjs.ts';
import { sniffAttachment } from './sniff.ts';
import type { Part } from './types.ts';

type Loose = Record<string, unknown>;

const strings = (value: unknown): string[] => {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value as Loose).flatMap(strings);
  return [];
};
const lines = (values: readonly string[]) =>
  values
    .map((v) => v.trim())
    .filter(Boolean)
    .join('\n');

function annotationText(a: Loose): string[] {
  const str = (k: string) => (a[k] as { str?: string } | undefined)?.str ?? '';
  return [
    str('contentsObj'),
    str('titleObj'),
    str('richText'),
    ...strings(a.textContent),
    ...strings(a.alternativeText),
    ...strings(a.fieldName),
    ...strings(a.fieldValue),
    ...strings(a.url),
    ...strings(a.options),
  ];
}

/** Alternative and actual text of a tagged PDF's structure (a figure's alt text). */
function structTexts(node: unknown): string[] {
  if (!node || typeof node !== 'object') return [];
  const n = node as { alt?: string; actualText?: string; children?: unknown[] };
  return [n.alt ?? '', n.actualText ?? '', ...(n.children ?? []).flatMap(structTexts)];
}

interface Outline {
  title: string;
  items: Outline[];
}
const outlineTitles = (items: readonly Outline[]): string[] => items.flatMap((o) => [o.title, ...outlineTitles(o.items ?? [])]);

export async function hiddenPdfParts(
  doc: PDFDocumentProxy,
  readEmbedded: (bytes: Uint8Array, filename: string) => Promise<Part[]>,
): Promise<{ parts: Part[]; notes: string[] }> {
  const parts: Part[] = [];
  const notes: string[] = [];
  const add = (location: string, text: string) => text.trim() !== '' && parts.push({ location, text, hidden: true });
  const meta = await doc.getMetadata().catch(() => null);
  const { PDFFormatVersion: _version, ...info } = (meta?.info ?? {}) as Loose;
  add('文档属性', lines(strings(info)));
  add('XMP 元数据', (meta?.metadata?.getRaw() ?? '').replace(/<[^>]*>/g, '\n'));
  add('书签', lines(outlineTitles(((await doc.getOutline().catch(() => null)) ?? []) as Outline[])));
  for (let n = 1; n <= doc.numPages; n++) {
    const annotations = ((await (await doc.getPage(n)).getAnnotations().catch(() => [])) ?? []) as Loose[];
    add(`第${n}页的注释和表单域`, lines(annotations.flatMap(annotationText)));
    add(`第${n}页的替代文字`, lines(structTexts(await (await doc.getPage(n)).getStructTree().catch(() => null))));
  }
  const fields = ((await doc.getFieldObjects().catch(() => null)) ?? {}) as Record<string, Loose[]>;
  add(
    '表单域',
    lines(Object.entries(fields).flatMap(([name, objects]) => [name, ...objects.flatMap((o) => [...strings(o.value), ...strings(o.defaultValue)])])),
  );
  const files = ((await doc.getAttachments().catch(() => null)) ?? {}) as Record<string, { filename?: string; content?: Uint8Array; description?: string }>;
  for (const [key, file] of Object.entries(files)) {
    const name = file.filename || key;
    add('嵌入文件的名称和说明', lines([name, file.description ?? '']));
    const content = file.content ?? new Uint8Array();
    const sniffed = sniffAttachment(content, name);
    const unreadable = `该 PDF 嵌入了文件“${name}”，平台无法读取其中的文字：请人工查看，或上传不含嵌入文件的 PDF`;
    if ('type' in sniffed && (sniffed.type === 'docx' || sniffed.type === 'xlsx')) {
      const read = await readEmbedded(content, name).catch(() => null);
      if (read) parts.push(...read.map((p) => ({ ...p, location: `嵌入文件“${name}”${p.location}`, hidden: true })));
      else notes.push(unreadable);
    } else if (isText(content)) add(`嵌入文件“${name}”`, new TextDecoder().decode(content));
    else notes.push(unreadable);
  }
  return { parts, notes };
}

/** Mostly printable UTF-8 (a text, CSV, XML or HTML file). */
function isText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return true;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096));
  const bad = [...text].filter((c) => c === '\ufffd' || (c < ' ' && !'\n\r\t'.includes(c))).length;
  return bad / text.length < 0.02;
}

/**
 * Text the page draws that its text content leaves out: pdf.js drops glyphs placed off the
 * page, but a reader's tool may extract them. Read from the drawing operators themselves; a
 * string already in the page's text is not repeated.
 */
export async function offPageText(page: PDFPageProxy, pageText: string): Promise<string> {
  const ops = await page.getOperatorList();
  const seen = pageText.replace(/\s+/g, '');
  const found: string[] = [];
  for (let i = 0; i < ops.fnArray.length; i++) {
    if (ops.fnArray[i] !== OPS.showText && ops.fnArray[i] !== OPS.showSpacedText) continue;
    const glyphs = (ops.argsArray[i] as unknown[][])[0] ?? [];
    const text = glyphs.map((g) => (typeof g === 'number' ? (g < -200 ? ' ' : '') : ((g as { unicode?: string } | null)?.unicode ?? ''))).join('');
    if (text.trim() !== '' && !seen.includes(text.replace(/\s+/g, ''))) found.push(text);
  }
  return found.join('\n');
}
