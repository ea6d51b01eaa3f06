/**
 * Reports read from published documents, stored next to the platform's own (issue 5): a
 * county supervisor uploads one report or a batch (files or a ZIP); each file is read by
 * the report reader, kept with what was read, assigned to an agency and year (recognised
 * from the title, confirmed or corrected by the supervisor), and stored as a version with
 * origin "imported". The cross-year check and the county's roll-up then work for agencies
 * whose history predates the platform.
 *
 * The reader is passed in (`ReportReader`): the platform does not parse documents here.
 */
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';
import type { Actor } from '../../domain/access/policy.ts';
import { agenciesWhere, can } from '../../domain/access/policy.ts';
import type { Agency } from '../../domain/agencies/agency.ts';
import type { AnnualReport } from '../../domain/reports/annual-report.ts';
import type { Finding, ValidationContext } from '../../domain/reports/findings.ts';
import { checks } from '../../domain/reports/validate.ts';
import { chinaDate, isIsoDate } from '../../domain/shared/dates.ts';
import { fieldError, ForbiddenError, InputError, NotFoundError, type FieldError } from '../../domain/shared/result.ts';
import { defaultDisclosure } from '../../law/catalogue-categories.ts';
import { formatDocument2019, ruleApplies, ruleIds, type RuleId } from '../../law/report-format/index.ts';
import { maxAttachmentBytes } from '../../law/screening.ts';
import { zipEntries, type ZipEntry } from '../../extract/zip.ts';
import { listAgencies } from '../../store/agencies.repo.ts';
import { appendEvent } from '../../store/events.repo.ts';
import { decideStagedImport, insertStagedImport, linkStagedImport, stagedBatch, type StagedImport } from '../../store/report-imports.repo.ts';
import { currentReportsOfYear, insertPublishedReport, reportVersions } from '../../store/reports.repo.ts';
import type { AppContext } from '../context.ts';
import { requireAgency } from '../agencies/resolve.ts';
import { inTransaction } from '../transaction.ts';
import { computeAgencyReport, peerTexts, reportYears } from './compute.ts';
import { deadlineOf, reportSettings } from './settings.ts';

// ---------------------------------------------------------------- the reader

/** What the reader makes of one file: the contract JSON and its findings, or why it could not read it (a Chinese message). */
export type ReadResult = { report: AnnualReport; findings: Finding[] } | { error: string };

/** Reads one published report (plain text, HTML, DOCX or PDF), e.g. the reader behind `gongkai check`. */
export type ReportReader = (bytes: Uint8Array, filename: string) => ReadResult | Promise<ReadResult>;

/** The document formats a report is read from, by file extension. */
const sourceFormats: Record<string, string> = { '.txt': 'txt', '.text': 'txt', '.md': 'txt', '.html': 'html', '.htm': 'html', '.docx': 'docx', '.pdf': 'pdf' };

export function sourceFormatOf(filename: string): string | null {
  const ext = /\.[^./]*$/.exec(filename.toLowerCase())?.[0] ?? '';
  return sourceFormats[ext] ?? null;
}

// ---------------------------------------------------------------- storing one version

/** The first year a published report can be imported for: that of the 2019 trial format (spec §1.8). */
export const firstImportYear = formatDocument2019.firstYear;

/**
 * The rules whose result depends on what the platform knows besides the document: the
 * agency (规章制定权, 人民政府), last year's report, the other reports of the year, the
 * publication date. The reader cannot decide them; they are checked when the report is
 * assigned to an agency and year, and again whenever it is shown.
 */
export const contextRules: readonly RuleId[] = ['T2-02', 'T2-03', 'T3-05', 'T4-03', 'X-04', 'X-06', 'X-07', 'X-08'];

/** The reader's findings on the document itself, and the context rules checked against `context`. */
export function importedFindings(report: AnnualReport, readerFindings: readonly Finding[], context: ValidationContext): Finding[] {
  const context_ = contextRules as readonly string[];
  const own = readerFindings.filter((f) => !context_.includes(f.rule));
  const fresh = contextRules.filter((id) => ruleApplies(id, report.year)).flatMap((id) => checks[id](report, context));
  // The reader's own findings (reading a cell, a title) come first, then the rules in their order.
  const order = (f: Finding) => (ruleIds as readonly string[]).indexOf(f.rule);
  return [...own, ...fresh].sort((a, b) => order(a) - order(b));
}

