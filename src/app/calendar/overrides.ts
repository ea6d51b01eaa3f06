/**
 * A platform administrator's local changes to the working-day calendar (an extra local
 * holiday, a local make-up day). Each change recomputes every open case's deadlines in the
 * same transaction and is audited.
 */
import type { Actor } from '../../domain/access/policy.ts';
import { can } from '../../domain/access/policy.ts';
import { createWorkingCalendar } from '../../domain/calendar/working-calendar.ts';
import { chinaDate, type IsoDate } from '../../domain/shared/dates.ts';
import { fieldError, ForbiddenError, InputError } from '../../domain/shared/result.ts';
import { listAgencies } from '../../store/agencies.repo.ts';
import { deleteCalendarOverride, upsertCalendarOverride } from '../../store/calendar.repo.ts';
import { appendEvent } from '../../store/events.repo.ts';
import type { AppContext } from '../context.ts';
import { recomputeOpenDeadlines, type Recomputed } from '../requests/recompute.ts';
import { inTransaction } from '../transaction.ts';
import { localOverrides } from './calendar.ts';

async function mayAdminister(ctx: AppContext, actor: Actor): Promise<void> {
  if (!can(actor, 'platform.administer', null, await listAgencies(ctx.db))) throw new ForbiddenError('只有平台管理员可以调整工作日历');
}

export async function setCalendarOverride(ctx: AppContext, actor: Actor, input: { date: string; kind: string; reason: string }): Promise<Recomputed> {
  await mayAdminister(ctx, actor);
  const o = { date: input.date.trim() as IsoDate, kind: input.kind as 'holiday' | 'workingDay', reason: input.reason.trim() };
  return inTransaction(ctx, async (db) => {
    const others = (await localOverrides(db)).filter((x) => x.date !== o.date);
    const r = createWorkingCalendar([...others, o]);
    if (!r.ok) throw new InputError(r.errors.map((e) => ({ ...e, field: e.field.replace(/^overrides\[\d+\]\./, '') })));
    const at = ctx.now().toISOString();
    await upsertCalendarOverride(db, { date: o.date, working: o.kind === 'workingDay' ? 1 : 0, reason: o.reason, created_by: actor.id, created_at: at });
    const result = await recomputeOpenDeadlines(db, r.value, chinaDate(ctx.now()), at, actor.id);
    await appendEvent(db, { occurredAt: at, actorId: actor.id, agencyId: null, subjectType: 'calendar', subjectId: o.date, action: 'calendar.overrideSet', reason: o.reason, payload: { kind: o.kind, ...result } });
    return result;
  });
}

export async function removeCalendarOverride(ctx: AppContext, actor: Actor, date: string, reason: string): Promise<Recomputed> {
  await mayAdminister(ctx, actor);
  if (reason.trim() === '') throw new InputError([fieldError('reason', 'GK_REASON_REQUIRED', '请填写撤销这项地方调整的原因')]);
  return inTransaction(ctx, async (db) => {
    if ((await deleteCalendarOverride(db, date)) !== 1) throw new InputError([fieldError('date', 'GK_NOT_FOUND', `${date} 没有地方调整`)]);
    const r = createWorkingCalendar(await localOverrides(db));
    if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('；'));
    const at = ctx.now().toISOString();
    const result = await recomputeOpenDeadlines(db, r.value, chinaDate(ctx.now()), at, actor.id);
    await appendEvent(db, { occurredAt: at, actorId: actor.id, agencyId: null, subjectType: 'calendar', subjectId: date, action: 'calendar.overrideRemoved', reason: reason.trim(), payload: result });
    return result;
  });
}
