/**
 * 索引号 serials: `<prefix>/<YYYY>-<serial>`, one counter per prefix and year, taken
 * inside the publishing transaction so that concurrent publications never share one.
 */
import type { Kysely } from 'kysely';
import type { DB } from './schema.ts';

export async function nextSerial(db: Kysely<DB>, key: string): Promise<number> {
  await db
    .insertInto('index_sequences')
    .values({ prefix: key, last: 0 })
    .onConflict((oc) => oc.column('prefix').doNothing())
    .execute();
  const r = await db
    .updateTable('index_sequences')
    .set((eb) => ({ last: eb('last', '+', 1) }))
    .where('prefix', '=', key)
    .returning('last')
    .executeTakeFirstOrThrow();
  return r.last;
}

/** Keeps the counter at or above a serial taken from elsewhere (a 索引号 imported with its record). */
export async function reserveSerial(db: Kysely<DB>, key: string, serial: number): Promise<void> {
  await db
    .insertInto('index_sequences')
    .values({ prefix: key, last: 0 })
    .onConflict((oc) => oc.column('prefix').doNothing())
    .execute();
  await db.updateTable('index_sequences').set({ last: serial }).where('prefix', '=', key).where('last', '<', serial).execute();
}
