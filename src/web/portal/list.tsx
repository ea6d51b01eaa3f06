/**
 * Lists of published items: the county's (/items) and an agency's (/agencies/:id/items),
 * filtered by agency, column, 主题分类 (first level) and year with a GET form, paged.
 *
 * A list at its own address (as the form and the pager make it) is kept as rendered
 * (page-cache.ts) until an item is published, corrected or withdrawn or an agency changes
 * (src/app/catalog/portal-changes.ts); its count, the years of the year filter and the
 * agencies are kept the same way, so only the page of rows is read for a new page.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { changeMark, listsChangedSince, noticeOtherWriters } from '../../app/catalog/portal-changes.ts';
import type { AppContext } from '../../app/context.ts';
import type { Agency } from '../../domain/agencies/agency.ts';
import { catalogueCategories, categoryKeys, isCategoryKey, statutoryCategoryKeys, type CategoryKey } from '../../law/catalogue-categories.ts';
import { topics } from '../../law/topics.ts';
import { listAgencies } from '../../store/agencies.repo.ts';
import { countPublishedItems, listPublishedItems, publishedYears } from '../../store/catalogue.repo.ts';
import { siteInfo } from '../site.ts';
import { Breadcrumbs, Pager, positiveInt, SelectField } from '../views/components.tsx';
import { Layout } from '../views/layout.tsx';
import { renderPage, sendHtml } from '../views/page.ts';
import { agencyOr404, one } from './lookup.ts';
import { isFresh, listFacts, pageCache, pageKey } from './page-cache.ts';
import { agencyFeed, countyFeed, ItemTable } from './parts.tsx';

const pageSize = 20;
/** Columns a list can show: every catalogue column (年报 have their own pages); 法定主动公开内容 means all its sub-columns. */
const listCategories: readonly CategoryKey[] = categoryKeys.filter((k) => k !== 'annualReports');

interface Filters {
  agency: Agency | undefined;
  category: CategoryKey | undefined;
  topic: string | undefined;
  year: number | undefined;
  page: number;
}

function readFilters(query: Record<string, unknown>, agencies: readonly Agency[], fixed: Agency | undefined): Filters {
  const agencyId = positiveInt(one(query.agency));
  const category = one(query.category);
  const topic = one(query.topic);
  const year = one(query.year);
  return {
    agency: fixed ?? agencies.find((a) => a.id === agencyId),
    category: isCategoryKey(category) && listCategories.includes(category) ? category : undefined,
    topic: Object.hasOwn(topics, topic) ? topic : undefined,
    year: /^(19|20|21)\d\d$/.test(year) ? Number(year) : undefined,
    page: positiveInt(one(query.page)) ?? 1,
  };
}

