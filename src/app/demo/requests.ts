/**
 * The demo county's disclosure cases, recorded through the same app functions staff use:
 * each generated application is imported under its receipt number and handled act by act
 * (补正, consultation, extension, fee notice, reply per outcome, delivery, archive), so
 * ledgers, letters and the report's numbers all come from the workflow. Appeals are filed
 * and concluded against their cases (a 纠正 reopens one, which is answered again). A few
 * cases of this month stay open for the handlers' dashboard.
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../domain/access/policy.ts';
import { addDays } from '../../domain/calendar/days.ts';
import { addWorkingDays, workingDaysBetween } from '../../domain/calendar/deadline.ts';
import { nationalCalendar } from '../../domain/calendar/working-calendar.ts';
import { usccCheckChar } from '../../domain/agencies/agency.ts';
import { idCheckChar } from '../../domain/screening/checks.ts';
import { chinaDate, chineseDate, type IsoDate } from '../../domain/shared/dates.ts';
import type { ReplyKind, LetterPlaceholder } from '../../law/letters.ts';
import type { OutcomeCode } from '../../law/outcome-codes.ts';
import { insertAppeal } from '../../store/records.repo.ts';
import type { DB } from '../../store/schema.ts';
import type { AppContext } from '../context.ts';
import * as acts from '../requests/acts.ts';
import { concludeAppeal, recordAppeal } from '../requests/appeals.ts';
import { importApplication, submitApplication } from '../requests/intake.ts';
import { approveReply, draftReply, proposeExtension } from '../requests/sign-off.ts';
import type { DemoAppeal, DemoApplication } from './generate.ts';

const digits = (seed: string, n: number) => {
  const h = crypto.createHash('sha256').update(seed).digest();
  return [...h]
    .slice(0, n)
    .map((b) => String(b % 10))
    .join('');
};

/** A valid 身份证号 for a demo person (Huarong county, a birth date in 1950-1999). */
function demoIdNumber(seed: string): string {
  const d = digits(seed, 9);
  const year = 1950 + (Number(d.slice(0, 2)) % 50);
  const month = 1 + (Number(d.slice(2, 4)) % 12);
  const day = 1 + (Number(d.slice(4, 6)) % 28);
  const first17 = `430623${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${d.slice(6, 9)}`;
  return first17 + idCheckChar(first17);
}

function demoCreditCode(seed: string): string {
  const first17 = `91430623${digits(seed, 9)}`;
  return first17 + usccCheckChar(first17);
}

const deliveryOf: Record<string, string> = {
  online: 'online',
  email: 'email',
  inPerson: 'pickUp',
  fax: 'pickUp',
  registeredPost: 'post',
  ordinaryPost: 'post',
};

export function demoForm(a: Pick<DemoApplication, 'receiptNo' | 'applicantType' | 'applicantName' | 'channel' | 'subject'>): Record<string, unknown> {
  const person = a.applicantType === 'naturalPerson';
  return {
    applicantType: a.applicantType,
    name: a.applicantName,
    ...(person ? { idDocument: 'residentIdCard', idNumber: demoIdNumber(a.receiptNo) } : { creditCode: demoCreditCode(a.receiptNo), contactPerson: '刘明' }),
    phone: `139${digits(`${a.receiptNo}-phone`, 8)}`,
    email: `applicant${digits(a.receiptNo, 6)}@example.com`,
    address: '湖南省岳阳市华容县章华镇人民路18号',
    postcode: '414200',
    items: [a.subject.replace(/^申请公开/, '')],
    purpose: '',
    form: 'electronic',
    delivery: deliveryOf[a.channel] ?? 'email',
  };
}

/** The facts each reply kind needs, in words a demo agency would use. */
const demoFacts: Record<LetterPlaceholder, string> = Object.fromEntries(
  Object.entries({
    provision: '现将该信息以电子邮件方式发送至申请时填写的电子邮箱。',
    publishedAs: '该信息已在华容县人民政府门户网站本机关“政府信息公开”栏目公开，您可通过站内搜索查阅。',
    reason: '经审查，该信息不属于本机关应当公开的范围，具体情况已在答复中说明。',
    competentAgency: '华容县住房和城乡建设局（联系电话：0730-4223311）',
    searchDescription: '本机关以申请所列信息的名称为关键词，检索了本机关的发文登记簿、档案室案卷目录和在政府信息公开平台公开的信息。',
  }),
) as Record<LetterPlaceholder, string>;

