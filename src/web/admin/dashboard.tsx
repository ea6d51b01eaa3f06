/** The staff workbench: pick an agency and year; see which reports are published and which are late. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/context.ts';
import { reportYears } from '../../app/reports/compute.ts';
import { agenciesWhere } from '../../domain/access/policy.ts';
import { chinaDate } from '../../domain/shared/dates.ts';
import { roles } from '../../law/roles.ts';
import { deadlineOf, reportSettings } from '../../app/reports/settings.ts';
import { listAgencies } from '../../store/agencies.repo.ts';
import { siteInfo } from '../site.ts';
import { Layout } from '../views/layout.tsx';
import { sendPage } from '../views/page.ts';
import { actorOf } from './access.ts';
import { viewerOf } from './viewer.ts';
import { openVersions } from '../../store/catalogue-versions.repo.ts';
import { clockOf, workingCalendar } from '../../app/catalog/clock.ts';
import { can, type Actor } from '../../domain/access/policy.ts';
import type { Agency } from '../../domain/agencies/agency.ts';
import { versionStates, type VersionState } from '../../law/catalogue-workflow.ts';
import { Icon, SelectField } from '../views/components.tsx';
import { caseUrgencyCounts } from '../../app/requests/read.ts';
import { dueSoonWorkingDays } from '../../law/request-workflow.ts';

export async function dashboardRoutes(app: FastifyInstance, opts: { ctx: AppContext }) {
  const { ctx } = opts;
  app.get('/admin', async (request, reply) => {
    const actor = actorOf(request);
    const tree = await listAgencies(ctx.db);
    const visible = agenciesWhere(actor, 'report.view', tree);
    const agencies = tree.filter((a) => visible.has(a.id));
    const today = chinaDate(ctx.now());
    const settings = await reportSettings(ctx.db);
    const published = await ctx.db
      .selectFrom('annual_reports')
      .select(['agency_id', 'year', 'id', 'version', 'published_at'])
      .orderBy('version', 'desc')
      .execute();
    const status = new Map<string, (typeof published)[number]>();
    for (const p of published) if (!status.has(`${p.agency_id}/${p.year}`)) status.set(`${p.agency_id}/${p.year}`, p);
    const thisYear = Number(today.slice(0, 4));
    const years = Array.from({ length: 4 }, (_, i) => thisYear - i).filter((y) => y >= 2021);
    const site = await siteInfo(ctx.db);
    const todo = await todoOf(ctx, actor, tree, today);
    const requestAgencies = [...agenciesWhere(actor, 'requests.view', tree)];
    const requests = requestAgencies.length ? await caseUrgencyCounts(ctx, actor, requestAgencies) : null;
    return sendPage(
      reply,
      <Layout title="工作台" site={site} area="admin" viewer={viewerOf(request, reply, tree)}>
        <h1>工作台</h1>
        <p>
          {actor.displayName}，您的角色：
          {actor.roles.map((r) => `${roles[r.role].label}${r.agencyId ? `（${tree.find((a) => a.id === r.agencyId)?.shortName ?? ''}）` : ''}`).join('、')}
        </p>
        <Todo todo={todo} />
        <section aria-labelledby="calendar">
          <h2 id="calendar">工作日历</h2>
          <p>
            {can(actor, 'platform.administer', null, tree) ? (
              <>
                <a href="/admin/calendar">工作日历管理</a>（各年度放假安排、地方调整）{'　'}
              </>
            ) : (
              ''
            )}
            <a href="/admin/calendar/deadline">期限计算</a>
          </p>
        </section>
        {requests ? <RequestsTodo counts={requests} /> : ''}
        {actor.roles.some((r) => r.agencyId !== null) ? (
          <p>
            收到对政府信息公开工作的投诉、举报（电话、信件、来访）？请<a href="/admin/supervision/complaints/new">登记</a>
            ，由县政府信息公开工作主管部门处理（条例第四十七条）。
          </p>
        ) : (
          ''
        )}
        {agencies.length === 0 ? (
          <p>您的账号还没有分配单位。</p>
        ) : (
          <>
            <section aria-labelledby="open-report">
              <h2 id="open-report">政府信息公开工作年度报告</h2>
              <form method="get" action="/admin/reports" class="form inline-form">
                <SelectField name="agency" label="单位" options={agencies.map((a) => [a.id, a.name] as const)} />
                <SelectField name="year" label="年度" value={thisYear - 1} options={years.map((y) => [y, `${y}年度`] as const)} />
                <button type="submit">打开</button>
              </form>
            </section>
            <table class="list status-table">
              <caption>各单位年度报告发布情况</caption>
              <thead>
                <tr>
                  <th scope="col">单位</th>
                  {years.map((y) => (
                    <th scope="col">{y}年度</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {agencies.map((a) => (
                  <tr>
                    <th scope="row">{a.shortName}</th>
                    {years.map((y) => {
                      const { first, last } = reportYears(a, today);
                      if (y < first || y > last) return <td>—</td>;
                      const p = status.get(`${a.id}/${y}`);
                      const deadline = deadlineOf(settings, a.kind, y);
                      const late = !p && today > deadline;
                      return (
                        <td class={late ? 'late' : p ? 'done' : ''}>
                          <a href={`/admin/reports/${a.id}/${y}`}>{reportStanding(p, late, y >= thisYear, deadline)}</a>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </Layout>,
    );
  });
}

/** A year not yet over is not "unpublished": its report is due only after it ends (条例 第四十九条). */
function reportStanding(p: { version: number } | undefined, late: boolean, notOver: boolean, deadline: string): string {
  if (p) return `已发布${p.version > 1 ? `（第${p.version}版）` : ''}`;
  if (late) return '逾期未发布';
  return notOver ? '本年度未结束' : `未发布（${deadline}前）`;
}

