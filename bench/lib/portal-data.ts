/**
 * A county portal's published catalogue for bench/portal: the agencies of bench/lib/county.ts
 * and N published items over ten years, numbered in the order they were created (as a
 * real catalogue grows), each with its published version (1% corrected once: two versions),
 * written straight through the driver. Bigger agencies publish more, later years more than
 * earlier ones. Seeded: the same rows on every run.
 */
import { defaultDisclosure } from '../../src/law/catalogue-categories.ts';
import { countyAgencies, type BenchAgency } from './county.ts';
import { itemText, villagesOf, type Author, type ItemText } from './portal-text.ts';
import { random } from './random.ts';
import { tableColumns, type Sink } from './sink.ts';

export const portalColumns = {
  agencies: tableColumns.agencies,
  users: { id: 'int', username: 'text', display_name: 'text', password_hash: 'text', active: 'int', created_at: 'text' },
  catalogue_items: { ...tableColumns.catalogue_items, current_version: 'int' },
  item_versions: {
    id: 'int',
    item_id: 'int',
    version: 'int',
    state: 'text',
    title: 'text',
    summary: 'text',
    body: 'text',
    category: 'text',
    topic: 'text',
    doc_no: 'text',
    document_kind: 'text',
    written_date: 'text',
    generated_date: 'text',
    scope: 'text',
    change_note: 'text',
    author_id: 'int',
    review_opinion: 'text',
    reviewed_by: 'int',
    reviewed_at: 'text',
    approved_by: 'int',
    approved_at: 'text',
    published_at: 'text',
    created_at: 'text',
    updated_at: 'text',
  },
} as const;
export type PortalSink = Sink<keyof typeof portalColumns>;

export const firstYear = 2016;
export const years = 10;

export interface PortalSpec {
  agencies: number;
  items: number;
}

export interface PortalSummary {
  agencies: BenchAgency[];
  items: number;
  versions: number;
  /** Items per agency, for picking list pages. */
  perAgency: Map<number, number>;
}

const dayMs = 86_400_000;
const start = Date.UTC(firstYear, 0, 1);
const pad = (n: number, w: number) => String(n).padStart(w, '0');
/** Agencies' shares of the catalogue: the county government most, units under the towns least. */
const share = (a: BenchAgency) => (a.kind === 'countyGovernment' ? 40 : a.kind === 'town' ? 8 : a.parentId === 1 ? 5 : 1);

function authors(agencies: readonly BenchAgency[]): Author[] {
  const townOf = (a: BenchAgency): BenchAgency | undefined => (a.kind === 'town' ? a : agencies.find((t) => t.id === a.parentId && t.kind === 'town'));
  return agencies.map((a) => {
    const town = townOf(a);
    return { name: a.name, short: a.shortName, town: town !== undefined, villages: villagesOf(town?.id ?? a.id) };
  });
}

/** When each item was created and published: [created ms, published ms, agency index], in creation order. */
function schedule(spec: PortalSpec, agencies: readonly BenchAgency[]): [Float64Array, Float64Array, Float64Array] {
  const r = random(20161);
  const weights = agencies.map(share);
  const total = weights.reduce((s, w) => s + w, 0);
  const created = new Float64Array(spec.items);
  const published = new Float64Array(spec.items);
  const agency = new Float64Array(spec.items);
  // Later years publish more (the tenth about 2.4 times the first).
  const yearWeights = Array.from({ length: years }, (_, i) => 1 + 0.15 * i);
  const yearTotal = yearWeights.reduce((s, w) => s + w, 0);
  const counts = weights.map((w) => Math.floor((spec.items * w) / total));
  const rest = spec.items - counts.reduce((s, n) => s + n, 0);
  let k = 0;
  counts.forEach((base, ai) => {
    const n = base + (ai < rest ? 1 : 0);
    for (let i = 0; i < n; i++, k++) {
      let y = r.next() * yearTotal;
      let year = 0;
      while (year < years - 1 && (y -= yearWeights[year]!) >= 0) year++;
      const day = Date.UTC(firstYear + year, 0, 1) + r.int(0, 364) * dayMs;
      const pub = day + r.int(0, 9 * 60) * 60_000; // 08:00-17:59 China time
      published[k] = pub;
      created[k] = pub - r.int(0, 5 * 24 * 60) * 60_000;
      agency[k] = ai;
    }
  });
  const order = Array.from({ length: spec.items }, (_, i) => i).sort((a, b) => created[a]! - created[b]! || a - b);
  return [Float64Array.from(order, (i) => created[i]!), Float64Array.from(order, (i) => published[i]!), Float64Array.from(order, (i) => agency[i]!)];
}

