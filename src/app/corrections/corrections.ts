/**
 * 更正 requests (条例 第四十一条), one function per act: staff register a request received
 * in person, by post, fax or e-mail (with the county's time limit of that day), and decide
 * it — 更正并告知, 转送 to the agency with the power (a 转送函 to it and a notice to the
 * applicant), 告知向有权机关提出, or 不予更正 — each in one transaction with its ledger
 * entry, its letters (numbered and frozen), the row's projection and an audit event.
 * A 更正 request is not a disclosure application: table 三 never counts it.
 */
import type { Kysely } from 'kysely';
import { agenciesWhere, type Actor } from '../../domain/access/policy.ts';
import type { Agency } from '../../domain/agencies/agency.ts';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.ts';
import {
  checkCorrectionAct,
  checkCorrectionForm,
  foldCorrection,
  type CorrectionEvent,
  type CorrectionForm,
  type CorrectionView,
  type DecisionFacts,
} from '../../domain/corrections/correction.ts';
import { buildNotice, type LetterContent } from '../../domain/requests/letters.ts';
import { chinaDate, chineseDate, type IsoDate } from '../../domain/shared/dates.ts';
import { fieldError, InputError, NotFoundError } from '../../domain/shared/result.ts';
import { applicantTypeKeys } from '../../law/applicant-types.ts';
import {
  correctionDecisions,
  correctionLetterNumberPattern,
  correctionLetters,
  correctionReceiptPattern,
  isCorrectionDecision,
  type CorrectionLetterKind,
} from '../../law/corrections.ts';
import { receiptChannelKeys } from '../../law/receipt-channels.ts';
import { listAgencies } from '../../store/agencies.repo.ts';
import {
  appendCorrectionEvent,
  correctionLedger,
  lettersOf,
  listCorrections,
  getCorrection,
  insertCorrection,
  insertCorrectionLetter,
  updateCorrection,
  type CorrectionProjection,
  type CorrectionRow,
} from '../../store/corrections.repo.ts';
import { appendEvent } from '../../store/events.repo.ts';
import { nextSerial } from '../../store/index-numbers.repo.ts';
import type { DB } from '../../store/schema.ts';
import { loadCalendar } from '../calendar/calendar.ts';
import { allow } from '../catalog/access.ts';
import type { AppContext } from '../context.ts';
import { addressFormOf, reconsiderationBody } from '../requests/ledger.ts';
import { inTransaction } from '../transaction.ts';
import { countyLimits, countyOf } from '../supervision/limits.ts';

/** Staff register 更正 requests received otherwise than online (the portal takes disclosure applications only). */
export const correctionChannels = receiptChannelKeys.filter((c) => c !== 'online');

export function eventOf(r: { act: string; on_date: string; payload: string }): CorrectionEvent {
  return { ...(JSON.parse(r.payload) as object), act: r.act, on: r.on_date } as CorrectionEvent;
}

const payloadOf = (e: CorrectionEvent) => {
  const { act: _a, on: _o, ...rest } = e;
  return JSON.stringify(rest);
};

export function projectionOf(v: CorrectionView, eventCount: number, at: string): CorrectionProjection {
  return {
    due_date: v.due.due,
    provisional: v.due.provisional ? 1 : 0,
    state: v.state,
    decision: v.decision?.kind ?? null,
    decided_date: v.decision?.on ?? null,
    event_count: eventCount,
    updated_at: at,
  };
}

