/**
 * The audit trail as staff who oversee read it (issue 14): the events of the agencies the
 * viewer may oversee ('audit.view'), in Chinese, with who did it and the role they hold,
 * filtered by agency, person, category and China dates. Never an event's payload: it may
 * hold an applicant's personal data; only the label, the reason and the subject's page.
 */
import { agenciesWhere, can, type Actor } from '../../domain/access/policy.ts';
import type { Agency } from '../../domain/agencies/agency.ts';
import { actionsIn, auditCategories, auditLabel, type AuditCategory, isAuditCategory } from '../../domain/shared/audit.ts';
import { addDays } from '../../domain/calendar/days.ts';
import { chinaDayStart, isIsoDate, portalDateTime } from '../../domain/shared/dates.ts';
import { type FieldError, fieldError, NotFoundError } from '../../domain/shared/result.ts';
import { roles } from '../../law/roles.ts';
import { listAgencies } from '../../store/agencies.repo.ts';
import { type AuditRow, type EventFilter, eventActors, listEvents } from '../../store/events.repo.ts';
import { rolesOfUsers, type RoleGrant } from '../../store/users.repo.ts';
import type { AppContext } from '../context.ts';

export const auditPageSize = 50;

export interface AuditQuery {
  agency?: string | undefined;
  person?: string | undefined;
  category?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page?: string | undefined;
}

export interface AuditLine {
  at: string;
  person: string;
  agency: string;
  subject: { text: string; href: string | null };
  action: string;
  reason: string;
}

export interface AuditView {
  agencies: Agency[];
  people: { id: number; name: string }[];
  categories: [AuditCategory, string][];
  query: Required<Omit<AuditQuery, 'page'>>;
  errors: FieldError[];
  lines: AuditLine[];
  page: number;
  pages: number;
  total: number;
}

const subjects: Record<string, { label: string; href?: (id: string) => string }> = {
  catalogueItem: { label: '公开信息', href: (id) => `/admin/items/${id}` },
  application: { label: '政府信息公开申请', href: (id) => `/admin/requests/${id}` },
  applicationSubmission: { label: '网上申请' },
  appeal: { label: '行政复议或诉讼' },
  correction: { label: '更正申请', href: (id) => `/admin/corrections/${id}` },
  complaint: { label: '投诉、举报', href: (id) => `/admin/supervision/complaints/${id}` },
  annualReport: { label: '年度报告', href: (id) => `/admin/reports/${id}` },
  reportImport: { label: '年度报告导入' },
  decisionStatistics: { label: '决定统计' },
  agency: { label: '单位' },
  county: { label: '县' },
  user: { label: '账号' },
  calendar: { label: '工作日历' },
  settings: { label: '设置' },
  platform: { label: '平台' },
};

const int = (v: string | undefined) => (v && /^[1-9]\d{0,8}$/.test(v) ? Number(v) : undefined);

/** The viewer's audit trail, or NotFoundError when they oversee nothing (or name an agency they do not oversee). */
export async function auditTrail(ctx: AppContext, actor: Actor, q: AuditQuery): Promise<AuditView> {
  const tree = await listAgencies(ctx.db);
  const everything = can(actor, 'platform.administer', null, tree);
  const seen = agenciesWhere(actor, 'audit.view', tree);
  if (!everything && seen.size === 0) throw new NotFoundError('找不到这个页面');
  const agencyIds = everything ? 'all' : [...seen];
  const query = { agency: q.agency ?? '', person: q.person ?? '', category: q.category ?? '', from: q.from ?? '', to: q.to ?? '' };
  const agencyId = int(query.agency);
  if (query.agency && (agencyId === undefined || !(everything ? tree.some((a) => a.id === agencyId) : seen.has(agencyId))))
    throw new NotFoundError('找不到这个单位，或您没有查看它的权限。');
  const errors: FieldError[] = [];
  for (const [field, name] of [
    ['from', '起始日期'],
    ['to', '截止日期'],
  ] as const) {
    if (query[field] && !isIsoDate(query[field])) errors.push(fieldError(field, 'GK_AUDIT_DATE', `${name}应为“年-月-日”格式的日期，例如 2026-03-01`));
  }
  if (query.category && !isAuditCategory(query.category)) errors.push(fieldError('category', 'GK_AUDIT_CATEGORY', '请从列表中选择类别'));
  if (query.person && int(query.person) === undefined) errors.push(fieldError('person', 'GK_AUDIT_PERSON', '请从列表中选择人员'));
  const filter: EventFilter = {
    agencyIds,
    agencyId,
    actorId: int(query.person),
    actions: isAuditCategory(query.category) ? actionsIn(query.category) : undefined,
    from: isIsoDate(query.from) ? chinaDayStart(query.from) : undefined,
    until: isIsoDate(query.to) ? chinaDayStart(addDays(query.to, 1)) : undefined,
  };
  const page = int(q.page) ?? 1;
  const { rows, total } = errors.length
    ? { rows: [], total: 0 }
    : await listEvents(ctx.db, filter, { limit: auditPageSize, offset: (page - 1) * auditPageSize });
  const held = await rolesOfUsers(
    ctx.db,
    rows.flatMap((r) => (r.actorId === null ? [] : [r.actorId])),
  );
  return {
    agencies: everything ? tree : tree.filter((a) => seen.has(a.id)),
    people: await eventActors(ctx.db, agencyIds),
    categories: Object.entries(auditCategories).map(([k, c]) => [k as AuditCategory, c.label]),
    query,
    errors,
    lines: rows.map((r) => lineOf(r, tree, held.get(r.actorId ?? 0) ?? [])),
    page,
    pages: Math.max(1, Math.ceil(total / auditPageSize)),
    total,
  };
}

function lineOf(r: AuditRow, tree: readonly Agency[], grants: readonly RoleGrant[]): AuditLine {
  const subject = subjects[r.subjectType];
  return {
    at: portalDateTime(r.occurredAt),
    person: personOf(r, tree, grants),
    agency: tree.find((a) => a.id === r.agencyId)?.shortName ?? '',
    subject: { text: `${subject?.label ?? r.subjectType} ${r.subjectId}`, href: subject?.href?.(r.subjectId) ?? null },
    action: auditLabel(r.action),
    reason: r.reason ?? '',
  };
}

/** The name and the roles held at the event's agency (else every role, with its agency); an applicant is never named. */
function personOf(r: AuditRow, tree: readonly Agency[], grants: readonly RoleGrant[]): string {
  if (r.actorId === null || r.actorName === null) return r.action.startsWith('auth.') ? '（未登录）' : '申请人或系统';
  const here = grants.filter((g) => g.agencyId === r.agencyId);
  const shown = (here.length ? here : grants).map((g) => {
    const where = here.length || g.agencyId === null ? '' : `（${tree.find((a) => a.id === g.agencyId)?.shortName ?? ''}）`;
    return `${roles[g.role].label}${where}`;
  });
  return shown.length ? `${r.actorName}（${shown.join('、')}）` : r.actorName;
}
