/**
 * How applications arrive (条例 第二十九条、第三十一条): an applicant's online submission,
 * which becomes a case on the day both sides confirm it; and staff registration of one
 * received in person, by post, fax or e-mail, on the 收到申请之日 of its channel's rule.
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../domain/access/policy.ts';
import type { Agency } from '../../domain/agencies/agency.ts';
import { foldCase, type CaseEvent } from '../../domain/requests/case.ts';
import { applicantKey, checkApplicationForm, readApplicationForm, type ApplicationForm } from '../../domain/requests/intake.ts';
import { chinaDate, isIsoDate, type IsoDate } from '../../domain/shared/dates.ts';
import { fieldError, InputError, NotFoundError, type FieldError } from '../../domain/shared/result.ts';
import { applicationLimits } from '../../law/application-form.ts';
import { receiptChannels, type ReceiptChannel } from '../../law/receipt-channels.ts';
import { sniffAttachment } from '../../extract/sniff.ts';
import { getAgency, listAgencies } from '../../store/agencies.repo.ts';
import { appendEvent } from '../../store/events.repo.ts';
import { nextSerial } from '../../store/index-numbers.repo.ts';
import {
  appendLedger,
  getSubmission,
  insertApplicationFile,
  insertCase,
  insertLetter,
  insertSubmission,
  onlineUploadBytesSince,
  linkSubmission,
  settleSubmission,
  updateCaseProjection,
} from '../../store/requests.repo.ts';
import type { DB } from '../../store/schema.ts';
import { getSetting } from '../../store/settings.repo.ts';
import { hashPassword } from '../auth/passwords.ts';
import { loadCalendar } from '../calendar/calendar.ts';
import { allow } from '../catalog/access.ts';
import type { AppContext } from '../context.ts';
import { inTransaction } from '../transaction.ts';
import { issueLetter, projectionOf } from './ledger.ts';
import { issueReceiptView } from './receipt-view.ts';

export interface Upload {
  filename: string;
  bytes: Uint8Array;
}

/** Identity documents: scans and photos only. */
const identityTypes = new Set(['pdf', 'png', 'jpeg']);

function checkUploads(uploads: readonly Upload[]): { errors: FieldError[]; files: (Upload & { type: string })[] } {
  const errors: FieldError[] = [];
  const files: (Upload & { type: string })[] = [];
  if (uploads.length > applicationLimits.maxUploads)
    errors.push(fieldError('identityFiles', 'GK_TOO_MANY', `身份证明材料最多上传${applicationLimits.maxUploads}个文件`));
  for (const u of uploads) {
    if (u.bytes.length > applicationLimits.maxUploadBytes) {
      errors.push(
        fieldError('identityFiles', 'GK_FILE_TOO_LARGE', `身份证明材料“${u.filename}”超过${applicationLimits.maxUploadBytes / 1024 / 1024} MB，请压缩后再上传`),
      );
      continue;
    }
    const sniffed = sniffAttachment(u.bytes, u.filename);
    if ('error' in sniffed) errors.push(fieldError('identityFiles', 'GK_FILE', sniffed.error.replace('附件', '身份证明材料')));
    else if (!identityTypes.has(sniffed.type)) errors.push(fieldError('identityFiles', 'GK_FILE_TYPE', `身份证明材料“${u.filename}”应为 PDF、JPG 或 PNG 文件`));
    else files.push({ ...u, type: sniffed.type });
  }
  return { errors, files };
}

function checked(raw: Record<string, unknown>, uploads: readonly Upload[]) {
  const form = readApplicationForm(raw);
  const up = checkUploads(uploads);
  const errors = [...checkApplicationForm(form), ...up.errors];
  if (errors.length) throw new InputError(errors);
  return { form, files: up.files };
}

const codeAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** A query code the applicant keeps with the receipt number: shown once, stored hashed. */
function queryCode(): string {
  const bytes = crypto.randomBytes(8);
  return [...bytes].map((b) => codeAlphabet[b % codeAlphabet.length]).join('');
}

const sha256 = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');

async function saveFiles(
  db: Kysely<DB>,
  files: readonly (Upload & { type: string })[],
  at: string,
  owner: { submission_id: number | null; application_id: number | null },
) {
  for (const f of files) {
    await insertApplicationFile(db, {
      ...owner,
      purpose: 'identity',
      filename: f.filename,
      type: f.type,
      size: f.bytes.length,
      sha256: sha256(f.bytes),
      content: f.bytes,
      created_at: at,
    });
  }
}

