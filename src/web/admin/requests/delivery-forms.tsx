/**
 * The delivery (送达) parts of the case page: the fields every form of an act that sends a
 * letter has, the letters table's column of deliveries with the form that records a posted
 * letter's signed receipt, and the 第三十二条 decision to disclose over an objection.
 */
import type { FC } from 'hono/jsx';
import type { LetterDelivery } from '../../../domain/requests/delivery.ts';
import { awaitingDeliveryLabel, deliveryMethodKeys, deliveryMethods, receivedLater, type DeliveryMethod } from '../../../law/delivery.ts';
import { SelectField, TextField } from '../../views/components.tsx';
import { fieldOf, type ActFormState } from './act-form-parts.tsx';

const methodOptions = deliveryMethodKeys.map((k) => [k, deliveryMethods[k].label] as const);
const receivedHint = `网上、电子邮件、传真送达的，填送达之日；当面送达的，填交付之日；邮寄的留空，收到签收回执后在“文书”中登记${deliveryMethods.post.receivedDay.replace(/（.*）/, '')}。自收到之日起计算的期限，登记前显示为“${awaitingDeliveryLabel}”。`;

export const DeliveryFields: FC<{ act: string; state?: ActFormState; today: string; method: DeliveryMethod }> = ({ act, state, today, method }) => {
  const f = fieldOf(state, act);
  const chosen = state?.act === act ? state.values.deliveryMethod : method;
  return (
    <fieldset class="delivery">
      <legend>送达</legend>
      <SelectField label="送达方式" {...f('deliveryMethod', method)} options={methodOptions} empty="（请选择）" />
      <TextField
        label="送达（收到）日期"
        type="date"
        hint={receivedHint}
        {...f('deliveredOn', chosen && receivedLater.includes(chosen as DeliveryMethod) ? '' : today)}
      />
    </fieldset>
  );
};

/** What the letters table says of a letter's delivery. */
export function deliveryText(d: LetterDelivery | undefined): string {
  if (!d) return '';
  const how = d.method ? deliveryMethods[d.method].label : '';
  if (d.receivedOn) return [how, `${d.receivedOn}收到`, d.note].filter(Boolean).join('；');
  return d.recorded ? `${how}；${awaitingDeliveryLabel}` : '未登记送达';
}

/** The form under a letter not yet received: the day on the signed receipt (or of delivery), and how. */
export const LetterReceiptForm: FC<{ caseId: number; letterId: number; csrf: string; today: string; method: DeliveryMethod | null; state?: ActFormState }> = ({
  caseId,
  letterId,
  csrf,
  today,
  method,
  state,
}) => {
  const act = `letter-${letterId}`;
  const f = fieldOf(state, act);
  const general = state?.act === act ? state.errors.filter((e) => !['on', 'method', 'proof'].includes(e.field)).map((e) => e.message) : [];
  return (
    <details class="letter-receipt" open={state?.act === act}>
      <summary>登记送达</summary>
      {general.length ? <p class="field-error">{general.join('；')}</p> : ''}
      <form method="post" action={`/admin/requests/${caseId}/letters/${letterId}/delivery`} class="form">
        <input type="hidden" name="_csrf" value={csrf} />
        <SelectField label="送达方式" {...f('method', method ?? '')} options={methodOptions} empty="（请选择）" />
        <TextField label="收到日期（邮寄的，为签收回执上的日期）" type="date" {...f('on', today)} />
        <TextField label="凭证（邮件单号、签收人等）" {...f('proof')} />
        <button type="submit">登记送达</button>
      </form>
    </details>
  );
};
