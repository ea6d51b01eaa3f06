/**
 * Request and error logs (issue 15, point 5): one JSON entry per request and per error,
 * the 500 page shows the request id its entry is logged under, and no personal data or
 * secrets reach the log (headers, cookies, bodies, query strings, tokens in paths).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadDemo } from '../../src/app/demo/load.ts';
import { buildApp } from '../../src/web/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { Client, httpGet, listening } from '../helpers/web.ts';

let t: TestDatabase;
let app: FastifyInstance;
const lines: string[] = [];
const entries = () => lines.map((l) => JSON.parse(l) as Record<string, unknown> & { reqId?: string; level: number; msg: string });

before(async () => {
  t = await createTestDatabase('sqlite');
  await loadDemo(t.ctx);
  app = await buildApp({ ctx: t.ctx, secureCookies: false, logger: { write: (line) => void lines.push(line) } });
  // A handler that fails, as an unexpected fault would.
  app.get('/admin/fault', async () => {
    throw new Error('unexpected fault');
  });
  await app.ready();
});
after(async () => {
  await app.close();
  await t.drop();
});

test('a 500 page shows the request id, and the log has the error under that id', async () => {
  const res = await app.inject({ method: 'GET', url: '/admin/fault', headers: { 'x-request-id': 'chosen-by-client' } });
  assert.equal(res.statusCode, 500);
  const id = res.headers['x-request-id'] as string;
  assert.match(id, /^[0-9a-f]{12}$/);
  assert.ok(res.body.includes(`错误编号：<code>${id}</code>`), res.body);
  const failed = entries().find((e) => e.reqId === id && e.level === 50);
  assert.ok(failed, lines.join(''));
  assert.equal(failed.msg, 'request failed');
  const err = failed.err as { type: string; message: string; stack: string };
  assert.deepEqual([err.type, err.message], ['Error', 'unexpected fault']);
  assert.match(err.stack, /logging\.test\.ts/);
  const done = entries().find((e) => e.reqId === id && e.msg === 'request completed');
  assert.deepEqual(done?.res, { statusCode: 500 });
  assert.equal(typeof done?.responseTime, 'number');
  assert.ok(!lines.join('').includes('chosen-by-client'));
});

test('every request is logged with its route, not its query, body, headers or cookies', async () => {
  lines.length = 0;
  const c = new Client(app, { remoteAddress: '192.0.2.44' });
  await c.get('/admin/login');
  const login = await c.post('/admin/login', { username: 'chaqi-editor', password: 'gongkai-demo' });
  assert.equal(login.statusCode, 303);
  await c.get('/search?q=%E5%BC%A0%E4%B8%8913800138000');
  await c.get('/apply/receipt/Secret-Receipt-Token-123');
  await c.get('/items/1');
  const log = lines.join('');
  const cookie = String(login.headers['set-cookie']).split(';')[0]!.split('=')[1]!;
  for (const secret of ['gongkai-demo', 'chaqi-editor', cookie, c.csrf, '13800138000', '张三', 'Secret-Receipt-Token-123', 'gk_session', 'cookie']) {
    assert.ok(!log.includes(secret), `the log holds ${secret}`);
  }
  const requests = entries()
    .filter((e) => e.msg === 'incoming request')
    .map((e) => e.req as { method: string; route: string | null; params?: Record<string, string>; remoteAddress: string });
  assert.deepEqual(
    requests.map((r) => [r.method, r.route, r.params]),
    [
      ['GET', '/admin/login', undefined],
      ['POST', '/admin/login', undefined],
      ['GET', '/search', undefined],
      ['GET', '/apply/receipt/:token', undefined],
      ['GET', '/items/:id', { id: '1' }],
    ],
  );
  assert.deepEqual(new Set(requests.map((r) => r.remoteAddress)), new Set(['192.0.2.44']));
});

test('a page answered in front of Fastify is logged too, by its path', async () => {
  const item = await t.ctx.db.selectFrom('catalogue_items').select('id').where('status', '=', 'published').orderBy('id').executeTakeFirstOrThrow();
  const origin = await listening(app);
  await httpGet(origin, `/items/${item.id}`);
  lines.length = 0;
  const before = app.front.served;
  await httpGet(origin, `/items/${item.id}?from=list`);
  await httpGet(origin, `/items/${item.id}`);
  assert.ok(app.front.served > before, 'answered in front');
  assert.ok(
    entries().some((e) => e.keptPage === `/items/${item.id}` && (e.res as { statusCode: number }).statusCode === 200),
    lines.join(''),
  );
  assert.ok(!lines.join('').includes('from=list'));
});
