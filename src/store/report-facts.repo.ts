/**
 * Counts the records of a year in SQL, one grouped query per kind of record, for one
 * agency or for all at once. Applies the same year boundaries as the domain's placement
 * functions (src/domain/requests/application.ts and friends); test/store/report-facts
 * holds the two equal on both databases.
 */
import { sql, type Kysely } from 'kysely';
import { isApplicantType } from '../law/applicant-types.ts';
import { isOutcomeCode } from '../law/outcome-codes.ts';
import { isAppealTrack } from '../law/appeals.ts';
import { defaultDisclosure, isDocumentKind, reportedCategoryKeys, type CategoryKey } from '../law/catalogue-categories.ts';
import { yearEnd, yearStart } from '../domain/shared/dates.ts';
import { emptyFacts, type ReportFacts } from '../domain/reports/facts.ts';
import type { DB } from './schema.ts';

/** The counted part of ReportFacts (agency and narrative are joined by the caller). */
export type CountedFacts = Omit<ReportFacts, 'agency' | 'narrative' | 'year'>;

const placeholderAgency = { id: 0, name: '', shortName: '', kind: 'town', mayMakeRules: false } as const;

export async function countYear(db: Kysely<DB>, year: number, agencyId?: number): Promise<Map<number, CountedFacts>> {
  const s = yearStart(year);
  const e = yearEnd(year);
  const out = new Map<number, CountedFacts>();
  const { agency: _a, narrative: _n, year: _y, ...empty } = emptyFacts(placeholderAgency, year);
  const factsOf = (id: number): CountedFacts => {
    let f = out.get(id);
    if (!f) out.set(id, (f = copy(empty)));
    return f;
  };
  // One pass over the index applications_report, which holds every column used and is in
  // group order. Of the applications touching the year (received by its end, not closed
  // before its start), those not carried forward were handled in it, and those not newly
  // received were carried over.
  let apps = db
    .selectFrom('applications')
    .select([
      'agency_id',
      'applicant_type',
      'outcome',
      sql<number>`COUNT(*)`.as('n'),
      sql<number>`SUM(CASE WHEN received_date >= ${s} THEN 1 ELSE 0 END)`.as('new_received'),
      sql<number>`SUM(CASE WHEN closed_date IS NULL OR closed_date > ${e} THEN 1 ELSE 0 END)`.as('carried_forward'),
    ])
    .where('received_date', '<=', e)
    .where((eb) => eb.or([eb('closed_date', 'is', null), eb('closed_date', '>=', s)]))
    .groupBy(['agency_id', 'applicant_type', 'outcome']);
  if (agencyId !== undefined) apps = apps.where('agency_id', '=', agencyId);

  let appeals = db
    .selectFrom('appeals')
    .select([
      'agency_id',
      'track',
      sql<string>`CASE WHEN concluded_date IS NOT NULL AND concluded_date <= ${e} THEN outcome ELSE 'pending' END`.as('placement'),
      sql<number>`COUNT(*)`.as('n'),
    ])
    .where('filed_date', '<=', e)
    .where((eb) => eb.or([eb('concluded_date', 'is', null), eb('concluded_date', '>=', s)]))
    .groupBy([sql`1`, sql`2`, sql`3`]);
  if (agencyId !== undefined) appeals = appeals.where('agency_id', '=', agencyId);

  // The year of first publication as the index catalogue_items_published_year has it: one
  // range of the index, already in group order. Categories the report does not count are
  // skipped here rather than tested on every row.
  let published = db
    .selectFrom('catalogue_items')
    .select(['agency_id', 'category', sql<number>`COUNT(*)`.as('n')])
    .where(sql`substr(published_date, 1, 4)`, '=', String(year))
    .where('disclosure_mode', '=', defaultDisclosure.mode)
    .groupBy(['agency_id', 'category']);
  if (agencyId !== undefined) published = published.where('agency_id', '=', agencyId);

  // 有效性 at 12-31: the latest change on or before it, else 有效 since the 成文日期.
  const stateAtEnd = sql<string>`COALESCE((SELECT v.state FROM validity_changes v WHERE v.item_id = catalogue_items.id AND v.effective_date <= ${e} ORDER BY v.effective_date DESC, v.id DESC LIMIT 1), 'inForce')`;
  const repealedInYear = sql<number>`CASE WHEN EXISTS (SELECT 1 FROM validity_changes v WHERE v.item_id = catalogue_items.id AND v.state = 'repealed' AND v.effective_date >= ${s} AND v.effective_date <= ${e}) THEN 1 ELSE 0 END`;
  let docs = db
    .selectFrom('catalogue_items')
    .select([
      'agency_id',
      'document_kind',
      sql<number>`SUM(CASE WHEN written_date >= ${s} THEN 1 ELSE 0 END)`.as('issued'),
      sql<number>`SUM(${repealedInYear})`.as('repealed'),
      sql<number>`SUM(CASE WHEN ${stateAtEnd} = 'inForce' THEN 1 ELSE 0 END)`.as('in_force'),
    ])
    .where('document_kind', 'is not', null)
    .where('published_at', 'is not', null)
    .where('written_date', '<=', e)
    .groupBy(['agency_id', 'document_kind']);
  if (agencyId !== undefined) docs = docs.where('agency_id', '=', agencyId);

  let decisions = db.selectFrom('decision_statistics').selectAll().where('year', '=', year);
  if (agencyId !== undefined) decisions = decisions.where('agency_id', '=', agencyId);

  // 信息处理费 paid in the year: the amount is on the case once paid, the day in its ledger.
  let fees = db
    .selectFrom('applications as a')
    .select(['a.agency_id', sql<number>`SUM(a.fee_yuan)`.as('yuan'), sql<number>`COUNT(*)`.as('n')])
    .where('a.fee_yuan', '>', 0)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('case_events as e')
          .select('e.id')
          .whereRef('e.application_id', '=', 'a.id')
          .where('e.act', '=', 'feePaid')
          .where('e.on_date', '>=', s)
          .where('e.on_date', '<=', e),
      ),
    )
    .groupBy('a.agency_id');
  if (agencyId !== undefined) fees = fees.where('a.agency_id', '=', agencyId);

  // The queries at once (PostgreSQL runs them side by side), their rows counted in order.
  const [appRows, appealRows, publishedRows, docRows, decisionRows, feeRows] = await Promise.all([
    apps.execute(),
    appeals.execute(),
    published.execute(),
    docs.execute(),
    decisions.execute(),
    fees.execute(),
  ]);
  for (const r of feeRows) factsOf(r.agency_id).informationFees = { yuan: Number(r.yuan), cases: Number(r.n) };
  for (const r of appRows) {
    if (!isApplicantType(r.applicant_type)) continue;
    const a = factsOf(r.agency_id).applications;
    const n = Number(r.n);
    const newReceived = Number(r.new_received);
    const carriedForward = Number(r.carried_forward);
    a.newReceived[r.applicant_type] += newReceived;
    a.carriedOver[r.applicant_type] += n - newReceived;
    a.carriedForward[r.applicant_type] += carriedForward;
    if (r.outcome !== null && isOutcomeCode(r.outcome)) a.handled[r.outcome][r.applicant_type] += n - carriedForward;
  }
  for (const r of appealRows) {
    const p = r.placement as 'upheld' | 'corrected' | 'other' | 'pending';
    if (!isAppealTrack(r.track) || !['upheld', 'corrected', 'other', 'pending'].includes(p)) continue;
    factsOf(r.agency_id).appeals[r.track][p] += Number(r.n);
  }
  const reported = new Set<string>(reportedCategoryKeys);
  for (const r of publishedRows) {
    if (reported.has(r.category)) factsOf(r.agency_id).published[r.category as CategoryKey] = Number(r.n);
  }
  for (const r of docRows) {
    if (r.document_kind === null || !isDocumentKind(r.document_kind)) continue;
    factsOf(r.agency_id).documents[r.document_kind] = {
      issued: Number(r.issued),
      repealed: Number(r.repealed),
      inForce: Number(r.in_force),
    };
  }
  for (const r of decisionRows) {
    factsOf(r.agency_id).decisions = { licensing: r.licensing, penalty: r.penalty, coercion: r.coercion, feesFen: Number(r.fees_fen) };
  }
  return out;
}

/** A copy of plain data (objects of numbers, null and objects), keys in the same order. */
function copy<T>(x: T): T {
  if (x === null || typeof x !== 'object') return x;
  const out: Record<string, unknown> = {};
  for (const k in x) out[k] = copy((x as Record<string, unknown>)[k]);
  return out as T;
}
