/**
 * pdf.js, loaded once for the whole thread (only the file pool's workers read PDFs).
 * - Loaded with require (Node ≥ 20.19 requires ES modules): through tsx's loader its two
 *   3 MB files took 250 MB more a thread; by require (bin/gongkai.js registers tsx for
 *   `import` only) they take about 50 MB.
 * - Its legacy build (the one that runs on Node 20) carries core-js, which on V8 before 12.2
 *   replaces Array.prototype.push with a JavaScript polyfill: every push in the thread became
 *   several times slower (most of the report reader's time) and `push(...many)` overflowed
 *   the stack. The native push is put back once pdf.js and its worker half (preloaded, so it
 *   is never loaded later) are in.
 */
import { createRequire } from 'node:module';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

const require = createRequire(import.meta.url);
const nativePush = Array.prototype.push;
const pdfjs = require('pdfjs-dist/legacy/build/pdf.mjs') as Pdfjs;
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = require('pdfjs-dist/legacy/build/pdf.worker.mjs');
Array.prototype.push = nativePush;

export const getDocument: Pdfjs['getDocument'] = pdfjs.getDocument;
export const OPS: Pdfjs['OPS'] = pdfjs.OPS;
