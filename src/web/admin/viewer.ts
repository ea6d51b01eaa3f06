import type { FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../domain/access/policy.ts';
import type { Agency } from '../../domain/agencies/agency.ts';
import type { Viewer } from '../views/layout.tsx';
import { actorOf } from './access.ts';

/** The signed-in viewer of a staff page, with the areas they may open. */
export function viewerOf(request: FastifyRequest, reply: FastifyReply, tree: readonly Agency[]): Viewer {
  const actor = actorOf(request);
  const links: [string, string][] = [];
  if (tree.some((a) => can(actor, 'catalogue.view', a.id, tree))) links.push(['主动公开', '/admin/items']);
  if (tree.some((a) => can(actor, 'requests.view', a.id, tree))) links.push(['依申请公开', '/admin/requests'], ['更正申请', '/admin/corrections']);
  if (tree.some((a) => a.parentId === null && can(actor, 'county.supervise', a.id, tree))) links.push(['年报监督', '/admin/county']);
  if (tree.some((a) => a.parentId === null && can(actor, 'complaints.handle', a.id, tree))) links.push(['投诉举报', '/admin/supervision/complaints']);
  if (can(actor, 'platform.administer', null, tree)) links.push(['单位管理', '/admin/agencies']);
  if (can(actor, 'platform.administer', null, tree) || actor.roles.some((r) => r.role === 'agencyAdmin')) links.push(['账号管理', '/admin/users']);
  // An agency administrator keeps the agency's 指南 contacts up to date.
  const own = actor.roles.find((r) => r.role === 'agencyAdmin' && r.agencyId !== null);
  if (own && !can(actor, 'platform.administer', null, tree)) links.push(['单位信息', `/admin/agencies/${own.agencyId}/contacts`]);
  if (tree.some((a) => can(actor, 'audit.view', a.id, tree))) links.push(['操作记录', '/admin/audit']);
  links.push(['我的账号', '/admin/account']);
  return { displayName: actor.displayName, csrf: reply.generateCsrf(), links };
}
