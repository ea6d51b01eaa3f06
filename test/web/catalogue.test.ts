/** The staff pages of the catalogue through their forms, on both databases. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadDemo } from '../../src/app/demo/load.ts';
import { resolveAgency } from '../../src/app/agencies/resolve.ts';
import { getItemRow, getVersion } from '../../src/store/catalogue-versions.repo.ts';
import { eachDialect } from '../helpers/db.ts';
import { docxWith, validId } from '../helpers/files.ts';
import { Client, testApp, textOf } from '../helpers/web.ts';

const draft = {
  title: '关于插旗镇2026年冬季征兵体检的通知',
  summary: '冬季征兵体检安排',
  body: '请应征青年按时参加体检。',
  category: 'notices',
  topic: '国防/国防动员',
  statutoryItem: '',
  domain: '',
  docNo: '',
  documentKind: '',
  writtenDate: '',
  generatedDate: '2026-11-24',
  scope: '面向全社会',
};

eachDialect(
  'catalogue staff pages',
  (get) => {
    let app: FastifyInstance;
    let chaqi: number;
    before(async () => {
      app = await testApp(get().ctx);
      chaqi = (await resolveAgency(get().ctx, '插旗镇')).id;
    });
    after(async () => app.close());

    test('an item goes from the form through screening, review and approval to the portal', async () => {
      const editor = new Client(app);
      await editor.login('chaqi-editor');
      await editor.get(`/admin/items/new?agency=${chaqi}`);
      const created = await editor.post('/admin/items', { ...draft, agency: String(chaqi) });
      assert.equal(created.statusCode, 303);
      const versionPath = created.headers.location!.split('?')[0]!;
      const versionId = Number(versionPath.split('/').pop());
      const page = await editor.get(versionPath);
      assert.ok(page.body.includes('应于') && page.body.includes('个工作日'), 'the 第二十六条 clock shows');
      const uploaded = await editor.upload(`${versionPath}/attachments`, '体检名单.docx', await docxWith(`应征青年李某，身份证号${validId}`));
      assert.equal(uploaded.statusCode, 303, uploaded.body.slice(0, 300));
      await editor.get(versionPath);
      assert.equal((await editor.post(`${versionPath}/submit`, {})).statusCode, 303);

      const reviewer = new Client(app);
      await reviewer.login('chaqi-reviewer');
      const review = await reviewer.get(versionPath);
      assert.ok(review.body.includes(`<mark>${validId}</mark>`), 'the hit is shown in context');
      const hitId = /action="\/admin\/hits\/(\d+)"/.exec(review.body)?.[1];
      assert.ok(hitId);
      const early = await reviewer.post(`${versionPath}/review`, { opinion: '同意' });
      assert.equal(early.statusCode, 400);
      assert.ok(textOf(early.body).includes('还有1处筛查结果未处理'));
      const justified = await reviewer.post(`/admin/hits/${hitId}`, { resolution: 'justified', reason: '' });
      assert.equal(justified.statusCode, 400);
      assert.ok(textOf(justified.body).includes('须说明理由'));
      assert.equal((await reviewer.post(`/admin/hits/${hitId}`, { resolution: 'redacted', reason: '' })).statusCode, 303);
      await reviewer.get(versionPath);
      assert.equal((await reviewer.post(`${versionPath}/review`, { opinion: '经审查同意遮蔽后公开' })).statusCode, 303);

      const leader = new Client(app);
      await leader.login('chaqi-leader');
      await leader.get(versionPath);
      const approved = await leader.post(`${versionPath}/approve`, {});
      assert.equal(approved.statusCode, 303);
      const done = await leader.get(approved.headers.location!);
      assert.match(textOf(done.body), /已公开，索引号 006382564L\/2026-\d{5}/);
      const version = (await getVersion(get().ctx.db, versionId))!;
      assert.equal(version.state, 'published');
      assert.equal((await getItemRow(get().ctx.db, version.item_id))!.status, 'published');
    });

    test('a disguised or missing attachment and an empty title are named on the page, nothing is saved', async () => {
      const editor = new Client(app);
      await editor.login('chaqi-editor');
      await editor.get(`/admin/items/new?agency=${chaqi}`);
      const empty = await editor.post('/admin/items', { ...draft, title: '', agency: String(chaqi) });
      assert.equal(empty.statusCode, 400);
      assert.ok(textOf(empty.body).includes('“名称”不能为空'));
      const order = await editor.post('/admin/items', { ...draft, generatedDate: '2027-01-05', agency: String(chaqi) });
      assert.equal(order.statusCode, 400);
      assert.ok(textOf(order.body).includes('公开日期不能早于生成日期'));

      const created = await editor.post('/admin/items', { ...draft, title: '附件校验', agency: String(chaqi) });
      const versionPath = created.headers.location!.split('?')[0]!;
      await editor.get(versionPath);
      const disguised = await editor.upload(`${versionPath}/attachments`, '通知.docx', new TextEncoder().encode('%PDF-1.4\n1 0 obj\n'));
      assert.equal(disguised.statusCode, 400);
      assert.match(textOf(disguised.body), /通知\.docx/);
      const tooBig = await editor.upload(`${versionPath}/attachments`, '大.pdf', new Uint8Array(20 * 1024 * 1024 + 10));
      assert.equal(tooBig.statusCode, 400);
      assert.ok(textOf(tooBig.body).includes('20 MB'));
      const count = await get()
        .ctx.db.selectFrom('item_attachments')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('version_id', '=', Number(versionPath.split('/').pop()))
        .executeTakeFirstOrThrow();
      assert.equal(Number(count.n), 0);
    });

    test("staff of another agency do not see the agency's drafts; the dashboard lists what waits", async () => {
      const other = new Client(app);
      await other.login('zhanghua-editor');
      const { ctx } = get();
      const chaqiDraft = await ctx.db
        .selectFrom('item_versions as v')
        .innerJoin('catalogue_items as i', 'i.id', 'v.item_id')
        .select('v.id')
        .where('i.agency_id', '=', chaqi)
        .where('v.state', '=', 'inReview')
        .executeTakeFirstOrThrow();
      const hidden = await other.get(`/admin/versions/${chaqiDraft.id}`);
      const missing = await other.get('/admin/versions/999999');
      assert.equal(hidden.statusCode, 404);
      const main = (body: string) => /<main[\s\S]*<\/main>/.exec(body)?.[0];
      assert.equal(main(hidden.body), main(missing.body), "another agency's draft reads exactly like a missing one");
      const item = await ctx.db.selectFrom('item_versions').select('item_id').where('id', '=', chaqiDraft.id).executeTakeFirstOrThrow();
      assert.equal(main((await other.get(`/admin/items/${item.item_id}`)).body), main((await other.get('/admin/items/999999')).body));
      const reviewer = new Client(app);
      await reviewer.login('chaqi-reviewer');
      const dash = await reviewer.get('/admin');
      assert.ok(textOf(dash.body).includes('关于插旗镇2026年第四季度临时救助对象的公示'), 'the demo draft waiting for 保密审查');
      const zhanghua = new Client(app);
      await zhanghua.login('zhanghua-editor');
      assert.ok(textOf((await zhanghua.get('/admin')).body).includes('已超过条例第二十六条公开期限'), 'an overdue draft');
    });
  },
  async (t) => void (await loadDemo(t.ctx)),
);
