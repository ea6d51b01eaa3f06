/**
 * Computes agencies' annual reports from the records and checks them. Reading only:
 * nothing here writes. One agency at a time for the staff pages and the CLI, or a
 * whole year at once (the same SQL, grouped by agency) for supervision and benchmarks.
 */
import type { Agency } from '../../domain/agencies/agency.ts';
import { computeReport } from '../../domain/reports/compute.ts';
import { emptyFacts, type ReportFacts } from '../../domain/reports/facts.ts';
import type { AnnualReport } from '../../domain/reports/annual-report.ts';
import { closestMatch, shinglesCache, similarityIndex } from '../../domain/reports/similarity.ts';
import { narrativeText } from '../../domain/reports/rules-document.ts';
import type { Finding, ValidationContext } from '../../domain/reports/findings.ts';
import { validateReport } from '../../domain/reports/validate.ts';
import { placeInYear } from '../../domain/requests/application.ts';
import { chinaDate } from '../../domain/shared/dates.ts';
import { fieldError, InputError } from '../../domain/shared/result.ts';
import { outcomeCodeKeys, type OutcomeCode } from '../../law/outcome-codes.ts';
import { formatDocument } from '../../law/report-format/index.ts';
import { listAgencies } from '../../store/agencies.repo.ts';
import { applicationsTouchingYear, toApplicationFacts } from '../../store/records.repo.ts';
import { countYear, type CountedFacts } from '../../store/report-facts.repo.ts';
import {
  currentReportsOfYear,
  currentReportsOfYears,
  getNarrative,
  narrativesOfYear,
  reportVersions,
  type PublishedSummary,
  type StoredNarrative,
} from '../../store/reports.repo.ts';
import type { AppContext } from '../context.ts';
import { deadlineOf, reportSettings, type ReportSettings } from './settings.ts';

export interface ComputedReport {
  agency: Agency;
  year: number;
  facts: ReportFacts;
  report: AnnualReport;
  findings: Finding[];
  /** What the findings were checked against. */
  context: ValidationContext;
  narrative: StoredNarrative | null;
  /** The latest published version of this year's report, if any. */
  current: PublishedSummary | null;
}

/** The years a report can be computed for: from the 2021 format and the agency's first records, to this year. */
export function reportYears(agency: Agency, today: string): { first: number; last: number } {
  return { first: Math.max(formatDocument.firstYear, agency.recordsFrom), last: Number(today.slice(0, 4)) };
}

export function checkReportYear(agency: Agency, year: number, today: string): void {
  const { first, last } = reportYears(agency, today);
  if (!Number.isInteger(year) || year < first || year > last) {
    throw new InputError([fieldError('year', 'GK_YEAR_UNAVAILABLE', `${agency.shortName}没有${year}年度的年报：平台保存了该单位${first}年至${last}年的记录`)]);
  }
}

function toFacts(agency: Agency, year: number, counted: CountedFacts | undefined, narrative: StoredNarrative | null): ReportFacts {
  const reportAgency = { id: agency.id, name: agency.name, shortName: agency.shortName, kind: agency.kind, mayMakeRules: agency.mayMakeRules };
  const text = narrative ? { overview: narrative.overview, problems: narrative.problems, other: narrative.other } : { overview: '', problems: '', other: '' };
  // An agency without records in the year gets the empty counts.
  return { ...(counted ?? emptyFacts(reportAgency, year)), agency: reportAgency, year, narrative: text };
}

export function baseContext(
  agency: Agency,
  year: number,
  today: string,
  previous: PublishedSummary | undefined,
  current: PublishedSummary | undefined,
  settings: ReportSettings,
): ValidationContext {
  return {
    origin: 'platform',
    agency: { kind: agency.kind, mayMakeRules: agency.mayMakeRules },
    previous: previous ? { report: previous.report, origin: previous.origin } : null,
    copyShare: settings.copyShare,
    publication: {
      deadline: deadlineOf(settings, agency.kind, year),
      publishedOn: current ? firstPublishedOn(current) : null,
      asOf: today,
      inAnnualReportColumn: true,
      numbersStored: true,
    },
  };
}

/** The day the report was first published (a correction does not move the publication date). */
function firstPublishedOn(current: PublishedSummary): string {
  return chinaDate(current.publishedAt);
}

/**
 * Copy detection compares a town's report with the other towns' of its county (rule X-07,
 * spec §7 C10: "vs other towns in the county"), besides every report with its own last year's.
 */
const peerGroup = (a: Pick<Agency, 'parentId' | 'kind'>) => (a.kind === 'town' ? `${a.parentId ?? ''}/town` : null);

/** The published reports of each agency's peers, for copy detection. */
export function peerTexts(published: Map<number, PublishedSummary>, agencies: readonly Agency[]): (agency: Agency) => { agency: string; text: string }[] {
  const byId = new Map(agencies.map((a) => [a.id, a]));
  const groups = new Map<string, { id: number; agency: string; text: string }[]>();
  for (const p of published.values()) {
    const a = byId.get(p.agencyId);
    const group = a && peerGroup(a);
    if (!a || !group) continue;
    const list = groups.get(group) ?? [];
    list.push({ id: a.id, agency: p.report.agency, text: narrativeText(p.report) });
    groups.set(group, list);
  }
  return (agency) => {
    const group = peerGroup(agency);
    return group ? (groups.get(group) ?? []).filter((p) => p.id !== agency.id) : [];
  };
}

