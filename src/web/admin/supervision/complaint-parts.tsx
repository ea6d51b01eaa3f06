/**
 * The parts of the county supervisor's complaint pages (条例 第四十七条): the list with due
 * dates, the summary the annual-report supervision page shows, a complaint with its handling,
 * the forms to record the handling and the answer, and the county's time limits.
 */
import type { FC } from 'hono/jsx';
import type { LoadedComplaint } from '../../../app/complaints/complaints.ts';
import type { CountyLimits } from '../../../app/supervision/limits.ts';
import type { Agency } from '../../../domain/agencies/agency.ts';
import type { FieldError } from '../../../domain/shared/result.ts';
import {
  answerMethods,
  complaintChannels,
  complaintKinds,
  complaintLimit,
  type AnswerMethod,
  type ComplaintChannel,
  type ComplaintKind,
} from '../../../law/complaints.ts';
import { correctionLimit } from '../../../law/corrections.ts';
import type { ComplaintRow } from '../../../store/complaints.repo.ts';
import { SelectField, TextField } from '../../views/components.tsx';

const msg = (errors: readonly FieldError[], field: string) => errors.find((e) => e.field === field)?.message;

/** 逾期 / 今天到期 / 待处理 / 已答复, in words. */
export function standing(r: Pick<ComplaintRow, 'state' | 'due_date' | 'answered_date'>, today: string): { text: string; urgency: string } {
  if (r.state === 'closed') return { text: `已于${r.answered_date}办结${r.answered_date! > r.due_date ? '（逾期）' : ''}`, urgency: '' };
  if (r.due_date < today) return { text: '已逾期', urgency: 'urgency-overdue' };
  if (r.due_date === today) return { text: '今天到期', urgency: 'urgency-dueSoon' };
  return { text: '办理中', urgency: '' };
}

