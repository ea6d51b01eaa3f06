/** The annual report as a Word document laid out like a Chinese official document (GB/T 9704). */
import { officialDocx, textWidth } from '../official-page.ts';
import { reportGrids } from './grid.ts';
import { documentTitle, sectionParagraphs, sections, signatureLines, type ReportDocument } from './document.ts';
import { bodyParagraph, headingParagraph, signatureParagraph, titleParagraph } from './docx-text.ts';
import { gridTable } from './docx-table.ts';

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
  return officialDocx(title, doc.signer ?? doc.report.agency, body);
}
