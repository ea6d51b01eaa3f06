/**
 * The file pool of this process (src/extract/pool/pool.ts): every parse of an uploaded or
 * imported file goes through `runFileJob`. Made on first use with the environment's limits;
 * `gongkai serve` sets them at start and closes the pool on shutdown.
 */
import { isMainThread, workerData } from 'node:worker_threads';
import { RedactionError } from '../redact.ts';
import { FileRefusedError, poolOptionsFrom, type PoolOptions } from './limits.ts';
import { FilePool, poolRole } from './pool.ts';
import type { FileJob, JobResults } from './jobs.ts';

export { FileRefusedError, poolOptionsFrom, type PoolOptions } from './limits.ts';

const entry = new URL('./boot.mjs', import.meta.url);

let options: PoolOptions | null = null;
let pool: FilePool | null = null;

/** Whether this thread is one of the pool's workers (where files are read in place). */
export function inFilePoolWorker(): boolean {
  return !isMainThread && (workerData as { role?: string } | null)?.role === poolRole;
}

/** Sets the limits of the pool (the current one, if any, is closed: the next file starts a new one). */
export async function configureFilePool(next: PoolOptions): Promise<void> {
  options = next;
  await closeFilePool();
}

/** The pool in use, made with the configured limits or the environment's. */
export function filePool(): FilePool {
  pool ??= new FilePool(options ?? poolOptionsFrom(process.env), entry);
  return pool;
}

/** Terminates the pool's workers (a file being read is refused); a later file starts a new pool. */
export async function closeFilePool(): Promise<void> {
  const p = pool;
  pool = null;
  await p?.close();
}

/** Runs one job in the pool. Throws FileRefusedError over a limit (time, memory, unpacked size), RedactionError as the worker's redaction did. */
export async function runFileJob<J extends FileJob>(job: J): Promise<JobResults[J['kind']]> {
  const bytes = job.bytes.slice(); // handed over to the worker: the caller keeps its own
  const outcome = await filePool().run({ ...job, bytes }, [bytes.buffer as ArrayBuffer]);
  if (outcome.ok) return outcome.value as JobResults[J['kind']];
  if (outcome.redaction !== undefined) throw new RedactionError(outcome.redaction);
  if (outcome.unpacked) throw new FileRefusedError('unpacked', outcome.message);
  throw new Error(outcome.message);
}
