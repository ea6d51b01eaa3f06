/** Platform administrators add the county's agencies: the county government, towns and departments. */
import type { Actor } from '../../domain/access/policy.ts';
import { can } from '../../domain/access/policy.ts';
import { classifyAgencyCode } from '../../domain/agencies/agency.ts';
import { chinaDate } from '../../domain/shared/dates.ts';
import { fieldError, ForbiddenError, InputError, type FieldError } from '../../domain/shared/result.ts';
import { isAgencyKind } from '../../law/agency-kinds.ts';
import { formatDocument } from '../../law/report-format/index.ts';
import { insertAgency, listAgencies } from '../../store/agencies.repo.ts';
import { appendEvent } from '../../store/events.repo.ts';
import type { AppContext } from '../context.ts';
import { portalChanged } from '../catalog/portal-changes.ts';
import { inTransaction } from '../transaction.ts';

export interface AgencyInput {
  name: string;
  shortName: string;
  kind: string;
  code: string;
  parentId: string;
  mayMakeRules: boolean;
  recordsFrom: string;
}

export async function createAgency(ctx: AppContext, actor: Actor, input: AgencyInput): Promise<number> {
  const tree = await listAgencies(ctx.db);
  if (!can(actor, 'platform.administer', null, tree)) throw new ForbiddenError('只有平台管理员可以添加单位');
  const errors: FieldError[] = [];
  const name = input.name.trim();
  const shortName = input.shortName.trim();
  const code = input.code.trim().toUpperCase();
  if (name.length < 2 || name.length > 60) errors.push(fieldError('name', 'GK_AGENCY_NAME', '单位全称应为2至60个字'));
  else if (tree.some((a) => a.name === name)) errors.push(fieldError('name', 'GK_AGENCY_NAME_TAKEN', `已有名为“${name}”的单位`));
  if (shortName.length < 2 || shortName.length > 20) errors.push(fieldError('shortName', 'GK_AGENCY_SHORT_NAME', '单位简称应为2至20个字'));
  if (!isAgencyKind(input.kind)) errors.push(fieldError('kind', 'GK_AGENCY_KIND', '请选择单位类型（县政府、乡镇或部门）'));
  const codeKind = classifyAgencyCode(code);
  if ('error' in codeKind) errors.push(fieldError('code', 'GK_AGENCY_CODE', codeKind.error));
  else if (tree.some((a) => a.code === code)) errors.push(fieldError('code', 'GK_AGENCY_CODE_TAKEN', `单位代码 ${code} 已被使用`));
  const parentId = input.parentId.trim() === '' ? null : Number(input.parentId);
  if (parentId !== null && !tree.some((a) => a.id === parentId)) errors.push(fieldError('parentId', 'GK_AGENCY_PARENT', '上级单位不存在'));
  if (input.kind !== 'countyGovernment' && parentId === null && tree.length > 0) {
    errors.push(fieldError('parentId', 'GK_AGENCY_PARENT', '乡镇和部门须选择上级单位（县人民政府）'));
  }
  const thisYear = Number(chinaDate(ctx.now()).slice(0, 4));
  const recordsFrom = /^\d{4}$/.test(input.recordsFrom.trim()) ? Number(input.recordsFrom.trim()) : NaN;
  if (!(recordsFrom >= formatDocument.firstYear && recordsFrom <= thisYear)) {
    errors.push(fieldError('recordsFrom', 'GK_AGENCY_RECORDS_FROM', `“平台记录起始年度”应在${formatDocument.firstYear}年至${thisYear}年之间`));
  }
  if (errors.length) throw new InputError(errors);
  const created = await inTransaction(ctx, async (db) => {
    const at = ctx.now().toISOString();
    const id = await insertAgency(db, {
      parentId,
      name,
      shortName,
      kind: input.kind as 'town',
      code,
      mayMakeRules: input.mayMakeRules,
      recordsFrom,
      sortOrder: tree.length,
      createdAt: at,
    });
    await appendEvent(db, {
      occurredAt: at,
      actorId: actor.id,
      agencyId: id,
      subjectType: 'agency',
      subjectId: id,
      action: 'agency.created',
      payload: { name, code },
    });
    return id;
  });
  // The portal's agency lists and filters, and the site's name when it is the county government.
  portalChanged(ctx);
  return created;
}
