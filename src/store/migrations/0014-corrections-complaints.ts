/**
 * 更正 requests (条例 第四十一条) and complaints and reports to the 政府信息公开工作主管部门
 * (第四十七条): each a row with its projection (state, due date), kept with its append-only
 * ledger of acts in one transaction; a 更正 request's letters are frozen once issued. The
 * people's personal data stays on these staff-only tables; nothing here is public.
 */
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = isPostgres(db);
  const id = (t: ReturnType<Kysely<unknown>['schema']['createTable']>) =>
    t.addColumn('id', 'integer', (c) => (pg ? c.generatedByDefaultAsIdentity().primaryKey() : c.autoIncrement().primaryKey()));
  const ledger = (table: string, owner: string, ownerTable: string) =>
    id(db.schema.createTable(table))
      .addColumn(owner, 'integer', (c) => c.notNull().references(`${ownerTable}.id`))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('act', 'text', (c) => c.notNull())
      .addColumn('on_date', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'integer', (c) => c.references('users.id'))
      .addColumn('payload', 'text', (c) => c.notNull())
      .addUniqueConstraint(`${table}_seq`, [owner, 'seq'])
      .execute();

  await id(db.schema.createTable('correction_requests'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('receipt_no', 'text', (c) => c.notNull().unique())
    .addColumn('applicant_type', 'text', (c) => c.notNull())
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('address', 'text')
    .addColumn('record', 'text', (c) => c.notNull())
    .addColumn('requested_change', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('received_date', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('provisional', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('open', 'closed')`))
    .addColumn('decision', 'text')
    .addColumn('decided_date', 'text')
    .addColumn('event_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('correction_requests_open').on('correction_requests').columns(['agency_id', 'state', 'due_date']).execute();
  await ledger('correction_events', 'correction_id', 'correction_requests');
  await id(db.schema.createTable('correction_letters'))
    .addColumn('correction_id', 'integer', (c) => c.notNull().references('correction_requests.id'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('event_seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('correction_letters_number', ['agency_id', 'number'])
    .execute();

  await id(db.schema.createTable('complaints'))
    // The county whose 主管部门 handles it, and the agency complained about.
    .addColumn('county_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('complaint', 'report')`))
    .addColumn('receipt_no', 'text', (c) => c.notNull().unique())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('received_date', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('provisional', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('open', 'closed')`))
    .addColumn('answered_date', 'text')
    .addColumn('event_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('complaints_open').on('complaints').columns(['county_id', 'state', 'due_date']).execute();
  await ledger('complaint_events', 'complaint_id', 'complaints');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['complaint_events', 'complaints', 'correction_letters', 'correction_events', 'correction_requests']) await db.schema.dropTable(t).execute();
}
