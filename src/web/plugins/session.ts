/**
 * Staff sessions on the staff and API routes: the session cookie holds a random token
 * (HttpOnly, SameSite=Lax, Secure over HTTPS); the user and roles are loaded per request.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AppContext } from '../../app/context.ts';
import { sessionUser } from '../../app/auth/sessions.ts';
import type { StaffUser } from '../../store/users.repo.ts';

declare module 'fastify' {
  interface FastifyRequest {
    staff: StaffUser | null;
  }
}

export const sessionCookie = 'gk_session';

export const sessions = fp(async (app: FastifyInstance, opts: { ctx: AppContext }) => {
  app.decorateRequest('staff', null);
  // A reader without a session cookie costs no look-up and no promise.
  app.addHook('onRequest', (request, _reply, done) => {
    const token = request.cookies[sessionCookie];
    if (!token) return done();
    sessionUser(opts.ctx, token).then(
      (user) => {
        request.staff = user;
        done();
      },
      (e: unknown) => done(e as Error),
    );
  });
});

/** The cookie lasts as long as the session; Max-Age (not Expires) so a browser with another clock keeps it. */
export function setSessionCookie(reply: FastifyReply, token: string, maxAgeSeconds: number, secure: boolean | 'auto') {
  reply.setCookie(sessionCookie, token, { httpOnly: true, sameSite: 'lax', path: '/', secure, maxAge: maxAgeSeconds });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(sessionCookie, { path: '/' });
}

/** For staff pages: the signed-in user, or a redirect to the log-in page. */
export async function requireStaffPage(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.staff) return;
  const next = encodeURIComponent(request.url);
  await reply.redirect(`/admin/login?next=${next}`, 303);
}

/** For the staff JSON API: the signed-in user, or 401. */
export async function requireStaffApi(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.staff) return;
  await reply.code(401).send({ error: { code: 'GK_LOGIN_REQUIRED', message: '请先登录' } });
}