/**
 * Writes the catalogue into `sink` and calls `each(id, text)` for every item (the bench
 * counts substrings there, without reading the texts back).
 */
export async function writePortal(sink: PortalSink, spec: PortalSpec, each: (id: number, t: ItemText) => void): Promise<PortalSummary> {
  const agencies = countyAgencies(spec.agencies);
  const createdAt = new Date(start - 30 * dayMs).toISOString();
  for (const a of agencies) sink.add('agencies', [a.id, a.parentId, a.name, a.shortName, a.kind, a.code, 0, a.recordsFrom, a.sortOrder, createdAt]);
  const staff = ['editor', 'reviewer', 'leader'];
  for (const [i, u] of staff.entries()) sink.add('users', [i + 1, `bench-${u}`, `演示${u}`, '!', 1, createdAt]);
  await sink.drain();

  const who = authors(agencies);
  const [created, published, agencyOf] = schedule(spec, agencies);
  const serials = new Map<string, number>();
  const perAgency = new Map<number, number>();
  let versionId = 0;
  for (let k = 0; k < spec.items; k++) {
    const id = k + 1;
    const a = agencies[agencyOf[k]!]!;
    const pubAt = new Date(published[k]!).toISOString();
    const pubDate = new Date(published[k]! + 8 * 3600_000).toISOString().slice(0, 10);
    const year = Number(pubDate.slice(0, 4));
    const r = random(id * 2654435761);
    const t = itemText(r, who[agencyOf[k]!]!, year, Number(pubDate.slice(5, 7)));
    const key = `${a.id}/${year}`;
    const serial = (serials.get(key) ?? 0) + 1;
    serials.set(key, serial);
    const document = t.category === 'policy' && t.title.startsWith(`${a.name}关于印发`);
    const docNo = document ? `华${a.kind === 'town' ? a.shortName.slice(0, 2) : '政'}发〔${year}〕${serial}号` : null;
    const kind = document && r.chance(0.3) ? 'normativeDocument' : null;
    const generated = new Date(created[k]! + 8 * 3600_000).toISOString().slice(0, 10);
    const written = document ? generated : null;
    const corrected = r.chance(0.01);
    sink.add('catalogue_items', [
      id,
      a.id,
      `${a.code}/${year}-${pad(serial, 5)}`,
      t.title,
      t.summary,
      t.body,
      t.category,
      t.topic,
      docNo,
      kind,
      written,
      generated,
      pubAt,
      pubDate,
      defaultDisclosure.mode,
      defaultDisclosure.scope,
      'published',
      new Date(created[k]!).toISOString(),
      corrected ? 2 : 1,
    ]);
    const reviewedAt = new Date(published[k]! - 3 * 3600_000).toISOString();
    const version = (v: number, state: string, at: string, note: string | null, body: string) =>
      sink.add('item_versions', [
        ++versionId,
        id,
        v,
        state,
        t.title,
        t.summary,
        body,
        t.category,
        t.topic,
        docNo,
        kind,
        written,
        generated,
        defaultDisclosure.scope,
        note,
        1,
        '同意公开',
        2,
        reviewedAt,
        3,
        at,
        at,
        reviewedAt,
        at,
      ]);
    if (corrected) {
      const at = new Date(published[k]! + r.int(1, 30) * dayMs).toISOString();
      version(1, 'superseded', pubAt, null, `${t.body}（原文）`);
      version(2, 'published', at, '更正个别数据', t.body);
    } else version(1, 'published', pubAt, null, t.body);
    perAgency.set(a.id, (perAgency.get(a.id) ?? 0) + 1);
    each(id, t);
    if (k % 5000 === 4999) await sink.drain();
  }
  await sink.finish();
  return { agencies, items: spec.items, versions: versionId, perAgency };
}
