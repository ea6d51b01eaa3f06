/**
 * How every act on a case is recorded: in one transaction the ledger is read (the case row
 * locked), folded, the act checked against it and appended, the letters it issues numbered
 * and frozen, the projection the dashboard and the report read rewritten, and the audit
 * event written. A second writer that read the same ledger fails on (case, seq).
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../domain/access/policy.ts';
import type { Agency } from '../../domain/agencies/agency.ts';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.ts';
import { checkAct, foldCase, type CaseEvent, type CaseView } from '../../domain/requests/case.ts';
import { buildLetter, buildReply, type ItemReplyInput, type LetterContent, type LetterValues } from '../../domain/requests/letters.ts';
import { chinaDate, chineseDate, type IsoDate } from '../../domain/shared/dates.ts';
import { fieldError, InputError, NotFoundError } from '../../domain/shared/result.ts';
import { applicantTypes, isApplicantType } from '../../law/applicant-types.ts';
import { addressForms, letterNumberPattern, type LetterKind } from '../../law/letters.ts';
import { listAgencies } from '../../store/agencies.repo.ts';
import { appendEvent } from '../../store/events.repo.ts';
import { nextSerial } from '../../store/index-numbers.repo.ts';
import { getSetting } from '../../store/settings.repo.ts';
import { getSignOffPolicy } from '../../store/sign-off.repo.ts';
import {
  appendLedger,
  applicantOf,
  getCaseRow,
  setItemReplies,
  insertLetter,
  ledgerOf,
  lockCase,
  updateCaseProjection,
  type ApplicationRow,
  type LedgerRow,
} from '../../store/requests.repo.ts';
import type { DB } from '../../store/schema.ts';
import { loadCalendar } from '../calendar/calendar.ts';
import { allow } from '../catalog/access.ts';
import type { AppContext } from '../context.ts';
import { inTransaction } from '../transaction.ts';

export interface LoadedCase {
  row: ApplicationRow;
  events: CaseEvent[];
  view: CaseView;
}

export function eventOf(r: Pick<LedgerRow, 'act' | 'on_date' | 'payload'>): CaseEvent {
  return { ...(JSON.parse(r.payload) as object), act: r.act, on: r.on_date } as CaseEvent;
}

function payloadOf(e: CaseEvent): string {
  const { act: _act, on: _on, ...rest } = e;
  return JSON.stringify(rest);
}

export async function loadCase(db: Kysely<DB>, id: number, calendar: WorkingCalendar, lock = false): Promise<LoadedCase> {
  const row = lock ? await lockCase(db, id) : await getCaseRow(db, id);
  if (!row) throw new NotFoundError('找不到这件申请');
  const events = (await ledgerOf(db, id)).map(eventOf);
  return { row, events, view: foldCase(events, calendar) };
}

/** The case row for an act by `actor`: a case of another agency looks missing. */
export async function caseFor(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  action: 'requests.view' | 'requests.handle' | 'requests.approve',
  refusal = '只有本单位的经办人员可以办理依申请公开',
): Promise<ApplicationRow> {
  const row = await getCaseRow(db, id);
  if (!row) throw new NotFoundError('找不到这件申请');
  await allow(db, actor, row.agency_id, action, refusal, 'requests.view', '找不到这件申请');
  return row;
}

/** What the dashboard and the report read, derived from the folded case. */
export function projectionOf(v: CaseView, eventCount: number, at: string) {
  const next =
    v.state === 'closed' ? null : v.pending ? { due: v.pending.due, kind: v.pending.kind } : v.replyDue ? { due: v.replyDue.due, kind: 'reply' } : null;
  return {
    state: v.state,
    handler_id: v.handlerId,
    clock_start: v.clockStart,
    reply_due: v.replyDue?.due ?? null,
    next_due: next?.due ?? null,
    next_due_kind: next?.kind ?? null,
    provisional: v.replyDue?.provisional ? 1 : 0,
    closed_date: v.closedDate,
    outcome: v.outcome,
    last_closed_date: v.lastClosedDate,
    last_outcome: v.lastOutcome,
    fee_scheme: v.fee?.scheme ?? null,
    fee_yuan: v.fee?.paidOn ? v.fee.amountYuan : 0,
    sign_off: v.draft ? ('reply' as const) : v.extensionProposal ? ('extension' as const) : null,
    event_count: eventCount,
    updated_at: at,
  };
}

/** A letter an act issues: a notice from its template, or the reply with one answer per item. */
export type PlannedLetter =
  | { kind: Exclude<LetterKind, 'reply'>; addressee?: string; values: (after: CaseView) => LetterValues }
  | { kind: 'reply'; items: readonly ItemReplyInput[]; values: (after: CaseView) => LetterValues };

export interface ActPlan {
  event: CaseEvent;
  letters?: readonly PlannedLetter[];
  /** Replies per requested item (seq), stored with the items. */
  itemReplies?: readonly { seq: number; kind: string; outcome: string }[];
  /** Anything else to write in the same transaction. */
  alsoWrite?: (db: Kysely<DB>, caseId: number) => Promise<void>;
}

export interface ActContextFacts {
  db: Kysely<DB>;
  case: LoadedCase;
  calendar: WorkingCalendar;
  agency: Agency;
  today: IsoDate;
}

export interface ActResult {
  view: CaseView;
  letterIds: number[];
}

