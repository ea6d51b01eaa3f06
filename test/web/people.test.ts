import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadDemo } from '../../src/app/demo/load.ts';
import { listAgencies } from '../../src/store/agencies.repo.ts';
import { eachDialect } from '../helpers/db.ts';
import { Client, testApp, textOf } from '../helpers/web.ts';

const secretOf = (html: string) => /<code class="secret">([^<]+)<\/code>/.exec(html)?.[1];

eachDialect(
  'agencies and staff accounts',
  (get) => {
    let app: FastifyInstance;
    before(async () => {
      app = await testApp(get().ctx);
    });
    after(async () => app.close());

    test('a platform administrator adds a town; bad codes and missing fields are named', async () => {
      const { ctx } = get();
      const c = new Client(app);
      await c.login('platform-admin');
      await c.get('/admin/agencies');
      const county = (await listAgencies(ctx.db)).find((a) => a.kind === 'countyGovernment')!;
      const bad = await c.post('/admin/agencies', { name: '华容县东山镇人民政府', shortName: '', kind: 'town', code: '114306230063999990', parentId: String(county.id), recordsFrom: '2025' });
      assert.equal(bad.statusCode, 400);
      const text = textOf(bad.body);
      assert.ok(text.includes('单位简称应为2至20个字'));
      assert.ok(text.includes('统一社会信用代码 114306230063999990 的校验位不正确'));
      const ok = await c.post('/admin/agencies', { name: '华容县东山镇人民政府', shortName: '东山镇', kind: 'town', code: '006382999', parentId: String(county.id), recordsFrom: '2025' });
      assert.equal(ok.statusCode, 400, 'a 9-character code must carry its check digit');
      const good = await c.post('/admin/agencies', { name: '华容县东山镇人民政府', shortName: '东山镇', kind: 'town', code: '11430623006387840B', parentId: String(county.id), recordsFrom: '2025' });
      assert.equal(good.statusCode, 200);
      assert.ok((await listAgencies(ctx.db)).some((a) => a.shortName === '东山镇' && a.parentId === county.id));
      const dup = await c.post('/admin/agencies', { name: '华容县东山镇人民政府', shortName: '东山镇', kind: 'town', code: '11430623006387840B', parentId: String(county.id), recordsFrom: '2025' });
      assert.ok(textOf(dup.body).includes('已有名为“华容县东山镇人民政府”的单位'));
    });

    test('only platform administrators manage agencies', async () => {
      const c = new Client(app);
      await c.login('chaqi-agency-admin');
      assert.equal((await c.get('/admin/agencies')).statusCode, 403);
    });

    test('an agency administrator creates an editor for the own agency, who logs in with the one-time password', async () => {
      const admin = new Client(app);
      await admin.login('chaqi-agency-admin');
      const page = await admin.get('/admin/users');
      assert.equal(page.statusCode, 200);
      assert.ok(page.body.includes('chaqi-editor') && !page.body.includes('zhanghua-editor'), 'sees only the own agency');
      assert.ok(!page.body.includes('value="platformAdmin"') && !page.body.includes('value="countySupervisor"'));
      const chaqiId = /<option value="(\d+)">华容县插旗镇人民政府<\/option>/.exec(page.body)?.[1];
      assert.ok(chaqiId);
      const created = await admin.post('/admin/users', { username: 'chaqi-liaison', displayName: '陈联络', role: 'editor', agencyId: chaqiId });
      assert.equal(created.statusCode, 200);
      const password = secretOf(created.body);
      assert.ok(password && password.length >= 16);
      const liaison = new Client(app);
      assert.equal((await liaison.login('chaqi-liaison', password)).statusCode, 303);
      assert.equal((await liaison.get(`/admin/reports/${chaqiId}/2024`)).statusCode, 200);

      const zhanghua = (await listAgencies(get().ctx.db)).find((a) => a.shortName === '章华镇')!;
      const foreign = await admin.post('/admin/users', { username: 'sneaky', displayName: '外单位', role: 'leader', agencyId: String(zhanghua.id) });
      assert.equal(foreign.statusCode, 403);
      const taken = await admin.post('/admin/users', { username: 'chaqi-liaison', displayName: '重复', role: 'editor', agencyId: chaqiId });
      assert.ok(textOf(taken.body).includes('用户名“chaqi-liaison”已被使用'));
    });

    test('disabling an account ends its sessions; a reset password replaces the old one', async () => {
      const admin = new Client(app);
      await admin.login('chaqi-agency-admin');
      const page = await admin.get('/admin/users');
      const row = /<tr><td>chaqi-reviewer<\/td>.*?action="\/admin\/users\/(\d+)\/reset-password"/s.exec(page.body);
      assert.ok(row);
      const id = row[1];
      const reviewer = new Client(app);
      await reviewer.login('chaqi-reviewer');
      assert.equal((await reviewer.get('/admin')).statusCode, 200);
      await admin.post(`/admin/users/${id}/disable`, {});
      assert.equal((await reviewer.get('/admin')).statusCode, 303, 'the session ended');
      assert.equal((await new Client(app).login('chaqi-reviewer')).statusCode, 400);
      await admin.post(`/admin/users/${id}/enable`, {});
      const reset = await admin.post(`/admin/users/${id}/reset-password`, {});
      const fresh = secretOf(reset.body);
      assert.ok(fresh);
      assert.equal((await new Client(app).login('chaqi-reviewer')).statusCode, 400, 'the old password no longer works');
      assert.equal((await new Client(app).login('chaqi-reviewer', fresh)).statusCode, 303);
    });

    test('a user changes the own password', async () => {
      const c = new Client(app);
      await c.login('zhihedu-editor');
      await c.get('/admin/account');
      const bad = await c.post('/admin/account/password', { current: 'wrong', next: 'short', confirm: 'short' });
      assert.equal(bad.statusCode, 400);
      assert.ok(textOf(bad.body).includes('当前密码不正确'));
      assert.ok(textOf(bad.body).includes('新密码至少10位'));
      const ok = await c.post('/admin/account/password', { current: 'gongkai-demo', next: 'a-much-longer-secret', confirm: 'a-much-longer-secret' });
      assert.equal(ok.statusCode, 200);
      assert.equal((await c.get('/admin')).statusCode, 200, 'this session stays');
      assert.equal((await new Client(app).login('zhihedu-editor')).statusCode, 400);
      assert.equal((await new Client(app).login('zhihedu-editor', 'a-much-longer-secret')).statusCode, 303);
    });
  },
  async (t) => void (await loadDemo(t.ctx)),
);