export async function registerCorrection(ctx: AppContext, actor: Actor, agencyId: number, form: CorrectionForm): Promise<{ id: number; receiptNo: string }> {
  await allow(ctx.db, actor, agencyId, 'requests.handle', '只有本单位的经办人员可以登记更正申请', 'requests.view', '找不到这个机关');
  const errors = checkCorrectionForm(form, { today: chinaDate(ctx.now()), applicantTypes: applicantTypeKeys, channels: correctionChannels });
  if (errors.length) throw new InputError(errors);
  return inTransaction(ctx, async (db) => {
    const tree = await listAgencies(db);
    const county = countyOf(tree, agencyId)!;
    const { correctionDays } = await countyLimits(db, county.id);
    const year = form.receivedDate.slice(0, 4);
    const receiptNo = correctionReceiptPattern
      .replace('{year}', year)
      .replace('{serial}', String(await nextSerial(db, `corrections:${year}`)).padStart(5, '0'));
    const at = ctx.now().toISOString();
    const event: CorrectionEvent = { act: 'received', on: form.receivedDate, channel: form.channel, limitDays: correctionDays };
    const view = foldCorrection([event], await loadCalendar(db));
    const text = (v: string) => v.trim();
    const id = await insertCorrection(db, {
      agency_id: agencyId,
      receipt_no: receiptNo,
      applicant_type: form.applicantType,
      applicant_name: text(form.name),
      phone: text(form.phone) || null,
      email: text(form.email) || null,
      address: text(form.address) || null,
      record: text(form.record),
      requested_change: text(form.requestedChange),
      evidence: text(form.evidence),
      channel: form.channel,
      received_date: form.receivedDate,
      created_at: at,
      ...projectionOf(view, 1, at),
    } as Parameters<typeof insertCorrection>[1]);
    await appendCorrectionEvent(db, {
      correction_id: id,
      seq: 1,
      act: event.act,
      on_date: event.on,
      recorded_at: at,
      actor_id: actor.id,
      payload: payloadOf(event),
    });
    await appendEvent(db, {
      occurredAt: at,
      actorId: actor.id,
      agencyId,
      subjectType: 'correction',
      subjectId: id,
      action: 'correction.received',
      reason: null,
      payload: { receiptNo, on: event.on, limitDays: correctionDays },
    });
    return { id, receiptNo };
  });
}

export interface LoadedCorrection {
  row: CorrectionRow;
  events: CorrectionEvent[];
  view: CorrectionView;
}

async function load(db: Kysely<DB>, id: number, calendar: WorkingCalendar, lock = false): Promise<LoadedCorrection> {
  const row = await getCorrection(db, id, lock);
  if (!row) throw new NotFoundError('找不到这件更正申请');
  const events = (await correctionLedger(db, id)).map(eventOf);
  return { row, events, view: foldCorrection(events, calendar) };
}

/** The request, if the actor may see it (its agency's staff and supervisors); otherwise missing. */
export async function correctionFor(ctx: AppContext, actor: Actor, id: number, action: 'requests.view' | 'requests.handle'): Promise<LoadedCorrection> {
  const c = await load(ctx.db, id, await loadCalendar(ctx.db));
  await allow(ctx.db, actor, c.row.agency_id, action, '只有本单位的经办人员可以办理更正申请', 'requests.view', '找不到这件更正申请');
  return c;
}

export interface DecisionInput extends DecisionFacts {
  decision: string;
  on: string;
}

