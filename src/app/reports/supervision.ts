/**
 * County supervision of the annual reports (issue 5): for a year, every agency of a county
 * with its report's status against the configured deadline, its findings, the carry-over
 * from last year's report, copy detection against last year's report and the other
 * reports of the year, the county's totals cell by cell next to the county government's
 * report, and the figures over the years for the charts.
 *
 * An agency's report of a year is whichever version exists: the latest stored one
 * (published on the platform, or imported from the published document), else the one the
 * platform computes from its records (a draft). Reading only.
 */
import type { Actor } from '../../domain/access/policy.ts';
import { can } from '../../domain/access/policy.ts';
import { subtreeIds, type Agency } from '../../domain/agencies/agency.ts';
import type { AnnualReport } from '../../domain/reports/annual-report.ts';
import type { Finding, ValidationContext } from '../../domain/reports/findings.ts';
import { narrativeText } from '../../domain/reports/rules-document.ts';
import {
  closestMatch,
  repeatedSpans,
  shareInText,
  shareOf,
  shinglesCache,
  shinglesOf,
  similarityIndex,
  type SimilarityIndex,
  type Span,
} from '../../domain/reports/similarity.ts';
import {
  applicationFigures,
  carryOverCheck,
  cellDifferences,
  reportStatus,
  sumReports,
  type ApplicationFigures,
  type CarryOverCheck,
  type CellDifference,
  type ReportSource,
  type ReportStatus,
} from '../../domain/reports/supervision.ts';
import { chinaDate } from '../../domain/shared/dates.ts';
import { NotFoundError } from '../../domain/shared/result.ts';
import { listAgencies } from '../../store/agencies.repo.ts';
import {
  currentReportsOfYears,
  findingsOfVersions,
  firstPublications,
  narrativesOfYear,
  storedReportYears,
  type PublishedReport,
  type PublishedSummary,
} from '../../store/reports.repo.ts';
import type { AppContext } from '../context.ts';
import { computeYearReports, countedYearReports } from './compute.ts';
import { firstImportYear, importContext, importedFindings } from './import.ts';
import { deadlineOf, reportSettings, type ReportSettings } from './settings.ts';

/** An agency's report of a year, from whichever version exists. */
export interface YearReport {
  agency: Agency;
  year: number;
  source: ReportSource | null;
  report: AnnualReport | null;
  stored: PublishedSummary | null;
  /** The report the records give, with its findings on the year checked (else null). */
  computed: { report: AnnualReport; findings: Finding[] | null } | null;
}

/**
 * The report of each of `agencies` on each of `years`. The records' report is computed only
 * where it is needed: for an agency with no stored version, and on year `checked` (whose
 * findings are shown) also for one whose stored version the platform published (its report
 * page shows the records' findings); only those of year `checked` are checked.
 */
async function reportsOfYears(
  ctx: AppContext,
  agencies: readonly Agency[],
  years: readonly number[],
  checked?: number,
): Promise<Map<number, Map<number, YearReport>>> {
  const stored = await currentReportsOfYears(ctx.db, years);
  const out = new Map<number, Map<number, YearReport>>();
  for (const year of years) {
    const storedOf = (a: Agency) => stored.get(year)?.get(a.id);
    const needed = (a: Agency) => !storedOf(a) || (year === checked && storedOf(a)!.origin === 'platform');
    const only = new Set(agencies.filter(needed).map((a) => a.id));
    const computed = new Map(
      year === checked
        ? (await computeYearReports(ctx, year, only)).map((c) => [c.agency.id, { report: c.report, findings: c.findings as Finding[] | null }] as const)
        : (await countedYearReports(ctx, year, only)).map((c) => [c.agency.id, { report: c.report, findings: null }] as const),
    );
    const of = new Map<number, YearReport>();
    for (const agency of agencies) {
      const s = stored.get(year)?.get(agency.id) ?? null;
      const c = computed.get(agency.id) ?? null;
      const source: ReportSource | null = s ? (s.origin === 'platform' ? 'published' : 'imported') : c ? 'computed' : null;
      of.set(agency.id, { agency, year, source, report: s?.report ?? c?.report ?? null, stored: s, computed: c });
    }
    out.set(year, of);
  }
  return out;
}

/** The county (a top-level agency's subtree) the actor supervises, 404 otherwise. */
export async function supervisedCounty(
  ctx: AppContext,
  actor: Actor,
  countyId: number | null,
): Promise<{ county: Agency; agencies: Agency[]; tree: Agency[] }> {
  const tree = await listAgencies(ctx.db);
  const counties = tree.filter((a) => a.parentId === null && can(actor, 'county.supervise', a.id, tree));
  const county = countyId === null ? counties[0] : counties.find((a) => a.id === countyId);
  if (!county) throw new NotFoundError('找不到这个县，或您没有监督它的权限。');
  const ids = subtreeIds(tree, county.id);
  return { county, agencies: tree.filter((a) => ids.has(a.id)), tree };
}

