/**
 * Fuzzing the report reader (issue 5): 10,000 mutated inputs from a fixed seed — truncated,
 * lines shuffled, bytes overwritten or inserted, huge, re-encoded (GBK, UTF-16), other
 * formats' bytes under a report's name — each ends with a report or a one-line reason, never
 * an exception, and the reader's work stays linear in the input (no timing in the test); and
 * the pathological shapes of PDF text (issue 15) read in bounded work and time.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lineCells, readCells, readReportFile, type Work } from '../../../src/extract/report/index.ts';
import type { PdfItem } from '../../../src/extract/report/pdf.ts';
import { random } from '../../../src/domain/shared/random.ts';
import { applicationRowKeys } from '../../../src/law/report-format/index.ts';
import { seedPath } from '../../helpers/seed.ts';
import { bytesOf, ownDir, publishedDir } from './fixtures.ts';

const inputs = 10_000;
/** PDFs go through pdf.js, a hundred times slower than text: a few dozen of them. */
const pdfShare = 0.01;

const bases: { name: string; bytes: Uint8Array }[] = [
  { name: 'seed.txt', bytes: bytesOf(seedPath) },
  { name: 'drc.txt', bytes: bytesOf(`${publishedDir}/shuyang-drc-2023.txt`) },
  { name: 'ocr.md', bytes: bytesOf(`${publishedDir}/shuyang-county-2025.ocr.md`) },
  { name: 'portal.html', bytes: bytesOf(`${ownDir}/sample-2023-portal.html`) },
  { name: 'portal-gbk.html', bytes: bytesOf(`${ownDir}/sample-2023-portal-gbk.html`) },
  { name: 'printed.txt', bytes: bytesOf(`${ownDir}/sample-2023-printed.txt`) },
  { name: '2019.txt', bytes: bytesOf(`${ownDir}/sample-2019-format.txt`) },
  { name: 'report.docx', bytes: bytesOf(`${ownDir}/sample-2023.docx`) },
];
const pdfs = [
  { name: 'report.pdf', bytes: bytesOf(`${ownDir}/sample-2023.pdf`) },
  { name: 'hongze.pdf', bytes: bytesOf(`${publishedDir}/hongze-district-2024.pdf`) },
];

const rnd = random(20261127);

function lines(b: Uint8Array): string[] {
  return new TextDecoder().decode(b).split('\n');
}
const encode = (s: string) => new TextEncoder().encode(s);

const mutations: Record<string, (b: Uint8Array) => Uint8Array> = {
  truncate: (b) => b.slice(0, rnd.int(0, b.length)),
  shuffleLines: (b) => {
    const ls = lines(b);
    for (let k = rnd.int(1, 40); k > 0; k--) {
      const i = rnd.int(0, ls.length - 1);
      const j = rnd.int(0, ls.length - 1);
      [ls[i], ls[j]] = [ls[j]!, ls[i]!];
    }
    return encode(ls.join('\n'));
  },
  dropLines: (b) =>
    encode(
      lines(b)
        .filter(() => !rnd.chance(0.1))
        .join('\n'),
    ),
  overwriteBytes: (b) => {
    const out = b.slice();
    for (let k = rnd.int(1, 64); k > 0 && out.length > 0; k--) out[rnd.int(0, out.length - 1)] = rnd.int(0, 255);
    return out;
  },
  insertBytes: (b) => {
    const at = rnd.int(0, b.length);
    const junk = Uint8Array.from({ length: rnd.int(1, 512) }, () => rnd.int(0, 255));
    return Uint8Array.from([...b.subarray(0, at), ...junk, ...b.subarray(at)]);
  },
  digitsToJunk: (b) =>
    encode(new TextDecoder().decode(b).replace(/\d/g, (d) => (rnd.chance(0.05) ? rnd.of(['l', 'O', '/', '', ' ', '—', '12345678901234567890']) : d))),
  repeatTags: (b) =>
    encode(new TextDecoder().decode(b).replace(/<(td|tr|table)/g, (m) => (rnd.chance(0.1) ? `<script>${m}` : rnd.chance(0.1) ? `${m}${m}` : m))),
  utf16: (b) => {
    const buf = Buffer.from(new TextDecoder().decode(b), 'utf16le');
    return rnd.chance(0.5) ? Uint8Array.from([0xff, 0xfe, ...buf]) : new Uint8Array(buf);
  },
  huge: (b) => {
    const copies = rnd.int(50, 300);
    const out = new Uint8Array(b.length * copies);
    for (let k = 0; k < copies; k++) out.set(b, k * b.length);
    return out;
  },
  hugeLine: (b) => encode(new TextDecoder().decode(b).slice(0, 2000) + rnd.of(['一', '0 ', '<td>', '|', '三、']).repeat(rnd.int(10_000, 300_000))),
  random: () => Uint8Array.from({ length: rnd.int(0, 5000) }, () => rnd.int(0, 255)),
};
const weights = {
  truncate: 20,
  shuffleLines: 20,
  dropLines: 10,
  overwriteBytes: 15,
  insertBytes: 10,
  digitsToJunk: 10,
  repeatTags: 5,
  utf16: 3,
  huge: 1,
  hugeLine: 1,
  random: 5,
} satisfies Record<keyof typeof mutations, number>;

