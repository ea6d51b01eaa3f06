/**
 * The shape of a year's holiday arrangement as the State Council's notice
 * (国务院办公厅关于某年部分节假日安排的通知) declares it. Dates are ISO text (YYYY-MM-DD).
 */

/** The holidays of 《全国年节及纪念日放假办法》 that every citizen has off. */
export const statutoryHolidays = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'] as const;
export type StatutoryHoliday = (typeof statutoryHolidays)[number];

export interface HolidayNotice {
  /** 发文字号, e.g. 国办发明电〔2025〕7号. */
  number: string;
  title: string;
  /** 成文日期. */
  date: string;
  url?: string;
}

/** One item of a notice: one holiday, or two combined (中秋节、国庆节), as the notice names it. */
export interface HolidayBreak {
  holidays: readonly StatutoryHoliday[];
  /** Monday–Friday days off; weekend days inside the break are off anyway and not listed. */
  weekdaysOff: readonly string[];
  /** Saturdays and Sundays that are working days (调休上班). */
  makeUpWorkingDays: readonly string[];
}

/** A later notice changing one item of the year's arrangement, applied on top of it. */
export interface NoticeAmendment {
  notice: HolidayNotice;
  holidays: readonly StatutoryHoliday[];
  summary: string;
  weekdaysOff?: readonly string[];
  makeUpWorkingDays?: readonly string[];
  /** 调休上班 days the amendment turned back into days off. */
  makeUpWorkingDaysCancelled?: readonly string[];
}

export interface YearArrangement {
  year: number;
  notice: HolidayNotice;
  breaks: readonly HolidayBreak[];
  amendments?: readonly NoticeAmendment[];
  /** What the notice says that does not change the calendar. */
  notes?: readonly string[];
}
