/**
 * Running the platform: agencies (platform administrators), staff accounts (platform and
 * agency administrators), and each user's own password. Generated passwords are shown once.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app/context.ts';
import { createAgency } from '../../app/agencies/manage.ts';
import { contactKeys, contactLabels, mayEditContacts, updateAgencyContacts, type ContactsInput } from '../../app/agencies/contacts.ts';
import { changeOwnPassword, createStaffUser, minPasswordLength, resetPassword, setUserActive } from '../../app/auth/manage.ts';
import { mayManageAccount, mayManageGrant } from '../../domain/access/accounts.ts';
import { tokenId } from '../../app/auth/sessions.ts';
import { can } from '../../domain/access/policy.ts';
import { ForbiddenError, InputError, NotFoundError, type FieldError } from '../../domain/shared/result.ts';
import { agencyKinds, agencyKindKeys } from '../../law/agency-kinds.ts';
import { roleKeys, roles } from '../../law/roles.ts';
import { listAgencies } from '../../store/agencies.repo.ts';
import { getAgencyContacts } from '../../store/portal.repo.ts';
import { listStaff } from '../../store/users.repo.ts';
import { sessionCookie } from '../plugins/session.ts';
import { siteInfo } from '../site.ts';
import { Breadcrumbs, positiveInt, SelectField } from '../views/components.tsx';
import { ErrorSummary, Layout } from '../views/layout.tsx';
import { sendPage } from '../views/page.ts';
import { actorOf } from './access.ts';
import { viewerOf } from './viewer.ts';
import { chinaDate } from '../../domain/shared/dates.ts';

type Form = Partial<Record<string, string>>;

export async function peopleRoutes(app: FastifyInstance, opts: { ctx: AppContext }) {
  const { ctx } = opts;

  const agenciesPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    state: { errors?: FieldError[]; form?: Form; notice?: string; status?: number } = {},
  ) => {
    const tree = await listAgencies(ctx.db);
    if (!can(actorOf(request), 'platform.administer', null, tree)) throw new ForbiddenError('只有平台管理员可以管理单位');
    const viewer = viewerOf(request, reply, tree);
    const f = state.form ?? {};
    return sendPage(
      reply,
      <Layout title="单位管理" site={await siteInfo(ctx.db)} area="admin" viewer={viewer}>
        <Breadcrumbs
          trail={[
            ['工作台', '/admin'],
            ['单位管理', null],
          ]}
        />
        <h1>单位管理</h1>
        <ErrorSummary errors={state.errors ?? []} />
        {state.notice ? (
          <p class="notice" role="status">
            {state.notice}
          </p>
        ) : (
          ''
        )}
        <table class="list">
          <caption>平台上的单位</caption>
          <thead>
            <tr>
              <th scope="col">编号</th>
              <th scope="col">全称</th>
              <th scope="col">简称</th>
              <th scope="col">类型</th>
              <th scope="col">单位代码</th>
              <th scope="col">上级单位</th>
              <th scope="col">记录起始年度</th>
              <th scope="col">指南联系方式</th>
            </tr>
          </thead>
          <tbody>
            {tree.map((a) => (
              <tr>
                <td>{a.id}</td>
                <td>{a.name}</td>
                <td>{a.shortName}</td>
                <td>{agencyKinds[a.kind].label}</td>
                <td>{a.code}</td>
                <td>{tree.find((p) => p.id === a.parentId)?.shortName ?? '—'}</td>
                <td>{a.recordsFrom}</td>
                <td>
                  <a href={`/admin/agencies/${a.id}/contacts`} aria-label={`编辑${a.shortName}的政府信息公开工作机构联系方式`}>
                    编辑
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2 id="new-agency">添加单位</h2>
        <form method="post" action="/admin/agencies" class="form" aria-labelledby="new-agency">
          <input type="hidden" name="_csrf" value={viewer.csrf} />
          <Text name="name" label="单位全称（如：华容县东山镇人民政府）" value={f.name} />
          <Text name="shortName" label="简称（如：东山镇）" value={f.shortName} />
          <SelectField name="kind" label="类型" value={f.kind} options={agencyKindKeys.map((k) => [k, agencyKinds[k].label] as const)} />
          <Text name="code" label="统一社会信用代码或组织机构代码（索引号前段）" value={f.code} />
          <SelectField name="parentId" label="上级单位" value={f.parentId} options={tree.map((a) => [a.id, a.name] as const)} empty="（无，县人民政府）" />
          <Text name="recordsFrom" label="平台记录起始年度" value={f.recordsFrom ?? chinaDate(ctx.now()).slice(0, 4)} />
          <div class="field checkbox">
            <label>
              <input type="checkbox" name="mayMakeRules" value="1" checked={f.mayMakeRules === '1'} /> 有规章制定权（设区的市以上人民政府及部门）
            </label>
          </div>
          <button type="submit">添加单位</button>
        </form>
      </Layout>,
      state.status ?? 200,
    );
  };

  app.get('/admin/agencies', async (request, reply) => agenciesPage(request, reply));

  // The 政府信息公开工作机构 an agency's 指南 publishes: platform administrators and the agency's own administrators.
  const contactsPage = async (
    request: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    state: { errors?: FieldError[]; form?: Form; notice?: string; status?: number } = {},
  ) => {
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
        <Breadcrumbs
          trail={[['工作台', '/admin'], ...(platform ? ([['单位管理', '/admin/agencies']] as const) : []), [`${agency.shortName}政府信息公开工作机构`, null]]}
        />
        <h1>{agency.name}政府信息公开工作机构</h1>
        <p class="help">
          这些信息发布在本单位的<a href={`/agencies/${agency.id}/guide`}>政府信息公开指南</a>和“依申请公开”栏目（《条例》第十二条），修改后即时生效。
        </p>
        <ErrorSummary errors={state.errors ?? []} />
        {state.notice ? (
          <p class="notice" role="status">
            {state.notice}
          </p>
        ) : (
          ''
        )}
        <form method="post" action={`/admin/agencies/${agency.id}/contacts`} class="form" aria-labelledby="contacts-title">
          <h2 id="contacts-title" class="visually-hidden">
            联系方式
          </h2>
          <input type="hidden" name="_csrf" value={viewer.csrf} />
          {contactKeys.map((k) => (
            <Text name={k} label={`${contactLabels[k]}${k === 'officeFax' || k === 'officeEmail' ? '（没有的可不填）' : ''}`} value={f[k]} />
          ))}
          <button type="submit">保存</button>
        </form>
      </Layout>,
      state.status ?? 200,
    );
  };

  app.get<{ Params: { id: string } }>('/admin/agencies/:id/contacts', async (request, reply) => contactsPage(request, reply));
  app.post<{ Params: { id: string }; Body: Form }>('/admin/agencies/:id/contacts', { preHandler: app.csrfProtection }, async (request, reply) => {
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

  const usersPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    state: { errors?: FieldError[]; form?: Form; notice?: string; secret?: string; status?: number } = {},
  ) => {
    const actor = actorOf(request);
    const tree = await listAgencies(ctx.db);
    const platform = can(actor, 'platform.administer', null, tree);
    if (!platform && !actor.roles.some((r) => r.role === 'agencyAdmin')) throw new ForbiddenError('只有平台管理员和单位管理员可以管理账号');
    // Only the accounts the actor may manage (src/domain/access/accounts.ts), and the own one.
    const visible = (await listStaff(ctx.db)).filter((u) => u.id === actor.id || mayManageAccount(actor, u, tree));
    const grantable = roleKeys.filter((r) => (r === 'platformAdmin' ? platform : tree.some((a) => mayManageGrant(actor, { role: r, agencyId: a.id }, tree))));
    const agencies = tree.filter((a) => roleKeys.some((r) => r !== 'platformAdmin' && mayManageGrant(actor, { role: r, agencyId: a.id }, tree)));
    const viewer = viewerOf(request, reply, tree);
    const f = state.form ?? {};
    return sendPage(
      reply,
      <Layout title="账号管理" site={await siteInfo(ctx.db)} area="admin" viewer={viewer}>
        <Breadcrumbs
          trail={[
            ['工作台', '/admin'],
            ['账号管理', null],
          ]}
        />
        <h1>账号管理</h1>
        <ErrorSummary errors={state.errors ?? []} />
        {state.notice ? (
          <div class="notice" role="status">
            <p>{state.notice}</p>
            {state.secret ? (
              <p>
                初始密码：<code class="secret">{state.secret}</code>（只显示这一次，请当面或通过安全渠道交给本人；本人首次登录时须修改密码。）
              </p>
            ) : (
              ''
            )}
          </div>
        ) : (
          ''
        )}
        <table class="list">
          <caption>账号</caption>
          <thead>
            <tr>
              <th scope="col">用户名</th>
              <th scope="col">姓名</th>
              <th scope="col">角色</th>
              <th scope="col">状态</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((u) => (
              <tr>
                <td>{u.username}</td>
                <td>{u.displayName}</td>
                <td>
                  {u.roles.map((r) => `${roles[r.role].label}${r.agencyId ? `（${tree.find((a) => a.id === r.agencyId)?.shortName ?? ''}）` : ''}`).join('、')}
                </td>
                <td>{u.active ? (u.mustChangePassword ? '启用（待本人修改初始密码）' : '启用') : '已停用'}</td>
                <td>
                  {u.id === actor.id ? (
                    '（本人）'
                  ) : (
                    <>
                      <a href={`/admin/users/${u.id}/roles`} aria-label={`${u.username} 的角色`}>
                        角色
                      </a>{' '}
                      <form method="post" action={`/admin/users/${u.id}/reset-password`} class="inline">
                        <input type="hidden" name="_csrf" value={viewer.csrf} />
                        <button type="submit" class="small" aria-label={`重置 ${u.username} 的密码`}>
                          重置密码
                        </button>
                      </form>{' '}
                      <form method="post" action={`/admin/users/${u.id}/${u.active ? 'disable' : 'enable'}`} class="inline">
                        <input type="hidden" name="_csrf" value={viewer.csrf} />
                        <button type="submit" class="small" aria-label={`${u.active ? '停用' : '启用'} ${u.username}`}>
                          {u.active ? '停用' : '启用'}
                        </button>
                      </form>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2 id="new-user">新建账号</h2>
        <form method="post" action="/admin/users" class="form" aria-labelledby="new-user">
          <input type="hidden" name="_csrf" value={viewer.csrf} />
          <Text name="username" label="用户名（登录用，小写字母或数字）" value={f.username} />
          <Text name="displayName" label="姓名" value={f.displayName} />
          <SelectField name="role" label="角色" value={f.role} options={grantable.map((r) => [r, roles[r].label] as const)} />
          <SelectField
            name="agencyId"
            label="所属单位"
            value={f.agencyId}
            options={agencies.map((a) => [a.id, a.name] as const)}
            {...(platform ? { empty: '（平台管理员不属于单位）' } : {})}
          />
          <button type="submit">新建账号</button>
        </form>
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
  app.post<{ Params: { id: string } }>('/admin/users/:id/reset-password', { preHandler: app.csrfProtection }, async (request, reply) => {
    const id = positiveInt(request.params.id) ?? 0;
    const password = await resetPassword(ctx, actorOf(request), id);
    return usersPage(request, reply, { notice: '已重置密码，该账号的登录状态已全部失效。', secret: password });
  });
  for (const [action, active] of [
    ['disable', false],
    ['enable', true],
  ] as const) {
    app.post<{ Params: { id: string } }>(`/admin/users/:id/${action}`, { preHandler: app.csrfProtection }, async (request, reply) => {
      await setUserActive(ctx, actorOf(request), positiveInt(request.params.id) ?? 0, active);
      return usersPage(request, reply, { notice: active ? '已启用账号。' : '已停用账号，其登录状态已全部失效。' });
    });
  }

  const accountPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    state: { errors?: FieldError[]; notice?: string; status?: number; done?: boolean } = {},
  ) => {
    const actor = actorOf(request);
    const tree = await listAgencies(ctx.db);
    const viewer = viewerOf(request, reply, tree);
    return sendPage(
      reply,
      <Layout title="我的账号" site={await siteInfo(ctx.db)} area="admin" viewer={viewer}>
        <Breadcrumbs
          trail={[
            ['工作台', '/admin'],
            ['我的账号', null],
          ]}
        />
        <h1>我的账号</h1>
        <ErrorSummary errors={state.errors ?? []} />
        {state.notice ? (
          <p class="notice" role="status">
            {state.notice}
            {state.done ? <a href="/admin">返回工作台</a> : ''}
          </p>
        ) : (
          ''
        )}
        {actor.mustChangePassword && !state.notice ? (
          <p class="notice" role="alert">
            您现在的密码是管理员设置的初始密码或重置密码。请先修改为只有您本人知道的密码，然后才能使用其他功能。
          </p>
        ) : (
          ''
        )}
        <p>
          用户名：{actor.username}　姓名：{actor.displayName}
        </p>
        <h2 id="change-password">修改密码</h2>
        <form method="post" action="/admin/account/password" class="form narrow" aria-labelledby="change-password">
          <input type="hidden" name="_csrf" value={viewer.csrf} />
          <Text name="current" label="当前密码" type="password" autocomplete="current-password" />
          <Text
            name="next"
            label={`新密码（至少${minPasswordLength}位；不能是常用密码，不能包含用户名或姓名，不能是连续或重复的字符）`}
            type="password"
            autocomplete="new-password"
          />
          <Text name="confirm" label="再次输入新密码" type="password" autocomplete="new-password" />
          <button type="submit">修改密码</button>
        </form>
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

const Text = ({
  name,
  label,
  value,
  type,
  autocomplete,
}: {
  name: string;
  label: string;
  value?: string | undefined;
  type?: string;
  autocomplete?: string;
}) => (
  <div class="field">
    <label for={`field-${name}`}>{label}</label>
    <input id={`field-${name}`} name={name} type={type ?? 'text'} value={value ?? ''} autocomplete={autocomplete} />
  </div>
);
