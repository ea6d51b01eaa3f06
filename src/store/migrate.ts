/** One migration set for both databases, applied in name order. */
import { Migrator, type Migration, type MigrationProvider, type Kysely } from 'kysely';
import * as foundation from './migrations/0001-foundation.ts';
import type { DB } from './schema.ts';

const migrations: Record<string, Migration> = {
  '0001-foundation': foundation,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Kysely<DB>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** True when the database has every migration applied (read-only commands refuse an older schema). */
export async function isUpToDate(db: Kysely<DB>): Promise<boolean> {
  const migrator = new Migrator({ db, provider });
  const list = await migrator.getMigrations();
  return list.every((m) => m.executedAt !== undefined);
}
