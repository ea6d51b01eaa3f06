/** The platform's agencies (单位管理) with the form that adds one, and an agency's 政府信息公开工作机构 contacts. */
import type { FC } from 'hono/jsx';
import { contactKeys, contactLabels } from '../../../app/agencies/contacts.ts';
import type { Agency } from '../../../domain/agencies/agency.ts';
import type { FieldError } from '../../../domain/shared/result.ts';
import { agencyKinds, agencyKindKeys } from '../../../law/agency-kinds.ts';
import { Breadcrumbs, SelectField } from '../../views/components.tsx';
import { ErrorSummary } from '../../views/layout.tsx';
import { Text, type Form } from './account-forms.tsx';

export interface PageState {
  errors?: FieldError[];
  form?: Form;
  notice?: string;
  status?: number;
}

const Notice: FC<{ notice: string | undefined }> = ({ notice }) =>
  notice ? (
    <p class="notice" role="status">
      {notice}
    </p>
  ) : (
    ''
  );

/** The agencies' table and 添加单位; `year` fills 记录起始年度 when nothing was typed. */
export const AgenciesPage: FC<{ tree: readonly Agency[]; csrf: string; state: PageState; year: string }> = ({ tree, csrf, state, year }) => {
  const f = state.form ?? {};
  return (
    <>
      <Breadcrumbs
        trail={[
          ['工作台', '/admin'],
          ['单位管理', null],
        ]}
      />
      <h1>单位管理</h1>
      <ErrorSummary errors={state.errors ?? []} />
      <Notice notice={state.notice} />
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
        <input type="hidden" name="_csrf" value={csrf} />
        <Text name="name" label="单位全称（如：华容县东山镇人民政府）" value={f.name} />
        <Text name="shortName" label="简称（如：东山镇）" value={f.shortName} />
        <SelectField name="kind" label="类型" value={f.kind} options={agencyKindKeys.map((k) => [k, agencyKinds[k].label] as const)} />
        <Text name="code" label="统一社会信用代码或组织机构代码（索引号前段）" value={f.code} />
        <SelectField name="parentId" label="上级单位" value={f.parentId} options={tree.map((a) => [a.id, a.name] as const)} empty="（无，县人民政府）" />
        <Text name="recordsFrom" label="平台记录起始年度" value={f.recordsFrom ?? year} />
        <div class="field checkbox">
          <label>
            <input type="checkbox" name="mayMakeRules" value="1" checked={f.mayMakeRules === '1'} /> 有规章制定权（设区的市以上人民政府及部门）
          </label>
        </div>
        <button type="submit">添加单位</button>
      </form>
    </>
  );
};

/** The contacts an agency's 指南 publishes; the trail passes through 单位管理 for a platform administrator. */
export const ContactsPage: FC<{ agency: Agency; form: Form; csrf: string; state: PageState; platform: boolean }> = ({
  agency,
  form: f,
  csrf,
  state,
  platform,
}) => (
  <>
    <Breadcrumbs
      trail={[['工作台', '/admin'], ...(platform ? ([['单位管理', '/admin/agencies']] as const) : []), [`${agency.shortName}政府信息公开工作机构`, null]]}
    />
    <h1>{agency.name}政府信息公开工作机构</h1>
    <p class="help">
      这些信息发布在本单位的<a href={`/agencies/${agency.id}/guide`}>政府信息公开指南</a>和“依申请公开”栏目（《条例》第十二条），修改后即时生效。
    </p>
    <ErrorSummary errors={state.errors ?? []} />
    <Notice notice={state.notice} />
    <form method="post" action={`/admin/agencies/${agency.id}/contacts`} class="form" aria-labelledby="contacts-title">
      <h2 id="contacts-title" class="visually-hidden">
        联系方式
      </h2>
      <input type="hidden" name="_csrf" value={csrf} />
      {contactKeys.map((k) => (
        <Text name={k} label={`${contactLabels[k]}${k === 'officeFax' || k === 'officeEmail' ? '（没有的可不填）' : ''}`} value={f[k]} />
      ))}
      <button type="submit">保存</button>
    </form>
  </>
);