/** The report of `year` the platform holds for an agency: the latest stored version, else the one its records give (if they cover the year). */
export async function platformReportOf(
  ctx: AppContext,
  agency: Agency,
  year: number,
): Promise<{ report: AnnualReport; origin: 'platform' | 'imported' } | null> {
  const stored = (await reportVersions(ctx.db, agency.id, year))[0];
  if (stored) return { report: stored.report, origin: stored.origin };
  const { first, last } = reportYears(agency, chinaDate(ctx.now()));
  if (year < first || year > last) return null;
  return { report: (await computeAgencyReport(ctx, agency, year)).report, origin: 'platform' };
}

/** What an imported report of `agency` on `year`, published on `publishedOn`, is checked against. */
export async function importContext(ctx: AppContext, agency: Agency, year: number, publishedOn: string): Promise<ValidationContext> {
  const [settings, previous, sameYear, agencies] = await Promise.all([
    reportSettings(ctx.db),
    platformReportOf(ctx, agency, year - 1),
    currentReportsOfYear(ctx.db, year),
    listAgencies(ctx.db),
  ]);
  return {
    origin: 'imported',
    agency: { kind: agency.kind, mayMakeRules: agency.mayMakeRules },
    previous,
    others: peerTexts(sameYear, agencies)(agency),
    copyShare: settings.copyShare,
    publication: {
      deadline: deadlineOf(settings, agency.kind, year),
      publishedOn,
      asOf: chinaDate(ctx.now()),
      inAnnualReportColumn: true,
      numbersStored: true,
    },
  };
}

export interface ImportInput {
  agencyId: number;
  year: number;
  report: AnnualReport;
  /** The reader's findings. */
  findings: readonly Finding[];
  sourceName: string;
  sourceFormat: string | null;
  /** The day the document was published (its 发布日期), YYYY-MM-DD. */
  publishedOn: string;
}

export interface ImportResult {
  id: number;
  version: number;
  findings: Finding[];
}

function checkImportInput(input: ImportInput, today: string): FieldError[] {
  const errors: FieldError[] = [];
  const thisYear = Number(today.slice(0, 4));
  if (!Number.isInteger(input.year) || input.year < firstImportYear || input.year >= thisYear) {
    errors.push(fieldError('year', 'GK_IMPORT_YEAR', `年度应在${firstImportYear}年至${thisYear - 1}年之间（年度报告在次年发布）`));
  } else if (!isIsoDate(input.publishedOn)) {
    errors.push(fieldError('publishedOn', 'GK_IMPORT_PUBLISHED_ON', '请填写报告的发布日期（如2024-01-20），用于判断是否按期发布'));
  } else if (input.publishedOn < `${input.year + 1}-01-01` || input.publishedOn > today) {
    errors.push(fieldError('publishedOn', 'GK_IMPORT_PUBLISHED_ON', `${input.year}年度报告的发布日期应在${input.year + 1}-01-01至今天（${today}）之间`));
  }
  return errors;
}

/**
 * Stores a report read from a published document as the next version of its agency's
 * report on `year`, with origin "imported", in one transaction with its audit event. Only
 * a county supervisor over the agency imports; a year the platform itself published is
 * not overwritten by a document (the platform's version is the record).
 */