/** The counties the actor supervises (for a choice when there are several). */
export async function supervisedCounties(ctx: AppContext, actor: Actor): Promise<Agency[]> {
  const tree = await listAgencies(ctx.db);
  return tree.filter((a) => a.parentId === null && can(actor, 'county.supervise', a.id, tree));
}

export interface CopyMatch {
  share: number;
  /** The report compared with: last year's of the same agency, or another agency's of the same year. */
  agency: Agency;
  year: number;
}

export interface CopyCheck {
  lastYear: CopyMatch | null;
  /** The other agency of the county whose report of the year this one repeats most. */
  peer: CopyMatch | null;
  flagged: boolean;
}

export interface SupervisedReport {
  agency: Agency;
  year: number;
  source: ReportSource | null;
  report: AnnualReport | null;
  /** The stored version shown, if any. */
  versionId: number | null;
  status: ReportStatus;
  late: boolean;
  deadline: string;
  publishedOn: string | null;
  findings: Finding[];
  errors: number;
  warnings: number;
  /** The page that shows the report with its findings. */
  href: string | null;
  carryOver: CarryOverCheck;
  copy: CopyCheck;
}

export interface CountyTotals {
  /** Every agency's report of the county (the county government's included), cell by cell. */
  sum: AnnualReport;
  /** The county government's own report. */
  county: YearReport;
  differences: CellDifference[];
  /** Agencies with no report for the year (none stored, none the records give). */
  missing: Agency[];
}

export interface FigureSeries {
  agency: Agency | null;
  figures: ApplicationFigures[];
}

export interface CountySupervision {
  county: Agency;
  year: number;
  years: number[];
  settings: ReportSettings;
  reports: SupervisedReport[];
  totals: CountyTotals;
  /** The county's sum first (agency null), then each agency's. */
  series: FigureSeries[];
}

/** The page a report with its findings is on: the platform's report page, or the imported version's. */
export function reportHref(r: Pick<YearReport, 'agency' | 'year' | 'source' | 'stored'>): string | null {
  if (r.source === 'imported' && r.stored) return `/admin/county/reports/${r.stored.id}`;
  if (r.source === 'published' || r.source === 'computed') return `/admin/reports/${r.agency.id}/${r.year}`;
  return null;
}

const textOf = (r: YearReport | undefined) => (r?.report ? narrativeText(r.report) : '');

/** The narratives of a county's reports of a year, in the order of `agencies`, with the index their copies are found through. */
interface CountyTexts {
  reports: (YearReport | undefined)[];
  texts: string[];
  index: SimilarityIndex;
}

function countyTexts(agencies: readonly Agency[], thisYear: Map<number, YearReport>): CountyTexts {
  const reports = agencies.map((a) => thisYear.get(a.id));
  const texts = reports.map(textOf);
  return { reports, texts, index: similarityIndex(texts.map((t) => shinglesOf(t))) };
}

/**
 * X-07 as the supervisor sees it, for the agencies at `positions` of `agencies`: the share
 * of the agency's narrative found in its last year's report, and the other agency of the
 * county whose report of the year it repeats most. Drafts (reports not yet published) are
 * compared only for those who supervise. Each text is made into 8-grams once, and the
 * closest other is found through the samples' index (`closestMatch`), not by comparing
 * every pair of a county's texts in full.
 */
function copyChecks(
  agencies: readonly Agency[],
  county: CountyTexts,
  lastYear: Map<number, YearReport> | undefined,
  o: { copyShare: number; includeDrafts: boolean },
  positions: readonly number[],
): CopyCheck[] {
  const { reports, texts, index } = county;
  const visible = (r: YearReport | undefined) => !!r?.report && (o.includeDrafts || r.source !== 'computed');
  return positions.map((k) => {
    const agency = agencies[k]!;
    if (!texts[k]) return { lastYear: null, peer: null, flagged: false };
    const prev = lastYear?.get(agency.id);
    const lastMatch = visible(prev) ? { share: shareInText(index.texts[k]!, textOf(prev)), agency, year: prev!.year } : null;
    const closest = closestMatch(index, k, o.copyShare, (j) => visible(reports[j]));
    const peer = closest ? { share: closest.share, agency: agencies[closest.index]!, year: reports[closest.index]!.year } : null;
    return { lastYear: lastMatch, peer, flagged: (lastMatch?.share ?? 0) > o.copyShare || (peer?.share ?? 0) > o.copyShare };
  });
}

