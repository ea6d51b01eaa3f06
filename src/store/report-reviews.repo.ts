/** 保密审查 of annual reports: each bound to the content reviewed by its digest (0010). */
import type { Kysely, Selectable } from 'kysely';
import type { DB, ReportReviewTable } from './schema.ts';

export type ReportReviewRow = Selectable<ReportReviewTable> & { reviewer: string; used: boolean };

export async function insertReportReview(
  db: Kysely<DB>,
  r: { agencyId: number; year: number; digest: string; opinion: string; reviewedBy: number; reviewedAt: string },
): Promise<number> {
  const row = await db
    .insertInto('report_reviews')
    .values({ agency_id: r.agencyId, year: r.year, digest: r.digest, opinion: r.opinion, reviewed_by: r.reviewedBy, reviewed_at: r.reviewedAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The latest review of an agency's report on `year`, with the reviewer's name and whether a publication used it. */
export async function latestReportReview(db: Kysely<DB>, agencyId: number, year: number): Promise<ReportReviewRow | undefined> {
  const row = await db
    .selectFrom('report_reviews as r')
    .innerJoin('users as u', 'u.id', 'r.reviewed_by')
    .selectAll('r')
    .select([
      'u.display_name as reviewer',
      (eb) => eb.exists(eb.selectFrom('annual_reports as a').select('a.id').whereRef('a.review_id', '=', 'r.id')).as('used'),
    ])
    .where('r.agency_id', '=', agencyId)
    .where('r.year', '=', year)
    .orderBy('r.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && { ...row, used: Boolean(row.used) };
}

export async function getReportReview(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('report_reviews as r')
    .innerJoin('users as u', 'u.id', 'r.reviewed_by')
    .selectAll('r')
    .select('u.display_name as reviewer')
    .where('r.id', '=', id)
    .executeTakeFirst();
}
