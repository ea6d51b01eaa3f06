/**
 * The SQL counting of a year (countYear) equals the domain's record-by-record counting
 * (factsFromRecords) on random records, on both databases: applications across year
 * boundaries and still open, appeals pending and concluded in later years, 规章 and
 * 规范性文件 with validity changes (same-day changes, changes recorded out of date order,
 * unpublished documents), catalogue items of every category and disclosure mode.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Agency } from '../../src/domain/agencies/agency.ts';
import type { AppealFacts } from '../../src/domain/appeals/appeal.ts';
import type { NormativeDocumentFacts } from '../../src/domain/catalog/normative-document.ts';
import { emptyFacts, factsFromRecords, type AgencyRecords, type DecisionStatistics, type ReportFacts } from '../../src/domain/reports/facts.ts';
import type { ApplicationFacts } from '../../src/domain/requests/application.ts';
import { applicantTypeKeys } from '../../src/law/applicant-types.ts';
import { appealOutcomeKeys, appealTrackKeys } from '../../src/law/appeals.ts';
import {
  categoryKeys,
  defaultDisclosure,
  documentKinds,
  validityStates,
  type CategoryKey,
  type DocumentKind,
  type ValidityState,
} from '../../src/law/catalogue-categories.ts';
import { outcomeCodeKeys } from '../../src/law/outcome-codes.ts';
import type { AgencyKind } from '../../src/law/agency-kinds.ts';
import { insertAgency } from '../../src/store/agencies.repo.ts';
import {
  insertAppeal,
  insertApplication,
  insertCatalogueItem,
  insertValidityChange,
  normativeDocuments,
  upsertDecisionStatistics,
} from '../../src/store/records.repo.ts';
import { countYear, type CountedFacts } from '../../src/store/report-facts.repo.ts';
import { eachDialect } from '../helpers/db.ts';

import { random, type Random } from '../../src/domain/shared/random.ts';

const years = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026];
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86400_000).toISOString().slice(0, 10);

/** A date in 2019-2025, often on a year boundary (12-31, 01-01) where off-by-one errors live. */
function someDate(r: Random): string {
  const y = r.int(2019, 2025);
  if (r.chance(0.25)) return r.of([`${y}-01-01`, `${y}-12-31`, `${y}-01-02`, `${y}-12-30`]);
  return addDays(`${y}-01-01`, r.int(0, 364));
}
/** A later (or the same) day: the same, the last or the next year's first, days later, or years later. */
function laterDate(r: Random, from: string): string {
  const x = r.next();
  if (x < 0.1) return from;
  if (x < 0.2) return `${from.slice(0, 4)}-12-31`;
  if (x < 0.35) return `${Number(from.slice(0, 4)) + 1}-01-01`;
  return addDays(from, r.chance(0.8) ? r.int(1, 60) : r.int(61, 900));
}

interface Generated {
  agency: Agency;
  records: Omit<AgencyRecords, 'decisions' | 'narrative'>;
  decisions: Map<number, DecisionStatistics>;
}

