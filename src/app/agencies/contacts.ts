/**
 * The contacts of an agency's 政府信息公开工作机构, which its 指南 publishes (条例 第十二条):
 * set by a platform administrator or the agency's own administrator.
 */
import type { Actor } from '../../domain/access/policy.ts';
import { can } from '../../domain/access/policy.ts';
import { fieldError, ForbiddenError, InputError, NotFoundError, type FieldError } from '../../domain/shared/result.ts';
import { listAgencies } from '../../store/agencies.repo.ts';
import { appendEvent } from '../../store/events.repo.ts';
import { getAgencyContacts, saveAgencyContacts, type AgencyContacts } from '../../store/portal.repo.ts';
import type { AppContext } from '../context.ts';
import { portalChanged } from '../catalog/portal-changes.ts';
import { inTransaction } from '../transaction.ts';

export type { AgencyContacts };
export type ContactsInput = Record<keyof AgencyContacts, string>;

/** Field labels as the 指南 and the form show them. */
export const contactLabels: Record<keyof AgencyContacts, string> = {
  officeName: '政府信息公开工作机构',
  officeAddress: '办公地址',
  officeHours: '办公时间',
  officePhone: '联系电话',
  officeFax: '传真',
  officeEmail: '电子邮箱',
  postcode: '邮政编码',
};

export const contactKeys = Object.keys(contactLabels) as (keyof AgencyContacts)[];

// A landline with area code (and extension), a mobile number, or the 12345 hotline.
const phonePattern = /^(0\d{2,3}-?\d{7,8}((-|转)\d{1,6})?|1[3-9]\d{9}|12345)$/;
const emailPattern = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

/** May the actor set the agency's contacts: platform administrators and the agency's own administrators. */
export function mayEditContacts(actor: Actor, agencyId: number, tree: readonly { id: number; parentId: number | null }[]): boolean {
  return can(actor, 'platform.administer', null, tree) || actor.roles.some((r) => r.role === 'agencyAdmin' && r.agencyId === agencyId);
}

/** Checks and normalises the form; errors name their field. */
export function checkContacts(input: ContactsInput): { value: AgencyContacts; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const text = (k: keyof AgencyContacts) => (input[k] ?? '').replace(/\s+/g, ' ').trim();
  const code = (k: keyof AgencyContacts) => text(k).normalize('NFKC').replace(/\s/g, '');
  const value: AgencyContacts = {
    officeName: text('officeName'),
    officeAddress: text('officeAddress'),
    officeHours: text('officeHours'),
    officePhone: code('officePhone'),
    officeFax: code('officeFax'),
    officeEmail: code('officeEmail').toLowerCase(),
    postcode: code('postcode'),
  };
  const length = (k: keyof AgencyContacts, min: number, max: number, example: string) => {
    const n = [...value[k]].length;
    if (n < min || n > max) errors.push(fieldError(k, 'GK_CONTACT_LENGTH', `“${contactLabels[k]}”应为${min}至${max}个字（如：${example}）`));
  };
  length('officeName', 2, 60, '华容县人民政府办公室');
  length('officeAddress', 5, 120, '湖南省华容县章华镇华容大道1号');
  length('officeHours', 4, 120, '工作日上午8:00—12:00，下午14:30—17:30');
  const phones = (k: 'officePhone' | 'officeFax', required: boolean) => {
    const parts = value[k].split(/[、,，;；/]/).filter(Boolean);
    if (parts.length === 0 && required) errors.push(fieldError(k, 'GK_CONTACT_REQUIRED', `请填写“${contactLabels[k]}”（如：0730-4221234）`));
    else if (parts.some((p) => !phonePattern.test(p)))
      errors.push(fieldError(k, 'GK_CONTACT_PHONE', `“${contactLabels[k]}”应为带区号的固定电话或手机号码（如：0730-4221234），多个号码用顿号分隔`));
    else value[k] = parts.join('、');
  };
  phones('officePhone', true);
  phones('officeFax', false);
  if (value.officeEmail !== '' && (!emailPattern.test(value.officeEmail) || value.officeEmail.length > 100)) {
    errors.push(fieldError('officeEmail', 'GK_CONTACT_EMAIL', '“电子邮箱”格式不正确（如：hrxzfb@huarong.gov.cn）'));
  }
  if (!/^[1-8]\d{5}$/.test(value.postcode)) errors.push(fieldError('postcode', 'GK_CONTACT_POSTCODE', '“邮政编码”应为6位数字（如：414200）'));
  return { value, errors };
}

export async function updateAgencyContacts(ctx: AppContext, actor: Actor, agencyId: number, input: ContactsInput): Promise<void> {
  const tree = await listAgencies(ctx.db);
  if (!tree.some((a) => a.id === agencyId)) throw new NotFoundError('找不到这个单位');
  if (!mayEditContacts(actor, agencyId, tree)) throw new ForbiddenError('只有平台管理员和本单位的单位管理员可以修改政府信息公开工作机构的联系方式');
  const { value, errors } = checkContacts(input);
  if (errors.length) throw new InputError(errors);
  await inTransaction(ctx, async (db) => {
    const before = await getAgencyContacts(db, agencyId);
    const changed = contactKeys.filter((k) => before?.[k] !== value[k]);
    if (changed.length === 0) return;
    const at = ctx.now().toISOString();
    await saveAgencyContacts(db, agencyId, value);
    await appendEvent(db, {
      occurredAt: at,
      actorId: actor.id,
      agencyId,
      subjectType: 'agency',
      subjectId: agencyId,
      action: 'agency.contactsChanged',
      payload: Object.fromEntries(changed.map((k) => [k, { from: before?.[k] ?? '', to: value[k] }])),
    });
  });
  portalChanged(ctx);
}
