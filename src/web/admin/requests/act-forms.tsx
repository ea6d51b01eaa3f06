/**
 * The forms of the acts a case allows now (available-acts.ts), each posting to
 * /admin/requests/:id/acts/:act. A form that came back with errors shows what was typed
 * and each message under its field; field ids carry the act so forms never share one.
 */
import type { FC } from 'hono/jsx';
import { awaitingDeliveryLabel, type DeliveryMethod } from '../../../law/delivery.ts';
import { outcomeCodes } from '../../../law/outcome-codes.ts';
import { caseActs, correctionPeriod } from '../../../law/request-workflow.ts';
import { timeLimits } from '../../../law/time-limits.ts';
import { SelectField, TextField } from '../../views/components.tsx';
import type { FormAct } from './available-acts.ts';
import { ReplyForm } from './reply-form.tsx';
import { DeliveryFields } from './delivery-forms.tsx';
import { DraftSignOff, ExtensionForms } from './sign-off-forms.tsx';
import { ActSection, actFields, fieldOf, opinionLabels, type CaseFormsProps } from './act-form-parts.tsx';
import { FeeForms } from './fee-forms.tsx';

/** The table 三 row an act that closes a case counts it in (src/law). */
const rowOf = (act: 'correctionLapsed' | 'feeLapsed' | 'withdrawn') => outcomeCodes[caseActs[act].closesAs].ref;

