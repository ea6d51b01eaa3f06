/** Statutory time limits, in working days (工作日), with their basis (spec §2.3–2.4, §3). */
export const timeLimits = {
  /** 条例 第二十六条: publish within 20 working days of the information being formed or changed. */
  proactivePublication: { workingDays: 20, basis: '条例第二十六条' },
  /** 条例 第三十条: notify the applicant of corrections needed within 7 working days of receipt. */
  correctionNotice: { workingDays: 7, basis: '条例第三十条' },
  /** 条例 第三十二条: a third party has 15 working days to give its opinion. */
  thirdPartyOpinion: { workingDays: 15, basis: '条例第三十二条' },
  /** 条例 第三十四条: another agency consulted has 15 working days. */
  otherAgencyOpinion: { workingDays: 15, basis: '条例第三十四条' },
  /** 条例 第三十三条: reply within 20 working days of 收到申请之日. */
  reply: { workingDays: 20, basis: '条例第三十三条' },
  /** 条例 第三十三条: an approved extension adds at most 20 working days. */
  extension: { workingDays: 20, basis: '条例第三十三条' },
  /** 国办函〔2020〕109号: pay within 20 working days from the day after the fee notice. */
  feePayment: { workingDays: 20, basis: '国办函〔2020〕109号' },
} as const;

export type TimeLimitKey = keyof typeof timeLimits;
