/**
 * Staff pages of the catalogue: the agency's items with their state and 第二十六条 clock,
 * drafting with attachments, the screening results, 保密审查, approval and publication,
 * corrections, withdrawal and 有效性.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app/context.ts';
import { addAttachment, removeAttachment } from '../../app/catalog/attachments.ts';
import { publicationClock } from '../../app/catalog/clock.ts';
import { createItem, saveDraft } from '../../app/catalog/drafts.ts';
import { recordValidity } from '../../app/catalog/validity.ts';
import { approveAndPublish, recordReview, returnVersion, settleHit, startCorrection, submitForReview, withdrawItem } from '../../app/catalog/workflow.ts';
import { can } from '../../domain/access/policy.ts';
import type { VersionForm } from '../../domain/catalog/version.ts';
import { chinaDate } from '../../domain/shared/dates.ts';
import { InputError, NotFoundError, type FieldError } from '../../domain/shared/result.ts';
import { catalogueCategories, categoryKeys, categoryLabel, documentKinds, validityStates } from '../../law/catalogue-categories.ts';
import { hitResolutions, itemStatuses, manualCheck, scopes, versionStates, type VersionState } from '../../law/catalogue-workflow.ts';
import { attachmentMime, hitKinds } from '../../law/screening.ts';
import { basicDomains, statutoryItems } from '../../law/statutory-items.ts';
import { topicPaths } from '../../law/topics.ts';
import { agenciesWhere } from '../../domain/access/policy.ts';
import { listAgencies } from '../../store/agencies.repo.ts';
import { attachmentContent, attachmentsOf, getItemRow, getVersion, hitsOf, itemsOfAgency, versionsOf } from '../../store/catalogue-versions.repo.ts';
import { eventsFor } from '../../store/events.repo.ts';
import { siteInfo } from '../site.ts';
import { Breadcrumbs, Pager, positiveInt, SelectField } from '../views/components.tsx';
import { ErrorSummary, Layout } from '../views/layout.tsx';
import { sendPage } from '../views/page.ts';
import { actorOf, agencyFor } from './access.ts';
import { viewerOf } from './viewer.ts';

type Form = Partial<Record<string, string>>;
const pageSize = 30;
const editableStates: readonly string[] = ['draft', 'returned'];

const versionForm = (f: Form): VersionForm => ({
  title: f.title ?? '',
  summary: f.summary ?? '',
  body: f.body ?? '',
  category: f.category ?? '',
  topic: f.topic ?? '',
  statutoryItem: f.statutoryItem ?? '',
  domain: f.domain ?? '',
  docNo: f.docNo ?? '',
  documentKind: f.documentKind ?? '',
  writtenDate: f.writtenDate ?? '',
  generatedDate: f.generatedDate ?? '',
  scope: f.scope ?? '',
});

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
        <Breadcrumbs trail={[['工作台', '/admin'], ['主动公开信息', null]]} />
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
            {await Promise.all(
              rows.slice(0, pageSize).map(async (r) => {
                const clock = r.status === 'draft' ? await publicationClock(ctx, r.generated_date, today) : null;
                return (
                  <tr>
                    <td>
                      <a href={`/admin/versions/${r.version_id}`}>{r.title}</a>
                      {r.version > 1 ? <span class="tag">第{r.version}版</span> : ''}
                    </td>
                    <td>{categoryLabel(r.category)}</td>
                    <td>
                      {r.status === 'withdrawn' ? itemStatuses.withdrawn.label : versionStates[r.state as VersionState]?.label ?? r.state}
                    </td>
                    <td>{r.generated_date}</td>
                    <td class={clock?.overdue ? 'late' : ''}>{clock ? clock.text : '—'}</td>
                    <td>{r.index_no ?? ''}</td>
                  </tr>
                );
              }),
            )}
          </tbody>
        </table>
        <Pager page={page} pages={rows.length > pageSize ? page + 1 : page} href={(p) => `${base}&page=${p}`} />
      </Layout>,
    );
  });

  const newItemPage = async (request: FastifyRequest, reply: FastifyReply, agencyRaw: string, state: { errors?: FieldError[]; form?: Form; status?: number } = {}) => {
    const { agency, tree } = await agencyFor(ctx, request, agencyRaw, 'catalogue.edit');
    const viewer = viewerOf(request, reply, tree);
    return sendPage(
      reply,
      <Layout title="起草新信息" site={await siteInfo(ctx.db)} area="admin" viewer={viewer}>
        <Breadcrumbs trail={[['工作台', '/admin'], ['主动公开信息', `/admin/items?agency=${agency.id}`], ['起草新信息', null]]} />
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
    await agencyFor(ctx, request, String(item.agency_id), 'catalogue.view');
    return reply.redirect(`/admin/versions/${latest.id}`, 303);
  });

  const versionPage = async (request: FastifyRequest, reply: FastifyReply, rawId: string, state: { errors?: FieldError[]; form?: Form; notice?: string; status?: number } = {}) => {
    const version = await getVersion(ctx.db, positiveInt(rawId) ?? 0);
    const item = version && (await getItemRow(ctx.db, version.item_id));
    if (!version || !item) throw new NotFoundError('找不到这条信息');
    const { agency, tree } = await agencyFor(ctx, request, String(item.agency_id), 'catalogue.view');
    const actor = actorOf(request);
    const [attachments, hits, versions, events] = await Promise.all([
      attachmentsOf(ctx.db, version.id),
      hitsOf(ctx.db, version.id),
      versionsOf(ctx.db, item.id),
      eventsFor(ctx.db, 'catalogueItem', item.id),
    ]);
    const mayEdit = can(actor, 'catalogue.edit', agency.id, tree) && editableStates.includes(version.state);
    const mayReview = can(actor, 'catalogue.review', agency.id, tree) && version.state === 'inReview';
    const mayApprove = can(actor, 'catalogue.approve', agency.id, tree) && version.state === 'inApproval';
    const isLatest = versions[0]?.id === version.id;
    const today = chinaDate(ctx.now());
    const clock = item.status === 'draft' ? await publicationClock(ctx, version.generated_date, today) : null;
    const viewer = viewerOf(request, reply, tree);
    const csrf = viewer.csrf;
    const base = `/admin/versions/${version.id}`;
    const unsettled = hits.filter((h) => h.resolution === null).length;
    return sendPage(
      reply,
      <Layout title={version.title} site={await siteInfo(ctx.db)} area="admin" viewer={viewer}>
        <Breadcrumbs trail={[['工作台', '/admin'], ['主动公开信息', `/admin/items?agency=${agency.id}`], [version.title, null]]} />
        <h1>{version.title}</h1>
        <ErrorSummary errors={state.errors ?? []} />
        {state.notice ? (
          <p class="notice" role="status">
            {state.notice}
          </p>
        ) : (
          ''
        )}
        <dl class="metadata status">
          <div>
            <dt>发布机构</dt>
            <dd>{agency.name}</dd>
          </div>
          <div>
            <dt>版本</dt>
            <dd>
              第{version.version}版：{versionStates[version.state as VersionState]?.label}
            </dd>
          </div>
          <div>
            <dt>信息状态</dt>
            <dd>{itemStatuses[item.status as 'draft']?.label}</dd>
          </div>
          {item.index_no ? (
            <div>
              <dt>索引号</dt>
              <dd>
                <a href={`/items/${item.id}`}>{item.index_no}</a>
              </dd>
            </div>
          ) : (
            ''
          )}
          {clock ? (
            <div>
              <dt>公开期限</dt>
              <dd class={clock.overdue ? 'late' : ''}>{clock.text}</dd>
            </div>
          ) : (
            ''
          )}
        </dl>
        {version.change_note ? <p class="notice">更正理由：{version.change_note}</p> : ''}
        {version.returned_reason ? <p class="notice">退回理由：{version.returned_reason}</p> : ''}
        {version.review_opinion ? <p>保密审查意见：{version.review_opinion}</p> : ''}

        <section aria-labelledby="content">
          <h2 id="content">内容</h2>
          {mayEdit ? (
            <form method="post" action={base} class="form">
              <input type="hidden" name="_csrf" value={csrf} />
              <ContentFields form={state.form ?? formOf(version)} />
              <button type="submit">保存草稿</button>
            </form>
          ) : (
            <VersionView v={version} />
          )}
        </section>

        <section aria-labelledby="attachments">
          <h2 id="attachments">附件</h2>
          {attachments.length === 0 ? <p>没有附件。</p> : ''}
          <ul class="attachments">
            {attachments.map((a) => (
              <li>
                <a href={`/admin/attachments/${a.id}`}>{a.filename}</a>（{a.type.toUpperCase()}，{Math.ceil(a.size / 1024)} KB）
                {a.unreadable ? <span class="tag">{a.unreadable}</span> : ''}
                {mayEdit ? (
                  <form method="post" action={`/admin/attachments/${a.id}/delete`} class="inline">
                    <input type="hidden" name="_csrf" value={csrf} />
                    <button type="submit" class="small" aria-label={`删除附件 ${a.filename}`}>
                      删除
                    </button>
                  </form>
                ) : (
                  ''
                )}
              </li>
            ))}
          </ul>
          {mayEdit ? (
            <form method="post" action={`${base}/attachments?_csrf=${encodeURIComponent(csrf)}`} enctype="multipart/form-data" class="form inline-form">
              <div class="field">
                <label for="field-attachment">上传附件（PDF、DOCX、XLSX、PNG、JPEG，20 MB以内）</label>
                <input id="field-attachment" type="file" name="file" accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg,.gif" />
              </div>
              <button type="submit">上传</button>
            </form>
          ) : (
            ''
          )}
        </section>

        <section aria-labelledby="screening">
          <h2 id="screening">个人信息和涉密标识筛查</h2>
          {hits.length === 0 ? (
            <p class="ok">未发现身份证号码、电话号码、银行卡号、电子邮箱、个体工商户代码或密级标识。</p>
          ) : (
            <>
              <p>
                发现{hits.length}处，{unsettled ? `${unsettled}处待保密审查员处理` : '均已处理'}。遮蔽后公开的内容，门户网站上显示为遮蔽后的文字。
              </p>
              <table class="list hits">
                <caption class="visually-hidden">筛查结果</caption>
                <thead>
                  <tr>
                    <th scope="col">类别</th>
                    <th scope="col">位置</th>
                    <th scope="col">上下文</th>
                    <th scope="col">处理</th>
                  </tr>
                </thead>
                <tbody>
                  {hits.map((h) => (
                    <tr id={`hit-${h.id}`}>
                      <td>{h.kind === manualCheck.kind ? manualCheck.label : hitKinds[h.kind as 'email']?.label ?? h.kind}</td>
                      <td>{h.location}</td>
                      <td>
                        <Highlighted context={h.context} value={h.value} />
                      </td>
                      <td>
                        {h.resolution ? (
                          <span>
                            {hitResolutions[h.resolution as 'redacted']?.label}
                            {h.reason ? `：${h.reason}` : ''}
                          </span>
                        ) : (
                          '待处理'
                        )}
                        {mayReview ? (
                          <form method="post" action={`/admin/hits/${h.id}`} class="settle">
                            <input type="hidden" name="_csrf" value={csrf} />
                            <fieldset>
                              <legend class="visually-hidden">处理第{h.id}处</legend>
                              {h.kind === manualCheck.kind ? (
                                ''
                              ) : (
                                <label>
                                  <input type="radio" name="resolution" value="redacted" checked={h.resolution === 'redacted'} /> 遮蔽后公开
                                </label>
                              )}
                              <label>
                                <input type="radio" name="resolution" value="justified" checked={h.resolution === 'justified'} /> 确认可以公开
                              </label>
                              <label>
                                理由 <input name="reason" value={h.reason ?? ''} />
                              </label>
                              <button type="submit" class="small">
                                保存
                              </button>
                            </fieldset>
                          </form>
                        ) : (
                          ''
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </section>

        <section aria-labelledby="workflow">
          <h2 id="workflow">审核流程</h2>
          {mayEdit && isLatest ? (
            <form method="post" action={`${base}/submit`} class="form">
              <input type="hidden" name="_csrf" value={csrf} />
              <p>提交后由保密审查员审查，审查通过后报审核领导批准公开。</p>
              <button type="submit">提交保密审查</button>
            </form>
          ) : (
            ''
          )}
          {mayReview ? (
            <form method="post" action={`${base}/review`} class="form">
              <input type="hidden" name="_csrf" value={csrf} />
              <div class="field">
                <label for="field-opinion">保密审查意见</label>
                <textarea id="field-opinion" name="opinion" rows={3}>
                  经审查，该信息不涉及国家秘密、工作秘密、商业秘密和个人隐私，同意公开。
                </textarea>
              </div>
              <button type="submit">审查通过</button>
            </form>
          ) : (
            ''
          )}
          {mayApprove ? (
            <form method="post" action={`${base}/approve`} class="form">
              <input type="hidden" name="_csrf" value={csrf} />
              <p>批准后立即在门户网站公开{item.index_no ? '（更正版本）' : '，并分配索引号'}。</p>
              <button type="submit">批准公开</button>
            </form>
          ) : (
            ''
          )}
          {mayReview || mayApprove ? (
            <form method="post" action={`${base}/return`} class="form">
              <input type="hidden" name="_csrf" value={csrf} />
              <div class="field">
                <label for="field-reason">退回理由</label>
                <textarea id="field-reason" name="reason" rows={2} />
              </div>
              <button type="submit">退回修改</button>
            </form>
          ) : (
            ''
          )}
          {item.status === 'published' && isLatest && version.state === 'published' && can(actor, 'catalogue.edit', agency.id, tree) ? (
            <form method="post" action={`/admin/items/${item.id}/correct`} class="form">
              <input type="hidden" name="_csrf" value={csrf} />
              <div class="field">
                <label for="field-correction">更正理由（将在门户网站公开）</label>
                <textarea id="field-correction" name="reason" rows={2} />
              </div>
              <button type="submit">起草更正版本</button>
            </form>
          ) : (
            ''
          )}
          {item.status === 'published' && can(actor, 'catalogue.approve', agency.id, tree) ? (
            <form method="post" action={`/admin/items/${item.id}/withdraw`} class="form">
              <input type="hidden" name="_csrf" value={csrf} />
              <div class="field">
                <label for="field-withdraw">撤回理由（将在门户网站公开）</label>
                <textarea id="field-withdraw" name="reason" rows={2} />
              </div>
              <button type="submit">撤回</button>
            </form>
          ) : (
            ''
          )}
          {item.status === 'published' && item.document_kind && can(actor, 'catalogue.approve', agency.id, tree) ? (
            <form method="post" action={`/admin/items/${item.id}/validity`} class="form inline-form">
              <input type="hidden" name="_csrf" value={csrf} />
              <SelectField id="field-validity" name="state" label="有效性" options={Object.entries(validityStates).map(([k, s]) => [k, s.label] as const)} />
              <div class="field">
                <label for="field-effectiveDate">生效日期</label>
                <input id="field-effectiveDate" name="effectiveDate" type="date" />
              </div>
              <div class="field">
                <label for="field-validityReason">理由</label>
                <input id="field-validityReason" name="reason" />
              </div>
              <button type="submit">登记</button>
            </form>
          ) : (
            ''
          )}
        </section>

        <section aria-labelledby="history">
          <h2 id="history">版本和记录</h2>
          <ul>
            {versions.map((v) => (
              <li>
                <a href={`/admin/versions/${v.id}`}>第{v.version}版</a>：{versionStates[v.state as VersionState]?.label}
                {v.change_note ? `（更正理由：${v.change_note}）` : ''}
              </li>
            ))}
          </ul>
          <ol class="timeline">
            {events.map((e) => (
              <li>
                {e.occurred_at.slice(0, 16).replace('T', ' ')} {e.action}
                {e.reason ? `：${e.reason}` : ''}
              </li>
            ))}
          </ol>
        </section>
      </Layout>,
      state.status ?? 200,
    );
  };

  app.get<{ Params: { id: string }; Querystring: { saved?: string; done?: string } }>('/admin/versions/:id', async (request, reply) =>
    versionPage(request, reply, request.params.id, { notice: request.query.saved ? '已保存。' : request.query.done ? String(request.query.done).slice(0, 80) : undefined }),
  );

  /** A form on a version page: performs the act, then shows the page (or the errors, naming their fields). */
  const act = (path: string, run: (id: number, form: Form, request: FastifyRequest) => Promise<string>) =>
    app.post<{ Params: { id: string }; Body: Form }>(path, { preHandler: app.csrfProtection }, async (request, reply) => {
      const id = positiveInt(request.params.id) ?? 0;
      const form = request.body ?? {};
      try {
        return reply.redirect(await run(id, form, request), 303);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        const versionId = await versionIdFor(ctx, path, id);
        if (versionId === null) throw e;
        return versionPage(request, reply, String(versionId), { errors: e.errors, form, status: 400 });
      }
    });

  act('/admin/versions/:id', async (id, form, request) => {
    await saveDraft(ctx, actorOf(request), id, versionForm(form));
    return `/admin/versions/${id}?saved=1`;
  });
  act('/admin/versions/:id/submit', async (id, _form, request) => {
    await submitForReview(ctx, actorOf(request), id);
    return `/admin/versions/${id}?done=${encodeURIComponent('已提交保密审查。')}`;
  });
  act('/admin/versions/:id/review', async (id, form, request) => {
    await recordReview(ctx, actorOf(request), id, form.opinion ?? '');
    return `/admin/versions/${id}?done=${encodeURIComponent('保密审查已通过，待领导审核。')}`;
  });
  act('/admin/versions/:id/return', async (id, form, request) => {
    await returnVersion(ctx, actorOf(request), id, form.reason ?? '');
    return `/admin/versions/${id}?done=${encodeURIComponent('已退回。')}`;
  });
  act('/admin/versions/:id/approve', async (id, _form, request) => {
    const { indexNo } = await approveAndPublish(ctx, actorOf(request), id);
    return `/admin/versions/${id}?done=${encodeURIComponent(`已公开，索引号 ${indexNo}。`)}`;
  });
  act('/admin/hits/:id', async (id, form, request) => {
    await settleHit(ctx, actorOf(request), id, form.resolution ?? '', form.reason ?? '');
    return `/admin/versions/${(await versionIdFor(ctx, '/admin/hits/:id', id)) ?? 0}#hit-${id}`;
  });
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
        const errors = tooLarge ? [{ field: 'attachment', code: 'GK_ATTACHMENT_TOO_LARGE', message: '附件超过20 MB，请压缩或拆分后上传' }] : (e as InputError).errors;
        return versionPage(request, reply, String(id), { errors, status: 400 });
      }
    },
  );

  app.get<{ Params: { id: string } }>('/admin/attachments/:id', async (request, reply) => {
    const a = await attachmentContent(ctx.db, positiveInt(request.params.id) ?? 0);
    const version = a && (await getVersion(ctx.db, a.version_id));
    const item = version && (await getItemRow(ctx.db, version.item_id));
    if (!a || !item) throw new NotFoundError('找不到这个附件');
    await agencyFor(ctx, request, String(item.agency_id), 'catalogue.view');
    return reply
      .type(attachmentMime(a.type))
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.filename)}`)
      .send(Buffer.from(a.content));
  });
}

/** The version page an error on `path` belongs to. */
async function versionIdFor(ctx: AppContext, path: string, id: number): Promise<number | null> {
  if (path.startsWith('/admin/versions/')) return id;
  if (path.startsWith('/admin/hits/')) {
    const h = await ctx.db.selectFrom('screening_hits').select('version_id').where('id', '=', id).executeTakeFirst();
    return h?.version_id ?? null;
  }
  if (path.startsWith('/admin/attachments/')) {
    const a = await ctx.db.selectFrom('item_attachments').select('version_id').where('id', '=', id).executeTakeFirst();
    return a?.version_id ?? null;
  }
  const v = (await versionsOf(ctx.db, id))[0];
  return v?.id ?? null;
}

function formOf(v: NonNullable<Awaited<ReturnType<typeof getVersion>>>): Form {
  return {
    title: v.title,
    summary: v.summary,
    body: v.body,
    category: v.category,
    topic: v.topic ?? '',
    statutoryItem: v.statutory_item ?? '',
    domain: v.domain ?? '',
    docNo: v.doc_no ?? '',
    documentKind: v.document_kind ?? '',
    writtenDate: v.written_date ?? '',
    generatedDate: v.generated_date,
    scope: v.scope,
  };
}

const Highlighted = ({ context, value }: { context: string; value: string }) => {
  const at = value ? context.indexOf(value) : -1;
  if (at < 0) return <span>{context}</span>;
  return (
    <span>
      {context.slice(0, at)}
      <mark>{value}</mark>
      {context.slice(at + value.length)}
    </span>
  );
};

const VersionView = ({ v }: { v: NonNullable<Awaited<ReturnType<typeof getVersion>>> }) => (
  <dl class="metadata">
    {(
      [
        ['名称', v.title],
        ['内容概述', v.summary],
        ['栏目', categoryLabel(v.category)],
        ['主题分类', v.topic ?? ''],
        ['文号', v.doc_no ?? ''],
        ['成文日期', v.written_date ?? ''],
        ['生成日期', v.generated_date],
        ['公开范围', v.scope],
        ['正文', v.body],
      ] as const
    ).map(([k, val]) => (
      <div>
        <dt>{k}</dt>
        <dd class="pre">{val}</dd>
      </div>
    ))}
  </dl>
);

const Input = ({ name, label, value, type, hint }: { name: string; label: string; value: string; type?: string; hint?: string }) => (
  <div class="field">
    <label for={`field-${name}`}>{label}</label>
    {hint ? (
      <p class="hint" id={`hint-${name}`}>
        {hint}
      </p>
    ) : (
      ''
    )}
    <input id={`field-${name}`} name={name} type={type ?? 'text'} value={value} {...(hint ? { 'aria-describedby': `hint-${name}` } : {})} />
  </div>
);

/** The fields of a version's content and metadata (spec §4). */
const ContentFields = ({ form }: { form: Form }) => {
  const v = (k: keyof VersionForm) => form[k] ?? '';
  return (
    <>
      <Input name="title" label="名称（必填）" value={v('title')} />
      <div class="field">
        <label for="field-summary">内容概述</label>
        <textarea id="field-summary" name="summary" rows={2}>
          {v('summary')}
        </textarea>
      </div>
      <div class="field">
        <label for="field-body">正文</label>
        <textarea id="field-body" name="body" rows={12}>
          {v('body')}
        </textarea>
      </div>
      <SelectField
        name="category"
        label="公开目录栏目（必填）"
        value={v('category')}
        options={categoryKeys.filter((k) => k !== 'statutory').map((k) => [k, catalogueCategories[k].label] as const)}
      />
      <SelectField name="topic" label="主题分类" value={v('topic')} options={topicPaths.map((t) => [t, t.replace('/', ' / ')] as const)} empty="（不选）" />
      <SelectField name="statutoryItem" label="条例规定的公开事项" value={v('statutoryItem')} options={Object.entries(statutoryItems)} empty="（不选）" />
      <SelectField name="domain" label="基层政务公开领域" value={v('domain')} options={basicDomains.map((d) => [d, d] as const)} empty="（不选）" />
      <Input name="docNo" label="文号" value={v('docNo')} hint="如：华政发〔2026〕3号" />
      <SelectField name="documentKind" label="文件类型" value={v('documentKind')} options={Object.entries(documentKinds).map(([k, d]) => [k, d.label] as const)} empty="（一般信息）" />
      <Input name="writtenDate" label="成文日期" type="date" value={v('writtenDate')} />
      <Input name="generatedDate" label="生成日期（必填；自此起20个工作日内公开，条例第二十六条）" type="date" value={v('generatedDate')} />
      <SelectField name="scope" label="公开范围" value={v('scope') || scopes[0]} options={scopes.map((s) => [s, s] as const)} />
    </>
  );
};
