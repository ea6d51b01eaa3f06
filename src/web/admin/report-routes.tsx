/**
 * The staff pages of the annual report: the computed report with its findings marked on
 * their cells, the records behind each number, the narrative form, downloads in every
 * format, where its 保密审查 stands (./report-review-page.tsx), and publication by the
 * agency's leader (./report-publish.tsx).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app/context.ts';
import { computeAgencyReport, type ComputedReport } from '../../app/reports/compute.ts';
import { saveReportNarrative } from '../../app/reports/narrative.ts';
import { publishAnnualReport } from '../../app/reports/publish.ts';
import { traceCell } from '../../app/reports/trace.ts';
import { can } from '../../domain/access/policy.ts';
import type { Agency } from '../../domain/agencies/agency.ts';
import type { Finding } from '../../domain/reports/findings.ts';
import { validateReport } from '../../domain/reports/validate.ts';
import { chinaDate } from '../../domain/shared/dates.ts';
import { InputError, NotFoundError, type FieldError } from '../../domain/shared/result.ts';
import { reportTitle } from '../../law/report-format/index.ts';
import { ReportView } from '../../render/report/html.tsx';
import { formatInfo, reportFormats } from '../../render/report/index.ts';
import { reportVersions } from '../../store/reports.repo.ts';
import { getDecisionStatistics } from '../../store/records.repo.ts';
import { recordDecisionStatistics } from '../../app/records/decision-statistics.ts';
import { reportFormatOr404, sendReportFile } from '../report-files.ts';
import { siteInfo } from '../site.ts';
import { Breadcrumbs } from '../views/components.tsx';
import { ErrorSummary, Layout } from '../views/layout.tsx';
import { sendPage } from '../views/page.ts';
import { actorOf, agencyFor } from './access.ts';
import { viewerOf } from './viewer.ts';
import { agencyCopyCheck } from '../../app/reports/supervision.ts';
import { CopySection, Findings } from './report-parts.tsx';
import { PublishForm } from './report-publish.tsx';
import { reviewStatus } from '../../app/reports/review.ts';
import { NarrativeForm, PublishedCounts, StatisticsForm, Status, YearLinks } from './report-sections.tsx';

type Params = { agencyId: string; year: string };
type Form = Partial<Record<string, string>>;

function yearParam(raw: string): number {
  if (!/^\d{4}$/.test(raw)) throw new NotFoundError('年度应为四位数字');
  return Number(raw);
}

export async function reportRoutes(app: FastifyInstance, opts: { ctx: AppContext }) {
  const { ctx } = opts;

  const load = async (request: FastifyRequest<{ Params: Params }>) => {
    const { agency, tree } = await agencyFor(ctx, request, request.params.agencyId, 'report.view');
    const year = yearParam(request.params.year);
    const computed = await computeAgencyReport(ctx, agency, year);
    return { agency, tree, year, computed };
  };

  const show = async (
    request: FastifyRequest<{ Params: Params }>,
    reply: FastifyReply,
    state: { errors?: FieldError[]; form?: Partial<Record<string, string>>; notice?: string; status?: number } = {},
  ) => {
    const { agency, tree, year, computed } = await load(request);
    const actor = actorOf(request);
    const versions = await reportVersions(ctx.db, agency.id, year);
    const site = await siteInfo(ctx.db);
    const viewer = viewerOf(request, reply, tree);
    const csrf = viewer.csrf;
    const mayEdit = can(actor, 'report.editNarrative', agency.id, tree);
    const mayPublish = can(actor, 'report.publish', agency.id, tree);
    const mayRecord = can(actor, 'records.edit', agency.id, tree);
    const statistics = mayRecord ? await getDecisionStatistics(ctx.db, agency.id, year) : undefined;
    const base = `/admin/reports/${agency.id}/${year}`;
    const title = reportTitle(agency.name, year);
    const recheck = versions[0] ? recheckPublished(computed, versions[0]) : [];
    // Other agencies' drafts are compared only for those who supervise them.
    const copy = await agencyCopyCheck(ctx, agency, year, can(actor, 'county.supervise', agency.id, tree));
    const review = await reviewStatus(ctx.db, computed);
    return sendPage(
      reply,
      <Layout title={title} site={site} area="admin" viewer={viewer}>
        <Breadcrumbs
          trail={[
            ['工作台', '/admin'],
            [`${agency.shortName} ${year}年度报告`, null],
          ]}
        />
        <h1>{title}</h1>
        <ErrorSummary errors={state.errors ?? []} />
        {state.notice ? (
          <p class="notice" role="status">
            {state.notice}
          </p>
        ) : (
          ''
        )}
        <YearLinks agency={agency} year={year} today={chinaDate(ctx.now())} />
        <Status computed={computed} versions={versions} base={base} review={review} />
        <Findings findings={computed.findings} blocking />
        <CopySection agencyId={agency.id} year={year} check={copy} />
        {recheck.length ? (
          <section aria-labelledby="recheck">
            <h2 id="recheck">已发布版本与当前台账的差异</h2>
            <p>发布后台账有变动，已发布的数字与当前记录不一致。请核实后发布更正版本。</p>
            <ul>
              {recheck.map((f) => (
                <li>
                  {f.rule} {f.message}
                </li>
              ))}
            </ul>
          </section>
        ) : (
          ''
        )}
        <section aria-labelledby="computed-report" class="report-preview">
          <h2 id="computed-report">报告内容（根据台账实时生成，点击数字可查看对应记录）</h2>
          <ReportView
            doc={{ report: computed.report, signer: computed.narrative?.signer ?? null, signedDate: computed.narrative?.signedDate ?? null }}
            findings={computed.findings}
            traceHref={(cell) => `${base}/cells/${encodeURIComponent(cell)}`}
          />
        </section>
        <PublishedCounts base={base} computed={computed} />
        <section aria-labelledby="downloads">
          <h2 id="downloads">下载</h2>
          <ul class="downloads">
            {reportFormats.map((f) => (
              <li>
                <a href={`${base}/download.${f}`}>{formatInfo[f].label}</a>
              </li>
            ))}
          </ul>
        </section>
        {mayRecord ? <StatisticsForm base={base} csrf={csrf} year={year} saved={statistics} form={state.form} /> : ''}
        {mayEdit ? <NarrativeForm base={base} csrf={csrf} computed={computed} form={state.form} /> : ''}
        {mayPublish ? <PublishForm base={base} csrf={csrf} computed={computed} published={versions.length > 0} review={review} /> : ''}
      </Layout>,
      state.status ?? 200,
    );
  };

  app.get<{ Querystring: { agency?: string; year?: string } }>('/admin/reports', async (request, reply) => {
    const { agency } = await agencyFor(ctx, request, request.query.agency ?? '', 'report.view');
    return reply.redirect(`/admin/reports/${agency.id}/${yearParam(request.query.year ?? '')}`, 303);
  });

  app.get<{ Params: Params; Querystring: { saved?: string; published?: string } }>('/admin/reports/:agencyId/:year', async (request, reply) =>
    show(request, reply, {
      notice: request.query.saved ? '已保存。' : request.query.published ? `已发布，索引号 ${request.query.published}。` : undefined,
    }),
  );

  /** A form that performs one act on the report, then shows the page again (or the errors, naming their fields). */
  const act = (suffix: string, run: (a: { agency: Agency; year: number; form: Form; actor: ReturnType<typeof actorOf> }) => Promise<string>) =>
    app.post<{ Params: Params; Body: Form }>(`/admin/reports/:agencyId/:year/${suffix}`, { preHandler: app.csrfProtection }, async (request, reply) => {
      const { agency } = await agencyFor(ctx, request, request.params.agencyId, 'report.view');
      const year = yearParam(request.params.year);
      const form = request.body ?? {};
      try {
        const query = await run({ agency, year, form, actor: actorOf(request) });
        return reply.redirect(`/admin/reports/${agency.id}/${year}?${query}`, 303);
      } catch (e) {
        if (e instanceof InputError) return show(request, reply, { errors: e.errors, form, status: 400 });
        throw e;
      }
    });
  const text = (form: Form, name: string) => String(form[name] ?? '');

  act('narrative', async ({ agency, year, form, actor }) => {
    await saveReportNarrative(ctx, actor, {
      agencyId: agency.id,
      year,
      overview: text(form, 'overview'),
      problems: text(form, 'problems'),
      other: text(form, 'other'),
      signer: text(form, 'signer'),
      signedDate: text(form, 'signedDate') || null,
    });
    return 'saved=1';
  });

  act('statistics', async ({ agency, year, form, actor }) => {
    await recordDecisionStatistics(ctx, actor, {
      agencyId: agency.id,
      year,
      licensing: text(form, 'licensing'),
      penalty: text(form, 'penalty'),
      coercion: text(form, 'coercion'),
      feesYuan: text(form, 'feesYuan'),
      note: text(form, 'note'),
    });
    return 'saved=1#statistics';
  });

  act('publish', async ({ agency, year, form, actor }) => {
    const r = await publishAnnualReport(ctx, actor, { agencyId: agency.id, year, reason: text(form, 'reason') || null });
    return `published=${encodeURIComponent(r.indexNo)}`;
  });

  app.get<{ Params: Params & { format: string } }>('/admin/reports/:agencyId/:year/download.:format', async (request, reply) => {
    const format = reportFormatOr404(request.params.format);
    const { computed } = await load(request);
    const doc = { report: computed.report, signer: computed.narrative?.signer ?? null, signedDate: computed.narrative?.signedDate ?? null };
    return sendReportFile(reply, format, doc);
  });

  app.get<{ Params: Params & { cell: string } }>('/admin/reports/:agencyId/:year/cells/:cell', async (request, reply) => {
    const { agency, tree } = await agencyFor(ctx, request, request.params.agencyId, 'report.view');
    const year = yearParam(request.params.year);
    const trace = await traceCell(ctx, agency, year, request.params.cell);
    const site = await siteInfo(ctx.db);
    const base = `/admin/reports/${agency.id}/${year}`;
    return sendPage(
      reply,
      <Layout title={trace.label} site={site} area="admin" viewer={viewerOf(request, reply, tree)}>
        <Breadcrumbs
          trail={[
            ['工作台', '/admin'],
            [`${agency.shortName} ${year}年度报告`, base],
            [trace.label, null],
          ]}
        />
        <h1>{trace.label}</h1>
        <p>
          统计口径：{trace.rule}。共{trace.records.length}条记录。
        </p>
        {trace.records.length ? (
          <table class="list">
            <caption class="visually-hidden">{trace.label}对应的记录</caption>
            <thead>
              <tr>
                <th scope="col">编号</th>
                <th scope="col">内容</th>
                <th scope="col">情况</th>
              </tr>
            </thead>
            <tbody>
              {trace.records.map((r) => (
                <tr>
                  <td>{r.reference}</td>
                  <td>{r.title}</td>
                  <td>{r.details.join('；')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>没有对应的记录，因此该项为0。</p>
        )}
        <p>
          <a href={base}>返回年度报告</a>
        </p>
      </Layout>,
    );
  });
}

/** The published version checked against the records as they are now (a later-registered case shows up here). */
function recheckPublished(computed: ComputedReport, published: { report: ComputedReport['report']; origin: 'platform' | 'imported' }): Finding[] {
  const findings = validateReport(published.report, { ...computed.context, origin: published.origin, derived: computed.report, handledTrace: undefined });
  return findings.filter((f) => f.rule === 'T3-06' || f.rule === 'T2-04');
}