export async function computeAgencyReport(ctx: AppContext, agency: Agency, year: number): Promise<ComputedReport> {
  const today = chinaDate(ctx.now());
  checkReportYear(agency, year, today);
  const [counted, narrative, previousVersions, versions, sameYear, apps, agencies, settings] = await Promise.all([
    countYear(ctx.db, year, agency.id),
    getNarrative(ctx.db, agency.id, year),
    reportVersions(ctx.db, agency.id, year - 1),
    reportVersions(ctx.db, agency.id, year),
    currentReportsOfYear(ctx.db, year),
    applicationsTouchingYear(ctx.db, agency.id, year),
    listAgencies(ctx.db),
    reportSettings(ctx.db),
  ]);
  const facts = toFacts(agency, year, counted.get(agency.id), narrative ?? null);
  const report = computeReport(facts);
  const handledTrace: Partial<Record<OutcomeCode, number[]>> = Object.fromEntries(outcomeCodeKeys.map((k) => [k, []]));
  for (const a of apps.map(toApplicationFacts)) {
    const h = placeInYear(a, year).handled;
    if (h) handledTrace[h]?.push(a.id);
  }
  const current = versions[0];
  const context: ValidationContext = {
    ...baseContext(agency, year, today, previousVersions[0], current, settings),
    handledTrace,
    others: peerTexts(sameYear, agencies)(agency),
  };
  return { agency, year, facts, report, findings: validateReport(report, context), context, narrative: narrative ?? null, current: current ?? null };
}

/** The agencies (of `only`, when given) whose records cover `year`, with their reports as the records give them. */
async function countedReports(ctx: AppContext, year: number, today: string, agencies: readonly Agency[], only: ReadonlySet<number> | undefined) {
  const [counted, narratives] = await Promise.all([countYear(ctx.db, year), narrativesOfYear(ctx.db, year)]);
  return agencies
    .filter((agency) => {
      const { first, last } = reportYears(agency, today);
      return (!only || only.has(agency.id)) && year >= first && year <= last;
    })
    .map((agency) => {
      const narrative = narratives.get(agency.id) ?? null;
      const facts = toFacts(agency, year, counted.get(agency.id), narrative);
      return { agency, narrative, facts, report: computeReport(facts) };
    });
}

/**
 * The reports on `year` of every agency (of `only`, when given) whose records cover it, as
 * the records give them, without checking them: for figures and comparisons across years.
 */
export async function countedYearReports(ctx: AppContext, year: number, only?: ReadonlySet<number>): Promise<{ agency: Agency; report: AnnualReport }[]> {
  const computed = await countedReports(ctx, year, chinaDate(ctx.now()), await listAgencies(ctx.db), only);
  return computed.map(({ agency, report }) => ({ agency, report }));
}

/**
 * Every agency's report on `year` whose records cover it (of `only`, when given: the others
 * are still the peers copy detection compares with), counted in one pass per kind of record.
 */
export async function computeYearReports(ctx: AppContext, year: number, only?: ReadonlySet<number>): Promise<ComputedReport[]> {
  const today = chinaDate(ctx.now());
  const [agencies, published, settings] = await Promise.all([listAgencies(ctx.db), currentReportsOfYears(ctx.db, [year - 1, year]), reportSettings(ctx.db)]);
  const previous = published.get(year - 1)!;
  const current = published.get(year)!;
  const computed = await countedReports(ctx, year, today, agencies, only);
  // each text's 8-grams are made once for the whole year, and each report's most
  // repeated peer is found through one index of the samples (the published texts first, in
  // the order peerTexts gives them), not by sampling every pair of a county's reports.
  const shingles = shinglesCache();
  const peersOf = peerTexts(current, agencies);
  const byId = new Map(agencies.map((a) => [a.id, a]));
  const peerReports = [...current.values()];
  const publishedGroup = peerReports.map((p) => {
    const a = byId.get(p.agencyId);
    return a ? peerGroup(a) : null;
  });
  const index = similarityIndex([...peerReports.map((p) => shingles(narrativeText(p.report))), ...computed.map((c) => shingles(narrativeText(c.report)))]);
  const mostRepeatedOf = (agency: Agency, position: number): ValidationContext['mostRepeatedOther'] => {
    const group = peerGroup(agency);
    const peer = (j: number) => j < peerReports.length && group !== null && publishedGroup[j] === group && peerReports[j]!.agencyId !== agency.id;
    return (above) => {
      const m = group === null ? null : closestMatch(index, position, above, peer, { everyShortText: true });
      return m && m.share > above ? { agency: peerReports[m.index]!.report.agency, share: m.share } : null;
    };
  };
  return computed.map(({ agency, narrative, facts, report }, k) => {
    const context: ValidationContext = {
      ...baseContext(agency, year, today, previous.get(agency.id), current.get(agency.id), settings),
      others: peersOf(agency),
      shingles,
      mostRepeatedOther: mostRepeatedOf(agency, peerReports.length + k),
    };
    return { agency, year, facts, report, findings: validateReport(report, context), context, narrative, current: current.get(agency.id) ?? null };
  });
}