/** Decides the request and issues its letters (条例 第四十一条). */
export async function decideCorrection(ctx: AppContext, actor: Actor, id: number, input: DecisionInput): Promise<{ letterIds: number[] }> {
  await correctionFor(ctx, actor, id, 'requests.handle');
  if (!isCorrectionDecision(input.decision)) throw new InputError([fieldError('decision', 'GK_DECISION', '请选择处理结果')]);
  const decision = input.decision;
  const facts: DecisionFacts = {
    correctionResult: input.correctionResult?.trim() ?? '',
    reason: input.reason?.trim() ?? '',
    competentAgency: input.competentAgency?.trim() ?? '',
  };
  return inTransaction(ctx, async (db) => {
    const calendar = await loadCalendar(db);
    const c = await load(db, id, calendar, true);
    const event: CorrectionEvent = { act: 'decided', on: input.on.trim(), decision, facts };
    const problem = checkCorrectionAct(c.view, event, chinaDate(ctx.now()));
    if (problem) throw new InputError([problem]);
    const seq = c.events.length + 1;
    const at = ctx.now().toISOString();
    const after = foldCorrection([...c.events, event], calendar);
    await appendCorrectionEvent(db, {
      correction_id: id,
      seq,
      act: event.act,
      on_date: event.on,
      recorded_at: at,
      actor_id: actor.id,
      payload: payloadOf(event),
    });
    const tree = await listAgencies(db);
    const agency = tree.find((a) => a.id === c.row.agency_id)!;
    const letterIds: number[] = [];
    for (const kind of correctionDecisions[decision].letters) {
      const letter = await issue(db, c.row, agency, tree, kind, facts, event.on);
      letterIds.push(
        await insertCorrectionLetter(db, {
          correction_id: id,
          agency_id: agency.id,
          event_seq: seq,
          kind,
          number: letter.number,
          issued_on: letter.date,
          content: JSON.stringify(letter),
          created_at: at,
        }),
      );
    }
    await updateCorrection(db, id, projectionOf(after, seq, at));
    await appendEvent(db, {
      occurredAt: at,
      actorId: actor.id,
      agencyId: agency.id,
      subjectType: 'correction',
      subjectId: id,
      action: `correction.${decision}`,
      reason: null,
      payload: { seq, on: event.on, letters: letterIds },
    });
    return { letterIds };
  });
}

/** Text typed as a sentence that ends a paragraph: ended with 。 when typed without. */
const asSentence = (v: string) => (v === '' || /[。！？]$/u.test(v) ? v : `${v.replace(/[；，、;,.\s]+$/u, '')}。`);

async function issue(
  db: Kysely<DB>,
  row: CorrectionRow,
  agency: Agency,
  tree: readonly Agency[],
  kind: CorrectionLetterKind,
  facts: DecisionFacts,
  on: IsoDate,
): Promise<LetterContent> {
  const spec = correctionLetters[kind];
  const year = on.slice(0, 4);
  const serial = await nextSerial(db, `correction-letters:${agency.id}:${year}`);
  const number = correctionLetterNumberPattern.replace('{short}', agency.shortName).replace('{year}', year).replace('{serial}', String(serial));
  const values = {
    applicant: row.applicant_name,
    you: addressFormOf(row.applicant_type),
    agency: agency.name,
    receiptNo: row.receipt_no,
    receivedDate: chineseDate(row.received_date),
    record: row.record,
    requestedChange: asSentence(row.requested_change),
    correctionResult: asSentence(facts.correctionResult ?? ''),
    reason: facts.reason ?? '',
    competentAgency: facts.competentAgency ?? '',
    forwardedDate: chineseDate(on),
    reconsiderationBody: reconsiderationBody(tree, agency),
  };
  const addressee = spec.to === 'agency' ? (facts.competentAgency ?? '') : row.applicant_name;
  const built = buildNotice(kind, spec, values, { number, addressee, agencyName: agency.name, date: on });
  if ('error' in built) throw new InputError([built.error]);
  return built.letter;
}

/** The 更正 requests of the agencies the actor may see, with the agencies. */
export async function correctionList(ctx: AppContext, actor: Actor): Promise<{ agencies: Agency[]; rows: CorrectionRow[]; mayHandle: Set<number> }> {
  const tree = await listAgencies(ctx.db);
  const visible = agenciesWhere(actor, 'requests.view', tree);
  const agencies = tree.filter((a) => visible.has(a.id));
  return { agencies, rows: await listCorrections(ctx.db, [...visible]), mayHandle: agenciesWhere(actor, 'requests.handle', tree) };
}

/** The request's letters as issued. */
export async function lettersOfCorrection(
  ctx: AppContext,
  id: number,
): Promise<{ id: number; kind: string; number: string; issuedOn: string; content: LetterContent }[]> {
  return (await lettersOf(ctx.db, id)).map((l) => ({
    id: l.id,
    kind: l.kind,
    number: l.number,
    issuedOn: l.issued_on,
    content: JSON.parse(l.content) as LetterContent,
  }));
}
