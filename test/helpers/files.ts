/** Small attachments made in tests: a DOCX and an XLSX with given text; what LibreOffice prints of a DOCX. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';

export async function docxWith(...paragraphs: string[]): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: paragraphs.map((p) => new Paragraph(p)) }] })));
}

export async function xlsxWith(rows: (string | number)[][], hidden?: (string | number)[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  for (const r of rows) ws.addRow(r);
  if (hidden) {
    const h = wb.addWorksheet('明细', { state: 'hidden' });
    for (const r of hidden) h.addRow(r);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A valid 居民身份证号码 (its check character computed) for tests. */
export const validId = '430623199001011237';

/** The text LibreOffice prints of a DOCX (converted to PDF, read by pdftotext): proof the file opens and lays out. */
export async function docxPrintedText(bytes: Uint8Array): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-docx-'));
  try {
    fs.writeFileSync(path.join(dir, 'doc.docx'), bytes);
    // Its own profile: parallel soffice runs sharing one can silently produce no PDF.
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    execFileSync('soffice', ['--headless', `-env:UserInstallation=${profile}`, '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'doc.docx')], {
      env: { ...process.env, FONTCONFIG_FILE: path.resolve(import.meta.dirname, '../fixtures/fonts.conf') },
      stdio: 'ignore',
      timeout: 120_000,
    });
    return execFileSync('pdftotext', [path.join(dir, 'doc.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
