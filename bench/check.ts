/**
 * bench/check: the report reader (`gongkai check`) over every fixture, many times. For each
 * kind of input it measures, in the same run,
 *
 *   baseline: the least any reader of that input does — text: decode the bytes and split the
 *             lines; HTML: decode and strip the tags with one regular expression; PDF: pdf.js
 *             extracting the pages' text (src/extract/report/pdf.ts), nothing else;
 *   read:     readReportFile — the report and the reader's findings;
 *   check:    checkReportFile — read plus every validator (what `gongkai check` prints);
 *
 * and prints reports per second with the ratio check / baseline. The issue's goal: at least
 * 100 reports per second for text and HTML on one core (the reader runs on the main thread;
 * pdf.js runs in one worker thread, one PDF at a time); under it, the exit status is 1.
 *
 *   node --import tsx bench/check.ts [--reps N] [--warmup N]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkReportFile, decodeText, readReportFile } from '../src/extract/report/index.ts';
import { pdfText } from '../src/extract/report/pdf.ts';
import { measure } from './lib/timing.ts';

const goal = 100;
const { values: args } = parseArgs({ options: { reps: { type: 'string', default: '7' }, warmup: { type: 'string', default: '2' } }, strict: true });
const reps = Number(args.reps);
const warmup = Number(args.warmup);

const root = path.resolve(import.meta.dirname, '..');
// The project's own copies (test/fixtures): a clone of the repository alone runs the bench.
const dirs = [path.join(root, 'test/fixtures/published-reports'), path.join(root, 'test/fixtures/reports')];
const seed = path.join(root, 'test/fixtures/seed/chaqi-2023-annual-report.txt');
// Every fixture under the folders, subfolders included (test/fixtures/reports/real holds real page excerpts).
const files = [
  seed,
  ...dirs.flatMap((d) =>
    (fs.readdirSync(d, { recursive: true }) as string[])
      .map((n) => path.join(d, n))
      .filter((f) => fs.statSync(f).isFile() && !/\.(json|ts)$/.test(f) && path.basename(f) !== 'README.md'),
  ),
];

type Kind = 'text' | 'html' | 'pdf' | 'docx';
const kindOf = (f: string): Kind => (/\.html?$/.test(f) ? 'html' : f.endsWith('.pdf') ? 'pdf' : f.endsWith('.docx') ? 'docx' : 'text');
const inputs = files.map((f) => ({ file: f, name: path.basename(f), kind: kindOf(f), bytes: new Uint8Array(fs.readFileSync(f)) }));

/** Rounds of every file of a kind per measured run: text and HTML are fast, so many. */
const rounds: Record<Kind, number> = { text: 200, html: 200, pdf: 3, docx: 50 };

const baselines: Record<Exclude<Kind, 'docx'>, (b: Uint8Array) => Promise<number>> = {
  text: async (b) => decodeText(b).split(/\r\n|\r|\n/).length,
  html: async (b) =>
    decodeText(b)
      .replace(/<[^>]*>/g, '\n')
      .split('\n').length,
  pdf: async (b) => {
    const r = await pdfText(b);
    return 'pages' in r ? r.pages.length : 0;
  },
};

async function main() {
  console.log(`bench/check: ${inputs.length} fixtures; node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}`);
  for (const i of inputs) {
    const r = await checkReportFile(i.bytes, i.file);
    const what = 'error' in r ? `unreadable: ${r.error}` : `${r.report.agency} ${r.report.year}, ${r.findings.length} findings`;
    console.log(`  ${i.kind.padEnd(5)} ${i.name.padEnd(36)} ${String(i.bytes.length).padStart(7)} bytes  ${what}`);
  }
  let under = false;
  console.log(`\n  ${reps} repetitions after ${warmup} warm-up, medians; reports per second:`);
  console.log(
    `    ${'kind'.padEnd(6)}${'files'.padStart(6)}${'baseline'.padStart(12)}${'read'.padStart(10)}${'check'.padStart(10)}${'check/baseline (time)'.padStart(24)}`,
  );
  for (const kind of ['text', 'html', 'pdf'] as const) {
    const of = inputs.filter((i) => i.kind === kind);
    const n = rounds[kind] * of.length;
    const loop = (f: (b: Uint8Array, name: string) => Promise<unknown>) => async () => {
      for (let k = 0; k < rounds[kind]; k++) for (const i of of) await f(i.bytes, i.file);
    };
    const t = await measure(
      { baseline: loop((b) => baselines[kind](b)), read: loop((b, name) => readReportFile(b, name)), check: loop((b, name) => checkReportFile(b, name)) },
      { warmup, reps },
    );
    const rate = (ms: number) => (n / ms) * 1000;
    const ratio = t.check.median / t.baseline.median;
    console.log(
      `    ${kind.padEnd(6)}${String(of.length).padStart(6)}${rate(t.baseline.median).toFixed(0).padStart(12)}${rate(t.read.median).toFixed(0).padStart(10)}${rate(t.check.median).toFixed(0).padStart(10)}${`${ratio.toFixed(1)}×`.padStart(24)}`,
    );
    if (kind !== 'pdf' && rate(t.check.median) < goal) under = true;
  }
  console.log(`\n  goal: ≥ ${goal} reports/s for text and HTML (check, one core): ${under ? 'UNDER GOAL' : 'OK'}`);
  if (under) process.exitCode = 1;
}

await main();
