/** The county supervision page of a year: each agency's report, the carry-over, copies, totals, charts, procedure defects and settings. */
import type { FC } from 'hono/jsx';
import type { countyComplaints } from '../../../app/complaints/complaints.ts';
import type { DefectRow } from '../../../app/requests/defects.ts';
import type { CountySupervision } from '../../../app/reports/supervision.ts';
import type { FieldError } from '../../../domain/shared/result.ts';
import type { SiteInfo } from '../../site.ts';
import { Breadcrumbs } from '../../views/components.tsx';
import { ErrorSummary, Layout, type Viewer } from '../../views/layout.tsx';
import { ProcedureSection } from '../requests/procedure-section.tsx';
import { ComplaintsSummary } from '../supervision/complaint-parts.tsx';
import { CopyTable } from './copy-table.tsx';
import { SettingsForm } from './settings-form.tsx';
import { CarryOverTable, StatusTable } from './status-tables.tsx';
import { Charts, CountyTotals } from './totals-charts.tsx';

export const SupervisionPage: FC<{
  s: CountySupervision;
  year: number;
  site: SiteInfo;
  viewer: Viewer;
  errors: FieldError[];
  form: Record<string, string> | undefined;
  saved: string | undefined;
  yearLinks: number[];
  suffix: string;
  complaints: Awaited<ReturnType<typeof countyComplaints>> | null;
  defects: DefectRow[];
  correctionDays: number;
  maySetCorrection: boolean;
  maySet: boolean;
}> = ({ s, year, site, viewer, errors, form, saved, yearLinks, suffix, complaints, defects, correctionDays, maySetCorrection, maySet }) => (
  <Layout title={`${s.county.shortName}${year}年度报告监督`} site={site} area="admin" viewer={viewer}>
    <Breadcrumbs
      trail={[
        ['工作台', '/admin'],
        [`${year}年度报告监督`, null],
      ]}
    />
    <h1>
      {s.county.name} {year}年度政府信息公开工作年度报告监督
    </h1>
    <ErrorSummary errors={errors} />
    {saved ? (
      <p class="notice" role="status">
        设置已保存。
      </p>
    ) : (
      ''
    )}
    <nav aria-label="选择年度" class="tabs">
      <ul>
        {yearLinks.map((y) => (
          <li>
            <a href={`/admin/county/${y}${suffix}`} aria-current={y === year ? 'page' : undefined}>
              {y}年度
            </a>
          </li>
        ))}
      </ul>
    </nav>
    <p>
      <a href="/admin/county/imports">导入已发布的年度报告</a>（平台启用前的年度、或在平台外编写发布的报告）
    </p>
    {complaints ? <ComplaintsSummary data={complaints} countyId={s.county.id} /> : ''}
    <StatusTable s={s} />
    <CarryOverTable s={s} />
    <CopyTable s={s} />
    <CountyTotals s={s} />
    <Charts s={s} />
    <ProcedureSection
      year={year}
      countyId={s.county.id}
      defects={defects}
      correctionDays={correctionDays}
      csrf={viewer.csrf}
      maySet={maySetCorrection}
      back={`/admin/county/${year}${suffix}`}
    />
    <SettingsForm s={s} csrf={viewer.csrf} maySet={maySet} errors={errors} form={form} year={year} suffix={suffix} />
  </Layout>
);
