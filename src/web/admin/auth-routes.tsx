/** Log-in and log-out of staff. Log-in is rate-limited per client and every attempt is audited. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/context.ts';
import { login, logout, sessionHours } from '../../app/auth/sessions.ts';
import { InputError, type FieldError } from '../../domain/shared/result.ts';
import { formRateLimit, loginAttemptsPerAccount, tooManyRequests } from '../plugins/security.ts';
import { clearSessionCookie, sessionCookie, setSessionCookie } from '../plugins/session.ts';
import { siteInfo } from '../site.ts';
import { ErrorSummary, Layout } from '../views/layout.tsx';
import { sendPage } from '../views/page.ts';

/** Only paths inside the staff area are followed after log-in (no open redirect). */
function safeNext(next: unknown): string {
  const s = typeof next === 'string' ? next : '';
  return /^\/admin(\/|\?|$)/.test(s) && !s.startsWith('//') ? s : '/admin';
}

export async function authRoutes(app: FastifyInstance, opts: { ctx: AppContext; secureCookies: boolean | 'auto' }) {
  const { ctx } = opts;

  const loginPage = async (reply: Parameters<typeof sendPage>[0], next: string, errors: FieldError[], username = '', status = 200) => {
    const site = await siteInfo(ctx.db);
    const csrf = reply.generateCsrf();
    return sendPage(
      reply,
      <Layout title="工作人员登录" site={site} area="admin">
        <h1>工作人员登录</h1>
        <ErrorSummary errors={errors} />
        <form method="post" action="/admin/login" class="form narrow">
          <input type="hidden" name="_csrf" value={csrf} />
          <input type="hidden" name="next" value={next} />
          <div class="field">
            <label for="field-username">用户名</label>
            <input id="field-username" name="username" autocomplete="username" required value={username} />
          </div>
          <div class="field">
            <label for="field-password">密码</label>
            <input id="field-password" name="password" type="password" autocomplete="current-password" required />
          </div>
          <button type="submit">登录</button>
        </form>
      </Layout>,
      status,
    );
  };

  app.get<{ Querystring: { next?: string } }>('/admin/login', async (request, reply) => {
    if (request.staff) return reply.redirect(safeNext(request.query.next), 303);
    return loginPage(reply, safeNext(request.query.next), []);
  });

  const perAccount = app.createRateLimit({
    ...loginAttemptsPerAccount,
    keyGenerator: (request) => `${request.ip}|${String((request.body as { username?: unknown } | undefined)?.username ?? '').trim()}`,
  });

  app.post<{ Body: { username?: string; password?: string; next?: string } }>(
    '/admin/login',
    { config: formRateLimit, preHandler: app.csrfProtection },
    async (request, reply) => {
      const body = request.body ?? {};
      const limit = await perAccount(request);
      if (!limit.isAllowed && limit.isExceeded) throw tooManyRequests();
      try {
        const { token } = await login(ctx, String(body.username ?? ''), String(body.password ?? ''));
        setSessionCookie(reply, token, sessionHours * 3600, opts.secureCookies);
        return reply.redirect(safeNext(body.next), 303);
      } catch (e) {
        if (e instanceof InputError) return loginPage(reply, safeNext(body.next), e.errors, String(body.username ?? ''), 400);
        throw e;
      }
    },
  );

  app.post('/admin/logout', { preHandler: app.csrfProtection }, async (request, reply) => {
    await logout(ctx, request.cookies[sessionCookie]);
    clearSessionCookie(reply);
    return reply.redirect('/', 303);
  });
}
