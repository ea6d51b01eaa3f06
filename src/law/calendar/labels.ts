/** What a day is on the statutory working-day calendar, and how it is named (spec §2.4, §6). */
export const dayKinds = {
  weekday: { label: '工作日', working: true },
  weekend: { label: '周末', working: false },
  statutoryHoliday: { label: '法定节假日', working: false },
  makeUpWorkingDay: { label: '调休上班', working: true },
  localHoliday: { label: '地方假日', working: false },
  localWorkingDay: { label: '地方调整上班', working: true },
} as const satisfies Record<string, { label: string; working: boolean }>;

export type DayKind = keyof typeof dayKinds;

/** A working day inside a paused range (征求第三方或其他机关意见等，条例 第三十三条). */
export const pausedLabel = '暂停计算';

/** Indexed by JavaScript's getUTCDay(): 0 is Sunday. */
export const weekdayNames = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;

/**
 * A year's 元旦 break can reach back into the last days of the year before: 国办发明电〔2018〕15号
 * made 2018-12-29 a working day and 2018-12-31 a day off. So from this month-day on, a day
 * also depends on next year's notice.
 */
export const nextYearNoticeReachesBackTo = '12-29';
