/** Staff roles. All but platformAdmin are held for one agency (countySupervisor: the county and everything under it). */
export const roles = {
  editor: { label: '编辑', scoped: true },
  reviewer: { label: '保密审查员', scoped: true },
  leader: { label: '审核领导', scoped: true },
  agencyAdmin: { label: '单位管理员', scoped: true },
  countySupervisor: { label: '县级监督员', scoped: true },
  platformAdmin: { label: '平台管理员', scoped: false },
} as const;

export type Role = keyof typeof roles;
export const roleKeys = Object.keys(roles) as Role[];

export function isRole(value: string): value is Role {
  return Object.hasOwn(roles, value);
}
