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

/**
 * With `keep`, the database is named and kept after the run (a file or schema under that name,
 * see `keptPath`) so that a later run can use what an earlier one generated.
 */
export async function benchDatabase<C extends Columns>(usePg: boolean, columns: C, keep?: string): Promise<BenchDatabase<C>> {
  if (keep !== undefined && !/^[a-z0-9_]+$/.test(keep)) throw new Error(`--keep: a name of lowercase letters, digits and _, not “${keep}”`);
  if (usePg) {
    const schema = keep ? `gk_keep_${keep}` : `gk_bench_${crypto.randomBytes(4).toString('hex')}`;
    const u = new URL(pgUrl);
    u.searchParams.set('schema', schema);
    const database = await openDatabase(u.toString());
    return {
      database,
      url: u.toString(),
      sink: () => postgresSink(pgUrl, schema, columns),
      async drop() {
        await database.close();
        if (keep) return;
        const client = new pg.Client({ connectionString: pgUrl });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await client.end();
      },
    };
  }
  const dir = keep ? keptPath('') : fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-bench-'));
  fs.mkdirSync(dir, { recursive: true });
  const file = keep ? keptPath(`${keep}.db`) : path.join(dir, 'bench.db');
  const database = await openDatabase(`file:${file}`);
  return {
    database,
    url: `file:${file}`,
    sink: async () => sqliteSink(file, columns),
    async drop() {
      await database.close();
      if (keep) return;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Where kept databases and what was generated into them live (`--keep`). */
export const keptPath = (name: string) => path.join(os.tmpdir(), 'gongkai-bench-kept', name);
