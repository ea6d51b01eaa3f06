/**
 * Secrecy markings and 保密审查 through the staff pages' forms, on both databases (issue 9):
 * numbered hits, a marking that cannot be masked, 全部遮蔽, the 解密 form and record, the
 * empty opinion form, the leader's approval page, and the annual report's review.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadDemo } from '../../src/app/demo/load.ts';
import { resolveAgency } from '../../src/app/agencies/resolve.ts';
import { reviewOpinions } from '../../src/law/secrecy.ts';
import { getItemRow, getVersion } from '../../src/store/catalogue-versions.repo.ts';
import { eventsFor } from '../../src/store/events.repo.ts';
import { reportVersions } from '../../src/store/reports.repo.ts';
import { eachDialect } from '../helpers/db.ts';
import { validId } from '../helpers/files.ts';
import { Client, testApp, textOf } from '../helpers/web.ts';

const draft = {
  title: '关于2026年度防汛物资储备情况的通报',
  summary: '',
  body: `秘密★1年\n本通报为内部资料。联系人手机13973012345，值班手机13973012346。经办人身份证号${validId}。`,
  category: 'notices',
  topic: '',
  statutoryItem: '',
  domain: '',
  docNo: '',
  documentKind: '',
  writtenDate: '',
  generatedDate: '2026-11-24',
  scope: '面向全社会',
};

const hitIds = (html: string) => [...html.matchAll(/<tr id="hit-(\d+)"/g)].map((m) => Number(m[1]));

eachDialect(
  'secrecy on the staff pages',
  (get) => {
    let app: FastifyInstance;
    let chaqi: number;
    before(async () => {
      app = await testApp(get().ctx);
      chaqi = (await resolveAgency(get().ctx, '插旗镇')).id;
    });
    after(async () => app.close());

    test('a marking is not masked; 全部遮蔽, 解密 and the approval page with the text as published', async () => {
      const editor = new Client(app);
      await editor.login('chaqi-editor');
      await editor.get(`/admin/items/new?agency=${chaqi}`);
      const created = await editor.post('/admin/items', { ...draft, agency: String(chaqi) });
      const versionPath = created.headers.location!.split('?')[0]!;
      const versionId = Number(versionPath.split('/').pop());
      await editor.get(versionPath);
      assert.equal((await editor.post(`${versionPath}/submit`, {})).statusCode, 303);

      const reviewer = new Client(app);
      await reviewer.login('chaqi-reviewer');
      const page = await reviewer.get(versionPath);
      const text = textOf(page.body);
      for (const n of [1, 2, 3, 4, 5]) assert.ok(text.includes(`第${n}处`), `hit ${n} numbered`);
      const [star] = hitIds(page.body);
      const markingRow = /<tr id="hit-\d+">[\s\S]*?<\/tr>/.exec(page.body.slice(page.body.indexOf(`<tr id="hit-${star}"`)))![0];
      assert.ok(!markingRow.includes('value="redacted"'), 'no 遮蔽 choice for a marking');
      assert.ok(markingRow.includes(`/admin/hits/${star}/declassify`), 'the 解密 form instead');
      assert.ok(page.body.includes('全部遮蔽：手机号码（2处）'));
      // The opinion form starts empty: nothing chosen, nothing written.
      const reviewForm = page.body.slice(page.body.indexOf('class="form review-form"'));
      assert.ok(!/name="opinionChoice"[^>]*checked/.test(reviewForm.slice(0, reviewForm.indexOf('</form>'))));
      assert.match(reviewForm, /<textarea id="field-opinion" name="opinion" rows="3"[^>]*><\/textarea>/);

      const masked = await reviewer.post(`/admin/hits/${star}`, { resolution: 'redacted', reason: '' });
      assert.equal(masked.statusCode, 400);
      assert.ok(textOf(masked.body).includes('不是个人信息，不能遮蔽或直接确认公开'));
      const claimed = await reviewer.post(`${versionPath}/review`, { opinionChoice: 'clear', opinion: '' });
      assert.equal(claimed.statusCode, 400);
      assert.ok(textOf(claimed.body).includes('不能记录“不涉及国家秘密”的意见'));
      assert.ok(claimed.body.includes('value="clear" checked'), 'the choice is kept');

      const all = await reviewer.post(`${versionPath}/settle-all`, { kind: 'mobile' });
      assert.equal(all.statusCode, 303);
      assert.ok(textOf((await reviewer.get(all.headers.location!)).body).includes('已将2处“手机号码”全部遮蔽'));
      const item = (await getItemRow(get().ctx.db, (await getVersion(get().ctx.db, versionId))!.item_id))!;
      assert.equal((await eventsFor(get().ctx.db, 'catalogueItem', item.id)).filter((e) => e.action === 'catalogue.hitsSettled').length, 1);

      const empty = await reviewer.post(`/admin/hits/${star}/declassify`, { docNo: '', date: '', authority: '' });
      assert.equal(empty.statusCode, 400);
      assert.ok(
        empty.body.includes('href="#field-declassification-docNo"') && empty.body.includes('id="field-declassification-docNo"'),
        'the error links to its field',
      );
      const declassified = await reviewer.post(`/admin/hits/${star}/declassify`, {
        docNo: '华防指解〔2026〕2号',
        date: '2026-11-20',
        authority: '华容县防汛抗旱指挥部',
        allMarkings: '1',
      });
      assert.equal(declassified.statusCode, 303);
      const recorded = textOf((await reviewer.get(declassified.headers.location!)).body);
      assert.ok(recorded.includes('已登记解密决定，2处标识将按原样公开'));
      assert.ok(recorded.includes('华防指解〔2026〕2号') && recorded.includes('华容县防汛抗旱指挥部'), 'the 解密 record is on the version page');
      const idHit = hitIds((await reviewer.get(versionPath)).body)[4]!;
      assert.equal((await reviewer.post(`/admin/hits/${idHit}`, { resolution: 'redacted', reason: '' })).statusCode, 303);
      await reviewer.get(versionPath);
      assert.equal((await reviewer.post(`${versionPath}/review`, { opinionChoice: 'declassifiedMasked', opinion: '' })).statusCode, 303);

      const leader = new Client(app);
      await leader.login('chaqi-leader');
      const versionPage = await leader.get(versionPath);
      assert.ok(!versionPage.body.includes(`action="${versionPath}/approve"`), 'approval goes through the approval page');
      assert.ok(versionPage.body.includes(`href="${versionPath}/approval"`));
      const approval = await leader.get(`${versionPath}/approval`);
      assert.equal(approval.statusCode, 200);
      const article = textOf(/<article class="as-published">[\s\S]*?<\/article>/.exec(approval.body)![0]);
      assert.ok(article.includes('秘密★1年') && article.includes('本通报为内部资料。'), 'the marking as printed');
      assert.ok(article.includes('139****2345') && article.includes('430623********1237') && !article.includes(validId), article);
      assert.ok(textOf(approval.body).includes(reviewOpinions.declassifiedMasked.text));
      const approved = await leader.post(`${versionPath}/approve`, {});
      assert.equal(approved.statusCode, 303);
      const published = (await getItemRow(get().ctx.db, item.id))!;
      assert.equal(published.status, 'published');
      assert.ok(article.includes(published.body.split('\n')[1]!), 'the page showed what the portal shows');
    });

    test("the approval page is the agency's own: others get 404", async () => {
      const { ctx } = get();
      const waiting = await ctx.db.selectFrom('item_versions').select('id').where('state', '=', 'inReview').executeTakeFirstOrThrow();
      const other = new Client(app);
      await other.login('zhanghua-leader');
      assert.equal((await other.get(`/admin/versions/${waiting.id}/approval`)).statusCode, 404);
    });

    test('an annual report is published only after its 保密审查', async () => {
      const wanyu = (await resolveAgency(get().ctx, '万庾镇')).id;
      const base = `/admin/reports/${wanyu}/2024`;
      const leader = new Client(app);
      await leader.login('wanyu-leader');
      const before = await leader.get(base);
      assert.ok(textOf(before.body).includes('尚未进行保密审查'));
      assert.ok(!before.body.includes(`action="${base}/publish"`));
      const refused = await leader.post(`${base}/publish`, {});
      assert.equal(refused.statusCode, 400);
      assert.ok(textOf(refused.body).includes('2024年度报告未经保密审查，不得发布'));
      assert.equal((await leader.post(`${base}/review`, { opinionChoice: 'clear' })).statusCode, 403, 'a leader does not review');

      const other = new Client(app);
      await other.login('chaqi-reviewer');
      assert.equal((await other.get(`${base}/review`)).statusCode, 404);

      const reviewer = new Client(app);
      await reviewer.login('wanyu-reviewer');
      const page = await reviewer.get(`${base}/review`);
      assert.equal(page.statusCode, 200);
      assert.ok(!/name="opinionChoice"[^>]*checked/.test(page.body));
      assert.ok(!page.body.includes('value="masked"'), 'only the opinions that fit a report');
      const empty = await reviewer.post(`${base}/review`, { opinion: '' });
      assert.equal(empty.statusCode, 400);
      assert.ok(textOf(empty.body).includes('请填写或选择保密审查意见'));
      const done = await reviewer.post(`${base}/review`, { opinionChoice: 'clear', opinion: '报告中的数字与台账一致。' });
      assert.equal(done.statusCode, 303);
      assert.ok(textOf((await reviewer.get(done.headers.location!)).body).includes('已记录保密审查意见'));

      const ready = await leader.get(base);
      assert.ok(textOf(ready.body).includes(`保密审查意见：${reviewOpinions.clear.text}报告中的数字与台账一致。`));
      assert.equal((await leader.post(`${base}/publish`, {})).statusCode, 303);
      const [v] = await reportVersions(get().ctx.db, wanyu, 2024);
      assert.ok(v?.reviewId);
    });
  },
  async (t) => void (await loadDemo(t.ctx)),
);
