/**
 * 保密审查 of an annual report: the report exactly as it would be published, what the
 * screening finds in its text, where the review stands, and for a reviewer of the agency
 * the opinion form. The review counts for this content only (src/app/reports/review.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app/context.ts';
import { computeAgencyReport } from '../../app/reports/compute.ts';
import { recordReportReview, reviewRefusal, reviewStatus } from '../../app/reports/review.ts';
import { can } from '../../domain/access/policy.ts';
import { screenText } from '../../domain/screening/index.ts';
import { composeOpinion } from '../../domain/secrecy/opinions.ts';
import { portalDateTime } from '../../domain/shared/dates.ts';
import { InputError, NotFoundError, type FieldError } from '../../domain/shared/result.ts';
import { reportTitle } from '../../law/report-format/index.ts';
import { hitKinds } from '../../law/screening.ts';
import { ReportView } from '../../render/report/html.tsx';
import { siteInfo } from '../site.ts';
import { Breadcrumbs } from '../views/components.tsx';
import { ErrorSummary, Layout } from '../views/layout.tsx';
import { sendPage } from '../views/page.ts';
import { actorOf, agencyFor } from './access.ts';
import { ReviewForm } from './catalogue/review-form.tsx';
import { viewerOf } from './viewer.ts';

type Params = { agencyId: string; year: string };
type Form = Partial<Record<string, string>>;

const sections = [
  ['overview', '一、总体情况'],
  ['problems', '五、存在的主要问题及改进情况'],
  ['other', '六、其他需要报告的事项'],
] as const;

function yearOf(raw: string): number {
  if (!/^\d{4}$/.test(raw)) throw new NotFoundError('年度应为四位数字');
  return Number(raw);
}

async function reviewPage(
  ctx: AppContext,
  request: FastifyRequest<{ Params: Params }>,
  reply: FastifyReply,
  state: { errors?: FieldError[]; form?: Form; notice?: string | undefined; status?: number } = {},
) {
  const { agency, tree } = await agencyFor(ctx, request, request.params.agencyId, 'report.view');
  const year = yearOf(request.params.year);
  const computed = await computeAgencyReport(ctx, agency, year);
  const status = await reviewStatus(ctx.db, computed);
  const refusal = reviewRefusal(status, year);
  const hits = sections.flatMap(([key, label]) => screenText(computed.report.text[key]).map((h) => ({ ...h, label })));
  const errors = computed.findings.filter((f) => f.severity === 'error').length;
  const viewer = viewerOf(request, reply, tree);
  const base = `/admin/reports/${agency.id}/${year}`;
  const title = reportTitle(agency.name, year);
  return sendPage(
    reply,
    <Layout title={`保密审查：${title}`} site={await siteInfo(ctx.db)} area="admin" viewer={viewer}>
      <Breadcrumbs
        trail={[
          ['工作台', '/admin'],
          [`${agency.shortName} ${year}年度报告`, base],
          ['保密审查', null],
        ]}
      />
      <h1>保密审查：{title}</h1>
      <ErrorSummary errors={state.errors ?? []} />
      {state.notice ? (
        <p class="notice" role="status">
          {state.notice}
        </p>
      ) : (
        ''
      )}
      <section aria-labelledby="review-status">
        <h2 id="review-status">审查情况</h2>
        {status.review ? (
          <p>
            最近一次保密审查：{status.review.reviewer}，{portalDateTime(status.review.reviewed_at)}。意见：{status.review.opinion}
          </p>
        ) : (
          ''
        )}
        {refusal ? <p class="blocked">{refusal.message}</p> : <p class="ok">现在的报告已经过保密审查，可以由审核领导发布。</p>}
        <p class="help">
          审查意见针对下面显示的报告内容（数字、正文、落款和成文日期）；此后正文或数字有任何变动，须重新审查。
          {errors ? `报告还有${errors}个错误，改正后内容会变动，须再次审查。` : ''}
        </p>
      </section>
      <section aria-labelledby="report-screening">
        <h2 id="report-screening">正文筛查</h2>
        {hits.length ? (
          <>
            <p class="blocked">报告正文中发现{hits.length}处个人信息或密级标识。年度报告按原文发布，不作遮蔽：请核实，需要删除的请编写人修改正文后再审查。</p>
            <ol>
              {hits.map((h) => (
                <li>
                  {hitKinds[h.kind].label}（{h.label}）：{h.context}
                </li>
              ))}
            </ol>
          </>
        ) : (
          <p class="ok">正文中未发现身份证号码、电话号码、银行卡号、电子邮箱或密级标识。</p>
        )}
      </section>
      {can(actorOf(request), 'report.review', agency.id, tree) ? (
        <section aria-labelledby="review-opinion">
          <h2 id="review-opinion">记录保密审查意见</h2>
          <ReviewForm action={`${base}/review`} csrf={viewer.csrf} subject="report" form={state.form} button="记录保密审查意见" />
        </section>
      ) : (
        ''
      )}
      <section aria-labelledby="reviewed-report" class="report-preview">
        <h2 id="reviewed-report">将要发布的报告</h2>
        <ReportView
          doc={{ report: computed.report, signer: computed.narrative?.signer ?? null, signedDate: computed.narrative?.signedDate ?? null }}
          findings={computed.findings}
        />
      </section>
    </Layout>,
    state.status ?? 200,
  );
}

export async function reportReviewRoutes(app: FastifyInstance, opts: { ctx: AppContext }) {
  const { ctx } = opts;
  app.get<{ Params: Params; Querystring: { reviewed?: string } }>('/admin/reports/:agencyId/:year/review', async (request, reply) =>
    reviewPage(ctx, request, reply, { notice: request.query.reviewed ? '已记录保密审查意见。' : undefined }),
  );
  app.post<{ Params: Params; Body: Form }>('/admin/reports/:agencyId/:year/review', { preHandler: app.csrfProtection }, async (request, reply) => {
    const { agency } = await agencyFor(ctx, request, request.params.agencyId, 'report.view');
    const year = yearOf(request.params.year);
    const form = request.body ?? {};
    try {
      const composed = composeOpinion(form.opinionChoice ?? '', form.opinion ?? '', 'report');
      if ('error' in composed) throw new InputError([composed.error]);
      await recordReportReview(ctx, actorOf(request), { agencyId: agency.id, year, opinion: composed.opinion });
      return reply.redirect(`/admin/reports/${agency.id}/${year}/review?reviewed=1`, 303);
    } catch (e) {
      if (e instanceof InputError) return reviewPage(ctx, request, reply, { errors: e.errors, form, status: 400 });
      throw e;
    }
  });
}