/** The public form's storage over the last 24 hours, checked inside the submitting transaction. */
async function withinUploadQuota(ctx: AppContext, db: Kysely<DB>, files: readonly Upload[]): Promise<void> {
  const adding = files.reduce((n, f) => n + f.bytes.length, 0);
  if (adding === 0) return;
  const setting = Number(await getSetting(db, 'apply.uploadQuotaMb'));
  const quota = setting > 0 ? setting * 1024 * 1024 : applicationLimits.onlineUploadBytesPerDay;
  const since = new Date(ctx.now().getTime() - 24 * 3600 * 1000).toISOString();
  if ((await onlineUploadBytesSince(db, since)) + adding > quota) {
    throw new InputError([
      fieldError(
        'identityFiles',
        'GK_UPLOAD_QUOTA',
        '今天网上申请上传的材料已达本平台的存储上限，暂时不能接收文件：请明天再试，或不附文件提交申请，身份证明材料现场或邮寄提交',
      ),
    ]);
  }
}

export interface Submitted {
  receiptNo: string;
  queryCode: string;
  agency: Agency;
  /** Opens the receipt page once (receipt-view.ts): the address the applicant is sent to after submitting. */
  receiptToken: string;
}

/** An applicant's online application: stored until staff confirm it (条例 第三十一条第三项). */
export async function submitApplication(ctx: AppContext, agencyId: number, raw: Record<string, unknown>, uploads: readonly Upload[]): Promise<Submitted> {
  const agency = await getAgency(ctx.db, agencyId);
  const noAgency = fieldError('agency', 'GK_AGENCY', '请选择受理申请的机关');
  let parsed: ReturnType<typeof checked>;
  try {
    parsed = checked(raw, uploads);
  } catch (e) {
    // Every problem at once: a missing agency is said with the form's own.
    if (e instanceof InputError && !agency) throw new InputError([noAgency, ...e.errors]);
    throw e;
  }
  if (!agency) throw new InputError([noAgency]);
  const { form, files } = parsed;
  const code = queryCode();
  const hash = await hashPassword(code);
  return inTransaction(ctx, async (db) => {
    const at = ctx.now().toISOString();
    const year = chinaDate(ctx.now()).slice(0, 4);
    const receiptNo = `WS${year}${String(await nextSerial(db, `submissions:${year}`)).padStart(6, '0')}`;
    await withinUploadQuota(ctx, db, files);
    const id = await insertSubmission(db, { agency_id: agency.id, receipt_no: receiptNo, query_code_hash: hash, form: JSON.stringify(form), submitted_at: at });
    await saveFiles(db, files, at, { submission_id: id, application_id: null });
    await appendEvent(db, {
      occurredAt: at,
      actorId: null,
      agencyId: agency.id,
      subjectType: 'applicationSubmission',
      subjectId: id,
      action: 'request.submitted',
      reason: null,
      payload: { receiptNo },
    });
    const receiptToken = await issueReceiptView(db, id, code, ctx.now());
    return { receiptNo, queryCode: code, agency, receiptToken };
  });
}

/** The 收到申请之日 staff give, checked: a date, not in the future. */
function receivedOn(ctx: AppContext, date: string, field: string): IsoDate {
  if (!isIsoDate(date)) throw new InputError([fieldError(field, 'GK_DATE', '收到申请之日无效，请按YYYY-MM-DD填写')]);
  if (date > chinaDate(ctx.now())) throw new InputError([fieldError(field, 'GK_DATE_FUTURE', `收到申请之日${date}晚于今天`)]);
  return date;
}

