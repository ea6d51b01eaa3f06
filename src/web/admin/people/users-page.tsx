/** 账号管理: the accounts an administrator may manage, each with its roles, reset and enable/disable, and 新建账号. */
import type { FC } from 'hono/jsx';
import type { Actor } from '../../../domain/access/policy.ts';
import type { Agency } from '../../../domain/agencies/agency.ts';
import type { FieldError } from '../../../domain/shared/result.ts';
import { roles, type Role } from '../../../law/roles.ts';
import type { StaffUser } from '../../../store/users.repo.ts';
import { Breadcrumbs } from '../../views/components.tsx';
import { ErrorSummary } from '../../views/layout.tsx';
import { NewAccountForm, type Form } from './account-forms.tsx';

export interface UsersState {
  errors?: FieldError[];
  form?: Form;
  notice?: string;
  /** A generated password, shown this once. */
  secret?: string;
  status?: number;
}

export const UsersPage: FC<{
  actor: Actor;
  tree: readonly Agency[];
  visible: readonly StaffUser[];
  grantable: readonly Role[];
  agencies: readonly Agency[];
  platform: boolean;
  csrf: string;
  state: UsersState;
}> = ({ actor, tree, visible, grantable, agencies, platform, csrf, state }) => (
  <>
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
                    <input type="hidden" name="_csrf" value={csrf} />
                    <button type="submit" class="small" aria-label={`重置 ${u.username} 的密码`}>
                      重置密码
                    </button>
                  </form>{' '}
                  <form method="post" action={`/admin/users/${u.id}/${u.active ? 'disable' : 'enable'}`} class="inline">
                    <input type="hidden" name="_csrf" value={csrf} />
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
    <NewAccountForm csrf={csrf} form={state.form ?? {}} grantable={grantable} agencies={agencies} platform={platform} />
  </>
);
