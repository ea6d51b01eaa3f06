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

/**
 * The site's absolute origin for addresses read outside the page (QR codes, feeds, the
 * sitemap): the configured domain over HTTPS, never a request's Host header (a cached page
 * must not carry a forged host); without a configured domain, the address the request came to.
 */
export function siteOrigin(site: SiteInfo, request: { protocol: string; host: string }): string {
  if (site.domain !== 'localhost' && /^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d{1,5})?$/i.test(site.domain)) return `https://${site.domain}`;
  return `${request.protocol}://${request.host}`;
}
