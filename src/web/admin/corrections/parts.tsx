/**
 * The parts of the 更正 pages (条例 第四十一条): the list with due dates, the registration
 * form, a request with its letters, and the decision form.
 */
import type { FC } from 'hono/jsx';
import type { LoadedCorrection } from '../../../app/corrections/corrections.ts';
import type { Agency } from '../../../domain/agencies/agency.ts';
import type { LetterContent } from '../../../domain/requests/letters.ts';
import type { FieldError } from '../../../domain/shared/result.ts';
import { applicantTypeKeys, applicantTypes } from '../../../law/applicant-types.ts';
import { correctionDecisionKeys, correctionDecisions, correctionFactLabels } from '../../../law/corrections.ts';
import { receiptChannels, type ReceiptChannel } from '../../../law/receipt-channels.ts';
import { LetterView } from '../../../render/letters/html.tsx';
import type { CorrectionRow } from '../../../store/corrections.repo.ts';
import { SelectField, TextField } from '../../views/components.tsx';

const msg = (errors: readonly FieldError[], field: string) => errors.find((e) => e.field === field)?.message;

function standing(r: CorrectionRow, today: string): { text: string; urgency: string } {
  if (r.state === 'closed') return { text: `已于${r.decided_date}办结${r.decided_date! > r.due_date ? '（逾期）' : ''}`, urgency: '' };
  if (r.due_date < today) return { text: '已逾期', urgency: 'urgency-overdue' };
  if (r.due_date === today) return { text: '今天到期', urgency: 'urgency-dueSoon' };
  return { text: '办理中', urgency: '' };
}

