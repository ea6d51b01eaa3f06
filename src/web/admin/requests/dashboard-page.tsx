/**
 * The agency's disclosure requests: open cases by their next deadline, coloured as it nears
 * (dueSoonWorkingDays) or passes, with text and an icon as well as colour; online
 * submissions waiting for the mutual confirmation that makes their 收到申请之日; and the
 * cases closed lately.
 */
import type { FC } from 'hono/jsx';
import type { caseDashboard } from '../../../app/requests/read.ts';
import type { Agency } from '../../../domain/agencies/agency.ts';
import { applicantTypes, isApplicantType } from '../../../law/applicant-types.ts';
import { awaitingDeliveryLabel } from '../../../law/delivery.ts';
import { outcomeCodes, type OutcomeCode } from '../../../law/outcome-codes.ts';
import { receiptChannels, type ReceiptChannel } from '../../../law/receipt-channels.ts';
import { caseStates, dueSoonWorkingDays, type CaseState } from '../../../law/request-workflow.ts';
import { Breadcrumbs, Icon, Pager, SelectField, TextField } from '../../views/components.tsx';
import { ErrorSummary } from '../../views/layout.tsx';
import type { FormValues } from '../../views/application-fields.tsx';
import { chinaDate } from '../../../domain/shared/dates.ts';

type Dashboard = Awaited<ReturnType<typeof caseDashboard>>;

export interface DashboardFormState {
  /** `confirm-<id>` or `setAside-<id>`: the form that came back. */
  form: string;
  values: FormValues;
  errors: readonly { field: string; message: string }[];
}

export const applicantTypeLabel = (t: string) => (isApplicantType(t) ? applicantTypes[t].label : t);
export const channelLabel = (c: string) => receiptChannels[c as ReceiptChannel]?.label ?? c;
export const stateLabel = (s: string | null) => (s ? (caseStates[s as CaseState]?.label ?? s) : '');
export const outcomeLabel = (o: string | null) =>
  o ? `${outcomeCodes[o as OutcomeCode]?.ref ?? ''} ${outcomeCodes[o as OutcomeCode]?.label.replace(/^（[一二三四五六]）|^\d+\./, '') ?? o}`.trim() : '';

/** What waits for the head of the disclosure office on a case (applications.sign_off). */
const signOffTags = { reply: '答复待签发', extension: '延期待审批' } as const;

const urgencyText: Record<'overdue' | 'dueSoon' | 'normal', { icon: 'warning' | 'clock' | null; text: (left: number) => string }> = {
  overdue: { icon: 'warning', text: (left: number) => `已逾期${-left}个工作日` },
  dueSoon: { icon: 'clock', text: (left: number) => (left === 0 ? '今天到期' : `还剩${left}个工作日，即将到期`) },
  normal: { icon: null, text: (left: number) => `还剩${left}个工作日` },
};

/** A deadline's standing in words (and an icon), for a cell whose class gives the colour. */
export const DueStanding: FC<{ urgency: string; left: number | null }> = ({ urgency, left }) => {
  if (left === null || !(urgency in urgencyText)) return <span>—</span>;
  const u = urgencyText[urgency as keyof typeof urgencyText];
  return (
    <span>
      {u.icon ? (
        <>
          <Icon name={u.icon} />{' '}
        </>
      ) : (
        ''
      )}
      {u.text(left)}
    </span>
  );
};

