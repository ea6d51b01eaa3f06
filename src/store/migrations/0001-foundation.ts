/** The foundation schema: agencies, people, the records the annual report counts, reports. */
import { type Kysely, type CreateTableBuilder, sql } from 'kysely';
import { isPostgres } from '../dialect.ts';

function withId<T extends string>(db: Kysely<unknown>, t: CreateTableBuilder<T, never>) {
  return t.addColumn('id', 'integer', (c) => (isPostgres(db) ? c.generatedByDefaultAsIdentity().primaryKey() : c.autoIncrement().primaryKey()));
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const money = isPostgres(db) ? 'bigint' : 'integer';

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('agencies'))
    .addColumn('parent_id', 'integer', (c) => c.references('agencies.id'))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('short_name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('may_make_rules', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('records_from', 'integer', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('users'))
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('user_roles'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('agency_id', 'integer', (c) => c.references('agencies.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('user_roles_user').on('user_roles').column('user_id').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('audit_events'))
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer', (c) => c.references('users.id'))
    .addColumn('agency_id', 'integer', (c) => c.references('agencies.id'))
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('payload', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_events_subject').on('audit_events').columns(['subject_type', 'subject_id']).execute();

  await withId(db, db.schema.createTable('catalogue_items'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('index_no', 'text', (c) => c.unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('topic', 'text')
    .addColumn('doc_no', 'text')
    .addColumn('document_kind', 'text')
    .addColumn('written_date', 'text')
    .addColumn('generated_date', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('published_date', 'text')
    .addColumn('disclosure_mode', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // Covers the per-year count by category without touching the rows.
  await db.schema
    .createIndex('catalogue_items_published')
    .on('catalogue_items')
    .columns(['published_date', 'agency_id', 'category', 'disclosure_mode'])
    .execute();
  await db.schema.createIndex('catalogue_items_agency').on('catalogue_items').columns(['agency_id', 'status']).execute();
  await db.schema.createIndex('catalogue_items_document_kind').on('catalogue_items').columns(['document_kind', 'agency_id']).execute();

  await withId(db, db.schema.createTable('validity_changes'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('catalogue_items.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('effective_date', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('validity_changes_item').on('validity_changes').columns(['item_id', 'effective_date']).execute();

  await db.schema
    .createTable('decision_statistics')
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('licensing', 'integer', (c) => c.notNull())
    .addColumn('penalty', 'integer', (c) => c.notNull())
    .addColumn('coercion', 'integer', (c) => c.notNull())
    .addColumn('fees_fen', money, (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addPrimaryKeyConstraint('decision_statistics_pk', ['agency_id', 'year'])
    .execute();

  await withId(db, db.schema.createTable('applications'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('receipt_no', 'text', (c) => c.notNull().unique())
    .addColumn('applicant_type', 'text', (c) => c.notNull())
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('received_date', 'text', (c) => c.notNull())
    .addColumn('closed_date', 'text')
    .addColumn('outcome', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('applications_closed_has_outcome', sql`(closed_date IS NULL) = (outcome IS NULL)`)
    .execute();
  await db.schema.createIndex('applications_agency_received').on('applications').columns(['agency_id', 'received_date']).execute();
  await db.schema.createIndex('applications_agency_closed').on('applications').columns(['agency_id', 'closed_date']).execute();

  await withId(db, db.schema.createTable('appeals'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('application_id', 'integer', (c) => c.references('applications.id'))
    .addColumn('track', 'text', (c) => c.notNull())
    .addColumn('case_no', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('filed_date', 'text', (c) => c.notNull())
    .addColumn('concluded_date', 'text')
    .addColumn('outcome', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('appeals_concluded_has_outcome', sql`(concluded_date IS NULL) = (outcome IS NULL)`)
    .execute();
  await db.schema.createIndex('appeals_agency').on('appeals').columns(['agency_id', 'filed_date']).execute();

  await db.schema
    .createTable('report_narratives')
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('overview', 'text', (c) => c.notNull())
    .addColumn('problems', 'text', (c) => c.notNull())
    .addColumn('other', 'text', (c) => c.notNull())
    .addColumn('signer', 'text', (c) => c.notNull())
    .addColumn('signed_date', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addPrimaryKeyConstraint('report_narratives_pk', ['agency_id', 'year'])
    .execute();

  await withId(db, db.schema.createTable('annual_reports'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('index_no', 'text', (c) => c.unique())
    .addColumn('publisher', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('disclosure_mode', 'text', (c) => c.notNull())
    .addColumn('generated_date', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('signer', 'text', (c) => c.notNull())
    .addColumn('signed_date', 'text')
    .addColumn('published_by', 'integer', (c) => c.references('users.id'))
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('annual_reports_version', ['agency_id', 'year', 'version'])
    .execute();

  await db.schema
    .createTable('index_sequences')
    .addColumn('prefix', 'text', (c) => c.primaryKey())
    .addColumn('last', 'integer', (c) => c.notNull())
    .execute();
}
