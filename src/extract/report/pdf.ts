/**
 * The text of a PDF, page by page, read by pdf.js in a worker thread of its own. On some
 * damaged PDFs pdf.js leaves one of its promises rejected after it has answered; in its own
 * thread that cannot end the process reading many files, and a PDF that pdf.js does not
 * finish with in `timeLimitMs` is given up (the worker is restarted), so no file hangs the reader.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

const require = createRequire(import.meta.url);
const pdfjsDir = path.dirname(require.resolve('pdfjs-dist/package.json'));
const pdfjsModule = pathToFileURL(path.join(pdfjsDir, 'legacy/build/pdf.mjs')).href;

const timeLimitMs = 30_000;

/** The worker: a plain script (no TypeScript loader in worker threads), pdf.js options as in src/extract/pdf.ts. */
const workerCode = `
const { parentPort, workerData } = require('node:worker_threads');
process.on('unhandledRejection', () => {});
const ready = import(workerData.module);
parentPort.on('message', async ({ id, bytes }) => {
  const { getDocument } = await ready;
  const task = getDocument({
    data: bytes,
    cMapUrl: workerData.dir + '/cmaps/',
    cMapPacked: true,
    standardFontDataUrl: workerData.dir + '/standard_fonts/',
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    const pages = [];
    const items = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const text = [];
      const placed = [];
      for (const i of content.items) {
        if (!('str' in i)) continue;
        text.push(i.str + (i.hasEOL ? '\\n' : ''));
        const t = i.transform;
        placed.push({ str: i.str, x: t[4], width: i.width, eol: i.hasEOL, upright: t[1] === 0 && t[2] === 0 && t[0] > 0 });
      }
      pages.push(text.join(''));
      items.push(placed);
      page.cleanup();
    }
    parentPort.postMessage({ id, pages, items });
  } catch (e) {
    parentPort.postMessage({ id, failure: e && e.name === 'PasswordException' ? 'locked' : 'damaged' });
  } finally {
    task.destroy().catch(() => {});
  }
});
`;

/**
 * A text item of a page as pdf.js gives it: its text, where it starts across the page and how
 * wide it is (PDF units), whether a line ends after it, and whether it is printed upright
 * (not rotated or skewed, so its x-positions are those of its columns).
 */
export interface PdfItem {
  str: string;
  x: number;
  width: number;
  eol: boolean;
  upright: boolean;
}

/** Each page's text (its items joined, a line break after each line's last item), and its items. */
export type PdfText = { pages: string[]; items: PdfItem[][] } | { failure: 'locked' | 'damaged' | 'timeout' };

let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, (r: PdfText) => void>();

function start(): Worker {
  const w = new Worker(workerCode, { eval: true, workerData: { module: pdfjsModule, dir: pdfjsDir } });
  w.on('message', (m: { id: number } & PdfText) => {
    const done = waiting.get(m.id);
    waiting.delete(m.id);
    // an idle worker does not keep the process alive
    if (waiting.size === 0) w.unref();
    done?.(m);
  });
  const fail = () => {
    if (worker === w) worker = null;
    for (const [id, done] of waiting) {
      waiting.delete(id);
      done({ failure: 'damaged' });
    }
  };
  w.on('error', fail);
  w.on('exit', fail);
  return w;
}

/** The text and items of each page (empty for a page without a text layer), or why there are none. */
export function pdfText(bytes: Uint8Array): Promise<PdfText> {
  worker ??= start();
  const w = worker;
  const id = ++nextId;
  return new Promise<PdfText>((resolve) => {
    const timer = setTimeout(() => {
      waiting.delete(id);
      if (worker === w) worker = null;
      void w.terminate();
      resolve({ failure: 'timeout' });
    }, timeLimitMs);
    timer.unref();
    waiting.set(id, (r) => {
      clearTimeout(timer);
      resolve(r);
    });
    w.ref();
    w.postMessage({ id, bytes: bytes.slice() });
  });
}
