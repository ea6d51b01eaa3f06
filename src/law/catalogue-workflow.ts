/**
 * The states of a version of a catalogue item on its way to publication: nothing is
 * published without a recorded 保密审查 (条例 第十七条) and a leader's approval.
 */
export const versionStates = {
  draft: { label: '草稿' },
  inReview: { label: '待保密审查' },
  inApproval: { label: '待领导审核' },
  returned: { label: '已退回' },
  published: { label: '已公开' },
  superseded: { label: '已被更正版本替代' },
} as const;

export type VersionState = keyof typeof versionStates;

export const itemStatuses = {
  draft: { label: '未公开' },
  published: { label: '已公开' },
  withdrawn: { label: '已撤回' },
} as const;
export type ItemStatus = keyof typeof itemStatuses;

/**
 * How a reviewer settles a screening hit before the review can be approved. Personal data
 * is `redacted` or `justified`; a value in an unreadable attachment only `justified` after
 * checking it by eye; a secrecy marking only `declassified`, with the 解密 recorded
 * (src/law/secrecy.ts) — it is never masked.
 */
export const hitResolutions = {
  redacted: { label: '遮蔽后公开' },
  justified: { label: '确认可以公开' },
  declassified: { label: '已解密，按原样公开' },
} as const;
export type HitResolution = keyof typeof hitResolutions;
export function isHitResolution(value: string): value is HitResolution {
  return Object.hasOwn(hitResolutions, value);
}

/** 公开范围 choices (spec §4.3). */
export const scopes = ['面向全社会', '面向特定群体'] as const;

/** An attachment whose text cannot be read (an image, a scanned PDF): the reviewer checks it by eye. */
export const manualCheck = { kind: 'manualCheck', label: '需人工核对的附件' } as const;
