/**
 * 投诉、举报 (条例 第四十七条) and 更正 (第四十一条) through the pages, on both databases: the
 * portal's form (CSRF, rate limit, each error at its field), the 指南's link to it, the county
 * supervisor's list, handling and answer, the county supervision page, and the 更正 pages.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadDemo } from '../../src/app/demo/load.ts';
import { resolveAgency } from '../../src/app/agencies/resolve.ts';
import { eachDialect } from '../helpers/db.ts';
import { Client, testApp, textOf } from '../helpers/web.ts';

eachDialect(
  'complaint and 更正 pages',
  (get) => {
    let app: FastifyInstance;
    let chaqi: number;
    before(async () => {
      app = await testApp(get().ctx);
      chaqi = (await resolveAgency(get().ctx, '插旗镇')).id;
    });
    after(async () => app.close());

    const complaint = (over: Record<string, string> = {}) => ({
      kind: 'complaint',
      agency: String(chaqi),
      content: '插旗镇未在20个工作日内答复我的申请（YSQ2026-00001）。',
      name: '王五',
      phone: '13973012345',
      email: '',
      ...over,
    });

    test("the 指南's 监督和救济 links to the form, which files a complaint without log-in", async () => {
      const c = new Client(app, { remoteAddress: '10.0.0.1' });
      const guide = await c.get(`/agencies/${chaqi}/guide`);
      assert.ok(guide.body.includes(`href="/complaints?agency=${chaqi}"`));
      assert.ok(textOf(guide.body).includes('在线投诉、举报'));
      const form = await c.get(`/complaints?agency=${chaqi}`);
      assert.equal(form.statusCode, 200);
      assert.match(form.body, new RegExp(`<option value="${chaqi}" selected`));
      assert.equal(form.headers['cache-control'], 'no-store');
      const missing = await c.post('/complaints', complaint({ name: '', phone: '' }));
      assert.equal(missing.statusCode, 400);
      assert.ok(textOf(missing.body).includes('投诉需要填写姓名或者名称'));
      assert.ok(textOf(missing.body).includes('投诉需要填写联系电话'));
      assert.ok(missing.body.includes('插旗镇未在20个工作日内答复'), 'the values come back as typed');
      const filed = await c.post('/complaints', complaint());
      assert.equal(filed.statusCode, 200);
      assert.match(textOf(filed.body), /投诉已提交.*编号为 TS2026-\d{5}.*2026年12月25日前将处理结果告知您/);
      const anonymous = await c.post('/complaints', complaint({ kind: 'report', name: '', phone: '' }));
      assert.match(textOf(anonymous.body), /举报已提交.*JB2026-\d{5}/);
    });

    test('the form refuses a post without its CSRF token, and limits posts per address', async () => {
      const c = new Client(app, { remoteAddress: '10.0.0.2' });
      await c.get('/complaints');
      assert.equal((await c.post('/complaints', complaint(), { csrf: false })).statusCode, 403);
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) statuses.push((await c.post('/complaints', complaint({ content: '' }))).statusCode);
      assert.equal(statuses.at(-1), 429);
    });

    test('the county supervisor sees it on the supervision pages, records the handling and the answer', async () => {
      const citizen = new Client(app, { remoteAddress: '10.0.0.3' });
      await citizen.get('/complaints');
      const filed = await citizen.post('/complaints', complaint({ content: '插旗镇主动公开栏目两年未更新。', kind: 'report', name: '', phone: '' }));
      const receiptNo = /JB2026-\d{5}/.exec(textOf(filed.body))![0];

      const supervisor = new Client(app);
      await supervisor.login('county-supervisor');
      const county = await supervisor.get('/admin/county/2025');
      assert.ok(textOf(county.body).includes('投诉、举报（条例第四十七条）'));
      assert.ok(county.body.includes(receiptNo));
      const list = await supervisor.get('/admin/supervision/complaints');
      assert.equal(list.statusCode, 200);
      const href = new RegExp(`href="(/admin/supervision/complaints/\\d+)">${receiptNo}`).exec(list.body)![1]!;
      const page = await supervisor.get(href);
      assert.ok(textOf(page.body).includes('插旗镇主动公开栏目两年未更新。'));
      assert.ok(textOf(page.body).includes('（匿名）'));
      assert.ok(textOf(page.body).includes('答复期限 2026-12-25'));

      const empty = await supervisor.post(`${href}/handling`, { on: '2026-11-27', note: '' });
      assert.equal(empty.statusCode, 400);
      assert.ok(textOf(empty.body).includes('请填写处理情况'));
      assert.equal((await supervisor.post(`${href}/handling`, { on: '2026-11-27', note: '已核查，责令插旗镇5个工作日内更新。' })).statusCode, 303);
      await supervisor.get(href);
      assert.equal((await supervisor.post(`${href}/answer`, { on: '2026-11-27', method: 'none', answer: '已责令整改，结果存档。' })).statusCode, 303);
      const closed = textOf((await supervisor.get(href)).body);
      assert.ok(closed.includes('已于2026-11-27办结'));
      assert.ok(closed.includes('已核查，责令插旗镇5个工作日内更新。'));

      // The town's own staff do not see complaints about it (personal data): 404.
      const editor = new Client(app);
      await editor.login('chaqi-editor');
      assert.equal((await editor.get(href)).statusCode, 404);
      assert.equal((await editor.get('/admin/supervision/complaints')).statusCode, 404);
    });

    test('staff register one received by phone or in person; the supervisor sets the county time limits', async () => {
      const supervisor = new Client(app);
      await supervisor.login('county-supervisor');
      await supervisor.get('/admin/supervision/complaints/new');
      const bad = await supervisor.post('/admin/supervision/complaints/new', { ...complaint(), channel: '', receivedDate: '2026-11-20' });
      assert.equal(bad.statusCode, 400);
      assert.ok(textOf(bad.body).includes('请选择收到的方式'));
      const ok = await supervisor.post('/admin/supervision/complaints/new', { ...complaint(), channel: 'phone', receivedDate: '2026-11-20' });
      assert.equal(ok.statusCode, 303);
      assert.ok(textOf((await supervisor.get(ok.headers.location!)).body).includes('电话'));
      await supervisor.get('/admin/supervision/complaints');
      const editor = new Client(app);
      await editor.login('chaqi-editor');
      assert.ok((await editor.get('/admin')).body.includes('href="/admin/supervision/complaints/new"'));
      await editor.get('/admin/supervision/complaints/new');
      const byTown = await editor.post('/admin/supervision/complaints/new', {
        ...complaint({ content: '镇政府信息公开栏目无法访问。' }),
        channel: 'inPerson',
        receivedDate: '2026-11-26',
      });
      assert.equal(byTown.statusCode, 200);
      assert.match(textOf(byTown.body), /已登记，编号为TS2026-\d{5}，已转交华容县人民政府政府信息公开工作主管部门处理/);
      assert.ok(textOf((await supervisor.get('/admin/supervision/complaints')).body).includes('2026-11-26'));
      const limits = await supervisor.post('/admin/supervision/limits', { correctionDays: '3', complaintDays: '15' });
      assert.equal(limits.statusCode, 400);
      assert.ok(textOf(limits.body).includes('更正申请的办理时限应为5至60个工作日'));
    });

    test('更正: registered and decided through the pages, with its letter in HTML and Word; another town finds nothing', async () => {
      const editor = new Client(app);
      await editor.login('chaqi-editor');
      const list = await editor.get('/admin/corrections');
      assert.ok(list.body.includes(`/admin/corrections/new?agency=${chaqi}`));
      await editor.get(`/admin/corrections/new?agency=${chaqi}`);
      const form = {
        channel: 'inPerson',
        receivedDate: '2026-11-20',
        applicantType: 'naturalPerson',
        name: '李四',
        phone: '13973012345',
        email: '',
        address: '',
        record: '低保名单中李四的家庭人口数',
        requestedChange: '应为4人',
        evidence: '户口簿',
      };
      const bad = await editor.post(`/admin/corrections/new?agency=${chaqi}`, { ...form, evidence: '' });
      assert.equal(bad.statusCode, 400);
      assert.ok(textOf(bad.body).includes('请填写申请人提供的证据'));
      const res = await editor.post(`/admin/corrections/new?agency=${chaqi}`, form);
      assert.equal(res.statusCode, 303);
      const path = res.headers.location!.split('?')[0]!;
      const page = textOf((await editor.get(path)).body);
      assert.ok(page.includes('办理期限 2026-12-18（20个工作日）'));
      const missing = await editor.post(`${path}/decide`, { decision: 'corrected', on: '2026-11-27', correctionResult: '' });
      assert.equal(missing.statusCode, 400);
      assert.ok(textOf(missing.body).includes('请填写更正的内容'));
      await editor.get(path);
      assert.equal((await editor.post(`${path}/decide`, { decision: 'corrected', on: '2026-11-27', correctionResult: '已更正为4人' })).statusCode, 303);
      const decided = await editor.get(path);
      assert.ok(textOf(decided.body).includes('政府信息更正告知书'));
      const docx = /href="(\/admin\/corrections\/\d+\/letters\/\d+\.docx)"/.exec(decided.body)![1]!;
      const word = await editor.get(docx);
      assert.equal(word.statusCode, 200);
      assert.match(String(word.headers['content-type']), /wordprocessingml/);

      const other = new Client(app);
      await other.login('zhanghua-editor');
      assert.equal((await other.get(path)).statusCode, 404);
      assert.equal((await other.get(docx)).statusCode, 404);
    });
  },
  async (t) => void (await loadDemo(t.ctx)),
);
