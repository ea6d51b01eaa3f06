/** Small attachments made in tests: a DOCX and an XLSX with given text. */
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
