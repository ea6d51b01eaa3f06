/**
 * Open disclosure cases for benchmarks, with ledgers the app's fold accepts: each act is
 * checked by `checkAct` against the case folded so far (an act the rules refuse is left
 * out), and the row's projection is `projectionOf` the final fold, as the app stores it.
 * Received in the weeks before `today`; some with 补正 (answered or awaited), third-party or
 * other-agency consultation (answered or open), an extension, a fee notice (paid or not).
 * Seeded: the same rows on every run.
 */
import { projectionOf } from '../../src/app/requests/ledger.ts';
import { addWorkingDays } from '../../src/domain/calendar/deadline.ts';
import type { WorkingCalendar } from '../../src/domain/calendar/working-calendar.ts';
import { informationProcessingFee } from '../../src/domain/fees/information-processing-fee.ts';
import { checkAct, foldCase, type CaseEvent, type CaseView } from '../../src/domain/requests/case.ts';
import type { IsoDate } from '../../src/domain/shared/dates.ts';
import type { ApplicantType } from '../../src/law/applicant-types.ts';
import type { ReceiptChannel } from '../../src/law/receipt-channels.ts';
import { applicantWeights, channelWeights } from './county.ts';
import type { Random } from './random.ts';

export interface GeneratedCase {
  events: CaseEvent[];
  view: CaseView;
  channel: ReceiptChannel;
  applicantType: ApplicantType;
  received: IsoDate;
}

export interface Handler {
  id: number;
  name: string;
}

/** The working day `n` working days after `from` (the calendar's own count). */
const after = (calendar: WorkingCalendar, from: IsoDate, n: number) => addWorkingDays(calendar, from, n).due;

/**
 * One open case received on `received` (≤ `today`). The acts are tried in a plausible order;
 * each must pass `checkAct`, and none is dated after `today`.
 */
export function generateCase(rnd: Random, calendar: WorkingCalendar, received: IsoDate, today: IsoDate, handlers: readonly Handler[]): GeneratedCase {
  const channel = rnd.weighted(channelWeights);
  const events: CaseEvent[] = [{ act: 'received', on: received, channel }];
  let view = foldCase(events, calendar);
  const tryAct = (e: CaseEvent) => {
    if (e.on > today || checkAct(view, e, { today, correctedByAppeal: false })) return false;
    events.push(e);
    view = foldCase(events, calendar);
    return true;
  };
  if (handlers.length && rnd.chance(0.9)) {
    const h = rnd.of(handlers);
    tryAct({ act: 'assigned', on: after(calendar, received, rnd.int(0, 1)), handlerId: h.id, handlerName: h.name });
  }
  const roll = rnd.next();
  if (roll < 0.12) {
    const on = after(calendar, received, rnd.int(1, 5));
    if (
      tryAct({
        act: 'correctionRequested',
        on,
        workingDays: 10,
        defaultWorkingDays: 10,
        delivery: { method: 'email', receivedOn: on },
        items: '请写明所需信息的名称、文号或者便于查询的其他特征性描述。',
      }) &&
      rnd.chance(0.6)
    ) {
      tryAct({ act: 'correctionReceived', on: after(calendar, on, rnd.int(1, 10)), note: '申请人当面补正' });
    }
  } else if (roll < 0.22) {
    const on = after(calendar, received, rnd.int(2, 10));
    const third = rnd.chance(0.7);
    const consulted = third
      ? tryAct({
          act: 'thirdPartyConsulted',
          on,
          party: '华容县某某农业专业合作社',
          delivery: { method: 'post', receivedOn: rnd.chance(0.8) ? after(calendar, on, 2) : null },
        })
      : tryAct({ act: 'agencyConsulted', on, agency: '华容县自然资源局', delivery: { method: 'inPerson', receivedOn: on } });
    if (consulted && rnd.chance(0.5)) {
      const answered = after(calendar, on, rnd.int(3, 14));
      tryAct(
        third
          ? { act: 'thirdPartyAnswered', on: answered, opinion: rnd.chance(0.4) ? 'objects' : 'consents', note: '书面回复' }
          : { act: 'agencyAnswered', on: answered, opinion: 'consents', note: '复函' },
      );
    }
  } else if (roll < 0.27) {
    const quantity = rnd.int(40, 400);
    const fee = informationProcessingFee('perPage', quantity);
    const on = after(calendar, received, rnd.int(5, 15));
    if (
      tryAct({ act: 'feeNoticed', on, scheme: 'perPage', quantity, amountYuan: fee.yuan, delivery: { method: 'email', receivedOn: on } }) &&
      rnd.chance(0.5)
    ) {
      tryAct({ act: 'feePaid', on: after(calendar, on, rnd.int(1, 10)), receiptNote: '已通过非税收入缴款' });
    }
  }
  if (rnd.chance(0.06) && view.replyDue) {
    tryAct({
      act: 'extended',
      on: after(calendar, received, rnd.int(15, 19)),
      workingDays: rnd.int(5, 20),
      reason: '需要调取多个部门的档案',
      approver: '王主任',
    });
  }
  return { events, view, channel, applicantType: rnd.weighted(applicantWeights), received };
}

/** The ledger row's payload: the act's own fields, as the app writes them (act and date are columns). */
export function payloadOf(e: CaseEvent): string {
  const { act: _act, on: _on, ...rest } = e;
  return JSON.stringify(e.act === 'received' ? { ...rest, purpose: '了解相关情况' } : rest);
}

export { projectionOf };
