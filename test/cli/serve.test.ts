import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { gongkai, startServer as start } from '../helpers/cli.ts';

describe('starting the platform', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-serve-'));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('start loads the demo into a new database, prints the demo log-ins, and serves the portal', async () => {
    const env = { DATABASE_URL: `file:${path.join(tmp, 'demo.db')}` };
    const first = await start('start', env);
    try {
      assert.match(first.output, /新数据库：已载入演示县/);
      assert.match(first.output, /chaqi-leader/);
      assert.match(first.output, /county-supervisor/);
      assert.doesNotMatch(first.output, /已创建平台管理员账号/);
      const home = await fetch(first.url);
      assert.equal(home.status, 200);
      assert.match(await home.text(), /华容县插旗镇人民政府/);
    } finally {
      await first.stop();
    }
    const again = await start('start', env);
    await again.stop();
    assert.doesNotMatch(again.output, /已载入演示县/);
  });

  test('serve on a new database creates one platform administrator with a password printed once', async () => {
    const env = { DATABASE_URL: `file:${path.join(tmp, 'real.db')}` };
    const first = await start('serve', env);
    await first.stop();
    const m = /用户名 (\S+)，密码 (\S+)/.exec(first.output);
    assert.ok(m, first.output);
    assert.equal(m[1], 'admin');
    assert.doesNotMatch(first.output, /演示账号/);
    const second = await start('serve', env);
    try {
      assert.doesNotMatch(second.output, /已创建平台管理员账号/);
      const loginPage = await fetch(`${second.url}/admin/login`);
      const cookies = loginPage.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const csrf = /name="_csrf" value="([^"]+)"/.exec(await loginPage.text())![1]!;
      const login = await fetch(`${second.url}/admin/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies },
        body: new URLSearchParams({ _csrf: csrf, username: 'admin', password: m[2]! }).toString(),
      });
      assert.equal(login.status, 303);
      assert.equal(login.headers.get('location'), '/admin/account', 'the printed password is changed at the first log-in');
    } finally {
      await second.stop();
    }
  });

  test('GONGKAI_TRUST_PROXY=1 is refused at start, before anything is written', async () => {
    const file = path.join(tmp, 'proxy.db');
    const run = await gongkai(['serve'], { DATABASE_URL: `file:${file}`, GONGKAI_TRUST_PROXY: '1', PORT: '0' });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^错误：GONGKAI_TRUST_PROXY=1 会信任任何来源伪造的 X-Forwarded-For/);
    assert.equal(fs.existsSync(file), false);
  });

  test('serve logs each request to stdout as JSON, with no password or cookie', async () => {
    const env = { DATABASE_URL: `file:${path.join(tmp, 'logs.db')}`, GONGKAI_TRUST_PROXY: '127.0.0.1' };
    const server = await start('start', env);
    try {
      const page = await fetch(`${server.url}/admin/login`, { headers: { 'x-forwarded-for': '198.51.100.23' } });
      const cookies = page.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
      const login = await fetch(`${server.url}/admin/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies },
        body: new URLSearchParams({ _csrf: csrf, username: 'chaqi-editor', password: 'gongkai-demo' }).toString(),
      });
      assert.equal(login.status, 303);
      await server.stop();
      const logLines = server.output.split('\n').filter((l) => l.startsWith('{'));
      const entries = logLines.map(
        (l) => JSON.parse(l) as { reqId?: string; msg: string; req?: { method: string; route: string; remoteAddress: string }; res?: { statusCode: number } },
      );
      // The log-in's two entries share its request id.
      const id = entries.find((e) => e.msg === 'incoming request' && e.req?.method === 'POST' && e.req.route === '/admin/login')?.reqId;
      assert.match(id ?? '', /^[0-9a-f]{12}$/);
      const done = entries.find((e) => e.reqId === id && e.msg === 'request completed');
      assert.deepEqual(done?.res, { statusCode: 303 });
      // The address behind the trusted proxy is the client's.
      assert.ok(entries.some((e) => e.req?.route === '/admin/login' && e.req.remoteAddress === '198.51.100.23'));
      // (The banner of `start` names the demo password; the log does not.)
      for (const secret of ['gongkai-demo', 'chaqi-editor', csrf, cookies.split('=')[1]!]) assert.ok(!logLines.join('').includes(secret), secret);
    } finally {
      await server.stop();
    }
  });
});
