/**
 * Log-in and log-out of staff. Log-in is rate-limited per client address (formRateLimit)
 * and throttled per account whatever the address (src/app/auth/throttle.ts); every
 * attempt is audited, and the owner of a locked account is told at the next log-in.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/context.ts';
import { login, logout, sessionHours, type LockoutNotice } from '../../app/auth/sessions.ts';
import { LoginLocked } from '../../app/auth/throttle.ts';
import { portalDateTime } from '../../domain/shared/dates.ts';
import { InputError, type FieldError } from '../../domain/shared/result.ts';
import { formRateLimit } from '../plugins/security.ts';
import { changePasswordPage, clearSessionCookie, sessionCookie, setSessionCookie } from '../plugins/session.ts';
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

  /** The first page after a log-in that follows a lockout: the owner learns of the attempts. */
  const noticePage = async (reply: Parameters<typeof sendPage>[0], next: string, notice: LockoutNotice) =>
    sendPage(
      reply,
      <Layout title="账号安全提醒" site={await siteInfo(ctx.db)} area="admin">
        <h1>账号安全提醒</h1>
        <div class="notice" role="alert">
          <p>
            自您上次登录以来，有人以错误的密码尝试登录您的账号{notice.failures}次，账号因此被暂时锁定{notice.lockouts}次；最近一次尝试在
            {portalDateTime(notice.lastFailedAt)}（北京时间）。
          </p>
          <p>如果这些尝试不是您本人所为，请立即在“我的账号”中修改密码，并告知本单位管理员。</p>
        </div>
        <p>
          <a href={next}>继续</a>
        </p>
      </Layout>,
    );

  app.post<{ Body: { username?: string; password?: string; next?: string } }>(
    '/admin/login',
    { config: formRateLimit, preHandler: app.csrfProtection },
    async (request, reply) => {
      const body = request.body ?? {};
      const next = safeNext(body.next);
      try {
        const { token, notice, user } = await login(ctx, String(body.username ?? ''), String(body.password ?? ''));
        setSessionCookie(reply, token, sessionHours * 3600, opts.secureCookies);
        // A password an administrator issued is changed before anything else.
        const then = user.mustChangePassword ? changePasswordPage : next;
        if (notice) return noticePage(reply, then, notice);
        return reply.redirect(then, 303);
      } catch (e) {
        if (e instanceof InputError) return loginPage(reply, next, e.errors, String(body.username ?? ''), 400);
        if (!(e instanceof LoginLocked)) throw e;
        reply.header('retry-after', String(Math.max(1, Math.ceil((Date.parse(e.until) - ctx.now().getTime()) / 1000))));
        return loginPage(reply, next, [{ field: 'password', code: 'GK_LOGIN_LOCKED', message: e.message }], String(body.username ?? ''), 429);
      }
    },
  );

  app.post('/admin/logout', { preHandler: app.csrfProtection }, async (request, reply) => {
    await logout(ctx, request.cookies[sessionCookie]);
    clearSessionCookie(reply);
    return reply.redirect('/', 303);
  });
}