/**
 * X-07's comparison with the other reports of the year for the report at position `k`, through
 * the county's index: the stored reports of the towns of the same parent, as `peerTexts` gives
 * them to the validator (a town's report is compared with the other towns' of its county).
 */
function peerCopies(agencies: readonly Agency[], county: CountyTexts, k: number): ValidationContext['mostRepeatedOther'] {
  const agency = agencies[k]!;
  if (agency.kind !== 'town') return () => null;
  const peer = (j: number) => j !== k && agencies[j]!.kind === 'town' && agencies[j]!.parentId === agency.parentId && !!county.reports[j]?.stored;
  return (above) => {
    const m = closestMatch(county.index, k, above, peer, { everyShortText: true });
    return m && m.share > above ? { agency: county.reports[m.index]!.stored!.report.agency, share: m.share } : null;
  };
}

/** The county an agency belongs to: its top-level ancestor's subtree. */
function countyOf(tree: readonly Agency[], agency: Agency): Agency[] {
  let root = agency;
  for (let up = tree.find((a) => a.id === root.parentId); up; up = tree.find((a) => a.id === root.parentId)) root = up;
  const ids = subtreeIds(tree, root.id);
  return tree.filter((a) => ids.has(a.id));
}

/** Copy detection for one agency's report of a year (the report pages). */
export async function agencyCopyCheck(ctx: AppContext, agency: Agency, year: number, includeDrafts: boolean): Promise<CopyCheck & { copyShare: number }> {
  const agencies = countyOf(await listAgencies(ctx.db), agency);
  const [byYear, settings] = await Promise.all([reportsOfYears(ctx, agencies, [year - 1, year]), reportSettings(ctx.db)]);
  const position = agencies.findIndex((a) => a.id === agency.id);
  const texts = countyTexts(agencies, byYear.get(year)!);
  const [check] = copyChecks(agencies, texts, byYear.get(year - 1), { copyShare: settings.copyShare, includeDrafts }, [position]);
  return { ...check!, copyShare: settings.copyShare };
}

/** At most this many years on the charts. */
const chartYears = 8;

export async function countySupervision(ctx: AppContext, actor: Actor, countyId: number | null, year: number): Promise<CountySupervision> {
  const { county, agencies } = await supervisedCounty(ctx, actor, countyId);
  const today = chinaDate(ctx.now());
  const currentYear = Number(today.slice(0, 4));
  if (!Number.isInteger(year) || year < firstImportYear || year > currentYear) {
    throw new NotFoundError(`年度报告监督只有${firstImportYear}年度至${currentYear}年度（${firstImportYear}年起使用统一格式），没有${year}年度。`);
  }
  const [settings, storedYears, narratives, firsts] = await Promise.all([
    reportSettings(ctx.db),
    storedReportYears(ctx.db),
    narrativesOfYear(ctx.db, year),
    firstPublications(ctx.db, year),
  ]);
  const earliest = Math.min(year - 1, storedYears[0] ?? year, ...agencies.map((a) => a.recordsFrom));
  const first = Math.max(firstImportYear, earliest, year - chartYears + 1);
  const years = Array.from({ length: year - first + 1 }, (_, i) => first + i);
  const byYear = await reportsOfYears(ctx, agencies, years.includes(year - 1) ? years : [year - 1, ...years], year);
  const thisYear = byYear.get(year)!;
  const lastYear = byYear.get(year - 1)!;

  const importedIds = [...thisYear.values()].flatMap((r) => (r.source === 'imported' && r.stored ? [r.stored.id] : []));
  const storedFindings = await findingsOfVersions(ctx.db, importedIds);
  const texts = countyTexts(agencies, thisYear);
  const copies = copyChecks(
    agencies,
    texts,
    lastYear,
    { copyShare: settings.copyShare, includeDrafts: true },
    agencies.map((_, k) => k),
  );

  const reports: SupervisedReport[] = [];
  for (const [k, agency] of agencies.entries()) {
    const r = thisYear.get(agency.id)!;
    const prev = lastYear.get(agency.id);
    const deadline = deadlineOf(settings, agency.kind, year);
    const firstPublished = firsts.get(agency.id);
    const publishedOn = firstPublished ? chinaDate(firstPublished) : null;
    const { status, late } = reportStatus({ publishedOn, narrativeWritten: narratives.has(agency.id), deadline, asOf: today });
    let findings: Finding[] = [];
    if (r.source === 'imported' && r.stored && r.report) {
      const context: ValidationContext = {
        origin: 'imported',
        agency: { kind: agency.kind, mayMakeRules: agency.mayMakeRules },
        previous: prev?.report ? { report: prev.report, origin: prev.source === 'imported' ? 'imported' : 'platform' } : null,
        copyShare: settings.copyShare,
        shingles: (text) => (text === texts.texts[k] ? texts.index.texts[k]! : shinglesOf(text)),
        mostRepeatedOther: peerCopies(agencies, texts, k),
        publication: { deadline, publishedOn: chinaDate(r.stored.publishedAt), asOf: today, inAnnualReportColumn: true, numbersStored: true },
      };
      findings = importedFindings(r.report, storedFindings.get(r.stored.id) ?? [], context);
    } else if (r.computed?.findings) findings = r.computed.findings;
    const errors = findings.filter((f) => f.severity === 'error').length;

    reports.push({
      agency,
      year,
      source: r.source,
      report: r.report,
      versionId: r.stored?.id ?? null,
      status,
      late,
      deadline,
      publishedOn,
      findings,
      errors,
      warnings: findings.length - errors,
      href: reportHref(r),
      carryOver: carryOverCheck(r.report, prev?.report ?? null),
      copy: copies[k]!,
    });
  }

  const present = [...thisYear.values()].filter((r) => r.report);
  const sum = sumReports(
    present.map((r) => r.report!),
    county.name,
    year,
  );
  const countyReport = thisYear.get(county.id)!;
  const totals: CountyTotals = {
    sum,
    county: countyReport,
    differences: countyReport.report ? cellDifferences(sum, countyReport.report) : [],
    missing: agencies.filter((a) => !thisYear.get(a.id)?.report),
  };

  const series: FigureSeries[] = [
    {
      agency: null,
      figures: years.map((y) => {
        const rs = [...byYear.get(y)!.values()].filter((r) => r.report).map((r) => r.report!);
        return rs.length ? applicationFigures(sumReports(rs, county.name, y), y) : { ...applicationFigures(sumReports([], county.name, y), y) };
      }),
    },
    ...agencies.map((agency) => ({
      agency,
      figures: years.map((y) => {
        const r = byYear.get(y)!.get(agency.id)?.report;
        return r ? applicationFigures(r, y) : applicationFigures(sumReports([], agency.name, y), y);
      }),
    })),
  ];
  return { county, year, years, settings, reports, totals, series };
}

