/**
 * What the pool's workers do: each job is one file read by the same functions the main
 * thread used to call. Runs in a worker (imported by worker.ts); the main thread imports types only.
 * Each job loads its reader on first use: `gongkai check` need not load ExcelJS and the
 * Office writers before its first file (most of a worker's start).
 */
import type { AttachmentType } from '../../law/screening.ts';
import type { Replacement } from '../containers.ts';
import type { Extracted } from '../types.ts';
import type { PdfText } from '../report/pdf.ts';
import type { Unreadable } from '../report/read.ts';
import type { AnnualReport } from '../../domain/reports/annual-report.ts';
import type { Finding } from '../../domain/reports/findings.ts';

export type FileJob =
  | { kind: 'attachmentText'; bytes: Uint8Array; type: AttachmentType }
  | { kind: 'redact'; bytes: Uint8Array; type: 'docx' | 'xlsx'; replacements: readonly Replacement[] }
  | { kind: 'publishedCopy'; bytes: Uint8Array; type: AttachmentType; replacements: readonly Replacement[] }
  | { kind: 'checkReport'; bytes: Uint8Array; filename: string }
  | { kind: 'pdfText'; bytes: Uint8Array };

export interface JobResults {
  attachmentText: Extracted;
  redact: Uint8Array;
  publishedCopy: Uint8Array | null;
  checkReport: { report: AnnualReport; findings: Finding[] } | Unreadable;
  pdfText: PdfText;
}

/** A worker's answer: the value, or why not (`redaction`: the part RedactionError named; `unpacked`: a zip bomb refused). */
export type JobOutcome = { ok: true; value: unknown } | { ok: false; message: string; redaction?: string; unpacked?: true };

export async function runJob(job: FileJob): Promise<{ value: JobResults[FileJob['kind']]; transfer: ArrayBuffer[] }> {
  switch (job.kind) {
    case 'attachmentText': {
      // A PDF bomb is refused before pdf.js decodes it.
      if (job.type === 'pdf') (await import('../pdf-streams.ts')).checkPdfStreams(job.bytes);
      const { readAttachmentText } = await import('../index.ts');
      return { value: await readAttachmentText(job.bytes, job.type), transfer: [] };
    }
    case 'redact': {
      const { redactDocx, redactXlsx } = await import('../redact.ts');
      const copy = job.type === 'docx' ? await redactDocx(job.bytes, job.replacements) : await redactXlsx(job.bytes, job.replacements);
      return { value: copy, transfer: [copy.buffer as ArrayBuffer] };
    }
    case 'publishedCopy': {
      const { publishedCopy } = await import('../published-copy.ts');
      const copy = await publishedCopy(job.bytes, job.type, job.replacements);
      return { value: copy, transfer: copy ? [copy.buffer as ArrayBuffer] : [] };
    }
    case 'checkReport':
      return { value: await (await import('../report/index.ts')).checkReportFileHere(job.bytes, job.filename), transfer: [] };
    case 'pdfText':
      return { value: await (await import('../report/pdf.ts')).readPdfText(job.bytes), transfer: [] };
  }
}
