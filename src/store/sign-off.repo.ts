/** Each agency's sign-off policy (migration 0013): absent means the default, 予以公开 without. */
import type { Kysely } from 'kysely';
import type { DB } from './schema.ts';

export async function getSignOffPolicy(db: Kysely<DB>, agencyId: number): Promise<{ grants: boolean; updatedBy: number | null; updatedAt: string | null }> {
  const r = await db.selectFrom('agency_sign_off').select(['grants', 'updated_by', 'updated_at']).where('agency_id', '=', agencyId).executeTakeFirst();
  return { grants: r?.grants === 1, updatedBy: r?.updated_by ?? null, updatedAt: r?.updated_at ?? null };
}

export async function saveSignOffPolicy(db: Kysely<DB>, agencyId: number, set: { grants: boolean; updatedBy: number; updatedAt: string }): Promise<void> {
  const values = { grants: set.grants ? 1 : 0, updated_by: set.updatedBy, updated_at: set.updatedAt };
  await db
    .insertInto('agency_sign_off')
    .values({ agency_id: agencyId, ...values })
    .onConflict((oc) => oc.column('agency_id').doUpdateSet(values))
    .execute();
}
