/**
 * Errors become clear pages or JSON, never a stack trace: bad input names its field (400),
 * a missing or hidden record is 404 (the two look the same), a forbidden act is 403, and
 * anything unexpected is logged and shown as a plain 500 page.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError, InputError, NotFoundError, type FieldError } from '../../domain/shared/result.ts';
import { sendPage } from '../views/page.ts';
import { Layout } from '../views/layout.tsx';
import { siteInfo } from '../site.ts';
import type { AppContext } from '../../app/context.ts';

const wantsJson = (request: FastifyRequest) => request.url.startsWith('/api/');

async function problemPage(
  ctx: AppContext,
  reply: FastifyReply,
  status: number,
  title: string,
  message: string,
  errors: FieldError[] = [],
  requestId?: string,
) {
  const site = await siteInfo(ctx.db).catch(() => ({ name: '政府信息公开平台', domain: '', idCode: '', origin: null }));
  return sendPage(
    reply,
    <Layout title={title} site={site}>
      <h1>{title}</h1>
      <p>{message}</p>
      {requestId ? (
        <p>
          错误编号：<code>{requestId}</code>（向网站管理员反映问题时请告知此编号）
        </p>
      ) : (
        ''
      )}
      {errors.length > 0 ? (
        <ul>
          {errors.map((e) => (
            <li>{e.message}</li>
          ))}
        </ul>
      ) : (
        ''
      )}
      <p>
        <a href="/">返回首页</a>
      </p>
    </Layout>,
    status,
  );
}

export function installErrorHandling(app: FastifyInstance, ctx: AppContext): void {
  app.setNotFoundHandler(async (request, reply) => {
    if (wantsJson(request)) return reply.code(404).send({ error: { code: 'GK_NOT_FOUND', message: '找不到请求的内容' } });
    return problemPage(ctx, reply, 404, '页面不存在', '找不到您要访问的页面，可能已被移除或地址有误。');
  });
  app.setErrorHandler(async (error: FastifyError | Error, request, reply) => {
    if (error instanceof InputError) {
      if (wantsJson(request)) return reply.code(400).send({ error: { code: 'GK_INVALID_INPUT', message: error.message, fields: error.errors } });
      return problemPage(ctx, reply, 400, '提交的内容有误', '请返回修改后重新提交：', error.errors);
    }
    if (error instanceof NotFoundError) {
      if (wantsJson(request)) return reply.code(404).send({ error: { code: 'GK_NOT_FOUND', message: error.message } });
      return problemPage(ctx, reply, 404, '找不到', error.message);
    }
    if (error instanceof ForbiddenError) {
      if (wantsJson(request)) return reply.code(403).send({ error: { code: 'GK_FORBIDDEN', message: error.message } });
      return problemPage(ctx, reply, 403, '没有权限', error.message);
    }
    const status = (error as FastifyError).statusCode ?? 500;
    if (status === 403 && /csrf/i.test(error.message)) {
      if (wantsJson(request)) return reply.code(403).send({ error: { code: 'GK_CSRF', message: '表单已过期，请刷新页面后重试' } });
      return problemPage(ctx, reply, 403, '表单已过期', '为保护您的账号，表单需要有效的安全令牌。请刷新页面后重新提交。');
    }
    if (status === 429) {
      if (wantsJson(request)) return reply.code(429).send({ error: { code: 'GK_RATE_LIMIT', message: '操作过于频繁，请稍后再试' } });
      return problemPage(ctx, reply, 429, '操作过于频繁', '请稍后再试。');
    }
    if (status >= 400 && status < 500) {
      if (wantsJson(request)) return reply.code(status).send({ error: { code: 'GK_BAD_REQUEST', message: '请求格式不正确' } });
      return problemPage(ctx, reply, status, '请求有误', '请求的格式不正确，请检查后重试。');
    }
    // Logged under the request's id, which the page shows and X-Request-Id carries (JSON too).
    request.log.error({ err: error }, 'request failed');
    reply.header('x-request-id', request.id);
    if (wantsJson(request)) return reply.code(500).send({ error: { code: 'GK_INTERNAL', message: '服务器内部错误' } });
    return problemPage(ctx, reply, 500, '服务暂时不可用', '服务器处理请求时出错，请稍后再试。我们已记录此问题。', [], request.id);
  });
}
