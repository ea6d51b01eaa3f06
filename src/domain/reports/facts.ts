/**
 * ReportFacts: what the records say about one agency's year, already counted. The store
 * counts them in SQL for speed; `factsFromRecords` counts the same records in memory
 * with the same placement rules, and tests hold the two equal on both databases.
 */
import type { applicantTypeKeys, ApplicantType } from '../../law/applicant-types.ts';
import { outcomeCodeKeys, type OutcomeCode } from '../../law/outcome-codes.ts';
import { appealTrackKeys, type AppealTrack } from '../../law/appeals.ts';
import { reportedCategoryKeys, type CategoryKey, type DocumentKind } from '../../law/catalogue-categories.ts';
import type { AgencyKind } from '../../law/agency-kinds.ts';
import { placeInYear, type ApplicationFacts } from '../requests/application.ts';
import { placeAppealInYear, type AppealFacts, type AppealPlacement } from '../appeals/appeal.ts';
import { placeDocumentInYear, type NormativeDocumentFacts } from '../catalog/normative-document.ts';

export type ByApplicant = Record<ApplicantType, number>;
export type DocumentCounts = { issued: number; repealed: number; inForce: number };

export interface DecisionStatistics {
  licensing: number;
  penalty: number;
  coercion: number;
  /** 行政事业性收费 collected in the year, in 分 (fen). */
  feesFen: number;
}

export interface Narrative {
  overview: string;
  problems: string;
  other: string;
}

export interface ReportAgency {
  id: number;
  name: string;
  shortName: string;
  kind: AgencyKind;
  mayMakeRules: boolean;
}

export interface ReportFacts {
  year: number;
  agency: ReportAgency;
  applications: {
    newReceived: ByApplicant;
    carriedOver: ByApplicant;
    handled: Record<OutcomeCode, ByApplicant>;
    carriedForward: ByApplicant;
  };
  appeals: Record<AppealTrack, Record<AppealPlacement, number>>;
  documents: Record<DocumentKind, DocumentCounts>;
  /** Null when the agency has not entered the year's figures. */
  decisions: DecisionStatistics | null;
  /** Proactively disclosed items first published in the year, by catalogue category. */
  published: Partial<Record<CategoryKey, number>>;
  /** 信息处理费 paid in the year (国办函〔2020〕109号), for section 六. */
  informationFees: { yuan: number; cases: number };
  narrative: Narrative;
}

export function zeroByApplicant(): ByApplicant {
  // A literal, not built from applicantTypeKeys: made thousands of times per county-year.
  return { naturalPerson: 0, commercial: 0, research: 0, publicInterest: 0, legalService: 0, other: 0 } satisfies Record<(typeof applicantTypeKeys)[number], 0>;
}

export function emptyFacts(agency: ReportAgency, year: number): ReportFacts {
  return {
    year,
    agency,
    applications: {
      newReceived: zeroByApplicant(),
      carriedOver: zeroByApplicant(),
      handled: Object.fromEntries(outcomeCodeKeys.map((k) => [k, zeroByApplicant()])) as Record<OutcomeCode, ByApplicant>,
      carriedForward: zeroByApplicant(),
    },
    appeals: Object.fromEntries(appealTrackKeys.map((t) => [t, { upheld: 0, corrected: 0, other: 0, pending: 0 }])) as ReportFacts['appeals'],
    documents: {
      rule: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocument: { issued: 0, repealed: 0, inForce: 0 },
    },
    decisions: null,
    published: {},
    informationFees: { yuan: 0, cases: 0 },
    narrative: { overview: '', problems: '', other: '' },
  };
}

export interface AgencyRecords {
  applications: readonly ApplicationFacts[];
  appeals: readonly AppealFacts[];
  documents: readonly NormativeDocumentFacts[];
  /** Category and China-time publication date of each proactively published item. */
  publishedItems: readonly { category: CategoryKey; publishedDate: string }[];
  decisions: DecisionStatistics | null;
  narrative: Narrative;
  /** Fees paid (China-time date of payment), if any were charged. */
  feesPaid?: readonly { paidDate: string; yuan: number }[];
}

/** Counts one agency's raw records for `year`, record by record. */
export function factsFromRecords(agency: ReportAgency, year: number, records: AgencyRecords): ReportFacts {
  const facts = emptyFacts(agency, year);
  const apps = facts.applications;
  for (const a of records.applications) {
    const p = placeInYear(a, year);
    if (p.newReceived) apps.newReceived[a.applicantType]++;
    if (p.carriedOver) apps.carriedOver[a.applicantType]++;
    if (p.handled) apps.handled[p.handled][a.applicantType]++;
    if (p.carriedForward) apps.carriedForward[a.applicantType]++;
  }
  for (const c of records.appeals) {
    const p = placeAppealInYear(c, year);
    if (p) facts.appeals[c.track][p]++;
  }
  for (const d of records.documents) {
    const p = placeDocumentInYear(d, year);
    const counts = facts.documents[d.kind];
    if (p.issued) counts.issued++;
    if (p.repealed) counts.repealed++;
    if (p.inForce) counts.inForce++;
  }
  const reported = new Set<CategoryKey>(reportedCategoryKeys);
  for (const item of records.publishedItems) {
    if (Number(item.publishedDate.slice(0, 4)) === year && reported.has(item.category)) {
      facts.published[item.category] = (facts.published[item.category] ?? 0) + 1;
    }
  }
  for (const f of records.feesPaid ?? []) {
    if (Number(f.paidDate.slice(0, 4)) !== year) continue;
    facts.informationFees.yuan += f.yuan;
    facts.informationFees.cases += 1;
  }
  facts.decisions = records.decisions;
  facts.narrative = records.narrative;
  return facts;
}
