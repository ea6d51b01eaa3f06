/**
 * Reading published annual reports (issue 5): plain text copied from a browser, markdown,
 * HTML pages, DOCX and PDFs with a text layer. `readReportFile` turns a file's bytes into the
 * contract's report and the reader's findings; `checkReportFile` adds every validator's.
 * Pure functions of the bytes, apart from pdf.js's own work on a PDF.
 */
import { maxAttachmentBytes } from '../../law/screening.ts';
import type { AgencyKind } from '../../law/agency-kinds.ts';
import type { AnnualReport } from '../../domain/reports/annual-report.ts';
import type { Finding, ValidationContext } from '../../domain/reports/findings.ts';
import { validateReport } from '../../domain/reports/validate.ts';
import { pdfText, type PdfText } from './pdf.ts';
import { FileRefusedError, runFileJob } from '../pool/index.ts';
import { lineCells, markdownCells, textCells, type Cells, type SourceKind } from './cells.ts';
import { docxCells, UnreadableDocument } from './docx.ts';
import { htmlCells } from './html.ts';
import { readCells, type ReadReport, type Unreadable } from './read.ts';
import type { Work } from './groups.ts';

export type { ReadReport, Unreadable } from './read.ts';
export type { Cells, SourceKind } from './cells.ts';
export type { Work } from './groups.ts';
export { readCells } from './read.ts';
export { textCells, markdownCells, lineCells } from './cells.ts';
export { htmlCells } from './html.ts';
export { docxCells } from './docx.ts';

/** The extensions `gongkai check` reads when it walks a directory. */
export const reportExtensions = ['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.xhtml', '.docx', '.pdf'] as const;

const startsWith = (b: Uint8Array, magic: readonly number[], at = 0) => magic.every((x, i) => b[at + i] === x);
const pdfMagic = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const zipMagic = [0x50, 0x4b, 0x03, 0x04];
const oleMagic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Text of a file: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (which covers GBK and GB2312). */
export function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Whether decoded text is really text: few control characters and undecodable bytes. */
function looksLikeText(text: string): boolean {
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd) bad++;
  }
  return bad <= text.length * 0.01;
}

function textKind(text: string, filename: string): SourceKind {
  const ext = /\.[^./\\]*$/.exec(filename.toLowerCase())?.[0] ?? '';
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return 'html';
  if (ext === '.md' || ext === '.markdown') return 'markdown';
  const head = text.slice(0, 4096);
  if (/<(?:!doctype\s+html|html|body|table|tr|td|div|p)\b[^>]*>/i.test(head)) return 'html';
  if (/^\s*\|.*\|\s*$/m.test(text) && /^\s*\|?\s*:?-{3,}:?\s*\|/m.test(text)) return 'markdown';
  return 'text';
}

const pdfUnreadable = {
  noText: '该 PDF 没有文字层（可能是扫描件），无法读取其中的数字：请提供带文字的 PDF、网页或 Word 版本',
  locked: '该 PDF 设有密码，无法读取：请提供不设密码的文件',
  damaged: '该 PDF 已损坏或格式不受支持，无法读取',
};

/** The cells of a file, by what its bytes are (the extension only tells text, HTML and markdown apart). */
export async function cellsOfFile(bytes: Uint8Array, filename: string): Promise<Cells | Unreadable> {
  if (bytes.length === 0) return { error: '文件是空的' };
  if (bytes.length > maxAttachmentBytes) return { error: `文件超过 ${maxAttachmentBytes / 1024 / 1024} MB，不像是一份年度报告` };
  const head = bytes.subarray(0, 1024);
  const pdfAt = head.findIndex((_, i) => startsWith(head, pdfMagic, i));
  if (pdfAt >= 0) {
    let pdf: PdfText;
    try {
      pdf = await pdfText(bytes);
    } catch (e) {
      if (e instanceof FileRefusedError) return { error: e.message };
      throw e;
    }
    if ('failure' in pdf) return { error: pdfUnreadable[pdf.failure] };
    const printed = pdf.pages.flatMap((p, i) => (p.trim() !== '' ? [i] : []));
    if (printed.length === 0) return { error: pdfUnreadable.noText };
    return lineCells(
      printed.map((i) => pdf.pages[i]!),
      printed.map((i) => pdf.items[i]!),
    );
  }
  if (startsWith(bytes, zipMagic)) {
    try {
      return docxCells(bytes);
    } catch (e) {
      if (e instanceof UnreadableDocument) return { error: e.message };
      throw e;
    }
  }
  if (startsWith(bytes, oleMagic)) return { error: '这是旧版 Word（DOC）或设有密码的 Office 文件：请另存为 DOCX 后再读取' };
  const text = decodeText(bytes);
  if (!looksLikeText(text)) return { error: '文件内容不是文字（可能是图片、压缩包或其他二进制文件），也不是 PDF 或 DOCX' };
  const kind = textKind(text, filename);
  return kind === 'html' ? htmlCells(text) : kind === 'markdown' ? markdownCells(text) : textCells(text);
}

/** The report and the reader's findings, or why the file could not be read. */
export async function readReportFile(bytes: Uint8Array, filename: string, work?: Work): Promise<ReadReport | Unreadable> {
  const cells = await cellsOfFile(bytes, filename);
  return 'error' in cells ? cells : readCells(cells, work);
}

/**
 * What the title says of the agency, for the rules that depend on it. 《立法法》第九十三条:
 * 规章 are made by 国务院部门 and the governments of provinces, 设区的市 and 自治州; a county,
 * district or town and their departments make none (T2-02).
 */
export function agencyFromName(name: string): NonNullable<ValidationContext['agency']> {
  const town = /(?:乡|镇|街道)(?:人民政府|办事处)$/.test(name);
  const belowCity = /^(?:[\u4e00-\u9fff]{1,6}[省市州])?[\u4e00-\u9fff]{1,6}[县区旗]/.test(name);
  const government = /人民政府$/.test(name);
  // A county's or district's own body (沭阳县发展和改革局): a department, for T2-05's bound.
  const department = belowCity && !government && /(?:局|委员会|委|办公室|办|中心|所|队|站|院)$/.test(name);
  const kind: AgencyKind | null = town ? 'town' : belowCity && government ? 'countyGovernment' : department ? 'department' : null;
  return { kind, mayMakeRules: town || belowCity ? false : null };
}

/** A report read in and checked: the reader's findings, then every validator's (as an imported report). */
export function checkRead(read: ReadReport): { report: AnnualReport; findings: Finding[] } {
  const ctx: ValidationContext = { origin: 'imported', agency: agencyFromName(read.report.agency), document: read.document };
  return { report: read.report, findings: [...read.findings, ...validateReport(read.report, ctx)] };
}

/**
 * Reads and checks one file (the reader behind `gongkai check` and the import): the report
 * and all findings, or the reason it cannot be read. Read in the file pool, so a file over
 * its time or memory limit is a reason too.
 */
export async function checkReportFile(bytes: Uint8Array, filename: string): Promise<{ report: AnnualReport; findings: Finding[] } | Unreadable> {
  try {
    return await runFileJob({ kind: 'checkReport', bytes, filename });
  } catch (e) {
    if (e instanceof FileRefusedError) return { error: e.message };
    throw e;
  }
}

/** `checkReportFile` in this thread (the pool's workers; tests counting the reader's work). */
export async function checkReportFileHere(
  bytes: Uint8Array,
  filename: string,
  work?: Work,
): Promise<{ report: AnnualReport; findings: Finding[] } | Unreadable> {
  const read = await readReportFile(bytes, filename, work);
  return 'error' in read ? read : checkRead(read);
}
