/**
 * The legal acts on a disclosure case (条例 第三十条至第三十六条, 国办函〔2020〕109号), one
 * function each, every one recorded by `recordAct` in one transaction with its letters.
 */
import { can, type Actor } from '../../domain/access/policy.ts';
import type { Opinion } from '../../domain/requests/case.ts';
import { applicationOutcome } from '../../domain/requests/outcome.ts';
import { missingReplyFacts } from '../../domain/requests/letters.ts';
import { explainFee, informationProcessingFee } from '../../domain/fees/information-processing-fee.ts';
import { chineseDate, isIsoDate, type IsoDate } from '../../domain/shared/dates.ts';
import { fieldError, InputError, type FieldError } from '../../domain/shared/result.ts';
import { feeSchedules, type FeeScheme } from '../../law/fees.ts';
import { isReplyKind, replyKinds, type LetterPlaceholder } from '../../law/letters.ts';
import { getStaffUser } from '../../store/users.repo.ts';
import { listAgencies } from '../../store/agencies.repo.ts';
import type { DraftItem } from '../../domain/requests/sign-off.ts';
import { itemsInMonth, itemsOf, lettersOf } from '../../store/requests.repo.ts';
import type { AppContext } from '../context.ts';
import { caseFor, recordAct, type ActResult } from './ledger.ts';
import { deliveryOf, dueNote, type DeliveryInput } from './delivery.ts';
import { correctionDefaultDays } from './settings.ts';

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const date = (v: unknown) => text(v) as IsoDate;

async function handle(ctx: AppContext, actor: Actor, id: number) {
  return caseFor(ctx.db, actor, id, 'requests.handle');
}

export async function assignHandler(ctx: AppContext, actor: Actor, id: number, input: { on: string; handlerId: number }): Promise<ActResult> {
  const row = await handle(ctx, actor, id);
  // A number that is no user id (NaN from a form) is refused like a stranger, not sent to the database.
  const user = Number.isSafeInteger(input.handlerId) && input.handlerId > 0 ? await getStaffUser(ctx.db, input.handlerId) : undefined;
  if (!user?.active || !user.roles.some((r) => r.agencyId === row.agency_id && r.role !== 'countySupervisor')) {
    throw new InputError([fieldError('handlerId', 'GK_HANDLER', '请选择本单位的工作人员作为承办人')]);
  }
  return recordAct(ctx, actor, id, () => ({ event: { act: 'assigned', on: date(input.on), handlerId: user.id, handlerName: user.displayName } }));
}

export interface CorrectionInput {
  on: string;
  items: string;
  /** The 补正期限 in working days; the county's default when not given. */
  workingDays?: unknown;
  periodReason?: string;
  /** Why the notice comes after the 7 working days of 第三十条. */
  lateReason?: string;
  delivery?: DeliveryInput;
}

/** 条例 第三十条: one notice of everything to correct, within 7 working days of receipt, its period counted from the day it is received. */
export async function requestCorrection(ctx: AppContext, actor: Actor, id: number, input: CorrectionInput): Promise<ActResult> {
  const row = await handle(ctx, actor, id);
  const defaultDays = await correctionDefaultDays(ctx.db, row.agency_id);
  const given = typeof input.workingDays === 'number' ? input.workingDays : text(input.workingDays);
  const workingDays = given === '' ? defaultDays : /^\d+$/.test(String(given)) ? Number(given) : Number.NaN;
  const optional = (k: 'periodReason' | 'lateReason') => (text(input[k]) ? { [k]: text(input[k]) } : {});
  return recordAct(ctx, actor, id, () => ({
    event: {
      act: 'correctionRequested',
      on: date(input.on),
      items: text(input.items),
      workingDays,
      defaultWorkingDays: defaultDays,
      ...optional('periodReason'),
      ...optional('lateReason'),
      ...deliveryOf(input.delivery),
    },
    letters: [
      {
        kind: 'correctionNotice',
        values: (after) => ({ correctionItems: text(input.items), correctionTerm: `${workingDays}个工作日内${dueNote(after.correction?.due ?? null)}` }),
      },
    ],
  }));
}

