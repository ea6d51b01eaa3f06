/** The copy detection page of an agency's report: the share repeated from the report compared against, with the passages marked. */
import type { FC } from 'hono/jsx';
import type { CopyComparison } from '../../../app/reports/supervision.ts';
import type { Agency } from '../../../domain/agencies/agency.ts';
import type { SiteInfo } from '../../site.ts';
import { Breadcrumbs } from '../../views/components.tsx';
import { Layout, type Viewer } from '../../views/layout.tsx';
import { percent } from './copy-table.tsx';

export const CopiesPage: FC<{ agency: Agency; year: number; c: CopyComparison; site: SiteInfo; viewer: Viewer }> = ({ agency, year, c, site, viewer }) => {
  const title = `${agency.shortName}${year}年度报告内容雷同检查`;
  return (
    <Layout title={title} site={site} area="admin" viewer={viewer}>
      <Breadcrumbs
        trail={[
          ['工作台', '/admin'],
          [`${agency.shortName} ${year}年度报告`, `/admin/reports/${agency.id}/${year}`],
          ['内容雷同检查', null],
        ]}
      />
      <h1>{title}</h1>
      {c.against ? (
        <>
          <p>
            对比对象：{c.against.href ? <a href={c.against.href}>{c.against.label}</a> : c.against.label}。本报告正文（第一、五、六部分）有
            <strong>{percent(c.against.share)}</strong>
            的内容与之相同（按去除标点和空格后连续8个字符计算）。下文中<mark>标记</mark>的是相同的段落。
          </p>
          <Marked text={c.text} spans={c.against.spans} />
        </>
      ) : (
        <p>没有可对比的报告（对比对象尚无报告，或本报告正文为空）。</p>
      )}
    </Layout>
  );
};

/** Text with the given stretches marked. */
const Marked: FC<{ text: string; spans: readonly { start: number; end: number }[] }> = ({ text, spans }) => {
  const pieces: (string | ReturnType<FC>)[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start > at) pieces.push(text.slice(at, s.start));
    pieces.push(<mark>{text.slice(s.start, s.end)}</mark>);
    at = s.end;
  }
  if (at < text.length) pieces.push(text.slice(at));
  return <div class="marked-text">{pieces}</div>;
};
