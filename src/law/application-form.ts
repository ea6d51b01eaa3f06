/**
 * What an application must say (条例 第二十九条; spec §2.3): who applies, with 身份证明 and
 * contact details; a description of the information; the form and the way the applicant
 * wants to receive it. Organisations choose one of the five kinds of table 三.
 */
export const identityDocuments = {
  residentIdCard: { label: '居民身份证', checked: true },
  passport: { label: '护照', checked: false },
  hkMacaoPermit: { label: '港澳居民来往内地通行证', checked: false },
  taiwanPermit: { label: '台湾居民来往大陆通行证', checked: false },
  foreignerResidence: { label: '外国人永久居留身份证', checked: false },
} as const satisfies Record<string, { label: string; checked: boolean }>;

export type IdentityDocument = keyof typeof identityDocuments;

export function isIdentityDocument(value: string): value is IdentityDocument {
  return Object.hasOwn(identityDocuments, value);
}

/** 获取信息的方式 (the form the information is provided in). */
export const provisionForms = {
  paper: { label: '纸质文本' },
  electronic: { label: '电子文件' },
  inspection: { label: '当场阅览、抄录' },
} as const;

export type ProvisionForm = keyof typeof provisionForms;

/** 获取信息的途径 (how it reaches the applicant). */
export const deliveryWays = {
  post: { label: '邮寄' },
  email: { label: '电子邮件' },
  pickUp: { label: '当面领取' },
  online: { label: '网上查看（申请查询页面）' },
} as const;

export type DeliveryWay = keyof typeof deliveryWays;

export function isDeliveryWay(value: string): value is DeliveryWay {
  return Object.hasOwn(deliveryWays, value);
}

/** Field limits of the application form, shared by the public form and staff registration. */
export const applicationLimits = {
  nameMaxLength: 60,
  idNumberMaxLength: 30,
  descriptionMaxLength: 2000,
  purposeMaxLength: 500,
  addressMaxLength: 200,
  maxItems: 20,
  maxUploads: 5,
  maxUploadBytes: 10 * 1024 * 1024,
  /**
   * What the public form may store in all, over any 24 hours, from anyone (no account is needed to
   * apply). The setting `apply.uploadQuotaMb` changes it; staff registration is not counted.
   */
  onlineUploadBytesPerDay: 1024 * 1024 * 1024,
} as const;