export async function receiveCorrection(ctx: AppContext, actor: Actor, id: number, input: { on: string; note?: string }): Promise<ActResult> {
  await handle(ctx, actor, id);
  return recordAct(ctx, actor, id, () => ({ event: { act: 'correctionReceived', on: date(input.on), note: text(input.note) } }));
}

/** No correction by the period given: deemed abandoned, （六）1. */
export async function lapseCorrection(ctx: AppContext, actor: Actor, id: number, input: { on: string; delivery?: DeliveryInput }): Promise<ActResult> {
  await handle(ctx, actor, id);
  return recordAct(ctx, actor, id, ({ case: c }) => ({
    event: { act: 'correctionLapsed', on: date(input.on), ...deliveryOf(input.delivery) },
    letters: [
      {
        kind: 'correctionLapsedNotice',
        values: () => ({
          correctionNoticeDate: c.view.correction ? chineseDate(c.view.correction.requestedOn) : '',
          correctionDue: c.view.correction?.due ? chineseDate(c.view.correction.due) : '',
        }),
      },
    ],
  }));
}

/** 条例 第三十二条: the third party has 15 working days; the reply clock stops meanwhile. */
export async function consultThirdParty(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: { on: string; party: string; delivery?: DeliveryInput },
): Promise<ActResult> {
  await handle(ctx, actor, id);
  return recordAct(ctx, actor, id, () => ({
    event: { act: 'thirdPartyConsulted', on: date(input.on), party: text(input.party), ...deliveryOf(input.delivery) },
    letters: [
      {
        kind: 'thirdPartyConsultation',
        addressee: text(input.party),
        values: (after) => ({ thirdParty: text(input.party), opinionDueNote: dueNote(after.pending?.due ?? null) }),
      },
    ],
  }));
}

const opinions: readonly Opinion[] = ['consents', 'objects', 'none'];
function opinionOf(v: unknown): Opinion {
  const o = text(v) as Opinion;
  if (!opinions.includes(o)) throw new InputError([fieldError('opinion', 'GK_OPINION', '请选择意见：同意公开、不同意公开或逾期未提出意见')]);
  return o;
}

export async function recordThirdPartyOpinion(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: { on: string; opinion: string; note?: string },
): Promise<ActResult> {
  await handle(ctx, actor, id);
  const opinion = opinionOf(input.opinion);
  return recordAct(ctx, actor, id, () => ({ event: { act: 'thirdPartyAnswered', on: date(input.on), opinion, note: text(input.note) } }));
}

/** 条例 第三十四条: information made with another agency. */
export async function consultAgency(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: { on: string; agency: string; delivery?: DeliveryInput },
): Promise<ActResult> {
  await handle(ctx, actor, id);
  return recordAct(ctx, actor, id, () => ({
    event: { act: 'agencyConsulted', on: date(input.on), agency: text(input.agency), ...deliveryOf(input.delivery) },
    letters: [
      {
        kind: 'agencyConsultation',
        addressee: text(input.agency),
        values: (after) => ({ consultedAgency: text(input.agency), opinionDueNote: dueNote(after.pending?.due ?? null) }),
      },
    ],
  }));
}

export async function recordAgencyOpinion(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: { on: string; opinion: string; note?: string },
): Promise<ActResult> {
  await handle(ctx, actor, id);
  const opinion = opinionOf(input.opinion);
  return recordAct(ctx, actor, id, () => ({ event: { act: 'agencyAnswered', on: date(input.on), opinion, note: text(input.note) } }));
}

/** 条例 第三十五条: the applicant is asked to explain an unreasonable number or frequency of requests. */
export async function requestReasons(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: { on: string; due: string; delivery?: DeliveryInput },
): Promise<ActResult> {
  await handle(ctx, actor, id);
  return recordAct(ctx, actor, id, () => ({
    event: { act: 'reasonsRequested', on: date(input.on), due: date(input.due), ...deliveryOf(input.delivery) },
    letters: [{ kind: 'reasonsRequest', values: () => ({ reasonsDue: isIsoDate(text(input.due)) ? chineseDate(date(input.due)) : '' }) }],
  }));
}