export const CorrectionTable: FC<{ rows: readonly CorrectionRow[]; agencies: readonly Agency[]; today: string }> = ({ rows, agencies, today }) =>
  rows.length === 0 ? (
    <p>没有更正申请。</p>
  ) : (
    <table class="list">
      <caption>更正申请（办理中的在前，按办理期限排列）</caption>
      <thead>
        <tr>
          <th scope="col">编号</th>
          <th scope="col">单位</th>
          <th scope="col">需要更正的记录</th>
          <th scope="col">收到之日</th>
          <th scope="col">办理期限</th>
          <th scope="col">状态</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const s = standing(r, today);
          return (
            <tr class={s.urgency || undefined}>
              <td>
                <a href={`/admin/corrections/${r.id}`}>{r.receipt_no}</a>
              </td>
              <td>{agencies.find((a) => a.id === r.agency_id)?.shortName ?? ''}</td>
              <td>{r.record}</td>
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

export const CorrectionRegisterFields: FC<{ values: Record<string, string>; errors: readonly FieldError[]; channels: readonly ReceiptChannel[] }> = ({
  values,
  errors,
  channels,
}) => (
  <>
    <SelectField
      name="channel"
      label="提交方式"
      value={values.channel}
      empty="请选择"
      options={channels.map((c) => [c, `${receiptChannels[c].label}（以${receiptChannels[c].receiptDay}为收到申请之日）`] as const)}
      error={msg(errors, 'channel')}
    />
    <TextField
      name="receivedDate"
      type="date"
      label="收到申请之日"
      value={values.receivedDate}
      error={msg(errors, 'receivedDate')}
      hint="办理期限自此日起按本县规定的工作日计算。"
    />
    <SelectField
      name="applicantType"
      label="申请人类型"
      value={values.applicantType}
      options={applicantTypeKeys.map((k) => [k, applicantTypes[k].label] as const)}
      error={msg(errors, 'applicantType')}
    />
    <TextField name="name" label="申请人姓名或者名称" value={values.name} error={msg(errors, 'name')} />
    <TextField name="phone" label="联系电话" type="tel" value={values.phone} error={msg(errors, 'phone')} hint="电话、电子邮箱、通信地址至少填写一项。" />
    <TextField name="email" label="电子邮箱" type="email" value={values.email} error={msg(errors, 'email')} />
    <TextField name="address" label="通信地址" value={values.address} error={msg(errors, 'address')} />
    <TextField
      name="record"
      label="需要更正的政府信息记录"
      value={values.record}
      error={msg(errors, 'record')}
      hint="本机关提供的、与申请人自身相关的记录，如某名单、某证明中的某项内容。"
    />
    <TextField name="requestedChange" label="要求更正的内容" rows={3} value={values.requestedChange} error={msg(errors, 'requestedChange')} />
    <TextField
      name="evidence"
      label="申请人提供的证据"
      rows={3}
      value={values.evidence}
      error={msg(errors, 'evidence')}
      hint="条例第四十一条：有证据证明记录不准确的，可以要求更正。"
    />
  </>
);

export const CorrectionDetail: FC<{ c: LoadedCorrection; agency: Agency; personal: boolean; today: string }> = ({ c, agency, personal, today }) => {
  const r = c.row;
  const rows: [string, string][] = [
    ['单位', agency.name],
    ['申请人', `${r.applicant_name}（${applicantTypes[r.applicant_type as keyof typeof applicantTypes]?.label ?? r.applicant_type}）`],
    ...(personal ? ([['联系方式', [r.phone, r.email, r.address].filter(Boolean).join('；')]] as [string, string][]) : []),
    ['提交方式', receiptChannels[r.channel as ReceiptChannel]?.label ?? r.channel],
    ['收到申请之日', r.received_date],
    ['办理期限', `${c.view.due.due}（${c.view.limitDays}个工作日${c.view.due.provisional ? '，暂定：该年度放假安排尚未公布' : ''}）`],
    [
      '状态',
      c.view.decision
        ? `${correctionDecisions[c.view.decision.kind].label}（${c.view.decision.on}${c.view.decidedLate ? '，逾期' : ''}）`
        : standing(r, today).text,
    ],
    ['需要更正的记录', r.record],
    ['要求更正的内容', r.requested_change],
    ['证据', r.evidence],
  ];
  return (
    <dl class="metadata">
      {rows.map(([k, v]) => (
        <div>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
};

export const DecisionForm: FC<{ id: number; csrf: string; today: string; values: Record<string, string>; errors: readonly FieldError[] }> = ({
  id,
  csrf,
  today,
  values,
  errors,
}) => (
  <section aria-labelledby="decide">
    <h2 id="decide">办理结果（条例第四十一条）</h2>
    <form method="post" action={`/admin/corrections/${id}/decide`} class="form">
      <input type="hidden" name="_csrf" value={csrf} />
      <SelectField
        name="decision"
        label="办理结果"
        value={values.decision}
        empty="请选择"
        options={correctionDecisionKeys.map((k) => [k, correctionDecisions[k].label] as const)}
        error={msg(errors, 'decision')}
        hint={correctionDecisionKeys
          .map((k) => `${correctionDecisions[k].label}：须填写${correctionDecisions[k].needs.map((n) => correctionFactLabels[n]).join('、')}`)
          .join('；')}
      />
      <TextField name="on" type="date" label="日期（告知书的日期）" value={values.on ?? today} error={msg(errors, 'on')} />
      <TextField
        name="correctionResult"
        label={correctionFactLabels.correctionResult}
        rows={3}
        value={values.correctionResult}
        error={msg(errors, 'correctionResult')}
      />
      <TextField
        name="competentAgency"
        label={correctionFactLabels.competentAgency}
        value={values.competentAgency}
        error={msg(errors, 'competentAgency')}
        hint="转送或者告知向其提出时填写。"
      />
      <TextField
        name="reason"
        label={correctionFactLabels.reason}
        rows={3}
        value={values.reason}
        error={msg(errors, 'reason')}
        hint="不予更正时必填；转送、告知时可以说明为何不属于本机关职能范围。"
      />
      <button type="submit">确认办理结果并生成告知书</button>
    </form>
  </section>
);

export const CorrectionLetters: FC<{ id: number; letters: readonly { id: number; content: LetterContent }[] }> = ({ id, letters }) =>
  letters.length ? (
    <section aria-labelledby="letters">
      <h2 id="letters">文书</h2>
      {letters.map((l) => (
        <>
          <LetterView letter={l.content} id={`letter-${l.id}`} />
          <p>
            <a href={`/admin/corrections/${id}/letters/${l.id}.docx`}>下载“{l.content.title}”（Word）</a>
          </p>
        </>
      ))}
    </section>
  ) : (
    ''
  );
