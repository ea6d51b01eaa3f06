/**
 * The 21 outcome codes of a handled disclosure application: the leaf rows under
 * 三、本年度办理结果 in table 三 of 国办公开办函〔2021〕30号. The keys are the row keys of
 * the report JSON contract. `article` is the 条例 basis of the reply (spec §1.4).
 */
export type OutcomeGroup = 'granted' | 'partiallyGranted' | 'withheld' | 'unableToProvide' | 'notProcessed' | 'otherDisposal';

export const outcomeGroups = {
  granted: { label: '（一）予以公开' },
  partiallyGranted: { label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' },
  withheld: { label: '（三）不予公开' },
  unableToProvide: { label: '（四）无法提供' },
  notProcessed: { label: '（五）不予处理' },
  otherDisposal: { label: '（六）其他处理' },
} as const satisfies Record<OutcomeGroup, { label: string }>;

interface OutcomeSpec {
  group: OutcomeGroup;
  /** The leaf label; for the two groups that are leaves themselves, the group label. */
  label: string;
  /** Short reference as staff write it, e.g. （三）4. */
  ref: string;
  article: string;
}

export const outcomeCodes = {
  granted: { group: 'granted', label: '（一）予以公开', ref: '（一）', article: '第三十六条第（一）（二）项' },
  partiallyGranted: {
    group: 'partiallyGranted',
    label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    ref: '（二）',
    article: '第三十七条',
  },
  'withheld.stateSecret': { group: 'withheld', label: '1.属于国家秘密', ref: '（三）1', article: '第十四条' },
  'withheld.prohibitedByLaw': { group: 'withheld', label: '2.其他法律行政法规禁止公开', ref: '（三）2', article: '第十四条' },
  'withheld.threeSecurityOneStability': {
    group: 'withheld',
    label: '3.危及“三安全一稳定”',
    ref: '（三）3',
    article: '第十四条',
  },
  'withheld.thirdPartyRights': { group: 'withheld', label: '4.保护第三方合法权益', ref: '（三）4', article: '第十五条、第三十二条' },
  'withheld.internalAffairs': { group: 'withheld', label: '5.属于三类内部事务信息', ref: '（三）5', article: '第十六条第一款' },
  'withheld.processInformation': { group: 'withheld', label: '6.属于四类过程性信息', ref: '（三）6', article: '第十六条第二款' },
  'withheld.enforcementCaseFile': { group: 'withheld', label: '7.属于行政执法案卷', ref: '（三）7', article: '第十六条第二款' },
  'withheld.administrativeQuery': { group: 'withheld', label: '8.属于行政查询事项', ref: '（三）8', article: '第三十六条第（七）项' },
  'unableToProvide.notHeld': {
    group: 'unableToProvide',
    label: '1.本机关不掌握相关政府信息',
    ref: '（四）1',
    article: '第三十六条第（四）（五）项',
  },
  'unableToProvide.needsCreation': {
    group: 'unableToProvide',
    label: '2.没有现成信息需要另行制作',
    ref: '（四）2',
    article: '第三十八条',
  },
  'unableToProvide.unclearAfterCorrection': {
    group: 'unableToProvide',
    label: '3.补正后申请内容仍不明确',
    ref: '（四）3',
    article: '第三十条',
  },
  'notProcessed.petitionOrComplaint': { group: 'notProcessed', label: '1.信访举报投诉类申请', ref: '（五）1', article: '第三十九条第一款' },
  'notProcessed.repeated': { group: 'notProcessed', label: '2.重复申请', ref: '（五）2', article: '第三十六条第（六）项' },
  'notProcessed.publication': { group: 'notProcessed', label: '3.要求提供公开出版物', ref: '（五）3', article: '第三十九条第二款' },
  'notProcessed.excessive': { group: 'notProcessed', label: '4.无正当理由大量反复申请', ref: '（五）4', article: '第三十五条' },
  'notProcessed.confirmationOrReissue': {
    group: 'notProcessed',
    label: '5.要求行政机关确认或重新出具已获取信息',
    ref: '（五）5',
    article: '实践做法（条例无对应条款）',
  },
  'otherDisposal.noCorrection': {
    group: 'otherDisposal',
    label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    ref: '（六）1',
    article: '第三十条',
  },
  'otherDisposal.unpaidFee': {
    group: 'otherDisposal',
    label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    ref: '（六）2',
    article: '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）',
  },
  'otherDisposal.other': { group: 'otherDisposal', label: '3.其他', ref: '（六）3', article: '实践做法（如申请人撤回申请）' },
} as const satisfies Record<string, OutcomeSpec>;

export type OutcomeCode = keyof typeof outcomeCodes;

/** Declaration order, which is the row order of table 三. */
export const outcomeCodeKeys = Object.keys(outcomeCodes) as OutcomeCode[];

export function isOutcomeCode(value: string): value is OutcomeCode {
  return Object.hasOwn(outcomeCodes, value);
}
