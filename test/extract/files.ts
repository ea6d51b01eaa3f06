/** Attachments built in the tests: a DOCX, an XLSX and PDFs holding every kind of hit in awkward places. */
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  Footer,
  FootnoteReferenceRun,
  Header,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { maskValue, screenText } from '../../src/domain/screening/index.ts';
import type { Extracted, Replacement } from '../../src/extract/index.ts';
import { isMaskable } from '../../src/law/screening.ts';
import { invalid, valid } from '../domain/screening/values.ts';

export { invalid, valid };

/** Values placed in the DOCX, and where. */
export const docxValues = {
  marking: '秘密★1年', // body, first paragraph
  splitMobile: valid.mobile, // body, split over three runs with different formatting
  email: valid.email, // body
  idInTable: valid.idNumber, // table 1, row 2, column 2
  cardInTable: valid.bankCard, // table 1, row 2, column 3
  landlineInHeader: valid.landline,
  businessCodeInFooter: valid.businessCode,
  mobileInFootnote: '15912345678',
  idInComment: valid.idNumber2,
  cardHidden: valid.bankCard16, // hidden text (w:vanish)
  mobileDeleted: '18612345678', // a deleted tracked revision
} as const;

export async function buildDocx(): Promise<Uint8Array> {
  const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
  const doc = new Document({
    footnotes: { 1: { children: [new Paragraph(`联系人手机${docxValues.mobileInFootnote}`)] } },
    comments: { children: [{ id: 0, author: '审查员', children: [new Paragraph(`核对身份证${docxValues.idInComment}`)] }] },
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph(`华容县某某局 电话 ${docxValues.landlineInHeader}`)] }) },
        footers: { default: new Footer({ children: [new Paragraph(`经营者代码 ${docxValues.businessCodeInFooter}`)] }) },
        children: [
          new Paragraph(docxValues.marking),
          new Paragraph({
            children: [
              new TextRun('联系电话：'),
              new TextRun({ text: '138', bold: true }),
              new TextRun('1234'),
              new TextRun({ text: '5678', italics: true }),
              new TextRun('（见脚注'),
              new FootnoteReferenceRun(1),
              new TextRun('）'),
            ],
          }),
          new Paragraph({
            children: [
              new CommentRangeStart(0),
              new TextRun(`邮箱：${docxValues.email}`),
              new CommentRangeEnd(0),
              new TextRun({ children: [new CommentReference(0)] }),
            ],
          }),
          new Table({
            rows: [
              new TableRow({ children: [cell('姓名'), cell('身份证号'), cell('银行卡号')] }),
              new TableRow({ children: [cell('张三'), cell(docxValues.idInTable), cell(docxValues.cardInTable)] }),
            ],
          }),
          new Paragraph({ children: [new TextRun('备用卡'), new TextRun({ text: docxValues.cardHidden, vanish: true })] }),
          new Paragraph({
            children: [new TextRun('原手机'), new DeletedTextRun({ id: 1, author: '编辑', date: '2024-01-15T12:00:00Z', text: docxValues.mobileDeleted })],
          }),
          new Paragraph(`不应标出：${invalid.idNumber}，${invalid.bankCard16}，2024年3月1日，合计13812345678.00元。`),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** Values placed in the XLSX, and where. */
export const xlsxValues = {
  idVisible: valid.idNumber, // 名单 B2
  mobileNumeric: 13812345678, // 名单 C2, a number cell
  idHiddenRow: valid.idNumber2, // 名单 B3, row 3 hidden
  mobileHiddenRow: '139 8765 4321', // 名单 C3
  emailHiddenColumn: valid.email, // 名单 D2, column D hidden
  splitCard: valid.bankCard, // 名单 E2, rich text in two runs
  landlineNote: valid.landline, // note on 名单 A2
  mailLink: 'li.si@example.com', // 名单 F2, hyperlink target only
  businessCodeHidden: valid.businessCode, // sheet 隐藏名单 (hidden) A1
  markingHidden: '内部资料', // 隐藏名单 A2
  landlineVeryHidden: '（0731）84123456', // sheet 底稿 (very hidden) A1
} as const;

export async function buildXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  ws.addRow(['姓名', '身份证号', '手机', '邮箱', '卡号', '联系']);
  ws.addRow(['张三', xlsxValues.idVisible, xlsxValues.mobileNumeric, xlsxValues.emailHiddenColumn]);
  ws.getCell('E2').value = { richText: [{ text: `卡号${xlsxValues.splitCard.slice(0, 10)}` }, { text: xlsxValues.splitCard.slice(10), font: { bold: true } }] };
  ws.getCell('F2').value = { text: '发邮件', hyperlink: `mailto:${xlsxValues.mailLink}` };
  ws.getCell('G2').value = { formula: 'C2', result: xlsxValues.mobileNumeric };
  ws.getCell('A2').note = `固话${xlsxValues.landlineNote}`;
  ws.addRow(['李四', xlsxValues.idHiddenRow, xlsxValues.mobileHiddenRow]);
  ws.getRow(3).hidden = true;
  ws.getColumn(4).hidden = true;
  ws.addRow(['不应标出', invalid.idNumber, invalid.bankCard16, '2024-03-01', 13812345678.5]);
  const hidden = wb.addWorksheet('隐藏名单', { state: 'hidden' });
  hidden.addRow([xlsxValues.businessCodeHidden]);
  hidden.addRow([xlsxValues.markingHidden]);
  const veryHidden = wb.addWorksheet('底稿', { state: 'veryHidden' });
  veryHidden.addRow([xlsxValues.landlineVeryHidden]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * A PDF written by hand: one page per list of lines, Helvetica, uncompressed content streams;
 * `image` draws a 1×1 picture on every page (a scanned page is an image and no lines).
 */
export function buildPdf(pages: string[][], options: { image?: boolean } = {}): Uint8Array {
  const esc = (s: string) => s.replace(/[\\()]/g, '\\$&');
  const objects: string[] = ['<< /Type /Catalog /Pages 2 0 R >>', '', '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'];
  if (options.image)
    objects.push('<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>\nstream\nA\nendstream');
  const kids: string[] = [];
  for (const lines of pages) {
    const text = lines.length ? `BT /F1 11 Tf 72 740 Td 16 TL ${lines.map((l) => `(${esc(l)}) Tj T*`).join(' ')} ET` : '';
    const content = `${options.image ? 'q 200 0 0 200 72 400 cm /Im1 Do Q ' : ''}${text}`;
    const page = objects.length + 1;
    kids.push(`${page} 0 R`);
    const xobject = options.image ? ' /XObject << /Im1 4 0 R >>' : '';
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${page + 1} 0 R /Resources << /Font << /F1 3 0 R >>${xobject} >> >>`,
      `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    );
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pages.length} >>`;
  let out = '%PDF-1.4\n';
  const offsets = objects.map((o, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

export const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
export const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]);
export const gif = new TextEncoder().encode('GIF89a\x01\x00\x01\x00');

export interface FoundHit {
  location: string;
  kind: string;
  value: string;
  hidden: boolean;
}

/** Every hit in every part of an extracted attachment. */
export function hitsIn(extracted: Extracted): FoundHit[] {
  return extracted.parts.flatMap((p) =>
    screenText(p.text, { businessCodes: true }).map((h) => ({ location: p.location, kind: h.kind, value: h.value, hidden: p.hidden })),
  );
}

/** The replacements the workflow makes from a set of hits: personal data only, a secrecy marking is never masked. */
export function replacementsFor(hits: readonly FoundHit[]): Replacement[] {
  return hits.flatMap((h) => (isMaskable(h.kind) ? [{ value: h.value, mask: maskValue(h.kind, h.value) }] : []));
}

/** The hits that are personal data (what a redacted copy must not show). */
export const personalData = (hits: readonly FoundHit[]) => hits.filter((h) => isMaskable(h.kind));

/** Converts a file to PDF with LibreOffice (its own profile: parallel runs sharing one can silently fail). */
export function libreOfficePdf(bytes: Uint8Array, filename: string): Uint8Array {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-extract-'));
  try {
    fs.writeFileSync(path.join(dir, filename), bytes);
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    execFileSync('soffice', ['--headless', `-env:UserInstallation=${profile}`, '--convert-to', 'pdf', '--outdir', dir, path.join(dir, filename)], {
      env: { ...process.env, FONTCONFIG_FILE: path.resolve(import.meta.dirname, '../fixtures/fonts.conf') },
      stdio: 'ignore',
      timeout: 120_000,
    });
    return new Uint8Array(fs.readFileSync(path.join(dir, filename.replace(/\.[^.]+$/, '.pdf'))));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
