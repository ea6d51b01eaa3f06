/**
 * The database schema as one Kysely type declaration. Portable conventions (spec'd in
 * docs/architecture.md): dates are ISO text, timestamps ISO-8601 text in UTC, booleans
 * 0/1 integers, JSON as text, money as integer 分.
 */
import type { Generated, Insertable, Selectable } from 'kysely';

export interface SettingTable {
  key: string;
  value: string;
}

export interface AgencyTable {
  id: Generated<number>;
  parent_id: number | null;
  name: string;
  short_name: string;
  kind: string;
  code: string;
  may_make_rules: number;
  records_from: number;
  sort_order: number;
  created_at: string;
  office_name: Generated<string>;
  office_address: Generated<string>;
  office_hours: Generated<string>;
  office_phone: Generated<string>;
  office_fax: Generated<string>;
  office_email: Generated<string>;
  postcode: Generated<string>;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  active: number;
  created_at: string;
  /** 1 while the password is one an administrator issued (0017). */
  must_change_password: Generated<number>;
}

export interface UserRoleTable {
  id: Generated<number>;
  user_id: number;
  agency_id: number | null;
  role: string;
}

export interface SessionTable {
  /** SHA-256 of the session token; the token itself is only in the cookie. */
  id: string;
  user_id: number;
  created_at: string;
  expires_at: string;
}

export interface AuditEventTable {
  id: Generated<number>;
  occurred_at: string;
  actor_id: number | null;
  agency_id: number | null;
  subject_type: string;
  subject_id: string;
  action: string;
  reason: string | null;
  payload: string;
}

export interface CatalogueItemTable {
  id: Generated<number>;
  agency_id: number;
  index_no: string | null;
  title: string;
  summary: string;
  body: string;
  category: string;
  topic: string | null;
  doc_no: string | null;
  document_kind: string | null;
  written_date: string | null;
  generated_date: string;
  published_at: string | null;
  /** China-time date of first publication, for counting by year. */
  published_date: string | null;
  disclosure_mode: string;
  scope: string;
  status: string;
  created_at: string;
  author_id: number | null;
  /** The published version's number (null until first published). */
  current_version: number | null;
  statutory_item: string | null;
  domain: string | null;
  withdrawn_at: string | null;
  withdrawn_reason: string | null;
  view_count: Generated<number>;
}

