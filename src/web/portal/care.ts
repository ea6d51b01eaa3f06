/** The 关怀版 switch: a cookie and a redirect back, so it works without JavaScript. */
import type { FastifyInstance } from 'fastify';
import { careCookie } from '../views/page.ts';
import { one } from './lookup.ts';

/** Only a path on this site: not `//host` or `/\host` (browsers read both as another site), no control characters. */
export function safeBack(raw: string): string {
  if (!/^\/(?![/\\])[^\u0000-\u001f\u007f]{0,2000}$/.test(raw)) return '/';
  // A Location header carries bytes, not characters: anything past ASCII goes percent-encoded as UTF-8.
  return raw.replace(/[^\u0020-\u007e]+/gu, (s) => [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''));
}

export async function careRoutes(app: FastifyInstance) {
  app.get('/care', async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const on = one(query.on) === '1';
    const back = safeBack(one(query.back));
    if (on) reply.setCookie(careCookie, '1', { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax', httpOnly: true, secure: request.protocol === 'https' });
    else reply.clearCookie(careCookie, { path: '/' });
    return reply.header('cache-control', 'no-store').redirect(back, 303);
  });
}
