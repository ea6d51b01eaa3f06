/** Staff write sections 一, 五 and 六 and the 落款 of their agency's report. */
import type { Actor } from '../../domain/access/policy.ts';
import { can } from '../../domain/access/policy.ts';
import { isIsoDate } from '../../domain/shared/dates.ts';
import { fieldError, ForbiddenError, InputError, type FieldError } from '../../domain/shared/result.ts';
import { listAgencies } from '../../store/agencies.repo.ts';
import { appendEvent } from '../../store/events.repo.ts';
import { getNarrative, saveNarrative } from '../../store/reports.repo.ts';
import type { AppContext } from '../context.ts';
import { requireAgency } from '../agencies/resolve.ts';
import { inTransaction } from '../transaction.ts';
import { checkReportYear } from './compute.ts';
import { chinaDate } from '../../domain/shared/dates.ts';

export interface NarrativeInput {
  agencyId: number;
  year: number;
  overview: string;
  problems: string;
  other: string;
  signer: string;
  signedDate: string | null;
}

const maxLength = 20000;

export function checkNarrative(n: NarrativeInput): FieldError[] {
  const errors: FieldError[] = [];
  const fields = [
    ['overview', '一、总体情况'],
    ['problems', '五、存在的主要问题及改进情况'],
    ['other', '六、其他需要报告的事项'],
  ] as const;
  for (const [key, label] of fields) {
    if (n[key].length > maxLength) errors.push(fieldError(key, 'GK_TOO_LONG', `“${label}”不能超过${maxLength}字`));
  }
  if (n.signer.length > 100) errors.push(fieldError('signer', 'GK_TOO_LONG', '落款单位不能超过100字'));
  if (n.signedDate !== null && !isIsoDate(n.signedDate)) {
    errors.push(fieldError('signedDate', 'GK_DATE', `成文日期“${n.signedDate}”不是有效日期（YYYY-MM-DD）`));
  }
  return errors;
}

export async function saveReportNarrative(ctx: AppContext, actor: Actor, input: NarrativeInput): Promise<void> {
  const agency = await requireAgency(ctx, input.agencyId);
  if (!can(actor, 'report.editNarrative', agency.id, await listAgencies(ctx.db))) {
    throw new ForbiddenError('只有本单位的编辑、审核领导或单位管理员可以编写年度报告');
  }
  checkReportYear(agency, input.year, chinaDate(ctx.now()));
  const clean = {
    ...input,
    overview: input.overview.replace(/\r\n/g, '\n').trim(),
    problems: input.problems.replace(/\r\n/g, '\n').trim(),
    other: input.other.replace(/\r\n/g, '\n').trim(),
    signer: input.signer.trim(),
    signedDate: input.signedDate?.trim() || null,
  };
  const errors = checkNarrative(clean);
  if (errors.length) throw new InputError(errors);
  await inTransaction(ctx, async (db) => {
    const before = await getNarrative(db, agency.id, input.year);
    const at = ctx.now().toISOString();
    await saveNarrative(db, { ...clean, agencyId: agency.id, year: input.year, updatedAt: at, updatedBy: actor.id });
    await appendEvent(db, {
      occurredAt: at,
      actorId: actor.id,
      agencyId: agency.id,
      subjectType: 'annualReport',
      subjectId: `${agency.id}/${input.year}`,
      action: 'report.narrativeSaved',
      payload: {
        changed: (['overview', 'problems', 'other', 'signer', 'signedDate'] as const).filter((k) => (before?.[k] ?? '') !== (clean[k] ?? '')),
      },
    });
  });
}
