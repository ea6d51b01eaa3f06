import { findAgency, getAgency, listAgencies } from '../../store/agencies.repo.ts';
import type { Agency } from '../../domain/agencies/agency.ts';
import { fieldError, InputError } from '../../domain/shared/result.ts';
import type { AppContext } from '../context.ts';

/** The agency named by id, full name or short name; an unknown or ambiguous name is an input error. */
export async function resolveAgency(ctx: AppContext, ref: string): Promise<Agency> {
  const found = await findAgency(ctx.db, ref);
  if (found.length === 0) {
    throw new InputError([fieldError('agency', 'GK_AGENCY_UNKNOWN', `找不到单位“${ref}”：请用单位编号、全称或简称（npx gongkai agencies 可列出全部单位）`)]);
  }
  if (found.length > 1) {
    throw new InputError([
      fieldError('agency', 'GK_AGENCY_AMBIGUOUS', `“${ref}”对应多个单位（${found.map((a) => `${a.id} ${a.name}`).join('、')}），请用单位编号`),
    ]);
  }
  return found[0] as Agency;
}

export async function requireAgency(ctx: AppContext, id: number): Promise<Agency> {
  const a = await getAgency(ctx.db, id);
  if (!a) throw new InputError([fieldError('agency', 'GK_AGENCY_UNKNOWN', `找不到编号为${id}的单位`)]);
  return a;
}

export { listAgencies };
