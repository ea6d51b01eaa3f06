/**
 * The leader's approval page of a reviewed version: before approving, the leader reads the
 * title, summary and body full width exactly as the portal will show them — masked by
 * `publishedText`, the function publication itself uses — with the 保密审查 opinion, what
 * was masked and what was published as printed after a 解密; then approves or returns it.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../app/context.ts';
import { publishedText } from '../../../app/catalog/screening.ts';
import { approveAndPublish } from '../../../app/catalog/workflow.ts';
import { can } from '../../../domain/access/policy.ts';
import { InputError } from '../../../domain/shared/result.ts';
import { portalDateTime } from '../../../domain/shared/dates.ts';
import { categoryLabel } from '../../../law/catalogue-categories.ts';
import { versionStates, type VersionState } from '../../../law/catalogue-workflow.ts';
import { hitKinds, isMaskable } from '../../../law/screening.ts';
import { attachmentsOf, getItemRow, getVersion, hitsOf } from '../../../store/catalogue-versions.repo.ts';
import { displayNames } from '../../../store/users.repo.ts';
import { NotFoundError, type FieldError } from '../../../domain/shared/result.ts';
import { siteInfo } from '../../site.ts';
import { Breadcrumbs, positiveInt } from '../../views/components.tsx';
import { ErrorSummary, Layout } from '../../views/layout.tsx';
import { sendPage } from '../../views/page.ts';
import { actorOf, agencyFor } from '../access.ts';
import { viewerOf } from '../viewer.ts';
import { DeclassificationRecord } from './screening-section.tsx';

/** Paragraphs as the portal's item page prints them: one per non-empty line. */
const paragraphs = (text: string) => text.split('\n').filter((p) => p.trim() !== '');