export async function assessReasons(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: { on: string; reasonable: boolean; delayedDue?: string; note?: string },
): Promise<ActResult> {
  await handle(ctx, actor, id);
  return recordAct(ctx, actor, id, () => ({
    event: {
      act: 'reasonsAssessed',
      on: date(input.on),
      reasonable: input.reasonable,
      delayedDue: text(input.delayedDue) ? date(input.delayedDue) : null,
      note: text(input.note),
    },
  }));
}

/** The name the ledger and the letters give the actor. */
export async function actorName(ctx: AppContext, actor: Actor): Promise<string> {
  return (await getStaffUser(ctx.db, actor.id))?.displayName ?? '';
}

/** Only the head of the agency's 政府信息公开工作机构 signs off (src/law/sign-off.ts). */
export async function signer(ctx: AppContext, actor: Actor, id: number, refusal: string): Promise<{ approver: string; approverId: number }> {
  await caseFor(ctx.db, actor, id, 'requests.approve', refusal);
  return { approver: await actorName(ctx, actor), approverId: actor.id };
}

/**
 * 条例 第三十三条第二款: at most 20 working days more, with the consent of the head of the
 * disclosure office, the applicant told. The head decides: a handler's proposal pending, this
 * approves it (days and reason as the head confirms them).
 */
export async function extendDeadline(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: { on: string; workingDays: number; reason: string; delivery?: DeliveryInput },
): Promise<ActResult> {
  const by = await signer(ctx, actor, id, '延长答复期限须经政府信息公开工作机构负责人同意：请提请负责人审批');
  return recordAct(ctx, actor, id, ({ case: c }) => ({
    event: {
      act: 'extended',
      on: date(input.on),
      workingDays: input.workingDays,
      reason: text(input.reason),
      ...by,
      ...(c.view.extensionProposal ? { proposalSeq: c.view.extensionProposal.seq } : {}),
      ...deliveryOf(input.delivery),
    },
    letters: [
      {
        kind: 'extensionNotice',
        values: (after) => ({
          extensionReason: text(input.reason),
          approver: by.approver,
          extensionDays: String(input.workingDays),
          extendedDue: after.replyDue ? chineseDate(after.replyDue.due) : '',
        }),
      },
    ],
  }));
}

export interface FeeQuote {
  scheme: FeeScheme;
  quantity: number;
  countedBefore: number;
  yuan: number;
  working: string[];
}

const schemeOf = (v: unknown): FeeScheme => {
  const s = text(v);
  if (s !== 'perItem' && s !== 'perPage') throw new InputError([fieldError('scheme', 'GK_FEE_SCHEME', '请选择按件计收或按量计收（一件申请只能选一种）')]);
  return s;
};

function quantityOf(v: unknown): number {
  const n = typeof v === 'number' ? v : Number(text(v));
  if (!Number.isSafeInteger(n) || n < 1 || n > 100000) throw new InputError([fieldError('quantity', 'GK_QUANTITY', '数量应为1以上的整数（件数或页数）')]);
  return n;
}

/** The fee calculator: the applicant's running 件 to this agency in the month of receipt count before this application's. */
export async function quoteFee(ctx: AppContext, actor: Actor, id: number, input: { scheme: string; quantity: unknown }): Promise<FeeQuote> {
  const row = await caseFor(ctx.db, actor, id, 'requests.view');
  const scheme = schemeOf(input.scheme);
  const quantity = quantityOf(input.quantity);
  const before = scheme === 'perItem' && row.applicant_key ? await itemsInMonth(ctx.db, row.applicant_key, row.agency_id, row.received_date, row.id) : 0;
  const fee = informationProcessingFee(scheme, quantity, before);
  return { scheme, quantity, countedBefore: before, yuan: fee.yuan, working: explainFee(fee) };
}