export interface ItemVersionTable {
  id: Generated<number>;
  item_id: number;
  version: number;
  state: string;
  title: string;
  summary: string;
  body: string;
  category: string;
  topic: string | null;
  statutory_item: string | null;
  domain: string | null;
  doc_no: string | null;
  document_kind: string | null;
  written_date: string | null;
  generated_date: string;
  scope: string;
  change_note: string | null;
  author_id: number | null;
  review_opinion: string | null;
  reviewed_by: number | null;
  reviewed_at: string | null;
  approved_by: number | null;
  approved_at: string | null;
  published_at: string | null;
  returned_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface ItemAttachmentTable {
  id: Generated<number>;
  version_id: number;
  filename: string;
  type: string;
  size: number;
  sha256: string;
  content: Uint8Array;
  redacted_content: Uint8Array | null;
  text_parts: string;
  unreadable: string | null;
  created_at: string;
}

export interface ScreeningHitTable {
  id: Generated<number>;
  version_id: number;
  attachment_id: number | null;
  location: string;
  kind: string;
  value: string;
  context: string;
  resolution: string | null;
  reason: string | null;
  resolved_by: number | null;
  resolved_at: string | null;
  /** 1…n within the version, in order of location, then position (0010). */
  number: number;
  /** A marking settled by 解密: the decision's 文号, date and issuing body (0010). */
  decl_doc_no: string | null;
  decl_date: string | null;
  decl_authority: string | null;
}

export interface ValidityChangeTable {
  id: Generated<number>;
  item_id: number;
  state: string;
  effective_date: string;
  reason: string;
  recorded_at: string;
}

export interface DecisionStatisticsTable {
  agency_id: number;
  year: number;
  licensing: number;
  penalty: number;
  coercion: number;
  fees_fen: number | string;
  note: string;
  updated_at: string;
  updated_by: number | null;
}

export interface ApplicationTable {
  id: Generated<number>;
  agency_id: number;
  receipt_no: string;
  applicant_type: string;
  applicant_name: string;
  channel: string;
  subject: string;
  received_date: string;
  closed_date: string | null;
  outcome: string | null;
  created_at: string;
  /** The case's projection, kept with its ledger (case_events) in one transaction. */
  state: string | null;
  handler_id: number | null;
  /** The day the reply clock runs from: 收到申请之日, or the corrected application's. */
  clock_start: string | null;
  reply_due: string | null;
  next_due: string | null;
  next_due_kind: string | null;
  /** 1 when a due date lies in a year without a published State Council notice. */
  provisional: Generated<number>;
  applicant_key: string | null;
  query_code_hash: string | null;
  provision_form: string | null;
  delivery_way: string | null;
  fee_scheme: string | null;
  fee_yuan: Generated<number>;
  /** After a reopening: the latest closure (closed_date/outcome keep the first, which the report counts). */
  last_closed_date: string | null;
  last_outcome: string | null;
  /** What waits for the head of the disclosure office: a drafted reply or a proposed extension (0013). */
  sign_off: 'reply' | 'extension' | null;
  event_count: Generated<number>;
  updated_at: string | null;
}
/** The applicant of a case: personal data, shown to staff of the agency only. */
export interface ApplicationApplicantTable {
  application_id: number;
  name: string;
  id_kind: string | null;
  id_number: string | null;
  organization_code: string | null;
  representative: string | null;
  contact_person: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  postcode: string | null;
}
export interface ApplicationItemTable {
  id: Generated<number>;
  application_id: number;
  seq: number;
  description: string;
  reply_kind: string | null;
  outcome: string | null;
}
/** The append-only ledger of a case: one row per legal act. */
export interface CaseEventTable {
  id: Generated<number>;
  application_id: number;
  seq: number;
  act: string;
  on_date: string;
  recorded_at: string;
  actor_id: number | null;
  payload: string;
}
/** A notice or reply as issued (LetterContent as JSON): never changed afterwards. */
export interface CaseLetterTable {
  id: Generated<number>;
  application_id: number;
  agency_id: number;
  event_seq: number;
  kind: string;
  number: string;
  issued_on: string;
  content: string;
  created_at: string;
}
/** An online application before both sides confirm it (then it becomes an application). */
export interface ApplicationSubmissionTable {
  id: Generated<number>;
  agency_id: number;
  receipt_no: string;
  query_code_hash: string;
  form: string;
  submitted_at: string;
  state: string;
  application_id: number | null;
  note: string | null;
}
/** The one-time receipt page of an online submission (0009). */
export interface ReceiptViewTable {
  /** SHA-256 of the page's token; the token itself is only in the applicant's address. */
  token_hash: string;
  submission_id: number;
  /** The query code sealed with a key derived from the token; null once shown. */
  sealed_code: string | null;
  created_at: string;
  expires_at: string;
}
export interface ApplicationFileTable {
  id: Generated<number>;
  submission_id: number | null;
  application_id: number | null;
  purpose: string;
  filename: string;
  type: string;
  size: number;
  sha256: string;
  content: Uint8Array;
  created_at: string;
}
/** A version of a State Council holiday notice entered as data (migration 0011). */
export interface HolidayNoticeTable {
  id: Generated<number>;
  year: number;
  version: number;
  number: string;
  title: string;
  notice_date: string;
  url: string | null;
  /** JSON: [{holidays, weekdaysOff, makeUpWorkingDays}]. */
  breaks: string;
  status: 'current' | 'replaced' | 'removed';
  reason: string | null;
  entered_by: number | null;
  entered_at: string;
  ended_by: number | null;
  ended_at: string | null;
  end_reason: string | null;
}

/** A local change to the national working-day calendar (an extra local holiday, say). */
export interface CalendarOverrideTable {
  date: string;
  working: number;
  reason: string;
  created_by: number | null;
  created_at: string;
}

export interface AppealTable {
  id: Generated<number>;
  agency_id: number;
  application_id: number | null;
  track: string;
  case_no: string;
  body: string;
  filed_date: string;
  concluded_date: string | null;
  outcome: string | null;
  created_at: string;
}

export interface ReportNarrativeTable {
  agency_id: number;
  year: number;
  overview: string;
  problems: string;
  other: string;
  /** 落款: the office that signs the report, and its date. */
  signer: string;
  signed_date: string | null;
  updated_at: string;
  updated_by: number | null;
}

export interface AnnualReportTable {
  id: Generated<number>;
  agency_id: number;
  year: number;
  version: number;
  origin: string;
  /** The report JSON of the contract. */
  data: string;
  findings: string;
  index_no: string | null;
  publisher: string;
  scope: string;
  disclosure_mode: string;
  generated_date: string;
  published_at: string;
  signer: string;
  signed_date: string | null;
  published_by: number | null;
  reason: string | null;
  created_at: string;
  /** Imported versions: the document's file name and format (txt, html, docx, pdf) and who imported it (0008). */
  source_name: string | null;
  source_format: string | null;
  imported_by: number | null;
  /** The 保密审查 this platform version was published on (0010); null for imported and earlier versions. */
  review_id: number | null;
}

/** A 保密审查 of an annual report as it would be published, bound to that content by its digest (0010). */
export interface ReportReviewTable {
  id: Generated<number>;
  agency_id: number;
  year: number;
  /** SHA-256 of the report, 落款 and 成文日期 reviewed. */
  digest: string;
  opinion: string;
  reviewed_by: number;
  reviewed_at: string;
}

/** A file of a supervisor's upload batch: what the reader made of it, until it is stored as a version or left out (0008). */
export interface ReportImportTable {
  id: Generated<number>;
  batch: string;
  position: number;
  filename: string;
  format: string | null;
  size: number;
  content: Uint8Array;
  /** The contract JSON the reader made of the file, or null when it could not be read (`error`). */
  report: string | null;
  findings: string;
  error: string | null;
  /** Agency and year: first as recognised from the title, then as the supervisor confirmed them. */
  agency_id: number | null;
  year: number | null;
  /** 'pending', 'stored' or 'skipped'. */
  status: string;
  report_id: number | null;
  uploaded_by: number;
  uploaded_at: string;
  decided_at: string | null;
}

export interface IndexSequenceTable {
  prefix: string;
  last: number;
}

/** What search filters on and compares exactly, one row per indexed item (src/store/search.repo.ts). */
export interface SearchDocumentTable {
  item_id: number;
  agency_id: number;
  category: string;
  year: number;
  /** 索引号 and 文号 in the form compared exactly (exactKey). */
  index_key: string | null;
  doc_key: string | null;
  /** The item's first publication, for ordering results. */
  published_at: string;
  /** Rises with (published_at, item_id); the item's rowid in SQLite's search_fts. */
  seq: number;
}

/**
 * PostgreSQL only (SQLite keeps the tokens in the FTS5 table search_fts): the token
 * stream of one part of an item (0 title, 1 summary, 2 body) in windows, as tsvectors.
 */
export interface SearchTextTable {
  item_id: number;
  part: number;
  seq: number;
  tokens: string;
  /** The part's distinct CJK characters, on its first window only. */
  chars: string;
}

/** A 更正 request (条例 第四十一条) and its projection, kept with its ledger (0014). Staff only. */
export interface CorrectionRequestTable {
  id: Generated<number>;
  agency_id: number;
  receipt_no: string;
  applicant_type: string;
  applicant_name: string;
  phone: string | null;
  email: string | null;
  address: string | null;
  /** The record said to be inaccurate, what the applicant asks for, and the evidence offered. */
  record: string;
  requested_change: string;
  evidence: string;
  channel: string;
  received_date: string;
  due_date: string;
  provisional: Generated<number>;
  state: 'open' | 'closed';
  decision: string | null;
  decided_date: string | null;
  event_count: Generated<number>;
  created_at: string;
  updated_at: string;
}
/** The append-only ledger of a 更正 request (0014). */
export interface CorrectionEventTable {
  id: Generated<number>;
  correction_id: number;
  seq: number;
  act: string;
  on_date: string;
  recorded_at: string;
  actor_id: number | null;
  payload: string;
}
export interface CorrectionLetterTable {
  id: Generated<number>;
  correction_id: number;
  agency_id: number;
  event_seq: number;
  kind: string;
  number: string;
  issued_on: string;
  content: string;
  created_at: string;
}
/** A complaint or report to the county's 政府信息公开工作主管部门 (条例 第四十七条; 0014). Staff only. */
export interface ComplaintTable {
  id: Generated<number>;
  county_id: number;
  agency_id: number;
  kind: 'complaint' | 'report';
  receipt_no: string;
  channel: string;
  name: string | null;
  phone: string | null;
  email: string | null;
  content: string;
  received_date: string;
  due_date: string;
  provisional: Generated<number>;
  state: 'open' | 'closed';
  answered_date: string | null;
  event_count: Generated<number>;
  created_at: string;
  updated_at: string;
}
export interface ComplaintEventTable {
  id: Generated<number>;
  complaint_id: number;
  seq: number;
  act: string;
  on_date: string;
  recorded_at: string;
  actor_id: number | null;
  payload: string;
}
/** One window of one rate limit (migration 0016). */
export interface RateLimitTable {
  key: string;
  hits: number;
  /** Milliseconds since the epoch. */
  resets_at: number;
}

/** Failed log-ins of one user name since its last successful log-in (migration 0016). */
export interface LoginThrottleTable {
  username: string;
  failures: number;
  total_failures: number;
  lockouts: number;
  last_failed_at: string;
  locked_until: string | null;
}
/** An agency's sign-off policy (0013): whether its 予以公开 replies need the head's sign-off too. */
export interface AgencySignOffTable {
  agency_id: number;
  grants: number;
  updated_by: number | null;
  updated_at: string;
}

export interface DB {
  settings: SettingTable;
  agencies: AgencyTable;
  users: UserTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  audit_events: AuditEventTable;
  catalogue_items: CatalogueItemTable;
  item_versions: ItemVersionTable;
  item_attachments: ItemAttachmentTable;
  screening_hits: ScreeningHitTable;
  validity_changes: ValidityChangeTable;
  decision_statistics: DecisionStatisticsTable;
  applications: ApplicationTable;
  appeals: AppealTable;
  application_applicants: ApplicationApplicantTable;
  application_items: ApplicationItemTable;
  case_events: CaseEventTable;
  case_letters: CaseLetterTable;
  application_submissions: ApplicationSubmissionTable;
  application_files: ApplicationFileTable;
  receipt_views: ReceiptViewTable;
  calendar_overrides: CalendarOverrideTable;
  holiday_notices: HolidayNoticeTable;
  agency_sign_off: AgencySignOffTable;
  report_narratives: ReportNarrativeTable;
  annual_reports: AnnualReportTable;
  report_reviews: ReportReviewTable;
  report_imports: ReportImportTable;
  index_sequences: IndexSequenceTable;
  search_documents: SearchDocumentTable;
  search_text: SearchTextTable;
  correction_requests: CorrectionRequestTable;
  correction_events: CorrectionEventTable;
  correction_letters: CorrectionLetterTable;
  complaints: ComplaintTable;
  complaint_events: ComplaintEventTable;
  rate_limits: RateLimitTable;
  login_throttles: LoginThrottleTable;
}

export type AgencyRow = Selectable<AgencyTable>;
export type NewApplication = Insertable<ApplicationTable>;
export type NewAppeal = Insertable<AppealTable>;
export type NewCatalogueItem = Insertable<CatalogueItemTable>;
export type AnnualReportRow = Selectable<AnnualReportTable>;
