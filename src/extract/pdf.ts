/**
 * Text of a PDF, page by page, with pdf.js (its legacy build runs on Node 20), text printed
 * off the page included; then what it holds besides (pdf-hidden.ts). Scanned pages have no
 * text layer: they are named so the reviewer checks them by eye.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument } from './pdfjs.ts';
import { extractDocx } from './docx.ts';
import { hiddenPdfParts, offPageText } from './pdf-hidden.ts';
import type { Extracted, Part } from './types.ts';
import { extractXlsx } from './xlsx.ts';

const pdfjsDir = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** Image objects are streams, and streams are never inside object streams: they show in the raw bytes. */
function hasImages(bytes: Uint8Array): boolean {
  return /\/Subtype\s*\/Image\b/.test(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'));
}

export async function extractPdf(bytes: Uint8Array): Promise<Extracted> {
  const task = getDocument({
    data: bytes.slice(), // pdf.js takes ownership of the buffer it is given
    cMapUrl: `${pdfjsDir}/cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${pdfjsDir}/standard_fonts/`,
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    const parts: Part[] = [];
    const empty: number[] = [];
    const outside: Part[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('');
      const offPage = await offPageText(page, text);
      if (offPage !== '') outside.push({ location: `第${n}页页面以外的文字`, text: offPage, hidden: true });
      page.cleanup();
      if (text.trim() === '') empty.push(n);
      else parts.push({ location: `第${n}页`, text, hidden: false });
    }
    const hidden = await hiddenPdfParts(doc, (bytes, name) => (/\.xlsx$/i.test(name) ? extractXlsx(bytes) : extractDocx(bytes)).then((e) => e.parts));
    const notes: string[] = [];
    if (parts.length === 0) notes.push('该 PDF 没有可提取的文字（可能是扫描件），请人工查看全部内容');
    else if (empty.length > 0) notes.push(`第 ${empty.join('、')} 页没有可提取的文字（可能是扫描页），请人工查看这些页`);
    if (parts.length > 0 && hasImages(bytes)) notes.push('该 PDF 含有图片，图片中的文字无法自动筛查，请人工查看');
    notes.push(...hidden.notes);
    parts.push(...outside, ...hidden.parts);
    return { parts, unreadable: notes.length ? notes.join('；') : null };
  } catch (e) {
    const locked = (e as { name?: string }).name === 'PasswordException';
    return {
      parts: [],
      unreadable: locked ? '该 PDF 设有密码，无法读取：请上传不设密码的文件' : '该 PDF 已损坏或格式不受支持，无法读取其中的文字，请人工查看或重新上传',
    };
  } finally {
    await task.destroy();
  }
}