/** Opens the case: its row, applicant and items, the `received` act and the 登记回执, in the caller's transaction. */
async function openCase(
  ctx: AppContext,
  db: Kysely<DB>,
  actor: Actor | null,
  agency: Agency,
  form: ApplicationForm,
  c: { receiptNo: string; channel: ReceiptChannel; received: IsoDate; queryCodeHash: string | null },
): Promise<number> {
  const at = ctx.now().toISOString();
  const a = form.applicant;
  const id = await insertCase(
    db,
    {
      agency_id: agency.id,
      receipt_no: c.receiptNo,
      applicant_type: a.type,
      applicant_name: a.name,
      channel: c.channel,
      subject: form.items.join('；'),
      received_date: c.received,
      created_at: at,
      applicant_key: applicantKey(a),
      query_code_hash: c.queryCodeHash,
      provision_form: form.form,
      delivery_way: form.delivery,
    },
    {
      name: a.name,
      id_kind: a.type === 'naturalPerson' ? a.idDocument : 'creditCode',
      id_number: a.type === 'naturalPerson' ? a.idNumber : null,
      organization_code: a.type === 'naturalPerson' ? null : a.creditCode,
      representative: a.legalRepresentative || null,
      contact_person: a.contactPerson || null,
      phone: a.phone || null,
      email: a.email || null,
      address: a.address || null,
      postcode: a.postcode || null,
    },
    form.items,
  );
  const calendar = await loadCalendar(db);
  const event: CaseEvent = { act: 'received', on: c.received, channel: c.channel };
  const view = foldCase([event], calendar);
  await appendLedger(db, id, {
    seq: 1,
    act: 'received',
    on_date: c.received,
    recorded_at: at,
    actor_id: actor?.id ?? null,
    payload: JSON.stringify({ channel: c.channel, purpose: form.purpose }),
  });
  const agencies = await listAgencies(db);
  const row = {
    id,
    receipt_no: c.receiptNo,
    applicant_type: a.type,
    applicant_name: a.name,
    subject: form.items.join('；'),
    received_date: c.received,
    agency_id: agency.id,
  };
  const letter = await issueLetter(db, { row }, agency, agencies, view, { kind: 'receipt', values: () => ({}) }, c.received);
  await insertLetter(db, {
    application_id: id,
    agency_id: agency.id,
    event_seq: 1,
    kind: 'receipt',
    number: letter.number,
    issued_on: letter.date,
    content: JSON.stringify(letter),
    created_at: at,
  });
  await updateCaseProjection(db, id, projectionOf(view, 1, at));
  await appendEvent(db, {
    occurredAt: at,
    actorId: actor?.id ?? null,
    agencyId: agency.id,
    subjectType: 'application',
    subjectId: id,
    action: 'request.received',
    reason: null,
    payload: { receiptNo: c.receiptNo, channel: c.channel, on: c.received },
  });
  return id;
}

/**
 * Both sides confirm an online application: that day is 收到申请之日. The case keeps the
 * submission's receipt number and query code, and its identity files.
 */
export async function confirmSubmission(ctx: AppContext, actor: Actor, submissionId: number, confirmedOn: string): Promise<number> {
  const s = await getSubmission(ctx.db, submissionId);
  if (!s) throw new NotFoundError('找不到这份网上申请');
  await allow(ctx.db, actor, s.agency_id, 'requests.handle', '只有本单位的经办人员可以确认网上申请', 'requests.view', '找不到这份网上申请');
  const on = receivedOn(ctx, confirmedOn, 'confirmedOn');
  if (on < chinaDate(s.submitted_at)) throw new InputError([fieldError('confirmedOn', 'GK_DATE_ORDER', '确认之日不能早于提交之日')]);
  return inTransaction(ctx, async (db) => {
    const agency = (await getAgency(db, s.agency_id))!;
    const form = JSON.parse(s.form) as ApplicationForm;
    // Settled first: of two staff confirming at once, the second stops here.
    if ((await settleSubmission(db, s.id, { state: 'registered' })) !== 1)
      throw new InputError([fieldError('submission', 'GK_SETTLED', '这份网上申请已经处理过')]);
    const id = await openCase(ctx, db, actor, agency, form, { receiptNo: s.receipt_no, channel: 'online', received: on, queryCodeHash: s.query_code_hash });
    await linkSubmission(db, s.id, id);
    return id;
  });
}

