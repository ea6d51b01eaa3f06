/**
 * Structured request and error logs (Fastify's pino, one JSON object a line) for `serve`
 * and `start`. Each request has a random id; a 500 shows it on its page (and in X-Request-Id)
 * so an administrator can find its entry. Nothing personal or secret is logged:
 * no headers, cookies, bodies or query strings; a request is named by its route pattern
 * (`/apply/receipt/:token`, not the token), with only its numeric parameters.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyRequest, FastifyServerOptions } from 'fastify';

export type LogDestination = { write(line: string): void };

/** A request id: 12 hex digits, short enough to read out over the telephone. */
export const newRequestId = () => randomBytes(6).toString('hex');

/** The logger options of buildApp: to `destination` (stdout when not given), or none. */
export function loggerOptions(destination?: LogDestination): FastifyServerOptions['logger'] {
  return {
    level: 'info',
    ...(destination ? { stream: destination } : {}),
    serializers: { req: requestEntry, res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }), err: errorEntry },
    // Belt and braces, should a header or body ever be logged by hand.
    redact: {
      paths: ['req.headers', 'req.body', 'req.query', 'res.headers', 'headers', 'body', 'cookies', '*.password', '*.cookie', '*.authorization'],
      censor: '[redacted]',
    },
  };
}

/** What a request's entry says about it. */
export function requestEntry(request: FastifyRequest) {
  return {
    method: request.method,
    route: request.routeOptions?.url ?? null,
    params: numericParams(request.params),
    remoteAddress: request.ip,
  };
}

const numericParams = (params: unknown): Record<string, string> | undefined => {
  if (!params || typeof params !== 'object') return undefined;
  const kept = Object.entries(params as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string' && /^\d{1,12}$/.test(e[1]));
  return kept.length ? Object.fromEntries(kept) : undefined;
};

/**
 * An error's type, message, code and stack, without the other fields drivers attach
 * (PostgreSQL's `detail` quotes the row's values).
 */
export function errorEntry(error: Error & { code?: unknown; statusCode?: unknown }) {
  return { type: error.name, message: error.message, code: error.code, statusCode: error.statusCode, stack: error.stack ?? '' };
}
