/**
 * Staff pages of 依申请公开 under /admin/requests: the agency's dashboard, registration, the
 * case page with the forms of the acts allowed now, letters (HTML and DOCX) and identity
 * files. The agency's staff handle; its reviewers and county supervisors read (supervisors
 * without the applicant's personal data); anyone else finds nothing (404). Every POST has
 * a CSRF token and answers with a redirect, or the page again with each error under its
 * field and the values as typed.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../app/context.ts';
import { quoteFee, type FeeQuote } from '../../../app/requests/acts.ts';
import { concludeAppeal, recordAppeal } from '../../../app/requests/appeals.ts';
import { confirmSubmission, registerApplication, setAsideSubmission } from '../../../app/requests/intake.ts';
import { caseDashboard, caseDetail, registrationHints, urgencyOf } from '../../../app/requests/read.ts';
import { recordLetterReceipt } from '../../../app/requests/delivery.ts';
import { correctionDefaultDays, saveCorrectionDefault } from '../../../app/requests/settings.ts';
import { deliveryByWay } from '../../../law/delivery.ts';
import { isDeliveryWay } from '../../../law/application-form.ts';
import { approveReply, draftLetter, signOffOf } from '../../../app/requests/sign-off.ts';
import { loadCalendar } from '../../../app/calendar/calendar.ts';
import { agenciesWhere, can, type Actor } from '../../../domain/access/policy.ts';
import { applicationOutcome } from '../../../domain/requests/outcome.ts';
import { chinaDate, chineseDate } from '../../../domain/shared/dates.ts';
import { InputError, NotFoundError, type FieldError } from '../../../domain/shared/result.ts';
import { appealTracks, type AppealTrack } from '../../../law/appeals.ts';
import { isReplyKind, replyKinds, type LetterPlaceholder } from '../../../law/letters.ts';
import { attachmentMime } from '../../../law/screening.ts';
import { caseActs } from '../../../law/request-workflow.ts';
import { LetterView } from '../../../render/letters/html.tsx';
import { renderLetterDocx } from '../../../render/letters/docx.ts';
import { listAgencies } from '../../../store/agencies.repo.ts';
import { getApplicationFile, getSubmission } from '../../../store/requests.repo.ts';
import { listStaff } from '../../../store/users.repo.ts';
import { siteInfo } from '../../site.ts';
import { readApplicationMultipart } from '../../portal/apply-upload.ts';
import { applicationOf, formValuesOf, type FormValues } from '../../views/application-fields.tsx';
import { Breadcrumbs, positiveInt } from '../../views/components.tsx';
import { ErrorSummary, Layout } from '../../views/layout.tsx';
import { sendPage } from '../../views/page.ts';
import { actorOf, agencyFor } from '../access.ts';
import { viewerOf } from '../viewer.ts';
import { AppealForms, CaseForms, type ActFormState } from './act-forms.tsx';
import { actRunners, count, replyItemsOf, type Form } from './act-runners.ts';
import { availableActs, isFormAct } from './available-acts.ts';
import { CasePage } from './case-page.tsx';
import { RequestsDashboard, type DashboardFormState } from './dashboard-page.tsx';
import { RegisterForm, registrationFields } from './register-page.tsx';
import { CorrectionPeriodForm } from './procedure-section.tsx';
import { signOffSettingsRoutes } from './sign-off-settings.tsx';

/** The query code of a case just registered travels to its page once, in a signed cookie. */
const queryCodeCookie = 'gk_query_code';
const docxMime = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** What a redirect after an act says. */
function doneMessage(done: string | undefined): string | undefined {
  if (!done) return undefined;
  if (done === 'registered') return '申请已登记，登记回执已生成。';
  if (done === 'confirmed') return '网上申请已确认登记，确认之日为收到申请之日。';
  if (done === 'setAside') return '该网上申请已不予登记。';
  if (done === 'appeal') return '已登记行政复议或行政诉讼。';
  if (done === 'concluded') return '已登记审结结果。';
  if (Object.hasOwn(caseActs, done)) return `已登记：${caseActs[done as keyof typeof caseActs].label}。`;
  return undefined;
}

/** The agency's own staff (not a supervisor from above) see the applicant's personal data. */

const formOf = (body: unknown): Form => {
  const out: Form = {};
  for (const [k, v] of Object.entries((body ?? {}) as Record<string, unknown>)) if (typeof v === 'string') out[k] = v;
  return out;
};

