/** Each act form's fields handed to its function in src/app/requests/acts.ts. */
import type { AppContext } from '../../../app/context.ts';
import {
  archive,
  assessReasons,
  assignHandler,
  consultAgency,
  consultThirdParty,
  extendDeadline,
  lapseCorrection,
  lapseFee,
  noticeFee,
  receiveCorrection,
  recordAgencyOpinion,
  recordDelivery,
  recordFeePayment,
  recordThirdPartyOpinion,
  reply,
  requestCorrection,
  requestReasons,
  withdraw,
  type ItemReplyForm,
} from '../../../app/requests/acts.ts';
import { decideDisclosure, type DeliveryInput } from '../../../app/requests/delivery.ts';
import { draftReply, proposeExtension, returnExtension, returnReply } from '../../../app/requests/sign-off.ts';
import type { Actor } from '../../../domain/access/policy.ts';
import { letterPlaceholders, type LetterPlaceholder } from '../../../law/letters.ts';
import type { FormAct } from './available-acts.ts';

export type Form = Partial<Record<string, string>>;

/** A whole number as typed, or NaN (which the act refuses with a message naming the field). */
export const count = (v: string | undefined) => (v !== undefined && /^\s*\d+\s*$/.test(v) ? Number(v) : Number.NaN);

/** The reply form's items: `items[0].seq`, `items[0].kind`, `items[0].provision` … */
export function replyItemsOf(form: Form): ItemReplyForm[] {
  const out: ItemReplyForm[] = [];
  for (let i = 0; form[`items[${i}].seq`] !== undefined; i++) {
    const values: Partial<Record<LetterPlaceholder, string>> = {};
    for (const p of letterPlaceholders) {
      const v = form[`items[${i}].${p}`];
      if (v !== undefined && v.trim() !== '') values[p] = v;
    }
    out.push({ seq: Number(form[`items[${i}].seq`]), kind: form[`items[${i}].kind`] ?? '', values });
  }
  return out;
}

type Runner = (ctx: AppContext, actor: Actor, id: number, f: Form) => Promise<unknown>;

/** The delivery fields every form of an act that sends a letter has (DeliveryFields). */
const delivery = (f: Form): DeliveryInput => ({ method: f.deliveryMethod ?? '', on: f.deliveredOn ?? '' });

export const actRunners: Record<FormAct, Runner> = {
  assigned: (ctx, actor, id, f) => assignHandler(ctx, actor, id, { on: f.on ?? '', handlerId: count(f.handlerId) }),
  correctionRequested: (ctx, actor, id, f) =>
    requestCorrection(ctx, actor, id, {
      on: f.on ?? '',
      items: f.items ?? '',
      workingDays: f.workingDays ?? '',
      periodReason: f.periodReason ?? '',
      lateReason: f.lateReason ?? '',
      delivery: delivery(f),
    }),
  correctionReceived: (ctx, actor, id, f) => receiveCorrection(ctx, actor, id, { on: f.on ?? '', note: f.note ?? '' }),
  correctionLapsed: (ctx, actor, id, f) => lapseCorrection(ctx, actor, id, { on: f.on ?? '', delivery: delivery(f) }),
  thirdPartyConsulted: (ctx, actor, id, f) => consultThirdParty(ctx, actor, id, { on: f.on ?? '', party: f.party ?? '', delivery: delivery(f) }),
  thirdPartyAnswered: (ctx, actor, id, f) => recordThirdPartyOpinion(ctx, actor, id, { on: f.on ?? '', opinion: f.opinion ?? '', note: f.note ?? '' }),
  agencyConsulted: (ctx, actor, id, f) => consultAgency(ctx, actor, id, { on: f.on ?? '', agency: f.agency ?? '', delivery: delivery(f) }),
  agencyAnswered: (ctx, actor, id, f) => recordAgencyOpinion(ctx, actor, id, { on: f.on ?? '', opinion: f.opinion ?? '', note: f.note ?? '' }),
  reasonsRequested: (ctx, actor, id, f) => requestReasons(ctx, actor, id, { on: f.on ?? '', due: f.due ?? '', delivery: delivery(f) }),
  reasonsAssessed: (ctx, actor, id, f) =>
    assessReasons(ctx, actor, id, { on: f.on ?? '', reasonable: f.reasonable === 'yes', delayedDue: f.delayedDue ?? '', note: f.note ?? '' }),
  extensionProposed: (ctx, actor, id, f) => proposeExtension(ctx, actor, id, { on: f.on ?? '', workingDays: count(f.workingDays), reason: f.reason ?? '' }),
  extensionReturned: (ctx, actor, id, f) => returnExtension(ctx, actor, id, { on: f.on ?? '', reason: f.reason ?? '' }),
  extended: (ctx, actor, id, f) =>
    extendDeadline(ctx, actor, id, { on: f.on ?? '', workingDays: count(f.workingDays), reason: f.reason ?? '', delivery: delivery(f) }),
  feeNoticed: (ctx, actor, id, f) =>
    noticeFee(ctx, actor, id, {
      on: f.on ?? '',
      scheme: f.scheme ?? '',
      quantity: f.quantity ?? '',
      paymentMethod: f.paymentMethod ?? '',
      delivery: delivery(f),
    }),
  feePaid: (ctx, actor, id, f) => recordFeePayment(ctx, actor, id, { on: f.on ?? '', receiptNote: f.receiptNote ?? '' }),
  feeLapsed: (ctx, actor, id, f) => lapseFee(ctx, actor, id, { on: f.on ?? '', delivery: delivery(f) }),
  disclosureDecided: (ctx, actor, id, f) =>
    decideDisclosure(ctx, actor, id, { on: f.on ?? '', content: f.content ?? '', reason: f.reason ?? '', delivery: delivery(f) }),
  // The reply form: drafted for the head's sign-off, or issued where none is needed.
  replied: (ctx, actor, id, f) => (f.intent === 'draft' ? draftReply : reply)(ctx, actor, id, { on: f.on ?? '', items: replyItemsOf(f) }),
  replyReturned: (ctx, actor, id, f) => returnReply(ctx, actor, id, { on: f.on ?? '', reason: f.reason ?? '', draftSeq: count(f.draftSeq) }),
  withdrawn: (ctx, actor, id, f) => withdraw(ctx, actor, id, { on: f.on ?? '', reason: f.reason ?? '' }),
  delivered: (ctx, actor, id, f) => recordDelivery(ctx, actor, id, { on: f.on ?? '', method: f.method ?? '', proof: f.proof ?? '' }),
  archived: (ctx, actor, id, f) => archive(ctx, actor, id, { on: f.on ?? '' }),
};
