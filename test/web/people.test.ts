import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadDemo } from '../../src/app/demo/load.ts';
import { listAgencies } from '../../src/store/agencies.repo.ts';
import { grantRole } from '../../src/store/users.repo.ts';
import { itemForm } from '../helpers/catalogue.ts';
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
      const bad = await c.post('/admin/agencies', {
        name: '华容县东山镇人民政府',
        shortName: '',
        kind: 'town',
        code: '114306230063999990',
        parentId: String(county.id),
        recordsFrom: '2025',
      });
      assert.equal(bad.statusCode, 400);
      const text = textOf(bad.body);
      assert.ok(text.includes('单位简称应为2至20个字'));
      assert.ok(text.includes('统一社会信用代码 114306230063999990 的校验位不正确'));
      const ok = await c.post('/admin/agencies', {
        name: '华容县东山镇人民政府',
        shortName: '东山镇',
        kind: 'town',
        code: '006382999',
        parentId: String(county.id),
        recordsFrom: '2025',
      });
      assert.equal(ok.statusCode, 400, 'a 9-character code must carry its check digit');
      const good = await c.post('/admin/agencies', {
        name: '华容县东山镇人民政府',
        shortName: '东山镇',
        kind: 'town',
        code: '11430623006387840B',
        parentId: String(county.id),
        recordsFrom: '2025',
      });
      assert.equal(good.statusCode, 200);
      assert.ok((await listAgencies(ctx.db)).some((a) => a.shortName === '东山镇' && a.parentId === county.id));
      const dup = await c.post('/admin/agencies', {
        name: '华容县东山镇人民政府',
        shortName: '东山镇',
        kind: 'town',
        code: '11430623006387840B',
        parentId: String(county.id),
        recordsFrom: '2025',
      });
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
      assert.equal((await liaison.login('chaqi-liaison', password)).headers.location, '/admin/account', 'the issued password is changed first');
      await liaison.get('/admin/account');
      assert.equal(
        (await liaison.post('/admin/account/password', { current: password, next: 'Chen-lianluo.2026', confirm: 'Chen-lianluo.2026' })).statusCode,
        200,
      );
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
      // The probe of issue 15: each of these was accepted.
      for (const [weak, message] of [
        ['aaaaaaaaaa', '新密码不能只由一个或几个字符重复组成'],
        ['1234567890', '新密码不能是连续的数字、字母或键盘上相邻的按键'],
        ['zhihedu-editor', '新密码不能包含用户名'],
        ['woaini1314', '新密码是常用密码'],
      ]) {
        const refused = await c.post('/admin/account/password', { current: 'gongkai-demo', next: weak!, confirm: weak! });
        assert.equal(refused.statusCode, 400, weak);
        assert.ok(textOf(refused.body).includes(message!), `${weak}: ${textOf(refused.body).slice(0, 400)}`);
      }
      assert.equal((await new Client(app).login('zhihedu-editor')).statusCode, 303, 'the password did not change');
      const ok = await c.post('/admin/account/password', { current: 'gongkai-demo', next: 'a-much-longer-secret', confirm: 'a-much-longer-secret' });
      assert.equal(ok.statusCode, 200);
      assert.equal((await c.get('/admin')).statusCode, 200, 'this session stays');
      assert.equal((await new Client(app).login('zhihedu-editor')).statusCode, 400);
      assert.equal((await new Client(app).login('zhihedu-editor', 'a-much-longer-secret')).statusCode, 303);
    });

    test('an administrator-issued password must be changed at the first log-in, before any page or API call', async () => {
      const { ctx } = get();
      const chaqi = (await listAgencies(ctx.db)).find((a) => a.shortName === '插旗镇')!;
      const admin = new Client(app);
      await admin.login('chaqi-agency-admin');
      await admin.get('/admin/users');
      const issued = secretOf(
        (await admin.post('/admin/users', { username: 'chaqi-intern', displayName: '孙实习', role: 'editor', agencyId: String(chaqi.id) })).body,
      )!;
      assert.ok(issued);
      assert.ok(textOf((await admin.get('/admin/users')).body).includes('待本人修改初始密码'));

      const intern = new Client(app);
      const first = await intern.login('chaqi-intern', issued);
      assert.equal(first.statusCode, 303);
      assert.equal(first.headers.location, '/admin/account');
      for (const path of ['/admin', `/admin/items?agency=${chaqi.id}`, '/admin/users', `/admin/reports/${chaqi.id}/2024`]) {
        const r = await intern.get(path);
        assert.equal(r.statusCode, 303, path);
        assert.equal(r.headers.location, '/admin/account', path);
      }
      const api = await intern.get(`/api/reports/${chaqi.id}/2024`);
      assert.equal(api.statusCode, 403);
      assert.equal((JSON.parse(api.body) as { error: { code: string } }).error.code, 'GK_PASSWORD_CHANGE_REQUIRED');
      const page = await intern.get('/admin/account');
      assert.equal(page.statusCode, 200);
      assert.ok(textOf(page.body).includes('请先修改为只有您本人知道的密码'));
      const posted = await intern.post('/admin/items', { title: '未改密码时起草', agency: String(chaqi.id) });
      assert.equal(posted.headers.location, '/admin/account', 'a form is not acted on either');

      const forged = await intern.post('/admin/account/password', { current: issued, next: 'Sun-shixi.2026!', confirm: 'Sun-shixi.2026!' }, { csrf: false });
      assert.equal(forged.statusCode, 403, 'the change is CSRF-protected');
      await intern.get('/admin/account');
      const weak = await intern.post('/admin/account/password', { current: issued, next: 'chaqi-intern1', confirm: 'chaqi-intern1' });
      assert.equal(weak.statusCode, 400);
      assert.ok(textOf(weak.body).includes('新密码不能包含用户名'));
      const changed = await intern.post('/admin/account/password', { current: issued, next: 'Sun-shixi.2026!', confirm: 'Sun-shixi.2026!' });
      assert.equal(changed.statusCode, 200);
      assert.equal((await intern.get('/admin')).statusCode, 200);
      assert.equal((await intern.get(`/api/reports/${chaqi.id}/2024`)).statusCode, 200);
    });

    test('an agency administrator cannot take over a peer administrator; the county administrator manages both', async () => {
      const { ctx } = get();
      const chaqi = (await listAgencies(ctx.db)).find((a) => a.shortName === '插旗镇')!;
      const county = new Client(app);
      await county.login('county-agency-admin');
      await county.get('/admin/users');
      const made = await county.post('/admin/users', {
        username: 'chaqi-deputy-admin',
        displayName: '周副管',
        role: 'agencyAdmin',
        agencyId: String(chaqi.id),
      });
      assert.equal(made.statusCode, 200, textOf(made.body).slice(0, 300));
      const deputyPassword = secretOf(made.body)!;
      const deputyId = (await ctx.db.selectFrom('users').select('id').where('username', '=', 'chaqi-deputy-admin').executeTakeFirstOrThrow()).id;
      const chaqiAdminId = (await ctx.db.selectFrom('users').select('id').where('username', '=', 'chaqi-agency-admin').executeTakeFirstOrThrow()).id;

      const admin = new Client(app);
      await admin.login('chaqi-agency-admin');
      const list = await admin.get('/admin/users');
      assert.ok(!list.body.includes('chaqi-deputy-admin'), 'a peer administrator is not listed');
      assert.ok(!list.body.includes('value="agencyAdmin"'), 'nor offered as a role to give');
      for (const act of ['reset-password', 'disable']) assert.equal((await admin.post(`/admin/users/${deputyId}/${act}`, {})).statusCode, 404, act);
      assert.equal((await admin.get(`/admin/users/${deputyId}/roles`)).statusCode, 404);
      assert.equal((await admin.post(`/admin/users/${deputyId}/roles`, { change: 'revoke', role: 'agencyAdmin', agencyId: String(chaqi.id) })).statusCode, 404);
      assert.equal(
        (await admin.post('/admin/users', { username: 'chaqi-shadow-admin', displayName: '影子', role: 'agencyAdmin', agencyId: String(chaqi.id) })).statusCode,
        403,
      );

      const deputy = new Client(app);
      await deputy.login('chaqi-deputy-admin', deputyPassword);
      await deputy.get('/admin/account');
      await deputy.post('/admin/account/password', { current: deputyPassword, next: 'Zhou-fuguan.2026', confirm: 'Zhou-fuguan.2026' });
      await deputy.get('/admin/users');
      assert.equal((await deputy.post(`/admin/users/${chaqiAdminId}/reset-password`, {})).statusCode, 404, 'nor the other way round');
      assert.equal((await new Client(app).login('chaqi-agency-admin')).statusCode, 303, 'its password is unchanged');

      await county.get('/admin/users');
      const reset = await county.post(`/admin/users/${deputyId}/reset-password`, {});
      assert.equal(reset.statusCode, 200);
      assert.ok(secretOf(reset.body));
      const events = await ctx.db
        .selectFrom('audit_events')
        .select(['action', 'actor_id'])
        .where('subject_type', '=', 'user')
        .where('subject_id', '=', String(deputyId))
        .orderBy('id')
        .execute();
      assert.deepEqual(
        events.filter((e) => e.action.startsWith('user.')).map((e) => e.action),
        ['user.created', 'user.passwordChanged', 'user.passwordReset'],
      );
    });

    test('over HTTP: the author cannot review, and one person cannot both review and approve', async () => {
      const { ctx } = get();
      const chaqi = (await listAgencies(ctx.db)).find((a) => a.shortName === '插旗镇')!;
      const idOf = async (u: string) => (await ctx.db.selectFrom('users').select('id').where('username', '=', u).executeTakeFirstOrThrow()).id;
      // Extra roles, as any administrator above could give them: the rule holds whatever roles one person has.
      await grantRole(ctx.db, await idOf('chaqi-editor'), { role: 'reviewer', agencyId: chaqi.id });
      // (chaqi-reviewer's password was reset above: its leader reviews, and the administrator leads too.)
      await grantRole(ctx.db, await idOf('chaqi-leader'), { role: 'reviewer', agencyId: chaqi.id });
      await grantRole(ctx.db, await idOf('chaqi-agency-admin'), { role: 'leader', agencyId: chaqi.id });
      const editor = new Client(app);
      await editor.login('chaqi-editor');
      await editor.get(`/admin/items/new?agency=${chaqi.id}`);
      const created = await editor.post('/admin/items', { ...itemForm({ title: '插旗镇关于冬季供水的通知' }), agency: String(chaqi.id) });
      assert.equal(created.statusCode, 303);
      const versionPath = created.headers.location!.split('?')[0]!;
      await editor.get(versionPath);
      assert.equal((await editor.post(`${versionPath}/submit`, {})).statusCode, 303);
      await editor.get(versionPath);
      const own = await editor.post(`${versionPath}/review`, { opinion: '经审查，不涉及国家秘密，同意公开' });
      assert.equal(own.statusCode, 400);
      assert.ok(textOf(own.body).includes('保密审查须由撰稿人以外的审查员进行'));

      const reviewer = new Client(app);
      await reviewer.login('chaqi-leader');
      await reviewer.get(versionPath);
      assert.equal((await reviewer.post(`${versionPath}/review`, { opinion: '经审查，不涉及国家秘密，同意公开' })).statusCode, 303);
      await reviewer.get(`${versionPath}/approval`);
      const both = await reviewer.post(`${versionPath}/approve`, {});
      assert.equal(both.statusCode, 400);
      assert.ok(textOf(both.body).includes('批准公开须由保密审查人以外的审核领导进行'));
      const leader = new Client(app);
      await leader.login('chaqi-agency-admin');
      await leader.get(`${versionPath}/approval`);
      assert.equal((await leader.post(`${versionPath}/approve`, {})).statusCode, 303);
    });

    test('an agency administrator gives and takes a role on the roles page', async () => {
      const { ctx } = get();
      const chaqi = (await listAgencies(ctx.db)).find((a) => a.shortName === '插旗镇')!;
      const id = (await ctx.db.selectFrom('users').select('id').where('username', '=', 'chaqi-liaison').executeTakeFirstOrThrow()).id;
      const admin = new Client(app);
      await admin.login('chaqi-agency-admin');
      assert.ok((await admin.get('/admin/users')).body.includes(`href="/admin/users/${id}/roles"`));
      const page = await admin.get(`/admin/users/${id}/roles`);
      assert.equal(page.statusCode, 200);
      assert.ok(!page.body.includes('value="agencyAdmin"'), 'no administrator role on offer');
      const given = await admin.post(`/admin/users/${id}/roles`, { change: 'grant', role: 'reviewer', agencyId: String(chaqi.id) });
      assert.equal(given.statusCode, 200);
      assert.ok(textOf(given.body).includes('已增加角色') && textOf(given.body).includes('保密审查员（插旗镇）'));
      const forged = await admin.post(`/admin/users/${id}/roles`, { change: 'grant', role: 'reviewer', agencyId: String(chaqi.id) }, { csrf: false });
      assert.equal(forged.statusCode, 403);
      await admin.get(`/admin/users/${id}/roles`);
      const made = await admin.post(`/admin/users/${id}/roles`, { change: 'grant', role: 'agencyAdmin', agencyId: String(chaqi.id) });
      assert.equal(made.statusCode, 403);
      await admin.get(`/admin/users/${id}/roles`);
      const taken = await admin.post(`/admin/users/${id}/roles`, { change: 'revoke', role: 'reviewer', agencyId: String(chaqi.id) });
      assert.ok(textOf(taken.body).includes('已收回角色'));
    });
  },
  async (t) => void (await loadDemo(t.ctx)),
);
