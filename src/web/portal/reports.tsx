/** The 年报 column: every agency's annual reports, each report's page with its versions, and its downloads. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/context.ts';
import { catalogueCategories } from '../../law/catalogue-categories.ts';
import { reportTitle } from '../../law/report-format/index.ts';
import { chinaDate, portalDateTime } from '../../domain/shared/dates.ts';
import { getAgency } from '../../store/agencies.repo.ts';
import { currentReportsOfAgency, latestPublications, reportVersions } from '../../store/reports.repo.ts';
import { formatInfo, reportFormats } from '../../render/report/index.ts';
import { ReportView } from '../../render/report/html.tsx';
import { siteInfo } from '../site.ts';
import { Layout } from '../views/layout.tsx';
import { Breadcrumbs, MetadataBlock } from '../views/components.tsx';
import { sendPage } from '../views/page.ts';
import { reportFormatOr404, sendReportFile } from '../report-files.ts';
import { agencyOr404, reportOr404 } from './lookup.ts';
import { latestVersions, ReportList } from './parts.tsx';

const annualColumn = catalogueCategories.annualReports.label;

export async function annualReportRoutes(app: FastifyInstance, opts: { ctx: AppContext }) {
  const { ctx } = opts;

  app.get('/annual-reports', async (_request, reply) => {
    const [site, latest] = await Promise.all([siteInfo(ctx.db), latestPublications(ctx.db, 500)]);
    const byYear = new Map<number, typeof latest>();
    for (const r of latest) byYear.set(r.year, [...(byYear.get(r.year) ?? []), r]);
    return sendPage(
      reply,
      <Layout title={annualColumn} site={site} meta={{ ColumnName: annualColumn }}>
        <Breadcrumbs
          trail={[
            ['首页', '/'],
            [annualColumn, null],
          ]}
        />
        <h1>政府信息公开工作年度报告</h1>
        {[...byYear.entries()]
          .sort(([a], [b]) => b - a)
          .map(([year, rows]) => (
            <section aria-labelledby={`year-${year}`}>
              <h2 id={`year-${year}`}>{year}年度</h2>
              <ReportList
                reports={latestVersions(rows).map((r) => ({
                  id: r.id,
                  title: reportTitle(r.name, r.year),
                  date: chinaDate(r.published_at),
                  version: r.version,
                }))}
              />
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
        <Breadcrumbs
          trail={[
            ['首页', '/'],
            ['政府信息公开', '/agencies'],
            [agency.name, `/agencies/${agency.id}`],
            [annualColumn, null],
          ]}
        />
        <h1>
          {agency.name} · {annualColumn}
        </h1>
        <ReportList
          reports={reports.map((r) => ({ id: r.id, title: reportTitle(r.report.agency, r.year), date: chinaDate(r.publishedAt), version: r.version }))}
        />
      </Layout>,
    );
  });

  app.get<{ Params: { id: string } }>('/annual-reports/:id', async (request, reply) => {
    const published = await reportOr404(ctx, request.params.id);
    const [site, agency, versions] = await Promise.all([
      siteInfo(ctx.db),
      getAgency(ctx.db, published.agencyId),
      reportVersions(ctx.db, published.agencyId, published.year),
    ]);
    const title = reportTitle(published.report.agency, published.year);
    const pubDate = portalDateTime(published.publishedAt);
    const doc = { report: published.report, signer: published.signer, signedDate: published.signedDate };
    const newer = versions.find((v) => v.version > published.version);
    return sendPage(
      reply,
      <Layout
        title={title}
        site={site}
        meta={{
          ColumnName: annualColumn,
          ArticleTitle: title,
          PubDate: pubDate,
          ContentSource: published.publisher,
          Keywords: '政府信息公开,年度报告',
          Description: title,
        }}
      >
        <Breadcrumbs
          trail={[
            ['首页', '/'],
            [agency?.name ?? '', `/agencies/${published.agencyId}`],
            [annualColumn, `/agencies/${published.agencyId}/annual-reports`],
            [title, null],
          ]}
        />
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
