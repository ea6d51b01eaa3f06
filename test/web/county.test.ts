/**
 * The county supervision pages (issue 5): who may open them, each agency's status against
 * the deadline (late included), the carry-over check across an imported year, the county's
 * totals, the charts (SVG, escaped), copy detection with the passages marked, and the
 * report settings.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadDemo } from '../../src/app/demo/load.ts';
import { resolveAgency } from '../../src/app/agencies/resolve.ts';
import { computeAgencyReport, computeYearReports } from '../../src/app/reports/compute.ts';
import { importReport } from '../../src/app/reports/import.ts';
import { countySupervision } from '../../src/app/reports/supervision.ts';
import type { AnnualReport } from '../../src/domain/reports/annual-report.ts';
import { insertAgency } from '../../src/store/agencies.repo.ts';
import { getNarrative, saveNarrative } from '../../src/store/reports.repo.ts';
import { findUserForLogin } from '../../src/store/users.repo.ts';
import JSZip from 'jszip';
import { eachDialect } from '../helpers/db.ts';
import { publishedReportFile } from '../helpers/published-reports.ts';
import { Client, testApp, textOf } from '../helpers/web.ts';

/** The row of a table whose header cell is `name`, as text. */
function rowOf(html: string, tableClass: string, name: string): string {
  const table = new RegExp(`<table class="[^"]*${tableClass}[^"]*">([\\s\\S]*?)</table>`).exec(html)?.[1] ?? '';
  const row = [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => m[1]!).find((r) => textOf(r).trim().startsWith(name));
  return textOf(row ?? '').trim();
}

