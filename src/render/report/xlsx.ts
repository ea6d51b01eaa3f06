import type { ReportDocument } from './document.ts';

export async function renderReportXlsx(_doc: ReportDocument): Promise<Uint8Array> {
  throw new Error('XLSX rendering is not written yet');
}
