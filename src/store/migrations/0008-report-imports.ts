/**
 * Annual reports read from published documents (issue 5): where an imported version came
 * from (file name, format, who imported it) on `annual_reports`, and the uploads a county
 * supervisor has read but not yet assigned to an agency and year (`report_imports`, one row
 * per file of a batch, kept with the original bytes as the evidence of what was read).
 */
import type { Kysely } from 'kysely';
import { isPostgres } from '../dialect.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = isPostgres(db);
  const blob = pg ? 'bytea' : 'blob';
  for (const name of ['source_name', 'source_format']) await db.schema.alterTable('annual_reports').addColumn(name, 'text').execute();
  await db.schema.alterTable('annual_reports').addColumn('imported_by', 'integer').execute();

  await db.schema
    .createTable('report_imports')
    .addColumn('id', 'integer', (c) => (pg ? c.generatedByDefaultAsIdentity().primaryKey() : c.autoIncrement().primaryKey()))
    .addColumn('batch', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('format', 'text')
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', blob, (c) => c.notNull())
    .addColumn('report', 'text')
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('agency_id', 'integer', (c) => c.references('agencies.id'))
    .addColumn('year', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('report_id', 'integer', (c) => c.references('annual_reports.id'))
    .addColumn('uploaded_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema.createIndex('report_imports_batch').on('report_imports').columns(['batch', 'position']).execute();
  await db.schema.createIndex('report_imports_report').on('report_imports').column('report_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('report_imports').execute();
  for (const name of ['imported_by', 'source_format', 'source_name']) await db.schema.alterTable('annual_reports').dropColumn(name).execute();
}
