/**
 * A State Council holiday notice entered as data by a platform administrator (for a year the
 * code has none): its particulars and breaks, checked against the statutory holidays of the
 * 放假办法 in force that year before it changes any deadline. Pure: today is an argument.
 */
import { nextYearNoticeReachesBackTo, statutoryHolidays, type StatutoryHoliday, type YearArrangement } from '../../law/calendar/index.ts';
import { isIsoDate, type IsoDate } from '../shared/dates.ts';
import { fail, fieldError, ok, type FieldError, type Result } from '../shared/result.ts';
import { isWeekend, weekdayName } from './days.ts';
import { statutoryYear } from './statutory.ts';

/** As typed: the dates are the tokens of the form's lists, not yet known to be dates. */
export interface NoticeEntry {
  year: number;
  number: string;
  title: string;
  /** 成文日期. */
  date: string;
  url?: string | undefined;
  breaks: readonly { holidays: readonly string[]; weekdaysOff: readonly string[]; makeUpWorkingDays: readonly string[] }[];
}

export interface NoticeEntryContext {
  /** Years the code declares (a release's notices): never entered again. */
  codeYears: readonly number[];
  today: IsoDate;
}

/** Splits a typed list of dates at spaces, commas and 、；. */
export function dateTokens(text: string): string[] {
  return text
    .split(/[\s,，、;；]+/)
    .map((t) => t.trim())
    .filter(Boolean);
}

const isHoliday = (h: string): h is StatutoryHoliday => (statutoryHolidays as readonly string[]).includes(h);
const maxLength = { number: 60, title: 200, url: 500 };

function checkParticulars(e: NoticeEntry, ctx: NoticeEntryContext): FieldError[] {
  const errors: FieldError[] = [];
  const thisYear = Number(ctx.today.slice(0, 4));
  const yearOk = Number.isInteger(e.year) && e.year >= 2008 && e.year <= thisYear + 1;
  if (!yearOk) errors.push(fieldError('year', 'GK_NOTICE_YEAR', `年度应为2008至${thisYear + 1}年之间的年份（放假安排通知通常在上一年发布）`));
  else if (ctx.codeYears.includes(e.year)) errors.push(fieldError('year', 'GK_NOTICE_IN_CODE', `${e.year}年的放假安排通知已收录在程序中，不能再录入`));
  const number = e.number.trim();
  if (number === '') errors.push(fieldError('number', 'GK_REQUIRED', '请填写通知的发文字号（如 国办发明电〔2025〕7号）'));
  else if (number.length > maxLength.number) errors.push(fieldError('number', 'GK_TOO_LONG', `发文字号不能超过${maxLength.number}个字`));
  const title = e.title.trim();
  if (title === '') errors.push(fieldError('title', 'GK_REQUIRED', '请填写通知的标题'));
  else if (title.length > maxLength.title) errors.push(fieldError('title', 'GK_TOO_LONG', `标题不能超过${maxLength.title}个字`));
  else if (yearOk && !title.includes(`${e.year}年`))
    errors.push(fieldError('title', 'GK_NOTICE_TITLE', `标题应写明年度“${e.year}年”（如 国务院办公厅关于${e.year}年部分节假日安排的通知）`));
  const date = e.date.trim();
  if (!isIsoDate(date)) errors.push(fieldError('date', 'GK_DATE', `成文日期“${date}”不是有效日期，请按 YYYY-MM-DD 填写`));
  else if (date > ctx.today) errors.push(fieldError('date', 'GK_NOTICE_DATE', `成文日期${date}晚于今天（${ctx.today}），请核对`));
  else if (yearOk && date < `${e.year - 1}-01-01`)
    errors.push(fieldError('date', 'GK_NOTICE_DATE', `成文日期${date}早于${e.year - 1}年，不像是${e.year}年的放假安排通知`));
  const url = e.url?.trim() ?? '';
  if (url !== '' && (!/^https?:\/\/[^\s/]+\.[^\s]+$/.test(url) || url.length > maxLength.url))
    errors.push(fieldError('url', 'GK_URL', '网址应以 http:// 或 https:// 开头（可不填）'));
  return errors;
}

interface CleanBreak {
  holidays: StatutoryHoliday[];
  weekdaysOff: IsoDate[];
  makeUpWorkingDays: IsoDate[];
}

