/** The portal's identity (政府网站发展指引: SiteName, SiteDomain, SiteIDCode), from settings with defaults. */
import type { Kysely } from 'kysely';
import type { DB } from '../store/schema.ts';
import { getSetting } from '../store/settings.repo.ts';

export interface SiteInfo {
  name: string;
  domain: string;
  idCode: string;
  /** The public address (https://www.….gov.cn) when one is configured (setting site.origin). */
  origin: string | null;
}

export async function siteInfo(db: Kysely<DB>): Promise<SiteInfo> {
  const [name, domain, idCode, origin, root] = await Promise.all([
    getSetting(db, 'site.name'),
    getSetting(db, 'site.domain'),
    getSetting(db, 'site.idCode'),
    getSetting(db, 'site.origin'),
    db.selectFrom('agencies').select('name').where('parent_id', 'is', null).orderBy('sort_order').orderBy('id').executeTakeFirst(),
  ]);
  return {
    name: name ?? root?.name ?? '政府信息公开平台',
    domain: domain ?? 'localhost',
    idCode: idCode ?? '',
    origin: origin && /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i.test(origin) ? origin : null,
  };
}

/**
 * The site's absolute origin for addresses read outside the page (QR codes, feeds, the
 * sitemap): the configured public address (site.origin) in production, so that a cached page
 * never carries a forged Host header; without one (a local or demo installation), the address
 * the request came to, so that a phone on the same network opens this very server.
 */
export function siteOrigin(site: SiteInfo, request: { protocol: string; host: string }): string {
  return site.origin ?? `${request.protocol}://${request.host}`;
}
