/** The supervision page's tables of each agency's report status and of the carry-over check. */
import type { FC } from 'hono/jsx';
import type { CountySupervision, SupervisedReport } from '../../../app/reports/supervision.ts';
import { reportStatusLabels, type ReportSource } from '../../../domain/reports/supervision.ts';
import { agencyKindKeys, agencyKinds } from '../../../law/agency-kinds.ts';
import { Icon } from '../../views/components.tsx';

const sourceLabels: Record<ReportSource, string> = { published: '平台发布', imported: '导入', computed: '平台生成（未发布）' };

const statusText = (r: SupervisedReport) => {
  const label = reportStatusLabels[r.status];
  if (r.status === 'published') return r.late ? `逾期发布（${r.publishedOn}）` : `${label}（${r.publishedOn}）`;
  return r.late ? `${label}，已逾期` : label;
};

export const StatusTable: FC<{ s: CountySupervision }> = ({ s }) => (
  <section aria-labelledby="status">
    <h2 id="status">各单位报告情况</h2>
    <p class="help">
      发布期限：
      {agencyKindKeys.map((k) => `${agencyKinds[k].label}${s.year + 1}年${s.settings.deadlines[k].month}月${s.settings.deadlines[k].day}日`).join('，')}
      （条例第四十九条；乡镇的期限由本地设定，可在页末修改）。“已发布”包括在平台发布的和导入的已发布报告；“草稿”是已开始在平台编写正文、尚未发布。
    </p>
    <table class="list status-table supervision">
      <caption>{s.year}年度各单位年度报告</caption>
      <thead>
        <tr>
          <th scope="col">单位</th>
          <th scope="col">状态</th>
          <th scope="col">来源</th>
          <th scope="col">错误</th>
          <th scope="col">警告</th>
        </tr>
      </thead>
      <tbody>
        {s.reports.map((r) => (
          <tr>
            <th scope="row">{r.agency.name}</th>
            <td class={r.late ? 'late' : r.status === 'published' ? 'done' : ''}>
              {r.late ? (
                <>
                  <Icon name="warning" />{' '}
                </>
              ) : (
                ''
              )}
              {statusText(r)}
            </td>
            <td>{r.source ? sourceLabels[r.source] : '无报告'}</td>
            <td class={r.errors ? 'late' : ''}>{r.href ? <a href={`${r.href}#findings`}>{r.errors}</a> : '—'}</td>
            <td>{r.href ? <a href={`${r.href}#findings`}>{r.warnings}</a> : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </section>
);

export const CarryOverTable: FC<{ s: CountySupervision }> = ({ s }) => {
  const mismatches = s.reports.filter((r) => r.carryOver.state === 'mismatch').length;
  return (
    <section aria-labelledby="carry-over">
      <h2 id="carry-over">跨年度结转核对</h2>
      <p>
        本年度表三“二、上年结转政府信息公开申请数量”应等于{s.year - 1}
        年度报告“四、结转下年度继续办理”（T3-05），两年的报告各取现有的版本：平台发布的、导入的，或平台根据台账生成的。
        {mismatches ? <strong class="blocked">{mismatches}个单位不一致。</strong> : '各单位均一致或无法核对。'}
      </p>
      <table class="list carry-over">
        <caption>
          {s.year}年度上年结转与{s.year - 1}年度结转下年度（总计列；不一致时列出各列）
        </caption>
        <thead>
          <tr>
            <th scope="col">单位</th>
            <th scope="col">{s.year - 1}年度结转下年度</th>
            <th scope="col">{s.year}年度上年结转</th>
            <th scope="col">核对结果</th>
          </tr>
        </thead>
        <tbody>
          {s.reports.map((r) => {
            const total = r.carryOver.columns.find((c) => c.column === 'total');
            const differing = r.carryOver.columns.filter((c) => c.differs);
            return (
              <tr class={r.carryOver.state === 'mismatch' ? 'mismatch' : ''}>
                <th scope="row">{r.agency.shortName}</th>
                <td>{total?.lastYear ?? '—'}</td>
                <td>{total?.thisYear ?? '—'}</td>
                <td>
                  {r.carryOver.state === 'mismatch' ? (
                    <strong class="blocked">
                      <Icon name="warning" /> 不一致：{differing.map((c) => `${c.label}列上年${c.lastYear}、本年${c.thisYear}`).join('；')}
                    </strong>
                  ) : r.carryOver.state === 'match' ? (
                    <span class="ok">一致</span>
                  ) : (
                    '缺少其中一年的报告，无法核对'
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
};
