/**
 * Which act forms the case page offers: an act is offered when checkAct would accept it
 * today with well-filled fields, so the page and the ledger never disagree about what may
 * follow what. A refusal about a field (a date, a name) still shows the form: staff may
 * enter a past date or fill it in.
 */
import { addDays } from '../../../domain/calendar/days.ts';
import { checkAct, type CaseEvent, type CaseView } from '../../../domain/requests/case.ts';
import type { IsoDate } from '../../../domain/shared/dates.ts';
import type { CaseAct } from '../../../law/request-workflow.ts';
import type { SignOffPolicy } from '../../../domain/requests/sign-off.ts';

/** The acts staff record through a form on the case page, in the order the page shows them. */
export const formActs = [
  'assigned',
  'correctionRequested',
  'correctionReceived',
  'correctionLapsed',
  'thirdPartyConsulted',
  'thirdPartyAnswered',
  'agencyConsulted',
  'agencyAnswered',
  'reasonsRequested',
  'reasonsAssessed',
  'extensionProposed',
  'extensionReturned',
  'extended',
  'feeNoticed',
  'feePaid',
  'feeLapsed',
  'disclosureDecided',
  'replied',
  'replyReturned',
  'withdrawn',
  'delivered',
  'archived',
] as const satisfies readonly CaseAct[];

export type FormAct = (typeof formActs)[number];

export function isFormAct(value: string): value is FormAct {
  return (formActs as readonly string[]).includes(value);
}

/** A well-filled event of the act, dated today. */
function probe(act: FormAct, today: IsoDate, view: CaseView): CaseEvent {
  const later = addDays(today, 30);
  const delivery = { method: 'email', receivedOn: today } as const;
  switch (act) {
    case 'assigned':
      return { act, on: today, handlerId: 0, handlerName: '承办人' };
    case 'correctionRequested':
      return { act, on: today, workingDays: 10, items: '补正事项', lateReason: '原因', delivery };
    case 'correctionReceived':
      return { act, on: today, note: '' };
    case 'thirdPartyConsulted':
      return { act, on: today, party: '第三方', delivery };
    case 'agencyConsulted':
      return { act, on: today, agency: '机关', delivery };
    case 'thirdPartyAnswered':
    case 'agencyAnswered':
      return { act, on: today, opinion: 'consents', note: '' };
    case 'reasonsRequested':
      return { act, on: today, due: later };
    case 'reasonsAssessed':
      return { act, on: today, reasonable: false, delayedDue: null, note: '' };
    case 'extensionProposed':
      return { act, on: today, workingDays: 1, reason: '理由', proposer: '承办人' };
    case 'extensionReturned':
      return { act, on: today, reason: '理由', approver: '负责人', approverId: 1 };
    case 'extended':
      return { act, on: today, workingDays: 1, reason: '理由', approver: '负责人', approverId: 1 };
    case 'replyReturned':
      return { act, on: today, draftSeq: view.draft?.seq ?? 0, reason: '理由', approver: '负责人', approverId: 1 };
    case 'feeNoticed':
      return { act, on: today, scheme: 'perItem', quantity: 11, amountYuan: 100, delivery };
    case 'feePaid':
      return { act, on: today, receiptNote: '' };
    case 'replied':
      return { act, on: today, outcome: 'granted', items: [{ itemId: 1, kind: 'grantProvide', outcome: 'granted' }] };
    case 'withdrawn':
      return { act, on: today, reason: '撤回' };
    case 'disclosureDecided':
      return { act, on: today, party: '第三方', content: '内容', reason: '理由' };
    case 'delivered':
      return { act, on: today, method: '邮寄', proof: '' };
    case 'correctionLapsed':
    case 'feeLapsed':
    case 'archived':
      return { act, on: today };
  }
}

/** Refusals that say the act does not fit the case as it stands (not a field to correct). */
const notNow = new Set(['state', 'act', 'appeal']);
/** Refusals that say the act waits for something else first (the letter's receipt, the period). */
const notYet = new Set(['GK_PERIOD_NOT_OVER', 'GK_AWAITING_DELIVERY']);

/** Acts only the head of the disclosure office records; a handler proposes instead. */
const headActs: readonly FormAct[] = ['extended', 'extensionReturned', 'replyReturned'];

/**
 * `mayApprove`: the viewer is the head of the agency's disclosure office (who extends
 * directly rather than proposing); `signOff`: the agency's policy.
 */
export function availableActs(view: CaseView, today: IsoDate, opts: { mayApprove: boolean; signOff?: SignOffPolicy } = { mayApprove: false }): FormAct[] {
  return formActs.filter((act) => {
    if (headActs.includes(act) && !opts.mayApprove) return false;
    if (act === 'extensionProposed' && opts.mayApprove) return false;
    const problem = checkAct(view, probe(act, today, view), { today, correctedByAppeal: false, signOff: opts.signOff });
    return problem === null || (!notNow.has(problem.field) && !notYet.has(problem.code));
  });
}
