/**
 * The page of a Chinese official document in DOCX (GB/T 9704): A4, margins top 37, bottom
 * 35, left 28, right 26 mm, the page number — 1 — at the foot, 仿宋 三号 body text.
 */
import { AlignmentType, Document, Footer, Packer, PageNumber, Paragraph, type Table, TextRun, convertMillimetersToTwip } from 'docx';
import { bodySize, fonts } from './report/docx-text.ts';

export const page = { width: 11906, height: 16838 };
export const margin = {
  top: convertMillimetersToTwip(37),
  bottom: convertMillimetersToTwip(35),
  left: convertMillimetersToTwip(28),
  right: convertMillimetersToTwip(26),
};
export const textWidth = page.width - margin.left - margin.right;

/** — 1 — centred at the foot of each page, in 宋体 四号 (made per document, docx objects are not shared). */
const footer = (): Footer =>
  new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            size: 28,
            font: { eastAsia: fonts.pageNumber, ascii: fonts.pageNumber, hAnsi: fonts.pageNumber },
          }),
        ],
      }),
    ],
  });

export async function officialDocx(title: string, creator: string, children: (Paragraph | Table)[]): Promise<Uint8Array> {
  const file = new Document({
    title,
    creator,
    styles: {
      default: {
        document: {
          run: { size: bodySize, font: { eastAsia: fonts.body, ascii: fonts.body, hAnsi: fonts.body }, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
        },
      },
    },
    sections: [{ properties: { page: { size: page, margin: { ...margin, header: 851, footer: 992 } } }, footers: { default: footer() }, children }],
  });
  return Packer.toBuffer(file);
}
