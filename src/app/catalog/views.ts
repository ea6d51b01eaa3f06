/**
 * Readers' views of published items, counted in memory and written in batches (every few
 * seconds and when the app closes): an UPDATE per page view made every reader wait for a
 * write to disk. A reader sees the stored count plus the views not yet written, their own
 * included. Counts are kept per database, whichever app or context uses it.
 *
 * An item's count is also remembered (`countView`): a page served from memory then counts its
 * view without reading the database. The remembered count is read again after
 * `knownCountMs`, which brings in views counted by another process on the same database.
 */
import type { Kysely } from 'kysely';
import { addItemViews, itemViewCount } from '../../store/catalogue.repo.ts';
import type { DB } from '../../store/schema.ts';
import type { AppContext } from '../context.ts';

export const viewWriteIntervalMs = 5000;
/** How long an item's remembered count is used before it is read from the database again. */
export const knownCountMs = 60_000;
/** At most this many items' counts are remembered (the oldest are forgotten first). */
export const knownCountsMax = 100_000;

class ViewCounter {
  pending = new Map<number, number>();
  /** The write in progress, if any. */
  writing: Promise<void> | null = null;
  /** Writes finished so far: a count read while this changed may miss a write. */
  epoch = 0;
  /** Items' counts with their views not yet written, as last read plus the views counted since, and when they were read. */
  readonly known = new Map<number, { n: number; at: number }>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly db: Kysely<DB>) {}

  add(itemId: number): void {
    this.pending.set(itemId, (this.pending.get(itemId) ?? 0) + 1);
    if (!this.timer) {
      this.timer = setInterval(() => void this.write().catch(() => {}), viewWriteIntervalMs);
      this.timer.unref();
    }
  }

  /** Writes what is pending (after a write in progress); what fails to be written stays pending. */
  async write(): Promise<void> {
    while (this.writing) await this.writing.catch(() => {});
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    this.writing = (async () => {
      try {
        const rows = [...batch];
        for (let i = 0; i < rows.length; i += 500) {
          const chunk = rows.slice(i, i + 500);
          try {
            await addItemViews(this.db, chunk);
          } catch (e) {
            for (const [id, n] of rows.slice(i)) this.pending.set(id, (this.pending.get(id) ?? 0) + n);
            throw e;
          }
        }
      } finally {
        this.epoch++;
        this.writing = null;
      }
    })();
    await this.writing;
  }

  /** Counts only rise: of two reads finishing out of order, the higher count stays. */
  remember(itemId: number, n: number): void {
    const old = this.known.get(itemId);
    if (old && old.n > n) n = old.n;
    this.known.delete(itemId);
    this.known.set(itemId, { n, at: performance.now() });
    if (this.known.size > knownCountsMax) this.known.delete(this.known.keys().next().value!);
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.write();
  }
}

const counters = new WeakMap<Kysely<DB>, ViewCounter>();
function counter(db: Kysely<DB>): ViewCounter {
  let c = counters.get(db);
  if (!c) counters.set(db, (c = new ViewCounter(db)));
  return c;
}

/** Taken before reading an item's stored count, to tell whether a write happened meanwhile. */
export function viewSnapshot(ctx: AppContext): number {
  const c = counter(ctx.db);
  return c.writing ? -1 : c.epoch;
}

/**
 * Counts a reader's view of a published item and returns its count with this view:
 * `stored` is the count read after `viewSnapshot` returned `snapshot`.
 */
export async function recordView(ctx: AppContext, itemId: number, stored: number, snapshot: number): Promise<number> {
  const c = counter(ctx.db);
  c.add(itemId);
  let n = stored + (c.pending.get(itemId) ?? 0);
  // A write ran while the count was read: read it again between writes.
  while (snapshot !== c.epoch || c.writing) {
    while (c.writing) await c.writing.catch(() => {});
    snapshot = c.epoch;
    n = (await itemViewCount(ctx.db, itemId)) + (c.pending.get(itemId) ?? 0);
  }
  c.remember(itemId, n);
  return n;
}

/**
 * Counts a reader's view of a published item and returns its count with this view: from
 * memory when the count is remembered (no database read, no promise), else read as
 * `recordView` does.
 */
export function countView(ctx: AppContext, itemId: number): number | Promise<number> {
  const n = countViewIfKnown(ctx, itemId);
  if (n !== null) return n;
  const snapshot = viewSnapshot(ctx);
  return itemViewCount(ctx.db, itemId).then((stored) => recordView(ctx, itemId, stored, snapshot));
}

/** Counts a reader's view and returns the count with it when the count is remembered; else counts nothing and returns null. */
export function countViewIfKnown(ctx: AppContext, itemId: number): number | null {
  const c = counter(ctx.db);
  const known = c.known.get(itemId);
  if (!known || performance.now() - known.at >= knownCountMs) return null;
  c.add(itemId);
  return ++known.n;
}

/** An item's count without counting a view (HEAD requests): remembered, or stored plus not yet written. */
export function currentViews(ctx: AppContext, itemId: number): number | Promise<number> {
  const c = counter(ctx.db);
  const known = c.known.get(itemId);
  if (known && performance.now() - known.at < knownCountMs) return known.n;
  return itemViewCount(ctx.db, itemId).then((stored) => stored + (c.pending.get(itemId) ?? 0));
}

/** Writes the pending views now (tests; before reading counts from the database). */
export async function writeViews(ctx: AppContext): Promise<void> {
  await counter(ctx.db).write();
}

/** Writes the pending views and stops the timer (when the app closes; a later view starts it again). */
export async function closeViews(ctx: AppContext): Promise<void> {
  await counter(ctx.db).close();
}
