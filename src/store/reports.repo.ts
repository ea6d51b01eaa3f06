/** Narratives of annual reports and the published (immutable, versioned) reports. */
import type { Kysely } from 'kysely';
import type { AnnualReport } from '../domain/reports/annual-report.ts';
import type { Finding } from '../domain/reports/findings.ts';
import type { ReportOrigin } from '../law/report-format/rules.ts';
import type { AnnualReportRow, DB } from './schema.ts';

export interface StoredNarrative {
  overview: string;
  problems: string;
  other: string;
  signer: string;
  signedDate: string | null;
  updatedAt: string;
  /** Who saved it last (null: loaded with the demo or before this was kept). */
  updatedBy?: number | null;
}

export async function getNarrative(db: Kysely<DB>, agencyId: number, year: number): Promise<StoredNarrative | undefined> {
  const r = await db.selectFrom('report_narratives').selectAll().where('agency_id', '=', agencyId).where('year', '=', year).executeTakeFirst();
  return (
    r && {
      overview: r.overview,
      problems: r.problems,
      other: r.other,
      signer: r.signer,
      signedDate: r.signed_date,
      updatedAt: r.updated_at,
      updatedBy: r.updated_by,
    }
  );
}

export async function narrativesOfYear(db: Kysely<DB>, year: number): Promise<Map<number, StoredNarrative>> {
  const rows = await db.selectFrom('report_narratives').selectAll().where('year', '=', year).execute();
  return new Map(
    rows.map((r) => [
      r.agency_id,
      { overview: r.overview, problems: r.problems, other: r.other, signer: r.signer, signedDate: r.signed_date, updatedAt: r.updated_at },
    ]),
  );
}

export async function saveNarrative(
  db: Kysely<DB>,
  n: Omit<StoredNarrative, 'updatedAt'> & { agencyId: number; year: number; updatedAt: string; updatedBy: number | null },
): Promise<void> {
  const values = {
    overview: n.overview,
    problems: n.problems,
    other: n.other,
    signer: n.signer,
    signed_date: n.signedDate,
    updated_at: n.updatedAt,
    updated_by: n.updatedBy,
  };
  await db
    .insertInto('report_narratives')
    .values({ agency_id: n.agencyId, year: n.year, ...values })
    .onConflict((oc) => oc.columns(['agency_id', 'year']).doUpdateSet(values))
    .execute();
}

export interface PublishedReport {
  id: number;
  agencyId: number;
  year: number;
  version: number;
  origin: ReportOrigin;
  report: AnnualReport;
  findings: Finding[];
  indexNo: string | null;
  publisher: string;
  scope: string;
  disclosureMode: string;
  generatedDate: string;
  publishedAt: string;
  signer: string;
  signedDate: string | null;
  publishedBy: number | null;
  reason: string | null;
  /** Imported versions: the document read, its format, and who imported it. */
  sourceName: string | null;
  sourceFormat: string | null;
  importedBy: number | null;
  /** When the version was stored (for an imported one: when it was imported). */
  createdAt: string;
  /** The 保密审查 it was published on (platform versions since issue 9). */
  reviewId: number | null;
}

type SummaryColumns = Pick<AnnualReportRow, 'id' | 'agency_id' | 'year' | 'version' | 'origin' | 'data' | 'published_at' | 'index_no'>;

function toSummary(r: SummaryColumns): PublishedSummary {
  return {
    id: r.id,
    agencyId: r.agency_id,
    year: r.year,
    version: r.version,
    origin: r.origin as ReportOrigin,
    report: JSON.parse(r.data) as AnnualReport,
    publishedAt: r.published_at,
    indexNo: r.index_no,
  };
}

function toPublished(r: AnnualReportRow): PublishedReport {
  // The findings are read when asked for: a county's reports are loaded by the hundred to check the next year.
  let findings: Finding[] | undefined;
  return {
    ...toSummary(r),
    get findings() {
      return (findings ??= JSON.parse(r.findings) as Finding[]);
    },
    publisher: r.publisher,
    scope: r.scope,
    disclosureMode: r.disclosure_mode,
    generatedDate: r.generated_date,
    signer: r.signer,
    signedDate: r.signed_date,
    publishedBy: r.published_by,
    reason: r.reason,
    sourceName: r.source_name,
    sourceFormat: r.source_format,
    importedBy: r.imported_by,
    createdAt: r.created_at,
    reviewId: r.review_id,
  };
}

export type NewReportVersion = Omit<PublishedReport, 'id' | 'sourceName' | 'sourceFormat' | 'importedBy' | 'reviewId'> &
  Partial<Pick<PublishedReport, 'sourceName' | 'sourceFormat' | 'importedBy' | 'reviewId'>>;

