/**
 * The online application form (条例 第二十九条): who applies with 身份证明 and contact
 * details, the information asked for, the form and way to receive it, identity files.
 * Without JavaScript both the person's and the organisation's fields are shown, each in a
 * fieldset whose legend says who fills it in. Errors stand next to their fields (named by
 * aria-describedby) and in a summary at the top that links to them.
 */
import type { Child, FC } from 'hono/jsx';
import type { Agency } from '../../domain/agencies/agency.ts';
import type { FieldError } from '../../domain/shared/result.ts';
import { agencyKindKeys, agencyKinds } from '../../law/agency-kinds.ts';
import { applicantTypeKeys, applicantTypes } from '../../law/applicant-types.ts';
import { applicationLimits, deliveryWays, identityDocuments, provisionForms } from '../../law/application-form.ts';
import { feeMeasure, feeSchedules } from '../../law/fees.ts';
import { outcomeGroups } from '../../law/outcome-codes.ts';
import { receiptChannels } from '../../law/receipt-channels.ts';
import { timeLimits } from '../../law/time-limits.ts';
import { ErrorSummary } from '../views/layout.tsx';

export type FormValues = Partial<Record<string, string>>;

export interface ApplyFormState {
  values: FormValues;
  errors: readonly FieldError[];
  /** Files were chosen but not kept (the form came back with errors). */
  filesDropped: boolean;
}

/** The element an error of `field` points to: the name goes to the person's box, or the organisation's (whose message it is when no type is chosen). */
export function anchorOf(field: string, values: FormValues): string {
  if (field === 'name') return values.applicantType === 'naturalPerson' ? 'personName' : 'orgName';
  return field;
}

const mb = applicationLimits.maxUploadBytes / 1024 / 1024;
const group = (g: keyof typeof outcomeGroups) => outcomeGroups[g].label.replace(/^（[一二三四五六]）/, '').replace(/（.*）$/, '');
const freeItems = feeSchedules.perItem.bands[0].to;
const freePages = feeSchedules.perPage.bands[0].to;

/** Messages by anchor. */
function byAnchor(errors: readonly FieldError[], values: FormValues): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const e of errors) {
    const k = anchorOf(e.field, values);
    m.set(k, [...(m.get(k) ?? []), e.message]);
  }
  return m;
}

const describedBy = (...ids: (string | false | undefined)[]) => {
  const list = ids.filter((x): x is string => typeof x === 'string' && x !== '');
  return list.length ? { 'aria-describedby': list.join(' ') } : {};
};

const FieldMessages: FC<{ id: string; messages: readonly string[] | undefined }> = ({ id, messages }) =>
  messages?.length ? (
    <p class="field-error" id={`error-${id}`}>
      <span class="visually-hidden">错误：</span>
      {messages.join('；')}
    </p>
  ) : (
    ''
  );

interface TextProps {
  name: string;
  label: string;
  values: FormValues;
  errors: Map<string, string[]>;
  hint?: Child;
  type?: string;
  /** A textarea of this many rows instead of a one-line box. */
  rows?: number;
  autocomplete?: string;
  inputmode?: 'numeric' | 'tel' | 'email';
  maxlength?: number;
  optional?: boolean;
}

/** A text box or area; `name` is also its anchor (姓名 and 名称 are personName and orgName, both the application's `name`). */
const TextField: FC<TextProps> = ({ name: id, label, values, errors, hint, type = 'text', rows, autocomplete, inputmode, maxlength, optional }) => {
  const messages = errors.get(id);
  const attrs = {
    id: `field-${id}`,
    name: id,
    ...(maxlength ? { maxlength } : {}),
    ...(messages ? { 'aria-invalid': 'true' } : {}),
    ...describedBy(hint ? `hint-${id}` : undefined, messages && `error-${id}`),
  };
  return (
    <div class={messages ? 'field has-error' : 'field'}>
      <label for={`field-${id}`}>
        {label}
        {optional ? <span class="optional">（选填）</span> : ''}
      </label>
      {hint ? (
        <div class="hint" id={`hint-${id}`}>
          {hint}
        </div>
      ) : (
        ''
      )}
      <FieldMessages id={id} messages={messages} />
      {rows ? (
        <textarea rows={rows} {...attrs}>
          {values[id] ?? ''}
        </textarea>
      ) : (
        <input type={type} value={values[id] ?? ''} autocomplete={autocomplete} {...(inputmode ? { inputmode } : {})} {...attrs} />
      )}
    </div>
  );
};

