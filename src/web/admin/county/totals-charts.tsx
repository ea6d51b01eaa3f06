/** The supervision page's county totals, set against the county government's report, and its charts over the years. */
import type { FC } from 'hono/jsx';
import type { CountySupervision } from '../../../app/reports/supervision.ts';
import { ApplicationsChart } from '../../../render/charts/applications-chart.tsx';
import { TableView } from '../../../render/report/html.tsx';
import { reportGrids } from '../../../render/report/grid.ts';

export const CountyTotals: FC<{ s: CountySupervision }> = ({ s }) => {
  const t = s.totals;
  const grids = reportGrids(t.sum);
  const differing = new Map(t.differences.map((d) => [d.key, d.other]));
  const note = (key: string) => (differing.has(key) ? `县政府${differing.get(key) ?? '空'}` : null);
  const countyHref =
    t.county.source === 'imported' && t.county.stored ? `/admin/county/reports/${t.county.stored.id}` : `/admin/reports/${s.county.id}/${s.year}`;
  return (
    <section aria-labelledby="totals" class="report-preview">
      <h2 id="totals">全县汇总</h2>
      <p>
        下表每个数字是全县{s.reports.length - t.missing.length}个单位（含{s.county.shortName}本身）{s.year}年度报告该项之和，各单位报告取现有的版本。
        {t.missing.length ? `没有报告、未计入的单位：${t.missing.map((a) => a.shortName).join('、')}。` : ''}
      </p>
      <p>
        对照的“县政府年报”是
        <a href={countyHref}>
          {s.county.name}
          {s.year}年度报告
        </a>
        （条例第四十九条第二款的本级政府年度报告）。本平台生成的{s.county.shortName}报告只统计{s.county.shortName}
        自身收到和办理的申请——各部门、乡镇另行发布本机关的报告，若再计入本级政府报告，上级汇总时同一件申请会被计算两次。因此两者的差额通常就是各部门和乡镇的数字；如果
        {s.county.shortName}发布的是全县汇总口径的报告，两者应当相等，差额即为汇总遗漏或重复之处。
        {t.county.report ? (
          t.differences.length ? (
            <strong>共{t.differences.length}个单元格与县政府年报不同，已在表中标出（“县政府”后为县政府年报中的数字）。</strong>
          ) : (
            <span class="ok">各单元格与县政府年报一致。</span>
          )
        ) : (
          `${s.county.shortName}尚无${s.year}年度报告，无法对照。`
        )}
      </p>
      {(['active', 'applications', 'appeals'] as const).map((k) => (
        <TableView grid={grids[k]} note={note} />
      ))}
    </section>
  );
};

export const Charts: FC<{ s: CountySupervision }> = ({ s }) => (
  <section aria-labelledby="charts">
    <h2 id="charts">
      历年申请与办理结果（{s.years[0]}—{s.years[s.years.length - 1]}年）
    </h2>
    <p class="help">各年度取现有版本的报告；新收为表三“本年新收”总计，办理结果为表三“本年度办理结果”各类总计。图下可展开数据表。</p>
    {s.series.map((series, i) => (
      <div class="chart-block">
        <h3>{series.agency ? series.agency.name : `${s.county.name}（全县合计）`}</h3>
        <ApplicationsChart id={`chart-${i}`} subject={series.agency ? series.agency.name : `${s.county.name}全县`} figures={series.figures} />
      </div>
    ))}
  </section>
);
