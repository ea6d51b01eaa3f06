/**
 * Redacted copies of DOCX and XLSX attachments: every occurrence of each value becomes its
 * mask in every XML part (text split across runs included), then the copy is checked.
 */
import { redactableTypes, type AttachmentType } from '../law/screening.ts';
import { maskedChars, Matcher, redactContainers, scanContainers, type ContainerSpec, type Replacement } from './containers.ts';
import { wordSpec } from './docx.ts';
import { attr, escapeXml, splice, unescapeXml } from './xml.ts';
import { loadZip } from './zip.ts';

/** Why a PDF is never redacted by the platform (text hides in fonts, images, layers and annotations). */
export const pdfRedactionMessage =
  '平台无法可靠地遮盖 PDF 中的内容（文字可能藏在字体、图层、图片或注释中）：请上传已遮盖的 PDF，或上传 DOCX、XLSX 原件由平台遮盖';

export function canRedact(type: AttachmentType): boolean {
  return (redactableTypes as readonly string[]).includes(type);
}

/** The copy would still carry a value: the workflow asks for a file redacted by hand. */
export class RedactionError extends Error {
  constructor(public readonly part: string) {
    super(`自动遮盖后，文件的“${part}”部分仍含有未能遮盖的内容：请上传已遮盖的文件`);
    this.name = 'RedactionError';
  }
}

const docxSpec: ContainerSpec = { ...wordSpec, containers: ['w:p', 'a:p'], text: { ...wordSpec.text, 'a:t': 'visible' } };
const xlsxSpec: ContainerSpec = { containers: ['si', 'is', 'comment', 'a:p'], text: { t: 'visible', 'a:t': 'visible' } };

/** Number and formula-result cells hold their text in <v>: a masked one becomes a string cell. */
function redactValueCells(xml: string, matcher: Matcher): string {
  return xml.replace(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g, (cell, attrs: string, inner: string | undefined) => {
    const type = attr(attrs, 't');
    const v = /<v>([^<]*)<\/v>/.exec(inner ?? '');
    if (!v || type === 's' || type === 'inlineStr' || type === 'b' || type === 'e') return cell;
    const chars = maskedChars(unescapeXml(v[1] ?? ''), matcher);
    if (!chars) return cell;
    const masked = escapeXml(chars.join(''));
    const rest = attrs.replace(/\s+t\s*=\s*("[^"]*"|'[^']*')/, '');
    if (/<f[\s>/]/.test(inner ?? '')) return `<c${rest} t="str">${(inner ?? '').replace(v[0], `<v>${masked}</v>`)}</c>`;
    return `<c${rest} t="inlineStr"><is><t xml:space="preserve">${masked}</t></is></c>`;
  });
}

/** Occurrences left outside the containers (attributes, link targets, chart caches); `raw` matches escaped values. */
function replaceAll(xml: string, raw: Matcher): string {
  return splice(
    xml,
    raw.find(xml).map(({ at, replacement: r }) => ({ from: at, to: at + r.value.length, text: r.mask })),
  );
}

/**
 * A masked sheet name keeps its mask in a character Excel allows (＊ for *); a defined name whose
 * name was masked cannot be a name any more and is dropped (cells keep their values).
 */
function validNames(xml: string): string {
  const sheets = xml.replace(/<sheet\b[^>]*>/g, (tag) =>
    tag.replace(/(\sname\s*=\s*")([^"]*)"/, (_a, pre: string, name: string) => `${pre}${name.replace(/\*/g, '＊')}"`),
  );
  return sheets.replace(/<definedName\b[^>]*\bname="[^"]*\*[^"]*"[^>]*>[\s\S]*?<\/definedName>/g, '');
}

/** Whether a binary part (printer settings, an old embedded object) carries a value as 8- or 16-bit text. */
function binaryHolds(bytes: Uint8Array, values: readonly string[]): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return values.some((v) => buffer.includes(Buffer.from(v, 'utf8')) || buffer.includes(Buffer.from(v, 'utf16le')));
}

async function redactOffice(bytes: Uint8Array, replacements: readonly Replacement[], spec: ContainerSpec, isXlsx: boolean): Promise<Uint8Array> {
  const zip = await loadZip(bytes);
  const values = replacements.map((r) => r.value).filter((v) => v !== '');
  const matcher = new Matcher(replacements);
  const raw = new Matcher(replacements, escapeXml);
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir) continue;
    if (!/\.(xml|rels|vml)$/i.test(name)) {
      if (binaryHolds(await file.async('uint8array'), values)) throw new RedactionError(name);
      continue;
    }
    const before = await file.async('string');
    let xml = redactContainers(before, spec, matcher);
    if (isXlsx && /^xl\/worksheets\/[^/]+\.xml$/.test(name)) xml = redactValueCells(xml, matcher);
    xml = replaceAll(xml, raw);
    if (isXlsx && name === 'xl/workbook.xml') xml = validNames(xml);
    const left = scanContainers(xml, spec).some((c) => matcher.find(c.runs.map((r) => r.text).join('')).length > 0);
    if (left || raw.find(xml).length > 0) throw new RedactionError(name);
    if (xml !== before) zip.file(name, xml);
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** A copy of the DOCX with every value replaced by its mask; throws RedactionError if one cannot be. */
export function redactDocx(bytes: Uint8Array, replacements: readonly Replacement[]): Promise<Uint8Array> {
  return redactOffice(bytes, replacements, docxSpec, false);
}

/** A copy of the XLSX with every value replaced by its mask; throws RedactionError if one cannot be. */
export function redactXlsx(bytes: Uint8Array, replacements: readonly Replacement[]): Promise<Uint8Array> {
  return redactOffice(bytes, replacements, xlsxSpec, true);
}