export const ComplaintTable: FC<{ rows: readonly ComplaintRow[]; tree: readonly Agency[]; today: string; caption: string }> = ({
  rows,
  tree,
  today,
  caption,
}) =>
  rows.length === 0 ? (
    <p>没有投诉、举报。</p>
  ) : (
    <table class="list">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">编号</th>
          <th scope="col">类别</th>
          <th scope="col">被投诉、举报的机关</th>
          <th scope="col">收到之日</th>
          <th scope="col">答复期限</th>
          <th scope="col">状态</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const s = standing(r, today);
          return (
            <tr class={s.urgency || undefined}>
              <td>
                <a href={`/admin/supervision/complaints/${r.id}`}>{r.receipt_no}</a>
              </td>
              <td>{complaintKinds[r.kind as ComplaintKind].label}</td>
              <td>{tree.find((a) => a.id === r.agency_id)?.name ?? ''}</td>
              <td>{r.received_date}</td>
              <td>
                {r.due_date}
                {r.provisional ? '（暂定）' : ''}
              </td>
              <td class="due-standing">{s.text}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );

/** On the county's annual-report supervision page: the open complaints, nearest due first. */
export const ComplaintsSummary: FC<{
  data: { rows: readonly ComplaintRow[]; tree: readonly Agency[]; open: number; overdue: number; today: string };
  countyId: number;
}> = ({ data, countyId }) => (
  <section aria-labelledby="complaints">
    <h2 id="complaints">投诉、举报（条例第四十七条）</h2>
    <p>
      办理中{data.open}件，其中逾期{data.overdue}件。<a href={`/admin/supervision/complaints?county=${countyId}`}>全部投诉、举报</a>
    </p>
    <ComplaintTable rows={data.rows.filter((r) => r.state === 'open')} tree={data.tree} today={data.today} caption="办理中的投诉、举报" />
  </section>
);

export const LimitsForm: FC<{ countyId: number; limits: CountyLimits; csrf: string; errors: readonly FieldError[]; values?: Record<string, string> }> = ({
  countyId,
  limits,
  csrf,
  errors,
  values = {},
}) => (
  <section aria-labelledby="limits">
    <h2 id="limits">办理时限</h2>
    <p>条例未规定以下时限，由本县确定；修改后只适用于此后收到的更正申请和投诉、举报。</p>
    <form method="post" action={`/admin/supervision/limits?county=${countyId}`} class="form">
      <input type="hidden" name="_csrf" value={csrf} />
      <TextField
        name="correctionDays"
        label="更正申请（条例第四十一条）的办理时限（工作日）"
        value={values.correctionDays ?? limits.correctionDays}
        error={msg(errors, 'correctionDays')}
        hint={`${correctionLimit.minWorkingDays}至${correctionLimit.maxWorkingDays}个工作日，自收到申请之日起计算；默认${correctionLimit.defaultWorkingDays}个工作日。`}
      />
      <TextField
        name="complaintDays"
        label="投诉、举报（条例第四十七条）的答复时限（工作日）"
        value={values.complaintDays ?? limits.complaintDays}
        error={msg(errors, 'complaintDays')}
        hint={`${complaintLimit.minWorkingDays}至${complaintLimit.maxWorkingDays}个工作日，自收到之日起计算；默认${complaintLimit.defaultWorkingDays}个工作日。`}
      />
      <button type="submit">保存</button>
    </form>
  </section>
);

export const ComplaintDetail: FC<{ c: LoadedComplaint; agency: string; today: string }> = ({ c, agency, today }) => {
  const r = c.row;
  const rows: [string, string][] = [
    ['类别', complaintKinds[r.kind as ComplaintKind].label],
    ['被投诉、举报的机关', agency],
    ['收到方式', complaintChannels[r.channel as ComplaintChannel]?.label ?? r.channel],
    ['收到之日', r.received_date],
    ['答复期限', `${c.view.due.due}${c.view.due.provisional ? '（暂定：该年度放假安排尚未公布）' : ''}`],
    ['状态', standing(r, today).text],
    ['姓名或者名称', r.name ?? '（匿名）'],
    ['联系电话', r.phone ?? '（未留）'],
    ['电子邮箱', r.email ?? '（未留）'],
  ];
  return (
    <>
      <dl class="metadata">
        {rows.map(([k, v]) => (
          <div>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <h2>事实和理由</h2>
      <p class="prewrap">{r.content}</p>
      <h2>处理情况</h2>
      {c.view.handling.length === 0 ? (
        <p>尚未登记处理情况。</p>
      ) : (
        <ol>
          {c.view.handling.map((h) => (
            <li>
              {h.on}：{h.note}
            </li>
          ))}
        </ol>
      )}
      {c.view.answer ? (
        <>
          <h2>答复</h2>
          <p>
            {c.view.answer.on}，{answerMethods[c.view.answer.method].label}：{c.view.answer.text}
          </p>
        </>
      ) : (
        ''
      )}
    </>
  );
};

export const HandlingForms: FC<{
  c: LoadedComplaint;
  csrf: string;
  today: string;
  errors: readonly FieldError[];
  form: string | null;
  values: Record<string, string>;
}> = ({ c, csrf, today, errors, form, values }) => {
  if (c.view.state === 'closed') return null;
  const reachable = Boolean(c.row.phone || c.row.email);
  const methods = (Object.keys(answerMethods) as AnswerMethod[]).filter((m) => (m === 'none') !== reachable);
  const v = (name: string, fallback = '') => (form ? (values[name] ?? fallback) : fallback);
  const e = (f: string, name: string) => (form === f ? msg(errors, name) : undefined);
  return (
    <>
      <section aria-labelledby="handle">
        <h2 id="handle">登记处理情况</h2>
        <form method="post" action={`/admin/supervision/complaints/${c.row.id}/handling`} class="form">
          <input type="hidden" name="_csrf" value={csrf} />
          <TextField name="on" id="handling-on" type="date" label="日期" value={v('on', today)} error={e('handling', 'on')} />
          <TextField
            name="note"
            id="handling-note"
            label="处理情况"
            rows={4}
            value={v('note')}
            error={e('handling', 'note')}
            hint="如：已调查核实；已责令被投诉机关限期答复或者整改；已通报批评。"
          />
          <button type="submit">登记</button>
        </form>
      </section>
      {c.view.handling.length ? (
        <section aria-labelledby="answer">
          <h2 id="answer">答复并办结</h2>
          <form method="post" action={`/admin/supervision/complaints/${c.row.id}/answer`} class="form">
            <input type="hidden" name="_csrf" value={csrf} />
            <TextField name="on" id="answer-on" type="date" label="答复日期" value={v('on', today)} error={e('answer', 'on')} />
            <SelectField
              name="method"
              id="answer-method"
              label="答复方式"
              value={v('method')}
              options={methods.map((m) => [m, answerMethods[m].label] as const)}
              error={e('answer', 'method')}
            />
            <TextField name="answer" id="answer-text" label="答复内容（处理结果）" rows={4} value={v('answer')} error={e('answer', 'answer')} />
            <button type="submit">答复并办结</button>
          </form>
        </section>
      ) : (
        ''
      )}
    </>
  );
};
