/** The portal's identity (政府网站发展指引: SiteName, SiteDomain, SiteIDCode), from settings with defaults. */
import type { Kysely } from 'kysely';
import type { DB } from '../store/schema.ts';
import { getSetting } from '../store/settings.repo.ts';

export interface SiteInfo {
  name: string;
  domain: string;
  idCode: string;
}

export async function siteInfo(db: Kysely<DB>): Promise<SiteInfo> {
  const [name, domain, idCode, root] = await Promise.all([
    getSetting(db, 'site.name'),
    getSetting(db, 'site.domain'),
    getSetting(db, 'site.idCode'),
    db.selectFrom('agencies').select('name').where('parent_id', 'is', null).orderBy('sort_order').orderBy('id').executeTakeFirst(),
  ]);
  return { name: name ?? root?.name ?? '政府信息公开平台', domain: domain ?? 'localhost', idCode: idCode ?? '' };
}
