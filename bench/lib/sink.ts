/**
 * Writing generated rows fast, straight through the driver: one transaction of prepared
 * statements on SQLite (better-sqlite3), batches of `INSERT … SELECT FROM unnest(…)` on
 * PostgreSQL (one array parameter per column). Rows carry their own ids, so identity
 * sequences are moved past them at the end.
 */
import SQLite from 'better-sqlite3';
import pg from 'pg';

export type PgType = 'int' | 'bigint' | 'text';
/** Tables and their columns in row order (and in foreign-key order: a table only refers to earlier ones). */
export type Columns = Record<string, Record<string, PgType>>;

/** The columns written for each table, in row order, with their PostgreSQL array type. */
export const tableColumns = {
  agencies: {
    id: 'int',
    parent_id: 'int',
    name: 'text',
    short_name: 'text',
    kind: 'text',
    code: 'text',
    may_make_rules: 'int',
    records_from: 'int',
    sort_order: 'int',
    created_at: 'text',
  },
  applications: {
    id: 'int',
    agency_id: 'int',
    receipt_no: 'text',
    applicant_type: 'text',
    applicant_name: 'text',
    channel: 'text',
    subject: 'text',
    received_date: 'text',
    closed_date: 'text',
    outcome: 'text',
    created_at: 'text',
  },
  appeals: {
    id: 'int',
    agency_id: 'int',
    application_id: 'int',
    track: 'text',
    case_no: 'text',
    body: 'text',
    filed_date: 'text',
    concluded_date: 'text',
    outcome: 'text',
    created_at: 'text',
  },
  catalogue_items: {
    id: 'int',
    agency_id: 'int',
    index_no: 'text',
    title: 'text',
    summary: 'text',
    body: 'text',
    category: 'text',
    topic: 'text',
    doc_no: 'text',
    document_kind: 'text',
    written_date: 'text',
    generated_date: 'text',
    published_at: 'text',
    published_date: 'text',
    disclosure_mode: 'text',
    scope: 'text',
    status: 'text',
    created_at: 'text',
  },
  validity_changes: { id: 'int', item_id: 'int', state: 'text', effective_date: 'text', reason: 'text', recorded_at: 'text' },
  decision_statistics: {
    agency_id: 'int',
    year: 'int',
    licensing: 'int',
    penalty: 'int',
    coercion: 'int',
    fees_fen: 'bigint',
    note: 'text',
    updated_at: 'text',
    updated_by: 'int',
  },
  report_narratives: {
    agency_id: 'int',
    year: 'int',
    overview: 'text',
    problems: 'text',
    other: 'text',
    signer: 'text',
    signed_date: 'text',
    updated_at: 'text',
    updated_by: 'int',
  },
} as const satisfies Record<string, Record<string, PgType>>;

export type TableName = keyof typeof tableColumns;
export type Row = (string | number | null)[];

export interface Sink<T extends string = TableName> {
  add(table: T, row: Row): void;
  /** Lets a buffering sink write what it holds (call between agencies). */
  drain(): Promise<void>;
  finish(): Promise<void>;
}

export function sqliteSink<C extends Columns = typeof tableColumns>(file: string, columns: C = tableColumns as Columns as C): Sink<keyof C & string> {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const statements = new Map<string, SQLite.Statement>();
  for (const t of Object.keys(columns)) {
    const cols = Object.keys(columns[t]!);
    statements.set(t, db.prepare(`INSERT INTO ${t} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`));
  }
  db.exec('BEGIN');
  return {
    add: (t, row) => void statements.get(t)!.run(row),
    drain: async () => {},
    async finish() {
      db.exec('COMMIT');
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  };
}

export async function postgresSink<C extends Columns = typeof tableColumns>(
  url: string,
  schema: string,
  columns: C = tableColumns as Columns as C,
): Promise<Sink<keyof C & string>> {
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  const buffers = new Map<string, Row[]>();
  const batch = 5000;
  const flush = async (t: string) => {
    const rows = buffers.get(t);
    if (!rows?.length) return;
    buffers.set(t, []);
    const types = Object.values(columns[t]!);
    const arrays = types.map((_, i) => rows.map((r) => r[i] ?? null));
    await client.query(
      `INSERT INTO ${t} (${Object.keys(columns[t]!).join(', ')}) SELECT * FROM unnest(${types.map((ty, i) => `$${i + 1}::${ty}[]`).join(', ')})`,
      arrays,
    );
  };
  // Tables in foreign-key order: a batch never refers to a row still in a later buffer.
  const order = Object.keys(columns);
  const drainAll = async () => {
    for (const t of order) await flush(t);
  };
  await client.query('BEGIN');
  return {
    add(t, row) {
      let rows = buffers.get(t);
      if (!rows) buffers.set(t, (rows = []));
      rows.push(row);
    },
    async drain() {
      if ([...buffers.values()].some((rows) => rows.length >= batch)) await drainAll();
    },
    async finish() {
      await drainAll();
      for (const t of order) {
        if (!('id' in columns[t]!)) continue;
        await client.query(`SELECT setval(pg_get_serial_sequence('${t}', 'id'), (SELECT COALESCE(MAX(id), 0) + 1 FROM ${t}), false)`);
      }
      await client.query('COMMIT');
      await client.query('VACUUM ANALYZE'); // what autovacuum does after a bulk load: statistics and the visibility map
      await client.end();
    },
  };
}
