/**
 * Complaints and reports to the county's 政府信息公开工作主管部门 (条例 第四十七条), one
 * function per act: filed on the portal (no log-in; a 投诉 with a name and a phone number,
 * a 举报 possibly anonymous) or registered by the county supervisor (received by phone,
 * letter, visit or e-mail); the supervisor records the handling and then the answer. Each
 * act is one transaction with its ledger entry, the row's projection (state, due date on the
 * working-day calendar, with the county's time limit of the day it was received) and an
 * audit event.
 */
import type { Kysely } from 'kysely';
import { agenciesWhere, can, type Actor } from '../../domain/access/policy.ts';
import { subtreeIds, type Agency } from '../../domain/agencies/agency.ts';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.ts';
import {
  checkComplaintAct,
  checkComplaintForm,
  foldComplaint,
  type ComplaintEvent,
  type ComplaintForm,
  type ComplaintView,
} from '../../domain/complaints/complaint.ts';
import { chinaDate, isIsoDate, type IsoDate } from '../../domain/shared/dates.ts';
import { fieldError, ForbiddenError, InputError, NotFoundError } from '../../domain/shared/result.ts';
import { complaintKinds, isComplaintChannel, type AnswerMethod, type ComplaintChannel, type ComplaintKind } from '../../law/complaints.ts';
import { listAgencies } from '../../store/agencies.repo.ts';
import {
  appendComplaintEvent,
  complaintLedger,
  getComplaint,
  insertComplaint,
  listComplaints,
  updateComplaint,
  type ComplaintProjection,
  type ComplaintRow,
} from '../../store/complaints.repo.ts';
import { appendEvent } from '../../store/events.repo.ts';
import { nextSerial } from '../../store/index-numbers.repo.ts';
import type { DB } from '../../store/schema.ts';
import { loadCalendar } from '../calendar/calendar.ts';
import type { AppContext } from '../context.ts';
import { inTransaction } from '../transaction.ts';
import { countyLimits, countyOf } from '../supervision/limits.ts';

export function eventOf(r: { act: string; on_date: string; payload: string }): ComplaintEvent {
  return { ...(JSON.parse(r.payload) as object), act: r.act, on: r.on_date } as ComplaintEvent;
}

const payloadOf = (e: ComplaintEvent) => {
  const { act: _a, on: _o, ...rest } = e;
  return JSON.stringify(rest);
};

export function projectionOf(v: ComplaintView, eventCount: number, at: string): ComplaintProjection {
  return {
    due_date: v.due.due,
    provisional: v.due.provisional ? 1 : 0,
    state: v.state,
    answered_date: v.answer?.on ?? null,
    event_count: eventCount,
    updated_at: at,
  };
}

export interface Filed {
  id: number;
  receiptNo: string;
  kind: ComplaintKind;
  due: IsoDate;
  countyName: string;
}

/** The form as typed, trimmed; `agency` as the select sends it. */
export function complaintFormOf(raw: Record<string, unknown>): ComplaintForm {
  const s = (k: string) => (typeof raw[k] === 'string' ? (raw[k] as string) : '');
  const agency = s('agency');
  return {
    kind: s('kind'),
    agencyId: /^[1-9]\d{0,9}$/.test(agency) ? Number(agency) : null,
    content: s('content').trim(),
    name: s('name').trim(),
    phone: s('phone').trim(),
    email: s('email').trim(),
  };
}

async function open(ctx: AppContext, actor: Actor | null, form: ComplaintForm, channel: ComplaintChannel, on: IsoDate): Promise<Filed> {
  return inTransaction(ctx, async (db) => {
    const tree = await listAgencies(db);
    const agency = tree.find((a) => a.id === form.agencyId);
    if (!agency) throw new InputError([fieldError('agency', 'GK_AGENCY', '请选择被投诉、举报的行政机关')]);
    const county = countyOf(tree, agency.id)!;
    if (actor && !mayRegister(actor, county.id, tree)) throw new ForbiddenError('只有本县的工作人员可以登记投诉、举报');
    const kind = form.kind as ComplaintKind;
    const { complaintDays } = await countyLimits(db, county.id);
    const year = on.slice(0, 4);
    const receiptNo = `${complaintKinds[kind].receiptPrefix}${year}-${String(await nextSerial(db, `complaints:${kind}:${year}`)).padStart(5, '0')}`;
    const at = ctx.now().toISOString();
    const event: ComplaintEvent = { act: 'filed', on, kind, channel, limitDays: complaintDays };
    const view = foldComplaint([event], await loadCalendar(db));
    const id = await insertComplaint(db, {
      county_id: county.id,
      agency_id: agency.id,
      kind,
      receipt_no: receiptNo,
      channel,
      name: form.name || null,
      phone: form.phone || null,
      email: form.email || null,
      content: form.content,
      received_date: on,
      created_at: at,
      ...projectionOf(view, 1, at),
    } as Parameters<typeof insertComplaint>[1]);
    await appendComplaintEvent(db, {
      complaint_id: id,
      seq: 1,
      act: 'filed',
      on_date: on,
      recorded_at: at,
      actor_id: actor?.id ?? null,
      payload: payloadOf(event),
    });
    await appendEvent(db, {
      occurredAt: at,
      actorId: actor?.id ?? null,
      agencyId: county.id,
      subjectType: 'complaint',
      subjectId: id,
      action: 'complaint.filed',
      reason: null,
      payload: { receiptNo, kind, channel, on },
    });
    return { id, receiptNo, kind, due: view.due.due, countyName: county.name };
  });
}

function checked(form: ComplaintForm): void {
  const errors = checkComplaintForm(form);
  if (errors.length) throw new InputError(errors);
}