eachDialect(
  'county supervision',
  (get) => {
    let app: FastifyInstance;
    const id: Record<string, number> = {};
    before(async () => {
      app = await testApp(get().ctx);
      for (const n of ['县政府', '插旗镇', '章华镇', '治河渡镇', '万庾镇']) id[n] = (await resolveAgency(get().ctx, n)).id;
    });
    after(async () => app.close());

    test('county supervisors and the platform administrator open it; agency staff do not', async () => {
      const editor = new Client(app);
      await editor.login('chaqi-editor');
      assert.equal((await editor.get('/admin/county/2024')).statusCode, 404);
      assert.equal((await editor.get('/admin/county/imports')).statusCode, 404);
      assert.ok(!(await editor.get('/admin')).body.includes('href="/admin/county"'));
      for (const who of ['county-supervisor', 'platform-admin']) {
        const c = new Client(app);
        await c.login(who);
        const page = await c.get('/admin/county/2024');
        assert.equal(page.statusCode, 200, who);
        assert.ok(page.body.includes('href="/admin/county"'), 'the staff menu links to it');
        assert.equal((await c.get('/admin/county/imports')).statusCode, 200, who);
        // A year before the unified format or after this year is a page that says so, not a 500.
        for (const year of ['2018', '2010', '0000', '2027']) {
          const other = await c.get(`/admin/county/${year}`);
          assert.equal(other.statusCode, 404, `${who} ${year}`);
          assert.ok(textOf(other.body).includes('年度报告监督只有2019年度至2026年度'), year);
        }
      }
      const none = new Client(app);
      assert.equal((await none.get('/admin/county/2024')).statusCode, 303, 'log-in first');
    });

    test('each agency with its status against the deadline: published, draft and late, not started and late', async () => {
      const c = new Client(app);
      await c.login('county-supervisor');
      const page = (await c.get('/admin/county/2024')).body;
      assert.match(rowOf(page, 'supervision', '华容县插旗镇人民政府'), /已发布（2025-01-13） 平台发布 0 0/);
      // 万庾镇 2024 waits for its leader: a draft, and past 2025-01-31.
      assert.match(rowOf(page, 'supervision', '华容县万庾镇人民政府'), /草稿，已逾期 平台生成（未发布）/);
      // 2025: nobody wrote a narrative; the deadline (2026-01-31) has passed on the test clock.
      const next = (await c.get('/admin/county/2025')).body;
      assert.match(rowOf(next, 'supervision', '华容县章华镇人民政府'), /未开始，已逾期/);
      // findings link to the report page
      assert.ok(page.includes(`href="/admin/reports/${id['万庾镇']}/2024#findings"`));
    });

    test('an imported year: late publication, its findings linked, and a carry-over mismatch flagged', async () => {
      const { ctx } = get();
      const user = await findUserForLogin(ctx.db, 'county-supervisor');
      const supervisor = { id: user!.id, roles: [{ role: 'countySupervisor' as const, agencyId: id['县政府']! }] };
      // 章华镇's 2021 report, before the platform: it carried 2 applications forward, the records of 2022 carry none over.
      const computed = (await computeAgencyReport(ctx, await resolveAgency(ctx, '章华镇'), 2022)).report;
      const report: AnnualReport = JSON.parse(JSON.stringify(computed));
      report.year = 2021;
      report.applications.rows.carriedForward = [2, 0, 0, 0, 0, 0, 2];
      const stored = await importReport(ctx, supervisor, {
        agencyId: id['章华镇']!,
        year: 2021,
        report,
        findings: [],
        sourceName: '章华镇2021年度报告.html',
        sourceFormat: 'html',
        publishedOn: '2022-02-15',
      });
      const c = new Client(app);
      await c.login('county-supervisor');
      const y2021 = (await c.get('/admin/county/2021')).body;
      assert.match(rowOf(y2021, 'supervision', '华容县章华镇人民政府'), /逾期发布（2022-02-15） 导入/);
      assert.ok(y2021.includes(`href="/admin/county/reports/${stored.id}#findings"`));
      const y2022 = (await c.get('/admin/county/2022')).body;
      const row = rowOf(y2022, 'carry-over', '章华镇');
      assert.match(row, /^章华镇 2 0 不一致：自然人列上年2、本年0；总计列上年2、本年0$/);
      assert.match(rowOf(y2022, 'carry-over', '插旗镇'), /缺少其中一年的报告/);
      // the imported version's page: its source, its findings, the cells marked
      const v = await c.get(`/admin/county/reports/${stored.id}`);
      assert.equal(v.statusCode, 200);
      assert.ok(textOf(v.body).includes('导入自已发布的文件“章华镇2021年度报告.html”（HTML）'));
      assert.ok(textOf(v.body).includes('X-06'), 'published after 2022-01-31');
      // another agency's staff get the page of a missing version, for the page and its file alike
      const editor = new Client(app);
      await editor.login('chaqi-editor');
      for (const suffix of ['', '/source']) {
        const forbidden = await editor.get(`/admin/county/reports/${stored.id}${suffix}`);
        const missing = await editor.get(`/admin/county/reports/987654${suffix}`);
        assert.equal(forbidden.statusCode, 404);
        assert.equal(textOf(forbidden.body), textOf(missing.body), `the same page${suffix}`);
      }
      // and the 2022 chart of 章华镇 starts in 2021 now
      assert.ok(y2022.includes('华容县章华镇人民政府2021—2022年政府信息公开申请新收与办理结果'));
    });

    test("the county's totals are the sum of its agencies, next to the county government's report with the differences marked", async () => {
      const { ctx } = get();
      const c = new Client(app);
      await c.login('county-supervisor');
      const page = (await c.get('/admin/county/2024')).body;
      const reports = await computeYearReports(ctx, 2024);
      const received = reports.reduce((s, r) => s + (r.current?.report ?? r.report).applications.rows.newReceived[6]!, 0);
      const own = reports.find((r) => r.agency.id === id['县政府'])!;
      const countyReceived = (own.current?.report ?? own.report).applications.rows.newReceived[6]!;
      assert.notEqual(received, countyReceived);
      const totals = /<section aria-labelledby="totals"[\s\S]*?<\/section>/.exec(page)?.[0] ?? '';
      assert.ok(
        totals.includes(`${received}<span class="cell-note"><br/>县政府${countyReceived}</span>`),
        "the 本年新收 total with the county government's figure beside it",
      );
      assert.match(textOf(totals), /共\d+个单元格与县政府年报不同/);
      assert.ok(textOf(totals).includes('本平台生成的县政府报告只统计县政府自身收到和办理的申请'), 'the page explains what is compared');
    });

    test('charts: an SVG per agency and for the county, with title, description and a data table; names are escaped', async () => {
      const { ctx } = get();
      await insertAgency(ctx.db, {
        parentId: id['县政府']!,
        name: '华容县<b>测试</b>&局',
        shortName: '测试&局',
        kind: 'department',
        code: '11430623MB0000001X',
        mayMakeRules: false,
        recordsFrom: 2024,
        sortOrder: 99,
        createdAt: ctx.now().toISOString(),
      });
      const c = new Client(app);
      await c.login('county-supervisor');
      const page = (await c.get('/admin/county/2024')).body;
      const svgs = page.match(/<svg [^>]*role="img"[^>]*>/g) ?? [];
      assert.equal(svgs.length, 1 + 9, 'the county and its nine agencies');
      assert.ok(
        page.includes('<title id="chart-0-title">华容县人民政府全县2021—2024年政府信息公开申请新收与办理结果</title>'),
        /<title id="chart-0-title">.*?<\/title>/.exec(page)?.[0],
      );
      assert.match(/<desc id="chart-0-desc">[^<]*/.exec(page)?.[0] ?? '', /^<desc id="chart-0-desc">2021年新收\d+件，办结\d+件（予以公开\d+/);
      assert.ok(page.includes('华容县&lt;b&gt;测试&lt;/b&gt;&amp;局'));
      assert.ok(!page.includes('<b>测试</b>'));
      assert.ok((page.match(/<table class="list chart-data">/g) ?? []).length === 10);
    });

    test('copy detection: a narrative copied from another town is flagged with its share, and the passages are marked', async () => {
      const { ctx } = get();
      const zhanghua = await getNarrative(ctx.db, id['章华镇']!, 2025);
      const source = zhanghua ?? { overview: '', problems: '', other: '', signer: '', signedDate: null };
      const text = {
        overview:
          '2025年，章华镇深入贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，围绕群众关切的低保、救助和征地补偿事项主动公开政府信息，并把依申请公开纳入规范化办理。',
        problems: '一是公开内容还不够全面，二是解读回应还不够及时。下一步将加强培训，健全发布审核制度，提高公开质量。',
        other: '本年度未收取信息处理费。',
      };
      await saveNarrative(ctx.db, {
        agencyId: id['章华镇']!,
        year: 2025,
        ...source,
        ...text,
        signer: '章华镇人民政府办公室',
        signedDate: null,
        updatedAt: ctx.now().toISOString(),
        updatedBy: null,
      });
      await saveNarrative(ctx.db, {
        agencyId: id['治河渡镇']!,
        year: 2025,
        ...text,
        signer: '治河渡镇人民政府办公室',
        signedDate: null,
        updatedAt: ctx.now().toISOString(),
        updatedBy: null,
      });
      const c = new Client(app);
      await c.login('county-supervisor');
      const page = (await c.get('/admin/county/2025')).body;
      const row = rowOf(page, 'copies', '治河渡镇');
      assert.match(row, /100%（章华镇） ?，超过警示比例/);
      const link = new RegExp(`href="(/admin/reports/${id['治河渡镇']}/2025/copies\\?against=${id['章华镇']})"`).exec(page);
      assert.ok(link, 'the share links to the marked passages');
      const marked = await c.get(link[1]!.replace(/&amp;/g, '&'));
      assert.equal(marked.statusCode, 200);
      assert.ok(marked.body.includes('<mark>2025年，章华镇深入贯彻落实《中华人民共和国政府信息公开条例》'));
      assert.ok(textOf(marked.body).includes('有 100% 的内容与之相同') || textOf(marked.body).includes('有100%的内容与之相同'));
      // the report page shows it too
      const report = (await c.get(`/admin/reports/${id['治河渡镇']}/2025`)).body;
      assert.ok(textOf(report).replace(/\s/g, '').includes('与本县其他单位同年度报告最相似：华容县章华镇人民政府100%，超过80%的警示比例'));
      // an editor of 治河渡镇 sees its own comparison with last year, and not another town's draft
      const editor = new Client(app);
      await editor.login('zhihedu-editor');
      const own = (await editor.get(`/admin/reports/${id['治河渡镇']}/2025`)).body;
      assert.ok(textOf(own).replace(/\s/g, '').includes('与本县其他单位同年度报告最相似：没有相同的内容'));
      const peer = await editor.get(`/admin/reports/${id['治河渡镇']}/2025/copies?against=${id['章华镇']}`);
      assert.ok(textOf(peer.body).includes('没有可对比的报告'));
    });

    test('uploads: CSRF, a ZIP of reports read by the reader, an unreadable file named, the batch confirmed file by file', async () => {
      const { ctx } = get();
      const c = new Client(app);
      await c.login('county-supervisor');
      await c.get('/admin/county/imports');
      const html = await publishedReportFile(ctx, '插旗镇', { year: 2020, from: 2022, format: 'html' });
      const txt = await publishedReportFile(ctx, '万庾镇', { year: 2020, from: 2022, format: 'txt' });
      const zip = new JSZip();
      zip.file(html.name, html.bytes);
      zip.file(txt.name, txt.bytes);
      const zipped = await zip.generateAsync({ type: 'uint8array' });
      const noToken = await c.multipart('/admin/county/imports', {}, [{ field: 'files', filename: '2020.zip', bytes: zipped }], { csrf: false });
      assert.equal(noToken.statusCode, 403);
      const scan = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a, 0x00, 0x01]);
      const res = await c.multipart(
        `/admin/county/imports?_csrf=${encodeURIComponent(c.csrf)}`,
        {},
        [
          { field: 'files', filename: '2020.zip', bytes: zipped },
          { field: 'files', filename: '扫描件.pdf', bytes: scan },
        ],
        { csrf: false },
      );
      assert.equal(res.statusCode, 303, res.body.slice(0, 300));
      const batch = await c.get(String(res.headers.location));
      assert.equal(batch.statusCode, 200);
      const text = textOf(batch.body);
      assert.ok(text.includes('共3个文件'));
      assert.ok(text.includes('2020/插旗镇2020年度报告.html'));
      assert.ok(text.includes('未能读取：'), 'the unreadable file says why');
      assert.ok(
        new RegExp(`<option value="${html.agencyId}" selected="">华容县插旗镇人民政府</option>`).test(batch.body),
        "the agency recognised from the report's title",
      );
      const ids = [...batch.body.matchAll(/name="agency-(\d+)"/g)].map((m) => m[1]!);
      assert.equal(ids.length, 2);
      // Without a publication date the file is not stored and the date is asked for; with one it is.
      const form = (dates: string[]) =>
        Object.fromEntries(
          ids.flatMap((i, k) => [
            [`agency-${i}`, String(k === 0 ? html.agencyId : txt.agencyId)],
            [`year-${i}`, '2020'],
            [`publishedOn-${i}`, dates[k]!],
            [`include-${i}`, '1'],
          ]),
        );
      const missing = await c.post(String(res.headers.location), form(['', '2021-01-25']));
      assert.equal(missing.statusCode, 400);
      assert.ok(textOf(missing.body).includes('请填写报告的发布日期'));
      assert.ok(textOf(missing.body).includes('已导入'), 'the other file is stored');
      const done = await c.post(String(res.headers.location), form(['2021-01-26', '2021-01-25']));
      assert.equal(done.statusCode, 200);
      assert.equal((done.body.match(/class="ok">已导入/g) ?? []).length, 2);
      // the stored version keeps the file it was read from
      const stored = /href="(\/admin\/county\/reports\/\d+)">查看报告和检查结果/.exec(done.body)?.[1];
      const version = await c.get(stored!);
      assert.ok(textOf(version.body).includes('导入自已发布的文件“2020/插旗镇2020年度报告.html”（HTML） 下载原文件'));
      const original = await c.get(`${stored}/source`);
      assert.equal(original.statusCode, 200);
      assert.equal(original.body, new TextDecoder().decode(html.bytes));
      const y2020 = (await c.get('/admin/county/2020')).body;
      assert.match(rowOf(y2020, 'supervision', '华容县插旗镇人民政府'), /已发布（2021-01-26） 导入/);
      // a batch is its uploader's
      const other = new Client(app);
      await other.login('platform-admin');
      assert.equal((await other.get(String(res.headers.location))).statusCode, 404);
    });

    test('upload limits: too many files, a file too large, nothing chosen, each with a clear message', async () => {
      const c = new Client(app);
      await c.login('county-supervisor');
      await c.get('/admin/county/imports');
      const url = () => `/admin/county/imports?_csrf=${encodeURIComponent(c.csrf)}`;
      const many = Array.from({ length: 51 }, (_, i) => ({ field: 'files', filename: `${i}.txt`, bytes: new Uint8Array([0x41]) }));
      const tooMany = await c.multipart(url(), {}, many, { csrf: false });
      assert.equal(tooMany.statusCode, 400);
      assert.ok(textOf(tooMany.body).includes('一次最多上传50个文件'));
      const big = await c.multipart(url(), {}, [{ field: 'files', filename: '大文件.pdf', bytes: new Uint8Array(20 * 1024 * 1024 + 1) }], { csrf: false });
      assert.equal(big.statusCode, 400);
      assert.ok(textOf(big.body).includes('文件“大文件.pdf”超过20 MB'));
      const none = await c.multipart(url(), {}, [{ field: 'files', filename: '', bytes: new Uint8Array() }], { csrf: false });
      assert.equal(none.statusCode, 400);
      assert.ok(textOf(none.body).includes('请选择要导入的年度报告文件'));
    });

    test('settings: the town deadline and the copy share are a setting; bad values are refused with the field named', async () => {
      const c = new Client(app);
      await c.login('county-supervisor');
      await c.get('/admin/county/2024');
      const bad = await c.post('/admin/county/2024/settings', {
        'deadline.town': '02-30',
        'deadline.department': '01-31',
        'deadline.countyGovernment': '03-31',
        copyShare: '80',
      });
      assert.equal(bad.statusCode, 400);
      assert.ok(textOf(bad.body).includes('乡镇的发布期限应为“月-日”'));
      const ok = await c.post('/admin/county/2024/settings', {
        'deadline.town': '02-20',
        'deadline.department': '01-31',
        'deadline.countyGovernment': '03-31',
        copyShare: '100',
      });
      assert.equal(ok.statusCode, 400, 'a share of 100% is refused');
      const saved = await c.post('/admin/county/2024/settings', {
        'deadline.town': '02-20',
        'deadline.department': '01-31',
        'deadline.countyGovernment': '03-31',
        copyShare: '95',
      });
      assert.equal(saved.statusCode, 303);
      assert.match(String(saved.headers.location), /^\/admin\/county\/2024\?saved=1/);
      const page = (await c.get('/admin/county/2024')).body;
      assert.ok(textOf(page).includes('乡镇2025年2月20日'));
      assert.ok(textOf(page).includes('超过95%的标为警示'));
      const editor = new Client(app);
      await editor.login('chaqi-editor');
      await editor.get('/admin');
      assert.equal(
        (
          await editor.post('/admin/county/2024/settings', {
            'deadline.town': '03-31',
            'deadline.department': '01-31',
            'deadline.countyGovernment': '03-31',
            copyShare: '50',
          })
        ).statusCode,
        403,
      );
      await c.post('/admin/county/2024/settings', {
        'deadline.town': '01-31',
        'deadline.department': '01-31',
        'deadline.countyGovernment': '03-31',
        copyShare: '80',
      });
    });

    test("the workbench's 逾期未发布 follows the deadline setting, not only the statute's", async () => {
      // The supervisor signs in first: a sign-in on the tests' clock ends sessions that expired by then.
      const c = new Client(app);
      await c.login('county-supervisor');
      await c.get('/admin/county/2024');
      // A redirect to the page with saved=1, not the sign-in page's 303 (a sign-in refused by the per-account limit).
      const setTownDeadline = async (d: string) =>
        assert.match(
          String(
            (
              await c.post('/admin/county/2024/settings', {
                'deadline.town': d,
                'deadline.department': '01-31',
                'deadline.countyGovernment': '03-31',
                copyShare: '80',
              })
            ).headers.location,
          ),
          /^\/admin\/county\/2024\?saved=1/,
        );
      // On 2026-01-20 the 2025 reports are not late under the default town deadline (01-31).
      const january = await testApp({ ...get().ctx, now: () => new Date('2026-01-20T02:00:00.000Z') });
      try {
        const editor = new Client(january);
        await editor.login('chaqi-editor');
        const cell = async (year = 2025) =>
          new RegExp(`<td class="([^"]*)"><a href="/admin/reports/\\d+/${year}">([^<]*)</a>`).exec((await editor.get('/admin')).body)?.slice(1, 3);
        assert.deepEqual(await cell(), ['', '未发布（2026-01-31前）']);
        // The year under way is not "unpublished": its report is due only after it ends.
        assert.deepEqual(await cell(2026), ['', '本年度未结束']);
        await setTownDeadline('01-15');
        assert.deepEqual(await cell(), ['late', '逾期未发布']);
        await setTownDeadline('01-31');
        assert.deepEqual(await cell(), ['', '未发布（2026-01-31前）']);
      } finally {
        await january.close();
      }
    });

    // Last: its imports for 2019 start the charts in 2019.
    test('the supervision page reads the imported reports of a year in one query, not one per agency', async () => {
      const { ctx } = get();
      const user = await findUserForLogin(ctx.db, 'county-supervisor');
      const supervisor = { id: user!.id, roles: [{ role: 'countySupervisor' as const, agencyId: id['县政府']! }] };
      let queries = 0;
      const counted = {
        ...ctx,
        db: ctx.db.withPlugin({
          transformQuery: (a) => {
            queries++;
            return a.node;
          },
          transformResult: async (a) => a.result,
        }),
      };
      const computed = (await computeAgencyReport(ctx, await resolveAgency(ctx, '插旗镇'), 2022)).report;
      const importFor = async (name: string) =>
        importReport(ctx, supervisor, {
          agencyId: id[name]!,
          year: 2019,
          report: { ...computed, year: 2019, agency: name },
          findings: [],
          sourceName: `${name}2019.txt`,
          sourceFormat: 'txt',
          publishedOn: '2020-01-20',
        });
      const queriesWith = async () => {
        queries = 0;
        await countySupervision(counted, supervisor, null, 2019);
        return queries;
      };
      await importFor('插旗镇');
      const one = await queriesWith();
      for (const name of ['章华镇', '治河渡镇', '万庾镇']) await importFor(name);
      assert.equal(await queriesWith(), one);
      // the four imported towns' narratives are the same text: X-07 names another town for each
      const s = await countySupervision(ctx, supervisor, null, 2019);
      for (const name of ['插旗镇', '章华镇', '治河渡镇', '万庾镇']) {
        const copied = s.reports.find((r) => r.agency.id === id[name])!.findings.filter((f) => f.rule === 'X-07');
        assert.equal(copied.length, 1, name);
        assert.match(copied[0]!.message, /^报告正文有100%与华容县(插旗镇|章华镇|治河渡镇|万庾镇)人民政府同年度报告相同/, name);
        assert.ok(!copied[0]!.message.includes(name), name);
      }
    });
  },
  async (t) => void (await loadDemo(t.ctx)),
);
