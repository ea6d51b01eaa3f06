/**
 * Staff registration of an application received in person, by post, e-mail or fax: the
 * channel with its 收到申请之日 rule (条例 第三十一条) beside the date, then the same
 * applicant and request fields as the public form, and the identity files.
 */
import type { FC } from 'hono/jsx';
import type { Agency } from '../../../domain/agencies/agency.ts';
import { applicationLimits } from '../../../law/application-form.ts';
import { receiptChannelKeys, receiptChannels } from '../../../law/receipt-channels.ts';
import { timeLimits } from '../../../law/time-limits.ts';
import { Breadcrumbs, TextField } from '../../views/components.tsx';
import { ErrorSummary } from '../../views/layout.tsx';
import { ApplicationFields, messagesByField, type FormValues } from '../../views/application-fields.tsx';

/** Staff register every channel but the portal's own (online submissions are confirmed instead). */
const staffChannels = receiptChannelKeys.filter((c) => c !== 'online');

export const RegisterForm: FC<{ agency: Agency; csrf: string; today: string; values: FormValues; errors: readonly { field: string; message: string }[]; filesDropped: boolean }> = ({
  agency,
  csrf,
  today,
  values,
  errors,
  filesDropped,
}) => {
  const e = messagesByField(errors);
  return (
    <>
      <Breadcrumbs trail={[['工作台', '/admin'], ['依申请公开', `/admin/requests?agency=${agency.id}`], ['登记申请', null]]} />
      <h1>登记申请（{agency.shortName}）</h1>
      <ErrorSummary errors={errors} />
      {filesDropped ? (
        <p class="notice" role="status">
          已选择的身份证明材料没有保存，请重新选择文件后再提交。
        </p>
      ) : (
        ''
      )}
      <form method="post" action={`/admin/requests?_csrf=${encodeURIComponent(csrf)}`} enctype="multipart/form-data" class="form" novalidate>
        <input type="hidden" name="agency" value={String(agency.id)} />
        <fieldset class={e.channel ? 'choices has-error' : 'choices'}>
          <legend>提交方式和收到申请之日的认定（条例第三十一条）</legend>
          {e.channel ? (
            <p class="field-error" id="error-channel">
              {e.channel}
            </p>
          ) : (
            ''
          )}
          {staffChannels.map((c, i) => (
            <div class="choice">
              <input type="radio" id={i === 0 ? 'field-channel' : `field-channel-${c}`} name="channel" value={c} checked={values.channel === c} />
              <label for={i === 0 ? 'field-channel' : `field-channel-${c}`}>
                {receiptChannels[c].label}：以{receiptChannels[c].receiptDay}为收到申请之日
              </label>
            </div>
          ))}
        </fieldset>
        <TextField
          name="receivedDate"
          type="date"
          label="收到申请之日"
          value={values.receivedDate ?? today}
          hint={`按上面所选提交方式的规则填写，不能晚于今天。答复期限自此日起${timeLimits.reply.workingDays}个工作日；需要补正的，应在此日起${timeLimits.correctionNotice.workingDays}个工作日内一次性告知。`}
          error={e.receivedDate}
        />
        <ApplicationFields values={values} errors={e} />
        <TextField
          name="identityFiles"
          type="file"
          label="身份证明材料（选填）"
          hint={`身份证件、营业执照等的扫描件或照片，PDF、JPG 或 PNG，最多${applicationLimits.maxUploads}个，每个不超过${applicationLimits.maxUploadBytes / 1024 / 1024} MB`}
          error={e.identityFiles}
          attrs={{ multiple: 'multiple', accept: '.pdf,.jpg,.jpeg,.png' }}
        />
        <button type="submit">登记并生成回执</button>
      </form>
    </>
  );
};
