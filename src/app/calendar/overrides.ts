/**
 * A platform administrator's local changes to the working-day calendar (an extra local
 * holiday, a local make-up day). Each change recomputes every open case's deadlines in the
 * same transaction and is audited.
 */
import type { Actor } from '../../domain/access/policy.ts';
import { can } from '../../domain/access/policy.ts';
import { createWorkingCalendar } from '../../domain/calendar/working-calendar.ts';
import type { IsoDate } from '../../domain/shared/dates.ts';
import { fieldError, ForbiddenError, InputError } from '../../domain/shared/result.ts';
import { listAgencies } from '../../store/agencies.repo.ts';
import { deleteCalendarOverride, upsertCalendarOverride } from '../../store/calendar.repo.ts';
import type { AppContext } from '../context.ts';
import type { Recomputed } from '../requests/recompute.ts';
import { inTransaction } from '../transaction.ts';
import { calendarWith, enteredNotices, loadCalendar, localOverrides, recomputeAfterChange } from './calendar.ts';

export async function mayAdminister(ctx: AppContext, actor: Actor): Promise<void> {
  if (!can(actor, 'platform.administer', null, await listAgencies(ctx.db))) throw new ForbiddenError('只有平台管理员可以调整工作日历');
}

export interface OverrideInput {
  date: string;
  kind: string;
  reason: string;
}

/** Sets the local change of a day, replacing one the day already has. */
export async function setCalendarOverride(ctx: AppContext, actor: Actor, input: OverrideInput): Promise<Recomputed> {
  return writeOverride(ctx, actor, input, true);
}

/** Adds a local change for a day that has none (the calendar screen's form: a second one is refused, not a silent replacement). */
export async function addCalendarOverride(ctx: AppContext, actor: Actor, input: OverrideInput): Promise<Recomputed> {
  return writeOverride(ctx, actor, input, false);
}

async function writeOverride(ctx: AppContext, actor: Actor, input: OverrideInput, replace: boolean): Promise<Recomputed> {
  await mayAdminister(ctx, actor);
  const o = { date: input.date.trim() as IsoDate, kind: input.kind as 'holiday' | 'workingDay', reason: input.reason.trim() };
  return inTransaction(ctx, async (db) => {
    const existing = await localOverrides(db);
    const same = existing.find((x) => x.date === o.date);
    if (same && !replace)
      throw new InputError([
        fieldError(
          'date',
          'GK_CALENDAR_DUPLICATE',
          `${o.date} 已有地方调整（${same.kind === 'holiday' ? '放假' : '上班'}：${same.reason}），如需改动请先撤销原调整`,
        ),
      ]);
    const others = existing.filter((x) => x.date !== o.date);
    const entered = await enteredNotices(db);
    const r = createWorkingCalendar([...others, o], { entered });
    if (!r.ok) throw new InputError(r.errors.map((e) => ({ ...e, field: e.field.replace(/^overrides\[\d+\]\./, '') })));
    const without = createWorkingCalendar(others, { entered });
    const was = without.ok ? without.value.dayStatus(o.date) : null;
    if (was && was.working === (o.kind === 'workingDay')) {
      throw new InputError([
        fieldError('kind', 'GK_CALENDAR_NO_EFFECT', `${o.date} 本来就是${was.working ? '工作日' : `非工作日（${was.label}）`}，这项调整不改变任何期限`),
      ]);
    }
    await upsertCalendarOverride(db, {
      date: o.date,
      working: o.kind === 'workingDay' ? 1 : 0,
      reason: o.reason,
      created_by: actor.id,
      created_at: ctx.now().toISOString(),
    });
    return recomputeAfterChange(db, ctx, actor, r.value, { subjectId: o.date, action: 'calendar.overrideSet', reason: o.reason, payload: { kind: o.kind } });
  });
}

export async function removeCalendarOverride(ctx: AppContext, actor: Actor, date: string, reason: string): Promise<Recomputed> {
  await mayAdminister(ctx, actor);
  if (reason.trim() === '') throw new InputError([fieldError('reason', 'GK_REASON_REQUIRED', '请填写撤销这项地方调整的原因')]);
  return inTransaction(ctx, async (db) => {
    if ((await deleteCalendarOverride(db, date)) !== 1) throw new InputError([fieldError('date', 'GK_NOT_FOUND', `${date} 没有地方调整`)]);
    return recomputeAfterChange(db, ctx, actor, await calendarWith(db), { subjectId: date, action: 'calendar.overrideRemoved', reason: reason.trim() });
  });
}

/**
 * Counts every open case's deadlines again on the calendar as it stands: after a release
 * that adds a year's State Council notice (national arrangements are code), stored due
 * dates and the provisional flag follow it.
 */
export async function recomputeAllDeadlines(ctx: AppContext, actor: Actor): Promise<Recomputed> {
  await mayAdminister(ctx, actor);
  return inTransaction(ctx, async (db) => {
    return recomputeAfterChange(db, ctx, actor, await loadCalendar(db), { subjectId: 'all', action: 'calendar.recomputed', reason: null });
  });
}
