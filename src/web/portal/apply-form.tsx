/**
 * The online application form (条例 第二十九条): the agency, then the application's fields
 * (src/web/views/application-fields.tsx, shared with staff registration) with the public
 * form's own words — 一事一申请 and how the annual report counts an application — the
 * identity files, and what to read before submitting (personal data, 收到申请之日, fees).
 */
import type { FC } from 'hono/jsx';
import type { Agency } from '../../domain/agencies/agency.ts';
import type { FieldError } from '../../domain/shared/result.ts';
import { agencyKindKeys, agencyKinds } from '../../law/agency-kinds.ts';
import { feeMeasure, feeSchedules } from '../../law/fees.ts';
import { outcomeGroups } from '../../law/outcome-codes.ts';
import { receiptChannels } from '../../law/receipt-channels.ts';
import { timeLimits } from '../../law/time-limits.ts';
import {
  ApplicationErrorSummary,
  ApplicationFields,
  FilesDroppedNotice,
  IdentityFilesField,
  SelectField,
  fieldState,
  type FormValues,
} from '../views/application-fields.tsx';

export interface ApplyFormState {
  values: FormValues;
  errors: readonly FieldError[];
  /** Files were chosen but not kept (the form came back with errors). */
  filesDropped: boolean;
}

const group = (g: keyof typeof outcomeGroups) => outcomeGroups[g].label.replace(/^（[一二三四五六]）/, '').replace(/（.*）$/, '');
const freeItems = feeSchedules.perItem.bands[0].to;
const freePages = feeSchedules.perPage.bands[0].to;

const ItemsGuidance: FC = () => (
  <>
    <p>
      建议一事一申请：一份申请只写同一件事的信息，互不相关的事项请分别提交。一份申请不论写了几项，都作为一件申请登记、办理和答复；需要收取信息处理费的，受理机关可以按“一事一申请”把互不相关的内容拆分计算件数。
    </p>
    <p>
      受理机关逐项答复。年度报告统计这件申请的结果时：各项都公开的，计为“{group('granted')}”；有的公开、有的不公开的，计为“{group('partiallyGranted')}
      ”；都没有公开的，按“{group('withheld')}”“{group('unableToProvide')}”“{group('notProcessed')}”“{group('otherDisposal')}”的顺序，计为排在前面的一类。
    </p>
  </>
);

export const ApplyForm: FC<{ agencies: readonly Agency[]; state: ApplyFormState; csrf: string }> = ({ agencies, state, csrf }) => {
  const fields = fieldState(state.values, state.errors);
  return (
    <>
      <ApplicationErrorSummary values={state.values} errors={state.errors} />
      <FilesDroppedNotice dropped={state.filesDropped} why="为保护您的个人信息，" />
      <form method="post" action="/apply" enctype="multipart/form-data" class="form application-form" novalidate>
        <input type="hidden" name="_csrf" value={csrf} />
        <p class="help">带“（选填）”的可以不填，其余各项都需要填写。提交后，页面会显示申请编号和查询码，请记下，用于查询办理进度和答复文书。</p>

        <SelectField
          name="agency"
          label="受理申请的机关"
          state={fields}
          hint="向制作或者保存该政府信息的机关提出申请。不清楚的，可以先查看各机关的政府信息公开指南。"
          groups={agencyKindKeys.map((kind) => ({
            label: agencyKinds[kind].directory,
            options: agencies.filter((a) => a.kind === kind).map((a) => [String(a.id), a.name] as const),
          }))}
        />

        <ApplicationFields state={fields} itemsGuidance={<ItemsGuidance />} />

        <IdentityFilesField state={fields} note="未上传的，受理机关确认申请时可能请您补充提供。" />

        <section class="apply-notes" aria-labelledby="apply-notes-title">
          <h2 id="apply-notes-title">提交前请阅读</h2>
          <h3>个人信息的使用</h3>
          <p>
            您填写的姓名或者名称、证件号码、联系方式和上传的身份证明材料，只用于受理机关核实申请人身份、办理和答复本申请、送达文书，以及按规定统计同一申请人的申请件数；不在门户网站公开，不用于其他用途，按档案管理规定保存。
          </p>
          <h3>收到申请之日和答复期限</h3>
          <p>
            网上提交的申请，以受理机关与您双方确认之日为收到申请之日（{receiptChannels.online.label}：{receiptChannels.online.receiptDay}
            ，《条例》第三十一条）。受理机关自收到申请之日起{timeLimits.reply.workingDays}个工作日内答复；需要延长的，延长期限最长不超过
            {timeLimits.extension.workingDays}个工作日，并会告知您（《条例》第三十三条）。
          </p>
          <h3>费用</h3>
          <p>
            依申请提供政府信息，不收取费用。但申请公开政府信息的数量、频次明显超过合理范围的，受理机关可以收取信息处理费（《条例》第四十二条，《
            {feeMeasure.title}》{feeMeasure.number}）：按件计收的，同一申请人一个自然月内向同一机关累计申请{freeItems}件以内不收费；按量计收的，一件申请
            {freePages}页以内不收费。需要收费的，受理机关会先书面通知收费的依据、标准和数额，您自收到通知次日起{timeLimits.feePayment.workingDays}
            个工作日内缴纳；逾期未缴纳的，视为放弃申请。
          </p>
        </section>

        <button type="submit">提交申请</button>
      </form>
    </>
  );
};
