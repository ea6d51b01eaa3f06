/**
 * The year's 行政许可, 行政处罚 and 行政强制 decisions and 行政事业性收费, as the agency's
 * law-enforcement statistics give them (table 二, 条例 第二十条第（五）（六）（八）项).
 * Every change is audited with the figures before and after.
 */
import type { Actor } from '../../domain/access/policy.ts';
import { can } from '../../domain/access/policy.ts';
import { chinaDate } from '../../domain/shared/dates.ts';
import { fieldError, ForbiddenError, InputError, type FieldError } from '../../domain/shared/result.ts';
import { listAgencies } from '../../store/agencies.repo.ts';
import { appendEvent } from '../../store/events.repo.ts';
import { getDecisionStatistics, upsertDecisionStatistics } from '../../store/records.repo.ts';
import { requireAgency } from '../agencies/resolve.ts';
import type { AppContext } from '../context.ts';
import { inTransaction } from '../transaction.ts';
import { checkReportYear } from '../reports/compute.ts';

export interface StatisticsInput {
  agencyId: number;
  year: number;
  licensing: string;
  penalty: string;
  coercion: string;
  /** 元, up to two decimals. */
  feesYuan: string;
  note: string;
}

const counts = [
  ['licensing', '行政许可本年处理决定数量'],
  ['penalty', '行政处罚本年处理决定数量'],
  ['coercion', '行政强制本年处理决定数量'],
] as const;

export function parseStatistics(input: StatisticsInput): {
  value: { licensing: number; penalty: number; coercion: number; feesFen: number };
  errors: FieldError[];
} {
  const errors: FieldError[] = [];
  const value = { licensing: 0, penalty: 0, coercion: 0, feesFen: 0 };
  for (const [key, label] of counts) {
    const raw = input[key].trim();
    if (!/^\d{1,7}$/.test(raw)) errors.push(fieldError(key, 'GK_COUNT', `“${label}”应为0或正整数，收到“${raw}”`));
    else value[key] = Number(raw);
  }
  const fee = input.feesYuan.trim().replace(/,/g, '');
  if (!/^\d{1,12}(\.\d{1,2})?$/.test(fee))
    errors.push(fieldError('feesYuan', 'GK_MONEY', `“行政事业性收费金额”应以元为单位填写，最多两位小数，收到“${input.feesYuan.trim()}”`));
  else value.feesFen = Math.round(Number(fee) * 100);
  if (input.note.length > 500) errors.push(fieldError('note', 'GK_TOO_LONG', '“数据来源说明”不能超过500字'));
  return { value, errors };
}

export async function recordDecisionStatistics(ctx: AppContext, actor: Actor, input: StatisticsInput): Promise<void> {
  const agency = await requireAgency(ctx, input.agencyId);
  if (!can(actor, 'records.edit', agency.id, await listAgencies(ctx.db))) {
    throw new ForbiddenError('只有本单位的编辑或单位管理员可以录入统计数据');
  }
  checkReportYear(agency, input.year, chinaDate(ctx.now()));
  const { value, errors } = parseStatistics(input);
  if (errors.length) throw new InputError(errors);
  await inTransaction(ctx, async (db) => {
    const before = await getDecisionStatistics(db, agency.id, input.year);
    const at = ctx.now().toISOString();
    await upsertDecisionStatistics(db, { ...value, agencyId: agency.id, year: input.year, note: input.note.trim(), updatedAt: at, updatedBy: actor.id });
    await appendEvent(db, {
      occurredAt: at,
      actorId: actor.id,
      agencyId: agency.id,
      subjectType: 'decisionStatistics',
      subjectId: `${agency.id}/${input.year}`,
      action: before ? 'statistics.corrected' : 'statistics.recorded',
      payload: {
        before: before ? { licensing: before.licensing, penalty: before.penalty, coercion: before.coercion, feesFen: before.feesFen } : null,
        after: value,
      },
    });
  });
}
