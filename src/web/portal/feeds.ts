/**
 * Machine-readable views of the portal: Atom feeds of the latest published items (the
 * county's, an agency's, an agency's column) and the sitemap, split into an index of
 * files past 50,000 URLs (the sitemaps.org limit).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app/context.ts';
import type { Agency } from '../../domain/agencies/agency.ts';
import { NotFoundError } from '../../domain/shared/result.ts';
import { categoryLabel, isCategoryKey, statutoryCategoryKeys } from '../../law/catalogue-categories.ts';
import { listAgencies } from '../../store/agencies.repo.ts';
import { latestPublishedItems } from '../../store/catalogue.repo.ts';
import { columnsWithItems, countPublishedTotal, currentReportPages, sitemapItems } from '../../store/portal.repo.ts';
import { siteInfo, siteOrigin } from '../site.ts';
import { agencyOr404, one } from './lookup.ts';
import { atomXml, sitemapFiles, sitemapIndexXml, urlsetXml, type SitemapUrl } from './xml.ts';

const feedSize = 50;

export interface FeedOptions {
  ctx: AppContext;
  /** URLs per sitemap file (50,000 by the protocol; smaller in tests). */
  sitemapUrlsPerFile?: number;
}

export async function feedRoutes(app: FastifyInstance, opts: FeedOptions) {
  const { ctx } = opts;
  const perFile = opts.sitemapUrlsPerFile ?? 50_000;

  async function sendFeed(request: FastifyRequest, reply: FastifyReply, scope: { agency?: Agency; category?: string }) {
    const site = await siteInfo(ctx.db);
    const origin = siteOrigin(site, request);
    const categories = scope.category === 'statutory' ? statutoryCategoryKeys : scope.category ? [scope.category] : undefined;
    const items = await latestPublishedItems(ctx.db, { agencyId: scope.agency?.id, categories, limit: feedSize });
    const columnLabel = scope.category ? categoryLabel(scope.category) : '';
    const path = scope.agency ? `/agencies/${scope.agency.id}/feed.atom${scope.category ? `?category=${scope.category}` : ''}` : '/feed.atom';
    const htmlPath = scope.agency
      ? scope.category
        ? `/agencies/${scope.agency.id}/items?category=${scope.category}`
        : `/agencies/${scope.agency.id}`
      : '/items';
    const xml = atomXml({
      id: `${origin}${path}`,
      title: scope.agency ? `${scope.agency.name}政府信息公开${columnLabel ? `·${columnLabel}` : ''}` : `${site.name}政府信息公开`,
      selfUrl: `${origin}${path}`,
      htmlUrl: `${origin}${htmlPath}`,
      updated: items.reduce((max, i) => (i.updated_at > max ? i.updated_at : max), '') || ctx.now().toISOString(),
      author: scope.agency?.name ?? site.name,
      entries: items.map((i) => ({
        id: `${origin}/items/${i.id}`,
        title: i.title,
        url: `${origin}/items/${i.id}`,
        updated: i.updated_at,
        published: i.published_at ?? i.updated_at,
        summary: i.summary || i.excerpt.replace(/\s+/g, ' ').slice(0, 200),
        author: i.agency_name,
        category: categoryLabel(i.category),
      })),
    });
    return reply.type('application/atom+xml; charset=utf-8').send(xml);
  }

  app.get('/feed.atom', async (request, reply) => sendFeed(request, reply, {}));

  app.get<{ Params: { id: string } }>('/agencies/:id/feed.atom', async (request, reply) => {
    const agency = await agencyOr404(ctx, request.params.id);
    const category = one((request.query as Record<string, unknown>).category);
    if (category && (!isCategoryKey(category) || category === 'annualReports')) throw new NotFoundError('没有这个栏目。');
    return sendFeed(request, reply, { agency, ...(category ? { category } : {}) });
  });

  /** The site's pages besides items: home, lists, each agency's column, 指南, 年报 and columns, every current annual report. */
  async function pageUrls(origin: string): Promise<SitemapUrl[]> {
    const [agencies, columns, reports] = await Promise.all([listAgencies(ctx.db), columnsWithItems(ctx.db), currentReportPages(ctx.db)]);
    const columnsOf = new Map<number, string[]>();
    for (const c of columns) {
      const list = columnsOf.get(c.agency_id) ?? [];
      list.push(c.category);
      columnsOf.set(c.agency_id, list);
    }
    const urls: SitemapUrl[] = ['/', '/agencies', '/items', '/annual-reports'].map((p) => ({ loc: `${origin}${p}` }));
    for (const a of agencies) {
      for (const p of ['', '/guide', '/annual-reports']) urls.push({ loc: `${origin}/agencies/${a.id}${p}` });
      for (const c of columnsOf.get(a.id) ?? []) urls.push({ loc: `${origin}/agencies/${a.id}/items?category=${encodeURIComponent(c)}` });
    }
    for (const r of reports) urls.push({ loc: `${origin}/annual-reports/${r.id}`, lastmod: r.published_at });
    return urls;
  }

  const itemUrls = async (origin: string, limit: number, offset: number): Promise<SitemapUrl[]> =>
    (await sitemapItems(ctx.db, { limit, offset })).map((i) => ({ loc: `${origin}/items/${i.id}`, lastmod: i.lastmod }));

  const sendXml = (reply: FastifyReply, xml: string) => reply.type('application/xml; charset=utf-8').send(xml);

  app.get('/robots.txt', async (request, reply) => {
    const origin = siteOrigin(await siteInfo(ctx.db), request);
    // Staff pages are not for search engines; everything public is, through the sitemap.
    return reply.type('text/plain; charset=utf-8').send(`User-agent: *\nDisallow: /admin\nSitemap: ${origin}/sitemap.xml\n`);
  });

  app.get('/sitemap.xml', async (request, reply) => {
    const origin = siteOrigin(await siteInfo(ctx.db), request);
    const [pages, items] = await Promise.all([pageUrls(origin), countPublishedTotal(ctx.db)]);
    const split = sitemapFiles(pages.length, items, perFile);
    if (split.single) return sendXml(reply, urlsetXml([...pages, ...(await itemUrls(origin, items, 0))]));
    return sendXml(reply, sitemapIndexXml(split.files.map((f) => `${origin}/sitemaps/${f}`)));
  });

  app.get<{ Params: { file: string } }>('/sitemaps/:file', async (request, reply) => {
    const m = /^(pages|items)-([1-9]\d{0,5})\.xml$/.exec(request.params.file);
    if (!m) throw new NotFoundError('没有这个站点地图文件。');
    const n = Number(m[2]);
    const origin = siteOrigin(await siteInfo(ctx.db), request);
    const urls = m[1] === 'pages' ? (await pageUrls(origin)).slice((n - 1) * perFile, n * perFile) : await itemUrls(origin, perFile, (n - 1) * perFile);
    if (urls.length === 0) throw new NotFoundError('没有这个站点地图文件。');
    return sendXml(reply, urlsetXml(urls));
  });
}
