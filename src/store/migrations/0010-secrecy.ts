/**
 * Secrecy markings stop publication (issue 9): screening hits get their number within the
 * version (1…n, order of location then position) and, for a marking, the recorded 解密
 * (decision 文号, date, issuing body); annual reports get a recorded 保密审查 bound to what
 * was reviewed (`report_reviews`, `annual_reports.review_id`). The database itself refuses
 * a marking settled any way but by a complete 解密, and the publication of a version
 * holding a hit not settled — beside 0003's CHECK that a review and an approval are recorded.
 */
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.ts';

/** A marking settled otherwise than by 解密, or a 解密 without its record, or of something not a marking. */
const badSettlement = (r: string) =>
  sql.raw(
    `(${r}.kind = 'secrecyMarking' AND ${r}.resolution IS NOT NULL AND ${r}.resolution <> 'declassified')` +
      ` OR (${r}.resolution = 'declassified' AND (${r}.kind <> 'secrecyMarking' OR ${r}.decl_doc_no IS NULL OR ${r}.decl_date IS NULL` +
      ` OR ${r}.decl_authority IS NULL OR ${r}.resolved_by IS NULL))`,
  );

/** A hit of the version NEW.id that is not settled, or a marking not settled by 解密. */
const unsettledHit = sql.raw(
  `EXISTS (SELECT 1 FROM screening_hits h WHERE h.version_id = NEW.id` +
    ` AND (h.resolution IS NULL OR (h.kind = 'secrecyMarking' AND h.resolution <> 'declassified')))`,
);

const markingMessage = '密级或不得公开标识只能以登记完整的解密决定处理，不能遮蔽或直接确认公开';
const publishMessage = '筛查结果未全部处理或密级标识未经解密，不得公开';

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = isPostgres(db);
  await db.schema
    .alterTable('screening_hits')
    .addColumn('number', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  for (const name of ['decl_doc_no', 'decl_date', 'decl_authority']) await db.schema.alterTable('screening_hits').addColumn(name, 'text').execute();
  // Hits were inserted in order of location and position: their ids give the numbers.
  await sql`UPDATE screening_hits SET number = (SELECT COUNT(*) FROM screening_hits h2 WHERE h2.version_id = screening_hits.version_id AND h2.id <= screening_hits.id)`.execute(
    db,
  );

  await db.schema
    .createTable('report_reviews')
    .addColumn('id', 'integer', (c) => (pg ? c.generatedByDefaultAsIdentity().primaryKey() : c.autoIncrement().primaryKey()))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('opinion', 'text', (c) => c.notNull())
    .addColumn('reviewed_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('reviewed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_reviews_agency_year').on('report_reviews').columns(['agency_id', 'year', 'id']).execute();
  await db.schema
    .alterTable('annual_reports')
    .addColumn('review_id', 'integer', (c) => c.references('report_reviews.id'))
    .execute();

  if (pg) {
    await sql`CREATE FUNCTION gk_check_marking_settlement() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF ${badSettlement('NEW')} THEN RAISE EXCEPTION '${sql.raw(markingMessage)}' USING ERRCODE = 'check_violation'; END IF;
        RETURN NEW;
      END $$`.execute(db);
    await sql`CREATE TRIGGER screening_hits_marking_settlement BEFORE INSERT OR UPDATE ON screening_hits
      FOR EACH ROW EXECUTE FUNCTION gk_check_marking_settlement()`.execute(db);
    await sql`CREATE FUNCTION gk_check_hits_settled() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.state = 'published' AND ${unsettledHit} THEN RAISE EXCEPTION '${sql.raw(publishMessage)}' USING ERRCODE = 'check_violation'; END IF;
        RETURN NEW;
      END $$`.execute(db);
    await sql`CREATE TRIGGER item_versions_hits_settled BEFORE UPDATE OF state ON item_versions
      FOR EACH ROW EXECUTE FUNCTION gk_check_hits_settled()`.execute(db);
    return;
  }
  for (const when of ['INSERT', 'UPDATE']) {
    await sql`CREATE TRIGGER ${sql.raw(`screening_hits_marking_settlement_${when.toLowerCase()}`)} BEFORE ${sql.raw(when)} ON screening_hits
      WHEN ${badSettlement('NEW')}
      BEGIN SELECT RAISE(ABORT, '${sql.raw(markingMessage)}'); END`.execute(db);
  }
  await sql`CREATE TRIGGER item_versions_hits_settled BEFORE UPDATE OF state ON item_versions
    WHEN NEW.state = 'published' AND ${unsettledHit}
    BEGIN SELECT RAISE(ABORT, '${sql.raw(publishMessage)}'); END`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    await sql`DROP TRIGGER IF EXISTS item_versions_hits_settled ON item_versions`.execute(db);
    await sql`DROP TRIGGER IF EXISTS screening_hits_marking_settlement ON screening_hits`.execute(db);
    await sql`DROP FUNCTION IF EXISTS gk_check_hits_settled()`.execute(db);
    await sql`DROP FUNCTION IF EXISTS gk_check_marking_settlement()`.execute(db);
  } else {
    for (const name of ['item_versions_hits_settled', 'screening_hits_marking_settlement_insert', 'screening_hits_marking_settlement_update'])
      await sql`DROP TRIGGER IF EXISTS ${sql.raw(name)}`.execute(db);
  }
  await db.schema.alterTable('annual_reports').dropColumn('review_id').execute();
  await db.schema.dropTable('report_reviews').execute();
  for (const name of ['decl_authority', 'decl_date', 'decl_doc_no', 'number']) await db.schema.alterTable('screening_hits').dropColumn(name).execute();
}