export interface CopyComparison {
  agency: Agency;
  year: number;
  /** The agency's narrative (sections 一, 五, 六) as the report has it. */
  text: string;
  against: { label: string; agency: Agency; year: number; share: number; spans: Span[]; href: string | null } | null;
}

/**
 * An agency's narrative with the passages it shares with one other report: last year's of
 * the same agency (`against` = 'lastYear') or another agency's of the same year (its id).
 * The actor must be able to see the agency's report; another agency's is compared when it
 * is published (public) or the actor may see it.
 */
export async function copyComparison(ctx: AppContext, actor: Actor, agencyId: number, year: number, against: 'lastYear' | number): Promise<CopyComparison> {
  const tree = await listAgencies(ctx.db);
  const agency = tree.find((a) => a.id === agencyId);
  if (!agency || !can(actor, 'report.view', agency.id, tree)) throw new NotFoundError('找不到这个单位，或您没有查看它的权限。');
  const other = against === 'lastYear' ? agency : countyOf(tree, agency).find((a) => a.id === against);
  if (!other) throw new NotFoundError('找不到对比的单位。');
  const otherYear = against === 'lastYear' ? year - 1 : year;
  const byYear = await reportsOfYears(ctx, [...new Set([agency, other])], otherYear === year ? [year] : [otherYear, year]);
  const mine = byYear.get(year)!.get(agency.id)!;
  const theirs = byYear.get(otherYear)!.get(other.id)!;
  const text = mine.report ? narrativeText(mine.report) : '';
  const visible = theirs.source !== 'computed' || can(actor, 'report.view', other.id, tree);
  if (!theirs.report || !text || !visible) return { agency, year, text, against: null };
  const otherText = narrativeText(theirs.report);
  const shingles = shinglesCache();
  return {
    agency,
    year,
    text,
    against: {
      label: against === 'lastYear' ? `本单位${otherYear}年度报告` : `${other.name}${otherYear}年度报告`,
      agency: other,
      year: otherYear,
      share: shareOf(shingles(text), shingles(otherText)),
      spans: repeatedSpans(text, shingles(otherText)),
      href: reportHref(theirs),
    },
  };
}

/** The findings of a stored imported version as they stand now (last year's report and the other reports may have changed since it was stored). */
export async function importedVersionFindings(ctx: AppContext, version: PublishedReport, agency: Agency): Promise<Finding[]> {
  const context = await importContext(ctx, agency, version.year, chinaDate(version.publishedAt));
  return importedFindings(version.report, version.findings, context);
}
