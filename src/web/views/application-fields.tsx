/**
 * The fields of a disclosure application (条例 第二十九条), one set for the public form
 * (/apply, src/web/portal/apply-form.tsx) and staff registration of an application received
 * in person, by post, e-mail or fax (/admin/requests/new, src/web/admin/requests/register-page.tsx):
 * who applies (the type, then the person's box — 姓名, 证件 — or the organisation's — 名称,
 * 统一社会信用代码, 法定代表人, 联系人 — each in a fieldset whose legend says who fills it in,
 * so the form works without JavaScript), contact details, the information asked for, and the
 * form and way of receiving it; the identity files. Each field is declared once below with
 * its label and hint; the options and limits come from src/law. Errors stand next to their
 * fields (named by aria-describedby) and in a summary that links to them; what was typed is
 * kept (files are never sent back).
 */
import type { Child, FC } from 'hono/jsx';
import type { FieldError } from '../../domain/shared/result.ts';
import { applicantTypeKeys, applicantTypes } from '../../law/applicant-types.ts';
import { applicationLimits, deliveryWays, identityDocuments, provisionForms } from '../../law/application-form.ts';
import { firstString } from './components.tsx';
import { ErrorSummary } from './layout.tsx';

export type FormValues = Partial<Record<string, string>>;

/** What a form shows: the values as typed and the messages by the element they stand next to. */
export interface FieldState {
  values: FormValues;
  messages: Map<string, string[]>;
}

/**
 * The application's fields as the form sends them (text only). The name is typed in one of
 * two boxes, personName or orgName; applicationOf passes on the chosen type's.
 */
export const applicationFormFields = [
  'applicantType',
  'personName',
  'idDocument',
  'idNumber',
  'orgName',
  'creditCode',
  'legalRepresentative',
  'contactPerson',
  'phone',
  'email',
  'address',
  'postcode',
  'items',
  'purpose',
  'form',
  'delivery',
] as const;

/** The typed values of the application's fields and of `more` (a page's own fields), from a parsed form body. */
export function formValuesOf(body: Record<string, unknown>, more: readonly string[] = []): FormValues {
  return Object.fromEntries([...applicationFormFields, ...more].map((k) => [k, firstString(body[k])]));
}

/**
 * The application as src/app/requests/intake.ts reads it: the name from the box of the
 * chosen applicant type, the other box's fields left out. A body without the boxes (a
 * client posting the application's own field names, as scripts and tests do) gives its `name`.
 */
export function applicationOf(v: FormValues, posted: Record<string, unknown>): Record<string, unknown> {
  const type = v.applicantType ?? '';
  const person = type === 'naturalPerson';
  const organisation = type !== '' && !person;
  const boxes = Object.hasOwn(posted, 'personName') || Object.hasOwn(posted, 'orgName');
  return {
    applicantType: type,
    name: !boxes ? firstString(posted.name) : person ? v.personName : organisation ? v.orgName : v.personName || v.orgName,
    idDocument: organisation ? '' : v.idDocument,
    idNumber: organisation ? '' : v.idNumber,
    creditCode: person ? '' : v.creditCode,
    legalRepresentative: person ? '' : v.legalRepresentative,
    contactPerson: person ? '' : v.contactPerson,
    phone: v.phone,
    email: v.email,
    address: v.address,
    postcode: v.postcode,
    items: v.items,
    purpose: v.purpose,
    form: v.form,
    delivery: v.delivery,
  };
}

/** The element an error of `field` points to: the name goes to the person's box, or the organisation's (whose message it is when no type is chosen). */
export function anchorOf(field: string, values: FormValues): string {
  if (field === 'name') return values.applicantType === 'naturalPerson' ? 'personName' : 'orgName';
  return field;
}

/** The form's state for its fields: every message under the element it points to. */
export function fieldState(values: FormValues, errors: readonly FieldError[]): FieldState {
  const messages = new Map<string, string[]>();
  for (const e of errors) {
    const k = anchorOf(e.field, values);
    messages.set(k, [...(messages.get(k) ?? []), e.message]);
  }
  return { values, messages };
}

/** The summary at the top of the form, each message linked to its field. */
export const ApplicationErrorSummary: FC<{ values: FormValues; errors: readonly FieldError[] }> = ({ values, errors }) => (
  <ErrorSummary errors={errors.map((e) => ({ field: anchorOf(e.field, values), message: e.message }))} />
);

export const describedBy = (...ids: (string | false | undefined)[]) => {
  const list = ids.filter((x): x is string => typeof x === 'string' && x !== '');
  return list.length ? { 'aria-describedby': list.join(' ') } : {};
};

const invalid = (messages: readonly string[] | undefined) => (messages ? { 'aria-invalid': 'true' } : {});

