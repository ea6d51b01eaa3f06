/**
 * What every app function receives: the database and the clock. The clock is read here,
 * at the edge, and passed to the domain as plain dates.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../store/schema.ts';
import type { DialectName } from '../store/dialect.ts';

export interface AppContext {
  db: Kysely<DB>;
  dialect: DialectName;
  now: () => Date;
}

export const nowIso = (ctx: AppContext) => ctx.now().toISOString();
