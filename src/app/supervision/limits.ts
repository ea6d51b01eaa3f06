/**
 * The county's own time limits where the 条例 sets none: deciding a 更正 request (第四十一条)
 * and answering a complaint or report (第四十七条). One setting per county, kept in
 * `settings`; set by the county's supervisor, audited. A case keeps the limit of the day it
 * was received (recorded in its first act), so a change applies to new cases only.
 */
import type { Kysely } from 'kysely';
import { can, type Actor } from '../../domain/access/policy.ts';
import type { Agency } from '../../domain/agencies/agency.ts';
import { checkComplaintLimit } from '../../domain/complaints/complaint.ts';
import { checkCorrectionLimit } from '../../domain/corrections/correction.ts';
import { ForbiddenError, InputError, type FieldError } from '../../domain/shared/result.ts';
import { complaintLimit } from '../../law/complaints.ts';
import { correctionLimit } from '../../law/corrections.ts';
import { listAgencies } from '../../store/agencies.repo.ts';
import { appendEvent } from '../../store/events.repo.ts';
import type { DB } from '../../store/schema.ts';
import { getSetting, setSetting } from '../../store/settings.repo.ts';
import type { AppContext } from '../context.ts';
import { inTransaction } from '../transaction.ts';

export interface CountyLimits {
  correctionDays: number;
  complaintDays: number;
}

const keys = (countyId: number) => ({
  correctionDays: `county.${countyId}.corrections.workingDays`,
  complaintDays: `county.${countyId}.complaints.workingDays`,
});

/** The county (the root of the tree) an agency belongs to. */
export function countyOf(tree: readonly Agency[], agencyId: number): Agency | undefined {
  let a = tree.find((x) => x.id === agencyId);
  while (a && a.parentId !== null) a = tree.find((x) => x.id === a!.parentId);
  return a;
}

export async function countyLimits(db: Kysely<DB>, countyId: number): Promise<CountyLimits> {
  const k = keys(countyId);
  const read = async (key: string, fallback: number) => {
    const v = Number(await getSetting(db, key));
    return Number.isInteger(v) && v > 0 ? v : fallback;
  };
  return {
    correctionDays: await read(k.correctionDays, correctionLimit.defaultWorkingDays),
    complaintDays: await read(k.complaintDays, complaintLimit.defaultWorkingDays),
  };
}

/** Sets both limits of a county; each error names its field. */
export async function saveCountyLimits(
  ctx: AppContext,
  actor: Actor,
  countyId: number,
  input: { correctionDays: string; complaintDays: string },
): Promise<CountyLimits> {
  const tree = await listAgencies(ctx.db);
  if (!can(actor, 'complaints.handle', countyId, tree) || tree.find((a) => a.id === countyId)?.parentId !== null)
    throw new ForbiddenError('只有本县的政府信息公开工作主管部门可以设置办理时限');
  const c = checkCorrectionLimit(input.correctionDays);
  const p = checkComplaintLimit(input.complaintDays);
  const errors: FieldError[] = [...('error' in c ? [c.error] : []), ...('error' in p ? [p.error] : [])];
  if ('error' in c || 'error' in p) throw new InputError(errors);
  const limits = { correctionDays: c.days, complaintDays: p.days };
  await inTransaction(ctx, async (db) => {
    const k = keys(countyId);
    await setSetting(db, k.correctionDays, String(limits.correctionDays));
    await setSetting(db, k.complaintDays, String(limits.complaintDays));
    await appendEvent(db, {
      occurredAt: ctx.now().toISOString(),
      actorId: actor.id,
      agencyId: countyId,
      subjectType: 'county',
      subjectId: countyId,
      action: 'supervision.limitsSet',
      reason: null,
      payload: limits,
    });
  });
  return limits;
}
