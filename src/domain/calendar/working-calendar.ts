/**
 * The statutory working-day calendar (spec §2.4, §6): Monday to Friday, less the weekdays a
 * State Council notice gives off, plus its 调休上班 weekend days, plus a locality's own
 * overrides. The notices are the ones in code (src/law/calendar) and the ones a platform
 * administrator entered as data. A year without a notice counts the statutory holidays of
 * 《全国年节及纪念日放假办法》 in force that year (no 补假, no 调休: the notice decides those),
 * and every day that depends on it says so (pendingNoticeYear) rather than passing as settled.
 */
import { holidayArrangements, dayKinds, nextYearNoticeReachesBackTo, type DayKind, type YearArrangement } from '../../law/calendar/index.ts';
import { isIsoDate, yearOf, type IsoDate } from '../shared/dates.ts';
import { fail, fieldError, ok, type FieldError, type Result } from '../shared/result.ts';
import { isWeekend } from './days.ts';
import { statutoryYear } from './statutory.ts';

/** A day a locality adds off (e.g. a county's own holiday) or adds as working, with why. */
export interface LocalOverride {
  date: IsoDate;
  kind: 'holiday' | 'workingDay';
  reason: string;
}

export interface DayStatus {
  date: IsoDate;
  kind: DayKind;
  working: boolean;
  /** 工作日, 周末, 春节, 调休上班（春节）, 地方假日：… */
  label: string;
  /**
   * What made the day what it is: the notice (国办发明电〔2025〕7号), or in a year without one
   * the decree whose statutory holiday it is (国务院令第795号).
   */
  notice?: string;
  /** A year whose notice this day depends on and the calendar lacks: counted by weekends only. */
  pendingNoticeYear?: number;
}

export interface WorkingCalendar {
  /** Years with a notice, in code or entered. */
  readonly declaredYears: readonly number[];
  /** Years whose notice a platform administrator entered as data (none of them in code). */
  readonly enteredYears: readonly number[];
  arrangement(year: number): YearArrangement | undefined;
  dayStatus(date: IsoDate): DayStatus;
  isWorkingDay(date: IsoDate): boolean;
  /** Why the day is not a working day (周末, the holiday's name, 地方假日：…); null on a working day. */
  nonWorkingReason(date: IsoDate): string | null;
}

type Declared = Omit<DayStatus, 'date' | 'pendingNoticeYear'>;

function declaredDays(arrangements: readonly YearArrangement[]): Map<IsoDate, Declared> {
  const days = new Map<IsoDate, Declared>();
  const holiday = (label: string, notice: string): Declared => ({ kind: 'statutoryHoliday', working: false, label, notice });
  const makeUp = (label: string, notice: string): Declared => ({
    kind: 'makeUpWorkingDay',
    working: true,
    label: `${dayKinds.makeUpWorkingDay.label}（${label}）`,
    notice,
  });
  for (const a of arrangements) {
    for (const b of a.breaks) {
      const label = b.holidays.join('、');
      for (const d of b.weekdaysOff) days.set(d, holiday(label, a.notice.number));
      for (const d of b.makeUpWorkingDays) days.set(d, makeUp(label, a.notice.number));
    }
    for (const m of a.amendments ?? []) {
      const label = m.holidays.join('、');
      for (const d of m.weekdaysOff ?? []) days.set(d, holiday(label, m.notice.number));
      for (const d of m.makeUpWorkingDays ?? []) days.set(d, makeUp(label, m.notice.number));
      for (const d of m.makeUpWorkingDaysCancelled ?? []) days.delete(d);
    }
  }
  return days;
}

export function checkLocalOverrides(overrides: readonly LocalOverride[]): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  overrides.forEach((o, i) => {
    const field = `overrides[${i}]`;
    if (!isIsoDate(o.date)) errors.push(fieldError(`${field}.date`, 'GK_DATE', `地方调整的日期“${o.date}”不是有效日期（YYYY-MM-DD）`));
    else if (seen.has(o.date)) errors.push(fieldError(`${field}.date`, 'GK_CALENDAR_DUPLICATE', `${o.date} 有两条地方调整，只能保留一条`));
    seen.add(o.date);
    if (o.kind !== 'holiday' && o.kind !== 'workingDay')
      errors.push(fieldError(`${field}.kind`, 'GK_CALENDAR_KIND', `地方调整的类别“${String(o.kind)}”无效，应为放假或上班`));
    if (o.reason.trim() === '') errors.push(fieldError(`${field}.reason`, 'GK_CALENDAR_REASON', `${o.date} 的地方调整缺少理由`));
  });
  return errors;
}

