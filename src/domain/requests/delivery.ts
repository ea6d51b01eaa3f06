/**
 * The delivery (送达) of each letter of a case, folded from its ledger: how it went and the
 * day its addressee received it (src/law/delivery.ts). A period the law counts from receipt
 * is anchored on that day; until it is known the period is 待送达. Pure.
 */
import { deliveryMethods, isDeliveryMethod, receiptDeliveryByChannel, receivedLater, type DeliveryMethod } from '../../law/delivery.ts';
import type { LetterKind } from '../../law/letters.ts';
import type { ReceiptChannel } from '../../law/receipt-channels.ts';
import { lettersOfAct, type CaseAct } from '../../law/request-workflow.ts';
import { isIsoDate, type IsoDate } from '../shared/dates.ts';
import { fieldError, type FieldError } from '../shared/result.ts';
import type { CaseView } from './case.ts';

/** How an act's letters went, recorded with the act: the day of receipt is null until known (post). */
export interface Delivery {
  method: DeliveryMethod;
  receivedOn: IsoDate | null;
}

/** One letter of the case and its delivery. */
export interface LetterDelivery {
  /** The ledger position (1…) of the act that issued it. */
  seq: number;
  act: CaseAct;
  letter: LetterKind;
  issuedOn: IsoDate;
  method: DeliveryMethod | null;
  receivedOn: IsoDate | null;
  /** How the delivery was recorded (a free-text 送达方式 of the reply, a receipt's number …). */
  note: string;
  /** Whether the act recorded a delivery at all: acts entered before deliveries were recorded did not. */
  recorded: boolean;
}

/** The letters an act issues, with the delivery it records (the 回执 goes back the way the application came). */
export function lettersIssued(act: CaseAct, seq: number, on: IsoDate, delivery: Delivery | undefined, channel: ReceiptChannel): LetterDelivery[] {
  const kinds = lettersOfAct(act);
  const d: Delivery | undefined = act === 'received' ? receiptDelivery(channel, on) : delivery;
  return kinds.map((letter) => ({
    seq,
    act,
    letter,
    issuedOn: on,
    method: d?.method ?? null,
    receivedOn: d?.receivedOn ?? null,
    note: '',
    recorded: d !== undefined,
  }));
}

function receiptDelivery(channel: ReceiptChannel, on: IsoDate): Delivery {
  const method = receiptDeliveryByChannel[channel];
  return { method, receivedOn: receivedLater.includes(method) ? null : on };
}

/**
 * The day a period counted from the receipt of the act's letter starts: the recorded day,
 * or for an act entered before deliveries were recorded the day it was sent (as then counted).
 */
export function anchorDay(letters: readonly LetterDelivery[], seq: number): IsoDate | null {
  const l = letters.find((x) => x.seq === seq);
  if (!l) return null;
  return l.receivedOn ?? (l.recorded ? null : l.issuedOn);
}

/** The letters after a later record of a delivery (the signed receipt of a posted letter). */
export function withDelivery(
  letters: readonly LetterDelivery[],
  seq: number,
  letter: LetterKind,
  d: { method: DeliveryMethod | null; receivedOn: IsoDate; note: string },
): LetterDelivery[] {
  return letters.map((l) =>
    l.seq === seq && l.letter === letter ? { ...l, method: d.method ?? l.method, receivedOn: d.receivedOn, note: d.note, recorded: true } : l,
  );
}

/** Why the delivery recorded with an act dated `on` cannot stand; null when it can. */
export function checkDelivery(d: Delivery | undefined, on: IsoDate, today: IsoDate, required: boolean): FieldError | null {
  if (!d) return required ? fieldError('deliveryMethod', 'GK_DELIVERY_METHOD', '请选择文书的送达方式') : null;
  if (!isDeliveryMethod(d.method)) return fieldError('deliveryMethod', 'GK_DELIVERY_METHOD', '请选择文书的送达方式');
  if (d.receivedOn === null) {
    return receivedLater.includes(d.method)
      ? null
      : fieldError('deliveredOn', 'GK_DELIVERED_ON', `${deliveryMethods[d.method].label}的，请填写${deliveryMethods[d.method].receivedDay}`);
  }
  return receivedOnError(d.receivedOn, on, today, 'deliveredOn');
}

function receivedOnError(receivedOn: IsoDate, issuedOn: IsoDate, today: IsoDate, field: string): FieldError | null {
  if (!isIsoDate(receivedOn)) return fieldError(field, 'GK_DATE', '送达日期无效（YYYY-MM-DD）');
  if (receivedOn < issuedOn) return fieldError(field, 'GK_DATE_ORDER', `送达日期不能早于文书日期${issuedOn}`);
  if (receivedOn > today) return fieldError(field, 'GK_DATE_FUTURE', `送达日期${receivedOn}晚于今天，不能预先登记`);
  return null;
}

/** Why the receipt of letter `letter` of act `seq` cannot be recorded on `on`; null when it can. */
export function checkLetterDelivered(
  letters: readonly LetterDelivery[],
  e: { on: IsoDate; letterSeq: number; letter: LetterKind; method: DeliveryMethod },
  today: IsoDate,
): FieldError | null {
  const l = letters.find((x) => x.seq === e.letterSeq && x.letter === e.letter);
  if (!l) return fieldError('letter', 'GK_NO_LETTER', '找不到这份文书');
  if (l.receivedOn !== null) return fieldError('letter', 'GK_DELIVERED', `这份文书已于${l.receivedOn}送达`);
  if (!isDeliveryMethod(e.method)) return fieldError('method', 'GK_DELIVERY_METHOD', '请选择文书的送达方式');
  return receivedOnError(e.on, l.issuedOn, today, 'on');
}

/** The case after the receipt of act `seq`'s letter is known: its pending period gets its due date. */
export function reanchor(v: CaseView, seq: number, fromReceipt: (seq: number, days: number) => IsoDate | null): CaseView {
  const p = v.pending;
  if (!p?.anchor || p.anchor.seq !== seq) return v;
  const due = fromReceipt(seq, p.anchor.workingDays);
  return {
    ...v,
    pending: { ...p, due },
    stops: p.kind === 'correction' || !due ? v.stops : v.stops.map((s) => (s.open ? { ...s, to: due } : s)),
    correction: p.kind === 'correction' && v.correction ? { ...v.correction, due } : v.correction,
    fee: p.kind === 'fee' && v.fee ? { ...v.fee, due } : v.fee,
  };
}
