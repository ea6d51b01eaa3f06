/**
 * Running the platform: agencies (platform administrators), staff accounts and their roles
 * (platform and agency administrators), and each user's own password. Generated passwords are
 * shown once; another administrator's account reads as missing (src/app/auth/roles.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../app/context.ts';
import { createAgency } from '../../../app/agencies/manage.ts';
import { contactKeys, mayEditContacts, updateAgencyContacts, type ContactsInput } from '../../../app/agencies/contacts.ts';
import { changeOwnPassword, createStaffUser, resetPassword, setUserActive } from '../../../app/auth/manage.ts';
import { changeRole } from '../../../app/auth/roles.ts';
import { mayManageAccount, mayManageGrant } from '../../../domain/access/accounts.ts';
import { tokenId } from '../../../app/auth/sessions.ts';
import { can } from '../../../domain/access/policy.ts';
import { ForbiddenError, InputError, NotFoundError } from '../../../domain/shared/result.ts';
import { roleKeys } from '../../../law/roles.ts';
import { listAgencies } from '../../../store/agencies.repo.ts';
import { getAgencyContacts } from '../../../store/portal.repo.ts';
import { getStaffUser, listStaff } from '../../../store/users.repo.ts';
import { sessionCookie } from '../../plugins/session.ts';
import { siteInfo } from '../../site.ts';
import { positiveInt } from '../../views/components.tsx';
import { Layout } from '../../views/layout.tsx';
import { sendPage } from '../../views/page.ts';
import { actorOf } from '../access.ts';
import { viewerOf } from '../viewer.ts';
import { chinaDate } from '../../../domain/shared/dates.ts';
import type { Form } from './account-forms.tsx';
import { AccountPage, type AccountState } from './account-page.tsx';
import { AgenciesPage, ContactsPage, type PageState } from './agencies-page.tsx';
import { RolesPage, type RolesState } from './roles-page.tsx';
import { UsersPage, type UsersState } from './users-page.tsx';

type Params = { Params: { id: string } };

export async function peopleRoutes(app: FastifyInstance, opts: { ctx: AppContext }) {
  const { ctx } = opts;

  const agenciesPage = async (request: FastifyRequest, reply: FastifyReply, state: PageState = {}) => {
    const tree = await listAgencies(ctx.db);
    if (!can(actorOf(request), 'platform.administer', null, tree)) throw new ForbiddenError('只有平台管理员可以管理单位');
    const viewer = viewerOf(request, reply, tree);
    return sendPage(
      reply,
      <Layout title="单位管理" site={await siteInfo(ctx.db)} area="admin" viewer={viewer}>
        <AgenciesPage tree={tree} csrf={viewer.csrf} state={state} year={chinaDate(ctx.now()).slice(0, 4)} />
      </Layout>,
      state.status ?? 200,
    );
  };

  app.get('/admin/agencies', async (request, reply) => agenciesPage(request, reply));

  // The 政府信息公开工作机构 an agency's 指南 publishes: platform administrators and the agency's own administrators.
  const contactsPage = async (request: FastifyRequest<Params>, reply: FastifyReply, state: PageState = {}) => {
    const tree = await listAgencies(ctx.db);
    const agency = tree.find((a) => a.id === positiveInt(request.params.id));
    if (!agency) throw new NotFoundError('找不到这个单位');
    if (!mayEditContacts(actorOf(request), agency.id, tree))
      throw new ForbiddenError('只有平台管理员和本单位的单位管理员可以修改政府信息公开工作机构的联系方式');
    const viewer = viewerOf(request, reply, tree);
    const saved = await getAgencyContacts(ctx.db, agency.id);
    const f: Form = state.form ?? { ...saved };
    const platform = can(actorOf(request), 'platform.administer', null, tree);
    return sendPage(
      reply,
      <Layout title={`${agency.shortName}政府信息公开工作机构`} site={await siteInfo(ctx.db)} area="admin" viewer={viewer}>
        <ContactsPage agency={agency} form={f} csrf={viewer.csrf} state={state} platform={platform} />
      </Layout>,
      state.status ?? 200,
    );
  };

  app.get<Params>('/admin/agencies/:id/contacts', async (request, reply) => contactsPage(request, reply));
  app.post<Params & { Body: Form }>('/admin/agencies/:id/contacts', { preHandler: app.csrfProtection }, async (request, reply) => {
    const b = request.body ?? {};
    const input = Object.fromEntries(contactKeys.map((k) => [k, String(b[k] ?? '')])) as ContactsInput;
    try {
      await updateAgencyContacts(ctx, actorOf(request), positiveInt(request.params.id) ?? 0, input);
    } catch (e) {
      if (e instanceof InputError) return contactsPage(request, reply, { errors: e.errors, form: b, status: 400 });
      throw e;
    }
    return contactsPage(request, reply, { notice: '已保存，政府信息公开指南已随之更新。' });
  });
  app.post<{ Body: Form }>('/admin/agencies', { preHandler: app.csrfProtection }, async (request, reply) => {
    const b = request.body ?? {};
    try {
      await createAgency(ctx, actorOf(request), {
        name: String(b.name ?? ''),
        shortName: String(b.shortName ?? ''),
        kind: String(b.kind ?? ''),
        code: String(b.code ?? ''),
        parentId: String(b.parentId ?? ''),
        mayMakeRules: b.mayMakeRules === '1',
        recordsFrom: String(b.recordsFrom ?? ''),
      });
    } catch (e) {
      if (e instanceof InputError) return agenciesPage(request, reply, { errors: e.errors, form: b, status: 400 });
      throw e;
    }
    return agenciesPage(request, reply, { notice: `已添加单位“${String(b.name).trim()}”。` });
  });

  const usersPage = async (request: FastifyRequest, reply: FastifyReply, state: UsersState = {}) => {
    const actor = actorOf(request);
    const tree = await listAgencies(ctx.db);
    const platform = can(actor, 'platform.administer', null, tree);
    if (!platform && !actor.roles.some((r) => r.role === 'agencyAdmin')) throw new ForbiddenError('只有平台管理员和单位管理员可以管理账号');
    // Only the accounts the actor may manage (src/domain/access/accounts.ts), and the own one.
    const visible = (await listStaff(ctx.db)).filter((u) => u.id === actor.id || mayManageAccount(actor, u, tree));
    const grantable = roleKeys.filter((r) => (r === 'platformAdmin' ? platform : tree.some((a) => mayManageGrant(actor, { role: r, agencyId: a.id }, tree))));
    const agencies = tree.filter((a) => roleKeys.some((r) => r !== 'platformAdmin' && mayManageGrant(actor, { role: r, agencyId: a.id }, tree)));
    const viewer = viewerOf(request, reply, tree);
    return sendPage(
      reply,
      <Layout title="账号管理" site={await siteInfo(ctx.db)} area="admin" viewer={viewer}>
        <UsersPage actor={actor} tree={tree} visible={visible} grantable={grantable} agencies={agencies} platform={platform} csrf={viewer.csrf} state={state} />
      </Layout>,
      state.status ?? 200,
    );
  };

  app.get('/admin/users', async (request, reply) => usersPage(request, reply));
  app.post<{ Body: Form }>('/admin/users', { preHandler: app.csrfProtection }, async (request, reply) => {
    const b = request.body ?? {};
    try {
      const { password } = await createStaffUser(ctx, actorOf(request), {
        username: String(b.username ?? ''),
        displayName: String(b.displayName ?? ''),
        role: String(b.role ?? ''),
        agencyId: String(b.agencyId ?? ''),
      });
      return usersPage(request, reply, { notice: `已新建账号 ${String(b.username).trim()}。`, secret: password });
    } catch (e) {
      if (e instanceof InputError) return usersPage(request, reply, { errors: e.errors, form: b, status: 400 });
      throw e;
    }
  });
  app.post<Params>('/admin/users/:id/reset-password', { preHandler: app.csrfProtection }, async (request, reply) => {
    const id = positiveInt(request.params.id) ?? 0;
    const password = await resetPassword(ctx, actorOf(request), id);
    return usersPage(request, reply, { notice: '已重置密码，该账号的登录状态已全部失效。', secret: password });
  });
  for (const [action, active] of [
    ['disable', false],
    ['enable', true],
  ] as const) {
    app.post<Params>(`/admin/users/:id/${action}`, { preHandler: app.csrfProtection }, async (request, reply) => {
      await setUserActive(ctx, actorOf(request), positiveInt(request.params.id) ?? 0, active);
      return usersPage(request, reply, { notice: active ? '已启用账号。' : '已停用账号，其登录状态已全部失效。' });
    });
  }

  const accountPage = async (request: FastifyRequest, reply: FastifyReply, state: AccountState = {}) => {
    const actor = actorOf(request);
    const tree = await listAgencies(ctx.db);
    const viewer = viewerOf(request, reply, tree);
    return sendPage(
      reply,
      <Layout title="我的账号" site={await siteInfo(ctx.db)} area="admin" viewer={viewer}>
        <AccountPage actor={actor} csrf={viewer.csrf} state={state} />
      </Layout>,
      state.status ?? 200,
    );
  };

  app.get('/admin/account', async (request, reply) => accountPage(request, reply));
  app.post<{ Body: Form }>('/admin/account/password', { preHandler: app.csrfProtection }, async (request, reply) => {
    const b = request.body ?? {};
    const token = request.cookies[sessionCookie];
    try {
      await changeOwnPassword(
        ctx,
        actorOf(request),
        String(b.current ?? ''),
        String(b.next ?? ''),
        String(b.confirm ?? ''),
        token ? tokenId(token) : undefined,
      );
    } catch (e) {
      if (e instanceof InputError) return accountPage(request, reply, { errors: e.errors, status: 400 });
      throw e;
    }
    return accountPage(request, reply, { notice: '密码已修改，其他设备上的登录已失效。', done: true });
  });
}

/** The roles of one staff account, given or taken one at a time by an administrator who may manage it. */
export async function accountRoleRoutes(app: FastifyInstance, opts: { ctx: AppContext }) {
  const { ctx } = opts;

  const rolesPage = async (request: FastifyRequest<Params>, reply: FastifyReply, state: RolesState = {}) => {
    const actor = actorOf(request);
    const tree = await listAgencies(ctx.db);
    const user = await getStaffUser(ctx.db, positiveInt(request.params.id) ?? 0);
    if (!user || !mayManageAccount(actor, user, tree)) throw new NotFoundError('找不到这个账号，或您没有管理它的权限');
    const viewer = viewerOf(request, reply, tree);
    const grantable = roleKeys.filter((r) => r !== 'platformAdmin' && tree.some((a) => mayManageGrant(actor, { role: r, agencyId: a.id }, tree)));
    const agencies = tree.filter((a) => grantable.some((r) => mayManageGrant(actor, { role: r, agencyId: a.id }, tree)));
    return sendPage(
      reply,
      <Layout title={`${user.username}的角色`} site={await siteInfo(ctx.db)} area="admin" viewer={viewer}>
        <RolesPage actor={actor} user={user} tree={tree} grantable={grantable} agencies={agencies} csrf={viewer.csrf} state={state} />
      </Layout>,
      state.status ?? 200,
    );
  };

  app.get<Params>('/admin/users/:id/roles', async (request, reply) => rolesPage(request, reply));
  app.post<Params & { Body: Form }>('/admin/users/:id/roles', { preHandler: app.csrfProtection }, async (request, reply) => {
    const b = request.body ?? {};
    const change = b.change === 'revoke' ? 'revoke' : 'grant';
    try {
      await changeRole(ctx, actorOf(request), positiveInt(request.params.id) ?? 0, change, { role: String(b.role ?? ''), agencyId: String(b.agencyId ?? '') });
    } catch (e) {
      if (e instanceof InputError) return rolesPage(request, reply, { errors: e.errors, status: 400 });
      throw e;
    }
    return rolesPage(request, reply, { notice: change === 'grant' ? '已增加角色。' : '已收回角色。' });
  });
}
