/**
 * The delivery (送达) of a case's letters, and the 第三十二条 decision to disclose over a third
 * party's objection: how an act's delivery is read from a form, the later record of a posted
 * letter's signed receipt, and the 决定公开告知书.
 */
import type { Actor } from '../../domain/access/policy.ts';
import type { Delivery } from '../../domain/requests/delivery.ts';
import { chineseDate, type IsoDate } from '../../domain/shared/dates.ts';
import { fieldError, InputError, NotFoundError } from '../../domain/shared/result.ts';
import { isDeliveryMethod } from '../../law/delivery.ts';
import { isLetterKind } from '../../law/letters.ts';
import { getLetter } from '../../store/requests.repo.ts';
import type { AppContext } from '../context.ts';
import { caseFor, recordAct, type ActResult } from './ledger.ts';

/** The delivery fields of an act's form: the way, and the day of receipt when it is known now. */
export interface DeliveryInput {
  method?: string;
  /** The day the addressee received the letter (left empty for post until the signed receipt is back). */
  on?: string;
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/**
 * The event field for a delivery as typed. A method that is not one is passed on as typed,
 * for the case's check to refuse with its message; no method at all leaves the field out.
 */
export function deliveryOf(input: DeliveryInput | undefined): { delivery?: Delivery } {
  const method = text(input?.method);
  if (method === '') return {};
  return { delivery: { method: method as Delivery['method'], receivedOn: text(input?.on) === '' ? null : (text(input?.on) as IsoDate) } };
}

/** “（YYYY年M月D日前，含当日）” after a period counted from receipt, once the day of receipt is known. */
export const dueNote = (due: IsoDate | null) => (due ? `（${chineseDate(due)}前，含当日）` : '');

/** The day a letter of the case was received, from the signed receipt of a posted letter (or any letter not yet recorded). */
export async function recordLetterReceipt(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: { letterId: number; on: string; method: string; proof?: string },
): Promise<ActResult> {
  await caseFor(ctx.db, actor, id, 'requests.handle');
  const letter = Number.isSafeInteger(input.letterId) ? await getLetter(ctx.db, input.letterId) : undefined;
  if (!letter || letter.application_id !== id || !isLetterKind(letter.kind)) throw new NotFoundError('找不到这份文书');
  const method = text(input.method);
  if (!isDeliveryMethod(method)) throw new InputError([fieldError('method', 'GK_DELIVERY_METHOD', '请选择文书的送达方式')]);
  const kind = letter.kind;
  return recordAct(ctx, actor, id, () => ({
    event: { act: 'letterDelivered', on: text(input.on) as IsoDate, letterSeq: letter.event_seq, letter: kind, method, proof: text(input.proof) },
  }));
}

/**
 * 条例 第三十二条: after the third party objected, the agency may still disclose where not
 * disclosing could seriously affect the public interest; it tells the third party in writing
 * what it will disclose and why, before the reply discloses it.
 */
export async function decideDisclosure(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: { on: string; content: string; reason: string; delivery?: DeliveryInput },
): Promise<ActResult> {
  await caseFor(ctx.db, actor, id, 'requests.handle');
  return recordAct(ctx, actor, id, ({ case: c }) => {
    const consulted = c.events.findLast((e) => e.act === 'thirdPartyConsulted');
    const party = consulted?.act === 'thirdPartyConsulted' ? consulted.party : '';
    return {
      event: {
        act: 'disclosureDecided',
        on: text(input.on) as IsoDate,
        party,
        content: text(input.content),
        reason: text(input.reason),
        ...deliveryOf(input.delivery),
      },
      letters: [
        {
          kind: 'disclosureDecisionNotice',
          addressee: party,
          values: () => ({
            consultationDate: consulted ? chineseDate(consulted.on) : '',
            publicInterestReason: text(input.reason),
            disclosedContent: text(input.content),
          }),
        },
      ],
    };
  });
}
