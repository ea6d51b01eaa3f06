import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadDemo, demoAccounts } from '../../src/app/demo/load.ts';
import { computeAgencyReport, computeYearReports } from '../../src/app/reports/compute.ts';
import { resolveAgency } from '../../src/app/agencies/resolve.ts';
import { applicationRowKeys, applicationColumnKeys } from '../../src/law/report-format/index.ts';
import { currentReportsOfAgency } from '../../src/store/reports.repo.ts';
import { renderReportText } from '../../src/render/report/txt.ts';
import { eachDialect } from '../helpers/db.ts';
import { normalise, sectionLines, seedActive, seedText, tableValues } from '../helpers/seed.ts';

eachDialect(
  'demo county',
  (get) => {
    test('插旗镇 2023 reproduces every number of the seed', async () => {
      const { ctx } = get();
      const chaqi = await resolveAgency(ctx, '插旗镇');
      const { report } = await computeAgencyReport(ctx, chaqi, 2023);
      assert.equal(report.agency, '华容县插旗镇人民政府');
      assert.deepEqual(report.active, seedActive);
      for (const key of applicationRowKeys) assert.deepEqual(report.applications.rows[key], [0, 0, 0, 0, 0, 0, 0], key);
      for (const group of Object.values(report.appeals)) assert.deepEqual(Object.values(group), [0, 0, 0, 0, 0]);
      assert.deepEqual(tableValues(renderReportText({ report })), tableValues(seedText));
    });

    test('插旗镇 2023 reproduces the seed narrative', async () => {
      const { ctx } = get();
      const { report, narrative } = await computeAgencyReport(ctx, await resolveAgency(ctx, '插旗镇'), 2023);
      const seedOverview = sectionLines(seedText, '一、总体情况', '二、主动公开政府信息情况');
      const seedProblems = sectionLines(seedText, '五、存在的主要问题及改进情况', '六、其他需要报告的事项');
      assert.deepEqual(report.text.overview.split('\n').map(normalise), seedOverview.map(normalise));
      assert.deepEqual(report.text.problems.split('\n').map(normalise), seedProblems.map(normalise));
      assert.equal(report.text.other, '无。');
      assert.ok(
        report.text.overview.includes('主动公开信息34条，其中，机构信息2条，政策文件3条，规划计划6条，人事信息4条，资金信息1条，通知公告16条，其他信息2条。'),
      );
      assert.equal(narrative?.signer, '插旗镇人民政府办公室');
      assert.equal(narrative?.signedDate, '2024-02-06');
    });

    test('the 2023 report of 插旗镇 is published with the seed metadata', async () => {
      const { ctx } = get();
      const chaqi = await resolveAgency(ctx, '插旗镇');
      const published = (await currentReportsOfAgency(ctx.db, chaqi.id)).find((p) => p.year === 2023);
      assert.ok(published);
      assert.equal(published.indexNo, '006382564L/2024-2169556');
      assert.equal(published.publisher, '插旗镇');
      assert.equal(published.scope, '全部公开');
      assert.equal(published.generatedDate, '2024-03-07');
      assert.equal(published.disclosureMode, '政府网站');
      assert.equal(published.report.active.penalty, 8);
    });

    test('every row and column of table 三 is non-zero somewhere in the county', async () => {
      const { ctx } = get();
      const sums = new Map<string, number>();
      for (const year of [2022, 2023, 2024]) {
        for (const c of await computeYearReports(ctx, year)) {
          for (const row of applicationRowKeys) {
            c.report.applications.rows[row].forEach((v, i) => {
              const k = `${row}/${applicationColumnKeys[i]}`;
              sums.set(row, (sums.get(row) ?? 0) + (v ?? 0));
              sums.set(k, (sums.get(k) ?? 0) + (v ?? 0));
            });
          }
        }
      }
      for (const row of applicationRowKeys) assert.ok((sums.get(row) ?? 0) > 0, `row ${row} is zero everywhere`);
      for (const col of applicationColumnKeys) assert.ok((sums.get(`newReceived/${col}`) ?? 0) > 0, `column ${col} is zero everywhere`);
    });

    test('carry-overs and appeals span the years, and every computed 2022-2024 report passes its rules', async () => {
      const { ctx } = get();
      let carried = 0;
      let pending = 0;
      for (const year of [2022, 2023, 2024]) {
        for (const c of await computeYearReports(ctx, year)) {
          carried += c.report.applications.rows.carriedForward[6] ?? 0;
          pending += Object.values(c.report.appeals).reduce((s, g) => s + (g.pending ?? 0), 0);
          const errors = c.findings.filter((f) => f.severity === 'error');
          // The seed states no 信息处理费 and no result of 考核、评议、责任追究 (X-04, 第五十条第（四）项).
          if (c.agency.shortName === '插旗镇' && year === 2023)
            assert.deepEqual(
              errors.map((f) => f.rule),
              ['X-03', 'X-04'],
            );
          else assert.deepEqual(errors, [], `${c.agency.shortName} ${year}`);
        }
      }
      assert.ok(carried > 0);
      assert.ok(pending > 0);
    });

    test('the demo’s replies carry the remedies of their date: 复议前置 for 不予公开 and 部分公开 from 2024, both routes otherwise', async () => {
      const { ctx } = get();
      const rows = await ctx.db
        .selectFrom('case_letters as l')
        .innerJoin('case_events as e', (j) => j.onRef('e.application_id', '=', 'l.application_id').onRef('e.seq', '=', 'l.event_seq'))
        .select(['l.issued_on', 'l.content', 'e.payload'])
        .where('l.kind', '=', 'reply')
        .execute();
      const both = /^如对本答复不服，可以自收到本答复之日起六十日内向.+申请行政复议，或者自收到本答复之日起六个月内依法向人民法院提起行政诉讼。$/;
      const seen = { old: 0, first: 0, either: 0, addressed: 0 };
      for (const r of rows) {
        const letter = JSON.parse(r.content) as { paragraphs: string[] };
        const remedies = letter.paragraphs.at(-1)!;
        const outcome = (JSON.parse(r.payload) as { outcome: string }).outcome;
        const withheld = outcome.startsWith('withheld.') || outcome === 'partiallyGranted';
        const text = letter.paragraphs.join('');
        assert.ok(!text.includes('您（单位）'), text);
        assert.ok(!['。”', '。；', '。。'].some((s) => text.includes(s)), text);
        if (text.includes('贵单位')) seen.addressed++;
        if (r.issued_on < '2024-01-01') {
          assert.match(remedies, both, `${r.issued_on} ${outcome}`);
          seen.old++;
        } else if (withheld) {
          assert.ok(
            remedies.includes('应当先向') && remedies.includes('对行政复议决定不服的') && !remedies.includes('六个月内依法向人民法院提起行政诉讼'),
            `${r.issued_on} ${outcome}: ${remedies}`,
          );
          seen.first++;
        } else {
          assert.match(remedies, both, `${r.issued_on} ${outcome}`);
          seen.either++;
        }
      }
      for (const [k, n] of Object.entries(seen)) assert.ok(n > 0, `no demo reply of the kind “${k}”`);
    });

    test('loading the demo twice changes nothing', async () => {
      const { ctx } = get();
      const count = async () =>
        Promise.all(
          ['agencies', 'users', 'applications', 'appeals', 'catalogue_items', 'annual_reports', 'audit_events'].map(async (t) =>
            Number(
              (
                await ctx.db
                  .selectFrom(t as 'agencies')
                  .select((eb) => eb.fn.countAll().as('n'))
                  .executeTakeFirstOrThrow()
              ).n,
            ),
          ),
        );
      const before = await count();
      const summary = await loadDemo(ctx);
      assert.equal(summary.loaded, false);
      assert.deepEqual(await count(), before);
    });

    test('there is a demo account for every role', async () => {
      const { ctx } = get();
      const rows = await ctx.db.selectFrom('user_roles').select('role').distinct().execute();
      assert.deepEqual(rows.map((r) => r.role).sort(), ['agencyAdmin', 'countySupervisor', 'editor', 'leader', 'platformAdmin', 'reviewer']);
      assert.equal((await ctx.db.selectFrom('users').select('username').execute()).length, demoAccounts().length);
    });
  },
  async (t) => {
    const s = await loadDemo(t.ctx);
    assert.equal(s.loaded, true);
  },
);