interface TodoRow {
  versionId: number;
  title: string;
  agency: string;
  state: VersionState;
  clock: ReturnType<typeof clockOf> | null;
}

/** What waits for the actor: 保密审查, approval, drafts to finish; and drafts past the 第二十六条 limit. */
async function todoOf(ctx: AppContext, actor: Actor, tree: readonly Agency[], today: string): Promise<{ mine: TodoRow[]; overdue: TodoRow[] }> {
  const visible = [...agenciesWhere(actor, 'catalogue.view', tree)];
  const calendar = await workingCalendar(ctx);
  const rows = (await openVersions(ctx.db, visible)).map((v) => ({
    versionId: v.id,
    title: v.title,
    agency: tree.find((a) => a.id === v.agency_id)?.shortName ?? '',
    agencyId: v.agency_id,
    state: v.state as VersionState,
    clock: v.version === 1 ? clockOf(calendar, v.generated_date, today) : null,
  }));
  const waitsFor = (r: (typeof rows)[number]) =>
    (r.state === 'inReview' && can(actor, 'catalogue.review', r.agencyId, tree)) ||
    (r.state === 'inApproval' && can(actor, 'catalogue.approve', r.agencyId, tree)) ||
    ((r.state === 'draft' || r.state === 'returned') && can(actor, 'catalogue.edit', r.agencyId, tree));
  return { mine: rows.filter(waitsFor), overdue: rows.filter((r) => r.clock?.overdue) };
}

const TodoTable = ({ rows, caption }: { rows: readonly TodoRow[]; caption: string }) => (
  <table class="list">
    <caption>{caption}</caption>
    <thead>
      <tr>
        <th scope="col">名称</th>
        <th scope="col">单位</th>
        <th scope="col">状态</th>
        <th scope="col">公开期限</th>
      </tr>
    </thead>
    <tbody>
      {rows.map((r) => (
        <tr>
          <td>
            <a href={`/admin/versions/${r.versionId}`}>{r.title}</a>
          </td>
          <td>{r.agency}</td>
          <td>{versionStates[r.state].label}</td>
          <td class={r.clock?.overdue ? 'late' : ''}>{r.clock?.text ?? '更正版本'}</td>
        </tr>
      ))}
    </tbody>
  </table>
);

const Todo = ({ todo }: { todo: { mine: TodoRow[]; overdue: TodoRow[] } }) => (
  <section aria-labelledby="todo">
    <h2 id="todo">主动公开待办</h2>
    {todo.mine.length ? <TodoTable rows={todo.mine} caption="等待您处理的信息" /> : <p>没有等待您处理的信息。</p>}
    {todo.overdue.length ? <TodoTable rows={todo.overdue} caption="已超过条例第二十六条公开期限（20个工作日）的信息" /> : ''}
    <p>
      <a href="/admin/items">全部主动公开信息</a>
    </p>
  </section>
);

/** Open disclosure requests past or near their next deadline, in words as well as colour. */
const RequestsTodo = ({ counts }: { counts: { overdue: number; dueSoon: number; open: number } }) => (
  <section aria-labelledby="requests-todo">
    <h2 id="requests-todo">依申请公开</h2>
    <p>
      办理中{counts.open}件：
      <span class={counts.overdue ? 'urgency-overdue' : ''}>
        {counts.overdue ? (
          <>
            <Icon name="warning" />{' '}
          </>
        ) : (
          ''
        )}
        逾期{counts.overdue}件
      </span>
      ，
      <span class={counts.dueSoon ? 'urgency-dueSoon' : ''}>
        {counts.dueSoon ? (
          <>
            <Icon name="clock" />{' '}
          </>
        ) : (
          ''
        )}
        {dueSoonWorkingDays}个工作日内到期{counts.dueSoon}件
      </span>
      。
    </p>
    <p>
      <a href="/admin/requests">办理依申请公开</a>
    </p>
  </section>
);
