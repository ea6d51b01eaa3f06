/**
 * 保密审查 before publication (条例 第十七条) and what a secrecy marking demands.
 *
 * 条例 第十四条: information lawfully determined a 国家秘密 is not disclosed. A text that
 * still carries a 密级 (绝密/机密/秘密★…) or a notice against publication (内部资料,
 * 不得公开 …) is therefore not published by masking the marking: that publishes the secret
 * with its label removed. The practice of every 保密审查 rule — "未经保密审查的信息不得公开、
 * 未经解密并准予公开的信息不得公开、公开与保密界限不清的信息不得公开" — leaves two ways:
 * send the version back to remove what is marked, or record the 解密 decided by the body
 * that determined the secret (《保守国家秘密法》: 提前解密 is decided by 原定密机关、单位 or
 * its superior), after which the text is published as printed, marking and all.
 */

/** The 解密 provision of 《保守国家秘密法》 in force on a date (the date of the 解密 decision). */
export const declassificationBases = [
  {
    from: '2010-10-01',
    basis: '《中华人民共和国保守国家秘密法》（2010年修订）第十九条',
  },
  {
    // 2024年2月27日修订, in force 2024-05-01: 每年审核; 提前解密由原定密机关、单位决定，也可以由其上级机关决定.
    from: '2024-05-01',
    basis: '《中华人民共和国保守国家秘密法》（2024年修订）第二十四条',
  },
] as const;

/** The basis a 解密 decision of `date` was made under (the earliest one for older dates). */
export function declassificationBasis(date: string): string {
  let basis: string = declassificationBases[0].basis;
  for (const b of declassificationBases) if (date >= b.from) basis = b.basis;
  return basis;
}

/** What a recorded 解密 holds (besides who recorded it and when), with limits. */
export const declassificationFields = {
  docNo: { label: '解密决定文号', max: 60 },
  date: { label: '解密日期', max: 10 },
  authority: { label: '作出解密决定的机关', max: 100 },
} as const;
export type DeclassificationField = keyof typeof declassificationFields;

/**
 * Standard 保密审查 opinions a reviewer may pick (none is preselected); a free text may
 * replace or follow them. `claimsNoSecret`: the opinion states that nothing is a 国家秘密,
 * which cannot be recorded while a marking is not settled by 解密. `for`: where it fits.
 */
export const reviewOpinions = {
  clear: {
    text: '经审查，该信息不涉及国家秘密和工作秘密，不涉及商业秘密和个人隐私，同意公开。',
    claimsNoSecret: true,
    for: ['item', 'report'],
  },
  masked: {
    text: '经审查，该信息不涉及国家秘密和工作秘密，所含个人信息已遮蔽处理，同意遮蔽后公开。',
    claimsNoSecret: true,
    for: ['item'],
  },
  declassified: {
    text: '经审查，该信息原标注的密级（不得公开）标识已经原定密机关解密并准予公开，按原样公开，同意公开。',
    claimsNoSecret: false,
    for: ['item'],
  },
  declassifiedMasked: {
    text: '经审查，该信息原标注的密级（不得公开）标识已经原定密机关解密并准予公开，所含个人信息已遮蔽处理，同意公开。',
    claimsNoSecret: false,
    for: ['item'],
  },
} as const satisfies Record<string, { text: string; claimsNoSecret: boolean; for: readonly ('item' | 'report')[] }>;
export type ReviewOpinionKey = keyof typeof reviewOpinions;
export const reviewOpinionKeys = Object.keys(reviewOpinions) as ReviewOpinionKey[];
export function isReviewOpinionKey(value: string): value is ReviewOpinionKey {
  return Object.hasOwn(reviewOpinions, value);
}

/** Words by which a free-text opinion states that nothing is a 国家秘密 (compared without spaces). */
export const noSecretPhrases = [
  '不涉及国家秘密',
  '未涉及国家秘密',
  '没有涉及国家秘密',
  '不属于国家秘密',
  '不含国家秘密',
  '无国家秘密',
  '不涉密',
  '无涉密',
  '未涉密',
] as const;

/** Longest opinion kept. */
export const maxOpinionLength = 500;
