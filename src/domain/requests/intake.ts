/**
 * An application as the applicant fills it in (条例 第二十九条), checked field by field with
 * messages that name the field; and the identity a running monthly count is kept by
 * (国办函〔2020〕109号 第四条: the same applicant across channels).
 */
import { applicantTypes, isApplicantType, type ApplicantType } from '../../law/applicant-types.ts';
import {
  applicationLimits,
  deliveryWays,
  identityDocuments,
  isIdentityDocument,
  provisionForms,
  type DeliveryWay,
  type IdentityDocument,
  type ProvisionForm,
} from '../../law/application-form.ts';
import { usccCheckChar } from '../agencies/agency.ts';
import { isIdNumber } from '../screening/checks.ts';
import { fieldError, type FieldError } from '../shared/result.ts';

export interface Applicant {
  type: ApplicantType;
  /** 姓名 or the organisation's 名称. */
  name: string;
  /** Natural persons: the identity document and its number. */
  idDocument: IdentityDocument | null;
  idNumber: string;
  /** Organisations: 统一社会信用代码, 法定代表人 and the person who handles the application. */
  creditCode: string;
  legalRepresentative: string;
  contactPerson: string;
  phone: string;
  email: string;
  address: string;
  postcode: string;
}

export interface ApplicationForm {
  applicant: Applicant;
  /** Each requested item: 名称、文号或者便于查询的其他特征性描述. */
  items: readonly string[];
  purpose: string;
  form: ProvisionForm;
  delivery: DeliveryWay;
}

const text = (raw: unknown) => (typeof raw === 'string' ? raw.trim() : '');
const mobile = /^1[3-9]\d{9}$/;
const landline = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/;
const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Reads the submitted fields (web form or JSON) into a form; checkApplicationForm says what is wrong. */
export function readApplicationForm(raw: Record<string, unknown>): ApplicationForm {
  const items = Array.isArray(raw.items)
    ? raw.items.map(text)
    : text(raw.items)
        .split(/\n\s*\n|\r\n\s*\r\n/)
        .map((s) => s.trim());
  const type = text(raw.applicantType);
  const doc = text(raw.idDocument);
  return {
    applicant: {
      type: (isApplicantType(type) ? type : type) as ApplicantType,
      name: text(raw.name),
      idDocument: (doc === '' ? null : doc) as IdentityDocument | null,
      idNumber: text(raw.idNumber).toUpperCase(),
      creditCode: text(raw.creditCode).toUpperCase(),
      legalRepresentative: text(raw.legalRepresentative),
      contactPerson: text(raw.contactPerson),
      phone: text(raw.phone).replace(/\s/g, ''),
      email: text(raw.email),
      address: text(raw.address),
      postcode: text(raw.postcode),
    },
    items: items.filter((s) => s !== ''),
    purpose: text(raw.purpose),
    form: text(raw.form) as ProvisionForm,
    delivery: text(raw.delivery) as DeliveryWay,
  };
}

export function checkApplicationForm(f: ApplicationForm): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: string, code: string, message: string) => errors.push(fieldError(field, code, message));
  const a = f.applicant;
  const L = applicationLimits;
  if (!isApplicantType(a.type)) add('applicantType', 'GK_APPLICANT_TYPE', '请选择申请人类型：公民，或法人或者其他组织的类别');
  const person = a.type === 'naturalPerson';
  const named = !isApplicantType(a.type) ? '请填写申请人姓名或单位名称' : person ? '请填写姓名' : '请填写单位名称';
  if (a.name === '') add('name', 'GK_REQUIRED', named);
  else if (a.name.length > L.nameMaxLength) add('name', 'GK_TOO_LONG', `姓名或名称不能超过${L.nameMaxLength}个字`);
  if (person) {
    if (a.idDocument === null || !isIdentityDocument(a.idDocument)) add('idDocument', 'GK_ID_DOCUMENT', '请选择身份证件类型');
    if (a.idNumber === '') add('idNumber', 'GK_REQUIRED', '请填写证件号码');
    else if (a.idDocument === 'residentIdCard' && !isIdNumber(a.idNumber))
      add('idNumber', 'GK_ID_NUMBER', '居民身份证号码有误：请核对18位号码，最后一位校验码与前17位不符');
    else if (a.idNumber.length > L.idNumberMaxLength) add('idNumber', 'GK_TOO_LONG', `证件号码不能超过${L.idNumberMaxLength}个字符`);
  } else if (isApplicantType(a.type)) {
    if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(a.creditCode) || usccCheckChar(a.creditCode.slice(0, 17)) !== a.creditCode[17]) {
      add('creditCode', 'GK_CREDIT_CODE', '统一社会信用代码有误：应为18位，最后一位校验码须与前17位相符');
    }
    if (a.contactPerson === '') add('contactPerson', 'GK_REQUIRED', '请填写联系人姓名');
  }
  if (a.phone === '') add('phone', 'GK_REQUIRED', '请填写联系电话');
  else if (!mobile.test(a.phone) && !landline.test(a.phone)) add('phone', 'GK_PHONE', '联系电话有误：请填写11位手机号码，或带区号的固定电话（如0730-4221234）');
  if (a.email !== '' && !email.test(a.email)) add('email', 'GK_EMAIL', '电子邮箱格式有误');
  if (f.delivery === 'email' && a.email === '') add('email', 'GK_REQUIRED', '选择以电子邮件获取的，请填写电子邮箱');
  if (f.delivery === 'post' && a.address === '') add('address', 'GK_REQUIRED', '选择邮寄的，请填写通信地址');
  if (a.address.length > L.addressMaxLength) add('address', 'GK_TOO_LONG', `通信地址不能超过${L.addressMaxLength}个字`);
  if (a.postcode !== '' && !/^\d{6}$/.test(a.postcode)) add('postcode', 'GK_POSTCODE', '邮政编码应为6位数字');
  if (f.items.length === 0) add('items', 'GK_REQUIRED', '请描述所需的政府信息：名称、文号或者便于查询的其他特征性描述');
  if (f.items.length > L.maxItems) add('items', 'GK_TOO_MANY', `一次申请最多${L.maxItems}项，请分开提交`);
  if (f.items.some((s) => s.length > L.descriptionMaxLength)) add('items', 'GK_TOO_LONG', `每项描述不能超过${L.descriptionMaxLength}个字`);
  if (f.purpose.length > L.purposeMaxLength) add('purpose', 'GK_TOO_LONG', `用途说明不能超过${L.purposeMaxLength}个字`);
  if (!Object.hasOwn(provisionForms, f.form)) add('form', 'GK_FORM', '请选择获取信息的方式');
  if (!Object.hasOwn(deliveryWays, f.delivery)) add('delivery', 'GK_DELIVERY', '请选择获取信息的途径');
  return errors;
}

/** The identity the monthly count of 国办函〔2020〕109号 第四条 is kept by. */
export function applicantKey(a: Applicant): string {
  return a.type === 'naturalPerson' ? `person:${a.idDocument ?? ''}:${a.idNumber.toUpperCase()}` : `org:${a.creditCode.toUpperCase()}`;
}

/** How the applicant is named on the staff pages: 自然人 / 商业企业 …, and the identity document. */
export function describeApplicant(a: Applicant): string {
  const kind = isApplicantType(a.type) ? applicantTypes[a.type].label : a.type;
  const doc = a.idDocument && isIdentityDocument(a.idDocument) ? identityDocuments[a.idDocument].label : '';
  return a.type === 'naturalPerson' ? `${a.name}（${kind}，${doc} ${a.idNumber}）` : `${a.name}（${kind}，统一社会信用代码 ${a.creditCode}）`;
}
