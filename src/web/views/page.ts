import type { FastifyReply } from 'fastify';

/** Sends a server-rendered page (a hono/jsx element) as HTML. */
export function sendPage(reply: FastifyReply, element: unknown, status = 200): FastifyReply {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .send(`<!doctype html>\n${String(element)}`);
}
