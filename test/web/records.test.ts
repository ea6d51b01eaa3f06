import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadDemo } from '../../src/app/demo/load.ts';
import { resolveAgency } from '../../src/app/agencies/resolve.ts';
import { computeAgencyReport } from '../../src/app/reports/compute.ts';
import { getDecisionStatistics } from '../../src/store/records.repo.ts';
import { eventsFor } from '../../src/store/events.repo.ts';
import { eachDialect } from '../helpers/db.ts';
import { Client, testApp, textOf } from '../helpers/web.ts';

eachDialect(
  'recording the yearly law-enforcement statistics',
  (get) => {
    let app: FastifyInstance;
    let chaqi: number;
    before(async () => {
      app = await testApp(get().ctx);
      chaqi = (await resolveAgency(get().ctx, '插旗镇')).id;
    });
    after(async () => app.close());

    test('an editor records the figures; table 二 shows them and the change is audited', async () => {
      const { ctx } = get();
      const c = new Client(app);
      await c.login('chaqi-editor');
      const base = `/admin/reports/${chaqi}/2024`;
      await c.get(base);
      const res = await c.post(`${base}/statistics`, { licensing: '3', penalty: '11', coercion: '1', feesYuan: '12,345.60', note: '县司法局执法统计' });
      assert.equal(res.statusCode, 303);
      const { report } = await computeAgencyReport(ctx, await resolveAgency(ctx, '插旗镇'), 2024);
      assert.equal(report.active.licensing, 3);
      assert.equal(report.active.penalty, 11);
      assert.equal(report.active.coercion, 1);
      assert.equal(report.active.feesTenThousandYuan, 1.2346);
      const events = await eventsFor(ctx.db, 'decisionStatistics', `${chaqi}/2024`);
      assert.equal(events.at(-1)?.action, 'statistics.corrected');
      assert.deepEqual(JSON.parse(events.at(-1)!.payload).before, { licensing: 0, penalty: 6, coercion: 0, feesFen: 0 });
    });

    test('bad figures name their field and change nothing', async () => {
      const { ctx } = get();
      const c = new Client(app);
      await c.login('chaqi-editor');
      const base = `/admin/reports/${chaqi}/2023`;
      await c.get(base);
      const res = await c.post(`${base}/statistics`, { licensing: '-1', penalty: 'eight', coercion: '0', feesYuan: '1.234', note: '' });
      assert.equal(res.statusCode, 400);
      const text = textOf(res.body);
      assert.ok(text.includes('“行政许可本年处理决定数量”应为0或正整数'));
      assert.ok(text.includes('“行政处罚本年处理决定数量”应为0或正整数'));
      assert.ok(text.includes('“行政事业性收费金额”应以元为单位填写'));
      assert.equal((await getDecisionStatistics(ctx.db, chaqi, 2023))?.penalty, 8);
    });

    test('a leader or another agency cannot record them', async () => {
      const leader = new Client(app);
      await leader.login('chaqi-leader');
      const page = await leader.get(`/admin/reports/${chaqi}/2024`);
      assert.ok(!page.body.includes('/statistics"'));
      assert.equal(
        (await leader.post(`/admin/reports/${chaqi}/2024/statistics`, { licensing: '0', penalty: '0', coercion: '0', feesYuan: '0', note: '' })).statusCode,
        403,
      );
      const other = new Client(app);
      await other.login('zhanghua-editor');
      await other.get('/admin');
      assert.equal(
        (await other.post(`/admin/reports/${chaqi}/2024/statistics`, { licensing: '0', penalty: '0', coercion: '0', feesYuan: '0', note: '' })).statusCode,
        404,
      );
    });
  },
  async (t) => void (await loadDemo(t.ctx)),
);