function standardText(scheme: FeeScheme): string {
  const s = feeSchedules[scheme];
  const bands = s.bands.map(
    (b) => `${b.to === null ? `${b.from}${s.unit}以上` : `${b.from}—${b.to}${s.unit}`}${b.yuanPerUnit === 0 ? '不收费' : `${b.yuanPerUnit}元/${s.unit}`}`,
  );
  const beyond = 'beyond' in s ? `，此后以${s.beyond.size}${s.unit}为一档，每增加一档，收费标准提高${s.beyond.step}元/${s.unit}` : '';
  return `${s.label}，${s.counts === '本次申请共' ? '按本次申请的页数' : `${s.counts}的件数`}超额累进计算：${bands.join('，')}${beyond}。`;
}

/** The 收费通知书: 收费依据、标准、数额、缴纳方式; pay within 20 working days from the next day. */
export async function noticeFee(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: { on: string; scheme: string; quantity: unknown; paymentMethod: string; delivery?: DeliveryInput },
): Promise<ActResult> {
  const quote = await quoteFee(ctx, actor, id, input);
  await handle(ctx, actor, id);
  const payment = text(input.paymentMethod);
  if (payment === '') throw new InputError([fieldError('paymentMethod', 'GK_REQUIRED', '请填写缴纳方式（如缴款账户或缴费地点）')]);
  return recordAct(ctx, actor, id, () => ({
    event: { act: 'feeNoticed', on: date(input.on), scheme: quote.scheme, quantity: quote.quantity, amountYuan: quote.yuan, ...deliveryOf(input.delivery) },
    letters: [
      {
        kind: 'feeNotice',
        values: (after) => ({
          feeBasis: feeSchedules[quote.scheme].article,
          feeScheme: feeSchedules[quote.scheme].label,
          feeStandard: standardText(quote.scheme),
          feeWorking: `${quote.working.map((l) => l.trim()).join('；')}。`,
          feeAmount: String(quote.yuan),
          feeDueNote: dueNote(after.fee?.due ?? null),
          paymentMethod: payment.endsWith('。') ? payment : `${payment}。`,
        }),
      },
    ],
  }));
}

export async function recordFeePayment(ctx: AppContext, actor: Actor, id: number, input: { on: string; receiptNote: string }): Promise<ActResult> {
  await handle(ctx, actor, id);
  return recordAct(ctx, actor, id, () => ({ event: { act: 'feePaid', on: date(input.on), receiptNote: text(input.receiptNote) } }));
}

/** No payment within the period: deemed abandoned, （六）2. */
export async function lapseFee(ctx: AppContext, actor: Actor, id: number, input: { on: string; delivery?: DeliveryInput }): Promise<ActResult> {
  await handle(ctx, actor, id);
  const notice = (await lettersOf(ctx.db, id)).filter((l) => l.kind === 'feeNotice').at(-1);
  return recordAct(ctx, actor, id, ({ case: c }) => ({
    event: { act: 'feeLapsed', on: date(input.on), ...deliveryOf(input.delivery) },
    letters: [
      {
        kind: 'feeLapsedNotice',
        values: () => ({
          feeNoticeDate: c.view.fee ? chineseDate(c.view.fee.noticedOn) : '',
          feeNoticeNo: notice?.number ?? '',
          feeDue: c.view.fee?.due ? chineseDate(c.view.fee.due) : '',
        }),
      },
    ],
  }));
}

export interface ItemReplyForm {
  seq: number;
  kind: string;
  values: Partial<Record<LetterPlaceholder, string>>;
}

