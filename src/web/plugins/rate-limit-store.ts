/**
 * The store of @fastify/rate-limit kept in the database (rate_limits, migration 0016), so a
 * limit counts the requests every process answers, on SQLite and PostgreSQL alike. Each
 * route has its own windows: the key is the route and the client's address.
 */
import type { FastifyRateLimitOptions, FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { AppContext } from '../../app/context.ts';
import { countHit, deleteEndedWindows, readHits } from '../../store/throttles.repo.ts';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** Ended windows are removed at most this often (per process). */
const sweepEveryMs = 10 * 60_000;

export function databaseStore(ctx: AppContext, scope = ''): FastifyRateLimitStoreCtor {
  let sweptAt = 0;
  const sweep = async (now: number) => {
    if (now - sweptAt < sweepEveryMs && now >= sweptAt) return;
    sweptAt = now;
    await deleteEndedWindows(ctx.db, now);
  };

  class DatabaseStore implements FastifyRateLimitStore {
    readonly prefix: string;
    constructor(_options: FastifyRateLimitOptions, prefix = scope) {
      this.prefix = prefix;
    }

    incr(key: string, callback: Callback, timeWindow: number): void {
      const now = ctx.now().getTime();
      sweep(now)
        .then(() => countHit(ctx.db, this.prefix + key, now, timeWindow))
        .then(
          (w) => callback(null, { current: w.hits, ttl: w.resetsAt - now }),
          (e: Error) => callback(e),
        );
    }

    read(key: string, callback: Callback): void {
      const now = ctx.now().getTime();
      readHits(ctx.db, this.prefix + key, now).then(
        (w) => callback(null, w ? { current: w.hits, ttl: w.resetsAt - now } : { current: 0, ttl: 0 }),
        (e: Error) => callback(e),
      );
    }

    /** The plugin passes the route's merged options, with the route as `routeInfo` (its types say otherwise). */
    child(routeOptions: object): FastifyRateLimitStore {
      const route = (routeOptions as { routeInfo?: { method?: unknown; url?: unknown } }).routeInfo;
      const name = route?.url ? `${scope}${String(route.method)} ${String(route.url)}|` : scope;
      return new DatabaseStore(routeOptions as FastifyRateLimitOptions, name);
    }
  }
  return DatabaseStore;
}
