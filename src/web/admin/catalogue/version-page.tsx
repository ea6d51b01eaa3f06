/**
 * The staff page of one version of a catalogue item: its state and 第二十六条 clock, the
 * content (a form while it is a draft), attachments, the numbered screening results with
 * their settlement, and the forms of the workflow step the viewer may take.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../app/context.ts';
import { publicationClock } from '../../../app/catalog/clock.ts';
import { can } from '../../../domain/access/policy.ts';
import { unsettledCounts } from '../../../domain/catalog/hits.ts';
import { auditLabel } from '../../../domain/shared/audit.ts';
import { chinaDate, portalDateTime } from '../../../domain/shared/dates.ts';
import { NotFoundError, type FieldError } from '../../../domain/shared/result.ts';
import { categoryLabel, validityStates } from '../../../law/catalogue-categories.ts';
import { itemStatuses, versionStates, type VersionState } from '../../../law/catalogue-workflow.ts';
import { attachmentsOf, getItemRow, getVersion, hitsOf, versionsOf, type VersionRow } from '../../../store/catalogue-versions.repo.ts';
import { eventsFor } from '../../../store/events.repo.ts';
import { displayNames } from '../../../store/users.repo.ts';
import { siteInfo } from '../../site.ts';
import { Breadcrumbs, positiveInt, SelectField } from '../../views/components.tsx';
import { ErrorSummary, Layout } from '../../views/layout.tsx';
import { sendPage } from '../../views/page.ts';
import { actorOf, agencyFor } from '../access.ts';
import { viewerOf } from '../viewer.ts';
import { ContentFields, formOf, type Form } from './content-fields.tsx';
import { ReviewForm } from './review-form.tsx';
import { ScreeningSection } from './screening-section.tsx';

export interface PageState {
  errors?: FieldError[];
  form?: Form;
  notice?: string | undefined;
  status?: number;
}

const editableStates: readonly string[] = ['draft', 'returned'];

export async function versionPage(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, rawId: string, state: PageState = {}) {
  const version = await getVersion(ctx.db, positiveInt(rawId) ?? 0);
  const item = version && (await getItemRow(ctx.db, version.item_id));
  if (!version || !item) throw new NotFoundError('找不到这条信息');
  const { agency, tree } = await agencyFor(ctx, request, String(item.agency_id), 'catalogue.view', '找不到这条信息');
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
  const openMarkings = unsettledCounts(hits).unresolvedMarkings;
  const names = await displayNames(
    ctx.db,
    [...hits.map((h) => h.resolved_by), version.reviewed_by, ...events.map((e) => e.actor_id)].filter((id): id is number => id !== null),
  );
  return sendPage(
    reply,
    <Layout title={version.title} site={await siteInfo(ctx.db)} area="admin" viewer={viewer}>
      <Breadcrumbs
        trail={[
          ['工作台', '/admin'],
          ['主动公开信息', `/admin/items?agency=${agency.id}`],
          [version.title, null],
        ]}
      />
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
      {version.review_opinion ? (
        <p>
          保密审查意见：{version.review_opinion}
          {version.reviewed_by !== null ? `（${names.get(version.reviewed_by) ?? ''}）` : ''}
        </p>
      ) : (
        ''
      )}

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

      <ScreeningSection hits={hits} names={names} mayReview={mayReview} csrf={csrf} versionId={version.id} form={state.form} />

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
        {mayReview ? <ReviewForm action={`${base}/review`} csrf={csrf} subject="item" form={state.form} openMarkings={openMarkings} button="审查通过" /> : ''}
        {mayApprove ? (
          <p>
            <a class="button" href={`${base}/approval`}>
              进入领导审核：查看公开后的文本并批准公开
            </a>
          </p>
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
            <button type="submit" class="secondary">
              退回修改
            </button>
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
            <button type="submit" class="secondary">
              撤回
            </button>
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
              {portalDateTime(e.occurred_at)} {(e.actor_id !== null && names.get(e.actor_id)) || ''} {auditLabel(e.action)}
              {e.reason ? `：${e.reason}` : ''}
            </li>
          ))}
        </ol>
      </section>
    </Layout>,
    state.status ?? 200,
  );
}

const VersionView = ({ v }: { v: VersionRow }) => (
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
