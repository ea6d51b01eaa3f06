/**
 * Screening before publication: what counts as personal data (条例 第十五条 个人隐私;
 * 《个人信息保护法》) or a secrecy marking (《保守国家秘密法》 密级标志), how a redacted
 * value is masked, and which attachments the platform accepts.
 */

/**
 * How a redacted value is masked. `keep`: the first `start` and last `end` digits or letters
 * stay, every other digit or letter becomes *, separators (spaces, hyphens, brackets) stay.
 * `areaCode`: a landline keeps its area code and the last `end` digits. `email`: the first
 * character of the local part and the domain stay (a***@example.com).
 */
export type MaskRule = { style: 'keep'; start: number; end: number } | { style: 'areaCode'; end: number } | { style: 'email' };

/**
 * What was found. `personalData` (条例 第十五条 个人隐私) is masked or justified by the
 * reviewer; a `marking` (密级 or 不得公开) is never masked: the version is returned, or
 * published after a recorded 解密 with the marking as printed (src/law/secrecy.ts).
 */
export const hitKinds = {
  idNumber: { label: '居民身份证号码', group: 'personalData', mask: { style: 'keep', start: 6, end: 4 } },
  mobile: { label: '手机号码', group: 'personalData', mask: { style: 'keep', start: 3, end: 4 } },
  landline: { label: '固定电话号码', group: 'personalData', mask: { style: 'areaCode', end: 2 } },
  bankCard: { label: '银行卡号', group: 'personalData', mask: { style: 'keep', start: 0, end: 4 } },
  // 92 + the 6-digit region stay: they say where, not who.
  businessCode: { label: '个体工商户统一社会信用代码', group: 'personalData', mask: { style: 'keep', start: 8, end: 0 } },
  email: { label: '电子邮箱', group: 'personalData', mask: { style: 'email' } },
  secrecyMarking: { label: '密级或不得公开标识', group: 'marking', mask: null },
} as const satisfies Record<string, { label: string; group: 'personalData' | 'marking'; mask: MaskRule | null }>;

export type HitKind = keyof typeof hitKinds;
export const hitKindKeys = Object.keys(hitKinds) as HitKind[];

export function isHitKind(value: string): value is HitKind {
  return Object.hasOwn(hitKinds, value);
}

/** The kinds a reviewer may mask: personal data, never a marking. */
export type MaskableKind = { [K in HitKind]: (typeof hitKinds)[K]['mask'] extends null ? never : K }[HitKind];
export const maskableKinds = hitKindKeys.filter((k): k is MaskableKind => hitKinds[k].mask !== null);
export function isMaskable(kind: string): kind is MaskableKind {
  return isHitKind(kind) && hitKinds[kind].mask !== null;
}
export function isMarking(kind: string): boolean {
  return isHitKind(kind) && hitKinds[kind].group === 'marking';
}

/**
 * Secrecy markings (GB/T 9704-2012 7.2.3 密级和保密期限) and notices against publication.
 * `star`: only with ★ (or ☆) after it, optionally with its 保密期限 (秘密★1年); without the star
 * 秘密 is an ordinary word (商业秘密, 不涉及国家秘密). `notAfter`/`notBefore`: words around
 * the marking that make it an ordinary phrase, not a marking: 商业机密, 机密性, 不涉密,
 * 是否涉密, 内部资料性出版物.
 */
export const secrecyMarkings = [
  { text: '绝密', star: false, notAfter: [], notBefore: [] },
  { text: '机密', star: false, notAfter: ['商业'], notBefore: ['性'] },
  { text: '秘密', star: true, notAfter: [], notBefore: [] },
  { text: '内部资料', star: false, notAfter: [], notBefore: ['性'] },
  { text: '不得公开', star: false, notAfter: [], notBefore: [] },
  { text: '涉密', star: false, notAfter: ['不', '非', '未', '否'], notBefore: [] },
] as const satisfies readonly { text: string; star: boolean; notAfter: readonly string[]; notBefore: readonly string[] }[];

/** Attachments the platform accepts; the type is decided by the content, the extension must agree. */
export const attachmentTypes = {
  pdf: { label: 'PDF 文件', extensions: ['.pdf'], magic: ['%PDF-'], mime: 'application/pdf' },
  docx: {
    label: 'Word 文档（DOCX）',
    extensions: ['.docx'],
    magic: ['PK\x03\x04'],
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  xlsx: {
    label: 'Excel 工作簿（XLSX）',
    extensions: ['.xlsx'],
    magic: ['PK\x03\x04'],
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  png: { label: 'PNG 图片', extensions: ['.png'], magic: ['\x89PNG\r\n\x1a\n'], mime: 'image/png' },
  jpeg: { label: 'JPEG 图片', extensions: ['.jpg', '.jpeg'], magic: ['\xff\xd8\xff'], mime: 'image/jpeg' },
  gif: { label: 'GIF 图片', extensions: ['.gif'], magic: ['GIF87a', 'GIF89a'], mime: 'image/gif' },
} as const satisfies Record<string, { label: string; extensions: readonly string[]; magic: readonly string[]; mime: string }>;

/** The media type an attachment is served with. */
export const attachmentMime = (type: string): string =>
  Object.hasOwn(attachmentTypes, type) ? attachmentTypes[type as AttachmentType].mime : 'application/octet-stream';

export type AttachmentType = keyof typeof attachmentTypes;
export const attachmentTypeKeys = Object.keys(attachmentTypes) as AttachmentType[];

/** Upload limit per attachment. */
export const maxAttachmentBytes = 20 * 1024 * 1024;
/** Unpacked size limit of a DOCX or XLSX (a 20 MB archive that unpacks to gigabytes is a zip bomb). */
export const maxUnpackedBytes = 300 * 1024 * 1024;

/** Types the platform can redact itself; for the others the agency uploads a redacted file. */
export const redactableTypes = ['docx', 'xlsx'] as const satisfies readonly AttachmentType[];