const reasonFor: Partial<Record<OutcomeCode | ReplyKind, string>> = {
  partiallyGranted: '其中涉及个人身份证号码、联系电话的内容属于个人隐私，公开会对第三方合法权益造成损害，已作遮盖处理。',
  'withheld.stateSecret': '该信息已由定密责任人依照《中华人民共和国保守国家秘密法》确定为国家秘密，且尚未解密。',
  'withheld.internalAffairs': '该信息为本机关干部考勤和公务用车管理的内部记录，不对外部产生直接约束力。',
  'withheld.processInformation': '该信息为本机关研究讨论过程中形成的会议记录和征求意见稿，相关事项尚未作出决定。',
  'withheld.enforcementCaseFile': '该信息为本机关行政执法过程中形成的调查笔录、证据材料等案卷材料，执法决定已依法公开。',
  'unableToProvide.notResponsible': '该信息由华容县住房和城乡建设局在履行职责过程中制作和保存，本机关未制作、获取该信息。',
  'notProcessed.confirmationOrReissue': '申请人此前已经获取该信息，需要核对的，可以持原件到本机关办公室查阅原始记录。',
  'withheld.prohibitedByLaw': '根据《中华人民共和国统计法》的规定，统计调查中获得的单个调查对象资料不得对外提供。',
  'withheld.threeSecurityOneStability': '该信息公开后可能危及社会稳定。',
  'withheld.thirdPartyRights': '该信息涉及第三方商业秘密，经书面征求意见，第三方不同意公开，本机关认为不公开不会对公共利益造成重大影响。',
  'withheld.administrativeQuery': '不动产登记资料的查询适用《不动产登记资料查询暂行办法》，请持身份证明到华容县不动产登记中心办理查询。',
  'notProcessed.petitionOrComplaint': '申请反映的问题属于信访事项，请通过信访渠道提出。',
  'notProcessed.publication': '《华容县年鉴》为公开出版物，可到华容县图书馆查阅或通过出版发行渠道购买。',
  'notProcessed.excessive': '申请人在短期内反复申请大量内容相同的信息，经要求说明理由后仍未能说明其合理性。',
  'otherDisposal.other': '申请人书面撤回申请。',
};

/**
 * How a demo agency's letters reach the applicant, received the day they are sent: online and
 * e-mail applicants by e-mail, the others handed over (the demo's past has no receipts to wait for).
 */
const sentTo = (a: Pick<DemoApplication, 'channel'>, on: IsoDate) => ({ method: a.channel === 'online' || a.channel === 'email' ? 'email' : 'inPerson', on });

interface Handling {
  ctx: AppContext;
  /** The handler (an editor), and the head of the disclosure office who signs off. */
  actor: Actor;
  head: Actor;
  id: number;
  a: DemoApplication;
}

/** The acts before the reply that the outcome makes part of the story. */
async function before(h: Handling, received: IsoDate, closed: IsoDate): Promise<void> {
  const { ctx, actor, id, a } = h;
  if (a.outcome === 'unableToProvide.unclearAfterCorrection') {
    await acts.requestCorrection(ctx, actor, id, {
      on: received,
      items: '请写明所需信息的名称、文号或者形成时间等特征性描述。',
      delivery: sentTo(a, received),
    });
    await acts.receiveCorrection(ctx, actor, id, {
      on: addDays(received, 1) <= closed ? addDays(received, 1) : closed,
      note: '申请人补正了申请，但所需信息仍不明确。',
    });
  }
  if (a.outcome === 'withheld.thirdPartyRights' && workingDaysBetween(nationalCalendar, received, closed).workingDays >= 4) {
    await acts.consultThirdParty(ctx, actor, id, {
      on: received,
      party: '华容县某某环保科技有限公司',
      delivery: { method: 'post', on: addWorkingDays(nationalCalendar, received, 1).due },
    });
    await acts.recordThirdPartyOpinion(ctx, actor, id, {
      on: addWorkingDays(nationalCalendar, received, 3).due,
      opinion: 'objects',
      note: '该材料含有本公司工艺参数，属于商业秘密，不同意公开。',
    });
  }
}

