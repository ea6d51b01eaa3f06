/** Pieces several portal pages show: lists of reports, items and agencies. */
import type { FC } from 'hono/jsx';
import { agencyKinds, agencyKindKeys } from '../../law/agency-kinds.ts';

/** The Atom feeds pages link to (rel="alternate"). */
export const countyFeed = (siteName: string) => ({ title: `${siteName}政府信息公开（最新信息）`, href: '/feed.atom' });
export const agencyFeed = (agency: { id: number; name: string }) => ({ title: `${agency.name}政府信息公开`, href: `/agencies/${agency.id}/feed.atom` });

export const ReportList: FC<{ reports: readonly { id: number; title: string; date: string; version: number }[] }> = ({ reports }) =>
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

export const AgencyDirectory: FC<{ agencies: readonly { id: number; name: string; kind: keyof typeof agencyKinds }[]; level?: 2 | 3 }> = ({
  agencies,
  level = 2,
}) => (
  <div class="directory">
    {agencyKindKeys.map((kind) => {
      const list = agencies.filter((a) => a.kind === kind);
      const heading = agencyKinds[kind].directory;
      return list.length ? (
        <section aria-labelledby={`kind-${kind}`}>
          {level === 2 ? <h2 id={`kind-${kind}`}>{heading}</h2> : <h3 id={`kind-${kind}`}>{heading}</h3>}
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

export interface ItemRow {
  id: number;
  index_no: string | null;
  title: string;
  published_date: string | null;
  agency_short_name: string;
}

/** Published items as a table; on a narrow screen each row becomes a block with its labels. */
export const ItemTable: FC<{ items: readonly ItemRow[]; caption: string; showAgency?: boolean }> = ({ items, caption, showAgency = false }) => (
  <table class="list items">
    <caption class="visually-hidden">{caption}</caption>
    <thead>
      <tr>
        <th scope="col">索引号</th>
        <th scope="col">名称</th>
        {showAgency ? <th scope="col">发布机构</th> : ''}
        <th scope="col">公开日期</th>
      </tr>
    </thead>
    <tbody>
      {items.map((i) => (
        <tr>
          <td data-label="索引号">{i.index_no}</td>
          <td data-label="名称">
            <a href={`/items/${i.id}`}>{i.title}</a>
          </td>
          {showAgency ? <td data-label="发布机构">{i.agency_short_name}</td> : ''}
          <td data-label="公开日期">{i.published_date}</td>
        </tr>
      ))}
    </tbody>
  </table>
);

/** A short list of item links with their dates (home page, column sections). */
export const ItemLinks: FC<{ items: readonly ItemRow[]; showAgency?: boolean }> = ({ items, showAgency = false }) =>
  items.length ? (
    <ul class="link-list">
      {items.map((i) => (
        <li>
          <a href={`/items/${i.id}`}>{i.title}</a>
          {showAgency ? <span class="source">{i.agency_short_name}</span> : ''}
          {i.published_date ? <time datetime={i.published_date}>{i.published_date}</time> : ''}
        </li>
      ))}
    </ul>
  ) : (
    <p>暂无已公开的信息。</p>
  );

/** The newest version of each agency's report in a list of publications. */
export function latestVersions<T extends { agency_id: number; year: number; version: number }>(rows: readonly T[]): T[] {
  const best = new Map<string, T>();
  for (const r of rows) {
    const k = `${r.agency_id}/${r.year}`;
    const b = best.get(k);
    if (!b || r.version > b.version) best.set(k, r);
  }
  return [...best.values()];
}
