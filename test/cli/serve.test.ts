import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { startServer as start } from '../helpers/cli.ts';

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
      const cookies = loginPage.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const csrf = /name="_csrf" value="([^"]+)"/.exec(await loginPage.text())![1]!;
      const login = await fetch(`${second.url}/admin/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies },
        body: new URLSearchParams({ _csrf: csrf, username: 'admin', password: m[2]! }).toString(),
      });
      assert.equal(login.status, 303);
      assert.equal(login.headers.get('location'), '/admin');
    } finally {
      await second.stop();
    }
  });
});