export const FieldMessages: FC<{ id: string; messages: readonly string[] | undefined }> = ({ id, messages }) =>
  messages?.length ? (
    <p class="field-error" id={`error-${id}`}>
      <span class="visually-hidden">错误：</span>
      {messages.join('；')}
    </p>
  ) : (
    ''
  );

const Hint: FC<{ id: string; hint: Child | undefined; as?: 'div' | 'p' }> = ({ id, hint, as = 'div' }) =>
  hint ? (
    as === 'p' ? (
      <p class="hint" id={`hint-${id}`}>
        {hint}
      </p>
    ) : (
      <div class="hint" id={`hint-${id}`}>
        {hint}
      </div>
    )
  ) : (
    ''
  );

interface TextDeclaration {
  label: string;
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
export const TextField: FC<TextDeclaration & { name: string; state: FieldState }> = ({
  name: id,
  label,
  state,
  hint,
  type = 'text',
  rows,
  autocomplete,
  inputmode,
  maxlength,
  optional,
}) => {
  const messages = state.messages.get(id);
  const attrs = {
    id: `field-${id}`,
    name: id,
    ...(maxlength ? { maxlength } : {}),
    ...invalid(messages),
    ...describedBy(hint ? `hint-${id}` : undefined, messages && `error-${id}`),
  };
  return (
    <div class={messages ? 'field has-error' : 'field'}>
      <label for={`field-${id}`}>
        {label}
        {optional ? <span class="optional">（选填）</span> : ''}
      </label>
      <Hint id={id} hint={hint} />
      <FieldMessages id={id} messages={messages} />
      {rows ? (
        <textarea rows={rows} {...attrs}>
          {state.values[id] ?? ''}
        </textarea>
      ) : (
        <input type={type} value={state.values[id] ?? ''} autocomplete={autocomplete} {...(inputmode ? { inputmode } : {})} {...attrs} />
      )}
    </div>
  );
};

type Options = readonly (readonly [string, string])[];

/** A drop-down: its options, or groups of options under a label each (empty groups are left out). */
export const SelectField: FC<{
  name: string;
  label: string;
  state: FieldState;
  hint?: Child;
  options?: Options;
  groups?: readonly { label: string; options: Options }[];
}> = ({ name, label, state, hint, options = [], groups = [] }) => {
  const messages = state.messages.get(name);
  const option = ([value, text]: readonly [string, string]) => (
    <option value={value} selected={state.values[name] === value}>
      {text}
    </option>
  );
  return (
    <div class={messages ? 'field has-error' : 'field'}>
      <label for={`field-${name}`}>{label}</label>
      <Hint id={name} hint={hint} as="p" />
      <FieldMessages id={name} messages={messages} />
      <select id={`field-${name}`} name={name} {...invalid(messages)} {...describedBy(hint ? `hint-${name}` : undefined, messages && `error-${name}`)}>
        <option value="">请选择</option>
        {options.map(option)}
        {groups.map((g) => (g.options.length ? <optgroup label={g.label}>{g.options.map(option)}</optgroup> : ''))}
      </select>
    </div>
  );
};

/** Radio buttons under one legend; the first button carries the field's anchor. */
export const RadioGroup: FC<{ name: string; legend: string; options: Options; state: FieldState; hint?: Child }> = ({ name, legend, options, state, hint }) => {
  const messages = state.messages.get(name);
  return (
    <fieldset class={messages ? 'choices has-error' : 'choices'} {...describedBy(hint ? `hint-${name}` : undefined, messages && `error-${name}`)}>
      <legend>{legend}</legend>
      <Hint id={name} hint={hint} as="p" />
      <FieldMessages id={name} messages={messages} />
      {options.map(([value, label], i) => (
        <div class="choice">
          <input type="radio" id={i === 0 ? `field-${name}` : `field-${name}-${value}`} name={name} value={value} checked={state.values[name] === value} />
          <label for={i === 0 ? `field-${name}` : `field-${name}-${value}`}>{label}</label>
        </div>
      ))}
    </fieldset>
  );
};

const L = applicationLimits;

/** The text fields of the application, with their labels and hints. */
const textFields = {
  personName: { label: '姓名', autocomplete: 'name', maxlength: L.nameMaxLength },
  idNumber: { label: '证件号码', autocomplete: 'off', hint: '居民身份证为18位，最后一位可能是X。', maxlength: L.idNumberMaxLength },
  orgName: { label: '名称', autocomplete: 'organization', maxlength: L.nameMaxLength },
  creditCode: { label: '统一社会信用代码', autocomplete: 'off', hint: '18位，见营业执照或登记证书。', maxlength: 18 },
  legalRepresentative: { label: '法定代表人或者负责人', autocomplete: 'off', optional: true },
  contactPerson: { label: '联系人', autocomplete: 'name', hint: '办理本申请的联系人姓名。' },
  phone: { label: '联系电话', type: 'tel', autocomplete: 'tel', hint: '11位手机号码，或带区号的固定电话，如0730-4221234。' },
  email: { label: '电子邮箱', type: 'email', autocomplete: 'email', hint: '选择以电子邮件获取信息的，必须填写。', optional: true },
  address: { label: '通信地址', autocomplete: 'street-address', hint: '选择邮寄的，必须填写。', maxlength: L.addressMaxLength, optional: true },
  postcode: { label: '邮政编码', autocomplete: 'postal-code', inputmode: 'numeric', maxlength: 6, optional: true },
  items: { label: '所需政府信息的名称、文号或者便于查询的其他特征性描述', rows: 8 },
  purpose: { label: '申请用途', rows: 3, optional: true, hint: `不要求说明用途；说明的，有助于受理机关理解所需的信息。不超过${L.purposeMaxLength}个字。` },
} as const satisfies Record<string, TextDeclaration>;

const Text: FC<{ name: keyof typeof textFields; state: FieldState; hint?: Child }> = ({ name, state, hint }) => {
  const declared: TextDeclaration = textFields[name];
  return <TextField name={name} {...declared} hint={hint ?? declared.hint} state={state} />;
};

/** Text fields under one legend. */
const TextGroup: FC<{ legend: string; names: readonly (keyof typeof textFields)[]; state: FieldState }> = ({ legend, names, state }) => (
  <fieldset class="group">
    <legend>{legend}</legend>
    {names.map((name) => (
      <Text name={name} state={state} />
    ))}
  </fieldset>
);

const labels = (o: Record<string, { label: string }>): Options => Object.entries(o).map(([k, v]) => [k, v.label] as const);
const organisationTypes = applicantTypeKeys.filter((k) => k !== 'naturalPerson');

/**
 * The applicant, the contact details, the information asked for and how to receive it.
 * `itemsGuidance`: more about the items under their rule (the public form explains 一事一申请
 * and how the annual report counts an application).
 */
export const ApplicationFields: FC<{ state: FieldState; itemsGuidance?: Child }> = ({ state, itemsGuidance }) => {
  const typeErrors = state.messages.get('applicantType');
  const { values } = state;
  const itemsRule = `每项信息写一段，两项之间空一行；最多${L.maxItems}项，每项不超过${L.descriptionMaxLength}个字。请尽量写明文件名称、文号、制作机关、时间或者涉及的地点、事项，便于查找。`;
  return (
    <>
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
        <Text name="personName" state={state} />
        <SelectField name="idDocument" label="身份证件类型" options={labels(identityDocuments)} state={state} />
        <Text name="idNumber" state={state} />
      </fieldset>

      <TextGroup
        legend={`申请人是法人或者其他组织的，填写本栏（${applicantTypes.naturalPerson.label}不填）`}
        names={['orgName', 'creditCode', 'legalRepresentative', 'contactPerson']}
        state={state}
      />
      <TextGroup legend="联系方式" names={['phone', 'email', 'address', 'postcode']} state={state} />

      <fieldset class="group">
        <legend>所需政府信息</legend>
        <Text
          name="items"
          state={state}
          hint={
            <>
              <p>{itemsRule}</p>
              {itemsGuidance ?? ''}
            </>
          }
        />
        <Text name="purpose" state={state} />
      </fieldset>

      <RadioGroup name="form" legend="获取信息的方式" options={labels(provisionForms)} state={state} />
      <RadioGroup
        name="delivery"
        legend="获取信息的途径"
        options={labels(deliveryWays)}
        state={state}
        hint="选择“网上查看”的，可以凭申请编号和查询码在申请查询页面查看并下载答复文书。"
      />
    </>
  );
};

/** The identity files (scans and photos); `note`: what the page adds to the rule. */
export const IdentityFilesField: FC<{ state: FieldState; note?: string }> = ({ state, note }) => {
  const messages = state.messages.get('identityFiles');
  return (
    <div class={messages ? 'field has-error' : 'field'}>
      <label for="field-identityFiles">
        身份证明材料<span class="optional">（选填）</span>
      </label>
      <p class="hint" id="hint-identityFiles">
        身份证件、营业执照等的扫描件或者照片，PDF、JPG 或 PNG 格式，最多{L.maxUploads}个文件，每个不超过{L.maxUploadBytes / 1024 / 1024} MB。{note ?? ''}
      </p>
      <FieldMessages id="identityFiles" messages={messages} />
      <input
        type="file"
        id="field-identityFiles"
        name="identityFiles"
        multiple
        accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
        {...invalid(messages)}
        {...describedBy('hint-identityFiles', messages && 'error-identityFiles')}
      />
    </div>
  );
};

/** Said when the form comes back with errors after files were chosen: they are not kept. */
export const FilesDroppedNotice: FC<{ dropped: boolean; why?: string }> = ({ dropped, why }) =>
  dropped ? (
    <p class="notice" role="status">
      {why ?? ''}已选择的身份证明材料没有保存，请在下方重新选择文件后再提交。
    </p>
  ) : (
    ''
  );
