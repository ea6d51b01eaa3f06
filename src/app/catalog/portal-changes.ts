/**
 * What the portal's in-memory caches (rendered item and list pages, list counts) ask before
 * serving what they hold: has anything they show changed since they read it?
 *
 * Every act in src/app that changes what readers see reports here once its transaction has
 * committed: publication, correction, withdrawal and 有效性 of an item (`itemChanged`), agencies
 * and their contacts (`portalChanged`). Changes are numbered; a cache takes `changeMark` before
 * it reads the database and keeps what it read only while nothing it depends on has a higher
 * number, so a page read just before a change is never kept after it.
 *
 * Another process writing to the same database (a second server, the command line, settings
 * edited by hand) is noticed by `noticeOtherWriters`: at most once a second it reads the last
 * audit event's id and the site settings; when either moved, everything counts as changed.
 * Kept per database, like the view counts.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../store/schema.ts';
import type { AppContext } from '../context.ts';

/** How often the database is asked whether another process changed something. */
export const otherWritersPollMs = 1000;

class Changes {
  /** The number of the last change. */
  seq = 0;
  /** The last change to everything (agencies, settings, another process's writes). */
  all = 0;
  /** The last change to what lists show (an item published, corrected or withdrawn). */
  lists = 0;
  /** Each changed item's last change. */
  readonly items = new Map<number, number>();
  /** What the last poll read (null: not polled yet, so anything cached before counts as changed). */
  seen: string | null = null;
  polledAt = -Infinity;
  polling: Promise<void> | null = null;
}

const registry = new WeakMap<Kysely<DB>, Changes>();
function changes(db: Kysely<DB>): Changes {
  let c = registry.get(db);
  if (!c) registry.set(db, (c = new Changes()));
  return c;
}

/** Taken before reading what will be cached. */
export function changeMark(db: Kysely<DB>): number {
  return changes(db).seq;
}

/** Whether an item's page read at `mark` may be out of date. */
export function itemChangedSince(db: Kysely<DB>, itemId: number, mark: number): boolean {
  const c = changes(db);
  return c.all > mark || (c.items.get(itemId) ?? 0) > mark;
}

/** Whether a list (its rows, counts, years) read at `mark` may be out of date. */
export function listsChangedSince(db: Kysely<DB>, mark: number): boolean {
  const c = changes(db);
  return c.all > mark || c.lists > mark;
}

/**
 * An item's page and the lists changed (publication, correction, withdrawal, 有效性). Called
 * after the change is committed; inside a caller's transaction (the demo loader) the caller
 * reports when it commits.
 */
export function itemChanged(ctx: AppContext, itemId: number): void {
  if (ctx.db.isTransaction) return;
  const c = changes(ctx.db);
  c.seq++;
  c.items.set(itemId, c.seq);
  c.lists = c.seq;
}

/** Anything the portal shows may have changed (agencies, their contacts, a bulk load). */
export function portalChanged(ctx: AppContext): void {
  if (ctx.db.isTransaction) return;
  const c = changes(ctx.db);
  c.all = ++c.seq;
  // Every entry is older than `all` now: the per-item numbers are no longer needed.
  c.items.clear();
}

/**
 * At most once every `otherWritersPollMs`: counts everything as changed when the audit ledger
 * or the site settings moved since the last look (writes by another process). Returns a
 * promise only when it asks the database.
 */
export function noticeOtherWriters(db: Kysely<DB>, now = performance.now()): Promise<void> | undefined {
  const c = changes(db);
  if (c.polling) return c.polling;
  if (now - c.polledAt < otherWritersPollMs) return undefined;
  c.polledAt = now;
  c.polling = (async () => {
    try {
      const [audit, settings] = await Promise.all([
        db
          .selectFrom('audit_events')
          .select((eb) => eb.fn.max('id').as('id'))
          .executeTakeFirst(),
        db.selectFrom('settings').select(['key', 'value']).where('key', 'like', 'site.%').orderBy('key').execute(),
      ]);
      const seen = JSON.stringify([audit?.id ?? null, settings.map((s) => [s.key, s.value])]);
      if (seen !== c.seen) {
        c.seen = seen;
        c.all = ++c.seq;
        c.items.clear();
      }
    } catch {
      // Not known: count everything as changed and ask again next time.
      c.seen = null;
      c.all = ++c.seq;
      c.items.clear();
    } finally {
      c.polling = null;
    }
  })();
  return c.polling;
}

/** For tests: the next `noticeOtherWriters` asks the database. */
export function pollOtherWritersNow(db: Kysely<DB>): void {
  changes(db).polledAt = -Infinity;
}
