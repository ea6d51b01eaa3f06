/**
 * A pool of worker threads reading files, one file per worker at a time. A file over the
 * time or memory limit has its worker terminated (and replaced when next needed); the
 * caller gets a FileRefusedError. The main thread only passes bytes, so it keeps answering.
 */
import { Worker } from 'node:worker_threads';
import { refusal, type PoolOptions, type RefusalReason } from './limits.ts';
import type { FileJob, JobOutcome } from './jobs.ts';

/** Marks the pool's workers (`inFilePoolWorker`). */
export const poolRole = 'gongkai-file-pool';

interface Pending {
  job: FileJob;
  transfer: ArrayBuffer[];
  resolve: (outcome: JobOutcome) => void;
  reject: (e: Error) => void;
  timer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  pending: Pending | null;
  /** Loaded (it said 'ready'): a job's time counts from then. */
  ready: boolean;
  boot?: NodeJS.Timeout;
}

/** A worker not loaded by then is taken for dead (loading takes one to three seconds). */
const bootMs = 60_000;

export class FilePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private closed = false;

  constructor(
    readonly options: PoolOptions,
    private readonly entry: URL,
  ) {}

  /** Runs one job; `transfer` is handed to the worker (the caller keeps no view of it). */
  run(job: FileJob, transfer: ArrayBuffer[]): Promise<JobOutcome> {
    if (this.closed) return Promise.reject(refusal('closing', this.options));
    return new Promise((resolve, reject) => {
      this.queue.push({ job, transfer, resolve, reject });
      this.dispatch();
    });
  }

  /** Workers running or idle, for tests. */
  get size(): number {
    return this.slots.length;
  }

  /** Terminates every worker; jobs running or waiting are refused ('closing'). */
  async close(): Promise<void> {
    this.closed = true;
    const closing = refusal('closing', this.options);
    for (const p of this.queue.splice(0)) p.reject(closing);
    await Promise.all(
      this.slots.splice(0).map((s) => {
        clearTimeout(s.boot);
        this.settle(s, closing);
        return s.worker.terminate();
      }),
    );
  }

  private dispatch(): void {
    while (this.queue.length > 0 && !this.closed) {
      const slot = this.slots.find((s) => s.pending === null) ?? (this.slots.length < this.options.workers ? this.spawn() : null);
      if (!slot) return;
      this.start(slot, this.queue.shift()!);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(this.entry, {
      workerData: { role: poolRole },
      resourceLimits: { maxOldGenerationSizeMb: this.options.memoryMb },
    });
    const slot: Slot = { worker, pending: null, ready: false };
    slot.boot = setTimeout(() => this.drop(slot, 'crashed'), bootMs);
    slot.boot.unref();
    worker.on('message', (m: JobOutcome | 'ready') => (m === 'ready' ? this.loaded(slot) : this.finish(slot, m)));
    worker.on('error', (e: Error & { code?: string }) => this.drop(slot, e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crashed'));
    worker.on('exit', () => this.drop(slot, 'crashed'));
    // An idle worker does not keep the process alive; a busy one does (start refs it), so
    // a caller awaiting a file is never left with an empty event loop.
    worker.unref();
    this.slots.push(slot);
    return slot;
  }

  private start(slot: Slot, p: Pending): void {
    slot.pending = p;
    slot.worker.ref();
    if (slot.ready) this.clock(p, slot);
    slot.worker.postMessage(p.job, p.transfer);
  }

  private loaded(slot: Slot): void {
    slot.ready = true;
    clearTimeout(slot.boot);
    if (slot.pending) this.clock(slot.pending, slot);
  }

  /** The file's time limit, from when its worker can read it. */
  private clock(p: Pending, slot: Slot): void {
    p.timer = setTimeout(() => this.drop(slot, 'time'), this.options.seconds * 1000);
  }

  private finish(slot: Slot, outcome: JobOutcome): void {
    const p = slot.pending;
    if (!p) return;
    clearTimeout(p.timer);
    slot.pending = null;
    slot.worker.unref();
    p.resolve(outcome);
    this.dispatch();
  }

  /** Ends a worker that went over a limit or died, refusing its job; the next job gets a new one. */
  private drop(slot: Slot, reason: Exclude<RefusalReason, 'unpacked'>): void {
    const at = this.slots.indexOf(slot);
    if (at < 0) return; // already dropped (terminate's own exit event)
    this.slots.splice(at, 1);
    clearTimeout(slot.boot);
    this.settle(slot, refusal(reason, this.options));
    void slot.worker.terminate();
    this.dispatch();
  }

  private settle(slot: Slot, e: Error): void {
    const p = slot.pending;
    slot.pending = null;
    if (!p) return;
    clearTimeout(p.timer);
    p.reject(e);
  }
}
