/**
 * Disclosure requests (依申请公开): online submissions awaiting the mutual confirmation
 * that makes their 收到申请之日, each case's applicant (personal data, never public), its
 * requested items, its append-only ledger of acts, its letters (frozen once issued) and
 * identity files; the projection on `applications` that the report and the dashboard
 * read; and local changes to the working-day calendar.
 */
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = isPostgres(db);
  const id = (t: ReturnType<Kysely<unknown>['schema']['createTable']>) =>
    t.addColumn('id', 'integer', (c) => (pg ? c.generatedByDefaultAsIdentity().primaryKey() : c.autoIncrement().primaryKey()));
  const blob = pg ? 'bytea' : 'blob';

  for (const name of [
    'state',
    'clock_start',
    'reply_due',
    'next_due',
    'next_due_kind',
    'applicant_key',
    'query_code_hash',
    'provision_form',
    'delivery_way',
    'fee_scheme',
    'last_closed_date',
    'last_outcome',
    'updated_at',
  ]) {
    await db.schema.alterTable('applications').addColumn(name, 'text').execute();
  }
  await db.schema.alterTable('applications').addColumn('handler_id', 'integer').execute();
  await db.schema
    .alterTable('applications')
    .addColumn('provisional', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('applications')
    .addColumn('fee_yuan', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('applications')
    .addColumn('event_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update applications set state = case when closed_date is null then 'inProgress' else 'closed' end`.execute(db);
  await db.schema.createIndex('applications_open').on('applications').columns(['agency_id', 'state', 'next_due']).execute();
  await db.schema.createIndex('applications_applicant').on('applications').columns(['applicant_key', 'received_date']).execute();

  await db.schema
    .createTable('application_applicants')
    .addColumn('application_id', 'integer', (c) => c.primaryKey().references('applications.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('id_kind', 'text')
    .addColumn('id_number', 'text')
    .addColumn('organization_code', 'text')
    .addColumn('representative', 'text')
    .addColumn('contact_person', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('address', 'text')
    .addColumn('postcode', 'text')
    .execute();

  await id(db.schema.createTable('application_items'))
    .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('reply_kind', 'text')
    .addColumn('outcome', 'text')
    .addUniqueConstraint('application_items_seq', ['application_id', 'seq'])
    .execute();

  await id(db.schema.createTable('case_events'))
    .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('act', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer', (c) => c.references('users.id'))
    .addColumn('payload', 'text', (c) => c.notNull())
    .addUniqueConstraint('case_events_seq', ['application_id', 'seq'])
    .execute();

  await id(db.schema.createTable('case_letters'))
    .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('event_seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('case_letters_number', ['agency_id', 'number'])
    .execute();
  await db.schema.createIndex('case_letters_case').on('case_letters').column('application_id').execute();

  await id(db.schema.createTable('application_submissions'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('receipt_no', 'text', (c) => c.notNull().unique())
    .addColumn('query_code_hash', 'text', (c) => c.notNull())
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('application_id', 'integer', (c) => c.references('applications.id'))
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('application_submissions_pending').on('application_submissions').columns(['agency_id', 'state']).execute();

  await id(db.schema.createTable('application_files'))
    .addColumn('submission_id', 'integer', (c) => c.references('application_submissions.id'))
    .addColumn('application_id', 'integer', (c) => c.references('applications.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', blob, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('calendar_overrides')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('working', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'calendar_overrides',
    'application_files',
    'application_submissions',
    'case_letters',
    'case_events',
    'application_items',
    'application_applicants',
  ]) {
    await db.schema.dropTable(t).execute();
  }
  for (const i of ['applications_applicant', 'applications_open']) await db.schema.dropIndex(i).execute();
}
