/** One staff account's roles (账号管理 → 角色): each with 收回 where it may be taken, and 增加角色. */
import type { FC } from 'hono/jsx';
import type { Actor } from '../../../domain/access/policy.ts';
import { mayManageGrant } from '../../../domain/access/accounts.ts';
import type { Agency } from '../../../domain/agencies/agency.ts';
import type { FieldError } from '../../../domain/shared/result.ts';
import { roles, type Role } from '../../../law/roles.ts';
import type { StaffUser } from '../../../store/users.repo.ts';
import { Breadcrumbs, SelectField } from '../../views/components.tsx';
import { ErrorSummary } from '../../views/layout.tsx';

export interface RolesState {
  errors?: FieldError[];
  notice?: string;
  status?: number;
}

export const RolesPage: FC<{
  actor: Actor;
  user: StaffUser;
  tree: readonly Agency[];
  grantable: readonly Role[];
  agencies: readonly Agency[];
  csrf: string;
  state: RolesState;
}> = ({ actor, user, tree, grantable, agencies, csrf, state }) => {
  const name = (agencyId: number | null) => (agencyId === null ? '' : `（${tree.find((a) => a.id === agencyId)?.shortName ?? ''}）`);
  const base = `/admin/users/${user.id}/roles`;
  return (
    <>
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
                <input type="hidden" name="_csrf" value={csrf} />
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
        <input type="hidden" name="_csrf" value={csrf} />
        <input type="hidden" name="change" value="grant" />
        <SelectField name="role" label="角色" options={grantable.map((r) => [r, roles[r].label] as const)} />
        <SelectField name="agencyId" label="所属单位" options={agencies.map((a) => [a.id, a.name] as const)} />
        <button type="submit">增加角色</button>
      </form>
    </>
  );
};
