/** The supervision page's form of the report settings: the deadlines per kind of agency and the copy share. */
import type { FC } from 'hono/jsx';
import { monthDayText } from '../../../app/reports/settings.ts';
import type { CountySupervision } from '../../../app/reports/supervision.ts';
import type { FieldError } from '../../../domain/shared/result.ts';
import { agencyKindKeys, agencyKinds } from '../../../law/agency-kinds.ts';
import { TextField } from '../../views/components.tsx';
import { percent } from './copy-table.tsx';

export const SettingsForm: FC<{
  s: CountySupervision;
  csrf: string;
  maySet: boolean;
  errors: readonly FieldError[];
  form: Record<string, string> | undefined;
  year: number;
  suffix: string;
}> = ({ s, csrf, maySet, errors, form, year, suffix }) => {
  const err = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <section aria-labelledby="settings">
      <h2 id="settings">年报设置</h2>
      {maySet ? (
        <form method="post" action={`/admin/county/${year}/settings${suffix}`} class="form inline-form">
          <input type="hidden" name="_csrf" value={csrf} />
          {agencyKindKeys.map((k) => (
            <TextField
              name={`deadline.${k}`}
              id={`field-deadline-${k}`}
              label={`${agencyKinds[k].label}发布期限（月-日）`}
              value={form?.[`deadline.${k}`] ?? monthDayText(s.settings.deadlines[k])}
              error={err(`deadline.${k}`)}
            />
          ))}
          <TextField
            name="copyShare"
            label="内容雷同警示比例（%）"
            value={form?.copyShare ?? String(Math.round(s.settings.copyShare * 100))}
            error={err('copyShare')}
          />
          <button type="submit">保存设置</button>
        </form>
      ) : (
        <p>发布期限和内容雷同警示比例（{percent(s.settings.copyShare)}）对平台上的所有县有效，由平台管理员或监督全部各县的县级监督人员设置。</p>
      )}
    </section>
  );
};
