import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isBusy, retryBusy } from '../../src/store/db.ts';
import { createTestDatabase } from '../helpers/db.ts';

test('busy databases are recognised: SQLite busy/locked, PostgreSQL serialization failure and deadlock', () => {
  for (const code of ['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_LOCKED', '40001', '40P01']) assert.equal(isBusy({ code }), true, code);
  for (const e of [{ code: 'SQLITE_CONSTRAINT_UNIQUE' }, { code: '23505' }, new Error('x'), null]) assert.equal(isBusy(e), false);
});

test('a busy transaction is run again; any other error is not', async () => {
  let runs = 0;
  const result = await retryBusy(async () => {
    if (++runs < 3) throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    return 'done';
  });
  assert.deepEqual([result, runs], ['done', 3]);
  runs = 0;
  await assert.rejects(
    retryBusy(async () => {
      runs++;
      throw Object.assign(new Error('UNIQUE constraint failed'), { code: 'SQLITE_CONSTRAINT_UNIQUE' });
    }),
    /UNIQUE/,
  );
  assert.equal(runs, 1);
});

test('SQLite transactions take the write lock when they begin (BEGIN IMMEDIATE)', async () => {
  const t = await createTestDatabase('sqlite');
  try {
    // Inside a transaction that has only read, the file is already reserved: another
    // connection cannot begin writing (it would have been free under a deferred BEGIN).
    const { default: SQLite } = await import('better-sqlite3');
    const other = new SQLite(t.url.slice('file:'.length));
    other.pragma('busy_timeout = 0');
    try {
      await t.database.db.transaction().execute(async (trx) => {
        await trx.selectFrom('settings').select('key').execute();
        assert.throws(() => other.exec('begin immediate'), { code: 'SQLITE_BUSY' });
      });
      other.exec('begin immediate');
      other.exec('rollback');
    } finally {
      other.close();
    }
  } finally {
    await t.drop();
  }
});
