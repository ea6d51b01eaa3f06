/** What the portal reads besides the catalogue: the agencies' 指南 contacts and the sitemap's pages. */
import type { Kysely } from 'kysely';
import type { DB } from './schema.ts';

/** The 政府信息公开工作机构 of an agency and how to reach it (条例 第十二条). Empty text: not recorded. */
export interface AgencyContacts {
  officeName: string;
  officeAddress: string;
  officeHours: string;
  officePhone: string;
  officeFax: string;
  officeEmail: string;
  postcode: string;
}

export async function getAgencyContacts(db: Kysely<DB>, agencyId: number): Promise<AgencyContacts | undefined> {
  const r = await db
    .selectFrom('agencies')
    .select(['office_name', 'office_address', 'office_hours', 'office_phone', 'office_fax', 'office_email', 'postcode'])
    .where('id', '=', agencyId)
    .executeTakeFirst();
  return (
    r && {
      officeName: r.office_name,
      officeAddress: r.office_address,
      officeHours: r.office_hours,
      officePhone: r.office_phone,
      officeFax: r.office_fax,
      officeEmail: r.office_email,
      postcode: r.postcode,
    }
  );
}

export async function saveAgencyContacts(db: Kysely<DB>, agencyId: number, c: AgencyContacts): Promise<void> {
  await db
    .updateTable('agencies')
    .set({
      office_name: c.officeName,
      office_address: c.officeAddress,
      office_hours: c.officeHours,
      office_phone: c.officePhone,
      office_fax: c.officeFax,
      office_email: c.officeEmail,
      postcode: c.postcode,
    })
    .where('id', '=', agencyId)
    .execute();
}

/** Published items for a sitemap file, by id, with the time of their current version. */
export async function sitemapItems(db: Kysely<DB>, q: { limit: number; offset: number }) {
  const rows = await db
    .selectFrom('catalogue_items as i')
    .select([
      'i.id',
      'i.published_at',
      (eb) =>
        eb
          .selectFrom('item_versions as v')
          .select((v) => v.fn.max('v.published_at').as('m'))
          .whereRef('v.item_id', '=', 'i.id')
          .where('v.state', 'in', ['published', 'superseded'])
          .as('updated_at'),
    ])
    .where('i.status', '=', 'published')
    .orderBy('i.id')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return rows.map((r) => ({ id: r.id, lastmod: (r.updated_at as string | null) ?? r.published_at }));
}

export async function countPublishedTotal(db: Kysely<DB>): Promise<number> {
  const r = await db
    .selectFrom('catalogue_items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'published')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The current version of every annual report (one per agency and year). */
export async function currentReportPages(db: Kysely<DB>) {
  const rows = await db.selectFrom('annual_reports').select(['id', 'agency_id', 'year', 'version', 'published_at']).orderBy('version', 'desc').execute();
  const seen = new Set<string>();
  return rows.filter((r) => {
    const k = `${r.agency_id}/${r.year}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Every agency's columns that hold published items, for the sitemap. */
export async function columnsWithItems(db: Kysely<DB>) {
  return db
    .selectFrom('catalogue_items')
    .select(['agency_id', 'category'])
    .where('status', '=', 'published')
    .groupBy(['agency_id', 'category'])
    .orderBy('agency_id')
    .orderBy('category')
    .execute();
}
