/**
 * The applicant's status page: receipt number plus query code show the case's progress,
 * its deadline and the letters sent to the applicant. A wrong pair gets one message for
 * both, and takes as long as a right one.
 */
import { nextDeadline } from '../../domain/requests/case.ts';
import type { LetterContent } from '../../domain/requests/letters.ts';
import { chinaDate, type IsoDate } from '../../domain/shared/dates.ts';
import { fieldError, InputError } from '../../domain/shared/result.ts';
import { caseActs, caseStates } from '../../law/request-workflow.ts';
import { letterKinds, type LetterKind } from '../../law/letters.ts';
import { getAgency } from '../../store/agencies.repo.ts';
import { applicantLetters, caseByReceipt, ledgerOf, submissionByReceipt } from '../../store/requests.repo.ts';
import { dummyHash, verifyPassword } from '../auth/passwords.ts';
import { loadCalendar } from '../calendar/calendar.ts';
import type { AppContext } from '../context.ts';
import { eventOf, loadCase } from './ledger.ts';

const toApplicant = (Object.keys(letterKinds) as LetterKind[]).filter((k) => letterKinds[k].to === 'applicant');

/** Acts the applicant is told about (internal ones such as assignment are not shown). */
const shownActs = new Set([
  'received',
  'correctionRequested',
  'correctionReceived',
  'correctionLapsed',
  'thirdPartyConsulted',
  'thirdPartyAnswered',
  'agencyConsulted',
  'agencyAnswered',
  'reasonsRequested',
  'extended',
  'feeNoticed',
  'feePaid',
  'feeLapsed',
  'replied',
  'withdrawn',
  'delivered',
  'reopened',
  'deadlinesRecomputed',
]);

export type ApplicationStatus =
  | { kind: 'submitted'; receiptNo: string; agency: string; submittedOn: IsoDate }
  | { kind: 'setAside'; receiptNo: string; agency: string; note: string }
  | {
      kind: 'case';
      receiptNo: string;
      agency: string;
      receivedDate: IsoDate;
      state: string;
      closed: boolean;
      due: { label: string; due: IsoDate | null; provisional: boolean } | null;
      timeline: { on: IsoDate; label: string }[];
      letters: { id: number; number: string; issuedOn: string; content: LetterContent }[];
    };

const wrong = () => new InputError([fieldError('queryCode', 'GK_STATUS_MISMATCH', '申请编号或查询码不正确，请核对回执上的申请编号和查询码')]);

export async function applicationStatus(ctx: AppContext, receiptNo: string, code: string): Promise<ApplicationStatus> {
  const no = receiptNo.trim().toUpperCase();
  const given = code.trim().toUpperCase();
  if (!no || !given) throw new InputError([fieldError(no ? 'queryCode' : 'receiptNo', 'GK_REQUIRED', no ? '请填写查询码' : '请填写申请编号')]);
  const row = await caseByReceipt(ctx.db, no);
  const submission = row ? undefined : await submissionByReceipt(ctx.db, no);
  const hash = row?.query_code_hash ?? submission?.query_code_hash;
  const ok = await verifyPassword(hash ?? (await dummyHash()), given);
  if (!hash || !ok) throw wrong();
  if (!row) {
    const agency = (await getAgency(ctx.db, submission!.agency_id))!.name;
    return submission!.state === 'setAside'
      ? { kind: 'setAside', receiptNo: no, agency, note: submission!.note ?? '' }
      : { kind: 'submitted', receiptNo: no, agency, submittedOn: chinaDate(submission!.submitted_at) };
  }
  const calendar = await loadCalendar(ctx.db);
  const c = await loadCase(ctx.db, row.id, calendar);
  const next = nextDeadline(c.view, chinaDate(ctx.now()), calendar);
  const ledger = await ledgerOf(ctx.db, row.id);
  const letters = await applicantLetters(ctx.db, row.id, toApplicant);
  return {
    kind: 'case',
    receiptNo: row.receipt_no,
    agency: (await getAgency(ctx.db, row.agency_id))!.name,
    receivedDate: row.received_date as IsoDate,
    state: caseStates[c.view.state].label,
    closed: c.view.state === 'closed',
    due: next && { label: next.label, due: next.due, provisional: next.provisional },
    timeline: ledger.filter((l) => shownActs.has(l.act)).map((l) => ({ on: eventOf(l).on, label: caseActs[l.act as keyof typeof caseActs].label })),
    letters: letters.map((l) => ({ id: l.id, number: l.number, issuedOn: l.issued_on, content: JSON.parse(l.content) as LetterContent })),
  };
}
