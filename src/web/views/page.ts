import type { FastifyReply } from 'fastify';
import { jsx } from 'hono/jsx/jsx-runtime';
import { PageContext, type PageView } from './layout.tsx';

/** The 关怀版 (large print, high contrast) preference, set by GET /care. */
export const careCookie = 'gk_care';

/** What every page shows according to the request: the 关怀版 preference and the page's own address (for the switch's way back). */
function pageView(reply: FastifyReply): PageView {
  const request = reply.request;
  return { care: request.cookies?.[careCookie] === '1', path: request.url };
}

/**
 * Sends a server-rendered page (a hono/jsx element) as HTML. Pages differ by the 关怀版
 * cookie, so shared caches must key on it (Vary: Cookie).
 */
export function sendPage(reply: FastifyReply, element: unknown, status = 200): FastifyReply {
  return sendHtml(reply, renderPage(reply, element), status);
}

/** A page (a hono/jsx element) as the HTML sendPage sends, for the request `reply` answers. */
export function renderPage(reply: FastifyReply, element: unknown): string {
  return `<!doctype html>\n${String(jsx(PageContext.Provider, { value: pageView(reply), children: element as never }))}`;
}

/** The headers of every page besides the security headers (kept pages are sent with them too: src/web/portal/front.ts). */
export const htmlHeaders = { vary: 'Cookie', 'content-type': 'text/html; charset=utf-8' } as const;

/** Sends HTML made by renderPage, with sendPage's headers. */
export function sendHtml(reply: FastifyReply, html: string | Buffer, status = 200): FastifyReply {
  return reply.code(status).headers(htmlHeaders).send(html);
}
