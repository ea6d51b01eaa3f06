/**
 * Who may do what, for which agency. Every role except platformAdmin is held for one
 * agency; a countySupervisor's role covers the agency and every agency below it.
 */
import type { Role } from '../../law/roles.ts';
import { subtreeIds } from '../agencies/agency.ts';

export type Action =
  | 'report.view'
  | 'report.editNarrative'
  | 'report.review'
  | 'report.publish'
  | 'records.edit'
  | 'county.supervise'
  | 'platform.administer'
  | 'catalogue.view'
  | 'catalogue.edit'
  | 'catalogue.review'
  | 'catalogue.approve'
  | 'requests.view'
  | 'requests.handle'
  | 'complaints.handle'
  | 'complaints.register'
  | 'requests.approve'
  | 'requests.configure'
  | 'audit.view';

export interface Actor {
  id: number;
  roles: readonly { role: Role; agencyId: number | null }[];
}

const allowed: Record<Action, readonly Role[]> = {
  'report.view': ['editor', 'reviewer', 'leader', 'agencyAdmin', 'countySupervisor'],
  'report.editNarrative': ['editor', 'leader', 'agencyAdmin'],
  'report.review': ['reviewer'],
  'report.publish': ['leader'],
  'records.edit': ['editor', 'agencyAdmin'],
  'county.supervise': ['countySupervisor'],
  'platform.administer': [],
  'catalogue.view': ['editor', 'reviewer', 'leader', 'agencyAdmin', 'countySupervisor'],
  'catalogue.edit': ['editor', 'agencyAdmin'],
  'catalogue.review': ['reviewer'],
  'catalogue.approve': ['leader'],
  // Cases carry applicants' personal data: the agency's own staff and its supervisors only.
  'requests.view': ['editor', 'reviewer', 'leader', 'agencyAdmin', 'countySupervisor'],
  'requests.handle': ['editor', 'leader', 'agencyAdmin'],
  // 条例 第四十七条: complaints go to the county's 主管部门; they carry the complainant's personal data.
  'complaints.handle': ['countySupervisor'],
  // Any staff member may register one received by phone, letter or visit: it goes to the supervisor.
  'complaints.register': ['editor', 'reviewer', 'leader', 'agencyAdmin', 'countySupervisor'],
  // The head of the 政府信息公开工作机构 signs replies and consents to extensions (src/law/sign-off.ts).
  'requests.approve': ['leader'],
  // Which replies need that sign-off: the head or the agency's administrator decides.
  'requests.configure': ['leader', 'agencyAdmin'],
  // The audit trail: those who oversee an agency's work. A county administrator (the 单位管理员
  // of a county government, the root of its tree) oversees the county's agencies, as its supervisor does.
  'audit.view': ['leader', 'agencyAdmin', 'countySupervisor'],
};

/** A platform administrator runs the platform and sees everything, but does not act for an agency. */
const platformAdminMay: readonly Action[] = ['report.view', 'county.supervise', 'platform.administer', 'catalogue.view', 'audit.view'];

/**
 * True when the actor holds a role that allows `action` on `agencyId`. A supervisor's
 * role reaches down the tree; the other roles are for their own agency only.
 */
export function can(actor: Actor, action: Action, agencyId: number | null, tree: readonly { id: number; parentId: number | null }[]): boolean {
  if (actor.roles.some((r) => r.role === 'platformAdmin') && platformAdminMay.includes(action)) return true;
  if (agencyId === null) return false;
  return actor.roles.some((r) => {
    if (r.agencyId === null || !allowed[action].includes(r.role)) return false;
    if (r.role === 'countySupervisor' || (action === 'audit.view' && r.role === 'agencyAdmin' && isRoot(tree, r.agencyId)))
      return subtreeIds(tree, r.agencyId).has(agencyId);
    return r.agencyId === agencyId;
  });
}

const isRoot = (tree: readonly { id: number; parentId: number | null }[], id: number) => tree.some((a) => a.id === id && a.parentId === null);

/** The agencies on which the actor may perform `action`. */
export function agenciesWhere(actor: Actor, action: Action, tree: readonly { id: number; parentId: number | null }[]): Set<number> {
  return new Set(tree.filter((a) => can(actor, action, a.id, tree)).map((a) => a.id));
}

/** The agency's own staff see an applicant's personal data; its supervisors see it masked (src/domain/requests/masking.ts). */
export const seesApplicantData = (actor: Actor, agencyId: number): boolean => actor.roles.some((r) => r.agencyId === agencyId && r.role !== 'countySupervisor');
