import type { Kysely } from 'kysely';
import type { Agency } from '../domain/agencies/agency.ts';
import type { AgencyKind } from '../law/agency-kinds.ts';
import type { AgencyRow, DB } from './schema.ts';

export function toAgency(r: AgencyRow): Agency {
  return {
    id: r.id,
    parentId: r.parent_id,
    name: r.name,
    shortName: r.short_name,
    kind: r.kind as AgencyKind,
    code: r.code,
    mayMakeRules: r.may_make_rules === 1,
    recordsFrom: r.records_from,
  };
}

export async function listAgencies(db: Kysely<DB>): Promise<Agency[]> {
  const rows = await db.selectFrom('agencies').selectAll().orderBy('sort_order').orderBy('id').execute();
  return rows.map(toAgency);
}

export async function getAgency(db: Kysely<DB>, id: number): Promise<Agency | undefined> {
  const r = await db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toAgency(r);
}

/** Finds an agency by id, full name or short name (as the CLI's --agency takes it). */
export async function findAgency(db: Kysely<DB>, ref: string): Promise<Agency[]> {
  const trimmed = ref.trim();
  const rows = await db
    .selectFrom('agencies')
    .selectAll()
    .where((eb) => {
      const byName = [eb('name', '=', trimmed), eb('short_name', '=', trimmed)];
      return /^\d+$/.test(trimmed) ? eb.or([eb('id', '=', Number(trimmed)), ...byName]) : eb.or(byName);
    })
    .orderBy('id')
    .execute();
  return rows.map(toAgency);
}

export async function insertAgency(db: Kysely<DB>, a: Omit<Agency, 'id'> & { sortOrder: number; createdAt: string }): Promise<number> {
  const r = await db
    .insertInto('agencies')
    .values({
      parent_id: a.parentId,
      name: a.name,
      short_name: a.shortName,
      kind: a.kind,
      code: a.code,
      may_make_rules: a.mayMakeRules ? 1 : 0,
      records_from: a.recordsFrom,
      sort_order: a.sortOrder,
      created_at: a.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}
