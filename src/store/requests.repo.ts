/**
 * Disclosure cases: the application row with its projection, the applicant, the requested
 * items, the append-only ledger, issued letters, online submissions and identity files.
 */
import { sql, type Kysely, type Selectable, type Updateable } from 'kysely';
import { isPostgres } from './dialect.ts';
import type { ApplicationApplicantTable, ApplicationTable, DB } from './schema.ts';

export type ApplicationRow = Selectable<ApplicationTable>;
export type ApplicantRow = Selectable<ApplicationApplicantTable>;

/** What registration writes of a case; the projection columns are filled by its first act. */
export type NewCase = Pick<
  ApplicationTable,
  'agency_id' | 'receipt_no' | 'applicant_type' | 'applicant_name' | 'channel' | 'subject' | 'received_date' | 'created_at' | 'query_code_hash'
> & { applicant_key: string; provision_form: string; delivery_way: string };

export async function insertCase(db: Kysely<DB>, c: NewCase, applicant: Omit<ApplicantRow, 'application_id'>, items: readonly string[]): Promise<number> {
  const { id } = await db
    .insertInto('applications')
    .values({ ...c, state: 'inProgress', closed_date: null, outcome: null, updated_at: c.created_at })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('application_applicants')
    .values({ ...applicant, application_id: id })
    .execute();
  await db
    .insertInto('application_items')
    .values(items.map((description, i) => ({ application_id: id, seq: i + 1, description })))
    .execute();
  return id;
}

