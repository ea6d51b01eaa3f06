/**
 * The county supervision page's section on how applications were handled: the cases with a
 * procedural defect (程序瑕疵) in the year, each linked to its case, and the county's default
 * 补正期限 with the form that changes it (posted to /admin/requests/settings/correction-period,
 * which shows its own page again when the value is refused).
 */
import type { FC } from 'hono/jsx';
import type { DefectRow } from '../../../app/requests/defects.ts';
import { correctionPeriod, procedureDefects } from '../../../law/request-workflow.ts';
import { TextField } from '../../views/components.tsx';

export const CorrectionPeriodForm: FC<{ countyId: number; csrf: string; days: number; value?: string; error?: string; back: string }> = ({
  countyId,
  csrf,
  days,
  value,
  error,
  back,
}) => (
  <form method="post" action="/admin/requests/settings/correction-period" class="form inline-form">
    <input type="hidden" name="_csrf" value={csrf} />
    <input type="hidden" name="county" value={String(countyId)} />
    <input type="hidden" name="back" value={back} />
    <TextField
      id="field-correctionWorkingDays"
      name="correctionWorkingDays"
      label={`默认补正期限（工作日，${correctionPeriod.minWorkingDays}—${correctionPeriod.maxWorkingDays}）`}
      type="number"
      attrs={{ min: correctionPeriod.minWorkingDays, max: correctionPeriod.maxWorkingDays }}
      hint="自申请人收到补正告知书之日起计算（条例第三十条），适用于本县各机关；个案另定期限的须写明理由。"
      value={value ?? String(days)}
      error={error}
    />
    <button type="submit">保存</button>
  </form>
);

export const ProcedureSection: FC<{
  year: number;
  countyId: number;
  defects: readonly DefectRow[];
  correctionDays: number;
  csrf: string;
  maySet: boolean;
  back: string;
}> = (p) => (
  <section aria-labelledby="procedure" id="procedure">
    <h2 id="procedure">依申请公开程序瑕疵</h2>
    {p.defects.length === 0 ? (
      <p>{p.year}年没有登记程序瑕疵。</p>
    ) : (
      <table class="list">
        <caption>
          {p.year}年有程序瑕疵的申请（{p.defects.length}件）
        </caption>
        <thead>
          <tr>
            <th scope="col">申请编号</th>
            <th scope="col">机关</th>
            <th scope="col">程序瑕疵</th>
            <th scope="col">日期</th>
            <th scope="col">记录的原因</th>
          </tr>
        </thead>
        <tbody>
          {p.defects.map((d) => (
            <tr>
              <td>
                <a href={`/admin/requests/${d.caseId}`}>{d.receiptNo}</a>
              </td>
              <td>{d.agency}</td>
              <td>
                {d.label}（{procedureDefects[d.kind].basis}）
              </td>
              <td>{d.on}</td>
              <td>{d.reason || '未说明'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
    <h3>补正期限</h3>
    {p.maySet ? (
      <CorrectionPeriodForm countyId={p.countyId} csrf={p.csrf} days={p.correctionDays} back={p.back} />
    ) : (
      <p>本县默认补正期限：{p.correctionDays}个工作日。</p>
    )}
  </section>
);
