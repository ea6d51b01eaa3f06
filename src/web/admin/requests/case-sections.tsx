/**
 * The sections of the staff case page below its deadlines: the applicant and identity files,
 * the registration hints, the timeline, the letters and the appeals; and what the timeline
 * says of each act.
 */
import type { Child, FC } from 'hono/jsx';
import type { caseDetail, registrationHints } from '../../../app/requests/read.ts';
import type { CaseEvent } from '../../../domain/requests/case.ts';
import { identityDocuments, isIdentityDocument } from '../../../law/application-form.ts';
import { appealOutcomes, appealTracks, type AppealOutcome, type AppealTrack } from '../../../law/appeals.ts';
import { feeSchedules } from '../../../law/fees.ts';
import { deliveryMethods } from '../../../law/delivery.ts';
import { letterKinds } from '../../../law/letters.ts';
import { caseActs, type CaseAct } from '../../../law/request-workflow.ts';
import { opinionLabels, type ActFormState } from './act-form-parts.tsx';
import { deliveryText, LetterReceiptForm } from './delivery-forms.tsx';
import { channelLabel, outcomeLabel } from './dashboard-page.tsx';

export type Detail = Awaited<ReturnType<typeof caseDetail>>;
export type Hints = Awaited<ReturnType<typeof registrationHints>>;

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

export const Row: FC<{ label: string; children?: Child }> = ({ label, children }) => (
  <div>
    <dt>{label}</dt>
    <dd>{children}</dd>
  </div>
);

/** The applicant (personal data: the agency's own staff only) and the identity files. */
export const ApplicantSection: FC<{ d: Detail; applicant: NonNullable<Detail['applicant']>; base: string }> = ({ d, applicant, base }) => (
  <section aria-labelledby="applicant">
    <h2 id="applicant">申请人（个人信息，仅限本单位工作人员查看）</h2>
    <dl class="metadata">
      <Row label="姓名或名称">{applicant.name}</Row>
      {applicant.id_number ? (
        <Row label={applicant.id_kind && isIdentityDocument(applicant.id_kind) ? identityDocuments[applicant.id_kind].label : '证件号码'}>
          {applicant.id_number}
        </Row>
      ) : (
        ''
      )}
      {applicant.organization_code ? <Row label="统一社会信用代码">{applicant.organization_code}</Row> : ''}
      {applicant.representative ? <Row label="法定代表人">{applicant.representative}</Row> : ''}
      {applicant.contact_person ? <Row label="联系人">{applicant.contact_person}</Row> : ''}
      <Row label="联系电话">{applicant.phone ?? ''}</Row>
      {applicant.email ? <Row label="电子邮箱">{applicant.email}</Row> : ''}
      {applicant.address ? <Row label="通信地址">{`${applicant.address}${applicant.postcode ? `（${applicant.postcode}）` : ''}`}</Row> : ''}
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
);

/** Earlier similar applications and information perhaps already published. */
export const HintsSection: FC<{ hints: Hints }> = ({ hints }) => (
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
);

export const TimelineSection: FC<{ d: Detail }> = ({ d }) => (
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
);

export const LettersSection: FC<{ d: Detail; base: string; receiptForms?: { csrf: string }; state?: ActFormState }> = ({ d, base, receiptForms, state }) => (
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
);

export const AppealsSection: FC<{ d: Detail; children?: Child }> = ({ d, children }) => (
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
    {children}
  </section>
);
