/** The records a portal route names, or a 404 page. */
import type { AppContext } from '../../app/context.ts';
import { NotFoundError } from '../../domain/shared/result.ts';
import { getAgency } from '../../store/agencies.repo.ts';
import { getPublishedReport } from '../../store/reports.repo.ts';
import { positiveInt } from '../views/components.tsx';

export async function agencyOr404(ctx: AppContext, raw: string) {
  const id = positiveInt(raw);
  const agency = id ? await getAgency(ctx.db, id) : undefined;
  if (!agency) throw new NotFoundError('找不到这个单位。');
  return agency;
}

export async function reportOr404(ctx: AppContext, raw: string) {
  const id = positiveInt(raw);
  const published = id ? await getPublishedReport(ctx.db, id) : undefined;
  if (!published) throw new NotFoundError('找不到这份年度报告。');
  return published;
}

/** One value of a query parameter (a repeated parameter counts by its first value). */
export const one = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '');
