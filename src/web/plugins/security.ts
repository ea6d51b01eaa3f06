/**
 * Security of every route: signed cookies, CSRF tokens on every form, security headers,
 * and the rate-limit machinery (limits are set per route). The cookie secret is made at
 * first start and kept in the database (or given as GONGKAI_SECRET), never in the repo.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import helmet from 'helmet';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import { databaseStore } from './rate-limit-store.ts';
import { maxAttachmentBytes } from '../../law/screening.ts';
import type { AppContext } from '../../app/context.ts';
import { settingOnce } from '../../store/settings.repo.ts';

export interface SecurityOptions {
  ctx: AppContext;
  /** Mark cookies Secure: on behind HTTPS (GONGKAI_SECURE_COOKIES=1); 'auto' sets it for HTTPS requests. */
  secureCookies: boolean | 'auto';
  /** Prefix of this app's rate-limit keys (BuildOptions.rateLimitScope). */
  rateLimitScope: string;
}

export const security = fp(async (app: FastifyInstance, opts: SecurityOptions) => {
  const secret = process.env.GONGKAI_SECRET || (await settingOnce(opts.ctx.db, 'secret.cookie', randomBytes(32).toString('base64url')));
  await app.register(cookie, { secret });
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'gk_csrf',
    // A form field, or the query string for file uploads (the multipart body is read by the handler).
    getToken: (req) => {
      const body = req.body as { _csrf?: unknown } | undefined;
      const query = req.query as { _csrf?: unknown } | undefined;
      const token = body?._csrf ?? query?._csrf ?? req.headers['csrf-token'] ?? req.headers['x-csrf-token'];
      return typeof token === 'string' ? token : undefined;
    },
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'lax', path: '/', secure: opts.secureCookies },
  });
  await app.register(formbody, { bodyLimit: 256 * 1024 });
  // One file per upload; the attachment rules (types, 20 MB) are checked again by content.
  await app.register(multipart, { limits: { fileSize: maxAttachmentBytes, files: 1, fields: 10 } });
  const headers = securityHeaders(opts.secureCookies);
  app.addHook('onRequest', (request, reply, done) => headers(request.raw, reply.raw, (err) => done(err as Error | undefined)));
  // Kept in the database, so the limits hold across processes (src/web/plugins/rate-limit-store.ts).
  await app.register(rateLimit, { global: false, store: databaseStore(opts.ctx, opts.rateLimitScope) });
});

/**
 * The same headers on every response. helmet's middleware is made once: @fastify/helmet made
 * it anew for each request, which cost half of a kept page's throughput.
 */
export function securityHeaders(secureCookies: boolean | 'auto') {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'"],
        scriptSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        // Only behind HTTPS: on a plain-HTTP intranet address it would break the stylesheet.
        upgradeInsecureRequests: secureCookies === true ? [] : null,
      },
    },
    // The portal links out to other government sites; keep the referrer to the origin.
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
}

/**
 * The headers helmet's middleware sets, as a flat [name, value, …] list, for responses
 * written without it (src/web/portal/front.ts). They depend on no request: the policy is
 * fixed when the app is built.
 */
export function securityHeaderList(secureCookies: boolean | 'auto'): string[] {
  const set = new Map<string, [string, string]>();
  const res = {
    setHeader: (name: string, value: string | number) => void set.set(name.toLowerCase(), [name, String(value)]),
    removeHeader: (name: string) => void set.delete(name.toLowerCase()),
  };
  let done = false;
  securityHeaders(secureCookies)({} as IncomingMessage, res as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
    done = true;
  });
  if (!done) throw new Error('helmet did not finish at once');
  return [...set.values()].flat();
}

/** Route config for rate-limited public forms and log-in: 30 posts a minute per client address. */
export const formRateLimit = { rateLimit: { max: 30, timeWindow: '1 minute' } };