/** An extension when the reply comes after the statutory 20 working days (as real demo agencies sometimes need). */
async function extendIfLate(h: Handling, replyDue: IsoDate | null, closed: IsoDate): Promise<void> {
  if (!replyDue || closed <= replyDue) return;
  const needed = workingDaysBetween(nationalCalendar, replyDue, closed).workingDays;
  const asked = { on: replyDue, workingDays: Math.min(20, Math.max(1, needed)), reason: '申请的信息涉及多个村（社区）和部门，需要调取、核对的材料较多' };
  await proposeExtension(h.ctx, h.actor, h.id, asked);
  await acts.extendDeadline(h.ctx, h.head, h.id, { ...asked, delivery: sentTo(h.a, replyDue) });
}

/** A reply as staff make it: 予以公开 by the handler; anything else drafted, then signed by the head (签发). */
async function replyAsStaff(h: Handling, on: IsoDate, items: readonly acts.ItemReplyForm[], signed: boolean): Promise<void> {
  if (!signed) {
    await acts.reply(h.ctx, h.actor, h.id, { on, items });
    return;
  }
  const drafted = await draftReply(h.ctx, h.actor, h.id, { on, items });
  await approveReply(h.ctx, h.head, h.id, { on, draftSeq: drafted.view.draft!.seq });
}

async function closeAsGenerated(h: Handling, previous: DemoApplication | undefined): Promise<void> {
  const { ctx, actor, id, a } = h;
  const received = a.receivedDate as IsoDate;
  const closed = a.closedDate as IsoDate;
  const outcome = a.outcome as OutcomeCode;
  if (outcome === 'otherDisposal.noCorrection') {
    await acts.requestCorrection(ctx, actor, id, {
      on: received,
      items: '请写明所需信息的名称、文号或者形成时间等特征性描述。',
      delivery: sentTo(a, received),
    });
    await acts.lapseCorrection(ctx, actor, id, { on: closed, delivery: sentTo(a, closed) });
    return;
  }
  if (outcome === 'otherDisposal.unpaidFee') {
    await acts.noticeFee(ctx, actor, id, {
      on: received,
      scheme: 'perPage',
      quantity: 120,
      paymentMethod: '请持本通知到华容县财政局非税收入征收窗口缴纳',
      delivery: sentTo(a, received),
    });
    await acts.lapseFee(ctx, actor, id, { on: closed, delivery: sentTo(a, closed) });
    return;
  }
  await before(h, received, closed);
  const due = (await ctx.db.selectFrom('applications').select('reply_due').where('id', '=', id).executeTakeFirstOrThrow()).reply_due as IsoDate | null;
  await extendIfLate(h, due, closed);
  if (outcome === 'otherDisposal.other') {
    // A withdrawal sends nothing to deliver.
    await acts.withdraw(ctx, actor, id, { on: closed, reason: reasonFor['otherDisposal.other']! });
    await acts.archive(ctx, actor, id, { on: closed });
    return;
  } else {
    const kind = replyKindFor(outcome, a.receiptNo);
    const values: Partial<Record<LetterPlaceholder, string>> = { ...demoFacts, reason: reasonFor[kind] ?? reasonFor[outcome] ?? demoFacts.reason };
    if (outcome === 'notProcessed.repeated')
      Object.assign(values, {
        previousReceiptNo: previous?.receiptNo ?? '（前次申请）',
        previousReplyDate: previous?.closedDate ? chineseDate(previous.closedDate as IsoDate) : '此前',
      });
    if (outcome === 'unableToProvide.unclearAfterCorrection') values.correctionNoticeDate = chineseDate(received);
    await replyAsStaff(h, closed, [{ seq: 1, kind, values }], outcome !== 'granted');
  }
  await acts.recordDelivery(ctx, actor, id, {
    on: closed,
    method: a.channel === 'online' || a.channel === 'email' ? '电子邮件' : '邮寄（EMS）',
    proof: a.channel === 'online' || a.channel === 'email' ? '系统发送记录' : 'EMS签收回执',
  });
  await acts.archive(ctx, actor, id, { on: closed });
}

/** The reply kind that sets each outcome; （四）1 is either 第三十六条第（四）项 or （五）, half and half by receipt number. */
function replyKindFor(outcome: OutcomeCode, receiptNo: string): ReplyKind {
  if (outcome === 'unableToProvide.notHeld')
    return Number(digits(`${receiptNo}-kind`, 1)) % 2 === 0 ? 'unableToProvide.doesNotExist' : 'unableToProvide.notResponsible';
  return outcome === 'granted' ? 'grantProvide' : outcome === 'partiallyGranted' ? 'partial' : (outcome as ReplyKind);
}