/** The query string of a filtered list (the fixed agency of an agency's list is in its path). */
function queryOf(f: Filters, withAgency: boolean, page?: number): string {
  const p = new URLSearchParams();
  if (withAgency && f.agency) p.set('agency', String(f.agency.id));
  if (f.category) p.set('category', f.category);
  if (f.topic) p.set('topic', f.topic);
  if (f.year) p.set('year', String(f.year));
  if (page && page > 1) p.set('page', String(page));
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** What is kept between requests until the lists change (`what` names it). */
function remembered<T>(ctx: AppContext, what: string, read: () => Promise<T>): Promise<T> {
  return listFacts(ctx.db).get(
    what,
    () => changeMark(ctx.db),
    (mark) => listsChangedSince(ctx.db, mark),
    read,
  );
}

async function listPage(ctx: AppContext, request: FastifyRequest, fixed: Agency | undefined) {
  const agencies = await remembered(ctx, 'agencies', () => listAgencies(ctx.db));
  const f = readFilters(request.query as Record<string, unknown>, agencies, fixed);
  const filter = {
    agencyId: f.agency?.id,
    categories: f.category === 'statutory' ? statutoryCategoryKeys : f.category ? [f.category] : undefined,
    topic: f.topic,
    year: f.year,
  };
  const [site, total, items, years] = await Promise.all([
    siteInfo(ctx.db),
    remembered(ctx, `count ${JSON.stringify(filter)}`, () => countPublishedItems(ctx.db, filter)),
    listPublishedItems(ctx.db, { ...filter, limit: pageSize, offset: (f.page - 1) * pageSize }),
    remembered(ctx, `years ${fixed?.id ?? ''}`, () => publishedYears(ctx.db, fixed?.id)),
  ]);
  return { site, agencies, f, total, items, years, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

/**
 * Sends the list kept for this request, else renders it with `render` (which gives the
 * list's own address) and keeps it when the request asked for exactly that address.
 */
async function cachedList(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, render: () => Promise<{ html: string; canonical: string }>) {
  const polled = noticeOtherWriters(ctx.db);
  if (polled) await polled;
  const cache = pageCache(ctx.db);
  const key = pageKey(request.raw, request.cookies);
  const kept = cache.get(key);
  if (kept && isFresh(ctx.db, kept)) return sendHtml(reply, kept.head);
  const mark = changeMark(ctx.db);
  const { html, canonical } = await render();
  const page = { head: Buffer.from(html), tail: null, mark, itemId: null };
  if (request.url === canonical && isFresh(ctx.db, page)) cache.set(key, page);
  return sendHtml(reply, page.head);
}

const FilterForm = ({ action, f, agencies, years }: { action: string; f: Filters; agencies: readonly Agency[] | null; years: readonly number[] }) => (
  <form method="get" action={action} class="filters" aria-label="筛选">
    {agencies ? (
      <SelectField name="agency" label="发布机构" value={f.agency?.id} options={agencies.map((a) => [a.id, a.name] as const)} empty="全部机构" />
    ) : (
      ''
    )}
    <SelectField
      name="category"
      label="栏目"
      value={f.category}
      options={listCategories.map((k) => [k, catalogueCategories[k].parent ? `　${catalogueCategories[k].label}` : catalogueCategories[k].label] as const)}
      empty="全部栏目"
    />
    <SelectField name="topic" label="主题分类" value={f.topic} options={Object.keys(topics).map((t) => [t, t] as const)} empty="全部主题" />
    <SelectField name="year" label="公开年度" value={f.year} options={years.map((y) => [y, `${y}年`] as const)} empty="全部年度" />
    <div class="field actions">
      <button type="submit">筛选</button>
      <a href={action}>清除筛选</a>
    </div>
  </form>
);

export async function listRoutes(app: FastifyInstance, opts: { ctx: AppContext }) {
  const { ctx } = opts;

  app.get('/items', async (request, reply) =>
    cachedList(ctx, request, reply, async () => {
      const { site, agencies, f, total, items, years, pages } = await listPage(ctx, request, undefined);
      const column = f.category ? catalogueCategories[f.category].label : '公开信息';
      const feeds = [f.agency ? agencyFeed(f.agency) : countyFeed(site.name)];
      const html = renderPage(
        reply,
        <Layout title={column} site={site} meta={{ ColumnName: column }} feeds={feeds}>
          <Breadcrumbs
            trail={[
              ['首页', '/'],
              ['公开信息', null],
            ]}
          />
          <h1>公开信息</h1>
          <FilterForm action="/items" f={f} agencies={agencies} years={years} />
          <Results total={total} page={f.page} pages={pages}>
            <ItemTable items={items} caption={`${column}列表`} showAgency />
          </Results>
          <Pager page={f.page} pages={pages} href={(p) => `/items${queryOf(f, true, p)}`} />
        </Layout>,
      );
      return { html, canonical: `/items${queryOf(f, true, f.page)}` };
    }),
  );

  app.get<{ Params: { id: string } }>('/agencies/:id/items', async (request, reply) =>
    cachedList(ctx, request, reply, async () => {
      const agency = await agencyOr404(ctx, request.params.id);
      const { site, f, total, items, years, pages } = await listPage(ctx, request, agency);
      const column = f.category ? catalogueCategories[f.category].label : '全部公开信息';
      const feedCategory = f.category && f.category !== 'statutory' ? f.category : undefined;
      const feeds = [
        feedCategory ? { title: `${agency.name}${column}`, href: `/agencies/${agency.id}/feed.atom?category=${feedCategory}` } : agencyFeed(agency),
      ];
      const base = `/agencies/${agency.id}/items`;
      const html = renderPage(
        reply,
        <Layout title={`${agency.shortName} ${column}`} site={site} meta={{ ColumnName: column, ContentSource: agency.name }} feeds={feeds}>
          <Breadcrumbs
            trail={[
              ['首页', '/'],
              ['政府信息公开', '/agencies'],
              [agency.name, `/agencies/${agency.id}`],
              [column, null],
            ]}
          />
          <h1>
            {agency.shortName} · {column}
          </h1>
          <nav aria-label="栏目" class="tabs">
            <ul>
              {statutoryCategoryKeys.map((k) => (
                <li>
                  <a href={`${base}?category=${k}`} aria-current={k === f.category ? 'page' : undefined}>
                    {catalogueCategories[k].label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <FilterForm action={base} f={f} agencies={null} years={years} />
          <Results total={total} page={f.page} pages={pages}>
            <ItemTable items={items} caption={`${column}列表`} />
          </Results>
          <Pager page={f.page} pages={pages} href={(p) => `${base}${queryOf(f, false, p)}`} />
          <p>
            <a href={feeds[0]!.href}>订阅本栏目（Atom）</a>
          </p>
        </Layout>,
      );
      return { html, canonical: `${base}${queryOf(f, false, f.page)}` };
    }),
  );
}

const Results = ({ total, page, pages, children }: { total: number; page: number; pages: number; children: unknown }) => (
  <section aria-labelledby="results" class="results">
    <h2 id="results" class="result-count">
      共{total}条{total > 0 && pages > 1 ? `，第${Math.min(page, pages)}/${pages}页` : ''}
    </h2>
    {total === 0 ? <p>没有符合条件的信息。</p> : page > pages ? <p>没有这一页。</p> : (children as never)}
  </section>
);