/** Filed on the portal: received the day it is submitted (China time). */
export async function fileComplaint(ctx: AppContext, raw: Record<string, unknown>): Promise<Filed> {
  const form = complaintFormOf(raw);
  checked(form);
  return open(ctx, null, form, 'online', chinaDate(ctx.now()));
}

/** Registered by the county supervisor: received by phone, letter, visit or e-mail on `receivedDate`. */
export async function registerComplaint(ctx: AppContext, actor: Actor, raw: Record<string, unknown>): Promise<Filed> {
  const form = complaintFormOf(raw);
  const errors = checkComplaintForm(form);
  const channel = typeof raw.channel === 'string' ? raw.channel : '';
  const received = typeof raw.receivedDate === 'string' ? raw.receivedDate.trim() : '';
  if (!isComplaintChannel(channel) || channel === 'online') errors.push(fieldError('channel', 'GK_CHANNEL', '请选择收到的方式'));
  if (!isIsoDate(received)) errors.push(fieldError('receivedDate', 'GK_DATE', '收到之日无效，请按YYYY-MM-DD填写'));
  else if (received > chinaDate(ctx.now())) errors.push(fieldError('receivedDate', 'GK_DATE_FUTURE', `收到之日${received}晚于今天`));
  if (errors.length) throw new InputError(errors);
  return open(ctx, actor, form, channel as ComplaintChannel, received);
}

export interface LoadedComplaint {
  row: ComplaintRow;
  events: ComplaintEvent[];
  view: ComplaintView;
}

async function load(db: Kysely<DB>, id: number, calendar: WorkingCalendar, lock = false): Promise<LoadedComplaint> {
  const row = await getComplaint(db, id, lock);
  if (!row) throw new NotFoundError('找不到这件投诉、举报');
  const events = (await complaintLedger(db, id)).map(eventOf);
  return { row, events, view: foldComplaint(events, calendar) };
}

/** The complaint, if the actor supervises its county; otherwise missing (it holds personal data). */
export async function complaintFor(ctx: AppContext, actor: Actor, id: number): Promise<LoadedComplaint> {
  const c = await load(ctx.db, id, await loadCalendar(ctx.db));
  if (!can(actor, 'complaints.handle', c.row.county_id, await listAgencies(ctx.db))) throw new NotFoundError('找不到这件投诉、举报');
  return c;
}

async function record(ctx: AppContext, actor: Actor, id: number, event: ComplaintEvent): Promise<void> {
  await complaintFor(ctx, actor, id);
  await inTransaction(ctx, async (db) => {
    const calendar = await loadCalendar(db);
    const c = await load(db, id, calendar, true);
    const problem = checkComplaintAct(c.view, event, chinaDate(ctx.now()), Boolean(c.row.phone || c.row.email));
    if (problem) throw new InputError([problem]);
    const seq = c.events.length + 1;
    const at = ctx.now().toISOString();
    await appendComplaintEvent(db, {
      complaint_id: id,
      seq,
      act: event.act,
      on_date: event.on,
      recorded_at: at,
      actor_id: actor.id,
      payload: payloadOf(event),
    });
    await updateComplaint(db, id, projectionOf(foldComplaint([...c.events, event], calendar), seq, at));
    await appendEvent(db, {
      occurredAt: at,
      actorId: actor.id,
      agencyId: c.row.county_id,
      subjectType: 'complaint',
      subjectId: id,
      action: `complaint.${event.act}`,
      reason: null,
      payload: { seq, on: event.on },
    });
  });
}

/** 处理情况: what the 主管部门 did (investigated, asked the agency to put it right …); may be recorded more than once. */
export async function recordHandling(ctx: AppContext, actor: Actor, id: number, input: { on: string; note: string }): Promise<void> {
  await record(ctx, actor, id, { act: 'handled', on: input.on.trim(), note: input.note.trim() });
}

/** The answer to the complainant, which closes the complaint. */
export async function answerComplaint(ctx: AppContext, actor: Actor, id: number, input: { on: string; answer: string; method: string }): Promise<void> {
  await record(ctx, actor, id, { act: 'answered', on: input.on.trim(), answer: input.answer.trim(), method: input.method as AnswerMethod });
}

/** Staff of any agency of the county may register a complaint received otherwise than online; it goes to the county's supervisor. */
function mayRegister(actor: Actor, countyId: number, tree: readonly Agency[]): boolean {
  const county = subtreeIds(tree, countyId);
  return [...agenciesWhere(actor, 'complaints.register', tree)].some((id) => county.has(id));
}

/** The counties in which the actor may register complaints. */
export async function registrableCounties(ctx: AppContext, actor: Actor) {
  const tree = await listAgencies(ctx.db);
  return { tree, counties: tree.filter((a) => a.parentId === null && mayRegister(actor, a.id, tree)) };
}

/** The counties whose complaints the actor handles. */
export async function supervisedCountiesForComplaints(ctx: AppContext, actor: Actor) {
  const tree = await listAgencies(ctx.db);
  return { tree, counties: tree.filter((a) => a.parentId === null && can(actor, 'complaints.handle', a.id, tree)) };
}

/** A county's complaints, open first by due date; and how many are open and overdue on `today`. */
export async function countyComplaints(ctx: AppContext, actor: Actor, countyId: number) {
  const tree = await listAgencies(ctx.db);
  if (!can(actor, 'complaints.handle', countyId, tree)) throw new NotFoundError('找不到这个县，或您没有查看它的投诉、举报的权限。');
  const rows = await listComplaints(ctx.db, countyId);
  const today = chinaDate(ctx.now());
  const open = rows.filter((r) => r.state === 'open');
  return { rows, tree, open: open.length, overdue: open.filter((r) => r.due_date < today).length, today };
}