async function generate(db: Parameters<typeof insertAgency>[0], r: Random, index: number, kind: AgencyKind): Promise<Generated> {
  const agency: Omit<Agency, 'id'> = {
    parentId: null,
    name: `测试单位${index}`,
    shortName: `单位${index}`,
    kind,
    code: `TEST${String(index).padStart(4, '0')}`,
    mayMakeRules: false,
    recordsFrom: 2019,
  };
  const id = await insertAgency(db, { ...agency, sortOrder: index, createdAt: '2019-01-01T00:00:00.000Z' });
  const createdAt = '2019-01-01T00:00:00.000Z';

  const applications: ApplicationFacts[] = [];
  for (let i = 0; i < 120; i++) {
    const receivedDate = someDate(r);
    const open = r.chance(0.15);
    const closedDate = open ? null : laterDate(r, receivedDate);
    const outcome = open ? null : r.of(outcomeCodeKeys);
    const applicantType = r.of(applicantTypeKeys);
    const appId = await insertApplication(db, {
      agency_id: id,
      receipt_no: `A${index}-${i}`,
      applicant_type: applicantType,
      applicant_name: '申请人',
      channel: 'online',
      subject: '申请公开某信息',
      received_date: receivedDate,
      closed_date: closedDate,
      outcome,
      created_at: createdAt,
    });
    applications.push({ id: appId, applicantType, receivedDate, closedDate, outcome });
  }

  const appeals: AppealFacts[] = [];
  for (let i = 0; i < 30; i++) {
    const filedDate = someDate(r);
    const pending = r.chance(0.3);
    const concludedDate = pending ? null : laterDate(r, filedDate);
    const outcome = pending ? null : r.of(appealOutcomeKeys);
    const track = r.of(appealTrackKeys);
    const appealId = await insertAppeal(db, {
      agency_id: id,
      application_id: r.chance(0.5) ? r.of(applications).id : null,
      track,
      case_no: `C${index}-${i}`,
      body: '复议机关',
      filed_date: filedDate,
      concluded_date: concludedDate,
      outcome,
      created_at: createdAt,
    });
    appeals.push({ id: appealId, track, filedDate, concludedDate, outcome });
  }

  const documents: NormativeDocumentFacts[] = [];
  const publishedItems: AgencyRecords['publishedItems'][number][] = [];
  const kinds = Object.keys(documentKinds) as DocumentKind[];
  const states = Object.keys(validityStates) as ValidityState[];
  for (let i = 0; i < 90; i++) {
    const isDocument = i < 30;
    const kind = isDocument ? r.of(kinds) : null;
    const writtenDate = isDocument && !r.chance(0.05) ? someDate(r) : null;
    const published = r.chance(0.85);
    const publishedDate = published ? (writtenDate && r.chance(0.5) ? laterDate(r, writtenDate) : someDate(r)) : null;
    const category: CategoryKey = isDocument ? 'policy' : r.of(categoryKeys);
    const disclosureMode = r.chance(0.85) ? defaultDisclosure.mode : '依申请公开';
    const itemId = await insertCatalogueItem(db, {
      agency_id: id,
      index_no: published ? `${index}/${i}` : null,
      title: `目录项${i}`,
      summary: '',
      body: '',
      category,
      topic: null,
      doc_no: isDocument ? `测发〔${i}〕号` : null,
      document_kind: kind,
      written_date: writtenDate,
      generated_date: writtenDate ?? publishedDate ?? '2019-01-01',
      published_at: publishedDate ? `${publishedDate}T02:00:00.000Z` : null,
      published_date: publishedDate,
      disclosure_mode: disclosureMode,
      scope: defaultDisclosure.scope,
      status: published ? 'published' : 'draft',
      created_at: createdAt,
    });
    if (publishedDate && disclosureMode === defaultDisclosure.mode) publishedItems.push({ category, publishedDate });
    if (!kind) continue;
    // Changes in recording order: usually later and later, sometimes on the same day as the
    // previous one, sometimes recorded late with an earlier effective date.
    const validity: { state: ValidityState; effectiveDate: string }[] = [];
    const n = r.chance(0.5) ? 0 : r.int(1, 4);
    let day = writtenDate ?? someDate(r);
    for (let k = 0; k < n; k++) {
      day = r.chance(0.25) ? day : r.chance(0.15) ? addDays(day, -r.int(1, 400)) : laterDate(r, day);
      const state = r.of(states);
      await insertValidityChange(db, { itemId, state, effectiveDate: day, reason: '测试', recordedAt: createdAt });
      validity.push({ state, effectiveDate: day });
    }
    if (published) documents.push({ id: itemId, kind, writtenDate: writtenDate ?? '9999-12-31', validity });
  }

  const decisions = new Map<number, DecisionStatistics>();
  for (const year of years) {
    if (r.chance(0.3)) continue;
    const d = { licensing: r.int(0, 500), penalty: r.int(0, 80), coercion: r.int(0, 9), feesFen: r.chance(0.5) ? 0 : r.int(1, 900_000_000) };
    await upsertDecisionStatistics(db, { ...d, agencyId: id, year, note: '', updatedAt: createdAt, updatedBy: null });
    decisions.set(year, d);
  }
  return { agency: { ...agency, id }, records: { applications, appeals, documents, publishedItems }, decisions };
}

function counted(f: ReportFacts): CountedFacts {
  const { agency: _a, narrative: _n, year: _y, ...rest } = f;
  return rest;
}

eachDialect('countYear', (get) => {
  test('equals factsFromRecords for every agency and year, one agency at a time and all at once', async () => {
    const { ctx } = get();
    const r = random(20240611);
    const agencies: Generated[] = [];
    for (const [i, kind] of (['countyGovernment', 'town', 'department', 'department'] as const).entries()) {
      agencies.push(await generate(ctx.db, r, i + 1, kind));
    }
    const seen = { carriedOver: 0, carriedForward: 0, handled: 0, pending: 0, concluded: 0, repealed: 0, inForce: 0, published: 0, decisions: 0 };
    for (const year of years) {
      const all = await countYear(ctx.db, year);
      for (const g of agencies) {
        const expected = counted(
          factsFromRecords(g.agency, year, {
            ...g.records,
            decisions: g.decisions.get(year) ?? null,
            narrative: emptyFacts(g.agency, year).narrative,
          }),
        );
        const one = (await countYear(ctx.db, year, g.agency.id)).get(g.agency.id) ?? counted(emptyFacts(g.agency, year));
        assert.deepEqual(one, expected, `${g.agency.name} ${year}`);
        assert.deepEqual(all.get(g.agency.id) ?? counted(emptyFacts(g.agency, year)), expected, `${g.agency.name} ${year} (all agencies)`);

        const sum = (o: Record<string, number>) => Object.values(o).reduce((s, n) => s + n, 0);
        seen.carriedOver += sum(expected.applications.carriedOver);
        seen.carriedForward += sum(expected.applications.carriedForward);
        seen.handled += Object.values(expected.applications.handled).reduce((s, row) => s + sum(row), 0);
        for (const a of Object.values(expected.appeals)) {
          seen.pending += a.pending;
          seen.concluded += a.upheld + a.corrected + a.other;
        }
        for (const d of Object.values(expected.documents)) {
          seen.repealed += d.repealed;
          seen.inForce += d.inForce;
        }
        seen.published += sum(expected.published as Record<string, number>);
        if (expected.decisions) seen.decisions++;
      }
    }
    // The records reach every kind of count, so that the comparison means something.
    for (const [k, n] of Object.entries(seen)) assert.ok(n > 0, `no ${k} in the random records`);
    const sameDay = agencies
      .flatMap((g) => g.records.documents)
      .filter((d) => d.validity.some((c, i) => d.validity.slice(0, i).some((p) => p.effectiveDate === c.effectiveDate)));
    assert.ok(sameDay.length > 0, 'no document with two changes on the same day');

    // The documents as the repository reads them (published ones, changes in recording order) are those compared here.
    for (const g of agencies) {
      const read = (await normativeDocuments(ctx.db, g.agency.id)).map((d) => d.facts).sort((a, b) => a.id - b.id);
      assert.deepEqual(read, g.records.documents);
    }
  });
});
