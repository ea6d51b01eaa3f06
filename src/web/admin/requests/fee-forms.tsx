/** The fee calculator of the case page and the 收费通知 it leads to. */
import type { FC } from 'hono/jsx';
import { feeSchedules } from '../../../law/fees.ts';
import { caseActs } from '../../../law/request-workflow.ts';
import { SelectField, TextField } from '../../views/components.tsx';
import { DeliveryFields } from './delivery-forms.tsx';
import { actFields, fieldOf, generalMessages, type CaseFormsProps } from './act-form-parts.tsx';

/** The fee calculator (a GET form: it writes nothing), then the notice with the amount it worked out. */
export const FeeForms: FC<CaseFormsProps> = (p) => {
  const f = fieldOf(p.state, 'feeNoticed');
  const q = p.quote;
  const scheme = p.state?.act === 'feeNoticed' ? (p.state.values.scheme ?? '') : (q?.scheme ?? '');
  const quantity = p.state?.act === 'feeNoticed' ? (p.state.values.quantity ?? '') : (q?.quantity ?? '');
  const ready = p.state?.act === 'feeNoticed' || (q?.result && q.result.yuan > 0);
  return (
    <section class="act" id="act-feeNoticed" aria-labelledby="act-feeNoticed-title">
      <h3 id="act-feeNoticed-title">
        信息处理费计算和{caseActs.feeNoticed.label}
        <span class="basis">（{caseActs.feeNoticed.basis}）</span>
      </h3>
      <p class="hint">
        一件申请只能选择按件计收或按量计收中的一种，超额累进计算。按件计收的件数包括同一申请人本月此前向本机关提出的申请（不计向其他机关的申请）。
      </p>
      <form method="get" action={`/admin/requests/${p.caseId}#act-feeNoticed`} class="form inline-form">
        <SelectField
          id="field-fee-scheme"
          name="scheme"
          label="计收方式"
          value={q?.scheme}
          options={Object.entries(feeSchedules).map(([k, s]) => [k, s.label] as const)}
          empty="（请选择）"
          error={q?.errors?.scheme}
        />
        <TextField
          id="field-fee-quantity"
          name="quantity"
          label="件数或页数"
          type="number"
          attrs={{ min: 1 }}
          value={q?.quantity}
          error={q?.errors?.quantity}
        />
        <button type="submit">计算</button>
      </form>
      {q?.result ? (
        <div class="fee-quote" role="status">
          <p>
            {feeSchedules[q.result.scheme].label}：本申请{q.result.quantity}
            {feeSchedules[q.result.scheme].unit}
            {q.result.scheme === 'perItem' ? `，申请人本月此前已向本机关累计申请${q.result.countedBefore}件` : ''}。
          </p>
          <ul class="working">
            {q.result.working.map((l) => (
              <li>{l}</li>
            ))}
          </ul>
          <p>
            <strong>应收信息处理费：{q.result.yuan}元</strong>
            {q.result.yuan === 0 ? '（不收费，无需发出收费通知）' : ''}
          </p>
        </div>
      ) : (
        ''
      )}
      {ready ? (
        <>
          {generalMessages(p.state, 'feeNoticed', actFields.feeNoticed).map((m) => (
            <p class="field-error">{m}</p>
          ))}
          <form method="post" action={`/admin/requests/${p.caseId}/acts/feeNoticed`} class="form">
            <input type="hidden" name="_csrf" value={p.csrf} />
            <input type="hidden" name="scheme" value={scheme} />
            <input type="hidden" name="quantity" value={quantity} />
            {f('scheme').error ? (
              <p class="field-error" id="field-feeNoticed-scheme">
                {f('scheme').error}
              </p>
            ) : (
              ''
            )}
            {f('quantity').error ? (
              <p class="field-error" id="field-feeNoticed-quantity">
                {f('quantity').error}
              </p>
            ) : (
              ''
            )}
            <TextField label="缴纳方式（缴款账户或缴费地点）" rows={2} {...f('paymentMethod')} />
            <TextField label="通知日期" type="date" {...f('on', p.today)} />
            <DeliveryFields act="feeNoticed" state={p.state} today={p.today} method={p.deliveryDefault} />
            <button type="submit">发出收费通知</button>
          </form>
        </>
      ) : (
        ''
      )}
    </section>
  );
};