export const RequestsDashboard: FC<{
  agency: Agency;
  agencies: readonly Agency[];
  data: Dashboard;
  mayHandle: boolean;
  csrf: string;
  notice?: string;
  state?: DashboardFormState;
}> = ({ agency, agencies, data, mayHandle, csrf, notice, state }) => {
  const errorsOf = (form: string) => (state?.form === form ? Object.fromEntries(state.errors.map((e) => [e.field, e.message])) : {});
  const valueOf = (form: string, name: string, fallback: string) => (state?.form === form ? (state.values[name] ?? '') : fallback);
  const { overdue, dueSoon } = data.counts;
  return (
    <>
      <Breadcrumbs
        trail={[
          ['工作台', '/admin'],
          ['依申请公开', null],
        ]}
      />
      <h1>{agency.name} · 依申请公开</h1>
      <ErrorSummary errors={(state?.errors ?? []).map((e) => ({ ...e, field: `${state!.form}-${e.field}` }))} />
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : (
        ''
      )}
      <form method="get" action="/admin/requests" class="form inline-form">
        <SelectField name="agency" label="单位" value={agency.id} options={agencies.map((a) => [a.id, a.name] as const)} />
        <button type="submit">查看</button>
      </form>
      {mayHandle ? (
        <p>
          <a class="button" href={`/admin/requests/new?agency=${agency.id}`}>
            登记申请（当面、邮寄、电子邮件、传真）
          </a>{' '}
          <a href={`/admin/requests/sign-off?agency=${agency.id}`}>答复签发设置</a>
        </p>
      ) : (
        ''
      )}

      <section aria-labelledby="open-cases">
        <h2 id="open-cases">办理中的申请（{data.counts.open}件）</h2>
        <p>
          今天是{data.today}。逾期{overdue}件，{dueSoonWorkingDays}个工作日内到期{dueSoon}件。期限标“暂定”的，所在年度的放假安排尚未公布，公布后会重新计算。
        </p>
        {data.cases.length === 0 ? (
          <p>没有办理中的申请。</p>
        ) : (
          <>
            <table class="list cases">
              <caption class="visually-hidden">办理中的申请，按下一个期限由近到远排列</caption>
              <thead>
                <tr>
                  <th scope="col">申请编号</th>
                  <th scope="col">申请人类型</th>
                  <th scope="col">申请内容</th>
                  <th scope="col">提交方式</th>
                  <th scope="col">收到申请之日</th>
                  <th scope="col">状态</th>
                  <th scope="col">下一个期限</th>
                  <th scope="col">剩余工作日</th>
                </tr>
              </thead>
              <tbody>
                {data.cases.map((c) => (
                  <tr class={`urgency-${c.urgency}`}>
                    <td>
                      <a href={`/admin/requests/${c.id}`}>{c.receipt_no}</a>
                    </td>
                    <td>{applicantTypeLabel(c.applicant_type)}</td>
                    <td>{c.subject.length > 40 ? `${c.subject.slice(0, 40)}…` : c.subject}</td>
                    <td>{channelLabel(c.channel)}</td>
                    <td>{c.received_date}</td>
                    <td>
                      {stateLabel(c.state)}
                      {c.sign_off ? <span class="tag sign-off">{signOffTags[c.sign_off]}</span> : ''}
                    </td>
                    <td>
                      {c.dueLabel}：{c.next_due ?? (c.next_due_kind ? awaitingDeliveryLabel : '—')}
                      {c.provisional ? <span class="tag">暂定</span> : ''}
                    </td>
                    <td class="due-standing">
                      <DueStanding urgency={c.urgency} left={c.left} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager page={data.page} pages={data.pages} href={(n) => `/admin/requests?agency=${agency.id}&page=${n}`} />
          </>
        )}
      </section>

      <section aria-labelledby="submissions">
        <h2 id="submissions">待确认的网上申请（{data.submissions.length}件）</h2>
        <p class="hint">网上申请以双方确认之日为收到申请之日（条例第三十一条）：与申请人确认后登记确认日期，申请即转为办理中的案件。</p>
        {data.submissions.length === 0 ? <p>没有待确认的网上申请。</p> : ''}
        {data.submissions.map((s) => {
          const confirm = `confirm-${s.id}`;
          const aside = `setAside-${s.id}`;
          const ce = errorsOf(confirm);
          const ae = errorsOf(aside);
          return (
            <article class="submission" aria-labelledby={`submission-${s.id}`}>
              <h3 id={`submission-${s.id}`}>
                {s.receipt_no}（{chinaDate(s.submitted_at)}提交）
              </h3>
              <p>
                申请人类型：{applicantTypeLabel(s.form.applicant.type)}；申请内容：{s.form.items.join('；')}
              </p>
              {mayHandle ? (
                <>
                  <details>
                    <summary>申请人联系方式（用于确认）</summary>
                    <p>
                      {s.form.applicant.name}　电话：{s.form.applicant.phone}
                      {s.form.applicant.email ? `　电子邮箱：${s.form.applicant.email}` : ''}
                    </p>
                  </details>
                  <form method="post" action={`/admin/requests/submissions/${s.id}/confirm`} class="form inline-form">
                    <input type="hidden" name="_csrf" value={csrf} />
                    <TextField
                      id={`field-${confirm}-confirmedOn`}
                      name="confirmedOn"
                      type="date"
                      label="双方确认之日（收到申请之日）"
                      value={valueOf(confirm, 'confirmedOn', data.today)}
                      error={ce.confirmedOn ?? ce.submission}
                    />
                    <button type="submit">确认并登记</button>
                  </form>
                  <form method="post" action={`/admin/requests/submissions/${s.id}/set-aside`} class="form inline-form">
                    <input type="hidden" name="_csrf" value={csrf} />
                    <TextField
                      id={`field-${aside}-reason`}
                      name="reason"
                      label="不予登记的原因（空白、重复提交等）"
                      value={valueOf(aside, 'reason', '')}
                      error={ae.reason ?? ae.submission}
                    />
                    <button type="submit" class="secondary">
                      不予登记
                    </button>
                  </form>
                </>
              ) : (
                ''
              )}
            </article>
          );
        })}
      </section>

      <section aria-labelledby="closed-cases">
        <h2 id="closed-cases">最近办结的申请</h2>
        {data.closed.length === 0 ? (
          <p>还没有办结的申请。</p>
        ) : (
          <table class="list">
            <caption class="visually-hidden">最近办结的申请</caption>
            <thead>
              <tr>
                <th scope="col">申请编号</th>
                <th scope="col">申请人类型</th>
                <th scope="col">申请内容</th>
                <th scope="col">收到申请之日</th>
                <th scope="col">办结日期</th>
                <th scope="col">办理结果（表三）</th>
              </tr>
            </thead>
            <tbody>
              {data.closed.map((c) => (
                <tr>
                  <td>
                    <a href={`/admin/requests/${c.id}`}>{c.receipt_no}</a>
                  </td>
                  <td>{applicantTypeLabel(c.applicant_type)}</td>
                  <td>{c.subject.length > 40 ? `${c.subject.slice(0, 40)}…` : c.subject}</td>
                  <td>{c.received_date}</td>
                  <td>{c.last_closed_date ?? c.closed_date}</td>
                  <td>{outcomeLabel(c.last_outcome ?? c.outcome)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
};
