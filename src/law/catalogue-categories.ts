/**
 * The 公开目录 (disclosure catalogue) tree an agency publishes into. The seven
 * categories under 法定主动公开内容 are those of the 华容县 portal's town columns (the
 * seed report counts its items by them); 指南, 制度 and 年报 are the columns 条例
 * 第十二条 and 第五十条 require. Labels are editable data, not code.
 */
export interface CategorySpec {
  label: string;
  parent: CategoryKey | null;
}

export const catalogueCategories = {
  statutory: { label: '法定主动公开内容', parent: null },
  institution: { label: '机构信息', parent: 'statutory' },
  policy: { label: '政策文件', parent: 'statutory' },
  planning: { label: '规划计划', parent: 'statutory' },
  personnel: { label: '人事信息', parent: 'statutory' },
  funds: { label: '资金信息', parent: 'statutory' },
  notices: { label: '通知公告', parent: 'statutory' },
  other: { label: '其他信息', parent: 'statutory' },
  guide: { label: '政府信息公开指南', parent: null },
  rules: { label: '政府信息公开制度', parent: null },
  annualReports: { label: '政府信息公开年报', parent: null },
} as const satisfies Record<string, { label: string; parent: string | null }>;

export type CategoryKey = keyof typeof catalogueCategories;
export const categoryKeys = Object.keys(catalogueCategories) as CategoryKey[];

/** The columns under 法定主动公开内容, in their order. */
export const statutoryCategoryKeys = categoryKeys.filter((k) => catalogueCategories[k].parent === 'statutory');

/** The categories the annual report's proactive-disclosure sentence counts, in its order. */
export const reportedCategoryKeys = statutoryCategoryKeys;

export function isCategoryKey(value: string): value is CategoryKey {
  return Object.hasOwn(catalogueCategories, value);
}

/** The label of a stored category; an unknown key (from an older release) is shown as it is. */
export function categoryLabel(key: string): string {
  return isCategoryKey(key) ? catalogueCategories[key].label : key;
}

/** 行政规范性文件 and 规章 are counted in table 二 by 成文日期 and 有效性. */
export const documentKinds = {
  rule: { label: '规章' },
  normativeDocument: { label: '行政规范性文件' },
} as const;
export type DocumentKind = keyof typeof documentKinds;
export function isDocumentKind(value: string): value is DocumentKind {
  return Object.hasOwn(documentKinds, value);
}

/** 有效性 of a 规章 or 规范性文件. */
export const validityStates = {
  inForce: { label: '有效' },
  expired: { label: '失效' },
  repealed: { label: '废止' },
} as const;
export type ValidityState = keyof typeof validityStates;
export function isValidityState(value: string): value is ValidityState {
  return Object.hasOwn(validityStates, value);
}

/** Default metadata of a proactively disclosed item (spec §4.3). */
export const defaultDisclosure = { mode: '主动公开', scope: '面向全社会' } as const;
