/**
 * The public portal: one site on which every agency of the county publishes (towns have
 * no site of their own). No session is read here; nothing personal is shown.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/context.ts';
import { agencyKinds, agencyKindKeys } from '../../law/agency-kinds.ts';
import { catalogueCategories, categoryKeys, isCategoryKey, reportedCategoryKeys } from '../../law/catalogue-categories.ts';
import { reportTitle } from '../../law/report-format/index.ts';
import { NotFoundError } from '../../domain/shared/result.ts';
import { chinaDate, portalDateTime } from '../../domain/shared/dates.ts';
import { getAgency, listAgencies } from '../../store/agencies.repo.ts';
import { countPublishedItems, getPublishedItem, listPublishedItems, publishedCountsByCategory } from '../../store/catalogue.repo.ts';
import { currentReportsOfAgency, getPublishedReport, latestPublications, reportVersions } from '../../store/reports.repo.ts';
import { formatInfo, reportFormats } from '../../render/report/index.ts';
import { ReportView } from '../../render/report/html.tsx';
import { siteInfo } from '../site.ts';
import { Layout } from '../views/layout.tsx';
import { Breadcrumbs, MetadataBlock, Pager, positiveInt } from '../views/components.tsx';
import { sendPage } from '../views/page.ts';
import { reportFormatOr404, sendReportFile } from '../report-files.ts';

const pageSize = 20;
const annualColumn = catalogueCategories.annualReports.label;

export async function portalRoutes(app: FastifyInstance, opts: { ctx: AppContext }) {
  const { ctx } = opts;

  app.get('/', async (_request, reply) => {
    const [site, agencies, latest] = await Promise.all([siteInfo(ctx.db), listAgencies(ctx.db), latestPublications(ctx.db, 8)]);
    return sendPage(
      reply,
      <Layout title="首页" site={site} meta={{ ColumnName: '首页' }}>
        <h1>政府信息公开</h1>
        <p class="lead">县政府及各乡镇、县直部门依照《中华人民共和国政府信息公开条例》在本平台统一公开政府信息。</p>
        <AgencyDirectory agencies={agencies} />
        <section aria-labelledby="latest-reports">
          <h2 id="latest-reports">最新发布的政府信息公开工作年度报告</h2>
          <ul class="link-list">
            {latest.map((r) => (
              <li>
                <a href={`/annual-reports/${r.id}`}>{reportTitle(r.name, r.year)}</a>
                {r.version > 1 ? <span class="tag">更正版</span> : ''}
                <time datetime={r.published_at}>{chinaDate(r.published_at)}</time>
              </li>
            ))}
          </ul>
          <p>
            <a href="/annual-reports">查看全部年度报告</a>
          </p>
        </section>
      </Layout>,
    );
  });

  app.get('/agencies', async (_request, reply) => {
    const [site, agencies] = await Promise.all([siteInfo(ctx.db), listAgencies(ctx.db)]);
    return sendPage(
      reply,
      <Layout title="政府信息公开" site={site} meta={{ ColumnName: '政府信息公开' }}>
        <Breadcrumbs trail={[['首页', '/'], ['政府信息公开', null]]} />
        <h1>政府信息公开</h1>
        <AgencyDirectory agencies={agencies} />
      </Layout>,
    );
  });

  app.get<{ Params: { id: string } }>('/agencies/:id', async (request, reply) => {
    const agency = await agencyOr404(ctx, request.params.id);
    const [site, counts, reports] = await Promise.all([siteInfo(ctx.db), publishedCountsByCategory(ctx.db, agency.id), currentReportsOfAgency(ctx.db, agency.id)]);
    return sendPage(
      reply,
      <Layout title={`${agency.name}政府信息公开`} site={site} meta={{ ColumnName: '政府信息公开', ContentSource: agency.name }}>
        <Breadcrumbs trail={[['首页', '/'], ['政府信息公开', '/agencies'], [agency.name, null]]} />
        <h1>{agency.name}政府信息公开</h1>
        <section aria-labelledby="statutory">
          <h2 id="statutory">{catalogueCategories.statutory.label}</h2>
          <ul class="category-list">
            {reportedCategoryKeys.map((k) => (
              <li>
                <a href={`/agencies/${agency.id}/items?category=${k}`}>{catalogueCategories[k].label}</a>
                <span class="count">（{counts.get(k) ?? 0}条）</span>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="annual">
          <h2 id="annual">{catalogueCategories.annualReports.label}</h2>
          <ReportList reports={reports.map((r) => ({ id: r.id, title: reportTitle(r.report.agency, r.year), date: chinaDate(r.publishedAt), version: r.version }))} />
          <p>
            <a href={`/agencies/${agency.id}/annual-reports`}>进入年报栏目</a>
          </p>
        </section>
      </Layout>,
    );
  });

  app.get<{ Params: { id: string }; Querystring: { category?: string; page?: string } }>('/agencies/:id/items', async (request, reply) => {
    const agency = await agencyOr404(ctx, request.params.id);
    const category = request.query.category && isCategoryKey(request.query.category) ? request.query.category : undefined;
    const page = positiveInt(request.query.page) ?? 1;
    const [site, total, items] = await Promise.all([
      siteInfo(ctx.db),
      countPublishedItems(ctx.db, { agencyId: agency.id, category }),
      listPublishedItems(ctx.db, { agencyId: agency.id, category, limit: pageSize, offset: (page - 1) * pageSize }),
    ]);
    const column = category ? catalogueCategories[category].label : catalogueCategories.statutory.label;
    const pages = Math.max(1, Math.ceil(total / pageSize));
    return sendPage(
      reply,
      <Layout title={`${agency.shortName} ${column}`} site={site} meta={{ ColumnName: column, ContentSource: agency.name }}>
        <Breadcrumbs trail={[['首页', '/'], ['政府信息公开', '/agencies'], [agency.name, `/agencies/${agency.id}`], [column, null]]} />
        <h1>
          {agency.shortName} · {column}
        </h1>
        <nav aria-label="栏目" class="tabs">
          <ul>
            {categoryKeys
              .filter((k) => catalogueCategories[k].parent === 'statutory')
              .map((k) => (
                <li>
                  <a href={`/agencies/${agency.id}/items?category=${k}`} aria-current={k === category ? 'page' : undefined}>
                    {catalogueCategories[k].label}
                  </a>
                </li>
              ))}
          </ul>
        </nav>
        <p>共{total}条</p>
        <table class="list">
          <caption class="visually-hidden">{column}信息列表</caption>
          <thead>
            <tr>
              <th scope="col">索引号</th>
              <th scope="col">名称</th>
              <th scope="col">公开日期</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr>
                <td>{i.index_no}</td>
                <td>
                  <a href={`/items/${i.id}`}>{i.title}</a>
                </td>
                <td>{i.published_date}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Pager page={page} pages={pages} href={(p) => `/agencies/${agency.id}/items?${category ? `category=${category}&` : ''}page=${p}`} />
      </Layout>,
    );
  });

  app.get<{ Params: { id: string } }>('/items/:id', async (request, reply) => {
    const id = positiveInt(request.params.id);
    const item = id ? await getPublishedItem(ctx.db, id) : undefined;
    if (!item) throw new NotFoundError('找不到这条政府信息，可能尚未公开或已被撤回。');
    const [site, agency] = await Promise.all([siteInfo(ctx.db), getAgency(ctx.db, item.agency_id)]);
    const category = isCategoryKey(item.category) ? catalogueCategories[item.category].label : item.category;
    const pubDate = item.published_at ? portalDateTime(item.published_at) : '';
    return sendPage(
      reply,
      <Layout
        title={item.title}
        site={site}
        meta={{ ColumnName: category, ArticleTitle: item.title, PubDate: pubDate, ContentSource: agency?.name ?? '', Description: item.summary }}
      >
        <Breadcrumbs trail={[['首页', '/'], [agency?.name ?? '', `/agencies/${item.agency_id}`], [category, `/agencies/${item.agency_id}/items?category=${item.category}`], [item.title, null]]} />
        <MetadataBlock
          rows={[
            ['索引号', item.index_no ?? ''],
            ['发布机构', agency?.name ?? ''],
            ['公开范围', item.scope],
            ['生成日期', item.generated_date],
            ['公开日期', item.published_date ?? ''],
            ['公开方式', item.disclosure_mode],
            ['分类', category],
            ...(item.doc_no ? ([['文号', item.doc_no]] as const) : []),
          ]}
        />
        <article>
          <h1>{item.title}</h1>
          <p class="byline">
            来源：{agency?.shortName}　{pubDate}
          </p>
          {item.body.split('\n').map((p) => (
            <p>{p}</p>
          ))}
        </article>
      </Layout>,
    );
  });

  app.get('/annual-reports', async (_request, reply) => {
    const [site, latest] = await Promise.all([siteInfo(ctx.db), latestPublications(ctx.db, 500)]);
    const byYear = new Map<number, typeof latest>();
    for (const r of latest) byYear.set(r.year, [...(byYear.get(r.year) ?? []), r]);
    return sendPage(
      reply,
      <Layout title={annualColumn} site={site} meta={{ ColumnName: annualColumn }}>
        <Breadcrumbs trail={[['首页', '/'], [annualColumn, null]]} />
        <h1>政府信息公开工作年度报告</h1>
        {[...byYear.entries()]
          .sort(([a], [b]) => b - a)
          .map(([year, rows]) => (
            <section aria-labelledby={`year-${year}`}>
              <h2 id={`year-${year}`}>{year}年度</h2>
              <ReportList reports={latestVersions(rows).map((r) => ({ id: r.id, title: reportTitle(r.name, r.year), date: chinaDate(r.published_at), version: r.version }))} />
            </section>
          ))}
      </Layout>,
    );
  });

  app.get<{ Params: { id: string } }>('/agencies/:id/annual-reports', async (request, reply) => {
    const agency = await agencyOr404(ctx, request.params.id);
    const [site, reports] = await Promise.all([siteInfo(ctx.db), currentReportsOfAgency(ctx.db, agency.id)]);
    return sendPage(
      reply,
      <Layout title={`${agency.shortName} ${annualColumn}`} site={site} meta={{ ColumnName: annualColumn, ContentSource: agency.name }}>
        <Breadcrumbs trail={[['首页', '/'], ['政府信息公开', '/agencies'], [agency.name, `/agencies/${agency.id}`], [annualColumn, null]]} />
        <h1>{agency.name} · {annualColumn}</h1>
        <ReportList reports={reports.map((r) => ({ id: r.id, title: reportTitle(r.report.agency, r.year), date: chinaDate(r.publishedAt), version: r.version }))} />
      </Layout>,
    );
  });

  app.get<{ Params: { id: string } }>('/annual-reports/:id', async (request, reply) => {
    const published = await reportOr404(ctx, request.params.id);
    const [site, agency, versions] = await Promise.all([siteInfo(ctx.db), getAgency(ctx.db, published.agencyId), reportVersions(ctx.db, published.agencyId, published.year)]);
    const title = reportTitle(published.report.agency, published.year);
    const pubDate = portalDateTime(published.publishedAt);
    const doc = { report: published.report, signer: published.signer, signedDate: published.signedDate };
    const newer = versions.find((v) => v.version > published.version);
    return sendPage(
      reply,
      <Layout
        title={title}
        site={site}
        meta={{ ColumnName: annualColumn, ArticleTitle: title, PubDate: pubDate, ContentSource: published.publisher, Keywords: '政府信息公开,年度报告', Description: title }}
      >
        <Breadcrumbs trail={[['首页', '/'], [agency?.name ?? '', `/agencies/${published.agencyId}`], [annualColumn, `/agencies/${published.agencyId}/annual-reports`], [title, null]]} />
        <MetadataBlock
          rows={[
            ['索引号', published.indexNo ?? ''],
            ['发布机构', published.publisher],
            ['公开范围', published.scope],
            ['生成日期', published.generatedDate],
            ['公开日期', chinaDate(published.publishedAt)],
            ['公开方式', published.disclosureMode],
          ]}
        />
        {newer ? (
          <p class="notice" role="note">
            本报告已有更正版本：<a href={`/annual-reports/${newer.id}`}>查看最新版本</a>
          </p>
        ) : (
          ''
        )}
        {published.reason ? (
          <p class="notice" role="note">
            更正说明：{published.reason}
          </p>
        ) : (
          ''
        )}
        <article>
          <h1>{title}</h1>
          <p class="byline">
            来源：{published.publisher}　{pubDate}
          </p>
          <ReportView doc={doc} />
        </article>
        <section aria-labelledby="downloads">
          <h2 id="downloads">下载</h2>
          <ul class="downloads">
            {reportFormats.map((f) => (
              <li>
                <a href={`/annual-reports/${published.id}/download.${f}`} download>
                  {formatInfo[f].label}
                </a>
              </li>
            ))}
          </ul>
        </section>
        {versions.length > 1 ? (
          <section aria-labelledby="versions">
            <h2 id="versions">版本记录</h2>
            <ol reversed>
              {versions.map((v) => (
                <li>
                  <a href={`/annual-reports/${v.id}`}>第{v.version}版</a>　{portalDateTime(v.publishedAt)}　{v.reason ? `更正说明：${v.reason}` : '首次发布'}
                </li>
              ))}
            </ol>
          </section>
        ) : (
          ''
        )}
      </Layout>,
    );
  });

  app.get<{ Params: { id: string; format: string } }>('/annual-reports/:id/download.:format', async (request, reply) => {
    const format = reportFormatOr404(request.params.format);
    const published = await reportOr404(ctx, request.params.id);
    return sendReportFile(reply, format, { report: published.report, signer: published.signer, signedDate: published.signedDate });
  });
}

async function agencyOr404(ctx: AppContext, raw: string) {
  const id = positiveInt(raw);
  const agency = id ? await getAgency(ctx.db, id) : undefined;
  if (!agency) throw new NotFoundError('找不到这个单位。');
  return agency;
}

async function reportOr404(ctx: AppContext, raw: string) {
  const id = positiveInt(raw);
  const published = id ? await getPublishedReport(ctx.db, id) : undefined;
  if (!published) throw new NotFoundError('找不到这份年度报告。');
  return published;
}

/** The newest version of each agency's report in a list of publications. */
function latestVersions<T extends { agency_id: number; year: number; version: number }>(rows: readonly T[]): T[] {
  const best = new Map<string, T>();
  for (const r of rows) {
    const k = `${r.agency_id}/${r.year}`;
    const b = best.get(k);
    if (!b || r.version > b.version) best.set(k, r);
  }
  return [...best.values()];
}

const ReportList = ({ reports }: { reports: readonly { id: number; title: string; date: string; version: number }[] }) =>
  reports.length ? (
    <ul class="link-list">
      {reports.map((r) => (
        <li>
          <a href={`/annual-reports/${r.id}`}>{r.title}</a>
          {r.version > 1 ? <span class="tag">第{r.version}版</span> : ''}
          <time datetime={r.date}>{r.date}</time>
        </li>
      ))}
    </ul>
  ) : (
    <p>暂无已发布的年度报告。</p>
  );

const AgencyDirectory = ({ agencies }: { agencies: readonly { id: number; name: string; kind: keyof typeof agencyKinds }[] }) => (
  <div class="directory">
    {agencyKindKeys.map((kind) => {
      const list = agencies.filter((a) => a.kind === kind);
      return list.length ? (
        <section aria-labelledby={`kind-${kind}`}>
          <h2 id={`kind-${kind}`}>{agencyKinds[kind].directory}</h2>
          <ul class="agency-list">
            {list.map((a) => (
              <li>
                <a href={`/agencies/${a.id}`}>{a.name}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      );
    })}
  </div>
);