test(`${inputs} mutated inputs: a report or a one-line reason each, in bounded work`, { timeout: 600_000 }, async () => {
  const outcomes = { read: 0, unreadable: 0 };
  for (let n = 0; n < inputs; n++) {
    const base = rnd.chance(pdfShare) ? rnd.of(pdfs) : rnd.of(bases);
    const kind = rnd.weighted(weights);
    let bytes = mutations[kind]!(base.bytes);
    if (rnd.chance(0.1)) bytes = mutations[rnd.weighted(weights)]!(bytes);
    const name = rnd.chance(0.9) ? base.name : rnd.of(['x.txt', 'x.html', 'x.md', 'x.pdf', 'x.docx', 'x']);
    const work: Work = { steps: 0 };
    const label = `input ${n} (${base.name}, ${kind}, ${bytes.length} bytes)`;
    let r: Awaited<ReturnType<typeof readReportFile>>;
    try {
      r = await readReportFile(bytes, name, work);
    } catch (e) {
      assert.fail(`${label} threw: ${(e as Error).stack}`);
    }
    assert.ok(work.steps <= 64 * bytes.length + 100_000, `${label}: ${work.steps} steps`);
    if ('error' in r) {
      outcomes.unreadable++;
      assert.ok(r.error.length > 0 && !r.error.includes('\n'), `${label}: ${r.error}`);
      continue;
    }
    outcomes.read++;
    assert.ok(Number.isInteger(r.report.year), label);
    for (const row of applicationRowKeys) {
      for (const v of r.report.applications.rows[row]) assert.ok(v === null || Number.isFinite(v), `${label} ${row}`);
    }
  }
  // both ends are exercised
  assert.ok(outcomes.read > inputs / 10, JSON.stringify(outcomes));
  assert.ok(outcomes.unreadable > inputs / 20, JSON.stringify(outcomes));
});

/**
 * Pathological PDF shapes (issue 15): what pdf.js gives for text printed all on one
 * baseline, one huge item, and a million tiny items. A quadratic pass took 54 s on the
 * first; linear ones take a few seconds each, so a generous time bound tells them apart.
 */
const shapes: Record<string, (n: number) => PdfItem[]> = {
  oneBaseline: (n) =>
    Array.from({ length: n / 10 }, (_, i) => ({ str: i % 2 ? '1234567890' : '098765432 ', x: i % 2 ? 72 : 222, width: 50, eol: false, upright: true })),
  oneHugeItem: (n) => [{ str: '一 0 '.repeat(n / 4), x: 0, width: 500, eol: false, upright: true }],
  tinyItemsOnLines: (n) => Array.from({ length: n }, (_, i) => ({ str: String(i % 10), x: (i % 50) * 5, width: 5, eol: i % 50 === 49, upright: true })),
  tinyItemsOnOneLine: (n) => Array.from({ length: n }, (_, i) => ({ str: i % 3 ? String(i % 10) : ' ', x: (i % 50) * 5, width: 5, eol: false, upright: true })),
};

for (const [name, make] of Object.entries(shapes)) {
  test(`pathological PDF shape: ${name}, 1,000,000 characters, read in bounded work`, { timeout: 120_000 }, () => {
    const items = make(1_000_000);
    const pages = [items.map((i) => i.str + (i.eol ? '\n' : '')).join('')];
    const work: Work = { steps: 0 };
    const start = Date.now();
    const r = readCells(lineCells(pages, [items]), work);
    const ms = Date.now() - start;
    assert.ok('error' in r || Number.isInteger(r.report.year));
    assert.ok(work.steps <= 64 * pages[0]!.length + 100_000, `${work.steps} steps`);
    assert.ok(ms < 30_000, `${ms} ms`); // 54 s for oneBaseline before issue 15, hours for tinyItemsOnOneLine
  });
}
