/**
 * Plain text in the layout of a report copied from a county portal (the seed): every
 * paragraph and every table cell on its own line, in reading order, with blank lines
 * between them.
 */
import { reportGrids } from './grid.ts';
import { documentTitle, sectionParagraphs, sections, signatureLines, type ReportDocument } from './document.ts';

export function renderReportText(d: ReportDocument): string {
  const blocks: string[] = [documentTitle(d)];
  const grids = reportGrids(d.report);
  for (const s of sections) {
    blocks.push(s.title);
    if (s.content.kind === 'narrative') blocks.push(...sectionParagraphs(d, s));
    else for (const row of grids[s.content.key].rows) for (const cell of row) blocks.push(cell.text);
  }
  blocks.push(...signatureLines(d));
  return `${blocks.join('\n\n')}\n`;
}
