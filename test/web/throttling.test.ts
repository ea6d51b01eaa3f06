/**
 * Rate limits and log-in throttling (issue 15, point 3): the client address behind a
 * trusted proxy is the last untrusted hop, so a spoofed X-Forwarded-For changes nothing;
 * limits are counted in the database, so two apps on one database count together; and an
 * account is locked after ten failed log-ins whatever the addresses, with a growing delay,
 * an audit event, and a notice to its owner at the next log-in.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadDemo } from '../../src/app/demo/load.ts';
import { buildApp } from '../../src/web/app.ts';
import { eachDialect } from '../helpers/db.ts';
import { Client, textOf } from '../helpers/web.ts';
import { userId } from '../helpers/catalogue.ts';

const search = '/search?q=%E9%95%87';
const proxy = '10.9.9.9';

eachDialect(
  'rate limits and log-in throttling',
  (get) => {
    let clock = new Date('2026-11-27T02:00:00.000Z');
    const apps: FastifyInstance[] = [];
    /** An app as one process of an installation: its own memory, the shared database. */
    const processApp = async (scope: string) => {
      const app = await buildApp({ ctx: { ...get().ctx, now: () => clock }, secureCookies: false, trustProxy: [proxy], rateLimitScope: scope });
      await app.ready();
      apps.push(app);
      return app;
    };
    let one: FastifyInstance;
    let two: FastifyInstance;
    before(async () => {
      one = await processApp('install|');
      two = await processApp('install|');
    });
    after(async () => Promise.all(apps.map((a) => a.close())));

    const searchFrom = (app: FastifyInstance, remoteAddress: string, forwarded?: string) =>
      app.inject({ method: 'GET', url: search, remoteAddress, headers: forwarded ? { 'x-forwarded-for': forwarded } : {} }).then((r) => r.statusCode);

    test('a spoofed X-Forwarded-For from an untrusted address does not change the limit', async () => {
      const app = await processApp('spoof|');
      const statuses: number[] = [];
      for (let i = 0; i < 61; i++) statuses.push(await searchFrom(app, '203.0.113.5', `198.18.${i >> 8}.${i & 255}`));
      assert.deepEqual(statuses.slice(0, 60), Array(60).fill(200));
      assert.equal(statuses[60], 429);
    });

    test('behind the trusted proxy the client is the last untrusted hop, whatever it prepends', async () => {
      const app = await processApp('hop|');
      const statuses: number[] = [];
      for (let i = 0; i < 61; i++) statuses.push(await searchFrom(app, proxy, `198.18.0.${i}, 198.51.100.7`));
      assert.deepEqual(statuses.slice(0, 60), Array(60).fill(200));
      assert.equal(statuses[60], 429);
      // Another client behind the same proxy has its own limit.
      assert.equal(await searchFrom(app, proxy, '198.51.100.8'), 200);
      // The proxy's own hops are skipped: a chain of trusted proxies still names the client.
      assert.equal(await searchFrom(app, proxy, `198.51.100.7, ${proxy}`), 429);
    });

    test('two processes on one database count together', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 61; i++) statuses.push(await searchFrom(i % 2 ? two : one, '203.0.113.9'));
      assert.deepEqual(statuses.slice(0, 60), Array(60).fill(200));
      assert.equal(statuses[60], 429);
      // The window ends after its minute.
      clock = new Date(clock.getTime() + 61_000);
      assert.equal(await searchFrom(two, '203.0.113.9'), 200);
    });

    test('the 11th failed log-in for one account is throttled whatever the address, then the owner is told', async () => {
      const { ctx } = get();
      const attemptFrom = async (app: FastifyInstance, address: string, password: string) => {
        const c = new Client(app, { remoteAddress: address });
        await c.get('/admin/login');
        return c.post('/admin/login', { username: 'chaqi-editor', password });
      };
      // Ten wrong passwords from ten addresses, through both processes.
      for (let i = 0; i < 10; i++) {
        const res = await attemptFrom(i % 2 ? two : one, `192.0.2.${i + 1}`, `wrong-${i}`);
        assert.equal(res.statusCode, 400, `attempt ${i + 1}`);
        if (i === 9) assert.match(textOf(res.body), /连续登录失败10次，该账号已暂时锁定至2026-11-27 10:02（北京时间）/);
      }
      // The 11th, from a new address and with the right password, waits.
      const locked = await attemptFrom(one, '192.0.2.99', 'gongkai-demo');
      assert.equal(locked.statusCode, 429);
      assert.equal(locked.headers['retry-after'], '60');
      assert.match(textOf(locked.body), /登录失败次数过多，该账号已暂时锁定，请于2026-11-27 10:02（北京时间）以后再试/);
      assert.doesNotMatch(String(locked.headers['set-cookie'] ?? ''), /gk_session=/);
      const lockedOut = await ctx.db.selectFrom('audit_events').selectAll().where('action', '=', 'auth.lockedOut').execute();
      assert.equal(lockedOut.length, 1);
      assert.equal(lockedOut[0]!.subject_id, String(await userId(ctx, 'chaqi-editor')));
      assert.equal(lockedOut[0]!.actor_id, null);
      assert.deepEqual(JSON.parse(lockedOut[0]!.payload), { failures: 10, lockedUntil: '2026-11-27T02:02:01.000Z' });

      // The lockout ends; the next failure locks for twice as long.
      clock = new Date('2026-11-27T02:02:02.000Z');
      assert.equal((await attemptFrom(two, '192.0.2.50', 'wrong-again')).statusCode, 400);
      clock = new Date('2026-11-27T02:03:03.000Z');
      const longer = await attemptFrom(one, '192.0.2.51', 'gongkai-demo');
      assert.equal(longer.statusCode, 429);
      assert.equal(longer.headers['retry-after'], '59');

      // After it, the right password works and the owner sees what happened.
      clock = new Date('2026-11-27T02:05:00.000Z');
      const owner = await attemptFrom(two, '192.0.2.60', 'gongkai-demo');
      assert.equal(owner.statusCode, 200);
      const text = textOf(owner.body);
      assert.match(text, /账号安全提醒/);
      assert.match(text, /有人以错误的密码尝试登录您的账号11次，账号因此被暂时锁定2次；最近一次尝试在2026-11-27 10:02（北京时间）/);
      assert.match(owner.body, /<a href="\/admin">继续<\/a>/);
      assert.match(String(owner.headers['set-cookie'] ?? ''), /gk_session=/);
      // Told once: the next log-in goes straight in.
      assert.equal((await attemptFrom(one, '192.0.2.61', 'gongkai-demo')).statusCode, 303);
    });

    test('an unknown user name is throttled the same way (no hint that it does not exist)', async () => {
      const c = new Client(one, { remoteAddress: '192.0.2.200' });
      await c.get('/admin/login');
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) statuses.push((await c.post('/admin/login', { username: 'nobody-here', password: 'x' })).statusCode);
      assert.deepEqual(statuses, [...Array(10).fill(400), 429]);
    });
  },
  async (t) => void (await loadDemo(t.ctx)),
);
