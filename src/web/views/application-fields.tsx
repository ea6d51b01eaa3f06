/**
 * The fields of a disclosure application (条例 第二十九条): the applicant with 身份证明 and
 * contact details, the items asked for, and the form and way of receiving them. One
 * component for the public form and staff registration, named as
 * src/domain/requests/intake.ts reads them (readApplicationForm).
 */
import type { FC } from 'hono/jsx';
import { applicantTypeKeys, applicantTypes } from '../../law/applicant-types.ts';
import { applicationLimits, deliveryWays, identityDocuments, provisionForms } from '../../law/application-form.ts';
import { SelectField, TextField } from './components.tsx';

export type FormValues = Partial<Record<string, string>>;

/** The first message for each field, for showing under it. */
export function messagesByField(errors: readonly { field: string; message: string }[]): Partial<Record<string, string>> {
  const out: Partial<Record<string, string>> = {};
  for (const e of errors) out[e.field] ??= e.message;
  return out;
}

const options = (o: Record<string, { label: string }>) => Object.entries(o).map(([k, v]) => [k, v.label] as const);

export const ApplicationFields: FC<{ values: FormValues; errors: Partial<Record<string, string>> }> = ({ values: v, errors: e }) => (
  <>
    <fieldset>
      <legend>申请人信息</legend>
      <SelectField name="applicantType" label="申请人类型" value={v.applicantType} options={applicantTypeKeys.map((k) => [k, k === 'naturalPerson' ? '公民（自然人）' : `法人或者其他组织：${applicantTypes[k].label}`] as const)} empty="（请选择）" error={e.applicantType} />
      <TextField name="name" label="姓名或单位名称" value={v.name} error={e.name} attrs={{ maxlength: applicationLimits.nameMaxLength }} />
      <SelectField name="idDocument" label="身份证件类型（公民填写）" value={v.idDocument} options={options(identityDocuments)} empty="（请选择）" error={e.idDocument} />
      <TextField name="idNumber" label="证件号码（公民填写）" value={v.idNumber} error={e.idNumber} />
      <TextField name="creditCode" label="统一社会信用代码（法人或者其他组织填写）" value={v.creditCode} error={e.creditCode} />
      <TextField name="legalRepresentative" label="法定代表人或负责人（法人或者其他组织填写）" value={v.legalRepresentative} error={e.legalRepresentative} />
      <TextField name="contactPerson" label="联系人（法人或者其他组织填写）" value={v.contactPerson} error={e.contactPerson} />
      <TextField name="phone" label="联系电话" type="tel" value={v.phone} hint="11位手机号码，或带区号的固定电话" error={e.phone} />
      <TextField name="email" label="电子邮箱" type="email" value={v.email} error={e.email} />
      <TextField name="address" label="通信地址" value={v.address} error={e.address} attrs={{ maxlength: applicationLimits.addressMaxLength }} />
      <TextField name="postcode" label="邮政编码" value={v.postcode} error={e.postcode} attrs={{ inputmode: 'numeric' }} />
    </fieldset>
    <fieldset>
      <legend>所需信息</legend>
      <TextField
        name="items"
        label="所需政府信息的名称、文号或者便于查询的其他特征性描述"
        rows={6}
        value={v.items}
        hint={`多项内容之间空一行，每段为一项（最多${applicationLimits.maxItems}项）`}
        error={e.items}
      />
      <TextField name="purpose" label="用途说明（选填）" rows={2} value={v.purpose} error={e.purpose} attrs={{ maxlength: applicationLimits.purposeMaxLength }} />
      <SelectField name="form" label="获取信息的方式" value={v.form} options={options(provisionForms)} empty="（请选择）" error={e.form} />
      <SelectField name="delivery" label="获取信息的途径" value={v.delivery} options={options(deliveryWays)} empty="（请选择）" error={e.delivery} />
    </fieldset>
  </>
);