export const CaseForms: FC<CaseFormsProps> = (p) => {
  const path = (act: string) => `/admin/requests/${p.caseId}/acts/${act}`;
  const has = (act: FormAct) => p.acts.includes(act);
  const common = (act: FormAct) => ({
    act,
    title: caseActs[act].label,
    basis: caseActs[act].basis,
    action: path(act),
    csrf: p.csrf,
    state: p.state,
    fields: actFields[act],
  });
  const f = (act: string) => fieldOf(p.state, act);
  const v = p.view;
  const send = (act: FormAct, method: DeliveryMethod = p.deliveryDefault) => <DeliveryFields act={act} state={p.state} today={p.today} method={method} />;
  const due = (d: string | null | undefined) => d ?? `${awaitingDeliveryLabel}（自收到文书之日起计算）`;
  /** The answer of a third party or another agency consulted. */
  const opinionForm = (act: 'thirdPartyAnswered' | 'agencyAnswered', submit: string) => (
    <ActSection {...common(act)} submit={submit} intro={<p class="hint">提出意见期限：{due(v.pending?.due)}。</p>}>
      <SelectField label="意见" {...f(act)('opinion')} options={Object.entries(opinionLabels)} empty="（请选择）" />
      <TextField label="收到意见之日（逾期未提出意见的，填期限届满后的日期）" type="date" {...f(act)('on', p.today)} />
      <TextField label="意见和理由" rows={2} {...f(act)('note')} />
    </ActSection>
  );
  return (
    <>
      {has('assigned') ? (
        <ActSection {...common('assigned')} submit="指定">
          <SelectField
            label="承办人"
            {...f('assigned')('handlerId', v.handlerId ? String(v.handlerId) : '')}
            options={p.staff.map((s) => [s.id, s.name] as const)}
            empty="（请选择）"
          />
          <TextField label="指定日期" type="date" {...f('assigned')('on', p.today)} />
        </ActSection>
      ) : (
        ''
      )}
      {has('correctionRequested') ? (
        <ActSection
          {...common('correctionRequested')}
          submit="发出补正告知书"
          intro={
            <p class="hint">
              申请内容不明确的，应自收到申请之日起{timeLimits.correctionNotice.workingDays}个工作日内（{v.correctionNoticeDue.due}
              前）一次性告知需要补正的全部事项，只能告知一次；答复期限（{v.replyDue?.due ?? '—'}）届满后不能再告知补正。
              {p.today > v.correctionNoticeDue.due ? <strong class="warning">已超过7个工作日，逾期告知须写明原因，并将标记为程序瑕疵。</strong> : ''}
            </p>
          }
        >
          <TextField label="需要补正的事项（一次性写全）" rows={3} {...f('correctionRequested')('items')} />
          <TextField label="告知日期" type="date" {...f('correctionRequested')('on', p.today)} />
          <TextField
            label={`补正期限（工作日，${correctionPeriod.minWorkingDays}—${correctionPeriod.maxWorkingDays}）`}
            type="number"
            attrs={{ min: correctionPeriod.minWorkingDays, max: correctionPeriod.maxWorkingDays }}
            hint={`自申请人收到补正告知书之日起计算。本县规定为${p.correctionDefaultDays}个工作日，另定期限的须写明理由。`}
            {...f('correctionRequested')('workingDays', String(p.correctionDefaultDays))}
          />
          <TextField label="另定补正期限的理由" {...f('correctionRequested')('periodReason')} />
          <TextField label="逾期告知的原因（超过7个工作日的必填）" {...f('correctionRequested')('lateReason')} />
          {send('correctionRequested')}
        </ActSection>
      ) : (
        ''
      )}
      {has('correctionReceived') ? (
        <ActSection
          {...common('correctionReceived')}
          submit="登记收到补正"
          intro={<p class="hint">答复期限自收到补正后的申请之日起重新计算。补正期限：{due(v.correction?.due)}。</p>}
        >
          <TextField label="收到补正之日" type="date" {...f('correctionReceived')('on', p.today)} />
          <TextField label="补正情况" {...f('correctionReceived')('note')} />
        </ActSection>
      ) : (
        ''
      )}
      {has('correctionLapsed') ? (
        <ActSection
          {...common('correctionLapsed')}
          submit="终止处理并发出告知书"
          intro={
            <p class="hint">
              补正期限{v.correction?.due}已过，申请人无正当理由未补正的，视为放弃申请，计入表三{rowOf('correctionLapsed')}。
            </p>
          }
        >
          <TextField label="终止处理日期" type="date" {...f('correctionLapsed')('on', p.today)} />
          {send('correctionLapsed')}
        </ActSection>
      ) : (
        ''
      )}
      {has('thirdPartyConsulted') ? (
        <ActSection
          {...common('thirdPartyConsulted')}
          submit="发出征询函"
          intro={<p class="hint">第三方自收到征询函之日起{timeLimits.thirdPartyOpinion.workingDays}个工作日内提出意见；征求意见的时间不计入答复期限。</p>}
        >
          <TextField label="第三方名称" {...f('thirdPartyConsulted')('party')} />
          <TextField label="发函日期" type="date" {...f('thirdPartyConsulted')('on', p.today)} />
          {send('thirdPartyConsulted', 'post')}
        </ActSection>
      ) : (
        ''
      )}
      {has('thirdPartyAnswered') ? opinionForm('thirdPartyAnswered', '登记第三方意见') : ''}
      {has('agencyConsulted') ? (
        <ActSection
          {...common('agencyConsulted')}
          submit="发出征求意见函"
          intro={<p class="hint">被征求意见的机关{timeLimits.otherAgencyOpinion.workingDays}个工作日内未提出意见的，视为同意公开；其间不计入答复期限。</p>}
        >
          <TextField label="被征求意见的机关" {...f('agencyConsulted')('agency')} />
          <TextField label="发函日期" type="date" {...f('agencyConsulted')('on', p.today)} />
          {send('agencyConsulted', 'inPerson')}
        </ActSection>
      ) : (
        ''
      )}
      {has('agencyAnswered') ? opinionForm('agencyAnswered', '登记其他机关意见') : ''}
      {has('reasonsRequested') ? (
        <ActSection
          {...common('reasonsRequested')}
          submit="发出说明理由通知书"
          intro={<p class="hint">申请公开政府信息的数量、频次明显超过合理范围的，可以要求申请人说明理由。</p>}
        >
          <TextField label="通知日期" type="date" {...f('reasonsRequested')('on', p.today)} />
          <TextField label="说明理由的期限" type="date" {...f('reasonsRequested')('due')} />
          {send('reasonsRequested')}
        </ActSection>
      ) : (
        ''
      )}
      {has('reasonsAssessed') ? (
        <ActSection {...common('reasonsAssessed')} submit="登记审核结果">
          <SelectField
            label="审核结果"
            {...f('reasonsAssessed')('reasonable')}
            options={[
              ['yes', '理由合理'],
              ['no', '理由不合理（答复时选择“不予处理（无正当理由大量反复申请）”）'],
            ]}
            empty="（请选择）"
          />
          <TextField label="延迟答复的期限（理由合理但无法按期答复的）" type="date" {...f('reasonsAssessed')('delayedDue')} />
          <TextField label="审核日期" type="date" {...f('reasonsAssessed')('on', p.today)} />
          <TextField label="说明" rows={2} {...f('reasonsAssessed')('note')} />
        </ActSection>
      ) : (
        ''
      )}
      <ExtensionForms {...p} />
      {has('feeNoticed') ? <FeeForms {...p} /> : ''}
      {has('feePaid') ? (
        <ActSection
          {...common('feePaid')}
          submit="登记缴费"
          intro={
            <p class="hint">
              应缴{v.fee?.amountYuan}元，缴费期限{due(v.fee?.due)}。
            </p>
          }
        >
          <TextField label="缴费日期" type="date" {...f('feePaid')('on', p.today)} />
          <TextField label="财政票据号码等" {...f('feePaid')('receiptNote')} />
        </ActSection>
      ) : (
        ''
      )}
      {has('feeLapsed') ? (
        <ActSection
          {...common('feeLapsed')}
          submit="终止处理并发出告知书"
          intro={
            <p class="hint">
              缴费期限{v.fee?.due}已过，逾期未缴费的视为放弃申请，计入表三{rowOf('feeLapsed')}。
            </p>
          }
        >
          <TextField label="终止处理日期" type="date" {...f('feeLapsed')('on', p.today)} />
          {send('feeLapsed')}
        </ActSection>
      ) : (
        ''
      )}
      {has('disclosureDecided') ? (
        <ActSection
          {...common('disclosureDecided')}
          submit="决定公开并发出告知书"
          intro={
            <p class="hint">
              第三方不同意公开且有合理理由的，不予公开；认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的内容和理由书面告知第三方。告知书须在答复之前发出。
            </p>
          }
        >
          <TextField label="决定公开的政府信息内容" rows={2} {...f('disclosureDecided')('content')} />
          <TextField label="不公开可能对公共利益造成重大影响的理由" rows={3} {...f('disclosureDecided')('reason')} />
          <TextField label="告知日期" type="date" {...f('disclosureDecided')('on', p.today)} />
          {send('disclosureDecided', 'post')}
        </ActSection>
      ) : (
        ''
      )}
      {p.view.draft ? <DraftSignOff {...p} /> : has('replied') ? <ReplyForm {...p} /> : ''}
      {has('withdrawn') ? (
        <ActSection {...common('withdrawn')} submit="登记撤回" intro={<p class="hint">申请人撤回申请的，办结并计入表三{rowOf('withdrawn')}。</p>}>
          <TextField label="撤回日期" type="date" {...f('withdrawn')('on', p.today)} />
          <TextField label="撤回的方式和说明（如申请人书面撤回）" {...f('withdrawn')('reason')} />
        </ActSection>
      ) : (
        ''
      )}
      {has('delivered') ? (
        <ActSection {...common('delivered')} submit="登记送达">
          <TextField label="送达日期" type="date" {...f('delivered')('on', p.today)} />
          <TextField label="送达方式（邮寄、电子邮件、当面领取等）" {...f('delivered')('method')} />
          <TextField label="送达凭证（邮件单号、签收人等）" {...f('delivered')('proof')} />
        </ActSection>
      ) : (
        ''
      )}
      {has('archived') ? (
        <ActSection {...common('archived')} submit="归档">
          <TextField label="归档日期" type="date" {...f('archived')('on', p.today)} />
        </ActSection>
      ) : (
        ''
      )}
    </>
  );
};
