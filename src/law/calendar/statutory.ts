/**
 * The statutory holidays of 《全国年节及纪念日放假办法》 (第二条: the holidays every citizen
 * has off), version by version. They are known years ahead; only the 调休 arrangement
 * around them waits for the State Council's notice. A year without a notice counts these
 * days off (lunar and solar-term dates computed) and stays provisional.
 *
 * Decree numbers, dates and texts verified (2026-12) against the published decisions:
 * 国务院令第513号 (2007-12-14, in force 2008-01-01), 国务院令第644号 (2013-12-11, in force
 * 2014-01-01; text on www.gov.cn/zhuanti/2013-12/11/content_2610576.htm) and 国务院令第795号
 * (2024-11-10, in force 2025-01-01: 春节 4 days from 除夕, 劳动节 2 days).
 *
 * No 补假: 第六条 says a holiday falling on a Saturday or Sunday is made up on a working day
 * (在工作日补假), but which day is the notice's decision. A provisional year counts the
 * statutory days themselves and nothing for a holiday on a weekend; its deadlines say they
 * are provisional, and are counted again when the notice is in the calendar.
 */
import type { StatutoryHoliday } from './types.ts';

/** How the decree names a day: a solar date, a lunar date, 除夕, or the solar term 清明. */
export type StatutoryDayRule =
  | { calendar: 'solar'; month: number; day: number }
  | { calendar: 'lunar'; month: number; day: number }
  /** 农历除夕: the last day of the twelfth lunar month (its 29th or 30th). */
  | { calendar: 'lunarNewYearsEve' }
  | { calendar: 'solarTerm'; term: '清明' };

export interface StatutoryHolidayRule {
  holiday: StatutoryHoliday;
  /** The decree's words, e.g. 放假4天（农历除夕、正月初一至初三）. */
  text: string;
  days: readonly StatutoryDayRule[];
}

export interface HolidayMeasures {
  title: string;
  /** The decree that gave this version: 国务院令第795号. */
  decree: string;
  /** 公布日期 of the decree. */
  promulgated: string;
  /** In force from 1 January of this year. */
  effectiveFrom: string;
  holidays: readonly StatutoryHolidayRule[];
  /** 第六条: the 补假 a holiday on a weekend is owed; the notice places it. */
  makeUpRule: string;
}

const solar = (month: number, day: number): StatutoryDayRule => ({ calendar: 'solar', month, day });
const lunar = (month: number, day: number): StatutoryDayRule => ({ calendar: 'lunar', month, day });
const newYearsEve: StatutoryDayRule = { calendar: 'lunarNewYearsEve' };
const qingming: StatutoryDayRule = { calendar: 'solarTerm', term: '清明' };

const unchanged = {
  newYear: { holiday: '元旦', text: '放假1天（1月1日）', days: [solar(1, 1)] },
  qingming: { holiday: '清明节', text: '放假1天（农历清明当日）', days: [qingming] },
  dragonBoat: { holiday: '端午节', text: '放假1天（农历端午当日）', days: [lunar(5, 5)] },
  midAutumn: { holiday: '中秋节', text: '放假1天（农历中秋当日）', days: [lunar(8, 15)] },
  national: { holiday: '国庆节', text: '放假3天（10月1日、2日、3日）', days: [solar(10, 1), solar(10, 2), solar(10, 3)] },
} as const satisfies Record<string, StatutoryHolidayRule>;

const title = '全国年节及纪念日放假办法';
const makeUpRule = '全体公民放假的假日，如果适逢星期六、星期日，应当在工作日补假';

/** Oldest first; each applies from its effectiveFrom until the next one's. */
export const holidayMeasures: readonly HolidayMeasures[] = [
  {
    title,
    decree: '国务院令第513号',
    promulgated: '2007-12-14',
    effectiveFrom: '2008-01-01',
    holidays: [
      unchanged.newYear,
      { holiday: '春节', text: '放假3天（农历除夕、正月初一、初二）', days: [newYearsEve, lunar(1, 1), lunar(1, 2)] },
      unchanged.qingming,
      { holiday: '劳动节', text: '放假1天（5月1日）', days: [solar(5, 1)] },
      unchanged.dragonBoat,
      unchanged.midAutumn,
      unchanged.national,
    ],
    makeUpRule,
  },
  {
    title,
    decree: '国务院令第644号',
    promulgated: '2013-12-11',
    effectiveFrom: '2014-01-01',
    holidays: [
      unchanged.newYear,
      { holiday: '春节', text: '放假3天（农历正月初一、初二、初三）', days: [lunar(1, 1), lunar(1, 2), lunar(1, 3)] },
      unchanged.qingming,
      { holiday: '劳动节', text: '放假1天（5月1日）', days: [solar(5, 1)] },
      unchanged.dragonBoat,
      unchanged.midAutumn,
      unchanged.national,
    ],
    makeUpRule,
  },
  {
    title,
    decree: '国务院令第795号',
    promulgated: '2024-11-10',
    effectiveFrom: '2025-01-01',
    holidays: [
      unchanged.newYear,
      { holiday: '春节', text: '放假4天（农历除夕、正月初一至初三）', days: [newYearsEve, lunar(1, 1), lunar(1, 2), lunar(1, 3)] },
      unchanged.qingming,
      { holiday: '劳动节', text: '放假2天（5月1日、2日）', days: [solar(5, 1), solar(5, 2)] },
      unchanged.dragonBoat,
      unchanged.midAutumn,
      unchanged.national,
    ],
    makeUpRule,
  },
];

/** What a day off counted from the decree alone says, until the year's notice is in the calendar. */
export const provisionalHolidayNote = '暂定（尚未发布放假安排通知）';