/** One answer per requested item, checked: every fact each kind needs, item by item, at once. */
export async function replyAnswers(ctx: AppContext, id: number, input: { items: readonly ItemReplyForm[] }): Promise<DraftItem[]> {
  const items = await itemsOf(ctx.db, id);
  const errors: FieldError[] = [];
  const chosen = items.map((item, i) => {
    const answer = input.items.find((a) => a.seq === item.seq);
    if (!answer || !isReplyKind(answer.kind)) {
      errors.push(fieldError(`items[${i}].kind`, 'GK_REPLY_KIND', `第${i + 1}项“${item.description.slice(0, 20)}”：请选择答复类型`));
      return null;
    }
    const values = Object.fromEntries(Object.entries(answer.values).map(([k, v]) => [k, text(v)]));
    return { seq: item.seq, description: item.description, kind: answer.kind, values, outcome: replyKinds[answer.kind].outcome };
  });
  const answers = chosen.filter((c) => c !== null);
  // Every fact missing, item by item, at once (the letter builder would stop at the first).
  if (!errors.length) errors.push(...missingReplyFacts(answers));
  if (errors.length) throw new InputError(errors);
  return answers.map((a) => ({ itemId: a.seq, kind: a.kind, outcome: a.outcome, values: a.values }));
}

/**
 * Issues the reply: its event, its letter (built from the answers' facts) and each item's
 * outcome. `signedBy`: the head who signed it, and the draft it issues if there is one.
 */
export async function issueReply(
  ctx: AppContext,
  actor: Actor,
  id: number,
  on: IsoDate,
  answers: readonly DraftItem[],
  signedBy: { approver: string; approverId: number; draftSeq?: number } | null,
): Promise<ActResult> {
  const items = await itemsOf(ctx.db, id);
  const outcome = applicationOutcome(answers.map((a) => a.outcome));
  return recordAct(ctx, actor, id, () => ({
    event: { act: 'replied', on, outcome, items: answers.map((a) => ({ itemId: a.itemId, kind: a.kind, outcome: a.outcome })), ...(signedBy ?? {}) },
    letters: [
      {
        kind: 'reply',
        items: answers.map((a) => ({ description: items.find((i) => i.seq === a.itemId)?.description ?? '', kind: a.kind, values: a.values })),
        values: () => ({}),
      },
    ],
    itemReplies: answers.map((a) => ({ seq: a.itemId, kind: a.kind, outcome: a.outcome })),
  }));
}

/**
 * The reply (条例 第三十六条): one answer per requested item; the kinds chosen set each item's
 * outcome and, by the precedence of spec §1.7, the application's row in table 三. A handler
 * replies alone only where no sign-off is needed (予以公开, unless the agency says otherwise);
 * the head of the disclosure office replying signs it by doing so.
 */
export async function reply(ctx: AppContext, actor: Actor, id: number, input: { on: string; items: readonly ItemReplyForm[] }): Promise<ActResult> {
  const row = await handle(ctx, actor, id);
  const answers = await replyAnswers(ctx, id, input);
  const head = can(actor, 'requests.approve', row.agency_id, await listAgencies(ctx.db));
  return issueReply(ctx, actor, id, date(input.on), answers, head ? { approver: await actorName(ctx, actor), approverId: actor.id } : null);
}

/** The applicant withdraws: closed as （六）3. */
export async function withdraw(ctx: AppContext, actor: Actor, id: number, input: { on: string; reason: string }): Promise<ActResult> {
  await handle(ctx, actor, id);
  return recordAct(ctx, actor, id, () => ({ event: { act: 'withdrawn', on: date(input.on), reason: text(input.reason) } }));
}

export async function recordDelivery(ctx: AppContext, actor: Actor, id: number, input: { on: string; method: string; proof: string }): Promise<ActResult> {
  await handle(ctx, actor, id);
  return recordAct(ctx, actor, id, () => ({ event: { act: 'delivered', on: date(input.on), method: text(input.method), proof: text(input.proof) } }));
}

export async function archive(ctx: AppContext, actor: Actor, id: number, input: { on: string }): Promise<ActResult> {
  await handle(ctx, actor, id);
  return recordAct(ctx, actor, id, () => ({ event: { act: 'archived', on: date(input.on) } }));
}