/** A submission that is no application at all (blank, spam, a duplicate of one already confirmed), set aside with why. */
export async function setAsideSubmission(ctx: AppContext, actor: Actor, submissionId: number, reason: string): Promise<void> {
  const s = await getSubmission(ctx.db, submissionId);
  if (!s) throw new NotFoundError('找不到这份网上申请');
  await allow(ctx.db, actor, s.agency_id, 'requests.handle', '只有本单位的经办人员可以处理网上申请', 'requests.view', '找不到这份网上申请');
  if (reason.trim() === '') throw new InputError([fieldError('reason', 'GK_REASON_REQUIRED', '请填写不予登记的原因')]);
  await inTransaction(ctx, async (db) => {
    if ((await settleSubmission(db, s.id, { state: 'setAside', note: reason.trim() })) !== 1)
      throw new InputError([fieldError('submission', 'GK_SETTLED', '这份网上申请已经处理过')]);
    await appendEvent(db, {
      occurredAt: ctx.now().toISOString(),
      actorId: actor.id,
      agencyId: s.agency_id,
      subjectType: 'applicationSubmission',
      subjectId: s.id,
      action: 'request.setAside',
      reason: reason.trim(),
      payload: {},
    });
  });
}

export interface Registration {
  channel: string;
  /** 收到申请之日 as the channel's rule gives it (spec §2.3). */
  receivedDate: string;
}

/** Staff register an application received in person, by post, fax or e-mail; returns the case id and its query code. */
export async function registerApplication(
  ctx: AppContext,
  actor: Actor,
  agencyId: number,
  reg: Registration,
  raw: Record<string, unknown>,
  uploads: readonly Upload[],
): Promise<{ id: number; receiptNo: string; queryCode: string }> {
  await allow(ctx.db, actor, agencyId, 'requests.handle', '只有本单位的经办人员可以登记申请', 'requests.view', '找不到这个机关');
  const errors: FieldError[] = [];
  if (!Object.hasOwn(receiptChannels, reg.channel) || reg.channel === 'online')
    errors.push(fieldError('channel', 'GK_CHANNEL', '请选择申请的提交方式（网上申请由申请人在门户提交）'));
  let on: IsoDate | null = null;
  try {
    on = receivedOn(ctx, reg.receivedDate, 'receivedDate');
  } catch (e) {
    if (e instanceof InputError) errors.push(...e.errors);
    else throw e;
  }
  let form: ApplicationForm | null = null;
  let files: (Upload & { type: string })[] = [];
  try {
    ({ form, files } = checked(raw, uploads));
  } catch (e) {
    if (e instanceof InputError) errors.push(...e.errors);
    else throw e;
  }
  if (errors.length || !form || !on) throw new InputError(errors);
  const code = queryCode();
  const hash = await hashPassword(code);
  const received = on;
  const f = form;
  return inTransaction(ctx, async (db) => {
    const agency = (await getAgency(db, agencyId))!;
    const year = received.slice(0, 4);
    const receiptNo = `YSQ${year}-${String(await nextSerial(db, `receipts:${year}`)).padStart(5, '0')}`;
    const id = await openCase(ctx, db, actor, agency, f, { receiptNo, channel: reg.channel as ReceiptChannel, received, queryCodeHash: hash });
    await saveFiles(db, files, ctx.now().toISOString(), { submission_id: null, application_id: id });
    return { id, receiptNo, queryCode: code };
  });
}

/**
 * An application received before the platform took over (from a paper register, or the
 * demo county): kept under its original receipt number, on any channel, without a query
 * code. Its later acts are recorded like any other's.
 */
export async function importApplication(
  ctx: AppContext,
  actor: Actor,
  agencyId: number,
  reg: Registration & { receiptNo: string },
  raw: Record<string, unknown>,
): Promise<number> {
  await allow(ctx.db, actor, agencyId, 'requests.handle', '只有本单位的经办人员可以登记申请', 'requests.view', '找不到这个机关');
  const errors: FieldError[] = [];
  if (!Object.hasOwn(receiptChannels, reg.channel)) errors.push(fieldError('channel', 'GK_CHANNEL', '请选择申请的提交方式'));
  if (reg.receiptNo.trim() === '') errors.push(fieldError('receiptNo', 'GK_REQUIRED', '请填写原申请编号'));
  const form = readApplicationForm(raw);
  errors.push(...checkApplicationForm(form));
  const on = receivedOn(ctx, reg.receivedDate, 'receivedDate');
  if (errors.length) throw new InputError(errors);
  return inTransaction(ctx, async (db) => {
    const agency = (await getAgency(db, agencyId))!;
    return openCase(ctx, db, actor, agency, form, {
      receiptNo: reg.receiptNo.trim(),
      channel: reg.channel as ReceiptChannel,
      received: on,
      queryCodeHash: null,
    });
  });
}
