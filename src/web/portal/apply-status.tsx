/**
 * The applicant's look-up (申请查询): receipt number and query code go in a POST form, so
 * the code never reaches an address or a log; the result shows the case's progress and the
 * letters sent to the applicant, each downloadable as DOCX by a POST that carries the pair.
 */
import type { FC } from 'hono/jsx';
import type { ApplicationStatus } from '../../app/requests/status.ts';
import type { FieldError } from '../../domain/shared/result.ts';
import { awaitingDeliveryLabel } from '../../law/delivery.ts';
import { receiptChannels } from '../../law/receipt-channels.ts';
import { timeLimits } from '../../law/time-limits.ts';
import { LetterView } from '../../render/letters/html.tsx';
import { MetadataBlock } from '../views/components.tsx';
import { ErrorSummary } from '../views/layout.tsx';

export interface StatusFormState {
  receiptNo: string;
  errors: readonly FieldError[];
}

/** A wrong pair is said once, in the summary, pointing at the first box: which part is wrong is not told. */
const mismatch = (e: FieldError) => e.code === 'GK_STATUS_MISMATCH';

export const StatusForm: FC<{ csrf: string; state: StatusFormState }> = ({ csrf, state }) => {
  const summary = state.errors.map((e) => (mismatch(e) ? { field: 'receiptNo', message: e.message } : e));
  const at = (field: string) => state.errors.filter((e) => e.field === field && !mismatch(e)).map((e) => e.message);
  const field = (name: string, label: string, hint: string, value: string, extra: Record<string, string>) => {
    const messages = at(name);
    return (
      <div class={messages.length ? 'field has-error' : 'field'}>
        <label for={`field-${name}`}>{label}</label>
        <p class="hint" id={`hint-${name}`}>
          {hint}
        </p>
        {messages.length ? (
          <p class="field-error" id={`error-${name}`}>
            <span class="visually-hidden">错误：</span>
            {messages.join('；')}
          </p>
        ) : (
          ''
        )}
        <input
          id={`field-${name}`}
          name={name}
          type="text"
          value={value}
          {...extra}
          {...(messages.length ? { 'aria-invalid': 'true', 'aria-describedby': `hint-${name} error-${name}` } : { 'aria-describedby': `hint-${name}` })}
        />
      </div>
    );
  };
  return (
    <>
      <ErrorSummary errors={summary} />
      <form method="post" action="/apply/status" class="form narrow" novalidate>
        <input type="hidden" name="_csrf" value={csrf} />
        {field('receiptNo', '申请编号', '提交申请后页面显示的编号，也写在登记回执上，如 WS2026000001。', state.receiptNo, {
          autocomplete: 'off',
          spellcheck: 'false',
        })}
        {field('queryCode', '查询码', '提交申请时页面显示的8位查询码，不区分大小写。', '', { autocomplete: 'off', spellcheck: 'false' })}
        <button type="submit">查询</button>
      </form>
    </>
  );
};

const Due: FC<{ due: { label: string; due: string | null; provisional: boolean } }> = ({ due }) => (
  <>
    {due.label}：{due.due ?? `${awaitingDeliveryLabel}（自收到文书之日起计算，送达后显示期限）`}
    {due.provisional ? '（暂定：该年度的节假日安排尚未收录，公布后可能调整）' : ''}
  </>
);

export const StatusResult: FC<{ status: ApplicationStatus; csrf: string; queryCode: string }> = ({ status, csrf, queryCode }) => {
  if (status.kind === 'submitted') {
    return (
      <>
        <MetadataBlock
          rows={[
            ['申请编号', status.receiptNo],
            ['受理机关', status.agency],
            ['提交日期', status.submittedOn],
            ['办理状态', '已提交，等待受理机关确认'],
          ]}
        />
        <p>
          {status.agency}确认收到申请后，以双方确认之日为收到申请之日（{receiptChannels.online.receiptDay}，《条例》第三十一条），并自该日起
          {timeLimits.reply.workingDays}个工作日内答复。确认后，本页会显示收到申请之日、答复期限和登记回执。
        </p>
      </>
    );
  }
  if (status.kind === 'setAside') {
    return (
      <>
        <MetadataBlock
          rows={[
            ['申请编号', status.receiptNo],
            ['受理机关', status.agency],
            ['办理状态', '未予登记'],
          ]}
        />
        <p>受理机关未将这份网上提交的内容登记为政府信息公开申请，原因是：{status.note}</p>
      </>
    );
  }
  return (
    <>
      <MetadataBlock
        rows={[
          ['申请编号', status.receiptNo],
          ['受理机关', status.agency],
          ['办理状态', status.state],
          ['收到申请之日', status.receivedDate],
        ]}
      />
      {status.due ? (
        <p class="due">
          <Due due={status.due} />
        </p>
      ) : (
        ''
      )}
      <section aria-labelledby="status-timeline">
        <h2 id="status-timeline">办理过程</h2>
        <ol class="timeline">
          {status.timeline.map((t) => (
            <li>
              <time datetime={t.on}>{t.on}</time> {t.label}
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="status-letters">
        <h2 id="status-letters">受理机关发给您的文书（{status.letters.length}份）</h2>
        {status.letters.map((l) => (
          <div class="letter-entry">
            <LetterView letter={l.content} id={`letter-${l.id}`} />
            <form method="post" action="/apply/status/letter" class="letter-download">
              <input type="hidden" name="_csrf" value={csrf} />
              <input type="hidden" name="receiptNo" value={status.receiptNo} />
              <input type="hidden" name="queryCode" value={queryCode} />
              <input type="hidden" name="letter" value={String(l.id)} />
              <button type="submit">
                下载<span class="visually-hidden">{`${l.content.title}（${l.number}）的`}</span>Word文件（DOCX）
              </button>
            </form>
          </div>
        ))}
      </section>
    </>
  );
};
