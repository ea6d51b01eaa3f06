/**
 * Kept public pages (page-cache.ts) served by the HTTP server before Fastify sees the request.
 * A kept page needs no routing, no hooks and no reply object: the same bytes and the same
 * headers (the security headers, Vary, Content-Type) written at once, with the view count
 * spliced into an item page. Fastify's routing and hooks were most of a kept page's cost
 * (bench/portal: item pages 0.45 → 0.7 of nginx).
 *
 * Everything else goes to Fastify as before: any method but GET, a reader with a session
 * (its session is checked and renewed there), a page not kept or out of date, a poll for
 * other processes' writes that is due, an item whose count is not in memory, and every
 * request once the app is closing.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyServerFactory } from 'fastify';
import type { AppContext } from '../../app/context.ts';
import { countViewIfKnown } from '../../app/catalog/views.ts';
import { noticeOtherWriters } from '../../app/catalog/portal-changes.ts';
import { sessionCookie } from '../plugins/session.ts';
import { fastifyCookie } from '@fastify/cookie';
import { isFresh, pageCache, pageKey } from './page-cache.ts';

/** A request's cookies as Fastify reads them into request.cookies (the same parser, loaded once the cookie plugin is registered). */
const requestCookies = (req: IncomingMessage): Record<string, string | undefined> => (req.headers.cookie ? fastifyCookie.parse(req.headers.cookie) : {});

declare module 'fastify' {
  interface FastifyInstance {
    /** Kept pages served before Fastify (src/web/portal/front.ts). */
    front: Front;
  }
}

/** The options of Fastify's that it applies to the HTTP server it makes itself. */
interface ServerOptions {
  http?: http.ServerOptions;
  keepAliveTimeout?: number;
  requestTimeout?: number;
  connectionTimeout?: number;
  maxRequestsPerSocket?: number;
}

export interface Front {
  /** Serves the request if a kept page answers it; false leaves it to Fastify. */
  serve(req: IncomingMessage, res: ServerResponse): boolean;
  /** Builds the HTTP server as Fastify would, with `serve` in front of Fastify's handler. */
  serverFactory: FastifyServerFactory;
  /** Set when the app starts closing: from then on Fastify answers (503 on kept-alive connections). */
  closing: boolean;
  /** Pages served here so far (for tests and the operator). */
  served: number;
  /** The app's logger, set once Fastify is made: a kept page is logged like any request. */
  log?: FastifyBaseLogger;
}

/** How long a client may take, in ms. Fastify's defaults (0) let a client that sends its headers slowly hold a connection forever. */
export interface Timeouts {
  /** To send the request line and headers. */
  headers: number;
  /** To send the whole request, an upload's body included (20 MB at about 1 Mbit/s). */
  request: number;
  /** A connection with nothing happening on it. */
  idle: number;
  /** How often the server looks for connections past the first two. */
  checkEvery: number;
}

export const defaultTimeouts: Timeouts = { headers: 20_000, request: 300_000, idle: 120_000, checkEvery: 2_000 };

/** `headers`: the headers of every kept page as a flat [name, value, …] list, without Content-Length. */
export function front(ctx: AppContext, headers: readonly string[], limits: Partial<Timeouts> = {}): Front {
  const t = { ...defaultTimeouts, ...limits };
  const cache = pageCache(ctx.db);
  const f: Front = {
    closing: false,
    served: 0,
    serve(req, res) {
      if (req.method !== 'GET' || f.closing) return false;
      const cookies = requestCookies(req);
      if (cookies[sessionCookie] !== undefined) return false;
      const page = cache.get(pageKey(req, cookies));
      if (!page || noticeOtherWriters(ctx.db) !== undefined || !isFresh(ctx.db, page)) return false;
      let body = page.head;
      if (page.tail) {
        const views = page.itemId === null ? null : countViewIfKnown(ctx, page.itemId);
        if (views === null) return false;
        body = Buffer.concat([page.head, Buffer.from(String(views)), page.tail]);
      }
      res.writeHead(200, [...headers, 'content-length', String(body.length)]);
      res.end(body);
      f.served++;
      // Kept pages are public pages: their path (without the query) names them.
      f.log?.info({ keptPage: (req.url ?? '').split('?')[0], res: { statusCode: 200 } }, 'request completed');
      return true;
    },
    serverFactory(handler, fastifyOptions) {
      // As Fastify makes its HTTP/1 server (fastify/lib/server.js), with `serve` first.
      const options = fastifyOptions as ServerOptions;
      const limits = { headersTimeout: t.headers, requestTimeout: options.requestTimeout || t.request, connectionsCheckingInterval: t.checkEvery };
      const server = http.createServer({ ...options.http, ...limits }, (req, res) => {
        if (!f.serve(req, res)) handler(req, res);
      });
      server.keepAliveTimeout = options.keepAliveTimeout ?? server.keepAliveTimeout;
      server.setTimeout(options.connectionTimeout || t.idle);
      if (options.maxRequestsPerSocket) server.maxRequestsPerSocket = options.maxRequestsPerSocket;
      return server;
    },
  };
  return f;
}