export async function importReport(ctx: AppContext, actor: Actor, input: ImportInput): Promise<ImportResult> {
  const agency = await requireAgency(ctx, input.agencyId);
  if (!can(actor, 'county.supervise', agency.id, await listAgencies(ctx.db))) {
    throw new ForbiddenError('只有县级监督人员可以导入其所辖单位的年度报告');
  }
  const now = ctx.now();
  const errors = checkImportInput(input, chinaDate(now));
  if (errors.length) throw new InputError(errors);
  return inTransaction(ctx, async (db) => {
    const tctx = { ...ctx, db };
    const versions = await reportVersions(db, agency.id, input.year);
    if (versions.some((v) => v.origin === 'platform')) {
      throw new InputError([
        fieldError('year', 'GK_IMPORT_PLATFORM_REPORT', `${agency.shortName}${input.year}年度报告已通过平台发布，以平台发布的版本为准，不再导入`),
      ]);
    }
    // The agency and year are the ones confirmed, whatever the title gave (the file keeps what it said).
    const report: AnnualReport = { ...input.report, agency: agency.name, year: input.year };
    const findings = importedFindings(report, input.findings, await importContext(tctx, agency, input.year, input.publishedOn));
    const version = (versions[0]?.version ?? 0) + 1;
    const reason = versions.length ? `重新导入：${input.sourceName}` : null;
    const at = now.toISOString();
    const id = await insertPublishedReport(db, {
      agencyId: agency.id,
      year: input.year,
      version,
      origin: 'imported',
      report,
      findings,
      indexNo: null,
      publisher: agency.name,
      scope: defaultDisclosure.scope,
      disclosureMode: defaultDisclosure.mode,
      generatedDate: input.publishedOn,
      publishedAt: new Date(`${input.publishedOn}T00:00:00+08:00`).toISOString(),
      signer: agency.name,
      signedDate: null,
      publishedBy: null,
      reason,
      createdAt: at,
      sourceName: input.sourceName,
      sourceFormat: input.sourceFormat,
      importedBy: actor.id,
    });
    const errorCount = findings.filter((f) => f.severity === 'error').length;
    await appendEvent(db, {
      occurredAt: at,
      actorId: actor.id,
      agencyId: agency.id,
      subjectType: 'annualReport',
      subjectId: `${agency.id}/${input.year}`,
      action: 'report.imported',
      reason,
      payload: {
        versionId: id,
        version,
        sourceName: input.sourceName,
        sourceFormat: input.sourceFormat,
        publishedOn: input.publishedOn,
        errors: errorCount,
        warnings: findings.length - errorCount,
      },
    });
    return { id, version, findings };
  });
}

// ---------------------------------------------------------------- upload batches

/** How much one upload may hold. */
export const importLimits = {
  /** Files in one batch, after a ZIP is unpacked. */
  files: 50,
  /** One file (a report, or a ZIP of reports). */
  fileBytes: maxAttachmentBytes,
  /** All files of a batch together, unpacked. */
  batchBytes: 100 * 1024 * 1024,
} as const;

export interface Upload {
  filename: string;
  bytes: Uint8Array;
}

const inflateRawAsync = promisify(inflateRaw);

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** A ZIP's file names: UTF-8 when they are, else GBK (archives made on Chinese Windows). */
function zipName(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}

const skippedEntry = (name: string) => name.endsWith('/') || name.split('/').some((p) => p.startsWith('.') || p === '__MACOSX');

const mb = (bytes: number) => `${bytes / 1024 / 1024} MB`;
const damagedZip = (zip: string) => new InputError([fieldError('files', 'GK_IMPORT_ZIP', `压缩包“${zip}”已损坏或设有密码，无法解压`)]);
const batchTooLarge = () =>
  new InputError([fieldError('files', 'GK_IMPORT_BATCH_SIZE', `一次上传的文件合计不能超过${mb(importLimits.batchBytes)}，请分批上传`)]);

/**
 * One file of a ZIP, unpacked within `budget` bytes. The sizes a ZIP declares are checked
 * before anything is inflated, and inflating stops at the declared size: an entry whose
 * data is larger than its headers say (a ZIP bomb) is refused as damaged, never unpacked
 * in full. Null for a folder or a hidden or resource-fork entry.
 */
async function zipFile(zip: Upload, entry: ZipEntry, budget: number): Promise<Upload | null> {
  const bytes = zip.bytes;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) throw damagedZip(zip.filename);
  const flags = view.getUint16(at + 6, true);
  const nameEnd = at + 30 + view.getUint16(at + 26, true);
  const name = zipName(bytes.subarray(at + 30, nameEnd));
  if (skippedEntry(name)) return null;
  const filename = `${zip.filename.replace(/\.zip$/i, '')}/${name}`;
  // Encrypted (bit 0), or sizes kept in ZIP64 fields (a report is never 4 GB).
  if (flags & 1 || entry.size === 0xffffffff || entry.compressedSize === 0xffffffff) throw damagedZip(zip.filename);
  if (entry.size > importLimits.fileBytes) {
    throw new InputError([fieldError('files', 'GK_IMPORT_FILE_SIZE', `压缩包“${zip.filename}”中的“${name}”超过${mb(importLimits.fileBytes)}，请拆分后上传`)]);
  }
  if (entry.size > budget) throw batchTooLarge();
  const start = nameEnd + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) throw damagedZip(zip.filename);
  let content: Uint8Array;
  try {
    if (entry.method === 0) content = data.slice();
    // off the server's thread (zlib's thread pool), stopped by zlib at the declared size
    else if (entry.method === 8) content = new Uint8Array(await inflateRawAsync(data, { maxOutputLength: Math.max(1, entry.size) }));
    else throw new Error(`compression method ${entry.method}`);
  } catch {
    throw damagedZip(zip.filename);
  }
  if (content.length !== entry.size) throw damagedZip(zip.filename);
  return { filename, bytes: content };
}

