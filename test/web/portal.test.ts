import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadDemo } from '../../src/app/demo/load.ts';
import { resolveAgency } from '../../src/app/agencies/resolve.ts';
import { currentReportsOfAgency } from '../../src/store/reports.repo.ts';
import { eachDialect } from '../helpers/db.ts';
import { Client, testApp, textOf } from '../helpers/web.ts';

eachDialect(
  'public portal',
  (get) => {
    let app: FastifyInstance;
    let chaqiId: number;
    let report2023: number;
    before(async () => {
      app = await testApp(get().ctx);
      chaqiId = (await resolveAgency(get().ctx, '插旗镇')).id;
      report2023 = (await currentReportsOfAgency(get().ctx.db, chaqiId)).find((r) => r.year === 2023)!.id;
    });
    after(async () => app.close());

    test('the home page lists every agency and the latest reports', async () => {
      const res = await new Client(app).get('/');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /<html lang="zh-CN">/);
      assert.match(res.body, /<meta name="SiteName" content="华容县人民政府"\/>/);
      for (const name of ['华容县插旗镇人民政府', '华容县章华镇人民政府', '华容县民政局']) assert.ok(res.body.includes(name), name);
      assert.ok(res.body.includes('华容县插旗镇人民政府2023年政府信息公开工作年度报告'));
      assert.ok(res.headers['content-security-policy']?.toString().includes("default-src 'self'"));
    });

    test('the 插旗镇 2023 report page carries the seed metadata block and the tables', async () => {
      const res = await new Client(app).get(`/annual-reports/${report2023}`);
      assert.equal(res.statusCode, 200);
      const text = textOf(res.body);
      for (const [k, v] of [
        ['索引号', '006382564L/2024-2169556'],
        ['发布机构', '插旗镇'],
        ['公开范围', '全部公开'],
        ['生成日期', '2024-03-07'],
        ['公开日期', '2024-03-07'],
        ['公开方式', '政府网站'],
      ]) {
        assert.ok(res.body.includes(`<dt>${k}</dt><dd>${v}</dd>`), `${k} ${v}`);
      }
      assert.ok(text.includes('华容县插旗镇人民政府2023年政府信息公开工作年度报告'));
      assert.ok(text.includes('来源：插旗镇 2024-03-07 15:01'));
      assert.ok(res.body.includes('<meta name="PubDate" content="2024-03-07 15:01"/>'));
      assert.ok(res.body.includes('<caption>三、收到和处理政府信息公开申请情况</caption>'));
      assert.ok(res.body.includes('scope="colgroup"') && res.body.includes('scope="row"'));
      assert.ok(text.includes('主动公开信息34条'));
    });

    test('the report downloads in every format', async () => {
      const client = new Client(app);
      for (const f of ['json', 'html', 'docx', 'xlsx', 'txt']) {
        const res = await client.get(`/annual-reports/${report2023}/download.${f}`);
        assert.equal(res.statusCode, 200, f);
        assert.match(String(res.headers['content-disposition']), /attachment; filename\*=UTF-8''/);
        assert.ok(res.rawPayload.length > 100, f);
      }
      const json = JSON.parse((await client.get(`/annual-reports/${report2023}/download.json`)).body);
      assert.equal(json.active.penalty, 8);
      assert.deepEqual(Object.keys(json), ['format', 'agency', 'year', 'active', 'applications', 'appeals', 'text', 'extra']);
      assert.equal((await client.get(`/annual-reports/${report2023}/download.pdf`)).statusCode, 404);
    });

    test("an agency's column lists its catalogue categories and its annual reports", async () => {
      const client = new Client(app);
      const res = await client.get(`/agencies/${chaqiId}`);
      assert.equal(res.statusCode, 200);
      assert.ok(res.body.includes('机构信息') && res.body.includes('通知公告'));
      assert.ok(res.body.includes('政府信息公开年报'));
      const list = await client.get(`/agencies/${chaqiId}/items?category=notices`);
      assert.equal(list.statusCode, 200);
      const link = /href="\/items\/(\d+)"/.exec(list.body);
      assert.ok(link);
      const item = await client.get(`/items/${link[1]}`);
      assert.equal(item.statusCode, 200);
      assert.ok(item.body.includes('<dt>索引号</dt><dd>006382564L/'));
      assert.equal((await client.get(`/agencies/${chaqiId}/annual-reports`)).statusCode, 200);
    });

    test('missing pages are a Chinese 404 page, not a stack trace', async () => {
      const client = new Client(app);
      for (const url of ['/annual-reports/999999', '/annual-reports/abc', '/agencies/0', '/items/999999', '/no/such/page']) {
        const res = await client.get(url);
        assert.equal(res.statusCode, 404, url);
        assert.match(res.body, /找不到|不存在/);
        assert.doesNotMatch(res.body, /at .*\.ts:\d+/);
      }
    });

    test("applicants' names never appear on the portal or the public API", async () => {
      const names = (await get().ctx.db.selectFrom('applications').select('applicant_name').execute()).map((r) => r.applicant_name);
      const client = new Client(app);
      const pages = [
        '/',
        '/agencies',
        `/agencies/${chaqiId}`,
        '/annual-reports',
        `/annual-reports/${report2023}`,
        '/api/agencies',
        `/api/annual-reports/${report2023}`,
      ];
      for (const p of pages) {
        const body = (await client.get(p)).body;
        for (const n of names) assert.ok(!body.includes(n), `${n} on ${p}`);
      }
    });

    test('the public API gives agencies and published reports as contract JSON', async () => {
      const client = new Client(app);
      const agencies = JSON.parse((await client.get('/api/agencies')).body);
      assert.ok(agencies.some((a: { shortName: string }) => a.shortName === '插旗镇'));
      const r = JSON.parse((await client.get(`/api/annual-reports/${report2023}`)).body);
      assert.equal(r.report.year, 2023);
      assert.equal(r.publication.indexNo, '006382564L/2024-2169556');
      assert.equal((await client.get('/api/annual-reports/0')).statusCode, 404);
    });
  },
  async (t) => void (await loadDemo(t.ctx)),
);
