/**
 * Staff pages of 更正 requests (条例 第四十一条) under /admin/corrections: the list of the
 * agencies the actor may see, registration, a request with its letters (HTML and DOCX) and
 * the decision form. The agency's staff handle; its reviewers and county supervisors read
 * (supervisors without the applicant's contact data); anyone else finds nothing (404).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../app/context.ts';
import {
  correctionChannels,
  correctionFor,
  correctionList,
  decideCorrection,
  lettersOfCorrection,
  registerCorrection,
} from '../../../app/corrections/corrections.ts';
import type { CorrectionForm } from '../../../domain/corrections/correction.ts';
import { can } from '../../../domain/access/policy.ts';
import { chinaDate } from '../../../domain/shared/dates.ts';
import { InputError, NotFoundError, type FieldError } from '../../../domain/shared/result.ts';
import { renderLetterDocx } from '../../../render/letters/docx.ts';
import { listAgencies } from '../../../store/agencies.repo.ts';
import { siteInfo } from '../../site.ts';
import { Breadcrumbs, positiveInt } from '../../views/components.tsx';
import { complaintValuesOf } from '../../views/complaint-fields.tsx';
import { ErrorSummary, Layout } from '../../views/layout.tsx';
import { sendPage } from '../../views/page.ts';
import { actorOf, agencyFor } from '../access.ts';
import { viewerOf } from '../viewer.ts';
import { CorrectionDetail, CorrectionLetters, CorrectionRegisterFields, CorrectionTable, DecisionForm } from './parts.tsx';

const title = '更正申请';
const docxMime = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const done: Record<string, string> = { registered: '更正申请已登记。', decided: '已登记办理结果，告知书已生成。' };

const formOf = (v: Record<string, string>): CorrectionForm => ({
  applicantType: v.applicantType ?? '',
  name: v.name ?? '',
  phone: v.phone ?? '',
  email: v.email ?? '',
  address: v.address ?? '',
  record: v.record ?? '',
  requestedChange: v.requestedChange ?? '',
  evidence: v.evidence ?? '',
  channel: v.channel ?? '',
  receivedDate: v.receivedDate ?? '',
});

export async function correctionRoutes(app: FastifyInstance, opts: { ctx: AppContext }) {
  const { ctx } = opts;
  const notice = (key: string | undefined) =>
    key && done[key] ? (
      <p class="notice" role="status">
        {done[key]}
      </p>
    ) : (
      ''
    );

  app.get<{ Querystring: { done?: string } }>('/admin/corrections', async (request, reply) => {
    const list = await correctionList(ctx, actorOf(request));
    if (list.agencies.length === 0) throw new NotFoundError('您的账号没有可查看的更正申请。');
    const tree = await listAgencies(ctx.db);
    return sendPage(
      reply,
      <Layout title={title} site={await siteInfo(ctx.db)} area="admin" viewer={viewerOf(request, reply, tree)}>
        <Breadcrumbs
          trail={[
            ['工作台', '/admin'],
            [title, null],
          ]}
        />
        <h1>{title}（条例第四十一条）</h1>
        {notice(request.query.done)}
        <p>申请人有证据证明行政机关提供的与其自身相关的政府信息记录不准确，要求更正的，按本页办理；更正申请不是政府信息公开申请，不计入年度报告表三。</p>
        <ul>
          {list.agencies
            .filter((a) => list.mayHandle.has(a.id))
            .map((a) => (
              <li>
                <a href={`/admin/corrections/new?agency=${a.id}`}>登记{a.shortName}收到的更正申请</a>
              </li>
            ))}
        </ul>
        <CorrectionTable rows={list.rows} agencies={list.agencies} today={chinaDate(ctx.now())} />
      </Layout>,
    );
  });

  const registerPage = async (
    request: FastifyRequest<{ Querystring: { agency?: string } }>,
    reply: FastifyReply,
    values: Record<string, string>,
    errors: readonly FieldError[],
    status = 200,
  ) => {
    const { agency, tree } = await agencyFor(ctx, request, request.query.agency ?? '', 'requests.handle');
    const viewer = viewerOf(request, reply, tree);
    return sendPage(
      reply,
      <Layout title={`登记${title}`} site={await siteInfo(ctx.db)} area="admin" viewer={viewer}>
        <Breadcrumbs
          trail={[
            ['工作台', '/admin'],
            [title, '/admin/corrections'],
            ['登记', null],
          ]}
        />
        <h1>
          登记{title}（{agency.shortName}）
        </h1>
        <ErrorSummary errors={errors} />
        <form method="post" action={`/admin/corrections/new?agency=${agency.id}`} class="form">
          <input type="hidden" name="_csrf" value={viewer.csrf} />
          <CorrectionRegisterFields values={{ receivedDate: chinaDate(ctx.now()), ...values }} errors={errors} channels={correctionChannels} />
          <button type="submit">登记</button>
        </form>
      </Layout>,
      status,
    );
  };

  app.get<{ Querystring: { agency?: string } }>('/admin/corrections/new', (request, reply) => registerPage(request, reply, {}, []));

  app.post<{ Querystring: { agency?: string } }>('/admin/corrections/new', { preHandler: app.csrfProtection }, async (request, reply) => {
    const { agency } = await agencyFor(ctx, request, request.query.agency ?? '', 'requests.handle');
    const values = complaintValuesOf(request.body);
    try {
      const { id } = await registerCorrection(ctx, actorOf(request), agency.id, formOf(values));
      return reply.redirect(`/admin/corrections/${id}?done=registered`, 303);
    } catch (e) {
      if (e instanceof InputError) return registerPage(request, reply, values, e.errors, 400);
      throw e;
    }
  });

  type P = { Params: { id: string }; Querystring: { done?: string } };
  const detailPage = async (
    request: FastifyRequest<P>,
    reply: FastifyReply,
    state: { values: Record<string, string>; errors: FieldError[]; status?: number } = { values: {}, errors: [] },
  ) => {
    const actor = actorOf(request);
    const id = positiveInt(request.params.id) ?? 0;
    const c = await correctionFor(ctx, actor, id, 'requests.view');
    const tree = await listAgencies(ctx.db);
    const agency = tree.find((a) => a.id === c.row.agency_id)!;
    const viewer = viewerOf(request, reply, tree);
    const today = chinaDate(ctx.now());
    // The agency's own staff (not a supervisor from above) see the applicant's contact data.
    const own = actor.roles.some((r) => r.agencyId === agency.id && r.role !== 'countySupervisor');
    return sendPage(
      reply,
      <Layout title={`${title} ${c.row.receipt_no}`} site={await siteInfo(ctx.db)} area="admin" viewer={viewer} stylesheets={['/assets/letter.css']}>
        <Breadcrumbs
          trail={[
            ['工作台', '/admin'],
            [title, '/admin/corrections'],
            [c.row.receipt_no, null],
          ]}
        />
        <h1>
          {title} {c.row.receipt_no}
        </h1>
        {notice(request.query.done)}
        <ErrorSummary errors={state.errors} />
        <CorrectionDetail c={c} agency={agency} personal={own} today={today} />
        {c.view.state === 'open' && can(actor, 'requests.handle', agency.id, tree) ? (
          <DecisionForm id={id} csrf={viewer.csrf} today={today} values={state.values} errors={state.errors} />
        ) : (
          ''
        )}
        <CorrectionLetters id={id} letters={await lettersOfCorrection(ctx, id)} />
      </Layout>,
      state.status ?? 200,
    );
  };

  app.get<P>('/admin/corrections/:id', (request, reply) => detailPage(request, reply));

  app.post<P>('/admin/corrections/:id/decide', { preHandler: app.csrfProtection }, async (request, reply) => {
    const id = positiveInt(request.params.id) ?? 0;
    const values = complaintValuesOf(request.body);
    try {
      await decideCorrection(ctx, actorOf(request), id, {
        decision: values.decision ?? '',
        on: values.on ?? '',
        correctionResult: values.correctionResult,
        reason: values.reason,
        competentAgency: values.competentAgency,
      });
    } catch (e) {
      if (e instanceof InputError) return detailPage(request, reply, { values, errors: e.errors, status: 400 });
      throw e;
    }
    return reply.redirect(`/admin/corrections/${id}?done=decided#letters`, 303);
  });

  app.get<{ Params: { id: string; letter: string } }>('/admin/corrections/:id/letters/:letter', async (request, reply) => {
    const id = positiveInt(request.params.id) ?? 0;
    await correctionFor(ctx, actorOf(request), id, 'requests.view');
    const letter = (await lettersOfCorrection(ctx, id)).find(
      (l) => request.params.letter.endsWith('.docx') && l.id === positiveInt(request.params.letter.replace(/\.docx$/, '')),
    );
    if (!letter) throw new NotFoundError('找不到这份文书');
    const filename = `${letter.content.title}（${letter.number}）.docx`.replace(/[\\/:*?"<>|]/g, '_');
    return reply
      .type(docxMime)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`)
      .send(Buffer.from(await renderLetterDocx(letter.content)));
  });
}
