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

/** Where a user whose password an administrator issued may go: changing it (log-out is outside the staff area). */
export const changePasswordPage = '/admin/account';
const passwordRoutes = new Set([changePasswordPage, '/admin/account/password']);

/**
 * For staff pages: the signed-in user, or a redirect to the log-in page. A password an
 * administrator issued is changed first: every other staff page, and every form posted to
 * one, leads to the change-password page.
 */
export async function requireStaffPage(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!request.staff) {
    const next = encodeURIComponent(request.url);
    await reply.redirect(`/admin/login?next=${next}`, 303);
    return;
  }
  if (request.staff.mustChangePassword && !passwordRoutes.has(request.routeOptions.url ?? '')) await reply.redirect(changePasswordPage, 303);
}

/** For the staff JSON API: the signed-in user, or 401; 403 while the password an administrator issued is not changed. */
export async function requireStaffApi(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!request.staff) {
    await reply.code(401).send({ error: { code: 'GK_LOGIN_REQUIRED', message: '请先登录' } });
    return;
  }
  if (request.staff.mustChangePassword) {
    await reply.code(403).send({ error: { code: 'GK_PASSWORD_CHANGE_REQUIRED', message: '您的密码由管理员设置，须先在“我的账号”中修改密码才能使用' } });
  }
}
