/**
 * The statutory working-day calendar (spec §2.4, §6): Monday to Friday, less the weekdays a
 * State Council notice gives off, plus its 调休上班 weekend days, plus a locality's own
 * overrides. A year without a notice in the data counts weekends only, and every day that
 * depends on it says so (pendingNoticeYear) rather than passing as settled.
 */
import { holidayArrangements, dayKinds, nextYearNoticeReachesBackTo, type DayKind, type YearArrangement } from '../../law/calendar/index.ts';
import { isIsoDate, yearOf, type IsoDate } from '../shared/dates.ts';
import { fail, fieldError, ok, type FieldError, type Result } from '../shared/result.ts';
import { isWeekend } from './days.ts';

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
  /** The notice that made the day what it is (国办发明电〔2025〕7号), if one did. */
  notice?: string;
  /** A year whose notice this day depends on and the calendar lacks: counted by weekends only. */
  pendingNoticeYear?: number;
}

export interface WorkingCalendar {
  readonly declaredYears: readonly number[];
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
  const makeUp = (label: string, notice: string): Declared => ({ kind: 'makeUpWorkingDay', working: true, label: `${dayKinds.makeUpWorkingDay.label}（${label}）`, notice });
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
    if (o.kind !== 'holiday' && o.kind !== 'workingDay') errors.push(fieldError(`${field}.kind`, 'GK_CALENDAR_KIND', `地方调整的类别“${String(o.kind)}”无效，应为放假或上班`));
    if (o.reason.trim() === '') errors.push(fieldError(`${field}.reason`, 'GK_CALENDAR_REASON', `${o.date} 的地方调整缺少理由`));
  });
  return errors;
}

export function createWorkingCalendar(
  overrides: readonly LocalOverride[] = [],
  arrangements: readonly YearArrangement[] = holidayArrangements,
): Result<WorkingCalendar> {
  const errors = checkLocalOverrides(overrides);
  if (errors.length) return fail(...errors);
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

  // A day's status is asked for again and again (every open case's deadlines are counted
  // over the same weeks): each is made once per calendar and shared, frozen.
  const known = new Map<IsoDate, DayStatus>();
  function dayStatus(date: IsoDate): DayStatus {
    const seen = known.get(date);
    if (seen) return seen;
    const pending = pendingNoticeYear(date);
    const declared: Declared = days.get(date) ?? (isWeekend(date) ? { kind: 'weekend', working: false, label: dayKinds.weekend.label } : { kind: 'weekday', working: true, label: dayKinds.weekday.label });
    const status = Object.freeze(pending === undefined ? { date, ...declared } : { date, ...declared, pendingNoticeYear: pending });
    if (known.size < rememberedDays) known.set(date, status);
    return status;
  }

  return ok({
    declaredYears: [...byYear.keys()].sort((a, b) => a - b),
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

/** The State Council's calendar with no local overrides. */
export const nationalCalendar: WorkingCalendar = built(createWorkingCalendar());
