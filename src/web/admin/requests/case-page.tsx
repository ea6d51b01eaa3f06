/**
 * A disclosure case for staff: its deadlines and how each was counted, the applicant
 * (personal data: the agency's own staff only), the items and their replies, the
 * registration hints, the forms of the acts allowed now, the timeline, letters, identity
 * files and appeals.
 */
import type { Child, FC } from 'hono/jsx';
import type { CaseEvent } from '../../../domain/requests/case.ts';
import { chineseDate } from '../../../domain/shared/dates.ts';
import { awaitingDeliveryLabel } from '../../../law/delivery.ts';
import { replyKindLabel } from '../../../law/letters.ts';
import { procedureDefects } from '../../../law/request-workflow.ts';
import { timeLimits } from '../../../law/time-limits.ts';
import { Breadcrumbs } from '../../views/components.tsx';
import { ErrorSummary } from '../../views/layout.tsx';
import { summaryField, type ActFormState } from './act-form-parts.tsx';
import { applicantTypeLabel, channelLabel, DueStanding, outcomeLabel, stateLabel } from './dashboard-page.tsx';
import { AppealsSection, ApplicantSection, HintsSection, LettersSection, Row, TimelineSection, type Detail, type Hints } from './case-sections.tsx';

/** The handler last assigned. */
const handlerOf = (events: readonly CaseEvent[]) => events.reduce<string | null>((name, e) => (e.act === 'assigned' ? e.handlerName : name), null);

const Working: FC<{ lines: readonly string[]; summary?: string }> = ({ lines, summary = '如何计算' }) =>
  lines.length ? (
    <details class="working">
      <summary>{summary}</summary>
      <pre>{lines.join('\n')}</pre>
    </details>
  ) : (
    ''
  );

export interface CasePageProps {
  d: Detail;
  hints: Hints;
  /** The agency's own staff see the applicant's personal data and identity files. */
  ownStaff: boolean;
  notice?: string;
  /** The query code, shown once after registration. */
  queryCode?: string;
  state?: ActFormState;
  urgency: { urgency: string; left: number } | null;
  forms: Child;
  appealForms: Child;
  /** For staff who handle the case: the form under each letter not yet received. */
  receiptForms?: { csrf: string };
}

