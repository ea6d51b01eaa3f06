/** The forms of the people pages: their text field, a new staff account, and one's own password. */
import type { FC } from 'hono/jsx';
import type { Agency } from '../../../domain/agencies/agency.ts';
import { minPasswordLength } from '../../../app/auth/manage.ts';
import { roles, type Role } from '../../../law/roles.ts';
import { SelectField } from '../../views/components.tsx';

export type Form = Partial<Record<string, string>>;

export const Text = ({
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

/** 新建账号: the roles the administrator may give and the agencies they may give them in. */
export const NewAccountForm: FC<{ csrf: string; form: Form; grantable: readonly Role[]; agencies: readonly Agency[]; platform: boolean }> = ({
  csrf,
  form: f,
  grantable,
  agencies,
  platform,
}) => (
  <>
    <h2 id="new-user">新建账号</h2>
    <form method="post" action="/admin/users" class="form" aria-labelledby="new-user">
      <input type="hidden" name="_csrf" value={csrf} />
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
  </>
);

/** 修改密码: one's own, with the rules a new password must meet. */
export const PasswordForm: FC<{ csrf: string }> = ({ csrf }) => (
  <>
    <h2 id="change-password">修改密码</h2>
    <form method="post" action="/admin/account/password" class="form narrow" aria-labelledby="change-password">
      <input type="hidden" name="_csrf" value={csrf} />
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
  </>
);
