/**
 * A benchmark's own database: a fresh temporary SQLite file, or with `pg` a fresh schema in
 * BENCH_DATABASE_URL (default postgres://root@127.0.0.1:5432/test); `drop()` removes it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/store/db.ts';
import { postgresSink, sqliteSink, type Columns, type Sink } from './sink.ts';

export const pgUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';

export interface BenchDatabase<C extends Columns> {
  database: Database;
  url: string;
  /** A bulk writer into the same database (its own connection). */
  sink: () => Promise<Sink<keyof C & string>>;
  drop(): Promise<void>;
}

export async function benchDatabase<C extends Columns>(usePg: boolean, columns: C): Promise<BenchDatabase<C>> {
  if (usePg) {
    const schema = `gk_bench_${crypto.randomBytes(4).toString('hex')}`;
    const u = new URL(pgUrl);
    u.searchParams.set('schema', schema);
    const database = await openDatabase(u.toString());
    return {
      database,
      url: u.toString(),
      sink: () => postgresSink(pgUrl, schema, columns),
      async drop() {
        await database.close();
        const client = new pg.Client({ connectionString: pgUrl });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await client.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-bench-'));
  const file = path.join(dir, 'bench.db');
  const database = await openDatabase(`file:${file}`);
  return {
    database,
    url: `file:${file}`,
    sink: async () => sqliteSink(file, columns),
    async drop() {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
