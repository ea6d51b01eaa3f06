/** The page of an imported report version: its source, dates, findings on the cells and copy check. */
import type { FC } from 'hono/jsx';
import type { agencyCopyCheck } from '../../../app/reports/supervision.ts';
import type { Agency } from '../../../domain/agencies/agency.ts';
import { can, type Actor } from '../../../domain/access/policy.ts';
import type { Finding } from '../../../domain/reports/findings.ts';
import { chinaDate } from '../../../domain/shared/dates.ts';
import { reportTitle } from '../../../law/report-format/index.ts';
import { ReportView } from '../../../render/report/html.tsx';
import type { PublishedReport } from '../../../store/reports.repo.ts';
import type { SiteInfo } from '../../site.ts';
import { Breadcrumbs } from '../../views/components.tsx';
import { Layout, type Viewer } from '../../views/layout.tsx';
import { CopySection, Findings } from '../report-parts.tsx';

export const ImportedPage: FC<{
  version: PublishedReport;
  agency: Agency;
  tree: readonly Agency[];
  actor: Actor;
  findings: Finding[];
  copy: Awaited<ReturnType<typeof agencyCopyCheck>>;
  hasSource: boolean;
  site: SiteInfo;
  viewer: Viewer;
}> = ({ version, agency, tree, actor, findings, copy, hasSource, site, viewer }) => {
  const title = `${reportTitle(agency.name, version.year)}（导入）`;
  return (
    <Layout title={title} site={site} area="admin" viewer={viewer}>
      <Breadcrumbs
        trail={[
          ['工作台', '/admin'],
          ...(can(actor, 'county.supervise', agency.id, tree) ? ([[`${version.year}年度报告监督`, `/admin/county/${version.year}`]] as const) : []),
          [`${agency.shortName} ${version.year}年度报告（导入）`, null],
        ]}
      />
      <h1>{title}</h1>
      <dl class="metadata status">
        <div>
          <dt>来源</dt>
          <dd>
            {version.sourceName ? (
              <>
                导入自已发布的文件“{version.sourceName}”（{(version.sourceFormat ?? '').toUpperCase()}）{' '}
                {hasSource ? <a href={`/admin/county/reports/${version.id}/source`}>下载原文件</a> : ''}
              </>
            ) : (
              '平台启用前已发布的报告（未保存原文件）'
            )}
          </dd>
        </div>
        <div>
          <dt>发布日期</dt>
          <dd>{chinaDate(version.publishedAt)}</dd>
        </div>
        <div>
          <dt>版本</dt>
          <dd>
            第{version.version}版，{chinaDate(version.createdAt)}导入{version.reason ? `（${version.reason}）` : ''}
          </dd>
        </div>
      </dl>
      <Findings findings={findings} />
      <CopySection agencyId={agency.id} year={version.year} check={copy} />
      <section aria-labelledby="report-body" class="report-preview">
        <h2 id="report-body">读出的报告内容</h2>
        <ReportView doc={{ report: version.report, signer: null, signedDate: null }} findings={findings} />
      </section>
    </Layout>
  );
};