/** The 复议机关 a reply names: the county government for its towns and departments. */
export function reconsiderationBody(agencies: readonly Agency[], agency: Agency): string {
  if (agency.kind === 'countyGovernment') return '上一级人民政府';
  for (let p = agencies.find((a) => a.id === agency.parentId); p; p = agencies.find((a) => a.id === p!.parentId)) {
    if (p.kind === 'countyGovernment') return p.name;
  }
  return '本级人民政府';
}

/** The facts every letter of the case may use. */
type CaseFacts = { row: Pick<ApplicationRow, 'id' | 'receipt_no' | 'applicant_type' | 'applicant_name' | 'subject' | 'received_date' | 'agency_id'> };

/** {you}: 您 to a natural person, 贵单位 to a 法人或其他组织 (by the case's applicant type). */
export function addressFormOf(applicantType: string): string {
  return isApplicantType(applicantType) ? addressForms[applicantTypes[applicantType].group] : addressForms.自然人;
}

export function caseValues(c: CaseFacts, agency: Agency, agencies: readonly Agency[], after: CaseView, origin: string | undefined): LetterValues {
  return {
    applicant: c.row.applicant_name,
    you: addressFormOf(c.row.applicant_type),
    agency: agency.name,
    receiptNo: c.row.receipt_no,
    receivedDate: chineseDate(c.row.received_date as IsoDate),
    subject: c.row.subject,
    replyDue: after.replyDue ? chineseDate(after.replyDue.due) : '',
    reconsiderationBody: reconsiderationBody(agencies, agency),
    statusUrl: origin ? `${origin}/apply/status` : '县政府门户网站“依申请公开”栏目的申请查询页面',
  };
}

/**
 * Records one act: `plan` sees the case as it stands (inside the transaction) and says
 * what to append and which letters to issue. Letters are numbered `{short}依申公开〔年〕n号`.
 */
export async function recordAct(
  ctx: AppContext,
  actor: Actor | null,
  caseId: number,
  plan: (facts: ActContextFacts) => Promise<ActPlan> | ActPlan,
  opts: { correctedByAppeal?: boolean } = {},
): Promise<ActResult> {
  return inTransaction(ctx, async (db) => {
    const calendar = await loadCalendar(db);
    const c = await loadCase(db, caseId, calendar, true);
    const agencies = await listAgencies(db);
    const agency = agencies.find((a) => a.id === c.row.agency_id)!;
    const at = ctx.now().toISOString();
    const today = chinaDate(ctx.now());
    const p = await plan({ db, case: c, calendar, agency, today });
    const signOff = await getSignOffPolicy(db, agency.id);
    const problem = checkAct(c.view, p.event, { today, correctedByAppeal: opts.correctedByAppeal ?? false, signOff });
    if (problem) throw new InputError([problem]);
    const seq = c.events.length + 1;
    const events = [...c.events, p.event];
    const after = foldCase(events, calendar);
    await appendLedger(db, caseId, { seq, act: p.event.act, on_date: p.event.on, recorded_at: at, actor_id: actor?.id ?? null, payload: payloadOf(p.event) });
    const letterIds: number[] = [];
    for (const planned of p.letters ?? []) {
      const letter = await issueLetter(db, c, agency, agencies, after, planned, p.event.on);
      letterIds.push(
        await insertLetter(db, {
          application_id: caseId,
          agency_id: agency.id,
          event_seq: seq,
          kind: letter.kind,
          number: letter.number,
          issued_on: letter.date,
          content: JSON.stringify(letter),
          created_at: at,
        }),
      );
    }
    if (p.itemReplies) await setItemReplies(db, caseId, p.itemReplies);
    await p.alsoWrite?.(db, caseId);
    await updateCaseProjection(db, caseId, projectionOf(after, seq, at));
    await appendEvent(db, {
      occurredAt: at,
      actorId: actor?.id ?? null,
      agencyId: agency.id,
      subjectType: 'application',
      subjectId: caseId,
      action: `request.${p.event.act}`,
      reason: null,
      payload: { seq, on: p.event.on, letters: letterIds },
    });
    return { view: after, letterIds };
  });
}

export async function issueLetter(
  db: Kysely<DB>,
  c: CaseFacts,
  agency: Agency,
  agencies: readonly Agency[],
  after: CaseView,
  planned: PlannedLetter,
  on: IsoDate,
): Promise<LetterContent> {
  const year = on.slice(0, 4);
  const serial = await nextSerial(db, `letters:${agency.id}:${year}`);
  const number = letterNumberPattern.replace('{short}', agency.shortName).replace('{year}', year).replace('{serial}', String(serial));
  const values = { ...caseValues(c, agency, agencies, after, await getSetting(db, 'site.origin')), ...planned.values(after) };
  const addressee = planned.kind !== 'reply' && planned.addressee ? planned.addressee : ((await applicantOf(db, c.row.id))?.name ?? c.row.applicant_name);
  const frame = { number, addressee, agencyName: agency.name, date: on };
  const built = planned.kind === 'reply' ? buildReply(planned.items, values, frame) : buildLetter(planned.kind, values, frame);
  if ('error' in built) throw new InputError([built.error]);
  return built.letter;
}

export const dateError = (field: string, message: string) => new InputError([fieldError(field, 'GK_DATE', message)]);
