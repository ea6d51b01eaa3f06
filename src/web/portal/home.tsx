/** The portal's home page and the directory of agencies. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/context.ts';
import { reportTitle } from '../../law/report-format/index.ts';
import { chinaDate } from '../../domain/shared/dates.ts';
import { listAgencies } from '../../store/agencies.repo.ts';
import { latestPublishedItems } from '../../store/catalogue.repo.ts';
import { latestPublications } from '../../store/reports.repo.ts';
import { siteInfo } from '../site.ts';
import { Layout } from '../views/layout.tsx';
import { Breadcrumbs } from '../views/components.tsx';
import { sendPage } from '../views/page.ts';
import { AgencyDirectory, countyFeed, ItemLinks } from './parts.tsx';

export async function homeRoutes(app: FastifyInstance, opts: { ctx: AppContext }) {
  const { ctx } = opts;

  app.get('/', async (_request, reply) => {
    const [site, agencies, latest, items] = await Promise.all([
      siteInfo(ctx.db),
      listAgencies(ctx.db),
      latestPublications(ctx.db, 8),
      latestPublishedItems(ctx.db, { limit: 10 }),
    ]);
    return sendPage(
      reply,
      <Layout title="首页" site={site} meta={{ ColumnName: '首页' }} feeds={[countyFeed(site.name)]}>
        <h1>政府信息公开</h1>
        <p class="lead">县政府及各乡镇、县直部门依照《中华人民共和国政府信息公开条例》在本平台统一公开政府信息。</p>
        <form method="get" action="/search" role="search" class="search-box" aria-label="站内搜索">
          <label for="home-q">搜索政府信息</label>
          <div class="search-row">
            <input id="home-q" type="search" name="q" placeholder="名称、关键词、索引号或文号" />
            <button type="submit">搜索</button>
          </div>
        </form>
        <section aria-labelledby="latest-items">
          <h2 id="latest-items">最新公开信息</h2>
          <ItemLinks items={items} showAgency />
          <p>
            <a href="/items">查看全部公开信息</a>　<a href="/feed.atom">订阅（Atom）</a>
          </p>
        </section>
        <section aria-labelledby="home-apply">
          <h2 id="home-apply">依申请公开</h2>
          <p>
            需要的政府信息没有主动公开的，可以向制作或者保存该信息的机关申请公开：<a href="/apply">网上申请</a>　<a href="/apply/status">申请查询</a>
            （凭申请编号和查询码查看办理进度和答复文书）
          </p>
        </section>
        <section aria-labelledby="directory">
          <h2 id="directory">政府信息公开专栏</h2>
          <AgencyDirectory agencies={agencies} level={3} />
        </section>
        <section aria-labelledby="latest-reports">
          <h2 id="latest-reports">最新发布的政府信息公开工作年度报告</h2>
          <ul class="link-list">
            {latest.map((r) => (
              <li>
                <a href={`/annual-reports/${r.id}`}>{reportTitle(r.name, r.year)}</a>
                {r.version > 1 ? <span class="tag">更正版</span> : ''}
                <time datetime={chinaDate(r.published_at)}>{chinaDate(r.published_at)}</time>
              </li>
            ))}
          </ul>
          <p>
            <a href="/annual-reports">查看全部年度报告</a>
          </p>
        </section>
      </Layout>,
    );
  });

  app.get('/agencies', async (_request, reply) => {
    const [site, agencies] = await Promise.all([siteInfo(ctx.db), listAgencies(ctx.db)]);
    return sendPage(
      reply,
      <Layout title="政府信息公开" site={site} meta={{ ColumnName: '政府信息公开' }}>
        <Breadcrumbs
          trail={[
            ['首页', '/'],
            ['政府信息公开', null],
          ]}
        />
        <h1>政府信息公开</h1>
        <AgencyDirectory agencies={agencies} />
      </Layout>,
    );
  });
}
