/**
 * Search latency for bench/portal: queries of three classes drawn from the generated
 * vocabulary, their true result counts from a plain substring scan of every generated item
 * (title, summary, body; every space-separated part must occur, as the search promises),
 * and the time of searchItems for the first page of each.
 */
import type { Kysely } from 'kysely';
import { normalize } from '../../src/domain/search/tokens.ts';
import { searchItems } from '../../src/store/search.repo.ts';
import type { DB } from '../../src/store/schema.ts';
import type { ItemText } from './portal-text.ts';
import { vocabulary } from './portal-text.ts';
import { median } from './timing.ts';
import { performance } from 'node:perf_hooks';

export type QueryClass = 'two characters' | 'four characters' | 'two words';

export interface Query {
  cls: QueryClass;
  text: string;
  parts: string[];
}

export function portalQueries(): Query[] {
  const q = (cls: QueryClass, text: string): Query => ({
    cls,
    text,
    parts: normalize(text)
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean),
  });
  return [
    ...vocabulary.two.map((w) => q('two characters', w)),
    ...vocabulary.four.map((w) => q('four characters', w)),
    ...vocabulary.pairs.map(([a, b]) => q('two words', `${a} ${b}`)),
  ];
}

/** Counts, item by item as they are generated, how many contain each query. */
export function substringCounter(queries: readonly Query[]) {
  const parts = [...new Set(queries.flatMap((x) => x.parts))];
  const index = new Map(parts.map((p, i) => [p, i]));
  const ofQuery = queries.map((x) => x.parts.map((p) => index.get(p)!));
  const counts = new Array<number>(queries.length).fill(0);
  const hit = new Uint8Array(parts.length);
  return {
    counts,
    add(t: ItemText) {
      // The parts are searched one by one (a term never spans title and body); \0 is never in a query.
      const text = `${normalize(t.title)}\0${normalize(t.summary)}\0${normalize(t.body)}`;
      for (let i = 0; i < parts.length; i++) hit[i] = text.includes(parts[i]!) ? 1 : 0;
      for (let k = 0; k < ofQuery.length; k++) if (ofQuery[k]!.every((i) => hit[i])) counts[k]!++;
    },
  };
}

export interface SearchTiming {
  query: Query;
  truth: number;
  total: number;
  /** ms of each repetition */
  times: number[];
}

/** Runs each query `reps` times after one warm-up (the first page of 20, as /search asks). */
export async function timeSearches(db: Kysely<DB>, queries: readonly Query[], truth: readonly number[], reps: number): Promise<SearchTiming[]> {
  const out: SearchTiming[] = queries.map((query, i) => ({ query, truth: truth[i]!, total: -1, times: [] }));
  for (const o of out) o.total = (await searchItems(db, { text: o.query.text, limit: 20, offset: 0 })).total;
  for (let r = 0; r < reps; r++) {
    for (const o of out) {
      const t0 = performance.now();
      await searchItems(db, { text: o.query.text, limit: 20, offset: 0 });
      o.times.push(performance.now() - t0);
    }
  }
  return out;
}

export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

/** p50 and p95 over every run of the class's queries. */
export function summarize(timings: readonly SearchTiming[], cls: QueryClass) {
  const mine = timings.filter((t) => t.query.cls === cls);
  const all = mine.flatMap((t) => t.times);
  const slowest = [...mine].sort((a, b) => median(b.times) - median(a.times))[0];
  return { queries: mine.length, p50: percentile(all, 50), p95: percentile(all, 95), slowest, mismatches: mine.filter((t) => t.total !== t.truth) };
}