export const CasePage: FC<CasePageProps> = ({ d, hints, ownStaff, notice, queryCode, state, urgency, forms, appealForms, receiptForms }) => {
  const v = d.view;
  const base = `/admin/requests/${d.row.id}`;
  const errors = (state?.errors ?? []).map((e) => ({ message: e.message, field: summaryField(state!.act, e.field) }));
  return (
    <>
      <Breadcrumbs
        trail={[
          ['工作台', '/admin'],
          ['依申请公开', `/admin/requests?agency=${d.agency.id}`],
          [d.row.receipt_no, null],
        ]}
      />
      <h1>申请 {d.row.receipt_no}</h1>
      <ErrorSummary errors={errors} />
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : (
        ''
      )}
      {queryCode ? (
        <div class="query-code" role="status">
          <p>
            查询码：<strong>{queryCode}</strong>
          </p>
          <p>查询码只显示这一次，请抄写在登记回执上交给申请人。申请人凭申请编号和查询码查询办理进度和答复文书。</p>
        </div>
      ) : (
        ''
      )}
      <dl class="metadata status">
        <Row label="受理机关">{d.agency.name}</Row>
        <Row label="状态">{stateLabel(v.state)}</Row>
        <Row label="提交方式">{channelLabel(v.channel)}</Row>
        <Row label="收到申请之日">{v.receivedDate}</Row>
        <Row label="申请人类型">{applicantTypeLabel(d.row.applicant_type)}</Row>
        <Row label="承办人">{handlerOf(d.timeline.map((t) => t.event)) ?? '未指定'}</Row>
        {v.state === 'closed' ? <Row label="办理结果（表三）">{outcomeLabel(v.lastOutcome)}</Row> : ''}
        {v.defects.length ? (
          <Row label="程序瑕疵">
            <ul class="defects">
              {v.defects.map((x) => (
                <li>
                  {procedureDefects[x.kind].label}（{procedureDefects[x.kind].basis}）：{procedureDefects[x.kind].explain}，{x.on}告知；原因：
                  {x.reason || '未说明'}
                </li>
              ))}
            </ul>
          </Row>
        ) : (
          ''
        )}
      </dl>

      <section aria-labelledby="deadlines">
        <h2 id="deadlines">期限</h2>
        {d.next ? (
          <p class={`next-deadline urgency-${urgency?.urgency ?? 'normal'}`}>
            下一个期限：{d.next.label} {d.next.due ?? awaitingDeliveryLabel}
            {d.next.provisional ? <span class="tag">暂定</span> : ''}
            {d.next.due !== null ? (
              <>
                （<DueStanding urgency={urgency?.urgency ?? 'normal'} left={urgency?.left ?? d.next.left ?? 0} />）
              </>
            ) : (
              '（自收到文书之日起计算，请在“文书”中登记送达）'
            )}
          </p>
        ) : (
          ''
        )}
        <dl class="deadlines">
          <dt>
            答复期限（条例第三十三条，{timeLimits.reply.workingDays}个工作日{v.extensionDays ? `，延长${v.extensionDays}个工作日` : ''}）
          </dt>
          <dd>
            {v.replyDue ? (
              <>
                {v.replyDue.due}（{chineseDate(v.replyDue.due)}），自{v.clockStart}起算
                {v.replyDue.provisional ? <span class="tag">暂定</span> : ''}
                {v.delayedDue ? `；经审核理由，延迟至${v.delayedDue}` : ''}
                <Working lines={d.replyDueWorking} />
              </>
            ) : v.state === 'awaitingCorrection' ? (
              '等待申请人补正，收到补正后重新计算'
            ) : (
              '已办结'
            )}
          </dd>
          {v.state !== 'closed' && !v.correction ? (
            <>
              <dt>告知补正的期限（条例第三十条，{timeLimits.correctionNotice.workingDays}个工作日）</dt>
              <dd>
                {v.correctionNoticeDue.due}
                {v.correctionNoticeDue.provisional ? <span class="tag">暂定</span> : ''}
                <Working lines={d.correctionNoticeWorking} />
              </dd>
            </>
          ) : (
            ''
          )}
          {v.pending ? (
            <>
              <dt>{v.pending.label}</dt>
              <dd>
                自{v.pending.since}至{v.pending.due ?? `${awaitingDeliveryLabel}（自收到文书之日起计算）`}
              </dd>
            </>
          ) : (
            ''
          )}
          {v.stops.length ? (
            <>
              <dt>暂停计算</dt>
              <dd>{v.stops.map((s) => `${s.label}：${s.from}至${s.to}${s.open ? '（尚未结束，按期限届满计）' : ''}`).join('；')}</dd>
            </>
          ) : (
            ''
          )}
        </dl>
      </section>

      {ownStaff && d.applicant ? <ApplicantSection d={d} applicant={d.applicant} base={base} /> : ''}

      <section aria-labelledby="items">
        <h2 id="items">申请内容</h2>
        <ol class="request-items">
          {d.items.map((i) => (
            <li>
              {i.description}
              {i.reply_kind ? (
                <p class="item-reply">
                  答复：{replyKindLabel(i.reply_kind)}；计入表三：{outcomeLabel(i.outcome)}
                </p>
              ) : (
                ''
              )}
            </li>
          ))}
        </ol>
      </section>

      <HintsSection hints={hints} />

      {forms ? (
        <section aria-labelledby="acts">
          <h2 id="acts">办理</h2>
          {forms}
        </section>
      ) : (
        ''
      )}

      <TimelineSection d={d} />

      <LettersSection d={d} base={base} receiptForms={receiptForms} state={state} />

      <AppealsSection d={d}>{appealForms}</AppealsSection>
    </>
  );
};