async function approvalPage(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  rawId: string,
  state: { errors?: FieldError[]; status?: number } = {},
) {
  const version = await getVersion(ctx.db, positiveInt(rawId) ?? 0);
  const item = version && (await getItemRow(ctx.db, version.item_id));
  if (!version || !item) throw new NotFoundError('找不到这条信息');
  const { agency, tree } = await agencyFor(ctx, request, String(item.agency_id), 'catalogue.view', '找不到这条信息');
  const [text, hits, attachments] = await Promise.all([publishedText(ctx.db, version), hitsOf(ctx.db, version.id), attachmentsOf(ctx.db, version.id)]);
  const names = await displayNames(
    ctx.db,
    [...hits.map((h) => h.resolved_by), version.reviewed_by].filter((id): id is number => id !== null),
  );
  const masked = hits.filter((h) => h.resolution === 'redacted' && isMaskable(h.kind));
  const declassified = hits.filter((h) => h.resolution === 'declassified');
  const inApproval = version.state === 'inApproval';
  const mayApprove = can(actorOf(request), 'catalogue.approve', agency.id, tree) && inApproval;
  const viewer = viewerOf(request, reply, tree);
  const base = `/admin/versions/${version.id}`;
  return sendPage(
    reply,
    <Layout title={`领导审核：${version.title}`} site={await siteInfo(ctx.db)} area="admin" viewer={viewer}>
      <Breadcrumbs
        trail={[
          ['工作台', '/admin'],
          ['主动公开信息', `/admin/items?agency=${agency.id}`],
          [version.title, base],
          ['领导审核', null],
        ]}
      />
      <h1>领导审核：{version.title}</h1>
      <ErrorSummary errors={state.errors ?? []} />
      {inApproval ? '' : <p class="notice">这一版本当前为“{versionStates[version.state as VersionState]?.label ?? version.state}”，不在待领导审核状态。</p>}
      <dl class="metadata status">
        <div>
          <dt>发布机构</dt>
          <dd>{agency.name}</dd>
        </div>
        <div>
          <dt>版本</dt>
          <dd>
            第{version.version}版{item.index_no ? `（更正，索引号 ${item.index_no}）` : ''}
          </dd>
        </div>
        <div>
          <dt>栏目</dt>
          <dd>{categoryLabel(version.category)}</dd>
        </div>
        <div>
          <dt>生成日期</dt>
          <dd>{version.generated_date}</dd>
        </div>
        <div>
          <dt>保密审查</dt>
          <dd>
            {version.reviewed_by !== null
              ? `${names.get(version.reviewed_by) ?? ''}，${version.reviewed_at ? portalDateTime(version.reviewed_at) : ''}`
              : '未审查'}
          </dd>
        </div>
      </dl>
      {version.review_opinion ? <p>保密审查意见：{version.review_opinion}</p> : ''}
      {version.change_note ? <p class="notice">更正理由：{version.change_note}</p> : ''}

      <section aria-labelledby="as-published">
        <h2 id="as-published">公开后的文本</h2>
        <p class="help">
          以下是批准后门户网站显示的名称、文号、内容概述和正文。{masked.length ? `${masked.length}处个人信息已遮蔽` : '没有遮蔽的内容'}
          {declassified.length ? `；${declassified.length}处密级或不得公开标识已登记解密，按原样显示` : ''}。
        </p>
        <article class="as-published">
          <h3>{text.title}</h3>
          {text.docNo ? <p class="doc-no">文号：{text.docNo}</p> : ''}
          {text.summary ? <p class="summary">内容概述：{text.summary}</p> : ''}
          {paragraphs(text.body).map((p) => (
            <p>{p}</p>
          ))}
        </article>
      </section>

      {declassified.length ? (
        <section aria-labelledby="declassifications">
          <h2 id="declassifications">解密记录</h2>
          <ul>
            {declassified.map((h) => (
              <li>
                第{h.number}处“{h.value}”（{h.location}）：
                <DeclassificationRecord hit={h} names={names} />
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}

      {attachments.length ? (
        <section aria-labelledby="approval-attachments">
          <h2 id="approval-attachments">附件</h2>
          <ul>
            {attachments.map((a) => {
              const own = masked.filter((h) => h.attachment_id === a.id);
              return (
                <li>
                  {a.filename}
                  {own.length
                    ? `：公开遮蔽后的副本（${[...new Set(own.map((h) => hitKinds[h.kind as 'email']?.label))].join('、')}）`
                    : a.type === 'pdf'
                      ? '：按原文件公开'
                      : '：公开删去文档属性、嵌入对象、图片元数据等隐藏内容后的副本'}
                </li>
              );
            })}
          </ul>
        </section>
      ) : (
        ''
      )}

      {mayApprove ? (
        <section aria-labelledby="decision">
          <h2 id="decision">审核</h2>
          <form method="post" action={`${base}/approve`} class="form">
            <input type="hidden" name="_csrf" value={viewer.csrf} />
            <p>批准后立即在门户网站公开{item.index_no ? '（更正版本）' : '，并分配索引号'}。</p>
            {version.reviewed_by === actorOf(request).id ? <p class="notice">您已对这一版本作了保密审查：批准公开须由另一位审核领导进行。</p> : ''}
            <button type="submit">批准公开</button>
          </form>
          <form method="post" action={`${base}/return`} class="form">
            <input type="hidden" name="_csrf" value={viewer.csrf} />
            <div class="field">
              <label for="field-reason">退回理由</label>
              <textarea id="field-reason" name="reason" rows={2} />
            </div>
            <button type="submit" class="secondary">
              退回修改
            </button>
          </form>
        </section>
      ) : (
        ''
      )}
      <p>
        <a href={base}>返回信息页面</a>
      </p>
    </Layout>,
    state.status ?? 200,
  );
}

export function approvalRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { id: string } }>('/admin/versions/:id/approval', async (request, reply) => approvalPage(ctx, request, reply, request.params.id));

  app.post<{ Params: { id: string } }>('/admin/versions/:id/approve', { preHandler: app.csrfProtection }, async (request, reply) => {
    const id = positiveInt(request.params.id) ?? 0;
    try {
      const { indexNo } = await approveAndPublish(ctx, actorOf(request), id);
      return reply.redirect(`/admin/versions/${id}?done=${encodeURIComponent(`已公开，索引号 ${indexNo}。`)}`, 303);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      return approvalPage(ctx, request, reply, String(id), { errors: e.errors, status: 400 });
    }
  });
}
