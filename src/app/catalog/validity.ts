/** 有效性 of a published 规章 or 规范性文件: 失效 or 废止 from a date, with the reason (table 二 counts it). */
import { refusePersonalData } from './public-reasons.ts';
import type { Actor } from '../../domain/access/policy.ts';
import { chinaDate, isIsoDate } from '../../domain/shared/dates.ts';
import { fieldError, InputError } from '../../domain/shared/result.ts';
import { isValidityState, validityStates } from '../../law/catalogue-categories.ts';
import { appendEvent } from '../../store/events.repo.ts';
import { insertValidityChange } from '../../store/records.repo.ts';
import type { AppContext } from '../context.ts';
import { inTransaction } from '../transaction.ts';
import { itemFor } from './access.ts';
import { itemChanged } from './portal-changes.ts';

export async function recordValidity(
  ctx: AppContext,
  actor: Actor,
  itemId: number,
  input: { state: string; effectiveDate: string; reason: string },
): Promise<void> {
  const item = await itemFor(ctx.db, actor, itemId, 'catalogue.approve', '只有本单位的审核领导可以变更文件的有效性');
  const errors = [];
  if (item.document_kind === null || item.status !== 'published')
    errors.push(fieldError('state', 'GK_NOT_A_DOCUMENT', '只有已公开的规章或行政规范性文件有“有效性”'));
  if (!isValidityState(input.state)) errors.push(fieldError('state', 'GK_VALIDITY', '请选择有效、失效或废止'));
  if (!isIsoDate(input.effectiveDate)) errors.push(fieldError('effectiveDate', 'GK_DATE', `“生效日期”“${input.effectiveDate}”不是有效日期`));
  else if (item.written_date && input.effectiveDate < item.written_date)
    errors.push(fieldError('effectiveDate', 'GK_DATE_ORDER', `“生效日期”不能早于成文日期${item.written_date}`));
  else if (input.effectiveDate > chinaDate(ctx.now())) errors.push(fieldError('effectiveDate', 'GK_DATE_ORDER', '“生效日期”不能晚于今天'));
  if (input.reason.trim() === '') errors.push(fieldError('reason', 'GK_REASON_REQUIRED', '请说明理由（如清理结果、废止决定文号）'));
  if (errors.length) throw new InputError(errors);
  refusePersonalData('reason', '理由', input.reason);
  await inTransaction(ctx, async (db) => {
    const at = ctx.now().toISOString();
    await insertValidityChange(db, {
      itemId,
      state: input.state as 'repealed',
      effectiveDate: input.effectiveDate,
      reason: input.reason.trim(),
      recordedAt: at,
    });
    await appendEvent(db, {
      occurredAt: at,
      actorId: actor.id,
      agencyId: item.agency_id,
      subjectType: 'catalogueItem',
      subjectId: itemId,
      action: 'catalogue.validityChanged',
      reason: input.reason.trim(),
      payload: { state: input.state, label: validityStates[input.state as 'repealed'].label, effectiveDate: input.effectiveDate },
    });
  });
  itemChanged(ctx, itemId);
}
