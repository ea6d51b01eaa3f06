/**
 * bench/portal: a county portal of 500 agencies and 1,000,000 published catalogue items over
 * ten years (bench/lib/portal-data.ts), its search index built by reindexAll. Measures, in the
 * same run,
 *
 *   pages:  requests/s and p99 latency of item pages, agency list pages and county list pages
 *           of the real server (buildApp on loopback, one core), each as a ratio to nginx
 *           serving the same rendered pages from disk on the same core; load by wrk on the
 *           other core, the same connections and duration for both;
 *   search: searchItems for the first page of two-character words, four-character words and
 *           two-word queries from the generated vocabulary, p50/p95 per class; every result
 *           count is checked against a plain substring scan of the generated items.
 *
 * Goals (from the issue): item pages at ≥ 0.5 × nginx's rate, search p95 < 50 ms; missing one,
 * or a count that differs from the scan, makes the exit status 1. Needs nginx, wrk and taskset.
 *
 *   node --import tsx bench/portal.ts [--pg] [--items N] [--agencies N] [--connections N] [--seconds N] [--reps N] [--profile] [--keep NAME]
 *
 * --keep NAME keeps the generated database (and the substring counts) under NAME; a later run
 * with the same NAME and sizes uses it instead of generating again (minutes at 1,000,000).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { migrateToLatest } from '../src/store/migrate.ts';
import { reindexAll } from '../src/store/search.repo.ts';
import { startNginx, type Page } from './lib/nginx.ts';
import { portalColumns, writePortal, type PortalSummary } from './lib/portal-data.ts';
import { benchDatabase, keptPath } from './lib/database.ts';
import { portalQueries, substringCounter, summarize, timeSearches, type QueryClass } from './lib/portal-search.ts';
import { missingTools, startServer } from './lib/processes.ts';
import { topSelfTime } from './lib/profile.ts';
import { random } from './lib/random.ts';
import { median, timed } from './lib/timing.ts';
import { load, writeScript, type LoadResult } from './lib/wrk.ts';

const { values: args } = parseArgs({
  options: {
    pg: { type: 'boolean', default: false },
    items: { type: 'string', default: '1000000' },
    agencies: { type: 'string', default: '500' },
    connections: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '10' },
    reps: { type: 'string', default: '5' },
    profile: { type: 'boolean', default: false },
    keep: { type: 'string' },
  },
  strict: true,
});
const spec = { items: Number(args.items), agencies: Number(args.agencies) };
const goals = { itemRatio: 0.5, searchP95: 50 };
/** The server and nginx on core 0, wrk on core 1 (as in shared/design/stack.md §1). */
const serverCpu = '0';
const loadCpu = '1';

