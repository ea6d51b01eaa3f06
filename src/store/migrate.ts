/** One migration set for both databases, applied in name order. */
import { Migrator, sql, type Migration, type MigrationProvider, type Kysely } from 'kysely';
import * as foundation from './migrations/0001-foundation.ts';
import * as catalogueWorkflow from './migrations/0003-catalogue-workflow.ts';
import * as reportCountIndexes from './migrations/0002-report-count-indexes.ts';
import * as search from './migrations/0004-search.ts';
import * as portalOrder from './migrations/0005-portal-order.ts';
import * as requests from './migrations/0006-requests.ts';
import * as portalFilters from './migrations/0007-portal-filters.ts';
import * as reportImports from './migrations/0008-report-imports.ts';
import * as receiptViews from './migrations/0009-receipt-views.ts';
import * as secrecy from './migrations/0010-secrecy.ts';
import * as holidayNotices from './migrations/0011-holiday-notices.ts';
import * as signOff from './migrations/0013-sign-off.ts';
import * as correctionsComplaints from './migrations/0014-corrections-complaints.ts';
import * as throttles from './migrations/0016-throttles.ts';
import * as accounts from './migrations/0017-accounts.ts';
import { isPostgres } from './dialect.ts';
import type { DB } from './schema.ts';

const migrations: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-report-count-indexes': reportCountIndexes,
  '0003-catalogue-workflow': catalogueWorkflow,
  '0004-search': search,
  '0005-portal-order': portalOrder,
  '0006-requests': requests,
  '0007-portal-filters': portalFilters,
  '0008-report-imports': reportImports,
  '0009-receipt-views': receiptViews,
  '0010-secrecy': secrecy,
  '0011-holiday-notices': holidayNotices,
  '0013-sign-off': signOff,
  '0014-corrections-complaints': correctionsComplaints,
  '0016-throttles': throttles,
  '0017-accounts': accounts,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * On PostgreSQL the migration tables live in the connection's current schema, named
 * explicitly: Kysely otherwise finds another schema's tables by name and skips creating its own.
 */
async function migrator(db: Kysely<DB>): Promise<Migrator> {
  if (!isPostgres(db)) return new Migrator({ db, provider });
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return new Migrator({ db, provider, migrationTableSchema: rows[0]?.schema ?? 'public' });
}

/**
 * The names of the applied migrations, read without Kysely's introspection: that scans the
 * tables of every schema of the database, which is slow on a shared server and fails (3F000)
 * when another schema is dropped during the scan.
 */
async function appliedMigrations(db: Kysely<DB>): Promise<Set<string>> {
  const present = isPostgres(db)
    ? sql`select 1 from information_schema.tables where table_schema = current_schema() and table_name = 'kysely_migration'`
    : sql`select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'`;
  if ((await present.execute(db)).rows.length === 0) return new Set();
  const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
  return new Set(rows.map((r) => r.name));
}

export async function migrateToLatest(db: Kysely<DB>): Promise<string[]> {
  const applied = await appliedMigrations(db);
  if (Object.keys(migrations).every((name) => applied.has(name))) return [];
  const { error, results } = await (await migrator(db)).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** True when the database has every migration applied (read-only commands refuse an older schema). */
export async function isUpToDate(db: Kysely<DB>): Promise<boolean> {
  const applied = await appliedMigrations(db);
  return Object.keys(migrations).every((name) => applied.has(name));
}

/** Whether one migration is applied (a reader that needs only its tables accepts an otherwise older schema). */
export async function hasMigration(db: Kysely<DB>, name: string): Promise<boolean> {
  return (await appliedMigrations(db)).has(name);
}
