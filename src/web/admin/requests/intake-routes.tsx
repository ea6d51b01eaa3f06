/**
 * The agency's dashboard of 依申请公开 under /admin/requests, the online submissions waiting on it
 * (confirm or set aside) and the registration of an application by staff.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../app/context.ts';
import { confirmSubmission, registerApplication, setAsideSubmission } from '../../../app/requests/intake.ts';
import { caseDashboard } from '../../../app/requests/read.ts';
import { agenciesWhere, can, type Actor } from '../../../domain/access/policy.ts';
import { chinaDate } from '../../../domain/shared/dates.ts';
import { InputError, NotFoundError, type FieldError } from '../../../domain/shared/result.ts';
import { listAgencies } from '../../../store/agencies.repo.ts';
import { getSubmission } from '../../../store/requests.repo.ts';
import { siteInfo } from '../../site.ts';
import { readApplicationMultipart } from '../../portal/apply-upload.ts';
import { applicationOf, formValuesOf, type FormValues } from '../../views/application-fields.tsx';
import { positiveInt } from '../../views/components.tsx';
import { Layout } from '../../views/layout.tsx';
import { sendPage } from '../../views/page.ts';
import { actorOf, agencyFor } from '../access.ts';
import { viewerOf } from '../viewer.ts';
import type { Form } from './act-runners.ts';
import { RequestsDashboard, type DashboardFormState } from './dashboard-page.tsx';
import { RegisterForm, registrationFields } from './register-page.tsx';
import { doneMessage, formOf, queryCodeCookie } from './route-helpers.ts';

export async function intakeRoutes(app: FastifyInstance, opts: { ctx: AppContext; secureCookies?: boolean | 'auto' }) {
  const { ctx } = opts;
  const dashboardPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    agencyRaw: string | undefined,
    o: { notice?: string; state?: DashboardFormState; status?: number; page?: string } = {},
  ) => {
    const actor = actorOf(request);
    const tree = await listAgencies(ctx.db);
    const visible = tree.filter((a) => agenciesWhere(actor, 'requests.view', tree).has(a.id));
    if (visible.length === 0) throw new NotFoundError('您的账号没有可查看的依申请公开。');
    const wanted = positiveInt(agencyRaw);
    const agency = wanted === null ? visible[0]! : visible.find((a) => a.id === wanted);
    if (!agency) throw new NotFoundError('找不到这个单位，或您没有查看它的权限。');
    const data = await caseDashboard(ctx, actor, agency.id, positiveInt(o.page) ?? 1);
    const viewer = viewerOf(request, reply, tree);
    return sendPage(
      reply,
      <Layout title="依申请公开" site={await siteInfo(ctx.db)} area="admin" viewer={viewer}>
        <RequestsDashboard
          agency={agency}
          agencies={visible}
          data={data}
          mayHandle={can(actor, 'requests.handle', agency.id, tree)}
          csrf={viewer.csrf}
          notice={o.notice}
          state={o.state}
        />
      </Layout>,
      o.status ?? 200,
    );
  };

  app.get<{ Querystring: { agency?: string; done?: string; page?: string } }>('/admin/requests', async (request, reply) =>
    dashboardPage(request, reply, request.query.agency, { notice: doneMessage(request.query.done), page: request.query.page }),
  );

  /** A form about an online submission: on bad input, the dashboard of its agency with the message under the field. */
  const submissionAct = (path: string, form: 'confirm' | 'setAside', run: (actor: Actor, id: number, f: Form) => Promise<string>) =>
    app.post<{ Params: { sid: string }; Body: Form }>(path, { preHandler: app.csrfProtection }, async (request, reply) => {
      const id = positiveInt(request.params.sid) ?? 0;
      const f = formOf(request.body);
      try {
        return reply.redirect(await run(actorOf(request), id, f), 303);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        const s = await getSubmission(ctx.db, id);
        if (!s) throw e;
        return dashboardPage(request, reply, String(s.agency_id), { state: { form: `${form}-${id}`, values: f, errors: e.errors }, status: 400 });
      }
    });
  submissionAct(
    '/admin/requests/submissions/:sid/confirm',
    'confirm',
    async (actor, id, f) => `/admin/requests/${await confirmSubmission(ctx, actor, id, f.confirmedOn ?? '')}?done=confirmed`,
  );
  submissionAct('/admin/requests/submissions/:sid/set-aside', 'setAside', async (actor, id, f) => {
    await setAsideSubmission(ctx, actor, id, f.reason ?? '');
    return `/admin/requests?agency=${(await getSubmission(ctx.db, id))!.agency_id}&done=setAside`;
  });

  const registerPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    agencyRaw: string,
    o: { values?: FormValues; errors?: readonly FieldError[]; filesDropped?: boolean; status?: number } = {},
  ) => {
    const { agency, tree } = await agencyFor(ctx, request, agencyRaw, 'requests.handle');
    const viewer = viewerOf(request, reply, tree);
    return sendPage(
      reply,
      <Layout title="登记申请" site={await siteInfo(ctx.db)} area="admin" viewer={viewer}>
        <RegisterForm
          agency={agency}
          csrf={viewer.csrf}
          today={chinaDate(ctx.now())}
          values={o.values ?? {}}
          errors={o.errors ?? []}
          filesDropped={o.filesDropped ?? false}
        />
      </Layout>,
      o.status ?? 200,
    );
  };

  app.get<{ Querystring: { agency?: string } }>('/admin/requests/new', async (request, reply) => registerPage(request, reply, request.query.agency ?? ''));

  // Multipart (identity files): the CSRF token rides in the query string, checked like a form field.
  app.post<{ Querystring: { _csrf?: string } }>('/admin/requests', { preHandler: app.csrfProtection }, async (request, reply) => {
    const read = await readApplicationMultipart(request);
    const f = read.fields;
    const { agency } = await agencyFor(ctx, request, f.agency ?? '', 'requests.view');
    const values = formValuesOf(f, registrationFields);
    try {
      const r = await registerApplication(
        ctx,
        actorOf(request),
        agency.id,
        { channel: values.channel ?? '', receivedDate: values.receivedDate ?? '' },
        applicationOf(values, f),
        read.uploads,
      );
      reply.setCookie(queryCodeCookie, `${r.id}:${r.queryCode}`, {
        path: '/admin/requests',
        signed: true,
        httpOnly: true,
        sameSite: 'strict',
        secure: opts.secureCookies ?? 'auto',
        maxAge: 600,
      });
      return reply.redirect(`/admin/requests/${r.id}?done=registered`, 303);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      return registerPage(request, reply, String(agency.id), { values, errors: e.errors, filesDropped: read.uploads.length > 0, status: 400 });
    }
  });
}
