/**
 * Applicant types: the six applicant columns of table 三 of the annual report
 * (国办公开办函〔2021〕30号). The seventh column, 总计, is their sum.
 * 条例 第二十九条 requires the applicant's identity; the type is read from it.
 */
export const applicantTypes = {
  naturalPerson: { label: '自然人', group: '自然人' },
  commercial: { label: '商业企业', group: '法人或其他组织' },
  research: { label: '科研机构', group: '法人或其他组织' },
  publicInterest: { label: '社会公益组织', group: '法人或其他组织' },
  legalService: { label: '法律服务机构', group: '法人或其他组织' },
  other: { label: '其他', group: '法人或其他组织' },
} as const satisfies Record<string, { label: string; group: '自然人' | '法人或其他组织' }>;

export type ApplicantType = keyof typeof applicantTypes;

/** Declaration order, which is the column order of table 三. */
export const applicantTypeKeys = Object.keys(applicantTypes) as ApplicantType[];

export function isApplicantType(value: string): value is ApplicantType {
  return Object.hasOwn(applicantTypes, value);
}
