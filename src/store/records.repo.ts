/**
 * The records the annual report counts: applications, appeals, catalogue items,
 * 规章/规范性文件 validity, and the yearly 行政许可/处罚/强制/收费 statistics.
 */
import type { Kysely } from 'kysely';
import type { ApplicantType } from '../law/applicant-types.ts';
import type { OutcomeCode } from '../law/outcome-codes.ts';
import type { AppealOutcome, AppealTrack } from '../law/appeals.ts';
import { defaultDisclosure, type CategoryKey, type DocumentKind, type ValidityState } from '../law/catalogue-categories.ts';
import type { ApplicationFacts } from '../domain/requests/application.ts';
import type { AppealFacts } from '../domain/appeals/appeal.ts';
import type { NormativeDocumentFacts } from '../domain/catalog/normative-document.ts';
import type { DecisionStatistics } from '../domain/reports/facts.ts';
import { yearEnd, yearStart } from '../domain/shared/dates.ts';
import type { DB, NewAppeal, NewApplication, NewCatalogueItem } from './schema.ts';

export async function insertApplication(db: Kysely<DB>, a: NewApplication): Promise<number> {
  return (await db.insertInto('applications').values(a).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertAppeal(db: Kysely<DB>, a: NewAppeal): Promise<number> {
  return (await db.insertInto('appeals').values(a).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertCatalogueItem(db: Kysely<DB>, item: NewCatalogueItem): Promise<number> {
  return (await db.insertInto('catalogue_items').values(item).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertValidityChange(
  db: Kysely<DB>,
  c: { itemId: number; state: ValidityState; effectiveDate: string; reason: string; recordedAt: string },
): Promise<void> {
  await db
    .insertInto('validity_changes')
    .values({ item_id: c.itemId, state: c.state, effective_date: c.effectiveDate, reason: c.reason, recorded_at: c.recordedAt })
    .execute();
}

export async function upsertDecisionStatistics(
  db: Kysely<DB>,
  s: DecisionStatistics & { agencyId: number; year: number; note: string; updatedAt: string; updatedBy: number | null },
): Promise<void> {
  const values = {
    licensing: s.licensing,
    penalty: s.penalty,
    coercion: s.coercion,
    fees_fen: s.feesFen,
    note: s.note,
    updated_at: s.updatedAt,
    updated_by: s.updatedBy,
  };
  await db
    .insertInto('decision_statistics')
    .values({ agency_id: s.agencyId, year: s.year, ...values })
    .onConflict((oc) => oc.columns(['agency_id', 'year']).doUpdateSet(values))
    .execute();
}

export async function getDecisionStatistics(db: Kysely<DB>, agencyId: number, year: number) {
  const r = await db.selectFrom('decision_statistics').selectAll().where('agency_id', '=', agencyId).where('year', '=', year).executeTakeFirst();
  return r && { licensing: r.licensing, penalty: r.penalty, coercion: r.coercion, feesFen: Number(r.fees_fen), note: r.note, updatedAt: r.updated_at };
}

/** The applications that touch `year`: received by its end and not closed before its start. */
export async function applicationsTouchingYear(db: Kysely<DB>, agencyId: number, year: number) {
  return db
    .selectFrom('applications')
    .select(['id', 'receipt_no', 'applicant_type', 'subject', 'channel', 'received_date', 'closed_date', 'outcome'])
    .where('agency_id', '=', agencyId)
    .where('received_date', '<=', yearEnd(year))
    .where((eb) => eb.or([eb('closed_date', 'is', null), eb('closed_date', '>=', yearStart(year))]))
    .orderBy('received_date')
    .orderBy('id')
    .execute();
}

export function toApplicationFacts(r: {
  id: number;
  applicant_type: string;
  received_date: string;
  closed_date: string | null;
  outcome: string | null;
}): ApplicationFacts {
  return {
    id: r.id,
    applicantType: r.applicant_type as ApplicantType,
    receivedDate: r.received_date,
    closedDate: r.closed_date,
    outcome: r.outcome as OutcomeCode | null,
  };
}

export async function appealsTouchingYear(db: Kysely<DB>, agencyId: number, year: number) {
  return db
    .selectFrom('appeals')
    .select(['id', 'application_id', 'track', 'case_no', 'body', 'filed_date', 'concluded_date', 'outcome'])
    .where('agency_id', '=', agencyId)
    .where('filed_date', '<=', yearEnd(year))
    .where((eb) => eb.or([eb('concluded_date', 'is', null), eb('concluded_date', '>=', yearStart(year))]))
    .orderBy('filed_date')
    .orderBy('id')
    .execute();
}

export function toAppealFacts(r: { id: number; track: string; filed_date: string; concluded_date: string | null; outcome: string | null }): AppealFacts {
  return {
    id: r.id,
    track: r.track as AppealTrack,
    filedDate: r.filed_date,
    concludedDate: r.concluded_date,
    outcome: r.outcome as AppealOutcome | null,
  };
}

/** Published 规章 and 规范性文件 of an agency with their validity history. */
export async function normativeDocuments(db: Kysely<DB>, agencyId: number) {
  const docs = await db
    .selectFrom('catalogue_items')
    .select(['id', 'title', 'doc_no', 'document_kind', 'written_date', 'index_no'])
    .where('agency_id', '=', agencyId)
    .where('document_kind', 'is not', null)
    .where('published_at', 'is not', null)
    .orderBy('written_date')
    .orderBy('id')
    .execute();
  const changes = docs.length
    ? await db
        .selectFrom('validity_changes')
        .select(['item_id', 'state', 'effective_date'])
        .where(
          'item_id',
          'in',
          docs.map((d) => d.id),
        )
        .orderBy('id')
        .execute()
    : [];
  return docs.map((d) => ({
    ...d,
    facts: {
      id: d.id,
      kind: d.document_kind as DocumentKind,
      writtenDate: d.written_date ?? '9999-12-31',
      validity: changes.filter((c) => c.item_id === d.id).map((c) => ({ state: c.state as ValidityState, effectiveDate: c.effective_date })),
    } satisfies NormativeDocumentFacts,
  }));
}

/** Proactively published items of an agency first published in `year`. */
export async function publishedInYear(db: Kysely<DB>, agencyId: number, year: number) {
  return db
    .selectFrom('catalogue_items')
    .select(['id', 'index_no', 'title', 'category', 'published_date'])
    .where('agency_id', '=', agencyId)
    .where('published_date', '>=', yearStart(year))
    .where('published_date', '<=', yearEnd(year))
    .where('disclosure_mode', '=', defaultDisclosure.mode)
    .orderBy('published_date')
    .orderBy('id')
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, category: r.category as CategoryKey, published_date: r.published_date ?? '' })));
}