async function fetchPage(origin: string, url: string): Promise<Page> {
  const res = await fetch(`${origin}${url}`);
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status}`);
  return { url, body: Buffer.from(await res.arrayBuffer()), headers: Object.fromEntries(res.headers) };
}

const fmt = (r: LoadResult) => `${r.requestsPerSecond.toFixed(0).padStart(7)} req/s  p99 ${r.requests ? `${r.p99.toFixed(1).padStart(6)} ms` : '     —   '}`;

/** What a kept database was generated with, for a later run to check against. */
interface KeptFacts {
  spec: typeof spec;
  data: Omit<PortalSummary, 'perAgency'> & { perAgency: [number, number][] };
  counts: number[];
}

async function main() {
  const missing = missingTools();
  if (missing.length) {
    console.error(`bench/portal cannot run: missing ${missing.join(', ')}`);
    process.exit(1);
  }
  const dialect = args.pg ? 'postgres' : 'sqlite';
  console.log(
    `bench/portal [${dialect}]: ${spec.agencies} agencies, ${spec.items} published items over ten years; node ${process.version}, ${os.cpus().length} cores`,
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-portal-'));
  const env = await benchDatabase(args.pg, portalColumns, args.keep);
  const keptFacts = args.keep ? keptPath(`${args.keep}${args.pg ? '-pg' : ''}.json`) : null;
  // Stopped in reverse order at the end, also when something fails or on Ctrl-C.
  const running: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of running.splice(0).reverse()) await stop().catch((e: unknown) => console.error(e));
  };
  process.once('SIGINT', () => void stopAll().finally(() => process.exit(130))); // the database is left: a temporary file or bench schema
  let failed = false;
  try {
    // --- data ---------------------------------------------------------------------------
    const queries = portalQueries();
    const truth = substringCounter(queries);
    const kept = keptFacts && fs.existsSync(keptFacts) ? (JSON.parse(fs.readFileSync(keptFacts, 'utf8')) as KeptFacts) : null;
    let data: PortalSummary;
    if (kept && kept.spec.items === spec.items && kept.spec.agencies === spec.agencies) {
      data = { ...kept.data, perAgency: new Map(kept.data.perAgency) };
      truth.counts.splice(0, truth.counts.length, ...kept.counts);
      console.log(`  kept database “${args.keep}”: ${data.agencies.length} agencies, ${data.items} items, ${data.versions} versions (not generated again)`);
    } else {
      if (kept) throw new Error(`--keep ${args.keep}: kept with ${kept.spec.items} items and ${kept.spec.agencies} agencies; use another name`);
      const gen = await timed(async () => {
        await migrateToLatest(env.database.db);
        return writePortal(await env.sink(), spec, (_id, t) => truth.add(t));
      });
      data = gen.value;
      console.log(`  generated in ${(gen.ms / 1000).toFixed(0)} s: ${data.agencies.length} agencies, ${data.items} items, ${data.versions} versions`);
      const indexed = await timed(() => env.database.db.transaction().execute((trx) => reindexAll(trx)));
      console.log(`  search index (reindexAll) in ${(indexed.ms / 1000).toFixed(0)} s: ${indexed.value} items`);
      if (keptFacts) {
        const facts: KeptFacts = { spec, data: { ...data, perAgency: [...data.perAgency] }, counts: truth.counts };
        fs.writeFileSync(keptFacts, JSON.stringify(facts));
      }
    }
    const share = (w: string) => `${w} ${((100 * (truth.counts[queries.findIndex((q) => q.text === w)] ?? 0)) / data.items).toFixed(1)}%`;
    console.log(`  items containing ${['公告', '补贴', '低保', '城乡低保', '救助', '工程'].map(share).join(', ')}`);

    // --- search -------------------------------------------------------------------------
    const reps = Number(args.reps);
    const timings = await timeSearches(env.database.db, queries, truth.counts, reps);
    console.log(`\n  searchItems, first page of 20, ${reps} runs of each query after one warm-up:`);
    for (const cls of ['two characters', 'four characters', 'two words'] as QueryClass[]) {
      const s = summarize(timings, cls);
      const ok = s.p95 < goals.searchP95;
      failed ||= !ok || s.mismatches.length > 0;
      console.log(
        `    ${cls.padEnd(16)} ${String(s.queries).padStart(3)} queries  p50 ${s.p50.toFixed(1).padStart(6)} ms  p95 ${s.p95.toFixed(1).padStart(6)} ms ${ok ? 'OK' : 'OVER GOAL'}` +
          `  slowest “${s.slowest?.query.text}” ${median(s.slowest?.times ?? [0]).toFixed(1)} ms (${s.slowest?.total} hits)`,
      );
      for (const m of s.mismatches) console.log(`      MISMATCH “${m.query.text}”: search ${m.total}, substring scan ${m.truth}`);
    }

    // --- pages --------------------------------------------------------------------------
    // A kept database holds the views of earlier runs.
    const storedViews = async () =>
      Number(
        (
          await env.database.db
            .selectFrom('catalogue_items')
            .select((eb) => eb.fn.sum<number>('view_count').as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const viewsBefore = await storedViews();
    const server = await startServer(env.url, serverCpu, null);
    running.push(() => server.stop());
    const r = random(42);
    const itemUrls = Array.from({ length: 1000 }, () => `/items/${r.int(1, data.items)}`);
    const agencyIds = [...data.perAgency.keys()];
    const agencyUrls = Array.from({ length: 200 }, () => {
      const a = r.of(agencyIds);
      const page = r.int(1, Math.min(5, Math.ceil(data.perAgency.get(a)! / 20)));
      return `/agencies/${a}/items${page > 1 ? `?page=${page}` : ''}`;
    });
    const countyUrls = [1, 2, 3, 4, 5].map((p) => `/items${p > 1 ? `?page=${p}` : ''}`);
    const sets = { 'item pages': itemUrls, 'agency lists': agencyUrls, 'county list': countyUrls };
    const pages = new Map<string, Page>();
    const fetchTimes: Record<string, number[]> = {};
    for (const [name, urls] of Object.entries(sets)) {
      fetchTimes[name] = [];
      for (const u of new Set(urls)) {
        const t = await timed(() => fetchPage(server.origin, u));
        pages.set(u, t.value);
        fetchTimes[name]!.push(t.ms);
      }
    }
    const nginx = await startNginx(path.join(dir, 'nginx'), [...pages.values()], serverCpu);
    running.push(() => nginx.stop());
    const o = { connections: Number(args.connections), seconds: Number(args.seconds), cpus: loadCpu };
    console.log(`\n  pages: wrk -t1 -c${o.connections} -d${o.seconds}s on core ${loadCpu}, server and nginx on core ${serverCpu}, a 3 s warm-up first:`);
    let served = 0;
    /** Runs of wrk on item pages: each may end with up to `connections` responses the server sent and wrk did not count. */
    let itemRuns = 0;
    const results: Record<string, { app: LoadResult; nginx: LoadResult }> = {};
    for (const [name, urls] of Object.entries(sets)) {
      const script = writeScript(dir, name.replace(/\W/g, '-'), urls);
      const runs = {} as { app: LoadResult; nginx: LoadResult };
      for (const [who, origin] of [
        ['app', server.origin],
        ['nginx', nginx.origin],
      ] as const) {
        const warm = await load(origin, script, { ...o, seconds: 3 });
        runs[who] = await load(origin, script, o);
        if (who === 'app' && name === 'item pages') {
          served += warm.requests + runs.app.requests;
          itemRuns += 2;
        }
        if (runs[who].errors) throw new Error(`${who} ${name}: ${runs[who].errors} errors`);
      }
      results[name] = runs;
      const ratio = runs.app.requestsPerSecond / runs.nginx.requestsPerSecond;
      const goal = name === 'item pages' ? ` (goal ≥ ${goals.itemRatio}) ${ratio >= goals.itemRatio ? 'OK' : 'BELOW GOAL'}` : '';
      if (name === 'item pages') failed ||= ratio < goals.itemRatio;
      console.log(
        `    ${name.padEnd(13)} server ${fmt(runs.app)}   nginx ${fmt(runs.nginx)}   ratio ${ratio.toFixed(2)}${goal}, p99 ${(runs.app.p99 / runs.nginx.p99).toFixed(1)}×`,
      );
      console.log(
        `    ${''.padEnd(13)} ${new Set(urls).size} distinct pages, ${(median([...pages.values()].filter((p) => urls.includes(p.url)).map((p) => p.body.length)) / 1024).toFixed(1)} KB median; one request alone ${median(fetchTimes[name]!).toFixed(1)} ms median`,
      );
    }
    await stopAll(); // the server writes its pending view counts as it closes
    if (args.profile) {
      // Another run of item pages, on a server under the profiler (not one of the figures above).
      const profileDir = path.join(dir, 'profile');
      const profiled = await startServer(env.url, serverCpu, profileDir);
      running.push(() => profiled.stop());
      const r = await load(profiled.origin, writeScript(dir, 'profiled', itemUrls), o);
      served += r.requests;
      itemRuns += 1;
      await stopAll();
      console.log(
        `\n  item pages under the profiler (${r.requestsPerSecond.toFixed(0)} req/s), self time:\n${topSelfTime(profileDir, 25)
          .map((l) => `    ${l}`)
          .join('\n')}`,
      );
    }

    // Views are written in batches: after the server closed, every view must be stored.
    const stored = (await storedViews()) - viewsBefore;
    const expected = served + new Set(itemUrls).size;
    const inFlight = itemRuns * o.connections;
    const viewsOk = stored >= expected && stored <= expected + inFlight;
    failed ||= !viewsOk;
    console.log(
      `\n  item views stored ${stored}, responses counted by wrk and the fetches ${expected} (in flight at the ends of ${itemRuns} runs: up to ${inFlight}) ${viewsOk ? 'OK' : stored < expected ? 'VIEWS LOST' : 'VIEWS OVER'}`,
    );
  } finally {
    await stopAll();
    await env.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  if (failed) process.exitCode = 1;
}

await main();
