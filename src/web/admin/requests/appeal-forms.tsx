/** The forms that record an appeal (行政复议、行政诉讼) against a closed case and conclude it. */
import type { FC } from 'hono/jsx';
import { appealOutcomes, appealTracks } from '../../../law/appeals.ts';
import { SelectField, TextField } from '../../views/components.tsx';
import { ActSection, actFields, fieldOf, type ActFormState } from './act-form-parts.tsx';

/** Appeals against the decision: recorded once the case is closed, concluded one by one (纠正 reopens the case). */
export const AppealForms: FC<{
  caseId: number;
  csrf: string;
  today: string;
  closed: boolean;
  pending: readonly { id: number; label: string }[];
  state?: ActFormState;
}> = ({ caseId, csrf, today, closed, pending, state }) => {
  const f = fieldOf(state, 'appeal');
  return (
    <>
      {pending.map((a) => {
        const c = fieldOf(state, `conclude-${a.id}`);
        return (
          <ActSection
            act={`conclude-${a.id}`}
            title={`登记审结结果：${a.label}`}
            basis="条例第五十一条"
            action={`/admin/requests/${caseId}/appeals/${a.id}/conclude`}
            csrf={csrf}
            state={state}
            fields={actFields.conclude}
            submit="登记审结结果"
          >
            <SelectField
              label="审结结果"
              {...c('outcome')}
              options={Object.entries(appealOutcomes).map(([k, o]) => [k, o.label] as const)}
              empty="（请选择）"
            />
            <TextField label="审结日期" type="date" {...c('concludedDate', today)} />
            <TextField label="纠正决定的内容（结果纠正的，如责令重新答复）" rows={2} {...c('reason')} />
          </ActSection>
        );
      })}
      {closed ? (
        <ActSection
          act="appeal"
          title="登记行政复议或行政诉讼"
          basis="条例第五十一条"
          action={`/admin/requests/${caseId}/appeals`}
          csrf={csrf}
          state={state}
          fields={actFields.appeal}
          submit="登记"
        >
          <SelectField label="类别" {...f('track')} options={Object.entries(appealTracks).map(([k, t]) => [k, t.label] as const)} empty="（请选择）" />
          <TextField label="案号" {...f('caseNo')} />
          <TextField label="复议机关或人民法院" {...f('body')} />
          <TextField label="立案（申请）日期" type="date" {...f('filedDate', today)} />
        </ActSection>
      ) : (
        ''
      )}
    </>
  );
};
