/**
 * 站内搜索 (GET /search): the published catalogue by words, 索引号 or 文号, filtered by
 * agency, category and year. A plain GET form, so it works without JavaScript; a
 * parameter that makes no sense is named on the page and left out, never an error.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/context.ts';
import type { Agency } from '../../domain/agencies/agency.ts';
import { highlight, matchRanges, snippet, type Segment } from '../../domain/search/snippet.ts';
import { exactKey, maxQueryLength, parseQuery } from '../../domain/search/tokens.ts';
import { catalogueCategories, categoryKeys, isCategoryKey, type CategoryKey } from '../../law/catalogue-categories.ts';
import { listAgencies } from '../../store/agencies.repo.ts';
import { indexedYears, resultItems, SearchTimeout, searchItems, type SearchResult } from '../../store/search.repo.ts';
import { siteInfo } from '../site.ts';
import { Breadcrumbs, Pager, positiveInt, SelectField } from '../views/components.tsx';
import { Layout } from '../views/layout.tsx';
import { sendPage } from '../views/page.ts';

const pageSize = 20;
const snippetLength = 120;
const column = '站内搜索';
/** A GET anyone may repeat, so looser than formRateLimit, still bounded per client address. */
export const searchRateLimit = { rateLimit: { max: 60, timeWindow: '1 minute' } };
/** The catalogue's own columns (年报 live in their own column, not in catalogue items). */
const searchCategories = categoryKeys.filter((k) => k !== 'statutory' && k !== 'annualReports');

interface Params {
  q: string;
  agency: Agency | undefined;
  category: CategoryKey | undefined;
  year: number | undefined;
  page: number;
  /** What was left out of the request, in words for the reader. */
  notes: string[];
}

const one = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '');
const quote = (s: string) => `“${[...s].slice(0, 20).join('')}${[...s].length > 20 ? '…' : ''}”`;

function readParams(raw: Record<string, unknown>, agencies: readonly Agency[]): Params {
  const notes: string[] = [];
  let q = one(raw.q).trim();
  if ([...q].length > maxQueryLength) {
    q = [...q].slice(0, maxQueryLength).join('');
    notes.push(`搜索词超过${maxQueryLength}个字，只按前${maxQueryLength}个字查找。`);
  }
  const agencyRaw = one(raw.agency).trim();
  const agencyId = positiveInt(agencyRaw);
  const agency = agencyId === null ? undefined : agencies.find((a) => a.id === agencyId);
  if (agencyRaw && !agency) notes.push('没有找到所选的发布机构，已按全部机构查找。');
  const categoryRaw = one(raw.category).trim();
  const category = isCategoryKey(categoryRaw) && (searchCategories as readonly string[]).includes(categoryRaw) ? categoryRaw : undefined;
  if (categoryRaw && !category) notes.push(`没有${quote(categoryRaw)}这个分类，已按全部分类查找。`);
  const yearRaw = one(raw.year).trim();
  const year = /^(19|20|21)\d\d$/.test(yearRaw) ? Number(yearRaw) : undefined;
  if (yearRaw && year === undefined) notes.push(`${quote(yearRaw)}不是有效的年份，已按全部年份查找。`);
  if (q && parseQuery(q).length === 0) notes.push(`${quote(q)}中没有可以查找的文字或数字，请换用其他词语。`);
  return { q, agency, category, year, page: positiveInt(one(raw.page)) ?? 1, notes };
}

function searchHref(p: Params, changes: { page?: number; filters?: boolean } = {}): string {
  const s = new URLSearchParams({ q: p.q });
  if (changes.filters !== false) {
    if (p.agency) s.set('agency', String(p.agency.id));
    if (p.category) s.set('category', p.category);
    if (p.year) s.set('year', String(p.year));
  }
  if (changes.page && changes.page > 1) s.set('page', String(changes.page));
  return `/search?${s.toString()}`;
}

