import type { ReportDocument } from './document.ts';

export async function renderReportDocx(_doc: ReportDocument): Promise<Uint8Array> {
  throw new Error('DOCX rendering is not written yet');
}
