/** Upload batches of published reports: each file as read, until it is stored as a report version or left out. */
import type { Kysely } from 'kysely';
import type { AnnualReport } from '../domain/reports/annual-report.ts';
import type { Finding } from '../domain/reports/findings.ts';
import type { DB, ReportImportTable } from './schema.ts';
import type { Selectable } from 'kysely';

export type ImportStatus = 'pending' | 'stored' | 'skipped';

export interface StagedImport {
  id: number;
  batch: string;
  position: number;
  filename: string;
  format: string | null;
  size: number;
  report: AnnualReport | null;
  findings: Finding[];
  error: string | null;
  agencyId: number | null;
  year: number | null;
  status: ImportStatus;
  reportId: number | null;
  uploadedBy: number;
  uploadedAt: string;
  decidedAt: string | null;
}

type Row = Omit<Selectable<ReportImportTable>, 'content'>;
const columns = [
  'id',
  'batch',
  'position',
  'filename',
  'format',
  'size',
  'report',
  'findings',
  'error',
  'agency_id',
  'year',
  'status',
  'report_id',
  'uploaded_by',
  'uploaded_at',
  'decided_at',
] as const;

function toStaged(r: Row): StagedImport {
  return {
    id: r.id,
    batch: r.batch,
    position: r.position,
    filename: r.filename,
    format: r.format,
    size: r.size,
    report: r.report === null ? null : (JSON.parse(r.report) as AnnualReport),
    findings: JSON.parse(r.findings) as Finding[],
    error: r.error,
    agencyId: r.agency_id,
    year: r.year,
    status: r.status as ImportStatus,
    reportId: r.report_id,
    uploadedBy: r.uploaded_by,
    uploadedAt: r.uploaded_at,
    decidedAt: r.decided_at,
  };
}

export async function insertStagedImport(
  db: Kysely<DB>,
  s: Omit<StagedImport, 'id' | 'status' | 'reportId' | 'decidedAt'> & { content: Uint8Array },
): Promise<number> {
  const r = await db
    .insertInto('report_imports')
    .values({
      batch: s.batch,
      position: s.position,
      filename: s.filename,
      format: s.format,
      size: s.size,
      content: s.content,
      report: s.report === null ? null : JSON.stringify(s.report),
      findings: JSON.stringify(s.findings),
      error: s.error,
      agency_id: s.agencyId,
      year: s.year,
      status: 'pending',
      report_id: null,
      uploaded_by: s.uploadedBy,
      uploaded_at: s.uploadedAt,
      decided_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** The files of a batch in upload order. */
export async function stagedBatch(db: Kysely<DB>, batch: string): Promise<StagedImport[]> {
  const rows = await db.selectFrom('report_imports').select(columns).where('batch', '=', batch).orderBy('position').execute();
  return rows.map(toStaged);
}

/**
 * Decides a pending file: false when it was no longer pending (decided by a concurrent
 * request, e.g. the same form sent twice). In a transaction the row stays locked until the
 * transaction ends, so a second decision waits and then finds it decided.
 */
export async function decideStagedImport(
  db: Kysely<DB>,
  id: number,
  d: { status: ImportStatus; agencyId: number | null; year: number | null; reportId: number | null; decidedAt: string },
): Promise<boolean> {
  const r = await db
    .updateTable('report_imports')
    .set({ status: d.status, agency_id: d.agencyId, year: d.year, report_id: d.reportId, decided_at: d.decidedAt })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The version a file was stored as. */
export async function linkStagedImport(db: Kysely<DB>, id: number, reportId: number): Promise<void> {
  await db.updateTable('report_imports').set({ report_id: reportId }).where('id', '=', id).execute();
}

/** The uploaded file a stored version was read from. */
export async function importSourceOf(db: Kysely<DB>, reportId: number): Promise<{ filename: string; content: Uint8Array } | undefined> {
  return db.selectFrom('report_imports').select(['filename', 'content']).where('report_id', '=', reportId).executeTakeFirst();
}

/** A supervisor's recent batches, newest first. */
export async function recentBatches(db: Kysely<DB>, uploadedBy: number, limit = 10) {
  const rows = await db
    .selectFrom('report_imports')
    .select((eb) => ['batch', eb.fn.max('uploaded_at').as('uploaded_at'), eb.fn.countAll<number>().as('files')])
    .where('uploaded_by', '=', uploadedBy)
    .groupBy('batch')
    .orderBy('uploaded_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ batch: r.batch, uploadedAt: String(r.uploaded_at), files: Number(r.files) }));
}