export async function searchRoutes(app: FastifyInstance, opts: { ctx: AppContext }) {
  const { ctx } = opts;

  app.get('/search', { config: searchRateLimit }, async (request, reply) => {
    const [site, agencies, years] = await Promise.all([siteInfo(ctx.db), listAgencies(ctx.db), indexedYears(ctx.db)]);
    const p = readParams(request.query as Record<string, unknown>, agencies);
    const filters = { agencyId: p.agency?.id, category: p.category, year: p.year };
    let result: SearchResult = { total: 0, hits: [] };
    let page = p.page;
    let timedOut = false;
    if (p.q) {
      try {
        result = await searchItems(ctx.db, { text: p.q, ...filters, limit: pageSize, offset: (page - 1) * pageSize });
        const last = Math.max(1, Math.ceil(result.total / pageSize));
        if (page > last) {
          page = last;
          result = await searchItems(ctx.db, { text: p.q, ...filters, limit: pageSize, offset: (page - 1) * pageSize });
        }
      } catch (e) {
        if (!(e instanceof SearchTimeout)) throw e;
        timedOut = true;
        result = { total: 0, hits: [] };
      }
    }
    const rows = new Map(
      (
        await resultItems(
          ctx.db,
          result.hits.map((h) => h.itemId),
        )
      ).map((r) => [r.id, r]),
    );
    const agencyName = new Map(agencies.map((a) => [a.id, a.name]));
    const key = exactKey(p.q);
    const searched = p.q !== '' && parseQuery(p.q).length > 0;
    return sendPage(
      reply,
      <Layout title={p.q ? `“${p.q}”的搜索结果` : column} site={site} meta={{ ColumnName: column }}>
        <Breadcrumbs
          trail={[
            ['首页', '/'],
            [column, null],
          ]}
        />
        <h1>{column}</h1>
        <SearchForm p={p} agencies={agencies} years={years} />
        <SearchHelp />
        {p.notes.length ? (
          <ul class="notice" role="note">
            {p.notes.map((n) => (
              <li>{n}</li>
            ))}
          </ul>
        ) : (
          ''
        )}
        {!searched ? (
          <p class="hint">请输入要查找的词语，例如“低保”“补贴”“公告”，也可以输入完整的文号或索引号。</p>
        ) : timedOut ? (
          <p class="notice" role="status">
            检索{quote(p.q)}用时过长，已停止。请换用更具体的词语，或按发布机构、栏目、年度缩小范围后再试。
          </p>
        ) : result.total === 0 ? (
          <NoResults p={p} />
        ) : (
          <section aria-labelledby="results">
            <h2 id="results">
              共找到{result.total}条与{quote(p.q)}相关的政府信息
            </h2>
            <ol class="search-results" start={(page - 1) * pageSize + 1}>
              {result.hits.map((h) => {
                const r = rows.get(h.itemId);
                if (!r) return '';
                const source = [r.body, r.summary].find((t) => matchRanges(t, p.q).length > 0) ?? r.summary;
                const exactOn = h.exact ? (r.index_no && exactKey(r.index_no) === key ? '索引号' : '文号') : null;
                return (
                  <li>
                    <h3>
                      <a href={`/items/${r.id}`}>
                        <Marked segments={highlight(r.title, p.q)} />
                      </a>
                      {exactOn ? <span class="tag">{exactOn}完全匹配</span> : ''}
                    </h3>
                    <p class="snippet">
                      <Marked segments={snippet(source, p.q, snippetLength)} />
                    </p>
                    <p class="byline">
                      索引号：{r.index_no ?? '—'}　发布机构：{agencyName.get(r.agency_id) ?? ''}　公开日期：{r.published_date ?? ''}
                      {r.doc_no ? `　文号：${r.doc_no}` : ''}
                    </p>
                  </li>
                );
              })}
            </ol>
            <Pager page={page} pages={Math.max(1, Math.ceil(result.total / pageSize))} href={(n) => searchHref(p, { page: n })} />
          </section>
        )}
      </Layout>,
    );
  });
}

const Marked = ({ segments }: { segments: readonly Segment[] }) => <>{segments.map((s) => (s.mark ? <mark>{s.text}</mark> : s.text))}</>;

const SearchForm = ({ p, agencies, years }: { p: Params; agencies: readonly Agency[]; years: readonly number[] }) => (
  <form method="get" action="/search" role="search" class="form inline-form">
    <div class="field">
      <label for="field-q">搜索词</label>
      <input type="search" id="field-q" name="q" value={p.q} maxlength={maxQueryLength} aria-describedby="search-help" />
    </div>
    <SelectField name="agency" label="发布机构" value={p.agency?.id} options={agencies.map((a) => [a.id, a.name] as const)} empty="全部机构" />
    <SelectField
      name="category"
      label="分类"
      value={p.category}
      options={searchCategories.map((k) => [k, catalogueCategories[k].label] as const)}
      empty="全部分类"
    />
    <SelectField
      name="year"
      label="公开年份"
      value={p.year}
      options={[...new Set([...years, ...(p.year ? [p.year] : [])])].sort((a, b) => b - a).map((y) => [y, `${y}年`] as const)}
      empty="全部年份"
    />
    <button type="submit">搜索</button>
  </form>
);

const SearchHelp = () => (
  <p id="search-help" class="help">
    多个词语用空格隔开，列出同时包含这些词语的信息；输入完整的文号或索引号可直接找到该条信息。
  </p>
);

const NoResults = ({ p }: { p: Params }) => {
  const filtered = Boolean(p.agency || p.category || p.year);
  return (
    <section aria-labelledby="no-results">
      <h2 id="no-results">没有找到与{quote(p.q)}相关的政府信息</h2>
      <p>您可以：</p>
      <ul>
        {filtered ? (
          <li>
            <a href={searchHref(p, { filters: false })}>去掉发布机构、分类和年份的限制</a>后再查找；
          </li>
        ) : (
          ''
        )}
        <li>检查是否有错别字，或换用更短、更常用的词语，例如“低保”“补贴”“公告”；</li>
        <li>输入了多个词语时，减少词语再试（列出的信息须包含全部词语）；</li>
        <li>按文号或索引号查找时，输入完整的编号，例如“华政发〔2023〕1号”；</li>
        <li>
          到<a href="/agencies">政府信息公开目录</a>中按单位和栏目浏览。
        </li>
      </ul>
    </section>
  );
};
