/**
 * Hostile files (issue 15): the file pool's time and memory limits, zip bombs refused, and
 * the one-baseline PDF read fast. Files made by test/helpers/hostile.ts.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { extractText, FileRefusedError, redactDocx } from '../../src/extract/index.ts';
import { checkReportFile, checkReportFileHere } from '../../src/extract/report/index.ts';
import { closeFilePool, configureFilePool, filePool, poolOptionsFrom } from '../../src/extract/pool/index.ts';
import { defaultPoolOptions } from '../../src/extract/pool/limits.ts';
import { unzip, ZipTooLarge } from '../../src/extract/zip.ts';
import { InputError } from '../../src/domain/shared/result.ts';
import { docxBomb, hugeBaselinePdf, pdfBomb, smallBaselinePdf } from '../helpers/hostile.ts';
import { docxWith } from '../helpers/files.ts';
import { buildPdf } from './files.ts';

after(() => closeFilePool());

const refused = (reason: string) => (e: unknown) => e instanceof FileRefusedError && e.reason === reason && e.message.length > 0;

/** The longest the main thread was kept from its event loop while `work` ran, in ms. */
async function mainThreadStall<T>(work: () => Promise<T>): Promise<{ result: T | Error; stallMs: number; ms: number }> {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  const start = Date.now();
  const result = await work().catch((e: Error) => e);
  h.disable();
  return { result, stallMs: h.max / 1e6, ms: Date.now() - start };
}

describe('the file pool', () => {
  test('the limits come from the environment; a wrong value is refused naming the variable', () => {
    assert.deepEqual(poolOptionsFrom({}), defaultPoolOptions);
    assert.deepEqual(poolOptionsFrom({ GONGKAI_FILE_SECONDS: '5', GONGKAI_FILE_MEMORY_MB: '256', GONGKAI_FILE_WORKERS: '1' }), {
      seconds: 5,
      memoryMb: 256,
      workers: 1,
    });
    for (const [name, value] of [
      ['GONGKAI_FILE_SECONDS', '0'],
      ['GONGKAI_FILE_MEMORY_MB', 'lots'],
      ['GONGKAI_FILE_WORKERS', '1.5'],
    ] as const) {
      assert.throws(
        () => poolOptionsFrom({ [name]: value }),
        (e: unknown) => e instanceof InputError && e.message.includes(name) && e.message.includes(value),
      );
    }
  });

  test('a file over the time limit is refused in time, the main thread free meanwhile, and the next file is read', { timeout: 120_000 }, async () => {
    await configureFilePool({ seconds: 2, memoryMb: 1024, workers: 1 });
    const { result, stallMs, ms } = await mainThreadStall(() => extractText(hugeBaselinePdf(), 'pdf'));
    assert.ok(refused('time')(result), String(result));
    assert.match((result as Error).message, /文件过于复杂，无法在限定时间（2 秒）内读取/);
    assert.ok(ms < 15_000, `refused after ${ms} ms`);
    assert.ok(stallMs < 200, `the main thread stalled ${stallMs} ms`);
    // the worker was replaced
    const next = await extractText(buildPdf([['after the hostile one']]), 'pdf');
    assert.match(next.parts.map((p) => p.text).join(''), /after the hostile one/);
  });

  test('a file over the memory limit is refused, and the next file is read', { timeout: 120_000 }, async () => {
    await configureFilePool({ seconds: 120, memoryMb: 160, workers: 1 });
    await assert.rejects(extractText(hugeBaselinePdf(), 'pdf'), refused('memory'));
    const next = await extractText(buildPdf([['still reading']]), 'pdf');
    assert.match(next.parts.map((p) => p.text).join(''), /still reading/);
  });

  test('closing the pool refuses the file being read and ends its worker', { timeout: 60_000 }, async () => {
    await configureFilePool({ seconds: 60, memoryMb: 1024, workers: 2 });
    // two read, one waits; each outcome kept as it comes (a rejection nobody awaits yet fails the test)
    const outcomes = [1, 2, 3].map(() =>
      extractText(hugeBaselinePdf(), 'pdf').then(
        () => null,
        (e: unknown) => e,
      ),
    );
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(filePool().size, 2);
    const start = Date.now();
    await closeFilePool();
    assert.ok(Date.now() - start < 5_000);
    for (const e of await Promise.all(outcomes)) assert.ok(refused('closing')(e), String(e));
    await configureFilePool(defaultPoolOptions);
  });
});

