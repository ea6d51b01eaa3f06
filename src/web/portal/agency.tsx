/** An agency's 政府信息公开 column (指南, 制度, 法定主动公开内容, 年报, 依申请公开) and its generated 指南. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/context.ts';
import { chinaDate } from '../../domain/shared/dates.ts';
import { catalogueCategories, reportedCategoryKeys } from '../../law/catalogue-categories.ts';
import { reportTitle } from '../../law/report-format/index.ts';
import { listAgencies } from '../../store/agencies.repo.ts';
import { latestPublishedItems, publishedCountsByCategory } from '../../store/catalogue.repo.ts';
import { getAgencyContacts } from '../../store/portal.repo.ts';
import { currentReportsOfAgency } from '../../store/reports.repo.ts';
import { siteInfo, siteOrigin } from '../site.ts';
import { Breadcrumbs } from '../views/components.tsx';
import { Layout } from '../views/layout.tsx';
import { sendPage } from '../views/page.ts';
import { ApplyInfo, Guide } from './guide.tsx';
import { agencyOr404 } from './lookup.ts';
import { agencyFeed, ItemLinks, ReportList } from './parts.tsx';

const noContacts = { officeName: '', officeAddress: '', officeHours: '', officePhone: '', officeFax: '', officeEmail: '', postcode: '' };
const guideLabel = catalogueCategories.guide.label;

export async function agencyRoutes(app: FastifyInstance, opts: { ctx: AppContext }) {
  const { ctx } = opts;

  app.get<{ Params: { id: string } }>('/agencies/:id', async (request, reply) => {
    const agency = await agencyOr404(ctx, request.params.id);
    const [site, counts, reports, contacts, guides, rules] = await Promise.all([
      siteInfo(ctx.db),
      publishedCountsByCategory(ctx.db, agency.id),
      currentReportsOfAgency(ctx.db, agency.id),
      getAgencyContacts(ctx.db, agency.id),
      latestPublishedItems(ctx.db, { agencyId: agency.id, categories: ['guide'], limit: 5 }),
      latestPublishedItems(ctx.db, { agencyId: agency.id, categories: ['rules'], limit: 10 }),
    ]);
    const rulesCount = counts.get('rules') ?? 0;
    return sendPage(
      reply,
      <Layout title={`${agency.name}政府信息公开`} site={site} meta={{ ColumnName: '政府信息公开', ContentSource: agency.name }} feeds={[agencyFeed(agency)]}>
        <Breadcrumbs
          trail={[
            ['首页', '/'],
            ['政府信息公开', '/agencies'],
            [agency.name, null],
          ]}
        />
        <h1>{agency.name}政府信息公开</h1>
        <nav aria-label="本专栏" class="tabs">
          <ul>
            <li>
              <a href="#guide">{guideLabel}</a>
            </li>
            <li>
              <a href="#rules">{catalogueCategories.rules.label}</a>
            </li>
            <li>
              <a href="#statutory">{catalogueCategories.statutory.label}</a>
            </li>
            <li>
              <a href="#annual">{catalogueCategories.annualReports.label}</a>
            </li>
            <li>
              <a href="#apply">依申请公开</a>
            </li>
          </ul>
        </nav>
        <section aria-labelledby="guide">
          <h2 id="guide">{guideLabel}</h2>
          <ul class="link-list">
            <li>
              <a href={`/agencies/${agency.id}/guide`}>
                {agency.name}
                {guideLabel}
              </a>
            </li>
            {guides.map((i) => (
              <li>
                <a href={`/items/${i.id}`}>{i.title}</a>
                <time datetime={i.published_date ?? ''}>{i.published_date}</time>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="rules">
          <h2 id="rules">{catalogueCategories.rules.label}</h2>
          <ItemLinks items={rules} />
          {rulesCount > rules.length ? (
            <p>
              <a href={`/agencies/${agency.id}/items?category=rules`}>查看全部{rulesCount}条</a>
            </p>
          ) : (
            ''
          )}
        </section>
        <section aria-labelledby="statutory">
          <h2 id="statutory">{catalogueCategories.statutory.label}</h2>
          <ul class="category-list">
            {reportedCategoryKeys.map((k) => (
              <li>
                <a href={`/agencies/${agency.id}/items?category=${k}`}>{catalogueCategories[k].label}</a>
                <span class="count">（{counts.get(k) ?? 0}条）</span>
              </li>
            ))}
          </ul>
          <p>
            <a href={`/agencies/${agency.id}/items?category=statutory`}>查看全部法定主动公开内容</a>
            {'　'}
            <a href={`/agencies/${agency.id}/feed.atom`}>订阅（Atom）</a>
          </p>
        </section>
        <section aria-labelledby="annual">
          <h2 id="annual">{catalogueCategories.annualReports.label}</h2>
          <ReportList
            reports={reports.map((r) => ({ id: r.id, title: reportTitle(r.report.agency, r.year), date: chinaDate(r.publishedAt), version: r.version }))}
          />
          <p>
            <a href={`/agencies/${agency.id}/annual-reports`}>进入年报栏目</a>
          </p>
        </section>
        <section aria-labelledby="apply">
          <h2 id="apply">依申请公开</h2>
          <p class="apply-links">
            <a href={`/apply?agency=${agency.id}`}>向{agency.shortName}网上申请</a>　<a href="/apply/status">查询申请办理进度</a>
          </p>
          <ApplyInfo agency={agency} contacts={contacts ?? noContacts} />
          <p>
            时限、费用和救济途径详见<a href={`/agencies/${agency.id}/guide#g-apply`}>{guideLabel}</a>。
          </p>
        </section>
      </Layout>,
    );
  });

  app.get<{ Params: { id: string } }>('/agencies/:id/guide', async (request, reply) => {
    const agency = await agencyOr404(ctx, request.params.id);
    const [site, tree, counts, contacts] = await Promise.all([
      siteInfo(ctx.db),
      listAgencies(ctx.db),
      publishedCountsByCategory(ctx.db, agency.id),
      getAgencyContacts(ctx.db, agency.id),
    ]);
    const parent = tree.find((a) => a.id === agency.parentId) ?? null;
    const county = tree.find((a) => a.kind === 'countyGovernment');
    const supervisor = (county && (await getAgencyContacts(ctx.db, county.id))?.officeName) || '县人民政府办公室';
    const title = `${agency.name}${guideLabel}`;
    return sendPage(
      reply,
      <Layout
        title={title}
        site={site}
        meta={{ ColumnName: guideLabel, ArticleTitle: title, ContentSource: agency.name, Description: title }}
        feeds={[agencyFeed(agency)]}
      >
        <Breadcrumbs
          trail={[
            ['首页', '/'],
            ['政府信息公开', '/agencies'],
            [agency.name, `/agencies/${agency.id}`],
            [guideLabel, null],
          ]}
        />
        <Guide
          g={{
            agency,
            parent,
            supervisor,
            contacts: contacts ?? noContacts,
            counts,
            columnUrl: `${siteOrigin(site, request)}/agencies/${agency.id}`,
            siteName: site.name,
            year: chinaDate(ctx.now()).slice(0, 4),
            today: chinaDate(ctx.now()),
          }}
        />
      </Layout>,
    );
  });
}
