/**
 * Staff registration of an application received in person, by post, e-mail or fax: the
 * channel with its 收到申请之日 rule (条例 第三十一条) and the date, then the application's
 * fields as the public form has them (src/web/views/application-fields.tsx) and the identity files.
 */
import type { FC } from 'hono/jsx';
import type { Agency } from '../../../domain/agencies/agency.ts';
import type { FieldError } from '../../../domain/shared/result.ts';
import { receiptChannelKeys, receiptChannels } from '../../../law/receipt-channels.ts';
import { timeLimits } from '../../../law/time-limits.ts';
import { Breadcrumbs } from '../../views/components.tsx';
import {
  ApplicationErrorSummary,
  ApplicationFields,
  FilesDroppedNotice,
  IdentityFilesField,
  RadioGroup,
  TextField,
  fieldState,
  type FormValues,
} from '../../views/application-fields.tsx';

/** Staff register every channel but the portal's own (online submissions are confirmed instead). */
const staffChannels = receiptChannelKeys.filter((c) => c !== 'online');

/** The registration's own fields besides the application's. */
export const registrationFields = ['channel', 'receivedDate'] as const;

export const RegisterForm: FC<{ agency: Agency; csrf: string; today: string; values: FormValues; errors: readonly FieldError[]; filesDropped: boolean }> = ({
  agency,
  csrf,
  today,
  values,
  errors,
  filesDropped,
}) => {
  const state = fieldState({ ...values, receivedDate: values.receivedDate ?? today }, errors);
  return (
    <>
      <Breadcrumbs
        trail={[
          ['工作台', '/admin'],
          ['依申请公开', `/admin/requests?agency=${agency.id}`],
          ['登记申请', null],
        ]}
      />
      <h1>登记申请（{agency.shortName}）</h1>
      <ApplicationErrorSummary values={values} errors={errors} />
      <FilesDroppedNotice dropped={filesDropped} />
      <form method="post" action={`/admin/requests?_csrf=${encodeURIComponent(csrf)}`} enctype="multipart/form-data" class="form application-form" novalidate>
        <input type="hidden" name="agency" value={String(agency.id)} />
        <RadioGroup
          name="channel"
          legend="提交方式和收到申请之日的认定（条例第三十一条）"
          options={staffChannels.map((c) => [c, `${receiptChannels[c].label}：以${receiptChannels[c].receiptDay}为收到申请之日`] as const)}
          state={state}
        />
        <TextField
          name="receivedDate"
          type="date"
          label="收到申请之日"
          state={state}
          hint={`按上面所选提交方式的规则填写，不能晚于今天。答复期限自此日起${timeLimits.reply.workingDays}个工作日；需要补正的，应在此日起${timeLimits.correctionNotice.workingDays}个工作日内一次性告知。`}
        />
        <ApplicationFields state={state} />
        <IdentityFilesField state={state} />
        <button type="submit">登记并生成回执</button>
      </form>
    </>
  );
};