export interface DemoPeople {
  agencyId(slug: string): number;
  userId(username: string): number;
}

const handlerOf = (people: DemoPeople, slug: string): Actor => ({
  id: people.userId(`${slug}-editor`),
  roles: [{ role: 'editor', agencyId: people.agencyId(slug) }],
});
const headOf = (people: DemoPeople, slug: string): Actor => ({
  id: people.userId(`${slug}-leader`),
  roles: [{ role: 'leader', agencyId: people.agencyId(slug) }],
});

/** Every generated application through the workflow, then its appeals. `db` is the demo's transaction. */
export async function writeDemoCases(
  ctx: AppContext,
  db: Kysely<DB>,
  applications: readonly DemoApplication[],
  appeals: readonly DemoAppeal[],
  people: DemoPeople,
): Promise<void> {
  const t: AppContext = { ...ctx, db };
  const ids = new Map<string, number>();
  const bySubject = new Map<string, DemoApplication>();
  for (const a of applications) {
    const actor = handlerOf(people, a.agency);
    const id = await importApplication(
      t,
      actor,
      people.agencyId(a.agency),
      { channel: a.channel, receivedDate: a.receivedDate, receiptNo: a.receiptNo },
      demoForm(a),
    );
    ids.set(a.receiptNo, id);
    if (a.closedDate) await closeAsGenerated({ ctx: t, actor, head: headOf(people, a.agency), id, a }, bySubject.get(`${a.agency}:${a.subject}`));
    bySubject.set(`${a.agency}:${a.subject}`, a);
  }
  for (const c of appeals) {
    const caseId = c.receiptNo ? ids.get(c.receiptNo) : undefined;
    if (caseId === undefined) {
      await insertAppeal(db, {
        agency_id: people.agencyId(c.agency),
        application_id: null,
        track: c.track,
        case_no: c.caseNo,
        body: c.body,
        filed_date: c.filedDate,
        concluded_date: c.concludedDate,
        outcome: c.outcome,
        created_at: ctx.now().toISOString(),
      });
      continue;
    }
    const actor = handlerOf(people, c.agency);
    const appealId = await recordAppeal(t, actor, caseId, { track: c.track, caseNo: c.caseNo, body: c.body, filedDate: c.filedDate });
    if (!c.concludedDate || !c.outcome) continue;
    await concludeAppeal(t, actor, appealId, {
      concludedDate: c.concludedDate,
      outcome: c.outcome,
      reason: '复议机关（法院）认为答复理由不充分，责令重新答复',
    });
    if (c.outcome === 'corrected') {
      const on = addWorkingDays(nationalCalendar, c.concludedDate as IsoDate, 10).due;
      await acts.reply(t, actor, caseId, {
        on,
        items: [{ seq: 1, kind: 'grantProvide', values: { provision: '经重新审查，现将该信息以电子邮件方式发送给您。' } }],
      });
    }
  }
}

/**
 * Cases of the last weeks still in hand, at every stage, and two online applications to
 * confirm: what a handler opens the dashboard to. Dates count back from today.
 */
