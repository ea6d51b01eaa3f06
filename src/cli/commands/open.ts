/** Opening the configured database for a command. */
import type { AppContext } from '../../app/context.ts';
import { rebuildSearchIndex } from '../../app/catalog/search-index.ts';
import { fieldError, InputError } from '../../domain/shared/result.ts';
import { defaultDatabaseUrl, openDatabase, type Database } from '../../store/db.ts';
import { isUpToDate, migrateToLatest } from '../../store/migrate.ts';
import type { Io } from '../main.ts';

export function databaseUrl(io: Io): string {
  return io.env.DATABASE_URL?.trim() || defaultDatabaseUrl;
}

/** For commands that only read: the database must exist and be at the current schema. */
export async function openForReading(io: Io): Promise<{ database: Database; ctx: AppContext }> {
  const database = await openDatabase(databaseUrl(io), { mustExist: true });
  try {
    if (!(await isUpToDate(database.db))) {
      throw new InputError([
        fieldError('DATABASE_URL', 'GK_SCHEMA', `数据库 ${database.location} 尚未建立或结构较旧，请先运行 npx gongkai migrate 或 npx gongkai demo`),
      ]);
    }
  } catch (e) {
    await database.close();
    throw e;
  }
  return { database, ctx: { db: database.db, dialect: database.dialect, now: () => new Date() } };
}

/** For commands that write: creates the database and brings its schema up to date. */
export async function openForWriting(io: Io): Promise<{ database: Database; ctx: AppContext; migrated: string[] }> {
  const database = await openDatabase(databaseUrl(io));
  try {
    const migrated = await migrateToLatest(database.db);
    const ctx: AppContext = { db: database.db, dialect: database.dialect, now: () => new Date() };
    // An upgrade that creates the search index fills it from the items already published.
    if (migrated.includes('0004-search')) await rebuildSearchIndex(ctx);
    return { database, ctx, migrated };
  } catch (e) {
    await database.close();
    throw e;
  }
}
