/**
 * Public pages kept in memory as rendered, for anonymous and signed-in readers alike (the
 * portal shows nobody anything personal; staff pages and previews are never put here): item
 * pages and the county's and agencies' lists. A page is kept under everything its HTML
 * depends on in the request — the 关怀版 cookie, the address it was asked for (the switch
 * returns to it) and the origin (QR codes when site.origin is not set) — with the change mark
 * (src/app/catalog/portal-changes.ts) taken before it was read; the caller checks the mark
 * against the changes since. An item page is kept in two parts, around its view count.
 *
 * Least recently used pages are dropped beyond GONGKAI_PAGE_CACHE_MB (64 MB by default; 0
 * keeps nothing). Kept per database, like the change marks.
 *
 * Kept pages are also served before Fastify sees the request (front.ts), so the key is made
 * from the raw request, the same way for both.
 */
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { Kysely } from 'kysely';
import { itemChangedSince, listsChangedSince } from '../../app/catalog/portal-changes.ts';
import type { DB } from '../../store/schema.ts';
import { careCookie } from '../views/page.ts';

export interface CachedPage {
  /** The page, or its part before the view count. */
  head: Buffer;
  /** The part after the view count (pages that show one). */
  tail: Buffer | null;
  /** The change mark taken before the page was read. */
  mark: number;
  /** The item the page shows (its changes make the page stale), or null for a list (any list change does). */
  itemId: number | null;
}

/** Whether a kept page still shows what the database holds (as far as this process knows). */
export function isFresh(db: Kysely<DB>, page: CachedPage): boolean {
  return page.itemId === null ? !listsChangedSince(db, page.mark) : !itemChangedSince(db, page.itemId, page.mark);
}

export const defaultPageCacheBytes = 64 * 1024 * 1024;

function configuredBytes(): number {
  const mb = Number(process.env.GONGKAI_PAGE_CACHE_MB);
  return process.env.GONGKAI_PAGE_CACHE_MB !== undefined && Number.isFinite(mb) && mb >= 0 ? mb * 1024 * 1024 : defaultPageCacheBytes;
}

/** Pages by key, least recently used first, within a budget of bytes. */
export class PageCache {
  private readonly pages = new Map<string, CachedPage>();
  private used = 0;

  constructor(readonly maxBytes: number) {}

  get(key: string): CachedPage | undefined {
    const page = this.pages.get(key);
    if (page) {
      this.pages.delete(key);
      this.pages.set(key, page);
    }
    return page;
  }

  set(key: string, page: CachedPage): void {
    this.delete(key);
    const size = sizeOf(key, page);
    if (size > this.maxBytes) return;
    this.pages.set(key, page);
    this.used += size;
    for (const [k, p] of this.pages) {
      if (this.used <= this.maxBytes) break;
      this.pages.delete(k);
      this.used -= sizeOf(k, p);
    }
  }

  delete(key: string): void {
    const old = this.pages.get(key);
    if (!old) return;
    this.pages.delete(key);
    this.used -= sizeOf(key, old);
  }

  get size(): number {
    return this.pages.size;
  }

  get bytes(): number {
    return this.used;
  }
}

/** The bytes a page holds: its parts, its key (two bytes a character) and about 100 for the entry. */
const sizeOf = (key: string, p: CachedPage) => p.head.length + (p.tail?.length ?? 0) + 2 * key.length + 100;

const caches = new WeakMap<Kysely<DB>, PageCache>();
export function pageCache(db: Kysely<DB>): PageCache {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = new PageCache(configuredBytes())));
  return c;
}

/**
 * What a public page's HTML depends on in the request: the 关怀版 cookie, the address, and
 * what Fastify makes request.protocol and request.host of (the connection and the Host and
 * X-Forwarded-* headers, taken as they came, whether or not a proxy is trusted).
 */
export function pageKey(req: IncomingMessage, cookies: Readonly<Record<string, string | undefined>>): string {
  const h = req.headers;
  const tls = (req.socket as TLSSocket).encrypted ? 's' : '';
  return `${cookies[careCookie] === '1' ? 'care' : 'std'} ${tls} ${h.host ?? ''} ${h[':authority'] ?? ''} ${h['x-forwarded-proto'] ?? ''} ${h['x-forwarded-host'] ?? ''} ${req.url}`;
}

/**
 * Figures behind the lists (counts, years, the agencies of the filter), each kept with the
 * change mark taken before it was read; at most `max` of them, the oldest dropped first.
 */
export class Remembered {
  private readonly values = new Map<string, { value: unknown; mark: number }>();

  constructor(private readonly max = 10_000) {}

  /** The value kept under `key` unless `stale(mark)`; else `read()`, kept when nothing changed meanwhile. */
  async get<T>(key: string, mark: () => number, stale: (mark: number) => boolean, read: () => Promise<T>): Promise<T> {
    const kept = this.values.get(key);
    if (kept && !stale(kept.mark)) return kept.value as T;
    const m = mark();
    const value = await read();
    if (!stale(m)) {
      this.values.delete(key);
      this.values.set(key, { value, mark: m });
      if (this.values.size > this.max) this.values.delete(this.values.keys().next().value!);
    }
    return value;
  }
}

const remembered = new WeakMap<Kysely<DB>, Remembered>();
export function listFacts(db: Kysely<DB>): Remembered {
  let r = remembered.get(db);
  if (!r) remembered.set(db, (r = new Remembered()));
  return r;
}