/**
 * The files of an upload with each ZIP (not a DOCX, itself a ZIP) replaced by the files in
 * it, within the limits: 50 files, 20 MB each, 100 MB together — counted as the files are
 * unpacked, so a batch over the limits is refused before it is unpacked in full.
 */
export async function unpackUploads(uploads: readonly Upload[]): Promise<Upload[]> {
  const out: Upload[] = [];
  let total = 0;
  const add = (u: Upload) => {
    out.push(u);
    total += u.bytes.length;
    if (out.length > importLimits.files) {
      throw new InputError([fieldError('files', 'GK_IMPORT_TOO_MANY', `一次最多导入${importLimits.files}个文件（压缩包内的文件分别计数），请分批上传`)]);
    }
    if (total > importLimits.batchBytes) throw batchTooLarge();
  };
  for (const u of uploads) {
    const entries = isZip(u.bytes) ? zipEntries(u.bytes) : null;
    const office = entries?.some((e) => e.name === '[Content_Types].xml');
    if (!entries || office) {
      add(u);
      continue;
    }
    for (const entry of entries) {
      const file = await zipFile(u, entry, importLimits.batchBytes - total);
      if (file) add(file);
    }
  }
  if (out.length === 0) throw new InputError([fieldError('files', 'GK_IMPORT_EMPTY', '请选择要导入的年度报告文件')]);
  return out;
}

/** The agency a report's title names, among those the supervisor may import for: the longest full or short name it contains. */
export function recognisedAgency(title: string, agencies: readonly Agency[]): Agency | null {
  const t = title.normalize('NFKC').replace(/\s+/g, '');
  const exact = agencies.find((a) => a.name === t);
  if (exact) return exact;
  let best: { agency: Agency; length: number } | null = null;
  for (const a of agencies) {
    for (const name of [a.name, a.shortName]) {
      if (name.length >= 2 && t.includes(name) && (!best || name.length > best.length)) best = { agency: a, length: name.length };
    }
  }
  return best?.agency ?? null;
}

/**
 * Reads every file of an upload (ZIPs unpacked) and keeps each with what was read and the
 * agency and year its title names, as one batch awaiting the supervisor's confirmation.
 * Returns the batch's key.
 */
export async function uploadReports(ctx: AppContext, actor: Actor, uploads: readonly Upload[], read: ReportReader): Promise<string> {
  const tree = await listAgencies(ctx.db);
  const mine = agenciesWhere(actor, 'county.supervise', tree);
  if (mine.size === 0) throw new ForbiddenError('只有县级监督人员可以导入年度报告');
  const agencies = tree.filter((a) => mine.has(a.id));
  const files = await unpackUploads(uploads);
  const thisYear = Number(chinaDate(ctx.now()).slice(0, 4));
  const readFiles: { file: Upload; result: ReadResult }[] = [];
  for (const f of files) {
    let result: ReadResult;
    if (f.bytes.length > importLimits.fileBytes) result = { error: `文件超过${importLimits.fileBytes / 1024 / 1024} MB` };
    else {
      try {
        result = await read(f.bytes, f.filename);
      } catch {
        // The reader's problems with a file come back as { error }; an exception is its own fault, and its words are not the user's.
        result = { error: '读取时出错：文件可能已损坏，或不是本平台能读取的报告' };
      }
    }
    readFiles.push({ file: f, result });
  }
  const batch = randomBytes(12).toString('base64url');
  const at = ctx.now().toISOString();
  await inTransaction(ctx, async (db) => {
    for (const [position, { file, result }] of readFiles.entries()) {
      const report = 'report' in result ? result.report : null;
      const year = report && Number.isInteger(report.year) && report.year >= firstImportYear && report.year < thisYear ? report.year : null;
      await insertStagedImport(db, {
        batch,
        position,
        filename: file.filename,
        format: sourceFormatOf(file.filename),
        size: file.bytes.length,
        content: file.bytes,
        report,
        findings: 'report' in result ? result.findings : [],
        error: 'error' in result ? result.error : null,
        agencyId: report ? (recognisedAgency(report.agency, agencies)?.id ?? null) : null,
        year,
        uploadedBy: actor.id,
        uploadedAt: at,
      });
    }
    await appendEvent(db, {
      occurredAt: at,
      actorId: actor.id,
      agencyId: null,
      subjectType: 'reportImport',
      subjectId: batch,
      action: 'report.importUploaded',
      payload: { files: readFiles.length, unreadable: readFiles.filter((f) => 'error' in f.result).length },
    });
  });
  return batch;
}

