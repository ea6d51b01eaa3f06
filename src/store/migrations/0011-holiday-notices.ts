/**
 * State Council holiday notices a platform administrator entered as data, for years the code
 * has none: one row per version. A correction adds the next version (with its reason) and
 * ends the one it replaces; a removal ends the current one (with its reason). Rows are never
 * changed otherwise, so the history of what each deadline was counted on stays readable.
 * At most one version of a year is current.
 */
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = isPostgres(db);
  await db.schema
    .createTable('holiday_notices')
    .addColumn('id', 'integer', (c) => (pg ? c.generatedByDefaultAsIdentity().primaryKey() : c.autoIncrement().primaryKey()))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('notice_date', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    // The breaks as JSON: [{holidays, weekdaysOff, makeUpWorkingDays}], checked on entry.
    .addColumn('breaks', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('current', 'replaced', 'removed')`))
    // Why this version replaced the one before; null for the first.
    .addColumn('reason', 'text')
    .addColumn('entered_by', 'integer', (c) => c.references('users.id'))
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .addColumn('ended_by', 'integer', (c) => c.references('users.id'))
    .addColumn('ended_at', 'text')
    .addColumn('end_reason', 'text')
    .addUniqueConstraint('holiday_notices_year_version', ['year', 'version'])
    .execute();
  await db.schema
    .createIndex('holiday_notices_current')
    .unique()
    .on('holiday_notices')
    .column('year')
    .where(sql.ref('status'), '=', sql.lit('current'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('holiday_notices').execute();
}