export async function getCaseRow(db: Kysely<DB>, id: number): Promise<ApplicationRow | undefined> {
  return db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Locks the case row for the rest of the transaction (PostgreSQL; SQLite writes one at a time). */
export async function lockCase(db: Kysely<DB>, id: number): Promise<ApplicationRow | undefined> {
  return db
    .selectFrom('applications')
    .selectAll()
    .where('id', '=', id)
    .$if(isPostgres(db), (q) => q.forUpdate())
    .executeTakeFirst();
}

export async function caseByReceipt(db: Kysely<DB>, receiptNo: string): Promise<ApplicationRow | undefined> {
  return db.selectFrom('applications').selectAll().where('receipt_no', '=', receiptNo).executeTakeFirst();
}

export async function applicantOf(db: Kysely<DB>, id: number): Promise<ApplicantRow | undefined> {
  return db.selectFrom('application_applicants').selectAll().where('application_id', '=', id).executeTakeFirst();
}

export async function itemsOf(db: Kysely<DB>, id: number) {
  return db.selectFrom('application_items').selectAll().where('application_id', '=', id).orderBy('seq').execute();
}

export async function setItemReplies(db: Kysely<DB>, id: number, replies: readonly { seq: number; kind: string; outcome: string }[]): Promise<void> {
  for (const r of replies) {
    await db
      .updateTable('application_items')
      .set({ reply_kind: r.kind, outcome: r.outcome })
      .where('application_id', '=', id)
      .where('seq', '=', r.seq)
      .execute();
  }
}

export interface LedgerRow {
  seq: number;
  act: string;
  on_date: string;
  recorded_at: string;
  actor_id: number | null;
  payload: string;
}

export async function ledgerOf(db: Kysely<DB>, id: number): Promise<LedgerRow[]> {
  return db
    .selectFrom('case_events')
    .select(['seq', 'act', 'on_date', 'recorded_at', 'actor_id', 'payload'])
    .where('application_id', '=', id)
    .orderBy('seq')
    .execute();
}

/** The ledgers of many cases at once, in order (for recomputing deadlines). */
export async function ledgersOf(db: Kysely<DB>, ids: readonly number[]): Promise<Map<number, LedgerRow[]>> {
  const out = new Map<number, LedgerRow[]>(ids.map((id) => [id, []]));
  if (!ids.length) return out;
  const rows = await db
    .selectFrom('case_events')
    .select(['application_id', 'seq', 'act', 'on_date', 'recorded_at', 'actor_id', 'payload'])
    .where('application_id', 'in', ids)
    .orderBy('application_id')
    .orderBy('seq')
    .execute();
  for (const r of rows) out.get(r.application_id)!.push(r);
  return out;
}

/** Appends an act; the unique (case, seq) refuses a second writer that read the same ledger. */
export async function appendLedger(db: Kysely<DB>, id: number, row: LedgerRow): Promise<void> {
  await db
    .insertInto('case_events')
    .values({ application_id: id, ...row })
    .execute();
}

export async function updateCaseProjection(db: Kysely<DB>, id: number, set: Updateable<ApplicationTable>): Promise<void> {
  await db.updateTable('applications').set(set).where('id', '=', id).execute();
}

export async function insertLetter(
  db: Kysely<DB>,
  l: { application_id: number; agency_id: number; event_seq: number; kind: string; number: string; issued_on: string; content: string; created_at: string },
): Promise<number> {
  return (await db.insertInto('case_letters').values(l).returning('id').executeTakeFirstOrThrow()).id;
}

export async function lettersOf(db: Kysely<DB>, id: number) {
  return db.selectFrom('case_letters').selectAll().where('application_id', '=', id).orderBy('id').execute();
}

export async function getLetter(db: Kysely<DB>, letterId: number) {
  return db.selectFrom('case_letters').selectAll().where('id', '=', letterId).executeTakeFirst();
}

/** A page of an agency's open cases, the nearest due date first (cases without one last). */
export async function openCases(db: Kysely<DB>, agencyId: number, page: { limit: number; offset: number }) {
  return db
    .selectFrom('applications as a')
    .leftJoin('users as u', 'u.id', 'a.handler_id')
    .select([
      'a.id',
      'a.receipt_no',
      'a.subject',
      'a.applicant_type',
      'a.applicant_name',
      'a.channel',
      'a.received_date',
      'a.state',
      'a.reply_due',
      'a.next_due',
      'a.next_due_kind',
      'a.provisional',
      'a.sign_off',
      'u.display_name as handler',
    ])
    .where('a.agency_id', '=', agencyId)
    .where('a.state', '<>', 'closed')
    .orderBy(sql`case when a.next_due is null then 1 else 0 end`)
    .orderBy('a.next_due')
    .orderBy('a.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

/**
 * Open cases of these agencies: all, past their next due date, and due by `soonLimit` (the
 * date `dueSoonWorkingDays` working days from today), counted on the index applications_open.
 */
export async function openCaseCounts(
  db: Kysely<DB>,
  agencyIds: readonly number[],
  today: string,
  soonLimit: string,
): Promise<{ open: number; overdue: number; dueSoon: number }> {
  if (!agencyIds.length) return { open: 0, overdue: 0, dueSoon: 0 };
  const r = await db
    .selectFrom('applications')
    .select([
      sql<number>`COUNT(*)`.as('open'),
      sql<number>`SUM(CASE WHEN next_due < ${today} THEN 1 ELSE 0 END)`.as('overdue'),
      sql<number>`SUM(CASE WHEN next_due >= ${today} AND next_due <= ${soonLimit} THEN 1 ELSE 0 END)`.as('due_soon'),
    ])
    .where('agency_id', 'in', agencyIds)
    .where('state', '<>', 'closed')
    .executeTakeFirstOrThrow();
  return { open: Number(r.open), overdue: Number(r.overdue ?? 0), dueSoon: Number(r.due_soon ?? 0) };
}

/** Recently closed cases of an agency (for the dashboard's second list). */
export async function recentlyClosedCases(db: Kysely<DB>, agencyId: number, limit: number) {
  return db
    .selectFrom('applications')
    .select(['id', 'receipt_no', 'subject', 'applicant_type', 'received_date', 'closed_date', 'outcome', 'last_closed_date', 'last_outcome'])
    .where('agency_id', '=', agencyId)
    .where('state', '=', 'closed')
    .orderBy('last_closed_date', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Ids of every open case after `afterId`, a page at a time. */
export async function openCaseIds(db: Kysely<DB>, afterId: number, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('applications')
    .select('id')
    .where('state', '<>', 'closed')
    .where('state', 'is not', null)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Requested items (件) of the applicant's applications to `agencyId` received earlier in the
 * same calendar month (across channels): the 按件计收 count is per applicant and per agency
 * (src/law/fees.ts, 109号 第四条).
 */
export async function itemsInMonth(db: Kysely<DB>, applicantKey: string, agencyId: number, received: string, beforeId: number): Promise<number> {
  const month = received.slice(0, 7);
  const r = await db
    .selectFrom('application_items as i')
    .innerJoin('applications as a', 'a.id', 'i.application_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('a.applicant_key', '=', applicantKey)
    .where('a.agency_id', '=', agencyId)
    .where('a.received_date', '>=', `${month}-01`)
    .where((eb) => eb.or([eb('a.received_date', '<', received), eb.and([eb('a.received_date', '=', received), eb('a.id', '<', beforeId)])]))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The applicant's earlier applications (any agency), newest first, with their items. */
export async function earlierApplications(db: Kysely<DB>, applicantKey: string, beforeId: number, limit: number) {
  return db
    .selectFrom('applications as a')
    .innerJoin('agencies as g', 'g.id', 'a.agency_id')
    .select(['a.id', 'a.receipt_no', 'a.subject', 'a.received_date', 'a.closed_date', 'a.outcome', 'a.agency_id', 'g.short_name as agency'])
    .where('a.applicant_key', '=', applicantKey)
    .where('a.id', '<>', beforeId)
    .orderBy('a.received_date', 'desc')
    .limit(limit)
    .execute();
}

export async function insertSubmission(
  db: Kysely<DB>,
  s: { agency_id: number; receipt_no: string; query_code_hash: string; form: string; submitted_at: string },
): Promise<number> {
  return (
    await db
      .insertInto('application_submissions')
      .values({ ...s, state: 'pending', application_id: null, note: null })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export async function getSubmission(db: Kysely<DB>, id: number) {
  return db.selectFrom('application_submissions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function submissionByReceipt(db: Kysely<DB>, receiptNo: string) {
  return db.selectFrom('application_submissions').selectAll().where('receipt_no', '=', receiptNo).executeTakeFirst();
}

export async function pendingSubmissions(db: Kysely<DB>, agencyId: number) {
  return db
    .selectFrom('application_submissions')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('state', '=', 'pending')
    .orderBy('submitted_at')
    .execute();
}

export async function settleSubmission(
  db: Kysely<DB>,
  id: number,
  set: { state: string; application_id?: number | null; note?: string | null },
): Promise<number> {
  const r = await db.updateTable('application_submissions').set(set).where('id', '=', id).where('state', '=', 'pending').executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** The receipt page of a submission, opened by its token's hash; expired pages are removed first. */
export async function insertReceiptView(
  db: Kysely<DB>,
  v: { token_hash: string; submission_id: number; sealed_code: string; created_at: string; expires_at: string },
): Promise<void> {
  await db.deleteFrom('receipt_views').where('expires_at', '<=', v.created_at).execute();
  await db.insertInto('receipt_views').values(v).execute();
}

/** A receipt page still open at `now`, with its submission's receipt number and agency. */
export async function findReceiptView(db: Kysely<DB>, tokenHash: string, now: string) {
  return db
    .selectFrom('receipt_views as v')
    .innerJoin('application_submissions as s', 's.id', 'v.submission_id')
    .select(['v.sealed_code', 's.receipt_no', 's.agency_id', 's.submitted_at'])
    .where('v.token_hash', '=', tokenHash)
    .where('v.expires_at', '>', now)
    .executeTakeFirst();
}

/** Erases the sealed query code of a receipt page; 1 when this call erased it, 0 when it was already gone. */
export async function takeSealedCode(db: Kysely<DB>, tokenHash: string): Promise<number> {
  const r = await db
    .updateTable('receipt_views')
    .set({ sealed_code: null })
    .where('token_hash', '=', tokenHash)
    .where('sealed_code', 'is not', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function insertApplicationFile(
  db: Kysely<DB>,
  f: {
    submission_id: number | null;
    application_id: number | null;
    purpose: string;
    filename: string;
    type: string;
    size: number;
    sha256: string;
    content: Uint8Array;
    created_at: string;
  },
): Promise<void> {
  await db.insertInto('application_files').values(f).execute();
}

export async function filesOf(db: Kysely<DB>, where: { applicationId?: number; submissionId?: number }) {
  let q = db.selectFrom('application_files').select(['id', 'filename', 'type', 'size', 'purpose', 'created_at']);
  if (where.applicationId !== undefined) q = q.where('application_id', '=', where.applicationId);
  if (where.submissionId !== undefined) q = q.where('submission_id', '=', where.submissionId);
  return q.orderBy('id').execute();
}

export async function getApplicationFile(db: Kysely<DB>, id: number) {
  return db.selectFrom('application_files').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The case a confirmed submission became, on the submission and its files. */
export async function linkSubmission(db: Kysely<DB>, submissionId: number, applicationId: number): Promise<void> {
  await db.updateTable('application_submissions').set({ application_id: applicationId }).where('id', '=', submissionId).execute();
  await db.updateTable('application_files').set({ application_id: applicationId }).where('submission_id', '=', submissionId).execute();
}

export async function appealsOfCase(db: Kysely<DB>, applicationId: number) {
  return db.selectFrom('appeals').selectAll().where('application_id', '=', applicationId).orderBy('filed_date').orderBy('id').execute();
}

export async function getAppeal(db: Kysely<DB>, id: number) {
  return db.selectFrom('appeals').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function concludeAppealRow(db: Kysely<DB>, id: number, concludedDate: string, outcome: string): Promise<number> {
  const r = await db
    .updateTable('appeals')
    .set({ concluded_date: concludedDate, outcome })
    .where('id', '=', id)
    .where('outcome', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** The letters an applicant receives, as issued. */
export async function applicantLetters(db: Kysely<DB>, applicationId: number, kinds: readonly string[]) {
  return db
    .selectFrom('case_letters')
    .select(['id', 'kind', 'number', 'issued_on', 'content'])
    .where('application_id', '=', applicationId)
    .where('kind', 'in', kinds)
    .orderBy('id')
    .execute();
}

/** Appends many acts at once (a calendar change recomputing every open case), a few hundred rows a statement. */
export async function appendLedgerRows(db: Kysely<DB>, rows: readonly (LedgerRow & { application_id: number })[]): Promise<void> {
  for (let i = 0; i < rows.length; i += ledgerRowsPerStatement) {
    await db
      .insertInto('case_events')
      .values(rows.slice(i, i + ledgerRowsPerStatement))
      .execute();
  }
}
const ledgerRowsPerStatement = 500;

/** The projection columns a recompute rewrites, and which of them are integers (PostgreSQL types a VALUES list's parameters as text). */
export const projectionColumns = [
  'state',
  'handler_id',
  'clock_start',
  'reply_due',
  'next_due',
  'next_due_kind',
  'provisional',
  'closed_date',
  'outcome',
  'last_closed_date',
  'last_outcome',
  'fee_scheme',
  'fee_yuan',
  'event_count',
  'updated_at',
] as const satisfies readonly (keyof ApplicationTable)[];
export type CaseProjection = Record<(typeof projectionColumns)[number], string | number | null>;
const integerColumns = new Set<string>(['handler_id', 'provisional', 'fee_yuan', 'event_count']);
const projectionsPerStatement = 500;

/**
 * Rewrites the projection of many cases, one `UPDATE … FROM (VALUES …)` per few hundred
 * (SQLite ≥ 3.33 and PostgreSQL; a VALUES list's columns are column1, column2, … in both).
 */
export async function updateCaseProjections(db: Kysely<DB>, rows: readonly { id: number; set: CaseProjection }[]): Promise<void> {
  const assignments = sql.join(projectionColumns.map((c, i) => sql`${sql.ref(c)} = v.${sql.raw(`column${i + 2}`)}`));
  for (let i = 0; i < rows.length; i += projectionsPerStatement) {
    const values = sql.join(
      rows
        .slice(i, i + projectionsPerStatement)
        .map(
          (r) =>
            sql`(${sql.join([sql`cast(${r.id} as integer)`, ...projectionColumns.map((c) => (integerColumns.has(c) ? sql`cast(${r.set[c]} as integer)` : sql`${r.set[c]}`))])})`,
        ),
    );
    await sql`update applications set ${assignments} from (values ${values}) as v where applications.id = v.column1`.execute(db);
  }
}

/** Bytes of identity files stored with online submissions since `since` (ISO time). */
export async function onlineUploadBytesSince(db: Kysely<DB>, since: string): Promise<number> {
  const row = await db
    .selectFrom('application_files')
    .select((eb) => eb.fn.sum<string | number | null>('size').as('bytes'))
    .where('submission_id', 'is not', null)
    .where('created_at', '>=', since)
    .executeTakeFirst();
  return Number(row?.bytes ?? 0);
}

/** Cases of the agencies with an act of kind `act` dated within [from, to] (e.g. 补正 notices of a year), by id. */
export async function casesWithAct(db: Kysely<DB>, agencyIds: readonly number[], act: string, from: string, to: string) {
  if (!agencyIds.length) return [];
  return db
    .selectFrom('applications as a')
    .select(['a.id', 'a.agency_id', 'a.receipt_no'])
    .where('a.agency_id', 'in', agencyIds)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('case_events as e')
          .select('e.id')
          .whereRef('e.application_id', '=', 'a.id')
          .where('e.act', '=', act)
          .where('e.on_date', '>=', from)
          .where('e.on_date', '<=', to),
      ),
    )
    .orderBy('a.id')
    .execute();
}
