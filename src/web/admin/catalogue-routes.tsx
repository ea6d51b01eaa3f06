/**
 * Staff pages of the catalogue: the agency's items with their state and 第二十六条 clock,
 * drafting with attachments, and the acts of the workflow posted from a version's page
 * (./catalogue/: the version page, the screening results and their settlement, the
 * leader's approval page), corrections, withdrawal and 有效性.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app/context.ts';
import { addAttachment, removeAttachment } from '../../app/catalog/attachments.ts';
import { publicationClock } from '../../app/catalog/clock.ts';
import { createItem, saveDraft } from '../../app/catalog/drafts.ts';
import { recordValidity } from '../../app/catalog/validity.ts';
import { recordReview, returnVersion, startCorrection, submitForReview, withdrawItem } from '../../app/catalog/workflow.ts';
import { agenciesWhere, can } from '../../domain/access/policy.ts';
import { composeOpinion } from '../../domain/secrecy/opinions.ts';
import { chinaDate } from '../../domain/shared/dates.ts';
import { InputError, NotFoundError, type FieldError } from '../../domain/shared/result.ts';
import { categoryLabel } from '../../law/catalogue-categories.ts';
import { itemStatuses, versionStates, type VersionState } from '../../law/catalogue-workflow.ts';
import { attachmentMime } from '../../law/screening.ts';
import { listAgencies } from '../../store/agencies.repo.ts';
import { attachmentContent, getItemRow, getVersion, itemsOfAgency, versionsOf } from '../../store/catalogue-versions.repo.ts';
import { siteInfo } from '../site.ts';
import { Breadcrumbs, Pager, positiveInt, SelectField } from '../views/components.tsx';
import { ErrorSummary, Layout } from '../views/layout.tsx';
import { sendPage } from '../views/page.ts';
import { actorOf, agencyFor } from './access.ts';
import { versionAct, versionIdFor, type ActRunner } from './catalogue/act.ts';
import { approvalRoutes } from './catalogue/approval-page.tsx';
import { ContentFields, versionForm, type Form } from './catalogue/content-fields.tsx';
import { hitRoutes } from './catalogue/hit-routes.ts';
import { versionPage } from './catalogue/version-page.tsx';
import { viewerOf } from './viewer.ts';

const pageSize = 30;

export async function catalogueRoutes(app: FastifyInstance, opts: { ctx: AppContext }) {
  const { ctx } = opts;

  app.get<{ Querystring: { agency?: string; state?: string; page?: string } }>('/admin/items', async (request, reply) => {
    const actor = actorOf(request);
    const tree = await listAgencies(ctx.db);
    const visible = tree.filter((a) => agenciesWhere(actor, 'catalogue.view', tree).has(a.id));
    if (visible.length === 0) throw new NotFoundError('您的账号没有可管理的单位');
    const agency = visible.find((a) => a.id === positiveInt(request.query.agency)) ?? visible[0]!;
    const state = request.query.state && Object.hasOwn(versionStates, request.query.state) ? request.query.state : undefined;
    const page = positiveInt(request.query.page) ?? 1;
    const rows = await itemsOfAgency(ctx.db, agency.id, { state, limit: pageSize + 1, offset: (page - 1) * pageSize });
    const today = chinaDate(ctx.now());
    const viewer = viewerOf(request, reply, tree);
    const base = `/admin/items?agency=${agency.id}${state ? `&state=${state}` : ''}`;
    return sendPage(
      reply,
      <Layout title="主动公开信息" site={await siteInfo(ctx.db)} area="admin" viewer={viewer}>
        <Breadcrumbs
          trail={[
            ['工作台', '/admin'],
            ['主动公开信息', null],
          ]}
        />
        <h1>{agency.name} · 主动公开信息</h1>
        <form method="get" action="/admin/items" class="form inline-form">
          <SelectField name="agency" label="单位" value={agency.id} options={visible.map((a) => [a.id, a.name] as const)} />
          <SelectField name="state" label="状态" value={state} options={Object.entries(versionStates).map(([k, s]) => [k, s.label] as const)} empty="全部" />
          <button type="submit">筛选</button>
        </form>
        {can(actor, 'catalogue.edit', agency.id, tree) ? (
          <p>
            <a class="button" href={`/admin/items/new?agency=${agency.id}`}>
              起草新信息
            </a>
          </p>
        ) : (
          ''
        )}
        <table class="list">
          <caption>信息列表</caption>
          <thead>
            <tr>
              <th scope="col">名称</th>
              <th scope="col">栏目</th>
              <th scope="col">状态</th>
              <th scope="col">生成日期</th>
              <th scope="col">公开期限（第二十六条）</th>
              <th scope="col">索引号</th>
            </tr>
          </thead>
          <tbody>
            {
              await Promise.all(
                rows.slice(0, pageSize).map(async (r) => {
                  const clock = r.status === 'draft' ? await publicationClock(ctx, r.generated_date, today) : null;
                  return (
                    <tr>
                      <td>
                        <a href={`/admin/versions/${r.version_id}`}>{r.title}</a>
                        {r.version > 1 ? <span class="tag">第{r.version}版</span> : ''}
                      </td>
                      <td>{categoryLabel(r.category)}</td>
                      <td>{r.status === 'withdrawn' ? itemStatuses.withdrawn.label : (versionStates[r.state as VersionState]?.label ?? r.state)}</td>
                      <td>{r.generated_date}</td>
                      <td class={clock?.overdue ? 'late' : ''}>{clock ? clock.text : '—'}</td>
                      <td>{r.index_no ?? ''}</td>
                    </tr>
                  );
                }),
              )
            }
          </tbody>
        </table>
        <Pager page={page} pages={rows.length > pageSize ? page + 1 : page} href={(p) => `${base}&page=${p}`} />
      </Layout>,
    );
  });

  const newItemPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    agencyRaw: string,
    state: { errors?: FieldError[]; form?: Form; status?: number } = {},
  ) => {
    const { agency, tree } = await agencyFor(ctx, request, agencyRaw, 'catalogue.edit');
    const viewer = viewerOf(request, reply, tree);
    return sendPage(
      reply,
      <Layout title="起草新信息" site={await siteInfo(ctx.db)} area="admin" viewer={viewer}>
        <Breadcrumbs
          trail={[
            ['工作台', '/admin'],
            ['主动公开信息', `/admin/items?agency=${agency.id}`],
            ['起草新信息', null],
          ]}
        />
        <h1>起草新信息（{agency.shortName}）</h1>
        <ErrorSummary errors={state.errors ?? []} />
        <form method="post" action="/admin/items" class="form">
          <input type="hidden" name="_csrf" value={viewer.csrf} />
          <input type="hidden" name="agency" value={String(agency.id)} />
          <ContentFields form={state.form ?? { generatedDate: chinaDate(ctx.now()) }} />
          <button type="submit">保存草稿</button>
        </form>
      </Layout>,
      state.status ?? 200,
    );
  };

  app.get<{ Querystring: { agency?: string } }>('/admin/items/new', async (request, reply) => newItemPage(request, reply, request.query.agency ?? ''));
  app.post<{ Body: Form }>('/admin/items', { preHandler: app.csrfProtection }, async (request, reply) => {
    const form = request.body ?? {};
    const { agency } = await agencyFor(ctx, request, form.agency ?? '', 'catalogue.view');
    try {
      const { versionId } = await createItem(ctx, actorOf(request), agency.id, versionForm(form));
      return reply.redirect(`/admin/versions/${versionId}?saved=1`, 303);
    } catch (e) {
      if (e instanceof InputError) return newItemPage(request, reply, String(agency.id), { errors: e.errors, form, status: 400 });
      throw e;
    }
  });

  app.get<{ Params: { id: string } }>('/admin/items/:id', async (request, reply) => {
    const item = await getItemRow(ctx.db, positiveInt(request.params.id) ?? 0);
    const latest = item && (await versionsOf(ctx.db, item.id))[0];
    if (!item || !latest) throw new NotFoundError('找不到这条信息');
    await agencyFor(ctx, request, String(item.agency_id), 'catalogue.view', '找不到这条信息');
    return reply.redirect(`/admin/versions/${latest.id}`, 303);
  });

  app.get<{ Params: { id: string }; Querystring: { saved?: string; done?: string } }>('/admin/versions/:id', async (request, reply) =>
    versionPage(ctx, request, reply, request.params.id, {
      notice: request.query.saved ? '已保存。' : request.query.done ? String(request.query.done).slice(0, 80) : undefined,
    }),
  );

  const act = (path: string, run: ActRunner) => versionAct(app, ctx, path, run);

  act('/admin/versions/:id', async (id, form, request) => {
    await saveDraft(ctx, actorOf(request), id, versionForm(form));
    return `/admin/versions/${id}?saved=1`;
  });
  act('/admin/versions/:id/submit', async (id, _form, request) => {
    await submitForReview(ctx, actorOf(request), id);
    return `/admin/versions/${id}?done=${encodeURIComponent('已提交保密审查。')}`;
  });
  act('/admin/versions/:id/review', async (id, form, request) => {
    const composed = composeOpinion(form.opinionChoice ?? '', form.opinion ?? '', 'item');
    if ('error' in composed) throw new InputError([composed.error]);
    await recordReview(ctx, actorOf(request), id, composed.opinion);
    return `/admin/versions/${id}?done=${encodeURIComponent('保密审查已通过，待领导审核。')}`;
  });
  act('/admin/versions/:id/return', async (id, form, request) => {
    await returnVersion(ctx, actorOf(request), id, form.reason ?? '');
    return `/admin/versions/${id}?done=${encodeURIComponent('已退回。')}`;
  });
  hitRoutes(app, ctx);
  approvalRoutes(app, ctx);
  act('/admin/attachments/:id/delete', async (id, _form, request) => {
    const versionId = await versionIdFor(ctx, '/admin/attachments/:id/delete', id);
    await removeAttachment(ctx, actorOf(request), id);
    return `/admin/versions/${versionId ?? 0}?saved=1`;
  });
  act('/admin/items/:id/correct', async (id, form, request) => {
    const versionId = await startCorrection(ctx, actorOf(request), id, form.reason ?? '');
    return `/admin/versions/${versionId}?done=${encodeURIComponent('已起草更正版本，修改后提交保密审查。')}`;
  });
  act('/admin/items/:id/withdraw', async (id, form, request) => {
    await withdrawItem(ctx, actorOf(request), id, form.reason ?? '');
    return `/admin/items/${id}`;
  });
  act('/admin/items/:id/validity', async (id, form, request) => {
    await recordValidity(ctx, actorOf(request), id, { state: form.state ?? '', effectiveDate: form.effectiveDate ?? '', reason: form.reason ?? '' });
    return `/admin/items/${id}`;
  });

  // Attachments come as multipart; the CSRF token rides in the query string, checked like a form field.
  app.post<{ Params: { id: string }; Querystring: { _csrf?: string } }>(
    '/admin/versions/:id/attachments',
    { preHandler: app.csrfProtection },
    async (request, reply) => {
      const id = positiveInt(request.params.id) ?? 0;
      try {
        const file = await request.file();
        if (!file) throw new InputError([{ field: 'attachment', code: 'GK_ATTACHMENT_EMPTY', message: '请选择要上传的附件' }]);
        const bytes = new Uint8Array(await file.toBuffer());
        await addAttachment(ctx, actorOf(request), id, { filename: file.filename, bytes });
        return reply.redirect(`/admin/versions/${id}?saved=1#attachments`, 303);
      } catch (e) {
        const tooLarge = (e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE';
        if (!(e instanceof InputError) && !tooLarge) throw e;
        const errors = tooLarge
          ? [{ field: 'attachment', code: 'GK_ATTACHMENT_TOO_LARGE', message: '附件超过20 MB，请压缩或拆分后上传' }]
          : (e as InputError).errors;
        return versionPage(ctx, request, reply, String(id), { errors, status: 400 });
      }
    },
  );

  app.get<{ Params: { id: string } }>('/admin/attachments/:id', async (request, reply) => {
    const a = await attachmentContent(ctx.db, positiveInt(request.params.id) ?? 0);
    const version = a && (await getVersion(ctx.db, a.version_id));
    const item = version && (await getItemRow(ctx.db, version.item_id));
    if (!a || !item) throw new NotFoundError('找不到这个附件');
    await agencyFor(ctx, request, String(item.agency_id), 'catalogue.view', '找不到这个附件');
    return reply
      .type(attachmentMime(a.type))
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.filename)}`)
      .send(Buffer.from(a.content));
  });
}
