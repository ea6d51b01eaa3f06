/**
 * Indexes for counting a year's records of every agency at once (src/store/report-facts.repo.ts):
 * each lets the grouped count read the index alone, in group order, without sorting.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Applications by agency, applicant type and outcome, with the two dates that place them in a year.
  await db.schema
    .createIndex('applications_report')
    .on('applications')
    .columns(['agency_id', 'applicant_type', 'outcome', 'received_date', 'closed_date'])
    .execute();
  // Items by year of first publication and disclosure mode, then agency and category
  // (published_date last, so that PostgreSQL can answer from the index alone).
  await db.schema
    .createIndex('catalogue_items_published_year')
    .on('catalogue_items')
    .expression(sql`substr(published_date, 1, 4)`)
    .columns(['disclosure_mode', 'agency_id', 'category', 'published_date'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('catalogue_items_published_year').execute();
  await db.schema.dropIndex('applications_report').execute();
}
