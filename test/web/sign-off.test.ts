/**
 * The sign-off pages, on both databases: the agency's setting page (read by its staff,
 * changed by its head or administrator, with CSRF), and the dashboard marking what waits
 * for the head; a draft the head returns with a reason goes back to the editor's form.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadDemo } from '../../src/app/demo/load.ts';
import { resolveAgency } from '../../src/app/agencies/resolve.ts';
import { eachDialect } from '../helpers/db.ts';
import { Client, testApp, textOf } from '../helpers/web.ts';

eachDialect(
  'sign-off pages',
  (get) => {
    let app: FastifyInstance;
    let chaqi: number;
    before(async () => {
      app = await testApp(get().ctx);
      chaqi = (await resolveAgency(get().ctx, '插旗镇')).id;
    });
    after(async () => app.close());
    const as = async (username: string) => {
      const c = new Client(app);
      await c.login(username);
      return c;
    };

    test('the setting page: staff read it, the head changes it, nobody else', async () => {
      const page = `/admin/requests/sign-off?agency=${chaqi}`;
      const editor = await as('chaqi-editor');
      const read = await editor.get(page);
      assert.equal(read.statusCode, 200);
      assert.ok(textOf(read.body).includes('本单位尚未设置'));
      assert.ok(textOf(read.body).includes('只有本单位的审核领导或单位管理员可以修改'));
      assert.equal((await editor.post(page, { scope: 'all' })).statusCode, 403);
      const stranger = await as('zhanghua-leader');
      assert.equal((await stranger.get(page)).statusCode, 404);
      const head = await as('chaqi-leader');
      await head.get(page);
      assert.equal((await head.post(page, { scope: 'all' }, { csrf: false })).statusCode, 403, 'no CSRF token, no change');
      const saved = await head.post(page, { scope: 'all' });
      assert.equal(saved.statusCode, 303);
      const after = await head.get(saved.headers.location!);
      assert.ok(textOf(after.body).includes('已保存') && textOf(after.body).includes('最近由插旗镇审核领导于'));
      assert.match(after.body, /value="all" checked/);
      const form = await editor.get(`/admin/requests/${await waitingCase()}`);
      assert.ok(!textOf(form.body).includes('作出答复并生成答复书'));
      await head.post(page, { scope: 'refusals' });
    });

    /** The demo's draft waiting for 插旗镇's head. */
    const waitingCase = async () =>
      (await get().ctx.db.selectFrom('applications').select('id').where('agency_id', '=', chaqi).where('sign_off', '=', 'reply').executeTakeFirstOrThrow()).id;
    const openCase = async () =>
      (
        await get()
          .ctx.db.selectFrom('applications')
          .select('id')
          .where('agency_id', '=', chaqi)
          .where('state', '=', 'inProgress')
          .where('sign_off', 'is', null)
          .executeTakeFirstOrThrow()
      ).id;

    test('the dashboard marks what waits for the head; a returned draft goes back to the editor with its reason', async () => {
      const editor = await as('chaqi-editor');
      const dashboard = textOf((await editor.get(`/admin/requests?agency=${chaqi}`)).body);
      assert.ok(dashboard.includes('答复待签发') && dashboard.includes('延期待审批'));
      const id = await waitingCase();
      const path = `/admin/requests/${id}`;
      const waiting = await editor.get(path);
      assert.ok(textOf(waiting.body).includes('正在等待政府信息公开工作机构负责人签发'));
      assert.ok(!waiting.body.includes(`action="${path}/sign-off"`), 'an editor has no signing form');
      assert.equal((await editor.post(`${path}/sign-off`, { on: '2026-11-27', draftSeq: '1' })).statusCode, 403);
      const head = await as('chaqi-leader');
      const signing = await head.get(path);
      const draftSeq = /name="draftSeq" value="(\d+)"/.exec(signing.body)![1]!;
      const empty = await head.post(`${path}/acts/replyReturned`, { on: '2026-11-27', reason: '', draftSeq });
      assert.equal(empty.statusCode, 400);
      assert.ok(textOf(empty.body).includes('请填写退回的理由和修改意见'));
      assert.equal((await head.post(`${path}/acts/replyReturned`, { on: '2026-11-27', reason: '请引用会议纪要的文号', draftSeq })).statusCode, 303);
      const back = textOf((await editor.get(path)).body);
      assert.ok(back.includes('负责人退回答复草稿') && back.includes('退回理由：请引用会议纪要的文号；负责人：插旗镇审核领导'));
      assert.ok(back.includes('提交负责人签发'), 'the reply form is back for the editor');
      const other = await openCase();
      assert.ok(textOf((await head.get(`/admin/requests/${other}`)).body).includes('签发并作出答复'), 'the head replies by signing');
    });
  },
  async (t) => void (await loadDemo(t.ctx)),
);