export async function insertPublishedReport(db: Kysely<DB>, p: NewReportVersion): Promise<number> {
  const r = await db
    .insertInto('annual_reports')
    .values({
      agency_id: p.agencyId,
      year: p.year,
      version: p.version,
      origin: p.origin,
      data: JSON.stringify(p.report),
      findings: JSON.stringify(p.findings),
      index_no: p.indexNo,
      publisher: p.publisher,
      scope: p.scope,
      disclosure_mode: p.disclosureMode,
      generated_date: p.generatedDate,
      published_at: p.publishedAt,
      signer: p.signer,
      signed_date: p.signedDate,
      published_by: p.publishedBy,
      reason: p.reason,
      created_at: p.createdAt,
      source_name: p.sourceName ?? null,
      source_format: p.sourceFormat ?? null,
      imported_by: p.importedBy ?? null,
      review_id: p.reviewId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** All versions of an agency's report on `year`, newest first. */
export async function reportVersions(db: Kysely<DB>, agencyId: number, year: number): Promise<PublishedReport[]> {
  const rows = await db
    .selectFrom('annual_reports')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .orderBy('version', 'desc')
    .execute();
  return rows.map(toPublished);
}

export async function getPublishedReport(db: Kysely<DB>, id: number): Promise<PublishedReport | undefined> {
  const r = await db.selectFrom('annual_reports').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toPublished(r);
}

/** The current (latest) version of each year's report of an agency, newest year first. */
export async function currentReportsOfAgency(db: Kysely<DB>, agencyId: number): Promise<PublishedReport[]> {
  const rows = await db.selectFrom('annual_reports').selectAll().where('agency_id', '=', agencyId).orderBy('year', 'desc').orderBy('version', 'desc').execute();
  const seen = new Set<number>();
  return rows.filter((r) => !seen.has(r.year) && Boolean(seen.add(r.year))).map(toPublished);
}

/** What checking the next year needs of a published report: its figures, texts and dates. */
export type PublishedSummary = Pick<PublishedReport, 'id' | 'agencyId' | 'year' | 'version' | 'origin' | 'report' | 'publishedAt' | 'indexNo'>;

/** The current version of every agency's report on `year` (only the columns checking needs: a county's reports are read by the hundred). */
export async function currentReportsOfYear(db: Kysely<DB>, year: number): Promise<Map<number, PublishedSummary>> {
  return (await currentReportsOfYears(db, [year])).get(year) ?? new Map();
}

/** `currentReportsOfYear` for several years in one query, by year. */
export async function currentReportsOfYears(db: Kysely<DB>, years: readonly number[]): Promise<Map<number, Map<number, PublishedSummary>>> {
  const rows = await db
    .selectFrom('annual_reports')
    .select(['id', 'agency_id', 'year', 'version', 'origin', 'data', 'published_at', 'index_no'])
    .where('year', 'in', years)
    .orderBy('version', 'desc')
    .execute();
  const byYear = new Map(years.map((y) => [y, new Map<number, PublishedSummary>()]));
  for (const r of rows) {
    const out = byYear.get(r.year)!;
    if (out.has(r.agency_id)) continue;
    out.set(r.agency_id, toSummary(r));
  }
  return byYear;
}

/** Recently published reports across the county, for the portal's home page. */
export async function latestPublications(db: Kysely<DB>, limit: number) {
  return db
    .selectFrom('annual_reports')
    .innerJoin('agencies', 'agencies.id', 'annual_reports.agency_id')
    .select([
      'annual_reports.id',
      'annual_reports.year',
      'annual_reports.version',
      'annual_reports.published_at',
      'agencies.name',
      'agencies.short_name',
      'agencies.id as agency_id',
    ])
    .orderBy('annual_reports.published_at', 'desc')
    .orderBy('annual_reports.id', 'desc')
    .limit(limit)
    .execute();
}

/** The day each agency's report on `year` was first published (a correction does not move it), as stored. */
export async function firstPublications(db: Kysely<DB>, year: number): Promise<Map<number, string>> {
  const rows = await db
    .selectFrom('annual_reports')
    .select((eb) => ['agency_id', eb.fn.min('published_at').as('first')])
    .where('year', '=', year)
    .groupBy('agency_id')
    .execute();
  return new Map(rows.map((r) => [r.agency_id, String(r.first)]));
}

/** The years any report is stored for, oldest first. */
export async function storedReportYears(db: Kysely<DB>): Promise<number[]> {
  const rows = await db.selectFrom('annual_reports').select('year').distinct().orderBy('year').execute();
  return rows.map((r) => r.year);
}

/** The findings stored with each of these versions (read in chunks of 500 ids, within SQLite's parameter limit). */
export async function findingsOfVersions(db: Kysely<DB>, ids: readonly number[]): Promise<Map<number, Finding[]>> {
  const out = new Map<number, Finding[]>();
  for (let at = 0; at < ids.length; at += 500) {
    const rows = await db
      .selectFrom('annual_reports')
      .select(['id', 'findings'])
      .where('id', 'in', ids.slice(at, at + 500))
      .execute();
    for (const r of rows) out.set(r.id, JSON.parse(r.findings) as Finding[]);
  }
  return out;
}
