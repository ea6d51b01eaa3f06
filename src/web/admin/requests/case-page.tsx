/**
 * A disclosure case for staff: its deadlines and how each was counted, the applicant
 * (personal data: the agency's own staff only), the items and their replies, the
 * registration hints, the forms of the acts allowed now, the timeline, letters, identity
 * files and appeals.
 */
import type { Child, FC } from 'hono/jsx';
import type { caseDetail, registrationHints } from '../../../app/requests/read.ts';
import type { CaseEvent } from '../../../domain/requests/case.ts';
import { chineseDate } from '../../../domain/shared/dates.ts';
import { identityDocuments, isIdentityDocument } from '../../../law/application-form.ts';
import { appealOutcomes, appealTracks, type AppealOutcome, type AppealTrack } from '../../../law/appeals.ts';
import { feeSchedules } from '../../../law/fees.ts';
import { awaitingDeliveryLabel, deliveryMethods } from '../../../law/delivery.ts';
import { letterKinds, replyKindLabel } from '../../../law/letters.ts';
import { caseActs, procedureDefects, type CaseAct } from '../../../law/request-workflow.ts';
import { timeLimits } from '../../../law/time-limits.ts';
import { Breadcrumbs } from '../../views/components.tsx';
import { ErrorSummary } from '../../views/layout.tsx';
import { opinionLabels, summaryField, type ActFormState } from './act-forms.tsx';
import { deliveryText, LetterReceiptForm } from './delivery-forms.tsx';
import { applicantTypeLabel, channelLabel, DueStanding, outcomeLabel, stateLabel } from './dashboard-page.tsx';

type Detail = Awaited<ReturnType<typeof caseDetail>>;
type Hints = Awaited<ReturnType<typeof registrationHints>>;

/** What the timeline says of an act besides its name. */
export function actDetails(e: CaseEvent): string {
  switch (e.act) {
    case 'received':
      return channelLabel(e.channel);
    case 'assigned':
      return `承办人：${e.handlerName}`;
    case 'correctionRequested':
      return [
        `补正事项：${e.items}`,
        `补正期限：${e.workingDays ? `自收到告知书之日起${e.workingDays}个工作日` : e.due}`,
        e.periodReason ? `另定期限的理由：${e.periodReason}` : '',
        e.lateReason ? `逾期告知的原因：${e.lateReason}` : '',
      ]
        .filter(Boolean)
        .join('；');
    case 'disclosureDecided':
      return `第三方：${e.party}；决定公开的内容：${e.content}；理由：${e.reason}`;
    case 'letterDelivered':
      return [`${letterKinds[e.letter].title}：${deliveryMethods[e.method].label}`, e.proof].filter(Boolean).join('；');
    case 'correctionReceived':
      return e.note;
    case 'thirdPartyConsulted':
      return `第三方：${e.party}`;
    case 'agencyConsulted':
      return `被征求意见的机关：${e.agency}`;
    case 'thirdPartyAnswered':
    case 'agencyAnswered':
      return [opinionLabels[e.opinion], e.note].filter(Boolean).join('：');
    case 'reasonsRequested':
      return `说明理由期限：${e.due}`;
    case 'reasonsAssessed':
      return [e.reasonable ? '理由合理' : '理由不合理', e.delayedDue ? `延迟答复期限：${e.delayedDue}` : '', e.note].filter(Boolean).join('；');
    case 'extensionProposed':
      return `提请延长${e.workingDays}个工作日；理由：${e.reason}；提请人：${e.proposer}`;
    case 'extensionReturned':
      return `不同意延期：${e.reason}；负责人：${e.approver}`;
    case 'extended':
      return `延长${e.workingDays}个工作日；理由：${e.reason}；批准人：${e.approver}`;
    case 'replyDrafted':
      return `拟稿人：${e.drafter}；拟计入表三：${outcomeLabel(e.outcome)}`;
    case 'replyReturned':
      return `退回理由：${e.reason}；负责人：${e.approver}`;
    case 'feeNoticed':
      return `${feeSchedules[e.scheme].label}，${e.quantity}${feeSchedules[e.scheme].unit}，${e.amountYuan}元`;
    case 'feePaid':
      return e.receiptNote;
    case 'replied':
      return [`计入表三：${outcomeLabel(e.outcome)}`, e.approver ? `签发人：${e.approver}` : ''].filter(Boolean).join('；');
    case 'withdrawn':
      return e.reason;
    case 'delivered':
      return [e.method, e.proof].filter(Boolean).join('；');
    case 'reopened':
      return e.reason;
    case 'deadlinesRecomputed':
      return `答复期限由${e.before ?? '—'}改为${e.after ?? '—'}`;
    case 'correctionLapsed':
    case 'feeLapsed':
    case 'archived':
      return '';
  }
}

