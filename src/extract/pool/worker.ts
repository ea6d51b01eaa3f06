/** A file worker: says it is ready once loaded, then reads one file per message and answers with the result or why not. */
import { parentPort } from 'node:worker_threads';
import { RedactionError } from '../redact.ts';
import { ZipTooLarge } from '../zip.ts';
import { runJob, type FileJob, type JobOutcome } from './jobs.ts';

// Loaded before saying ready, so a file's time limit counts reading it, not loading pdf.js.
await import('../pdfjs.ts');

// pdf.js leaves a promise rejected after answering on some damaged PDFs: not this file's failure.
process.on('unhandledRejection', () => {});

const port = parentPort!;
port.on('message', async (job: FileJob) => {
  let outcome: JobOutcome;
  let transfer: ArrayBuffer[] = [];
  try {
    const done = await runJob(job);
    outcome = { ok: true, value: done.value };
    transfer = done.transfer;
  } catch (e) {
    const message = String((e as Error | null)?.message ?? e);
    if (e instanceof RedactionError) outcome = { ok: false, message, redaction: e.part };
    else if (e instanceof ZipTooLarge) outcome = { ok: false, message, unpacked: true };
    else outcome = { ok: false, message };
  }
  port.postMessage(outcome, transfer);
});
port.postMessage('ready');