/** Each list's tokens: dates in the notice's reach (the year, or 12-29…12-31 before it), on the right kind of day, none twice. */
function checkDays(e: NoticeEntry): { errors: FieldError[]; breaks: CleanBreak[] } {
  const errors: FieldError[] = [];
  const seen = new Map<IsoDate, string>();
  const reachBack = `${e.year - 1}-${nextYearNoticeReachesBackTo}`;
  const inReach = (d: IsoDate) => d.startsWith(`${e.year}-`) || (d >= reachBack && d <= `${e.year - 1}-12-31`);
  const breaks = e.breaks.map((b, i) => {
    const list = (tokens: readonly string[], key: 'weekdaysOff' | 'makeUpWorkingDays'): IsoDate[] => {
      const field = `breaks[${i}].${key}`;
      const what = key === 'weekdaysOff' ? '放假日' : '调休上班日';
      const dates: IsoDate[] = [];
      for (const t of tokens) {
        if (!isIsoDate(t)) errors.push(fieldError(field, 'GK_DATE', `第${i + 1}项的${what}“${t}”不是有效日期，请按 YYYY-MM-DD 填写`));
        else if (!inReach(t))
          errors.push(
            fieldError(
              field,
              'GK_NOTICE_RANGE',
              `第${i + 1}项的${what}${t}不在${e.year}年内（只有元旦可以提前到上一年12月${nextYearNoticeReachesBackTo.slice(3)}日起）`,
            ),
          );
        else if (key === 'weekdaysOff' && isWeekend(t))
          errors.push(fieldError(field, 'GK_NOTICE_WEEKEND_OFF', `第${i + 1}项的放假日${t}是${weekdayName(t)}，本来就休息；只列周一至周五放假的日子`));
        else if (key === 'makeUpWorkingDays' && !isWeekend(t))
          errors.push(fieldError(field, 'GK_NOTICE_WEEKDAY_WORK', `第${i + 1}项的调休上班日${t}是${weekdayName(t)}；调休上班日只能是星期六或星期日`));
        else if (seen.has(t)) errors.push(fieldError(field, 'GK_NOTICE_TWICE', `${t} 已列为${seen.get(t)}，同一天不能列两次`));
        else {
          seen.set(t, `第${i + 1}项的${what}`);
          dates.push(t);
        }
      }
      return dates.sort();
    };
    const holidays = b.holidays.map((h) => h.trim()).filter(Boolean);
    const field = `breaks[${i}].holidays`;
    for (const h of holidays) if (!isHoliday(h)) errors.push(fieldError(field, 'GK_NOTICE_HOLIDAY', `第${i + 1}项的节日“${h}”不是全体公民放假的节日`));
    if (!holidays.length) errors.push(fieldError(field, 'GK_NOTICE_HOLIDAY', `第${i + 1}项没有选择节日`));
    return {
      holidays: holidays.filter(isHoliday),
      weekdaysOff: list(b.weekdaysOff, 'weekdaysOff'),
      makeUpWorkingDays: list(b.makeUpWorkingDays, 'makeUpWorkingDays'),
    };
  });
  return { errors, breaks };
}

/** Every holiday in one item; its statutory days on weekdays off in that item, with 补假 for those on a weekend (第六条). */
function checkStatutory(year: number, breaks: readonly CleanBreak[]): FieldError[] {
  const errors: FieldError[] = [];
  const statutory = statutoryYear(year);
  if (!statutory) return errors;
  const itemOf = new Map<StatutoryHoliday, number>();
  for (const [i, b] of breaks.entries()) {
    for (const h of b.holidays) {
      if (itemOf.has(h)) errors.push(fieldError(`breaks[${i}].holidays`, 'GK_NOTICE_HOLIDAY_TWICE', `${h}已在第${itemOf.get(h)! + 1}项中，每个节日只列一次`));
      else itemOf.set(h, i);
    }
  }
  const missing = statutoryHolidays.filter((h) => !itemOf.has(h));
  if (missing.length) errors.push(fieldError('breaks', 'GK_NOTICE_HOLIDAY_MISSING', `通知的放假安排缺少${missing.join('、')}，请逐项录入全部七个节日`));
  // With a holiday in two items, which item owes its days is unclear: say that first.
  if (errors.length > (missing.length ? 1 : 0)) return errors;
  const { measures } = statutory;
  const allOff = new Set(breaks.flatMap((b) => b.weekdaysOff));
  breaks.forEach((b, i) => {
    const days = statutory.days.filter((d) => b.holidays.includes(d.holiday));
    const notOff = days.filter((d) => !isWeekend(d.date) && !allOff.has(d.date));
    for (const d of notOff) {
      const rule = measures.holidays.find((h) => h.holiday === d.holiday)!;
      errors.push(
        fieldError(
          `breaks[${i}].weekdaysOff`,
          'GK_NOTICE_STATUTORY_DAY',
          `${d.date}（${weekdayName(d.date)}）是${d.holiday}的法定假日（《${measures.title}》${measures.decree}：${d.holiday}${rule.text}），第${i + 1}项应列为放假日`,
        ),
      );
    }
    const owed = new Set(days.map((d) => d.date)).size;
    // A day said missing above already explains a short list.
    if (!notOff.length && b.weekdaysOff.length < owed) {
      errors.push(
        fieldError(
          `breaks[${i}].weekdaysOff`,
          'GK_NOTICE_MAKE_UP',
          `第${i + 1}项（${b.holidays.join('、')}）法定假日${owed}天，放假的工作日只列了${b.weekdaysOff.length}天：${measures.makeUpRule}，请核对通知`,
        ),
      );
    }
  });
  return errors;
}

/** The entry as the calendar's data, or every reason it cannot be, each naming its field. */
export function checkNoticeEntry(e: NoticeEntry, ctx: NoticeEntryContext): Result<YearArrangement> {
  const particulars = checkParticulars(e, ctx);
  if (!e.breaks.length) particulars.push(fieldError('breaks', 'GK_NOTICE_HOLIDAY_MISSING', '请录入通知中各节日的放假安排'));
  if (particulars.some((x) => x.field === 'year')) return fail(...particulars);
  const { errors, breaks } = checkDays(e);
  const all = [...particulars, ...errors, ...(errors.length || !breaks.length ? [] : checkStatutory(e.year, breaks))];
  if (all.length) return fail(...all);
  const url = e.url?.trim();
  return ok({
    year: e.year,
    notice: { number: e.number.trim(), title: e.title.trim(), date: e.date.trim(), ...(url ? { url } : {}) },
    breaks: breaks.map((b) => ({ holidays: b.holidays, weekdaysOff: b.weekdaysOff, makeUpWorkingDays: b.makeUpWorkingDays })),
  });
}
