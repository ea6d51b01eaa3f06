/**
 * Rate limits and log-in throttles kept in the database, so that they hold across every
 * process serving the same database (issue 15). Neither is a record: rows are counters,
 * changed in place and swept once expired.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // One window of one limit: `key` is the route (or limiter) and the client's address.
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('hits', 'integer', (c) => c.notNull())
    // Milliseconds since the epoch (bigint on PostgreSQL) at which the window ends.
    .addColumn('resets_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_limits_resets_at').on('rate_limits').column('resets_at').execute();
  // Failed log-ins of one user name, whatever the address, since its last successful log-in.
  await db.schema
    .createTable('login_throttles')
    .addColumn('username', 'text', (c) => c.primaryKey())
    // Attempts in the current run (counted when made; a run restarts after a quiet day).
    .addColumn('failures', 'integer', (c) => c.notNull())
    // Every attempt and every lockout since the last successful log-in, for the owner's notice.
    .addColumn('total_failures', 'integer', (c) => c.notNull())
    .addColumn('lockouts', 'integer', (c) => c.notNull())
    .addColumn('last_failed_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('login_throttles').execute();
  await db.schema.dropTable('rate_limits').execute();
}
