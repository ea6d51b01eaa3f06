/**
 * Computes agencies' annual reports from the records and checks them. Reading only:
 * nothing here writes. One agency at a time for the staff pages and the CLI, or a
 * whole year at once (the same SQL, grouped by agency) for supervision and benchmarks.
 */
import type { Agency } from '../../domain/agencies/agency.ts';
import { computeReport } from '../../domain/reports/compute.ts';
import { emptyFacts, type ReportFacts } from '../../domain/reports/facts.ts';
import type { AnnualReport } from '../../domain/reports/annual-report.ts';
import { ShingledTexts } from '../../domain/reports/similarity.ts';
import type { Finding, ValidationContext } from '../../domain/reports/findings.ts';
import { validateReport } from '../../domain/reports/validate.ts';
import { placeInYear } from '../../domain/requests/application.ts';
import { chinaDate } from '../../domain/shared/dates.ts';
import { fieldError, InputError } from '../../domain/shared/result.ts';
import { outcomeCodeKeys, type OutcomeCode } from '../../law/outcome-codes.ts';
import { formatDocument, reportDeadline } from '../../law/report-format/index.ts';
import { listAgencies } from '../../store/agencies.repo.ts';
import { applicationsTouchingYear, toApplicationFacts } from '../../store/records.repo.ts';
import { countYear, type CountedFacts } from '../../store/report-facts.repo.ts';
import {
  currentReportsOfYear,
  getNarrative,
  narrativesOfYear,
  reportVersions,
  type PublishedReport,
  type StoredNarrative,
} from '../../store/reports.repo.ts';
import type { AppContext } from '../context.ts';

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
  current: PublishedReport | null;
}

/** The years a report can be computed for: from the 2021 format and the agency's first records, to this year. */
export function reportYears(agency: Agency, today: string): { first: number; last: number } {
  return { first: Math.max(formatDocument.firstYear, agency.recordsFrom), last: Number(today.slice(0, 4)) };
}

export function checkReportYear(agency: Agency, year: number, today: string): void {
  const { first, last } = reportYears(agency, today);
  if (!Number.isInteger(year) || year < first || year > last) {
    throw new InputError([
      fieldError(
        'year',
        'GK_YEAR_UNAVAILABLE',
        `${agency.shortName}没有${year}年度的年报：平台保存了该单位${first}年至${last}年的记录`,
      ),
    ]);
  }
}

function toFacts(agency: Agency, year: number, counted: CountedFacts | undefined, narrative: StoredNarrative | null): ReportFacts {
  const base = emptyFacts(agency, year);
  return {
    ...base,
    ...(counted ?? {}),
    agency: { id: agency.id, name: agency.name, shortName: agency.shortName, kind: agency.kind, mayMakeRules: agency.mayMakeRules },
    year,
    narrative: narrative ? { overview: narrative.overview, problems: narrative.problems, other: narrative.other } : base.narrative,
  };
}

export function baseContext(
  agency: Agency,
  year: number,
  today: string,
  previous: PublishedReport | undefined,
  current: PublishedReport | undefined,
): ValidationContext {
  return {
    origin: 'platform',
    agency: { kind: agency.kind, mayMakeRules: agency.mayMakeRules },
    previous: previous ? { report: previous.report, origin: previous.origin } : null,
    publication: {
      deadline: reportDeadline(agency.kind, year),
      publishedOn: current ? firstPublishedOn(current) : null,
      asOf: today,
      inAnnualReportColumn: true,
      numbersStored: true,
    },
  };
}

/** The day the report was first published (a correction does not move the publication date). */
function firstPublishedOn(current: PublishedReport): string {
  return chinaDate(current.publishedAt);
}

function othersOf(published: Map<number, PublishedReport>, agencyId: number) {
  return [...published.entries()]
    .filter(([id]) => id !== agencyId)
    .map(([, p]) => ({ agency: p.report.agency, text: [p.report.text.overview, p.report.text.problems, p.report.text.other].join('\n') }));
}

export async function computeAgencyReport(ctx: AppContext, agency: Agency, year: number): Promise<ComputedReport> {
  const today = chinaDate(ctx.now());
  checkReportYear(agency, year, today);
  const [counted, narrative, previousVersions, versions, sameYear, apps] = await Promise.all([
    countYear(ctx.db, year, agency.id),
    getNarrative(ctx.db, agency.id, year),
    reportVersions(ctx.db, agency.id, year - 1),
    reportVersions(ctx.db, agency.id, year),
    currentReportsOfYear(ctx.db, year),
    applicationsTouchingYear(ctx.db, agency.id, year),
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
    ...baseContext(agency, year, today, previousVersions[0], current),
    handledTrace,
    others: othersOf(sameYear, agency.id),
  };
  return { agency, year, facts, report, findings: validateReport(report, context), context, narrative: narrative ?? null, current: current ?? null };
}

/** Every agency's report on `year` whose records cover it, counted in one pass per kind of record. */
export async function computeYearReports(ctx: AppContext, year: number): Promise<ComputedReport[]> {
  const today = chinaDate(ctx.now());
  const currentOfYear = currentReportsOfYear(ctx.db, year);
  // X-07 compares every report with every other agency's published one: their texts are
  // shingled and indexed once (while PostgreSQL still counts).
  const publishedTexts = currentOfYear.then((current) => {
    const published = [...current.entries()];
    return {
      texts: new ShingledTexts(
        published.map(([, p]) => ({ agency: p.report.agency, text: [p.report.text.overview, p.report.text.problems, p.report.text.other].join('\n') })),
      ),
      position: new Map(published.map(([id], i) => [id, i])),
    };
  });
  const [agencies, counted, narratives, previous, current, { texts, position }] = await Promise.all([
    listAgencies(ctx.db),
    countYear(ctx.db, year),
    narrativesOfYear(ctx.db, year),
    currentReportsOfYear(ctx.db, year - 1),
    currentOfYear,
    publishedTexts,
  ]);
  const out: ComputedReport[] = [];
  for (const agency of agencies) {
    const { first, last } = reportYears(agency, today);
    if (year < first || year > last) continue;
    const narrative = narratives.get(agency.id) ?? null;
    const facts = toFacts(agency, year, counted.get(agency.id), narrative);
    const report = computeReport(facts);
    const context: ValidationContext = {
      ...baseContext(agency, year, today, previous.get(agency.id), current.get(agency.id)),
      others: texts.without(position.get(agency.id) ?? -1),
    };
    out.push({ agency, year, facts, report, findings: validateReport(report, context), context, narrative, current: current.get(agency.id) ?? null });
  }
  return out;
}
