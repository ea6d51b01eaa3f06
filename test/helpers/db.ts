/**
 * Real databases for tests: a fresh SQLite file, or a fresh schema in the PostgreSQL
 * test database, migrated to the latest schema. `eachDialect` runs a suite on both.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { after, before, describe } from 'node:test';
import pg from 'pg';
import type { AppContext } from '../../src/app/context.ts';
import { openDatabase, type Database } from '../../src/store/db.ts';
import type { DialectName } from '../../src/store/dialect.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import { postgresSkip, postgresUrl } from './resources.ts';

/** The clock of the tests: 2026-11-27 10:00 in China. */
export const testNow = new Date('2026-11-27T02:00:00.000Z');

export interface TestDatabase {
  database: Database;
  ctx: AppContext;
  url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(dialect: DialectName, now: () => Date = () => testNow): Promise<TestDatabase> {
  const tag = `gk_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  let url: string;
  let cleanup: () => Promise<void>;
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-test-'));
    url = `file:${path.join(dir, 'test.db')}`;
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    const u = new URL(postgresUrl);
    u.searchParams.set('schema', tag);
    url = u.toString();
    cleanup = async () => {
      await withSchemaLock('exclusive', (client) => client.query(`DROP SCHEMA IF EXISTS ${tag} CASCADE`));
    };
  }
  const database = await openDatabase(url);
  if (dialect === 'postgres') await withSchemaLock('shared', () => migrateToLatest(database.db));
  else await migrateToLatest(database.db);
  return {
    database,
    url,
    ctx: { db: database.db, dialect, now },
    async drop() {
      await database.close();
      await cleanup();
    },
  };
}

/**
 * Kysely's migrator introspects the tables of every schema, and pg_get_serial_sequence fails
 * with 3F000 when another test process drops its schema in the middle of that query. Drops
 * take this advisory lock exclusively and migrations shared, so they never overlap.
 */
const schemaLockKey = 0x676b5f73;

async function withSchemaLock<T>(mode: 'shared' | 'exclusive', work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  const suffix = mode === 'shared' ? '_shared' : '';
  try {
    await client.query(`SELECT pg_advisory_lock${suffix}($1)`, [schemaLockKey]);
    return await work(client);
  } finally {
    await client.end();
  }
}

export const dialects: readonly DialectName[] = ['sqlite', 'postgres'];

/**
 * Runs `suite` once per database. `get()` gives the suite's database, created before its
 * tests and dropped after them; `setup` runs once on it (e.g. loading the demo).
 */
export function eachDialect(title: string, suite: (get: () => TestDatabase, dialect: DialectName) => void, setup?: (t: TestDatabase) => Promise<void>): void {
  for (const dialect of dialects) {
    describe(`${title} [${dialect}]`, { skip: dialect === 'postgres' ? skipPostgres : false }, () => {
      let t: TestDatabase | undefined;
      before(async () => {
        t = await createTestDatabase(dialect);
        if (setup) await setup(t);
      });
      after(async () => t?.drop());
      suite(() => {
        if (!t) throw new Error('test database not ready');
        return t;
      }, dialect);
    });
  }
}

const skipPostgres = await postgresSkip();
