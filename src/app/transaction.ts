import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../store/schema.ts';
import type { AppContext } from './context.ts';
import { retryBusy } from '../store/db.ts';

/**
 * Runs `fn` in one transaction: a new one, or the caller's when the context already
 * holds one (the demo loader publishes reports inside its own transaction). A new one
 * that finds the database busy (another process writing) is rolled back and run again,
 * so `fn` must do nothing outside the database.
 */
export async function inTransaction<T>(ctx: AppContext, fn: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return fn(ctx.db as Transaction<DB>);
  return retryBusy(() => ctx.db.transaction().execute((trx) => fn(trx)));
}
