/**
 * pdf.js, loaded once for the whole process. Its legacy build (the one that runs on Node 20)
 * carries core-js, which on V8 before 12.2 replaces Array.prototype.push with a JavaScript
 * polyfill: every push in the process became several times slower (the report reader spent
 * most of its time there) and `push(...many)` overflowed the stack. The native push is put
 * back once pdf.js and its worker half (preloaded, so it is not loaded later) are in.
 */
const nativePush = Array.prototype.push;
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
const workerHalf: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs'; // untyped: imported by name
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await import(workerHalf);
Array.prototype.push = nativePush;

export const getDocument = pdfjs.getDocument;