/** The handler last assigned. */
const handlerOf = (events: readonly CaseEvent[]) => events.reduce<string | null>((name, e) => (e.act === 'assigned' ? e.handlerName : name), null);

const Working: FC<{ lines: readonly string[]; summary?: string }> = ({ lines, summary = '如何计算' }) =>
  lines.length ? (
    <details class="working">
      <summary>{summary}</summary>
      <pre>{lines.join('\n')}</pre>
    </details>
  ) : (
    ''
  );

const Row: FC<{ label: string; children?: Child }> = ({ label, children }) => (
  <div>
    <dt>{label}</dt>
    <dd>{children}</dd>
  </div>
);

export interface CasePageProps {
  d: Detail;
  hints: Hints;
  /** The agency's own staff see the applicant's personal data and identity files. */
  ownStaff: boolean;
  notice?: string;
  /** The query code, shown once after registration. */
  queryCode?: string;
  state?: ActFormState;
  urgency: { urgency: string; left: number } | null;
  forms: Child;
  appealForms: Child;
  /** For staff who handle the case: the form under each letter not yet received. */
  receiptForms?: { csrf: string };
}

export const CasePage: FC<CasePageProps> = ({ d, hints, ownStaff, notice, queryCode, state, urgency, forms, appealForms, receiptForms }) => {
  const v = d.view;
  const base = `/admin/requests/${d.row.id}`;
  const errors = (state?.errors ?? []).map((e) => ({ message: e.message, field: summaryField(state!.act, e.field) }));
  return (
    <>
      <Breadcrumbs
        trail={[
          ['工作台', '/admin'],
          ['依申请公开', `/admin/requests?agency=${d.agency.id}`],
          [d.row.receipt_no, null],
        ]}
      />
      <h1>申请 {d.row.receipt_no}</h1>
      <ErrorSummary errors={errors} />
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : (
        ''
      )}
      {queryCode ? (
        <div class="query-code" role="status">
          <p>
            查询码：<strong>{queryCode}</strong>
          </p>
          <p>查询码只显示这一次，请抄写在登记回执上交给申请人。申请人凭申请编号和查询码查询办理进度和答复文书。</p>
        </div>
      ) : (
        ''
      )}
      <dl class="metadata status">
        <Row label="受理机关">{d.agency.name}</Row>
        <Row label="状态">{stateLabel(v.state)}</Row>
        <Row label="提交方式">{channelLabel(v.channel)}</Row>
        <Row label="收到申请之日">{v.receivedDate}</Row>
        <Row label="申请人类型">{applicantTypeLabel(d.row.applicant_type)}</Row>
        <Row label="承办人">{handlerOf(d.timeline.map((t) => t.event)) ?? '未指定'}</Row>
        {v.state === 'closed' ? <Row label="办理结果（表三）">{outcomeLabel(v.lastOutcome)}</Row> : ''}
        {v.defects.length ? (
          <Row label="程序瑕疵">
            <ul class="defects">
              {v.defects.map((x) => (
                <li>
                  {procedureDefects[x.kind].label}（{procedureDefects[x.kind].basis}）：{procedureDefects[x.kind].explain}，{x.on}告知；原因：
                  {x.reason || '未说明'}
                </li>
              ))}
            </ul>
          </Row>
        ) : (
          ''
        )}
      </dl>

      <section aria-labelledby="deadlines">
        <h2 id="deadlines">期限</h2>
        {d.next ? (
          <p class={`next-deadline urgency-${urgency?.urgency ?? 'normal'}`}>
            下一个期限：{d.next.label} {d.next.due ?? awaitingDeliveryLabel}
            {d.next.provisional ? <span class="tag">暂定</span> : ''}
            {d.next.due !== null ? (
              <>
                （<DueStanding urgency={urgency?.urgency ?? 'normal'} left={urgency?.left ?? d.next.left ?? 0} />）
              </>
            ) : (
              '（自收到文书之日起计算，请在“文书”中登记送达）'
            )}
          </p>
        ) : (
          ''
        )}
        <dl class="deadlines">
          <dt>
            答复期限（条例第三十三条，{timeLimits.reply.workingDays}个工作日{v.extensionDays ? `，延长${v.extensionDays}个工作日` : ''}）
          </dt>
          <dd>
            {v.replyDue ? (
              <>
                {v.replyDue.due}（{chineseDate(v.replyDue.due)}），自{v.clockStart}起算
                {v.replyDue.provisional ? <span class="tag">暂定</span> : ''}
                {v.delayedDue ? `；经审核理由，延迟至${v.delayedDue}` : ''}
                <Working lines={d.replyDueWorking} />
              </>
            ) : v.state === 'awaitingCorrection' ? (
              '等待申请人补正，收到补正后重新计算'
            ) : (
              '已办结'
            )}
          </dd>
          {v.state !== 'closed' && !v.correction ? (
            <>
              <dt>告知补正的期限（条例第三十条，{timeLimits.correctionNotice.workingDays}个工作日）</dt>
              <dd>
                {v.correctionNoticeDue.due}
                {v.correctionNoticeDue.provisional ? <span class="tag">暂定</span> : ''}
                <Working lines={d.correctionNoticeWorking} />
              </dd>
            </>
          ) : (
            ''
          )}
          {v.pending ? (
            <>
              <dt>{v.pending.label}</dt>
              <dd>
                自{v.pending.since}至{v.pending.due ?? `${awaitingDeliveryLabel}（自收到文书之日起计算）`}
              </dd>
            </>
          ) : (
            ''
          )}
          {v.stops.length ? (
            <>
              <dt>暂停计算</dt>
              <dd>{v.stops.map((s) => `${s.label}：${s.from}至${s.to}${s.open ? '（尚未结束，按期限届满计）' : ''}`).join('；')}</dd>
            </>
          ) : (
            ''
          )}
        </dl>
      </section>

      {ownStaff && d.applicant ? (
        <section aria-labelledby="applicant">
          <h2 id="applicant">申请人（个人信息，仅限本单位工作人员查看）</h2>
          <dl class="metadata">
            <Row label="姓名或名称">{d.applicant.name}</Row>
            {d.applicant.id_number ? (
              <Row label={d.applicant.id_kind && isIdentityDocument(d.applicant.id_kind) ? identityDocuments[d.applicant.id_kind].label : '证件号码'}>
                {d.applicant.id_number}
              </Row>
            ) : (
              ''
            )}
            {d.applicant.organization_code ? <Row label="统一社会信用代码">{d.applicant.organization_code}</Row> : ''}
            {d.applicant.representative ? <Row label="法定代表人">{d.applicant.representative}</Row> : ''}
            {d.applicant.contact_person ? <Row label="联系人">{d.applicant.contact_person}</Row> : ''}
            <Row label="联系电话">{d.applicant.phone ?? ''}</Row>
            {d.applicant.email ? <Row label="电子邮箱">{d.applicant.email}</Row> : ''}
            {d.applicant.address ? <Row label="通信地址">{`${d.applicant.address}${d.applicant.postcode ? `（${d.applicant.postcode}）` : ''}`}</Row> : ''}
          </dl>
          <h3>身份证明材料</h3>
          {d.files.length === 0 ? (
            <p>没有上传身份证明材料。</p>
          ) : (
            <ul>
              {d.files.map((f) => (
                <li>
                  <a href={`${base}/files/${f.id}`}>{f.filename}</a>（{f.type.toUpperCase()}，{Math.ceil(f.size / 1024)} KB）
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : (
        ''
      )}

      <section aria-labelledby="items">
        <h2 id="items">申请内容</h2>
        <ol class="request-items">
          {d.items.map((i) => (
            <li>
              {i.description}
              {i.reply_kind ? (
                <p class="item-reply">
                  答复：{replyKindLabel(i.reply_kind)}；计入表三：{outcomeLabel(i.outcome)}
                </p>
              ) : (
                ''
              )}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="hints">
        <h2 id="hints">登记提示</h2>
        <h3>同一申请人此前的类似申请（可能属于重复申请，表三（五）2）</h3>
        {hints.similar.length === 0 ? (
          <p>没有发现。</p>
        ) : (
          <ul>
            {hints.similar.map((s) => (
              <li>
                {s.agency} {s.receipt_no}（{s.received_date}收到{s.closed_date ? `，${s.closed_date}办结：${outcomeLabel(s.outcome)}` : '，尚在办理'}）：
                {s.subject}
              </li>
            ))}
          </ul>
        )}
        <h3>可能已主动公开的信息（可答复“已主动公开，告知获取途径”）</h3>
        {hints.published.length === 0 ? (
          <p>没有发现。</p>
        ) : (
          <ul>
            {hints.published.map((p) => (
              <li>
                <a href={`/items/${p.id}`}>{p.title}</a>（索引号 {p.index_no ?? '—'}）
              </li>
            ))}
          </ul>
        )}
      </section>

      {forms ? (
        <section aria-labelledby="acts">
          <h2 id="acts">办理</h2>
          {forms}
        </section>
      ) : (
        ''
      )}

      <section aria-labelledby="timeline">
        <h2 id="timeline">办理记录</h2>
        <table class="list timeline">
          <caption class="visually-hidden">办理记录，按先后顺序</caption>
          <thead>
            <tr>
              <th scope="col">日期</th>
              <th scope="col">事项</th>
              <th scope="col">依据</th>
              <th scope="col">经办人</th>
              <th scope="col">说明</th>
            </tr>
          </thead>
          <tbody>
            {d.timeline.map((t) => (
              <tr>
                <td>{t.on_date}</td>
                <td>{caseActs[t.act as CaseAct]?.label ?? t.act}</td>
                <td>{caseActs[t.act as CaseAct]?.basis ?? ''}</td>
                <td>{t.actor}</td>
                <td>{actDetails(t.event)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="letters">
        <h2 id="letters">文书</h2>
        <table class="list">
          <caption class="visually-hidden">本申请发出的文书</caption>
          <thead>
            <tr>
              <th scope="col">文号</th>
              <th scope="col">名称</th>
              <th scope="col">日期</th>
              <th scope="col">送达</th>
              <th scope="col">下载</th>
            </tr>
          </thead>
          <tbody>
            {d.letters.map((l) => (
              <tr>
                <td>{l.number}</td>
                <td>
                  <a href={`${base}/letters/${l.id}`}>{l.content.title}</a>
                </td>
                <td>{l.issuedOn}</td>
                <td>
                  {deliveryText(l.delivery)}
                  {receiptForms && l.delivery && !l.delivery.receivedOn ? (
                    <LetterReceiptForm caseId={d.row.id} letterId={l.id} csrf={receiptForms.csrf} today={d.today} method={l.delivery.method} state={state} />
                  ) : (
                    ''
                  )}
                </td>
                <td>
                  <a href={`${base}/letters/${l.id}.docx`}>Word文档</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="appeals">
        <h2 id="appeals">行政复议和行政诉讼</h2>
        {d.appeals.length === 0 ? (
          <p>没有登记行政复议或行政诉讼。</p>
        ) : (
          <ul>
            {d.appeals.map((a) => (
              <li>
                {appealTracks[a.track as AppealTrack]?.label ?? a.track} {a.case_no}（{a.body}，{a.filed_date}）：
                {a.outcome ? `${appealOutcomes[a.outcome as AppealOutcome]?.label ?? a.outcome}（${a.concluded_date}）` : '尚未审结'}
              </li>
            ))}
          </ul>
        )}
        {appealForms}
      </section>
    </>
  );
};
