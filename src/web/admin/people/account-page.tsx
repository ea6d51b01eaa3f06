/** 我的账号: one's own name and the form that changes one's password, urged while it is an issued one. */
import type { FC } from 'hono/jsx';
import type { FieldError } from '../../../domain/shared/result.ts';
import { Breadcrumbs } from '../../views/components.tsx';
import type { StaffUser } from '../../../store/users.repo.ts';
import { ErrorSummary } from '../../views/layout.tsx';
import { PasswordForm } from './account-forms.tsx';

export interface AccountState {
  errors?: FieldError[];
  notice?: string;
  status?: number;
  /** The password was changed: offer the way back to the workbench. */
  done?: boolean;
}

export const AccountPage: FC<{ actor: StaffUser; csrf: string; state: AccountState }> = ({ actor, csrf, state }) => (
  <>
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
    <PasswordForm csrf={csrf} />
  </>
);
