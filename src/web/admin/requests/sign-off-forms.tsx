/**
 * Sign-off forms on the case page (src/law/sign-off.ts). An extension: a handler proposes it;
 * the head of the disclosure office consents (the days and reason as the head confirms them)
 * or returns it. A drafted reply: everyone sees the letter as it will be issued; the head
 * signs it (签发, which issues it dated that day) or returns it with what to change.
 */
import type { FC } from 'hono/jsx';
import { replyKindLabel } from '../../../law/letters.ts';
import { caseActs } from '../../../law/request-workflow.ts';
import { signOffRules } from '../../../law/sign-off.ts';
import { timeLimits } from '../../../law/time-limits.ts';
import { LetterView } from '../../../render/letters/html.tsx';
import { TextField } from '../../views/components.tsx';
import { DeliveryFields } from './delivery-forms.tsx';
import { ActSection, actFields, fieldOf, generalMessages, type CaseFormsProps } from './act-form-parts.tsx';
import { outcomeLabel } from './dashboard-page.tsx';

const limitHint = (due: string | undefined) =>
  `延期须经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过${timeLimits.extension.workingDays}个工作日，只能延期一次。现答复期限：${due ?? '—'}。`;

export const ExtensionForms: FC<CaseFormsProps> = (p) => {
  const v = p.view;
  const path = (act: string) => `/admin/requests/${p.caseId}/acts/${act}`;
  const section = (act: 'extensionProposed' | 'extended' | 'extensionReturned') => ({
    act,
    title: caseActs[act].label,
    basis: caseActs[act].basis,
    action: path(act),
    csrf: p.csrf,
    state: p.state,
    fields: actFields[act],
  });
  const f = (act: string) => fieldOf(p.state, act);
  const proposal = v.extensionProposal;
  const days = `延长的工作日数（1—${timeLimits.extension.workingDays}）`;
  const dayAttrs = { min: 1, max: timeLimits.extension.workingDays };
  return (
    <>
      {proposal ? (
        <p class="notice sign-off-pending" id="extension-proposal">
          {proposal.proposer}于{proposal.on}提请延长答复期限{proposal.workingDays}个工作日，理由：{proposal.reason}。
          {p.signOff.mayApprove ? '' : '正在等待负责人审批。'}
        </p>
      ) : (
        ''
      )}
      {p.acts.includes('extensionProposed') ? (
        <ActSection {...section('extensionProposed')} submit="提请负责人审批" intro={<p class="hint">{limitHint(v.replyDue?.due)}</p>}>
          <TextField label={days} type="number" attrs={dayAttrs} {...f('extensionProposed')('workingDays', String(timeLimits.extension.workingDays))} />
          <TextField label="延期理由" rows={2} {...f('extensionProposed')('reason')} />
          <TextField label="提请日期" type="date" {...f('extensionProposed')('on', p.today)} />
        </ActSection>
      ) : (
        ''
      )}
      {p.acts.includes('extended') ? (
        <ActSection
          {...section('extended')}
          submit="同意延期并发出告知书"
          intro={<p class="hint">{limitHint(v.replyDue?.due)}您作为负责人同意后，延期生效，并以您的姓名记入办理记录。</p>}
        >
          <TextField
            label={days}
            type="number"
            attrs={dayAttrs}
            {...f('extended')('workingDays', String(proposal?.workingDays ?? timeLimits.extension.workingDays))}
          />
          <TextField label="延期理由" rows={2} {...f('extended')('reason', proposal?.reason ?? '')} />
          <TextField label="同意日期" type="date" {...f('extended')('on', p.today)} />
          <DeliveryFields act="extended" state={p.state} today={p.today} method={p.deliveryDefault} />
        </ActSection>
      ) : (
        ''
      )}
      {p.acts.includes('extensionReturned') ? (
        <ActSection {...section('extensionReturned')} submit="退回延期申请">
          <TextField label="不同意延期的理由" rows={2} {...f('extensionReturned')('reason')} />
          <TextField label="退回日期" type="date" {...f('extensionReturned')('on', p.today)} />
        </ActSection>
      ) : (
        ''
      )}
    </>
  );
};

/** A drafted reply waiting for the head: the letter as it will be issued, and the head's two forms. */
export const DraftSignOff: FC<CaseFormsProps> = (p) => {
  const draft = p.view.draft!;
  const sign = fieldOf(p.state, 'signOff');
  const back = fieldOf(p.state, 'replyReturned');
  const general = [...generalMessages(p.state, 'signOff', actFields.signOff), ...generalMessages(p.state, 'replyReturned', actFields.replyReturned)];
  return (
    <section class="act sign-off" id="act-signOff" aria-labelledby="act-signOff-title">
      <h3 id="act-signOff-title">
        待签发的答复
        <span class="basis">（{signOffRules.reply.basis}）</span>
      </h3>
      <p>
        {draft.drafter}于{draft.on}拟稿，拟计入表三：{outcomeLabel(draft.outcome)}。
      </p>
      <ol class="request-items">
        {draft.items.map((i) => (
          <li>
            第{i.itemId}项：{replyKindLabel(i.kind)}
          </li>
        ))}
      </ol>
      {p.draftLetter ? (
        <details class="draft-letter" open>
          <summary>答复书（草稿，签发后编号）</summary>
          <LetterView letter={p.draftLetter} />
        </details>
      ) : (
        ''
      )}
      {general.length ? (
        <p class="field-error" id="field-signOff-state">
          {general.join('；')}
        </p>
      ) : (
        ''
      )}
      {p.signOff.mayApprove ? (
        <>
          <form method="post" action={`/admin/requests/${p.caseId}/sign-off`} class="form">
            <input type="hidden" name="_csrf" value={p.csrf} />
            <input type="hidden" name="draftSeq" value={String(draft.seq)} />
            <TextField label="签发日期（答复书的成文日期）" type="date" {...sign('on', p.today)} />
            <button type="submit">签发并作出答复</button>
          </form>
          <form method="post" action={`/admin/requests/${p.caseId}/acts/replyReturned`} class="form">
            <input type="hidden" name="_csrf" value={p.csrf} />
            <input type="hidden" name="draftSeq" value={String(draft.seq)} />
            <TextField label="退回理由和修改意见" rows={2} {...back('reason')} />
            <TextField label="退回日期" type="date" {...back('on', p.today)} />
            <button type="submit" class="secondary">
              退回承办人修改
            </button>
          </form>
        </>
      ) : (
        <p class="hint">正在等待政府信息公开工作机构负责人签发；负责人退回后才能修改。</p>
      )}
    </section>
  );
};
