/**
 * bench/report: a county of 1,000 agencies, each with 300 applications and 2,000 catalogue
 * items over 2022-2024, its 2022 and 2023 reports published. Measures, in the same run,
 *
 *   floor:   one plain SQL aggregate over the same rows: the applications touching 2023
 *            grouped by agency, applicant type and outcome, and the catalogue items first
 *            published in 2023 grouped by agency and category (the SQL is printed);
 *   compute: computeYearReports(ctx, 2023): count, compute and validate every agency's report
 *            (all rules, incl. X-07 against last year's report and every other agency's).
 *
 * and prints the medians and their ratio (plus countYear alone, and a digest of the results
 * to compare versions). The issue's budget: compute ≤ 3 × floor; over it, the exit status is 1.
 * The database is a fresh temporary SQLite file, or with --pg a fresh schema in
 * BENCH_DATABASE_URL (default postgres://root@127.0.0.1:5432/test), dropped afterwards.
 *
 *   node --import tsx bench/report.ts [--pg] [--agencies N] [--applications N] [--items N] [--reps N] [--warmup N]
 */
import crypto from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { sql, type Kysely } from 'kysely';
import type { AppContext } from '../src/app/context.ts';
import { computeYearReports } from '../src/app/reports/compute.ts';
import { defaultDisclosure } from '../src/law/catalogue-categories.ts';
import { migrateToLatest } from '../src/store/migrate.ts';
import { countYear } from '../src/store/report-facts.repo.ts';
import type { DB } from '../src/store/schema.ts';
import { publishYear, writeCounty, type CountySpec } from './lib/county.ts';
import { benchDatabase } from './lib/database.ts';
import { tableColumns } from './lib/sink.ts';
import { measure, ms, timed } from './lib/timing.ts';

const budget = 3;
const year = 2023;

const { values: args } = parseArgs({
  options: {
    pg: { type: 'boolean', default: false },
    agencies: { type: 'string', default: '1000' },
    applications: { type: 'string', default: '300' },
    items: { type: 'string', default: '2000' },
    reps: { type: 'string', default: '7' },
    warmup: { type: 'string', default: '2' },
  },
  strict: true,
});
const spec: CountySpec = { agencies: Number(args.agencies), applicationsPerAgency: Number(args.applications), itemsPerAgency: Number(args.items) };
const reps = Number(args.reps);
const warmup = Number(args.warmup);

/**
 * The floor: the minimal SQL a hand-written report needs over the two big tables, written for
 * the indexes there are (each one pass over an index in group order): table 三 from the
 * applications touching the year, and the proactively published items of the year by category.
 */
const s = `${year}-01-01`;
const e = `${year}-12-31`;
const floorSql = [
  `SELECT agency_id, applicant_type, outcome, COUNT(*) AS n,
       SUM(CASE WHEN received_date >= '${s}' THEN 1 ELSE 0 END) AS new_received,
       SUM(CASE WHEN closed_date IS NULL OR closed_date > '${e}' THEN 1 ELSE 0 END) AS carried_forward
FROM applications
WHERE received_date <= '${e}' AND (closed_date IS NULL OR closed_date >= '${s}')
GROUP BY agency_id, applicant_type, outcome`,
  `SELECT agency_id, category, COUNT(*) AS n
FROM catalogue_items
WHERE substr(published_date, 1, 4) = '${year}' AND disclosure_mode = '${defaultDisclosure.mode}'
GROUP BY agency_id, category`,
];

/** The floor's statements at once, as countYear sends its own (PostgreSQL runs them side by side). */
async function floor(db: Kysely<DB>): Promise<number> {
  const results = await Promise.all(floorSql.map((q) => sql.raw(q).execute(db)));
  return results.reduce((n, r) => n + r.rows.length, 0);
}

/** A digest of what computeYearReports returned, to see that a faster version computes the same. */
function digest(results: Awaited<ReturnType<typeof computeYearReports>>): string {
  const h = crypto.createHash('sha256');
  for (const c of results) h.update(JSON.stringify([c.agency.id, c.facts, c.report, c.findings]));
  return h.digest('hex').slice(0, 16);
}

async function main() {
  const dialect = args.pg ? 'postgres' : 'sqlite';
  console.log(
    `bench/report [${dialect}]: ${spec.agencies} agencies × ${spec.applicationsPerAgency} applications, ${spec.itemsPerAgency} catalogue items; node ${process.version}, ${os.cpus().length} cores`,
  );
  const env = await benchDatabase(args.pg, tableColumns);
  process.once('SIGINT', () => void env.drop().finally(() => process.exit(130)));
  try {
    const ctx: AppContext = { db: env.database.db, dialect, now: () => new Date('2025-06-01T02:00:00.000Z') };
    const gen = await timed(async () => {
      await migrateToLatest(ctx.db);
      return writeCounty(await env.sink(), spec, '2021-12-01T00:00:00.000Z');
    });
    const sm = gen.value.summary;
    console.log(
      `  generated in ${(gen.ms / 1000).toFixed(1)} s: ${sm.agencies} agencies, ${sm.applications} applications, ${sm.appeals} appeals, ` +
        `${sm.items} catalogue items (${sm.normativeDocuments} 规范性文件, ${sm.validityChanges} validity changes)`,
    );
    const pub = await timed(async () => [await publishYear(ctx, year - 1, 1), await publishYear(ctx, year, 2)]);
    console.log(
      `  published 2022 and 2023 reports in ${(pub.ms / 1000).toFixed(1)} s: ${pub.value.map((p) => `${p.published} (${p.withErrors} held back for errors)`).join(', ')}`,
    );

    const t = await measure(
      {
        floor: () => floor(ctx.db),
        countYear: () => countYear(ctx.db, year),
        compute: () => computeYearReports(ctx, year),
      },
      { warmup, reps },
    );
    const results = await computeYearReports(ctx, year);
    const findings = new Map<string, number>();
    for (const c of results) for (const f of c.findings) findings.set(f.rule, (findings.get(f.rule) ?? 0) + 1);
    const ratio = t.compute.median / t.floor.median;

    console.log('\n  floor SQL:');
    for (const q of floorSql) console.log(`${q.replace(/^/gm, '    ')};`);
    console.log(`\n  ${reps} repetitions after ${warmup} warm-up, medians:`);
    console.log(`    floor (plain SQL aggregate)        ${ms(t.floor.median).padStart(10)}   [${t.floor.times.map((x) => x.toFixed(0)).join(', ')}]`);
    console.log(`    countYear (all agencies)           ${ms(t.countYear.median).padStart(10)}   [${t.countYear.times.map((x) => x.toFixed(0)).join(', ')}]`);
    console.log(`    computeYearReports(${year})          ${ms(t.compute.median).padStart(10)}   [${t.compute.times.map((x) => x.toFixed(0)).join(', ')}]`);
    console.log(
      `    reports: ${results.length}; findings: ${
        [...findings]
          .sort()
          .map(([k, n]) => `${k}×${n}`)
          .join(' ') || 'none'
      }; digest ${digest(results)}`,
    );
    console.log(`\n  ratio compute / floor: ${ratio.toFixed(2)}× (budget ${budget}×) ${ratio <= budget ? 'OK' : 'OVER BUDGET'}`);
    if (ratio > budget) process.exitCode = 1;
  } finally {
    await env.drop();
  }
}

await main();
