/**
 * 行政复议 and 行政诉讼 against a case's decision (条例 第五十一条), counted in table 四. A
 * 纠正 outcome reopens the case: a new reply is due within the statutory period from that day.
 */
import type { Actor } from '../../domain/access/policy.ts';
import { checkAppealFacts } from '../../domain/appeals/appeal.ts';
import { chinaDate, isIsoDate, type IsoDate } from '../../domain/shared/dates.ts';
import { fieldError, InputError, NotFoundError } from '../../domain/shared/result.ts';
import { appealOutcomes, appealTracks, isAppealOutcome } from '../../law/appeals.ts';
import { appendEvent } from '../../store/events.repo.ts';
import { insertAppeal } from '../../store/records.repo.ts';
import { concludeAppealRow, getAppeal } from '../../store/requests.repo.ts';
import type { AppContext } from '../context.ts';
import { inTransaction } from '../transaction.ts';
import { caseFor, recordAct } from './ledger.ts';

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

export async function recordAppeal(
  ctx: AppContext,
  actor: Actor,
  caseId: number,
  input: { track: string; caseNo: string; body: string; filedDate: string },
): Promise<number> {
  const row = await caseFor(ctx.db, actor, caseId, 'requests.handle');
  const facts = { track: text(input.track), filedDate: text(input.filedDate), concludedDate: null, outcome: null };
  const errors = checkAppealFacts(facts);
  if (isIsoDate(facts.filedDate) && facts.filedDate > chinaDate(ctx.now())) errors.push(fieldError('filedDate', 'GK_DATE_FUTURE', '立案（申请）日期晚于今天'));
  if (isIsoDate(facts.filedDate) && row.closed_date && facts.filedDate < row.closed_date)
    errors.push(fieldError('filedDate', 'GK_DATE_ORDER', `立案（申请）日期早于本申请的答复日期${row.closed_date}`));
  if (!row.closed_date) errors.push(fieldError('case', 'GK_NOT_CLOSED', '本申请尚未作出答复，不能登记复议或诉讼'));
  if (text(input.body) === '')
    errors.push(fieldError('body', 'GK_REQUIRED', `请填写${appealTracks[facts.track as keyof typeof appealTracks]?.body ?? '复议机关或法院'}`));
  if (errors.length) throw new InputError(errors);
  return inTransaction(ctx, async (db) => {
    const at = ctx.now().toISOString();
    const id = await insertAppeal(db, {
      agency_id: row.agency_id,
      application_id: row.id,
      track: facts.track,
      case_no: text(input.caseNo),
      body: text(input.body),
      filed_date: facts.filedDate,
      concluded_date: null,
      outcome: null,
      created_at: at,
    });
    await appendEvent(db, {
      occurredAt: at,
      actorId: actor.id,
      agencyId: row.agency_id,
      subjectType: 'appeal',
      subjectId: id,
      action: 'appeal.filed',
      reason: null,
      payload: { application: row.id, track: facts.track },
    });
    return id;
  });
}

/** The decision of the 复议机关 or court; 纠正 reopens the case in the same transaction. */
export async function concludeAppeal(
  ctx: AppContext,
  actor: Actor,
  appealId: number,
  input: { concludedDate: string; outcome: string; reason?: string },
): Promise<void> {
  const appeal = await getAppeal(ctx.db, appealId);
  if (!appeal?.application_id) throw new NotFoundError('找不到这件复议或诉讼');
  await caseFor(ctx.db, actor, appeal.application_id, 'requests.handle');
  const on = text(input.concludedDate);
  const outcome = text(input.outcome);
  const errors = checkAppealFacts({ track: appeal.track, filedDate: appeal.filed_date, concludedDate: on, outcome });
  if (!isAppealOutcome(outcome)) errors.push(fieldError('outcome', 'GK_APPEAL_OUTCOME', '请选择审结结果：维持、纠正或其他'));
  if (isIsoDate(on) && on > chinaDate(ctx.now())) errors.push(fieldError('concludedDate', 'GK_DATE_FUTURE', '审结日期晚于今天'));
  if (outcome === 'corrected' && text(input.reason) === '') errors.push(fieldError('reason', 'GK_REASON_REQUIRED', '请填写纠正决定的内容（如责令重新答复）'));
  if (errors.length) throw new InputError(errors);
  await inTransaction(ctx, async (db) => {
    if ((await concludeAppealRow(db, appeal.id, on, outcome)) !== 1)
      throw new InputError([fieldError('outcome', 'GK_CONCLUDED', '这件复议或诉讼已经登记审结结果')]);
    await appendEvent(db, {
      occurredAt: ctx.now().toISOString(),
      actorId: actor.id,
      agencyId: appeal.agency_id,
      subjectType: 'appeal',
      subjectId: appeal.id,
      action: 'appeal.concluded',
      reason: null,
      payload: { outcome: appealOutcomes[outcome as keyof typeof appealOutcomes].label },
    });
    if (outcome === 'corrected') {
      await recordAct(
        { ...ctx, db },
        actor,
        appeal.application_id!,
        () => ({ event: { act: 'reopened', on: on as IsoDate, appealId: appeal.id, reason: text(input.reason) } }),
        { correctedByAppeal: true },
      );
    }
  });
}
