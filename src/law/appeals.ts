/**
 * 行政复议 and 行政诉讼 against disclosure decisions (条例 第五十一条), as counted in
 * table 四 of the annual report. `pending` (尚未审结) is not an outcome: it is a case
 * without an outcome at the end of the year.
 */
export const appealTracks = {
  reconsideration: { label: '行政复议', body: '复议机关' },
  litigationDirect: { label: '未经复议直接起诉', body: '人民法院' },
  litigationAfterReconsideration: { label: '复议后起诉', body: '人民法院' },
} as const;

export type AppealTrack = keyof typeof appealTracks;
export const appealTrackKeys = Object.keys(appealTracks) as AppealTrack[];

export const appealOutcomes = {
  upheld: { label: '结果维持' },
  corrected: { label: '结果纠正' },
  other: { label: '其他结果' },
} as const;

export type AppealOutcome = keyof typeof appealOutcomes;
export const appealOutcomeKeys = Object.keys(appealOutcomes) as AppealOutcome[];

export function isAppealTrack(value: string): value is AppealTrack {
  return Object.hasOwn(appealTracks, value);
}
export function isAppealOutcome(value: string): value is AppealOutcome {
  return Object.hasOwn(appealOutcomes, value);
}
