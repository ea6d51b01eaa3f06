/** The sections of the annual report's staff page: year links, status, published counts, and the statistics and narrative forms. */
import { reportYears, type ComputedReport } from '../../app/reports/compute.ts';
import type { Agency } from '../../domain/agencies/agency.ts';
import { placeholders } from '../../domain/reports/narrative.ts';
import { chinaDate, portalDateTime } from '../../domain/shared/dates.ts';
import { catalogueCategories, reportedCategoryKeys } from '../../law/catalogue-categories.ts';
import type { reportVersions } from '../../store/reports.repo.ts';
import type { getDecisionStatistics } from '../../store/records.repo.ts';
import { ReviewStatusLine } from './report-publish.tsx';
import type { ReviewStatus } from '../../app/reports/review.ts';

export const YearLinks = ({ agency, year, today }: { agency: Agency; year: number; today: string }) => {
  const { first, last } = reportYears(agency, today);
  const years = Array.from({ length: last - first + 1 }, (_, i) => last - i);
  return (
    <nav aria-label="选择年度" class="tabs">
      <ul>
        {years.map((y) => (
          <li>
            <a href={`/admin/reports/${agency.id}/${y}`} aria-current={y === year ? 'page' : undefined}>
              {y}年度
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
};

export const Status = ({
  computed,
  versions,
  base,
  review,
}: {
  computed: ComputedReport;
  versions: Awaited<ReturnType<typeof reportVersions>>;
  base: string;
  review: ReviewStatus;
}) => {
  const current = versions[0];
  return (
    <dl class="metadata status">
      <div>
        <dt>状态</dt>
        <dd>{current ? `已发布第${current.version}版（${portalDateTime(current.publishedAt)}）` : '尚未发布'}</dd>
      </div>
      <div>
        <dt>发布期限</dt>
        <dd>{computed.context.publication?.deadline}</dd>
      </div>
      <ReviewStatusLine base={base} status={review} />
      {current ? (
        <div>
          <dt>索引号</dt>
          <dd>
            <a href={`/annual-reports/${current.id}`}>{current.indexNo}</a>
          </dd>
        </div>
      ) : (
        ''
      )}
    </dl>
  );
};

/** Section 一's count of proactively published items by category, each linked to its items. */
export const PublishedCounts = ({ base, computed }: { base: string; computed: ComputedReport }) => (
  <section aria-labelledby="published-counts">
    <h2 id="published-counts">第一部分的主动公开条数（{placeholders.proactive}）</h2>
    <ul class="category-list">
      {reportedCategoryKeys.map((k) => (
        <li>
          {catalogueCategories[k].label}：<a href={`${base}/cells/${encodeURIComponent(`published:${k}`)}`}>{computed.facts.published[k] ?? 0}条</a>
        </li>
      ))}
    </ul>
  </section>
);

export const StatisticsForm = ({
  base,
  csrf,
  year,
  saved,
  form,
}: {
  base: string;
  csrf: string;
  year: number;
  saved: Awaited<ReturnType<typeof getDecisionStatistics>>;
  form?: Partial<Record<string, string>> | undefined;
}) => {
  const value = (k: 'licensing' | 'penalty' | 'coercion' | 'feesYuan' | 'note') =>
    form?.[k] ?? (saved ? String(k === 'feesYuan' ? saved.feesFen / 100 : saved[k]) : k === 'note' ? '' : '0');
  const field = (k: 'licensing' | 'penalty' | 'coercion' | 'feesYuan', label: string) => (
    <div class="field">
      <label for={`field-${k}`}>{label}</label>
      <input id={`field-${k}`} name={k} inputmode="decimal" value={value(k)} required />
    </div>
  );
  return (
    <section aria-labelledby="statistics">
      <h2 id="statistics">行政执法和收费统计（表二）</h2>
      <p class="help">{saved ? `最近更新：${chinaDate(saved.updatedAt)}。` : `尚未录入${year}年度统计，报告中按0计。`}数据应与本单位行政执法统计台账一致。</p>
      <form method="post" action={`${base}/statistics`} class="form inline-form">
        <input type="hidden" name="_csrf" value={csrf} />
        {field('licensing', '行政许可决定（件）')}
        {field('penalty', '行政处罚决定（件）')}
        {field('coercion', '行政强制决定（件）')}
        {field('feesYuan', '行政事业性收费（元）')}
        <div class="field">
          <label for="field-note">数据来源说明</label>
          <input id="field-note" name="note" value={value('note')} />
        </div>
        <button type="submit">保存统计</button>
      </form>
    </section>
  );
};

export const NarrativeForm = ({
  base,
  csrf,
  computed,
  form,
}: {
  base: string;
  csrf: string;
  computed: ComputedReport;
  form?: Partial<Record<string, string>> | undefined;
}) => {
  const n = computed.narrative;
  const value = (k: 'overview' | 'problems' | 'other' | 'signer' | 'signedDate') => form?.[k] ?? n?.[k] ?? '';
  return (
    <section aria-labelledby="narrative">
      <h2 id="narrative">编写报告正文</h2>
      <p class="help">
        每段一行。可插入自动生成的统计句：<code>{placeholders.proactive}</code>（按栏目统计的主动公开条数）、
        <code>{placeholders.applications}</code>（依申请公开收办结转件数）、<code>{placeholders.appeals}</code>
        （行政复议、诉讼件数）、<code>{placeholders.fees}</code>（本年收取的信息处理费，适合写在“六、其他需要报告的事项”），报告中的数字将始终与台账一致。
      </p>
      <form method="post" action={`${base}/narrative`} class="form">
        <input type="hidden" name="_csrf" value={csrf} />
        <div class="field">
          <label for="field-overview">一、总体情况</label>
          <textarea id="field-overview" name="overview" rows={14}>
            {value('overview')}
          </textarea>
        </div>
        <div class="field">
          <label for="field-problems">五、存在的主要问题及改进情况</label>
          <textarea id="field-problems" name="problems" rows={8}>
            {value('problems')}
          </textarea>
        </div>
        <div class="field">
          <label for="field-other">六、其他需要报告的事项</label>
          <p class="hint" id="hint-other">
            须说明信息处理费收取情况，例如“本年度未收取信息处理费”。
          </p>
          <textarea id="field-other" name="other" rows={4} aria-describedby="hint-other">
            {value('other')}
          </textarea>
        </div>
        <div class="field">
          <label for="field-signer">落款单位</label>
          <input id="field-signer" name="signer" value={value('signer') || computed.agency.name} />
        </div>
        <div class="field">
          <label for="field-signedDate">成文日期</label>
          <input id="field-signedDate" name="signedDate" type="date" value={value('signedDate')} />
        </div>
        <button type="submit">保存正文</button>
      </form>
    </section>
  );
};