/** A batch as its uploader sees it; anyone else gets "not found". */
export async function batchOf(ctx: AppContext, actor: Actor, batch: string): Promise<StagedImport[]> {
  const files = await stagedBatch(ctx.db, batch);
  if (files.length === 0 || files[0]!.uploadedBy !== actor.id) throw new NotFoundError('找不到这批上传的文件');
  return files;
}

export interface ImportDecision {
  id: number;
  /** false: leave the file out. */
  include: boolean;
  agencyId: number | null;
  year: number | null;
  publishedOn: string;
}

export type DecisionOutcome = { id: number; stored: ImportResult } | { id: number; errors: FieldError[] } | { id: number; skipped: true };

/**
 * Stores each included, readable, pending file of a batch as a version of the agency and
 * year the supervisor confirmed, each in its own transaction (one file's problem does not
 * hold back the others); a file left out is marked so. A file whose input was wrong stays
 * pending, with its errors, to be corrected.
 */
export async function confirmImports(ctx: AppContext, actor: Actor, batch: string, decisions: readonly ImportDecision[]): Promise<DecisionOutcome[]> {
  const files = await batchOf(ctx, actor, batch);
  // An agency from the form that the actor does not supervise (or no longer exists) is the file's error, not the batch's.
  const mine = agenciesWhere(actor, 'county.supervise', await listAgencies(ctx.db));
  const out: DecisionOutcome[] = [];
  for (const d of decisions) {
    const file = files.find((f) => f.id === d.id);
    if (file?.status !== 'pending') continue;
    const decidedAt = ctx.now().toISOString();
    if (!d.include || !file.report) {
      const agencyId = d.agencyId !== null && mine.has(d.agencyId) ? d.agencyId : null;
      if (await decideStagedImport(ctx.db, file.id, { status: 'skipped', agencyId, year: d.year, reportId: null, decidedAt })) {
        out.push({ id: file.id, skipped: true });
      }
      continue;
    }
    const report = file.report;
    if (d.agencyId === null || !mine.has(d.agencyId) || d.year === null) {
      const errors = [];
      if (d.agencyId === null) errors.push(fieldError(`agency-${file.id}`, 'GK_IMPORT_AGENCY', '请选择报告所属单位'));
      else if (!mine.has(d.agencyId)) errors.push(fieldError(`agency-${file.id}`, 'GK_IMPORT_AGENCY', '请从列表中选择您监督的单位'));
      if (d.year === null) errors.push(fieldError(`year-${file.id}`, 'GK_IMPORT_YEAR', '请填写报告年度'));
      out.push({ id: file.id, errors });
      continue;
    }
    const agencyId = d.agencyId;
    const year = d.year;
    try {
      const stored = await inTransaction(ctx, async (db) => {
        // The file is claimed first: the same form sent twice (a double click) waits here
        // for this transaction and then finds the file decided, instead of storing it again.
        if (!(await decideStagedImport(db, file.id, { status: 'stored', agencyId, year, reportId: null, decidedAt }))) return null;
        const r = await importReport({ ...ctx, db }, actor, {
          agencyId,
          year,
          report,
          findings: file.findings,
          sourceName: file.filename,
          sourceFormat: file.format,
          publishedOn: d.publishedOn,
        });
        await linkStagedImport(db, file.id, r.id);
        return r;
      });
      if (stored) out.push({ id: file.id, stored });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      out.push({ id: file.id, errors: e.errors.map((x) => ({ ...x, field: `${x.field}-${file.id}` })) });
    }
  }
  return out;
}
