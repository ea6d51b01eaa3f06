/**
 * Opening the configured database: SQLite through better-sqlite3 (`file:<path>`) or
 * PostgreSQL through pg (`postgres://…`, optionally `?schema=<name>`). Errors come back
 * as one Chinese line that names DATABASE_URL, for the CLI to print.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDialectConfig } from 'kysely';
import type { DB } from './schema.ts';
import type { DialectName } from './dialect.ts';

export const defaultDatabaseUrl = 'file:./data/gongkai.db';

export interface Database {
  db: Kysely<DB>;
  dialect: DialectName;
  /** Where the data lives, for messages (never includes a password). */
  location: string;
  close(): Promise<void>;
}

import { DatabaseUnavailable } from './errors.ts';

export { DatabaseUnavailable };

export interface OpenOptions {
  /** For commands that only read: never create a new SQLite file. */
  mustExist?: boolean;
}

// PostgreSQL returns bigint (count(*), sums) as text; every such value here is a count or 分 well within 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export async function openDatabase(url: string = defaultDatabaseUrl, options: OpenOptions = {}): Promise<Database> {
  if (url.startsWith('file:')) return openSqlite(url.slice('file:'.length), options);
  if (/^postgres(ql)?:\/\//.test(url)) return openPostgres(url);
  throw new DatabaseUnavailable(`DATABASE_URL 格式不正确：“${url}”，应为 file:<路径> 或 postgres://用户@主机:端口/数据库`);
}

function openSqlite(file: string, options: OpenOptions): Database {
  if (file === '') throw new DatabaseUnavailable('DATABASE_URL 缺少 SQLite 文件路径（file:<路径>）');
  const resolved = path.resolve(file);
  if (options.mustExist && !fs.existsSync(resolved)) {
    throw new DatabaseUnavailable(`数据库文件不存在：${file}（可先运行 npx gongkai demo 载入演示数据）`);
  }
  let sqlite: SQLite.Database;
  try {
    if (!options.mustExist) fs.mkdirSync(path.dirname(resolved), { recursive: true });
    sqlite = new SQLite(resolved, { fileMustExist: Boolean(options.mustExist) });
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    // Another process's write transaction is waited for, up to 5 s, instead of failing at once.
    sqlite.pragma('busy_timeout = 5000');
  } catch (e) {
    throw new DatabaseUnavailable(`无法打开数据库文件 ${file}：${(e as Error).message}`);
  }
  const db = new Kysely<DB>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', location: file, close: () => db.destroy() };
}

/**
 * Transactions on SQLite begin IMMEDIATE: they take the write lock at once, waiting (busy
 * timeout) while another process holds it. A deferred transaction that read first fails
 * with "database is locked" when it comes to write after another process has written,
 * with no waiting at all; that was the HTTP 500 of two processes on one file (issue 15).
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

/** SQLite's busy and locked codes, PostgreSQL's serialization failure and deadlock: worth running the transaction again. */
export function isBusy(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (/^SQLITE_(BUSY|LOCKED)/.test(code) || code === '40001' || code === '40P01');
}

/**
 * Runs `work` (a whole transaction) again when the database was busy: up to 6 times, after
 * a growing, jittered pause that leaves the event loop free.
 */
export async function retryBusy<T>(work: () => Promise<T>, attempts = 6): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await work();
    } catch (e) {
      if (i >= attempts || !isBusy(e)) throw e;
      await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** i * (0.5 + Math.random())));
    }
  }
}

async function openPostgres(url: string): Promise<Database> {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema');
  parsed.searchParams.delete('schema');
  const location = `postgres://${parsed.username ? `${parsed.username}@` : ''}${parsed.host}${parsed.pathname}`;
  if (schema !== null && !/^[a-z_][a-z0-9_]*$/.test(schema)) {
    throw new DatabaseUnavailable(`DATABASE_URL 的 schema 参数“${schema}”只能包含小写字母、数字和下划线`);
  }
  const pool = new pg.Pool({
    connectionString: parsed.toString(),
    connectionTimeoutMillis: 5000,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client's network error must not crash the process.
  pool.on('error', () => {});
  try {
    const client = await pool.connect();
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    client.release();
  } catch (e) {
    await pool.end().catch(() => {});
    throw new DatabaseUnavailable(`无法连接数据库 ${location}：${(e as Error).message || (e as { code?: string }).code}`);
  }
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', location, close: () => db.destroy() };
}