describe('zip bombs (a DOCX whose headers claim 20 KB)', () => {
  test('unpacking stops at the running limit, whatever the headers say', () => {
    const small = docxBomb(3);
    assert.throws(() => unzip(small, 2 * 1024 * 1024), ZipTooLarge);
    assert.ok(unzip(small, 4 * 1024 * 1024).some((e) => e.name === 'word/document.xml' && e.data.length > 3_000_000));
  });

  test('as an attachment: refused with a message, for reading and for redaction, without the memory it claims', { timeout: 120_000 }, async () => {
    await configureFilePool(defaultPoolOptions);
    const bomb = docxBomb();
    assert.ok(bomb.length < 2 * 1024 * 1024, `${bomb.length} bytes`);
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    try {
      await assert.rejects(extractText(bomb, 'docx'), (e: unknown) => refused('unpacked')(e) && /压缩炸弹/.test((e as Error).message));
      await assert.rejects(redactDocx(bomb, [{ value: 'a', mask: '*' }]), refused('unpacked'));
    } finally {
      clearInterval(sampler);
    }
    // 1.5 GB unpacked before issue 15; the limit is 300 MB
    assert.ok(peak - before < 900 * 1024 * 1024, `rss grew ${Math.round((peak - before) / 1e6)} MB`);
    // an honest DOCX is still read
    const ok = await extractText(await docxWith('一份普通的通知'), 'docx');
    assert.match(ok.parts.map((p) => p.text).join(''), /普通的通知/);
  });

  test('as a report to import or check: a reason, not a crash', { timeout: 60_000 }, async () => {
    const r = await checkReportFile(docxBomb(), 'bomb.docx');
    assert.ok('error' in r && r.error.length > 0 && !r.error.includes('\n'));
  });
});

describe('a PDF whose stream inflates to 400 MB (ArrayBuffers, which the heap limit does not count)', () => {
  test('refused as an attachment and as a report, before pdf.js decodes it', { timeout: 120_000 }, async () => {
    await configureFilePool(defaultPoolOptions);
    const bomb = pdfBomb();
    assert.ok(bomb.length < 1024 * 1024, `${bomb.length} bytes`);
    await assert.rejects(extractText(bomb, 'pdf'), (e: unknown) => refused('unpacked')(e) && /压缩炸弹/.test((e as Error).message));
    const r = await checkReportFile(bomb, 'bomb.pdf');
    assert.ok('error' in r && /压缩炸弹/.test(r.error), JSON.stringify(r).slice(0, 200));
    // the 60 MB one is under the limit: it is refused by time, not by size (above)
    const next = await extractText(buildPdf([['an honest PDF']]), 'pdf');
    assert.match(next.parts.map((p) => p.text).join(''), /an honest PDF/);
  });
});

describe('the one-baseline PDF', () => {
  test('the 6.7 KB one is checked in under a second (12 s before issue 15)', { timeout: 120_000 }, async () => {
    const pdf = smallBaselinePdf();
    assert.ok(pdf.length < 10_000, `${pdf.length} bytes`);
    await configureFilePool(defaultPoolOptions);
    await checkReportFile(buildPdf([['warm-up']]), 'warm.pdf'); // the worker started, pdf.js loaded
    let best = Infinity;
    // the best of three: other processes share this machine's two cores
    for (let k = 0; k < 3 && best >= 1000; k++) {
      const start = Date.now();
      const r = await checkReportFile(pdf, 'baseline.pdf');
      best = Math.min(best, Date.now() - start);
      assert.ok('error' in r, 'not a report');
    }
    assert.ok(best < 1000, `${best} ms`);
  });

  test('read in this thread too, within a work bound', async () => {
    const work = { steps: 0 };
    const r = await checkReportFileHere(smallBaselinePdf(), 'baseline.pdf', work);
    assert.ok('error' in r);
    assert.ok(work.steps < 64 * 1_000_000, `${work.steps} steps`);
  });
});
