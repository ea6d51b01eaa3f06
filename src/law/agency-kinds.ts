/**
 * Kinds of administrative body on the platform. Towns (乡镇) and county departments
 * publish on the county portal (《政府网站发展指引》, 国办发〔2017〕47号).
 */
export const agencyKinds = {
  countyGovernment: { label: '县政府', selfReference: '我县', directory: '县人民政府' },
  town: { label: '乡镇', selfReference: '我镇', directory: '乡镇人民政府' },
  department: { label: '部门', selfReference: '本机关', directory: '县直部门' },
} as const;

export type AgencyKind = keyof typeof agencyKinds;
export const agencyKindKeys = Object.keys(agencyKinds) as AgencyKind[];

export function isAgencyKind(value: string): value is AgencyKind {
  return Object.hasOwn(agencyKinds, value);
}