export async function requestRoutes(app: FastifyInstance, opts: { ctx: AppContext; secureCookies?: boolean | 'auto' }) {
  const { ctx } = opts;
  await signOffSettingsRoutes(app, { ctx });

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

  interface CaseState {
    notice?: string;
    state?: ActFormState;
    status?: number;
    quote?: { scheme: string; quantity: string };
    replyPreview?: boolean;
  }

  const casePage = async (request: FastifyRequest, reply: FastifyReply, rawId: string, o: CaseState = {}) => {
    const actor = actorOf(request);
    const id = positiveInt(rawId) ?? 0;
    const d = await caseDetail(ctx, actor, id);
    const [hints, tree, calendar, site] = await Promise.all([registrationHints(ctx, actor, id), listAgencies(ctx.db), loadCalendar(ctx.db), siteInfo(ctx.db)]);
    const mayHandle = can(actor, 'requests.handle', d.agency.id, tree);
    const ownStaff = d.ownStaff;
    const signOff = await signOffOf(ctx, actor, d.agency.id);
    const acts = mayHandle ? availableActs(d.view, d.today, { mayApprove: signOff.mayApprove, signOff: signOff.policy }) : [];
    const draft = d.view.draft ? await draftLetter(ctx, actor, id) : null;
    const staff = acts.includes('assigned')
      ? (await listStaff(ctx.db))
          .filter((u) => u.active && u.roles.some((r) => r.agencyId === d.agency.id && r.role !== 'countySupervisor'))
          .map((u) => ({ id: u.id, name: u.displayName }))
      : [];

    let quote: { scheme: string; quantity: string; result?: FeeQuote; errors?: Partial<Record<string, string>> } | undefined;
    if (o.quote && acts.includes('feeNoticed')) {
      quote = { ...o.quote };
      try {
        quote.result = await quoteFee(ctx, actor, id, o.quote);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        quote.errors = Object.fromEntries(e.errors.map((x) => [x.field, x.message]));
      }
    }
    let replyPreview: { outcome: ReturnType<typeof applicationOutcome> | null } | undefined;
    if (o.replyPreview && o.state) {
      const chosen = replyItemsOf(o.state.values).map((i) => i.kind);
      replyPreview = {
        outcome: chosen.length === d.items.length && chosen.every(isReplyKind) ? applicationOutcome(chosen.map((k) => replyKinds[k].outcome)) : null,
      };
    }
    const earlier = hints.similar.find((s) => s.closed_date);
    const published = hints.published[0];
    const replyDefaults: Partial<Record<LetterPlaceholder, string>> = {
      ...(d.view.correction ? { correctionNoticeDate: chineseDate(d.view.correction.requestedOn) } : {}),
      ...(earlier ? { previousReceiptNo: earlier.receipt_no, previousReplyDate: chineseDate(earlier.closed_date!) } : {}),
      ...(published ? { publishedAs: `《${published.title}》，索引号${published.index_no}，网址${site.origin ?? ''}/items/${published.id}` } : {}),
    };

    // The query code of a case just registered: shown once, then the cookie is gone.
    let queryCode: string | undefined;
    const raw = request.cookies[queryCodeCookie];
    if (raw) {
      const u = request.unsignCookie(raw);
      const [forCase, code] = (u.valid && u.value ? u.value : '').split(':');
      if (Number(forCase) === id && code) {
        queryCode = code;
        reply.clearCookie(queryCodeCookie, { path: '/admin/requests' });
      }
    }

    const viewer = viewerOf(request, reply, tree);
    const urgency = d.next?.due ? urgencyOf(calendar, d.today, d.next.due) : null;
    const pendingAppeals = d.appeals
      .filter((a) => !a.outcome)
      .map((a) => ({ id: a.id, label: `${appealTracks[a.track as AppealTrack]?.label ?? a.track} ${a.case_no}` }));
    return sendPage(
      reply,
      <Layout title={`申请 ${d.row.receipt_no}`} site={site} area="admin" viewer={viewer}>
        <CasePage
          d={d}
          hints={hints}
          ownStaff={ownStaff}
          notice={o.notice}
          queryCode={queryCode}
          state={o.state}
          urgency={urgency}
          forms={
            acts.length || (mayHandle && d.view.draft) ? (
              <CaseForms
                caseId={id}
                csrf={viewer.csrf}
                today={d.today}
                view={d.view}
                acts={acts}
                state={o.state}
                staff={staff}
                items={d.items}
                correctionDefaultDays={await correctionDefaultDays(ctx.db, d.agency.id)}
                deliveryDefault={d.row.delivery_way && isDeliveryWay(d.row.delivery_way) ? deliveryByWay[d.row.delivery_way] : 'post'}
                quote={quote}
                replyPreview={replyPreview}
                replyDefaults={replyDefaults}
                signOff={{ mayApprove: signOff.mayApprove, grants: signOff.policy.grants }}
                draftLetter={draft}
              />
            ) : (
              ''
            )
          }
          receiptForms={mayHandle ? { csrf: viewer.csrf } : undefined}
          appealForms={
            mayHandle ? (
              <AppealForms caseId={id} csrf={viewer.csrf} today={d.today} closed={d.row.closed_date !== null} pending={pendingAppeals} state={o.state} />
            ) : (
              ''
            )
          }
        />
      </Layout>,
      o.status ?? 200,
    );
  };

  app.get<{ Params: { id: string }; Querystring: { done?: string; scheme?: string; quantity?: string } }>('/admin/requests/:id', async (request, reply) => {
    const q = request.query;
    return casePage(request, reply, request.params.id, {
      notice: doneMessage(q.done),
      ...(q.scheme !== undefined || q.quantity !== undefined ? { quote: { scheme: q.scheme ?? '', quantity: q.quantity ?? '' } } : {}),
    });
  });

  /** A form on the case page: performs the act and redirects, or shows the page again with the errors. */
  type Params = Partial<Record<string, string>> & { id: string };
  const caseForm = (path: string, formName: (params: Params) => string, run: (actor: Actor, params: Params, f: Form) => Promise<string>) =>
    app.post<{ Params: Params; Body: Form }>(path, { preHandler: app.csrfProtection }, async (request, reply) => {
      const f = formOf(request.body);
      try {
        return reply.redirect(await run(actorOf(request), request.params, f), 303);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        return casePage(request, reply, request.params.id, { state: { act: formName(request.params), values: f, errors: e.errors }, status: 400 });
      }
    });

  app.post<{ Params: { id: string; act: string }; Body: Form }>('/admin/requests/:id/acts/:act', { preHandler: app.csrfProtection }, async (request, reply) => {
    const { act } = request.params;
    if (!isFormAct(act)) throw new NotFoundError('没有这项办理事项');
    const f = formOf(request.body);
    const actor = actorOf(request);
    const id = positiveInt(request.params.id) ?? 0;
    // Previewing which row of table 三 the replies give writes nothing (but only the case's handlers see it).
    if (act === 'replied' && f.intent === 'preview') {
      const d = await caseDetail(ctx, actor, id);
      if (!can(actor, 'requests.handle', d.agency.id, await listAgencies(ctx.db))) throw new NotFoundError('找不到这件申请');
      return casePage(request, reply, String(id), { state: { act, values: f, errors: [] }, replyPreview: true });
    }
    try {
      await actRunners[act](ctx, actor, id, f);
      const done = act === 'replied' && f.intent === 'draft' ? 'replyDrafted' : act;
      return reply.redirect(`/admin/requests/${id}?done=${done}#timeline`, 303);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      return casePage(request, reply, String(id), { state: { act, values: f, errors: e.errors }, status: 400 });
    }
  });

  caseForm(
    '/admin/requests/:id/letters/:letterId/delivery',
    (p) => `letter-${p.letterId}`,
    async (actor, p, f) => {
      const id = positiveInt(p.id) ?? 0;
      await recordLetterReceipt(ctx, actor, id, { letterId: positiveInt(p.letterId) ?? 0, on: f.on ?? '', method: f.method ?? '', proof: f.proof ?? '' });
      return `/admin/requests/${id}?done=letterDelivered#letters`;
    },
  );

  // The head signs the pending draft (签发): the reply is issued.
  caseForm(
    '/admin/requests/:id/sign-off',
    () => 'signOff',
    async (actor, p, f) => {
      const id = positiveInt(p.id) ?? 0;
      await approveReply(ctx, actor, id, { on: f.on ?? '', draftSeq: count(f.draftSeq) });
      return `/admin/requests/${id}?done=replied#timeline`;
    },
  );

  caseForm(
    '/admin/requests/:id/appeals',
    () => 'appeal',
    async (actor, p, f) => {
      const id = positiveInt(p.id) ?? 0;
      await recordAppeal(ctx, actor, id, { track: f.track ?? '', caseNo: f.caseNo ?? '', body: f.body ?? '', filedDate: f.filedDate ?? '' });
      return `/admin/requests/${id}?done=appeal#appeals`;
    },
  );
  caseForm(
    '/admin/requests/:id/appeals/:appealId/conclude',
    (p) => `conclude-${p.appealId}`,
    async (actor, p, f) => {
      const id = positiveInt(p.id) ?? 0;
      const appealId = positiveInt(p.appealId) ?? 0;
      const appeal = (await caseDetail(ctx, actor, id)).appeals.find((a) => a.id === appealId);
      if (!appeal) throw new NotFoundError('找不到这件复议或诉讼');
      await concludeAppeal(ctx, actor, appealId, { concludedDate: f.concludedDate ?? '', outcome: f.outcome ?? '', reason: f.reason ?? '' });
      return `/admin/requests/${id}?done=concluded#appeals`;
    },
  );

  /**
   * The county's default 补正期限, from its supervision page; a refused value shows this form
   * on a page of its own with the message under the field. Back only to a page of this site.
   */
  app.post<{ Body: Form }>('/admin/requests/settings/correction-period', { preHandler: app.csrfProtection }, async (request, reply) => {
    const f = formOf(request.body);
    const countyId = positiveInt(f.county) ?? 0;
    const back = (f.back ?? '').startsWith('/admin/') && !(f.back ?? '').startsWith('//') ? f.back! : '/admin';
    try {
      await saveCorrectionDefault(ctx, actorOf(request), countyId, f.correctionWorkingDays ?? '');
      return reply.redirect(`${back}${back.includes('?') ? '&' : '?'}saved=1#procedure`, 303);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      const tree = await listAgencies(ctx.db);
      const viewer = viewerOf(request, reply, tree);
      return sendPage(
        reply,
        <Layout title="补正期限" site={await siteInfo(ctx.db)} area="admin" viewer={viewer}>
          <Breadcrumbs
            trail={[
              ['工作台', '/admin'],
              ['补正期限', null],
            ]}
          />
          <h1>补正期限</h1>
          <ErrorSummary errors={e.errors.map((x) => ({ message: x.message, field: 'correctionWorkingDays' }))} />
          <CorrectionPeriodForm
            countyId={countyId}
            csrf={viewer.csrf}
            days={await correctionDefaultDays(ctx.db, countyId)}
            value={f.correctionWorkingDays ?? ''}
            error={e.errors[0]?.message}
            back={back}
          />
        </Layout>,
        400,
      );
    }
  });

  /** A letter of a case the actor may see, as issued. */
  const letterOf = async (request: FastifyRequest, rawId: string, rawLetter: string) => {
    const id = positiveInt(rawId) ?? 0;
    const d = await caseDetail(ctx, actorOf(request), id);
    // The letter as this reader may see it: masked for a supervisor (caseDetail).
    const letter = d.letters.find((l) => l.id === positiveInt(rawLetter));
    if (!letter) throw new NotFoundError('找不到这份文书');
    return { d, letter, content: letter.content };
  };

  app.get<{ Params: { id: string; letter: string } }>('/admin/requests/:id/letters/:letter', async (request, reply) => {
    const docx = request.params.letter.endsWith('.docx');
    const { d, letter, content } = await letterOf(request, request.params.id, request.params.letter.replace(/\.docx$/, ''));
    if (docx) {
      const bytes = await renderLetterDocx(content);
      return reply
        .type(docxMime)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${content.title}（${letter.number}）.docx`)}`)
        .send(Buffer.from(bytes));
    }
    const tree = await listAgencies(ctx.db);
    return sendPage(
      reply,
      <Layout title={content.title} site={await siteInfo(ctx.db)} area="admin" viewer={viewerOf(request, reply, tree)}>
        <link rel="stylesheet" href="/assets/letter.css" />
        <Breadcrumbs
          trail={[
            ['工作台', '/admin'],
            ['依申请公开', `/admin/requests?agency=${d.agency.id}`],
            [d.row.receipt_no, `/admin/requests/${d.row.id}`],
            [content.title, null],
          ]}
        />
        <p>
          <a href={`/admin/requests/${d.row.id}/letters/${letter.id}.docx`}>下载Word文档</a>
        </p>
        <LetterView letter={content} />
      </Layout>,
    );
  });

  app.get<{ Params: { id: string; file: string } }>('/admin/requests/:id/files/:file', async (request, reply) => {
    const actor = actorOf(request);
    const id = positiveInt(request.params.id) ?? 0;
    const d = await caseDetail(ctx, actor, id);
    const file = await getApplicationFile(ctx.db, positiveInt(request.params.file) ?? 0);
    // Identity documents are personal data: the agency's own staff only.
    if (!file || file.application_id !== id || !d.ownStaff) throw new NotFoundError('找不到这个文件');
    return reply
      .type(attachmentMime(file.type))
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(Buffer.from(file.content));
  });
}
