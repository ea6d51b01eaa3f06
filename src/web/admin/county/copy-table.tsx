/** The supervision page's copy detection table, each share linking to the passages marked. */
import type { FC } from 'hono/jsx';
import type { CountySupervision, SupervisedReport } from '../../../app/reports/supervision.ts';
import { Icon } from '../../views/components.tsx';

export const percent = (share: number) => `${Math.round(share * 100)}%`;

const CopyCell: FC<{ r: SupervisedReport; which: 'lastYear' | 'peer'; copyShare: number }> = ({ r, which, copyShare }) => {
  const m = r.copy[which];
  if (!m) return <td>—</td>;
  const over = m.share > copyShare;
  const href = `/admin/reports/${r.agency.id}/${r.year}/copies?against=${which === 'lastYear' ? 'lastYear' : m.agency.id}`;
  return (
    <td class={over ? 'late' : ''}>
      {over ? (
        <>
          <Icon name="warning" />{' '}
        </>
      ) : (
        ''
      )}
      <a href={href}>
        {percent(m.share)}
        {which === 'peer' ? `（${m.agency.shortName}）` : ''}
      </a>
      {over ? '，超过警示比例' : ''}
    </td>
  );
};

export const CopyTable: FC<{ s: CountySupervision }> = ({ s }) => (
  <section aria-labelledby="copies">
    <h2 id="copies">内容雷同检查（X-07）</h2>
    <p>
      报告正文（第一、五、六部分）与本单位{s.year - 1}年度报告、与本县其他单位同年度报告相同内容所占的比例（去除标点和空格后连续8个字符相同即计入）。超过
      {percent(s.settings.copyShare)}的标为警示。点击比例查看标出的相同段落。
    </p>
    <table class="list copies">
      <caption>{s.year}年度报告内容雷同情况</caption>
      <thead>
        <tr>
          <th scope="col">单位</th>
          <th scope="col">与本单位上年报告相同</th>
          <th scope="col">与本县其他单位报告最相似</th>
        </tr>
      </thead>
      <tbody>
        {s.reports.map((r) => (
          <tr>
            <th scope="row">{r.agency.shortName}</th>
            <CopyCell r={r} which="lastYear" copyShare={s.settings.copyShare} />
            <CopyCell r={r} which="peer" copyShare={s.settings.copyShare} />
          </tr>
        ))}
      </tbody>
    </table>
  </section>
);