/** A set of radio buttons under one legend; the first button carries the field's anchor. */
const RadioGroup: FC<{ name: string; legend: string; options: readonly (readonly [string, string])[]; values: FormValues; errors: Map<string, string[]>; hint?: Child }> = ({
  name,
  legend,
  options,
  values,
  errors,
  hint,
}) => {
  const messages = errors.get(name);
  return (
    <fieldset class={messages ? 'choices has-error' : 'choices'} {...describedBy(hint ? `hint-${name}` : undefined, messages && `error-${name}`)}>
      <legend>{legend}</legend>
      {hint ? (
        <p class="hint" id={`hint-${name}`}>
          {hint}
        </p>
      ) : (
        ''
      )}
      <FieldMessages id={name} messages={messages} />
      {options.map(([value, label], i) => (
        <div class="choice">
          <input type="radio" id={i === 0 ? `field-${name}` : `field-${name}-${value}`} name={name} value={value} checked={values[name] === value} />
          <label for={i === 0 ? `field-${name}` : `field-${name}-${value}`}>{label}</label>
        </div>
      ))}
    </fieldset>
  );
};

const organisationTypes = applicantTypeKeys.filter((k) => k !== 'naturalPerson');

export const ApplyForm: FC<{ agencies: readonly Agency[]; state: ApplyFormState; csrf: string }> = ({ agencies, state, csrf }) => {
  const { values } = state;
  const errors = byAnchor(state.errors, values);
  const summary = state.errors.map((e) => ({ field: anchorOf(e.field, values), message: e.message }));
  const agencyErrors = errors.get('agency');
  const typeErrors = errors.get('applicantType');
  const fileErrors = errors.get('identityFiles');
  return (
    <>
      <ErrorSummary errors={summary} />
      {state.filesDropped ? (
        <p class="notice" role="status">
          为保护您的个人信息，已选择的身份证明材料没有保存，请在下方重新选择文件后再提交。
        </p>
      ) : (
        ''
      )}
      <form method="post" action="/apply" enctype="multipart/form-data" class="form apply-form" novalidate>
        <input type="hidden" name="_csrf" value={csrf} />
        <p class="help">
          带“（选填）”的可以不填，其余各项都需要填写。提交后，页面会显示申请编号和查询码，请记下，用于查询办理进度和答复文书。
        </p>

        <div class={agencyErrors ? 'field has-error' : 'field'}>
          <label for="field-agency">受理申请的机关</label>
          <p class="hint" id="hint-agency">
            向制作或者保存该政府信息的机关提出申请。不清楚的，可以先查看各机关的政府信息公开指南。
          </p>
          <FieldMessages id="agency" messages={agencyErrors} />
          <select id="field-agency" name="agency" {...(agencyErrors ? { 'aria-invalid': 'true' } : {})} {...describedBy('hint-agency', agencyErrors && 'error-agency')}>
            <option value="">请选择</option>
            {agencyKindKeys.map((kind) => {
              const list = agencies.filter((a) => a.kind === kind);
              return list.length ? (
                <optgroup label={agencyKinds[kind].directory}>
                  {list.map((a) => (
                    <option value={String(a.id)} selected={values.agency === String(a.id)}>
                      {a.name}
                    </option>
                  ))}
                </optgroup>
              ) : (
                ''
              );
            })}
          </select>
        </div>

        <fieldset class={typeErrors ? 'choices has-error' : 'choices'} {...describedBy(typeErrors && 'error-applicantType')}>
          <legend>申请人类型</legend>
          <FieldMessages id="applicantType" messages={typeErrors} />
          <div class="choice">
            <input type="radio" id="field-applicantType" name="applicantType" value="naturalPerson" checked={values.applicantType === 'naturalPerson'} />
            <label for="field-applicantType">{applicantTypes.naturalPerson.label}（公民个人）</label>
          </div>
          <fieldset class="choices nested">
            <legend>法人或者其他组织，类别为：</legend>
            {organisationTypes.map((k) => (
              <div class="choice">
                <input type="radio" id={`field-applicantType-${k}`} name="applicantType" value={k} checked={values.applicantType === k} />
                <label for={`field-applicantType-${k}`}>{applicantTypes[k].label}</label>
              </div>
            ))}
          </fieldset>
        </fieldset>

        <fieldset class="group">
          <legend>申请人是{applicantTypes.naturalPerson.label}的，填写本栏（法人或者其他组织不填）</legend>
          <TextField name="personName" label="姓名" values={values} errors={errors} autocomplete="name" maxlength={applicationLimits.nameMaxLength} />
          <div class={errors.get('idDocument') ? 'field has-error' : 'field'}>
            <label for="field-idDocument">身份证件类型</label>
            <FieldMessages id="idDocument" messages={errors.get('idDocument')} />
            <select id="field-idDocument" name="idDocument" {...(errors.get('idDocument') ? { 'aria-invalid': 'true' } : {})} {...describedBy(errors.get('idDocument') && 'error-idDocument')}>
              <option value="">请选择</option>
              {Object.entries(identityDocuments).map(([k, d]) => (
                <option value={k} selected={values.idDocument === k}>
                  {d.label}
                </option>
              ))}
            </select>
          </div>
          <TextField name="idNumber" label="证件号码" values={values} errors={errors} autocomplete="off" hint="居民身份证为18位，最后一位可能是X。" maxlength={30} />
        </fieldset>

        <fieldset class="group">
          <legend>申请人是法人或者其他组织的，填写本栏（{applicantTypes.naturalPerson.label}不填）</legend>
          <TextField name="orgName" label="名称" values={values} errors={errors} autocomplete="organization" maxlength={applicationLimits.nameMaxLength} />
          <TextField name="creditCode" label="统一社会信用代码" values={values} errors={errors} autocomplete="off" hint="18位，见营业执照或登记证书。" maxlength={18} />
          <TextField name="legalRepresentative" label="法定代表人或者负责人" values={values} errors={errors} autocomplete="off" optional />
          <TextField name="contactPerson" label="联系人" values={values} errors={errors} autocomplete="name" hint="办理本申请的联系人姓名。" />
        </fieldset>

        <fieldset class="group">
          <legend>联系方式</legend>
          <TextField name="phone" label="联系电话" values={values} errors={errors} type="tel" autocomplete="tel" hint="11位手机号码，或带区号的固定电话，如0730-4221234。" />
          <TextField name="email" label="电子邮箱" values={values} errors={errors} type="email" autocomplete="email" hint="选择以电子邮件获取信息的，必须填写。" optional />
          <TextField name="address" label="通信地址" values={values} errors={errors} autocomplete="street-address" hint="选择邮寄的，必须填写。" maxlength={applicationLimits.addressMaxLength} optional />
          <TextField name="postcode" label="邮政编码" values={values} errors={errors} autocomplete="postal-code" inputmode="numeric" maxlength={6} optional />
        </fieldset>

        <fieldset class="group">
          <legend>所需政府信息</legend>
          <TextField
            name="items"
            label="所需政府信息的名称、文号或者便于查询的其他特征性描述"
            rows={8}
            values={values}
            errors={errors}
            hint={
              <>
                <p>
                  每项信息写一段，两项之间空一行；最多{applicationLimits.maxItems}项，每项不超过{applicationLimits.descriptionMaxLength}个字。请尽量写明文件名称、文号、制作机关、时间或者涉及的地点、事项，便于查找。
                </p>
                <p>
                  建议一事一申请：一份申请只写同一件事的信息，互不相关的事项请分别提交。一份申请不论写了几项，都作为一件申请登记、办理和答复；需要收取信息处理费的，受理机关可以按“一事一申请”把互不相关的内容拆分计算件数。
                </p>
                <p>
                  受理机关逐项答复。年度报告统计这件申请的结果时：各项都公开的，计为“{group('granted')}”；有的公开、有的不公开的，计为“{group('partiallyGranted')}”；都没有公开的，按“{group('withheld')}”“{group('unableToProvide')}”“{group('notProcessed')}”“{group('otherDisposal')}”的顺序，计为排在前面的一类。
                </p>
              </>
            }
          />
          <TextField
            name="purpose"
            label="申请用途"
            rows={3}
            values={values}
            errors={errors}
            optional
            hint={`不要求说明用途；说明的，有助于受理机关理解您需要的信息。不超过${applicationLimits.purposeMaxLength}个字。`}
          />
        </fieldset>

        <RadioGroup name="form" legend="获取信息的方式" options={Object.entries(provisionForms).map(([k, v]) => [k, v.label] as const)} values={values} errors={errors} />
        <RadioGroup
          name="delivery"
          legend="获取信息的途径"
          options={Object.entries(deliveryWays).map(([k, v]) => [k, v.label] as const)}
          values={values}
          errors={errors}
          hint="选择“网上查看”的，可以凭申请编号和查询码在申请查询页面查看并下载答复文书。"
        />

        <div class={fileErrors ? 'field has-error' : 'field'}>
          <label for="field-identityFiles">
            身份证明材料<span class="optional">（选填）</span>
          </label>
          <p class="hint" id="hint-identityFiles">
            身份证件、营业执照等的扫描件或者照片，PDF、JPG 或 PNG 格式，最多{applicationLimits.maxUploads}个文件，每个不超过{mb} MB。未上传的，受理机关确认申请时可能请您补充提供。
          </p>
          <FieldMessages id="identityFiles" messages={fileErrors} />
          <input
            type="file"
            id="field-identityFiles"
            name="identityFiles"
            multiple
            accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
            {...(fileErrors ? { 'aria-invalid': 'true' } : {})}
            {...describedBy('hint-identityFiles', fileErrors && 'error-identityFiles')}
          />
        </div>

        <section class="apply-notes" aria-labelledby="apply-notes-title">
          <h2 id="apply-notes-title">提交前请阅读</h2>
          <h3>个人信息的使用</h3>
          <p>
            您填写的姓名或者名称、证件号码、联系方式和上传的身份证明材料，只用于受理机关核实申请人身份、办理和答复本申请、送达文书，以及按规定统计同一申请人的申请件数；不在门户网站公开，不用于其他用途，按档案管理规定保存。
          </p>
          <h3>收到申请之日和答复期限</h3>
          <p>
            网上提交的申请，以受理机关与您双方确认之日为收到申请之日（{receiptChannels.online.label}：{receiptChannels.online.receiptDay}，《条例》第三十一条）。受理机关自收到申请之日起{timeLimits.reply.workingDays}个工作日内答复；需要延长的，延长期限最长不超过{timeLimits.extension.workingDays}个工作日，并会告知您（《条例》第三十三条）。
          </p>
          <h3>费用</h3>
          <p>
            依申请提供政府信息，不收取费用。但申请公开政府信息的数量、频次明显超过合理范围的，受理机关可以收取信息处理费（《条例》第四十二条，《{feeMeasure.title}》{feeMeasure.number}）：按件计收的，同一申请人一个自然月内累计申请{freeItems}件以内不收费；按量计收的，一件申请{freePages}页以内不收费。需要收费的，受理机关会先书面通知收费的依据、标准和数额，您自收到通知次日起{timeLimits.feePayment.workingDays}个工作日内缴纳；逾期未缴纳的，视为放弃申请。
          </p>
        </section>

        <button type="submit">提交申请</button>
      </form>
    </>
  );
};