export interface CalendarNotices {
  /** The notices in code; the law data by default. */
  code?: readonly YearArrangement[];
  /** Notices a platform administrator entered; one for a year the code declares is ignored (a release that adds the year replaces it). */
  entered?: readonly YearArrangement[];
}

/** A year's statutory days by date (a day can be two holidays: 中秋节 on 10月1日). */
function statutoryDates(year: number): Map<IsoDate, Declared> {
  const s = statutoryYear(year);
  const byDate = new Map<IsoDate, Declared>();
  for (const d of s?.days ?? []) {
    const label = byDate.has(d.date) ? `${byDate.get(d.date)!.label}、${d.holiday}` : d.holiday;
    byDate.set(d.date, { kind: 'statutoryHoliday', working: false, label, notice: s!.measures.decree });
  }
  return byDate;
}

export function createWorkingCalendar(overrides: readonly LocalOverride[] = [], notices: CalendarNotices = {}): Result<WorkingCalendar> {
  const errors = checkLocalOverrides(overrides);
  if (errors.length) return fail(...errors);
  const code = notices.code ?? holidayArrangements;
  const codeYears = new Set(code.map((a) => a.year));
  const entered = (notices.entered ?? []).filter((a) => !codeYears.has(a.year));
  const arrangements = [...code, ...entered];
  const days = declaredDays(arrangements);
  for (const o of overrides) {
    const kind = o.kind === 'holiday' ? 'localHoliday' : 'localWorkingDay';
    days.set(o.date, { kind, working: dayKinds[kind].working, label: `${dayKinds[kind].label}：${o.reason.trim()}` });
  }
  const byYear = new Map(arrangements.map((a) => [a.year, a]));

  function pendingNoticeYear(date: IsoDate): number | undefined {
    const year = yearOf(date);
    if (!byYear.has(year)) return year;
    if (date.slice(5) >= nextYearNoticeReachesBackTo && !byYear.has(year + 1)) return year + 1;
    return undefined;
  }

  const statutory = new Map<number, Map<IsoDate, Declared>>();
  function provisionalDay(date: IsoDate): Declared | undefined {
    const year = yearOf(date);
    let found = statutory.get(year);
    if (!found) statutory.set(year, (found = statutoryDates(year)));
    return found.get(date);
  }

  // A day's status is asked for again and again (every open case's deadlines are counted
  // over the same weeks): each is made once per calendar and shared, frozen.
  const known = new Map<IsoDate, DayStatus>();
  function dayStatus(date: IsoDate): DayStatus {
    const seen = known.get(date);
    if (seen) return seen;
    const pending = pendingNoticeYear(date);
    const declared: Declared =
      days.get(date) ??
      (byYear.has(yearOf(date)) ? undefined : provisionalDay(date)) ??
      (isWeekend(date)
        ? { kind: 'weekend', working: false, label: dayKinds.weekend.label }
        : { kind: 'weekday', working: true, label: dayKinds.weekday.label });
    const status = Object.freeze(pending === undefined ? { date, ...declared } : { date, ...declared, pendingNoticeYear: pending });
    if (known.size < rememberedDays) known.set(date, status);
    return status;
  }

  return ok({
    declaredYears: [...byYear.keys()].sort((a, b) => a - b),
    enteredYears: entered.map((a) => a.year).sort((a, b) => a - b),
    arrangement: (year) => byYear.get(year),
    dayStatus,
    isWorkingDay: (date) => dayStatus(date).working,
    nonWorkingReason: (date) => {
      const s = dayStatus(date);
      return s.working ? null : s.label;
    },
  });
}

/** Days remembered per calendar (a few centuries: far more than any count looks at). */
const rememberedDays = 100_000;

function built(r: Result<WorkingCalendar>): WorkingCalendar {
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('；'));
  return r.value;
}

/** The State Council's calendar as the code declares it, with no local overrides or entered notices. */
export const nationalCalendar: WorkingCalendar = built(createWorkingCalendar());
