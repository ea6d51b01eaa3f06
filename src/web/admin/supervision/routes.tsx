/**
 * The county supervisor's complaint pages under /admin/supervision (条例 第四十七条): the list
 * of a county's complaints and reports with due dates, registering one received by phone,
 * letter, visit or e-mail, a complaint with the forms to record its handling and answer, and
 * the county's time limits (更正 and complaints). Only the county's supervisor sees them (they
 * carry the complainants' personal data); anyone else finds nothing (404). Every POST has a
 * CSRF token and answers with a redirect, or the page again with each error at its field.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../app/context.ts';
import {
  answerComplaint,
  complaintFor,
  countyComplaints,
  recordHandling,
  registerComplaint,
  registrableCounties,
  supervisedCountiesForComplaints,
} from '../../../app/complaints/complaints.ts';
import { countyLimits, saveCountyLimits } from '../../../app/supervision/limits.ts';
import { subtreeIds } from '../../../domain/agencies/agency.ts';
import { can } from '../../../domain/access/policy.ts';
import { chinaDate } from '../../../domain/shared/dates.ts';
import { InputError, NotFoundError, type FieldError } from '../../../domain/shared/result.ts';
import { complaintChannels, staffComplaintChannels } from '../../../law/complaints.ts';
import { formRateLimit } from '../../plugins/security.ts';
import { siteInfo } from '../../site.ts';
import { Breadcrumbs, positiveInt, SelectField, TextField } from '../../views/components.tsx';
import { ComplaintFields, complaintValuesOf } from '../../views/complaint-fields.tsx';
import { ErrorSummary, Layout } from '../../views/layout.tsx';
import { sendPage } from '../../views/page.ts';
import { actorOf } from '../access.ts';
import { viewerOf } from '../viewer.ts';
import { ComplaintDetail, ComplaintTable, HandlingForms, LimitsForm } from './complaint-parts.tsx';

type Q = { county?: string; done?: string };
const listTitle = '投诉、举报';
const done: Record<string, string> = { registered: '已登记。', handling: '已登记处理情况。', answer: '已答复并办结。', limits: '办理时限已保存。' };

export async function supervisionRoutes(app: FastifyInstance, opts: { ctx: AppContext }) {
  const { ctx } = opts;

  /** The county named in the query (or the actor's only one) whose complaints the actor handles. */
  const countyFor = async (request: FastifyRequest<{ Querystring: Q }>) => {
    const { tree, counties } = await supervisedCountiesForComplaints(ctx, actorOf(request));
    const wanted = request.query.county ? positiveInt(request.query.county) : (counties[0]?.id ?? null);
    const county = counties.find((c) => c.id === wanted);
    if (!county) throw new NotFoundError('找不到这个县，或您没有查看它的投诉、举报的权限。');
    return { county, tree };
  };

  const listPage = async (
    request: FastifyRequest<{ Querystring: Q }>,
    reply: FastifyReply,
    state: { errors?: FieldError[]; values?: Record<string, string>; status?: number } = {},
  ) => {
    const { county, tree } = await countyFor(request);
    const data = await countyComplaints(ctx, actorOf(request), county.id);
    const viewer = viewerOf(request, reply, tree);
    return sendPage(
      reply,
      <Layout title={listTitle} site={await siteInfo(ctx.db)} area="admin" viewer={viewer}>
        <Breadcrumbs
          trail={[
            ['工作台', '/admin'],
            [listTitle, null],
          ]}
        />
        <h1>
          {county.name}政府信息公开{listTitle}
        </h1>
        {request.query.done && done[request.query.done] ? (
          <p class="notice" role="status">
            {done[request.query.done]}
          </p>
        ) : (
          ''
        )}
        <ErrorSummary errors={state.errors ?? []} />
        <p>
          办理中{data.open}件，其中逾期{data.overdue}件。网上提交的投诉、举报自动进入本页；电话、信件、来访收到的，请
          <a href={`/admin/supervision/complaints/new?county=${county.id}`}>登记</a>。
        </p>
        <ComplaintTable rows={data.rows} tree={data.tree} today={data.today} caption="投诉、举报（办理中的在前，按答复期限排列）" />
        <LimitsForm countyId={county.id} limits={await countyLimits(ctx.db, county.id)} csrf={viewer.csrf} errors={state.errors ?? []} values={state.values} />
      </Layout>,
      state.status ?? 200,
    );
  };

  app.get<{ Querystring: Q }>('/admin/supervision/complaints', (request, reply) => listPage(request, reply));

  app.post<{ Querystring: Q; Body: Record<string, string> }>(
    '/admin/supervision/limits',
    { preHandler: app.csrfProtection, config: formRateLimit },
    async (request, reply) => {
      const { county } = await countyFor(request);
      const values = complaintValuesOf(request.body);
      try {
        await saveCountyLimits(ctx, actorOf(request), county.id, { correctionDays: values.correctionDays ?? '', complaintDays: values.complaintDays ?? '' });
      } catch (e) {
        if (e instanceof InputError) return listPage(request, reply, { errors: e.errors, values, status: 400 });
        throw e;
      }
      return reply.redirect(`/admin/supervision/complaints?county=${county.id}&done=limits#limits`, 303);
    },
  );

  /** The county whose complaints the actor may register (any staff of it). */
  const registerCounty = async (request: FastifyRequest<{ Querystring: Q }>) => {
    const { tree, counties } = await registrableCounties(ctx, actorOf(request));
    const wanted = request.query.county ? positiveInt(request.query.county) : (counties[0]?.id ?? null);
    const county = counties.find((c) => c.id === wanted);
    if (!county) throw new NotFoundError('找不到这个县，或您不能为它登记投诉、举报。');
    return { county, tree };
  };

  const registerPage = async (
    request: FastifyRequest<{ Querystring: Q }>,
    reply: FastifyReply,
    values: Record<string, string>,
    errors: readonly FieldError[],
    status = 200,
  ) => {
    const { county, tree } = await registerCounty(request);
    const viewer = viewerOf(request, reply, tree);
    const msg = (f: string) => errors.find((e) => e.field === f)?.message;
    return sendPage(
      reply,
      <Layout title="登记投诉、举报" site={await siteInfo(ctx.db)} area="admin" viewer={viewer}>
        <Breadcrumbs
          trail={[
            ['工作台', '/admin'],
            ...(can(actorOf(request), 'complaints.handle', county.id, tree)
              ? ([[listTitle, `/admin/supervision/complaints?county=${county.id}`]] as const)
              : []),
            ['登记投诉、举报', null],
          ]}
        />
        <h1>登记投诉、举报（{county.shortName}）</h1>
        <p>
          对本县行政机关政府信息公开工作的投诉、举报，通过电话、信件、来访或者电子邮件收到的，在此登记，由县政府信息公开工作主管部门调查处理并答复（条例第四十七条）。
        </p>
        <ErrorSummary errors={errors} />
        <form method="post" action={`/admin/supervision/complaints/new?county=${county.id}`} class="form">
          <input type="hidden" name="_csrf" value={viewer.csrf} />
          <SelectField
            name="channel"
            label="收到的方式"
            value={values.channel}
            empty="请选择"
            options={staffComplaintChannels.map((c) => [c, complaintChannels[c].label] as const)}
            error={msg('channel')}
          />
          <TextField
            name="receivedDate"
            type="date"
            label="收到之日"
            value={values.receivedDate ?? chinaDate(ctx.now())}
            error={msg('receivedDate')}
            hint="答复期限自此日起按本县规定的工作日计算。"
          />
          <ComplaintFields agencies={tree.filter((a) => subtreeIds(tree, county.id).has(a.id))} values={values} errors={errors} />
          <button type="submit">登记</button>
        </form>
      </Layout>,
      status,
    );
  };

  app.get<{ Querystring: Q }>('/admin/supervision/complaints/new', (request, reply) => registerPage(request, reply, {}, []));

  app.post<{ Querystring: Q; Body: Record<string, string> }>(
    '/admin/supervision/complaints/new',
    { preHandler: app.csrfProtection },
    async (request, reply) => {
      const values = complaintValuesOf(request.body);
      const { county, tree } = await registerCounty(request);
      try {
        const filed = await registerComplaint(ctx, actorOf(request), values);
        if (can(actorOf(request), 'complaints.handle', county.id, tree))
          return reply.redirect(`/admin/supervision/complaints/${filed.id}?done=registered`, 303);
        // Registered by the staff of an agency: it is the supervisor's to handle, and holds personal data.
        return sendPage(
          reply,
          <Layout title="投诉、举报已登记" site={await siteInfo(ctx.db)} area="admin" viewer={viewerOf(request, reply, tree)}>
            <Breadcrumbs
              trail={[
                ['工作台', '/admin'],
                ['投诉、举报已登记', null],
              ]}
            />
            <h1>投诉、举报已登记</h1>
            <p class="notice" role="status">
              已登记，编号为{filed.receiptNo}，已转交{filed.countyName}政府信息公开工作主管部门处理，答复期限为{filed.due}。
            </p>
          </Layout>,
        );
      } catch (e) {
        if (e instanceof InputError) return registerPage(request, reply, values, e.errors, 400);
        throw e;
      }
    },
  );

  type P = { Params: { id: string }; Querystring: Q };
  const detailPage = async (
    request: FastifyRequest<P>,
    reply: FastifyReply,
    state: { form: string | null; values: Record<string, string>; errors: FieldError[]; status?: number } = { form: null, values: {}, errors: [] },
  ) => {
    const c = await complaintFor(ctx, actorOf(request), positiveInt(request.params.id) ?? 0);
    const { tree } = await supervisedCountiesForComplaints(ctx, actorOf(request));
    const viewer = viewerOf(request, reply, tree);
    const today = chinaDate(ctx.now());
    return sendPage(
      reply,
      <Layout title={c.row.receipt_no} site={await siteInfo(ctx.db)} area="admin" viewer={viewer}>
        <Breadcrumbs
          trail={[
            ['工作台', '/admin'],
            [listTitle, `/admin/supervision/complaints?county=${c.row.county_id}`],
            [c.row.receipt_no, null],
          ]}
        />
        <h1>
          {c.row.kind === 'complaint' ? '投诉' : '举报'} {c.row.receipt_no}
        </h1>
        {request.query.done && done[request.query.done] ? (
          <p class="notice" role="status">
            {done[request.query.done]}
          </p>
        ) : (
          ''
        )}
        <ErrorSummary errors={state.errors} />
        <ComplaintDetail c={c} agency={tree.find((a) => a.id === c.row.agency_id)?.name ?? ''} today={today} />
        <HandlingForms c={c} csrf={viewer.csrf} today={today} errors={state.errors} form={state.form} values={state.values} />
      </Layout>,
      state.status ?? 200,
    );
  };

  app.get<P>('/admin/supervision/complaints/:id', (request, reply) => detailPage(request, reply));

  for (const form of ['handling', 'answer'] as const) {
    app.post<P & { Body: Record<string, string> }>(`/admin/supervision/complaints/:id/${form}`, { preHandler: app.csrfProtection }, async (request, reply) => {
      const id = positiveInt(request.params.id) ?? 0;
      const values = complaintValuesOf(request.body);
      try {
        if (form === 'handling') await recordHandling(ctx, actorOf(request), id, { on: values.on ?? '', note: values.note ?? '' });
        else await answerComplaint(ctx, actorOf(request), id, { on: values.on ?? '', answer: values.answer ?? '', method: values.method ?? '' });
      } catch (e) {
        if (e instanceof InputError) return detailPage(request, reply, { form, values, errors: e.errors, status: 400 });
        throw e;
      }
      return reply.redirect(`/admin/supervision/complaints/${id}?done=${form}`, 303);
    });
  }
}
