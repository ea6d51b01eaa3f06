/** The audit trail page: the filter form (GET, works without script), the table and the pager. */
import type { FC } from 'hono/jsx';
import type { AuditView } from '../../../app/audit/read.ts';
import { Breadcrumbs, Pager, SelectField, TextField } from '../../views/components.tsx';
import { ErrorSummary } from '../../views/layout.tsx';

export const auditTitle = '操作记录';

export const AuditPage: FC<{ view: AuditView }> = ({ view }) => {
  const { query, errors } = view;
  const err = (field: string) => errors.find((e) => e.field === field)?.message;
  const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== ''));
  const href = (page: number) => `/admin/audit?${new URLSearchParams([...params, ['page', String(page)]])}`;
  return (
    <>
      <Breadcrumbs
        trail={[
          ['工作台', '/admin'],
          [auditTitle, null],
        ]}
      />
      <h1>{auditTitle}</h1>
      <p>您所监督单位的每一次操作：谁、在什么时间、对哪项记录、做了什么。申请人的个人信息不在此显示。</p>
      <ErrorSummary errors={errors} />
      <form method="get" action="/admin/audit" class="form inline-form" aria-label="筛选操作记录">
        <SelectField name="agency" label="单位" value={query.agency} empty="全部单位" options={view.agencies.map((a) => [a.id, a.shortName] as const)} />
        <SelectField
          name="person"
          label="人员"
          value={query.person}
          empty="全部人员"
          options={view.people.map((p) => [p.id, p.name] as const)}
          error={err('person')}
        />
        <SelectField name="category" label="类别" value={query.category} empty="全部类别" options={view.categories} error={err('category')} />
        <TextField name="from" label="起始日期" type="date" value={query.from} error={err('from')} />
        <TextField name="to" label="截止日期" type="date" value={query.to} error={err('to')} />
        <button type="submit">筛选</button>
      </form>
      <p role="status">共{view.total}条</p>
      {view.lines.length === 0 ? (
        <p>没有符合条件的操作记录。</p>
      ) : (
        <table class="list">
          <thead>
            <tr>
              <th scope="col">时间</th>
              <th scope="col">人员</th>
              <th scope="col">单位</th>
              <th scope="col">对象</th>
              <th scope="col">操作</th>
              <th scope="col">说明</th>
            </tr>
          </thead>
          <tbody>
            {view.lines.map((l) => (
              <tr>
                <td>{l.at}</td>
                <td>{l.person}</td>
                <td>{l.agency}</td>
                <td>{l.subject.href ? <a href={l.subject.href}>{l.subject.text}</a> : l.subject.text}</td>
                <td>{l.action}</td>
                <td>{l.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={view.page} pages={view.pages} href={href} />
    </>
  );
};
