import type { Kysely } from 'kysely';
import type { DB } from './schema.ts';

export async function getSetting(db: Kysely<DB>, key: string): Promise<string | undefined> {
  const r = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return r?.value;
}

export async function setSetting(db: Kysely<DB>, key: string, value: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/** Sets the value only if the key is new, and returns whichever value is stored. */
export async function settingOnce(db: Kysely<DB>, key: string, value: string): Promise<string> {
  await db
    .insertInto('settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  return (await getSetting(db, key)) ?? value;
}

/** The settings whose keys start with `prefix` (e.g. `reports.`; no `%` or `_` in it), by key. */
export async function settingsStartingWith(db: Kysely<DB>, prefix: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).where('key', 'like', `${prefix}%`).execute();
  return new Map(rows.map((r) => [r.key, r.value]));
}
