/**
 * A year's State Council holiday notice entered as data by a platform administrator, for a
 * year the code has none (a county need not wait for a release): entered, corrected (a new
 * version replacing the current one, with a reason) or removed (with a reason). Each is one
 * transaction that checks the notice against the statutory days, writes it, recomputes every
 * open case's deadlines as a local change does, and is audited.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../domain/access/policy.ts';
import { checkNoticeEntry, type NoticeEntry } from '../../domain/calendar/notice-entry.ts';
import { chinaDate } from '../../domain/shared/dates.ts';
import { fieldError, InputError } from '../../domain/shared/result.ts';
import { holidayArrangements, type YearArrangement } from '../../law/calendar/index.ts';
import { currentHolidayNotices, endHolidayNotice, insertHolidayNotice, lastHolidayNoticeVersion } from '../../store/calendar.repo.ts';
import type { DB } from '../../store/schema.ts';
import type { AppContext } from '../context.ts';
import type { Recomputed } from '../requests/recompute.ts';
import { inTransaction } from '../transaction.ts';
import { calendarWith, recomputeAfterChange } from './calendar.ts';
import { mayAdminister } from './overrides.ts';

/** As the form sends it: the year as typed, the breaks' dates as tokens. */
export interface NoticeInput extends Omit<NoticeEntry, 'year'> {
  year: string | number;
}

export interface NoticeChange extends Recomputed {
  year: number;
  version: number;
}

function yearOf(value: string | number): number {
  const year = typeof value === 'number' ? value : /^\s*\d{4}\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(year)) throw new InputError([fieldError('year', 'GK_NOTICE_YEAR', `年度“${String(value).trim()}”应为四位数字的年份`)]);
  return year;
}

function requireReason(reason: string, what: string): string {
  if (reason.trim() === '') throw new InputError([fieldError('reason', 'GK_REASON_REQUIRED', `请填写${what}的原因`)]);
  return reason.trim();
}

/** The input checked against the statutory days; InputError naming each field otherwise. */
function checked(ctx: AppContext, input: NoticeInput, year: number): YearArrangement {
  const r = checkNoticeEntry({ ...input, year }, { codeYears: holidayArrangements.map((a) => a.year), today: chinaDate(ctx.now()) });
  if (!r.ok) throw new InputError(r.errors);
  return r.value;
}

async function write(db: Kysely<DB>, ctx: AppContext, actor: Actor, a: YearArrangement, reason: string | null): Promise<number> {
  const version = (await lastHolidayNoticeVersion(db, a.year)) + 1;
  await insertHolidayNotice(db, {
    year: a.year,
    version,
    number: a.notice.number,
    title: a.notice.title,
    notice_date: a.notice.date,
    url: a.notice.url ?? null,
    breaks: JSON.stringify(a.breaks),
    status: 'current',
    reason,
    entered_by: actor.id,
    entered_at: ctx.now().toISOString(),
    ended_by: null,
    ended_at: null,
    end_reason: null,
  });
  return version;
}

async function isEntered(db: Kysely<DB>, year: number): Promise<boolean> {
  return (await currentHolidayNotices(db)).some((r) => Number(r.year) === year);
}

/** Enters the notice of a year that has none, in code or entered. */
export async function enterHolidayNotice(ctx: AppContext, actor: Actor, input: NoticeInput): Promise<NoticeChange> {
  await mayAdminister(ctx, actor);
  const year = yearOf(input.year);
  return inTransaction(ctx, async (db) => {
    if (await isEntered(db, year))
      throw new InputError([fieldError('year', 'GK_NOTICE_DUPLICATE', `${year}年的放假安排通知已经录入；如有错误请更正或撤销已录入的通知`)]);
    const a = checked(ctx, input, year);
    const version = await write(db, ctx, actor, a, null);
    const r = await recomputeAfterChange(db, ctx, actor, await calendarWith(db), {
      subjectId: `notice-${year}`,
      action: 'calendar.noticeEntered',
      reason: null,
      payload: { year, version, number: a.notice.number },
    });
    return { ...r, year, version };
  });
}

/** Replaces the entered notice of a year with a corrected one; the replaced version is kept. */
export async function correctHolidayNotice(ctx: AppContext, actor: Actor, input: NoticeInput, reason: string): Promise<NoticeChange> {
  await mayAdminister(ctx, actor);
  const year = yearOf(input.year);
  const why = requireReason(reason, '更正');
  return inTransaction(ctx, async (db) => {
    if (!(await isEntered(db, year))) throw new InputError([fieldError('year', 'GK_NOT_FOUND', `${year}年没有录入的放假安排通知可以更正`)]);
    const a = checked(ctx, input, year);
    await endHolidayNotice(db, year, { status: 'replaced', ended_by: actor.id, ended_at: ctx.now().toISOString(), end_reason: why });
    const version = await write(db, ctx, actor, a, why);
    const r = await recomputeAfterChange(db, ctx, actor, await calendarWith(db), {
      subjectId: `notice-${year}`,
      action: 'calendar.noticeCorrected',
      reason: why,
      payload: { year, version, number: a.notice.number },
    });
    return { ...r, year, version };
  });
}

/** Removes the entered notice of a year: the year is provisional again, counted by the statutory days. */
export async function removeHolidayNotice(ctx: AppContext, actor: Actor, yearInput: string | number, reason: string): Promise<NoticeChange> {
  await mayAdminister(ctx, actor);
  const year = yearOf(yearInput);
  const why = requireReason(reason, '撤销这份通知');
  return inTransaction(ctx, async (db) => {
    const version = await lastHolidayNoticeVersion(db, year);
    const ended = await endHolidayNotice(db, year, { status: 'removed', ended_by: actor.id, ended_at: ctx.now().toISOString(), end_reason: why });
    if (ended !== 1) throw new InputError([fieldError('year', 'GK_NOT_FOUND', `${year}年没有录入的放假安排通知可以撤销`)]);
    const r = await recomputeAfterChange(db, ctx, actor, await calendarWith(db), {
      subjectId: `notice-${year}`,
      action: 'calendar.noticeRemoved',
      reason: why,
      payload: { year, version },
    });
    return { ...r, year, version };
  });
}
