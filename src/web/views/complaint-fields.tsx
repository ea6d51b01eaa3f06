/**
 * The fields of a complaint or report (条例 第四十七条), shared by the portal's form and the
 * county supervisor's registration: 投诉 or 举报, the agency complained about, the facts, and
 * who files it (a 投诉 names its author and a phone; a 举报 may be anonymous).
 */
import type { FC } from 'hono/jsx';
import type { Agency } from '../../domain/agencies/agency.ts';
import type { FieldError } from '../../domain/shared/result.ts';
import { agencyKindKeys, agencyKinds } from '../../law/agency-kinds.ts';
import { complaintKindKeys, complaintKinds, complaintLimits } from '../../law/complaints.ts';
import { TextField } from './components.tsx';

export type ComplaintValues = Record<string, string>;

const messageOf = (errors: readonly FieldError[], field: string) =>
  errors
    .filter((e) => e.field === field)
    .map((e) => e.message)
    .join('；') || undefined;

export const ComplaintFields: FC<{ agencies: readonly Agency[]; values: ComplaintValues; errors: readonly FieldError[] }> = ({ agencies, values, errors }) => {
  const kindError = messageOf(errors, 'kind');
  const agencyError = messageOf(errors, 'agency');
  return (
    <>
      <fieldset class={kindError ? 'choices has-error' : 'choices'}>
        <legend>投诉还是举报</legend>
        {kindError ? <p class="field-error">{kindError}</p> : ''}
        {complaintKindKeys.map((k, i) => (
          <div class="choice">
            <input type="radio" id={i === 0 ? 'field-kind' : `field-kind-${k}`} name="kind" value={k} checked={values.kind === k} />
            <label for={i === 0 ? 'field-kind' : `field-kind-${k}`}>
              {complaintKinds[k].label}：{complaintKinds[k].hint}
            </label>
          </div>
        ))}
      </fieldset>
      <div class={agencyError ? 'field invalid' : 'field'}>
        <label for="field-agency">被投诉、举报的行政机关</label>
        {agencyError ? (
          <p class="field-error" id="field-agency-error">
            {agencyError}
          </p>
        ) : (
          ''
        )}
        <select id="field-agency" name="agency" {...(agencyError ? { 'aria-invalid': 'true', 'aria-describedby': 'field-agency-error' } : {})}>
          <option value="">请选择</option>
          {agencyKindKeys.map((kind) => (
            <optgroup label={agencyKinds[kind].directory}>
              {agencies
                .filter((a) => a.kind === kind)
                .map((a) => (
                  <option value={String(a.id)} selected={values.agency === String(a.id)}>
                    {a.name}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </div>
      <TextField
        name="content"
        label="事实和理由"
        rows={8}
        value={values.content}
        error={messageOf(errors, 'content')}
        hint={`写明行政机关在政府信息公开工作中的哪些做法不符合规定（如未按要求主动公开、对申请未依法答复），有申请编号的请一并写明。不超过${complaintLimits.maxContent}字。`}
        attrs={{ maxlength: complaintLimits.maxContent }}
      />
      <TextField
        name="name"
        label="姓名或者名称（举报可以不填）"
        value={values.name}
        error={messageOf(errors, 'name')}
        attrs={{ autocomplete: 'name', maxlength: complaintLimits.maxName }}
      />
      <TextField
        name="phone"
        label="联系电话（举报可以不填）"
        type="tel"
        value={values.phone}
        error={messageOf(errors, 'phone')}
        hint="11位手机号码，或带区号的固定电话，如0730-4221234。"
        attrs={{ autocomplete: 'tel' }}
      />
      <TextField name="email" label="电子邮箱（选填）" type="email" value={values.email} error={messageOf(errors, 'email')} attrs={{ autocomplete: 'email' }} />
    </>
  );
};

/** The form's values as posted, strings only. */
export function complaintValuesOf(body: unknown): ComplaintValues {
  const out: ComplaintValues = {};
  for (const [k, v] of Object.entries((body ?? {}) as Record<string, unknown>)) if (typeof v === 'string' && k !== '_csrf') out[k] = v;
  return out;
}
