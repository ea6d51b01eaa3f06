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
  const factsOf = (id: number): CountedFacts => {
    let f = out.get(id);
    if (!f) {
      const { agency: _a, narrative: _n, year: _y, ...counted } = emptyFacts(placeholderAgency, year);
      f = counted;
      out.set(id, f);
    }
    return f;
  };
  let apps = db
    .selectFrom('applications')
    .select([
      'agency_id',
      'applicant_type',
      sql<string | null>`CASE WHEN closed_date >= ${s} AND closed_date <= ${e} THEN outcome END`.as('handled'),
      sql<number>`SUM(CASE WHEN received_date >= ${s} THEN 1 ELSE 0 END)`.as('new_received'),
      sql<number>`SUM(CASE WHEN received_date < ${s} THEN 1 ELSE 0 END)`.as('carried_over'),
      sql<number>`SUM(CASE WHEN closed_date IS NULL OR closed_date > ${e} THEN 1 ELSE 0 END)`.as('carried_forward'),
      sql<number>`COUNT(*)`.as('n'),
    ])
    .where('received_date', '<=', e)
    .where((eb) => eb.or([eb('closed_date', 'is', null), eb('closed_date', '>=', s)]))
    .groupBy([sql`1`, sql`2`, sql`3`]);
  if (agencyId !== undefined) apps = apps.where('agency_id', '=', agencyId);
  for (const r of await apps.execute()) {
    if (!isApplicantType(r.applicant_type)) continue;
    const a = factsOf(r.agency_id).applications;
    a.newReceived[r.applicant_type] += Number(r.new_received);
    a.carriedOver[r.applicant_type] += Number(r.carried_over);
    a.carriedForward[r.applicant_type] += Number(r.carried_forward);
    if (r.handled !== null && isOutcomeCode(r.handled)) a.handled[r.handled][r.applicant_type] += Number(r.n);
  }

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
  for (const r of await appeals.execute()) {
    const p = r.placement as 'upheld' | 'corrected' | 'other' | 'pending';
    if (!isAppealTrack(r.track) || !['upheld', 'corrected', 'other', 'pending'].includes(p)) continue;
    factsOf(r.agency_id).appeals[r.track][p] += Number(r.n);
  }

  let published = db
    .selectFrom('catalogue_items')
    .select(['agency_id', 'category', sql<number>`COUNT(*)`.as('n')])
    .where('published_date', '>=', s)
    .where('published_date', '<=', e)
    .where('disclosure_mode', '=', defaultDisclosure.mode)
    .where('category', 'in', reportedCategoryKeys)
    .groupBy(['agency_id', 'category']);
  if (agencyId !== undefined) published = published.where('agency_id', '=', agencyId);
  for (const r of await published.execute()) {
    factsOf(r.agency_id).published[r.category as CategoryKey] = Number(r.n);
  }

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
  for (const r of await docs.execute()) {
    if (r.document_kind === null || !isDocumentKind(r.document_kind)) continue;
    factsOf(r.agency_id).documents[r.document_kind] = {
      issued: Number(r.issued),
      repealed: Number(r.repealed),
      inForce: Number(r.in_force),
    };
  }

  let decisions = db.selectFrom('decision_statistics').selectAll().where('year', '=', year);
  if (agencyId !== undefined) decisions = decisions.where('agency_id', '=', agencyId);
  for (const r of await decisions.execute()) {
    factsOf(r.agency_id).decisions = { licensing: r.licensing, penalty: r.penalty, coercion: r.coercion, feesFen: Number(r.fees_fen) };
  }
  return out;
}
