/**
 * The county's default 补正期限 (条例 第三十条: a reasonable period, within the bounds of
 * `correctionPeriod`): one per county, for every agency under it, kept in `settings`; set by
 * the county's supervisor or the platform administrator, audited. A case may differ from it
 * with a recorded reason (src/domain/requests/procedure.ts).
 */
import type { Kysely } from 'kysely';
import { can, type Actor } from '../../domain/access/policy.ts';
import type { Agency } from '../../domain/agencies/agency.ts';
import { fieldError, InputError, NotFoundError } from '../../domain/shared/result.ts';
import { correctionPeriod } from '../../law/request-workflow.ts';
import { listAgencies } from '../../store/agencies.repo.ts';
import { appendEvent } from '../../store/events.repo.ts';
import type { DB } from '../../store/schema.ts';
import { getSetting, setSetting } from '../../store/settings.repo.ts';
import type { AppContext } from '../context.ts';
import { inTransaction } from '../transaction.ts';

const key = (countyId: number) => `requests.correctionWorkingDays.${countyId}`;

/** The county (the root of the tree) an agency belongs to. */
export function countyOf(tree: readonly Agency[], agencyId: number): Agency | undefined {
  let a = tree.find((x) => x.id === agencyId);
  while (a && a.parentId !== null) {
    const parentId: number = a.parentId;
    a = tree.find((x) => x.id === parentId);
  }
  return a;
}

const inBounds = (n: number) => Number.isInteger(n) && n >= correctionPeriod.minWorkingDays && n <= correctionPeriod.maxWorkingDays;

/** The default 补正期限 in working days of the county `agencyId` belongs to. */
export async function correctionDefaultDays(db: Kysely<DB>, agencyId: number): Promise<number> {
  const county = countyOf(await listAgencies(db), agencyId);
  const stored = county ? Number(await getSetting(db, key(county.id))) : Number.NaN;
  return inBounds(stored) ? stored : correctionPeriod.defaultWorkingDays;
}

export async function maySetCorrectionDefault(ctx: AppContext, actor: Actor, countyId: number): Promise<boolean> {
  return can(actor, 'county.supervise', countyId, await listAgencies(ctx.db));
}

export async function saveCorrectionDefault(ctx: AppContext, actor: Actor, countyId: number, raw: string): Promise<number> {
  const tree = await listAgencies(ctx.db);
  const county = tree.find((a) => a.id === countyId && a.parentId === null);
  if (!county || !can(actor, 'county.supervise', county.id, tree)) throw new NotFoundError('找不到这个县，或您没有修改它的设置的权限。');
  const days = /^\s*\d+\s*$/.test(raw) ? Number(raw) : Number.NaN;
  if (!inBounds(days)) {
    throw new InputError([
      fieldError(
        'correctionWorkingDays',
        'GK_CORRECTION_PERIOD',
        `补正期限应为${correctionPeriod.minWorkingDays}至${correctionPeriod.maxWorkingDays}个工作日之间的整数`,
      ),
    ]);
  }
  await inTransaction(ctx, async (db) => {
    await setSetting(db, key(county.id), String(days));
    await appendEvent(db, {
      occurredAt: ctx.now().toISOString(),
      actorId: actor.id,
      agencyId: county.id,
      subjectType: 'settings',
      subjectId: 'requests.correctionWorkingDays',
      action: 'settings.correctionPeriodChanged',
      payload: { workingDays: days },
    });
  });
  return days;
}
