/** The annual report as a Word document laid out like a Chinese official document (GB/T 9704). */
import { AlignmentType, Document, Footer, Packer, PageNumber, Paragraph, TextRun, convertMillimetersToTwip } from 'docx';
import { reportGrids } from './grid.ts';
import { documentTitle, sectionParagraphs, sections, signatureLines, type ReportDocument } from './document.ts';
import { bodyParagraph, bodySize, fonts, headingParagraph, signatureParagraph, titleParagraph } from './docx-text.ts';
import { gridTable } from './docx-table.ts';

/** A4 portrait with the GB/T 9704 margins: top 37, bottom 35, left 28, right 26 mm. */
const page = { width: 11906, height: 16838 };
const margin = {
  top: convertMillimetersToTwip(37),
  bottom: convertMillimetersToTwip(35),
  left: convertMillimetersToTwip(28),
  right: convertMillimetersToTwip(26),
};
const textWidth = page.width - margin.left - margin.right;

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

export async function renderReportDocx(doc: ReportDocument): Promise<Uint8Array> {
  const grids = reportGrids(doc.report);
  const title = documentTitle(doc);
  const signature = signatureLines(doc);
  const body = [
    titleParagraph(title),
    ...sections.flatMap((s, i) => {
      const afterTable = sections[i - 1]?.content.kind === 'table';
      if (s.content.kind === 'narrative') {
        const texts = sectionParagraphs(doc, s);
        const lastSection = i === sections.length - 1 && signature.length > 0;
        return [headingParagraph(s.title, { afterTable }), ...texts.map((t, j) => bodyParagraph(t, lastSection && j === texts.length - 1))];
      }
      const grid = grids[s.content.key];
      // The caption doubles as the section heading: both are the section title.
      return [headingParagraph(grid.caption, { afterTable }), gridTable(grid, textWidth)];
    }),
    ...signature.map((l, i) => signatureParagraph(l, i === 0, i === signature.length - 1)),
  ];
  const file = new Document({
    title,
    creator: doc.signer ?? doc.report.agency,
    styles: {
      default: {
        document: {
          run: { size: bodySize, font: { eastAsia: fonts.body, ascii: fonts.body, hAnsi: fonts.body }, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
        },
      },
    },
    sections: [{ properties: { page: { size: page, margin: { ...margin, header: 851, footer: 992 } } }, footers: { default: footer() }, children: body }],
  });
  return Packer.toBuffer(file);
}
