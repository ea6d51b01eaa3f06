/**
 * The roles of one staff account (账号管理 → 角色): given or taken one at a time by an
 * administrator who may manage the account (src/app/auth/roles.ts); another
 * administrator's account reads as missing.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app/context.ts';
import { changeRole } from '../../app/auth/roles.ts';
import { mayManageAccount, mayManageGrant } from '../../domain/access/accounts.ts';
import { InputError, NotFoundError, type FieldError } from '../../domain/shared/result.ts';
import { roleKeys, roles } from '../../law/roles.ts';
import { listAgencies } from '../../store/agencies.repo.ts';
import { getStaffUser } from '../../store/users.repo.ts';
import { siteInfo } from '../site.ts';
import { Breadcrumbs, positiveInt, SelectField } from '../views/components.tsx';
import { ErrorSummary, Layout } from '../views/layout.tsx';
import { sendPage } from '../views/page.ts';
import { actorOf } from './access.ts';
import { viewerOf } from './viewer.ts';

type Params = { Params: { id: string } };

export async function accountRoleRoutes(app: FastifyInstance, opts: { ctx: AppContext }) {
  const { ctx } = opts;

  const rolesPage = async (request: FastifyRequest<Params>, reply: FastifyReply, state: { errors?: FieldError[]; notice?: string; status?: number } = {}) => {
    const actor = actorOf(request);
    const tree = await listAgencies(ctx.db);
    const user = await getStaffUser(ctx.db, positiveInt(request.params.id) ?? 0);
    if (!user || !mayManageAccount(actor, user, tree)) throw new NotFoundError('找不到这个账号，或您没有管理它的权限');
    const viewer = viewerOf(request, reply, tree);
    const name = (agencyId: number | null) => (agencyId === null ? '' : `（${tree.find((a) => a.id === agencyId)?.shortName ?? ''}）`);
    const grantable = roleKeys.filter((r) => r !== 'platformAdmin' && tree.some((a) => mayManageGrant(actor, { role: r, agencyId: a.id }, tree)));
    const agencies = tree.filter((a) => grantable.some((r) => mayManageGrant(actor, { role: r, agencyId: a.id }, tree)));
    const base = `/admin/users/${user.id}/roles`;
    return sendPage(
      reply,
      <Layout title={`${user.username}的角色`} site={await siteInfo(ctx.db)} area="admin" viewer={viewer}>
        <Breadcrumbs
          trail={[
            ['工作台', '/admin'],
            ['账号管理', '/admin/users'],
            [`${user.username}的角色`, null],
          ]}
        />
        <h1>
          {user.displayName}（{user.username}）的角色
        </h1>
        <ErrorSummary errors={state.errors ?? []} />
        {state.notice ? (
          <p class="notice" role="status">
            {state.notice}
          </p>
        ) : (
          ''
        )}
        <ul>
          {user.roles.map((r) => (
            <li>
              {roles[r.role].label}
              {name(r.agencyId)}{' '}
              {user.roles.length > 1 && mayManageGrant(actor, r, tree) ? (
                <form method="post" action={base} class="inline">
                  <input type="hidden" name="_csrf" value={viewer.csrf} />
                  <input type="hidden" name="change" value="revoke" />
                  <input type="hidden" name="role" value={r.role} />
                  <input type="hidden" name="agencyId" value={r.agencyId === null ? '' : String(r.agencyId)} />
                  <button type="submit" class="small" aria-label={`收回${roles[r.role].label}${name(r.agencyId)}`}>
                    收回
                  </button>
                </form>
              ) : (
                ''
              )}
            </li>
          ))}
        </ul>
        <h2 id="grant">增加角色</h2>
        <p class="help">同一版本的撰稿、保密审查和批准公开须由三个不同的人完成：一人兼有几个角色时，也不能对同一版本做其中两件事。</p>
        <form method="post" action={base} class="form" aria-labelledby="grant">
          <input type="hidden" name="_csrf" value={viewer.csrf} />
          <input type="hidden" name="change" value="grant" />
          <SelectField name="role" label="角色" options={grantable.map((r) => [r, roles[r].label] as const)} />
          <SelectField name="agencyId" label="所属单位" options={agencies.map((a) => [a.id, a.name] as const)} />
          <button type="submit">增加角色</button>
        </form>
      </Layout>,
      state.status ?? 200,
    );
  };

  app.get<Params>('/admin/users/:id/roles', async (request, reply) => rolesPage(request, reply));
  app.post<Params & { Body: Partial<Record<string, string>> }>('/admin/users/:id/roles', { preHandler: app.csrfProtection }, async (request, reply) => {
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