export async function writeDemoOpenCases(ctx: AppContext, db: Kysely<DB>, people: DemoPeople): Promise<void> {
  const t: AppContext = { ...ctx, db };
  const today = chinaDate(ctx.now());
  // The working day n working days before today.
  const back = (n: number): IsoDate => {
    let d = today;
    for (let left = n; left > 0; ) {
      d = addDays(d, -1);
      if (nationalCalendar.isWorkingDay(d)) left--;
    }
    return d;
  };
  const year = today.slice(0, 4);
  const open: {
    slug: string;
    n: number;
    type: DemoApplication['applicantType'];
    name: string;
    channel: DemoApplication['channel'];
    subject: string;
    received: IsoDate;
    act: (h: Handling) => Promise<void>;
  }[] = [
    {
      slug: 'chaqi',
      n: 1,
      type: 'naturalPerson',
      name: '彭卫东',
      channel: 'inPerson',
      subject: `插旗村${year}年度村集体经济收支情况`,
      received: back(2),
      act: async () => {},
    },
    {
      slug: 'chaqi',
      n: 2,
      type: 'naturalPerson',
      name: '罗秀英',
      channel: 'registeredPost',
      subject: '本村宅基地审批相关资料',
      received: back(6),
      // Posted: the period waits (待送达) until the signed receipt comes back.
      act: async (h) =>
        void (await acts.requestCorrection(h.ctx, h.actor, h.id, { on: back(4), items: '请写明宅基地所在村组和申请年份。', delivery: { method: 'post' } })),
    },
    {
      slug: 'chaqi',
      n: 3,
      type: 'commercial',
      name: '华容县鑫达建材有限公司',
      channel: 'email',
      subject: '插旗镇道路硬化工程的招投标及验收资料',
      received: back(9),
      act: async (h) =>
        void (await acts.consultThirdParty(h.ctx, h.actor, h.id, {
          on: back(5),
          party: '湖南某某路桥建设有限公司',
          delivery: { method: 'post', on: back(3) },
        })),
    },
    {
      // An extension the handler asked for today, waiting for the head's consent.
      slug: 'chaqi',
      n: 4,
      type: 'legalService',
      name: '湖南章华律师事务所',
      channel: 'online',
      subject: '插旗镇高标准农田建设项目资金使用情况',
      received: back(18),
      act: async (h) =>
        void (await proposeExtension(h.ctx, h.actor, h.id, {
          on: today,
          workingDays: 10,
          reason: '项目资金涉及多个年度和多个村，需要调取财政所的拨付凭证逐项核对',
        })),
    },
    {
      slug: 'chaqi',
      n: 5,
      type: 'naturalPerson',
      name: '何海燕',
      channel: 'inPerson',
      subject: '插旗镇农村危房改造补助对象名单',
      received: back(24),
      act: async (h) => {
        const asked = { on: back(6), workingDays: 15, reason: '需要调取各村的申报材料并逐项核对' };
        await proposeExtension(h.ctx, h.actor, h.id, asked);
        await acts.extendDeadline(h.ctx, h.head, h.id, { ...asked, on: back(5), delivery: { method: 'inPerson', on: back(5) } });
      },
    },
    {
      // A refusal the handler drafted, waiting for the head to sign it or return it.
      slug: 'chaqi',
      n: 6,
      type: 'naturalPerson',
      name: '谢建国',
      channel: 'registeredPost',
      subject: '插旗镇党政班子会议关于征地补偿问题的讨论记录',
      received: back(12),
      act: async (h) =>
        void (await draftReply(h.ctx, h.actor, h.id, {
          on: back(1),
          items: [
            {
              seq: 1,
              kind: 'withheld.processInformation',
              values: { reason: '该会议记录为本机关研究讨论征地补偿方案过程中形成的记录，补偿方案尚在研究中，尚未作出决定。' },
            },
          ],
        })),
    },
    {
      slug: 'county',
      n: 1,
      type: 'naturalPerson',
      name: '周志强',
      channel: 'online',
      subject: `华容县${year}年重大行政决策事项目录`,
      received: back(21),
      act: async () => {},
    },
  ];
  for (const o of open) {
    const receiptNo = `YSQ${year}${String(people.agencyId(o.slug)).padStart(2, '0')}9${String(o.n).padStart(3, '0')}`;
    const a = { receiptNo, applicantType: o.type, applicantName: o.name, channel: o.channel, subject: o.subject };
    const actor = handlerOf(people, o.slug);
    const id = await importApplication(t, actor, people.agencyId(o.slug), { channel: o.channel, receivedDate: o.received, receiptNo }, demoForm(a));
    await acts.assignHandler(t, actor, id, { on: o.received, handlerId: actor.id });
    await o.act({ ctx: t, actor, head: headOf(people, o.slug), id, a: a as DemoApplication });
  }
  for (const [i, subject] of ['插旗镇2026年度防汛物资采购情况', '插旗镇2026年度低保户名单及补助标准'].entries()) {
    const a = {
      receiptNo: `WS-demo-${i}`,
      applicantType: 'naturalPerson' as const,
      applicantName: ['邓晓军', '林春梅'][i]!,
      channel: 'online' as const,
      subject,
    };
    await submitApplication(t, people.agencyId('chaqi'), demoForm(a), []);
  }
}
