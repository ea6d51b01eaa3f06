/**
 * Importing reports read from published documents (issue 5): each is a new version with
 * origin "imported" and its source, stored in one transaction with its audit event; the
 * context rules (carry-over, timeliness, copying) are checked against what the platform
 * holds; a year the platform published itself is not overwritten; only supervisors import.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { loadDemo } from '../../src/app/demo/load.ts';
import { resolveAgency } from '../../src/app/agencies/resolve.ts';
import { computeAgencyReport } from '../../src/app/reports/compute.ts';
import { confirmImports, importLimits, importReport, recognisedAgency, unpackUploads, uploadReports, type ReportReader } from '../../src/app/reports/import.ts';
import { maySetReportSettings, reportSettings, saveReportSettings } from '../../src/app/reports/settings.ts';
import type { Actor } from '../../src/domain/access/policy.ts';
import type { AnnualReport } from '../../src/domain/reports/annual-report.ts';
import type { Finding } from '../../src/domain/reports/findings.ts';
import { ForbiddenError, InputError } from '../../src/domain/shared/result.ts';
import { insertAgency, listAgencies } from '../../src/store/agencies.repo.ts';
import { eventsFor } from '../../src/store/events.repo.ts';
import { stagedBatch } from '../../src/store/report-imports.repo.ts';
import { reportVersions } from '../../src/store/reports.repo.ts';
import { findUserForLogin, getStaffUser } from '../../src/store/users.repo.ts';
import JSZip from 'jszip';
import { eachDialect } from '../helpers/db.ts';

eachDialect(
  'importing published reports',
  (get) => {
    let supervisor: Actor;
    let chaqi: Awaited<ReturnType<typeof resolveAgency>>;
    let county: Awaited<ReturnType<typeof resolveAgency>>;
    /** 插旗镇's 2022 report as the platform computes it: the shape a reader gives. */
    let read2022: AnnualReport;
    const readerFinding: Finding = {
      rule: 'T3-04',
      severity: 'warning',
      message: '表三“自然人”列有空白单元格',
      expected: null,
      actual: null,
      where: 'newReceived',
      column: 'naturalPerson',
    };

    before(async () => {
      const { ctx } = get();
      chaqi = await resolveAgency(ctx, '插旗镇');
      county = await resolveAgency(ctx, '县政府');
      const user = await findUserForLogin(ctx.db, 'county-supervisor');
      supervisor = { id: user!.id, roles: [{ role: 'countySupervisor', agencyId: county.id }] };
      read2022 = (await computeAgencyReport(ctx, chaqi, 2022)).report;
    });

    /** The 2022 report as if published for 2021, with `carriedForward` set. */
    const report2021 = (carriedForward: number[]): AnnualReport => {
      const r: AnnualReport = JSON.parse(JSON.stringify(read2022));
      r.year = 2021;
      r.applications.rows.carriedForward = carriedForward;
      return r;
    };

    test('an imported report is a version with its source, who and when, and an audit event', async () => {
      const { ctx } = get();
      const r = await importReport(ctx, supervisor, {
        agencyId: chaqi.id,
        year: 2021,
        report: report2021([0, 0, 0, 0, 0, 0, 0]),
        findings: [readerFinding],
        sourceName: '插旗镇2021年报.html',
        sourceFormat: 'html',
        publishedOn: '2022-01-20',
      });
      assert.equal(r.version, 1);
      const [v] = await reportVersions(ctx.db, chaqi.id, 2021);
      assert.equal(v?.origin, 'imported');
      assert.equal(v?.sourceName, '插旗镇2021年报.html');
      assert.equal(v?.sourceFormat, 'html');
      assert.equal(v?.importedBy, supervisor.id);
      assert.equal(v?.indexNo, null);
      assert.equal(v?.publishedAt, '2022-01-19T16:00:00.000Z', "the document's publication day, China time");
      assert.ok(
        v?.findings.some((f) => f.rule === 'T3-04' && f.message === readerFinding.message),
        "the reader's finding is kept",
      );
      const events = (await eventsFor(ctx.db, 'annualReport', `${chaqi.id}/2021`)).filter((e) => e.action === 'report.imported');
      assert.equal(events.length, 1);
      assert.equal(events[0]?.actor_id, supervisor.id);
      assert.equal(JSON.parse(events[0]!.payload).sourceName, '插旗镇2021年报.html');
    });

    test('the stored report carries the agency and year the supervisor confirmed, not what the title gave', async () => {
      const { ctx } = get();
      const zhihedu = await resolveAgency(ctx, '治河渡镇');
      // The reader found no agency in the title and the year 2022 in a sentence; the supervisor says 治河渡镇, 2021.
      const r = await importReport(ctx, supervisor, {
        agencyId: zhihedu.id,
        year: 2021,
        report: { ...report2021([0, 0, 0, 0, 0, 0, 0]), year: 2022, agency: '' },
        findings: [],
        sourceName: '年报.txt',
        sourceFormat: 'txt',
        publishedOn: '2022-01-20',
      });
      const [v] = await reportVersions(ctx.db, zhihedu.id, 2021);
      assert.equal(v?.id, r.id);
      assert.equal(v?.report.year, 2021);
      assert.equal(v?.report.agency, zhihedu.name);
    });

    test('importing again makes the next version, with the reason; the first stays', async () => {
      const { ctx } = get();
      const r = await importReport(ctx, supervisor, {
        agencyId: chaqi.id,
        year: 2021,
        report: report2021([0, 0, 0, 0, 0, 0, 0]),
        findings: [],
        sourceName: '插旗镇2021年报（更正）.pdf',
        sourceFormat: 'pdf',
        publishedOn: '2022-01-25',
      });
      assert.equal(r.version, 2);
      const versions = await reportVersions(ctx.db, chaqi.id, 2021);
      assert.deepEqual(
        versions.map((v) => v.version),
        [2, 1],
      );
      assert.match(versions[0]!.reason ?? '', /重新导入/);
    });

    test('the context rules are checked against the platform: carry-over into the next year, timeliness, the agency', async () => {
      const { ctx } = get();
      // 2022 (computed from the records) carries over 0; an imported 2021 report that carried 3 forward disagrees.
      const later = await importReport(ctx, supervisor, {
        agencyId: county.id,
        year: 2021,
        report: { ...report2021([3, 0, 0, 0, 0, 0, 3]), agency: county.name },
        findings: [],
        sourceName: '县政府2021年报.txt',
        sourceFormat: 'txt',
        publishedOn: '2022-04-02',
      });
      assert.ok(
        later.findings.some((f) => f.rule === 'X-06' && f.message.includes('晚于发布期限2022-03-31')),
        JSON.stringify(later.findings),
      );
      // Last year's report for 2021 is missing (2020): no T3-05 on the 2021 import itself.
      assert.ok(!later.findings.some((f) => f.rule === 'T3-05'));
      // An import for 2020 whose 结转 disagrees with the imported 2021's 上年结转 is flagged, as a warning.
      const earlier = await importReport(ctx, supervisor, {
        agencyId: county.id,
        year: 2020,
        report: { ...report2021([0, 0, 0, 0, 0, 0, 0]), year: 2020, agency: county.name },
        findings: [],
        sourceName: '县政府2020年报.txt',
        sourceFormat: 'txt',
        publishedOn: '2021-03-01',
      });
      assert.ok(!earlier.findings.some((f) => f.rule === 'X-06'));
      const again = await importReport(ctx, supervisor, {
        agencyId: county.id,
        year: 2021,
        report: {
          ...report2021([3, 0, 0, 0, 0, 0, 3]),
          agency: county.name,
          applications: { ...read2022.applications, rows: { ...read2022.applications.rows, carriedOver: [1, 0, 0, 0, 0, 0, 1] } },
        },
        findings: [],
        sourceName: '县政府2021年报.txt',
        sourceFormat: 'txt',
        publishedOn: '2022-03-01',
      });
      const t305 = again.findings.filter((f) => f.rule === 'T3-05');
      assert.equal(t305.length, 2, JSON.stringify(t305));
      assert.ok(t305.every((f) => f.severity === 'warning' && f.expected === 0 && f.actual === 1));
    });

    test('a year the platform published is not overwritten; nothing is written when refused', async () => {
      const { ctx } = get();
      const before = await reportVersions(ctx.db, chaqi.id, 2024);
      await assert.rejects(
        importReport(ctx, supervisor, {
          agencyId: chaqi.id,
          year: 2024,
          report: { ...read2022, year: 2024 },
          findings: [],
          sourceName: 'x.txt',
          sourceFormat: 'txt',
          publishedOn: '2025-01-10',
        }),
        (e: unknown) => e instanceof InputError && e.errors[0]?.code === 'GK_IMPORT_PLATFORM_REPORT',
      );
      assert.equal((await reportVersions(ctx.db, chaqi.id, 2024)).length, before.length);
    });

    test('year and publication date are checked', async () => {
      const { ctx } = get();
      const base = { agencyId: chaqi.id, report: read2022, findings: [], sourceName: 'x.txt', sourceFormat: 'txt' };
      for (const [year, publishedOn, code] of [
        [2018, '2019-01-10', 'GK_IMPORT_YEAR'],
        [2026, '2026-01-10', 'GK_IMPORT_YEAR'],
        [2020, '', 'GK_IMPORT_PUBLISHED_ON'],
        [2020, '2020-12-30', 'GK_IMPORT_PUBLISHED_ON'],
        [2020, '2027-01-01', 'GK_IMPORT_PUBLISHED_ON'],
      ] as const) {
        await assert.rejects(
          importReport(ctx, supervisor, { ...base, year, publishedOn }),
          (e: unknown) => e instanceof InputError && e.errors[0]?.code === code,
          `${year} ${publishedOn}`,
        );
      }
    });

    test('only a supervisor over the agency imports', async () => {
      const { ctx } = get();
      const editor = await findUserForLogin(ctx.db, 'chaqi-editor');
      const actor: Actor = { id: editor!.id, roles: [{ role: 'editor', agencyId: chaqi.id }] };
      await assert.rejects(
        importReport(ctx, actor, {
          agencyId: chaqi.id,
          year: 2020,
          report: read2022,
          findings: [],
          sourceName: 'x.txt',
          sourceFormat: 'txt',
          publishedOn: '2021-01-10',
        }),
        ForbiddenError,
      );
    });

    test('one transaction: when the audit event cannot be written, no version is stored', async () => {
      const { ctx } = get();
      // A supervisor role on an id that is no user: the version is inserted, the audit event's reference fails.
      const ghost: Actor = { id: 987654, roles: [{ role: 'countySupervisor', agencyId: county.id }] };
      await assert.rejects(
        importReport(ctx, ghost, {
          agencyId: chaqi.id,
          year: 2020,
          report: read2022,
          findings: [],
          sourceName: 'x.txt',
          sourceFormat: 'txt',
          publishedOn: '2021-01-10',
        }),
      );
      assert.equal((await reportVersions(ctx.db, chaqi.id, 2020)).length, 0);
    });

    test("a report's title names its agency; a ZIP is unpacked (a DOCX is not), with GBK names", async () => {
      const { ctx } = get();
      const agencies = await listAgencies(ctx.db);
      assert.equal(recognisedAgency('华容县插旗镇人民政府', agencies)?.id, chaqi.id);
      assert.equal(recognisedAgency('插旗镇人民政府 2021年', agencies)?.id, chaqi.id);
      assert.equal(recognisedAgency('某某县某局', agencies), null);
      const zip = new JSZip();
      zip.file('a.txt', '一');
      zip.file('sub/b.html', '<p>二</p>');
      zip.file('__MACOSX/._a.txt', 'x');
      const bytes = await zip.generateAsync({ type: 'uint8array' });
      const files = await unpackUploads([
        { filename: '报告.zip', bytes },
        { filename: 'c.txt', bytes: new Uint8Array([0x41]) },
      ]);
      assert.deepEqual(files.map((f) => f.filename).sort(), ['c.txt', '报告/a.txt', '报告/sub/b.html']);
      await assert.rejects(unpackUploads([]), (e: unknown) => e instanceof InputError && e.errors[0]?.code === 'GK_IMPORT_EMPTY');
      const many = Array.from({ length: 51 }, (_, i) => ({ filename: `${i}.txt`, bytes: new Uint8Array([0x41]) }));
      await assert.rejects(unpackUploads(many), (e: unknown) => e instanceof InputError && e.errors[0]?.code === 'GK_IMPORT_TOO_MANY');
    });

    test('confirming a batch twice at once (a double click) stores each file once', async () => {
      const { ctx } = get();
      const wanyu = await resolveAgency(ctx, '万庾镇');
      const reader: ReportReader = () => ({ report: { ...report2021([0, 0, 0, 0, 0, 0, 0]), year: 2020, agency: wanyu.name }, findings: [] });
      const batch = await uploadReports(ctx, supervisor, [{ filename: '万庾镇2020.txt', bytes: new TextEncoder().encode('万庾镇') }], reader);
      const [file] = await stagedBatch(ctx.db, batch);
      const decision = { id: file!.id, include: true, agencyId: wanyu.id, year: 2020, publishedOn: '2021-01-20' };
      const outcomes = (await Promise.all([confirmImports(ctx, supervisor, batch, [decision]), confirmImports(ctx, supervisor, batch, [decision])])).flat();
      assert.equal((await reportVersions(ctx.db, wanyu.id, 2020)).length, 1);
      assert.deepEqual(
        outcomes.map((o) => Object.keys(o).sort()),
        [['id', 'stored']],
      );
      const [after] = await stagedBatch(ctx.db, batch);
      assert.equal(after?.status, 'stored');
      assert.equal(after?.reportId, (outcomes[0] as { stored: { id: number } }).stored.id);
    });

    test('an agency the supervisor may not import for is named on its file; the other files of the batch are stored', async () => {
      const { ctx } = get();
      const wanyu = await resolveAgency(ctx, '万庾镇');
      const reader: ReportReader = () => ({ report: { ...report2021([0, 0, 0, 0, 0, 0, 0]), year: 2019 }, findings: [] });
      const batch = await uploadReports(
        ctx,
        supervisor,
        ['a.txt', 'b.txt', 'c.txt'].map((filename) => ({ filename, bytes: new TextEncoder().encode(filename) })),
        reader,
      );
      const [a, b, c] = await stagedBatch(ctx.db, batch);
      const outcomes = await confirmImports(ctx, supervisor, batch, [
        { id: a!.id, include: true, agencyId: 987654, year: 2019, publishedOn: '2020-01-20' },
        { id: b!.id, include: true, agencyId: wanyu.id, year: 2019, publishedOn: '2020-01-20' },
        { id: c!.id, include: false, agencyId: 987654, year: 2019, publishedOn: '' },
      ]);
      assert.deepEqual(outcomes[0], { id: a!.id, errors: [{ field: `agency-${a!.id}`, code: 'GK_IMPORT_AGENCY', message: '请从列表中选择您监督的单位' }] });
      assert.ok(outcomes[1] && 'stored' in outcomes[1]);
      assert.deepEqual(outcomes[2], { id: c!.id, skipped: true });
      // a keeps the agency recognised from its title (插旗镇)
      assert.deepEqual(
        (await stagedBatch(ctx.db, batch)).map((f) => [f.status, f.agencyId]),
        [
          ['pending', chaqi.id],
          ['stored', wanyu.id],
          ['skipped', null],
        ],
      );
    });

    test("a reader's exception is kept as a Chinese message on its file, without the program's own words", async () => {
      const { ctx } = get();
      const reader: ReportReader = () => {
        throw new TypeError("Cannot read properties of undefined (reading 'rows')");
      };
      const batch = await uploadReports(ctx, supervisor, [{ filename: 'x.pdf', bytes: new Uint8Array([0x25, 0x50]) }], reader);
      const [file] = await stagedBatch(ctx.db, batch);
      assert.equal(file?.report, null);
      assert.equal(file?.error, '读取时出错：文件可能已损坏，或不是本平台能读取的报告');
    });

    /** A ZIP of `entries` (names encoded by `encodeName`, when given: no UTF-8 flag then). */
    const zipOf = async (entries: Record<string, Uint8Array | string>, encodeName?: (name: string) => Uint8Array) => {
      const zip = new JSZip();
      for (const [name, content] of Object.entries(entries)) zip.file(name, content);
      return zip.generateAsync({
        type: 'uint8array',
        compression: 'DEFLATE',
        ...(encodeName ? { encodeFileName: encodeName as unknown as (name: string) => string } : {}),
      });
    };
    const code = (e: unknown) => (e instanceof InputError ? e.errors[0]?.code : `not an InputError: ${String(e)}`);

    test('ZIP names in GBK (no UTF-8 flag, as Chinese Windows writes them) are read', async () => {
      // 报告.txt in GBK
      const gbk = new Uint8Array([0xb1, 0xa8, 0xb8, 0xe6, 0x2e, 0x74, 0x78, 0x74]);
      const bytes = await zipOf({ '报告.txt': '一' }, () => gbk);
      const files = await unpackUploads([{ filename: '年报.zip', bytes }]);
      assert.deepEqual(
        files.map((f) => [f.filename, new TextDecoder().decode(f.bytes)]),
        [['年报/报告.txt', '一']],
      );
    });

    test('a ZIP bomb is refused before it is unpacked: an entry over 20 MB, an entry larger than its headers say, a batch over 100 MB', async () => {
      const big = await zipOf({ '大.txt': new Uint8Array(importLimits.fileBytes + 1) });
      await assert.rejects(unpackUploads([{ filename: 'a.zip', bytes: big }]), (e: unknown) => {
        assert.equal(code(e), 'GK_IMPORT_FILE_SIZE');
        assert.ok((e as InputError).errors[0]!.message.includes('“a.zip”中的“大.txt”超过20 MB'));
        return true;
      });
      // 8 MB of zeros whose local and central headers both claim 1,000 bytes
      const lying = await zipOf({ 'small.txt': new Uint8Array(8 * 1024 * 1024) });
      const view = new DataView(lying.buffer, lying.byteOffset, lying.byteLength);
      view.setUint32(22, 1000, true);
      for (let i = lying.length - 22; i >= 0; i--) {
        if (view.getUint32(i, true) === 0x02014b50) {
          view.setUint32(i + 24, 1000, true);
          break;
        }
      }
      await assert.rejects(unpackUploads([{ filename: 'b.zip', bytes: lying }]), (e: unknown) => code(e) === 'GK_IMPORT_ZIP');
      // six ZIPs of 19 MB each: the sixth is not unpacked
      const nineteen = await zipOf({ 'r.txt': new Uint8Array(19 * 1024 * 1024) });
      const six = Array.from({ length: 6 }, (_, i) => ({ filename: `${i}.zip`, bytes: nineteen }));
      await assert.rejects(unpackUploads(six), (e: unknown) => code(e) === 'GK_IMPORT_BATCH_SIZE');
      // damaged deflated data says so too
      const damaged = await zipOf({ 'a.txt': '政府信息公开工作年度报告'.repeat(50) });
      damaged.fill(0xff, 30 + 'a.txt'.length, 30 + 'a.txt'.length + 8);
      await assert.rejects(unpackUploads([{ filename: 'c.zip', bytes: damaged }]), (e: unknown) => code(e) === 'GK_IMPORT_ZIP');
    });

    test('report settings: deadlines and copy share, within the statute, audited', async () => {
      const { ctx } = get();
      assert.deepEqual((await reportSettings(ctx.db)).deadlines.town, { month: 1, day: 31 });
      await assert.rejects(
        saveReportSettings(ctx, supervisor, { deadlines: { town: '02-20', department: '02-01', countyGovernment: '03-31' }, copyShare: '80' }),
        (e: unknown) => e instanceof InputError && e.errors.some((x) => x.field === 'deadline.department' && x.message.includes('1月31日')),
      );
      const s = await saveReportSettings(ctx, supervisor, { deadlines: { town: '2月20日', department: '01-31', countyGovernment: '03-31' }, copyShare: '90%' });
      assert.deepEqual(s.deadlines.town, { month: 2, day: 20 });
      assert.equal(s.copyShare, 0.9);
      assert.equal((await reportSettings(ctx.db)).copyShare, 0.9);
      assert.equal((await eventsFor(ctx.db, 'settings', 'reports')).length, 1);
      // 99.5% is 100% at two decimals: refused, not stored as 1 and then read back as the default 80%.
      await assert.rejects(
        saveReportSettings(ctx, supervisor, { deadlines: { town: '01-31', department: '01-31', countyGovernment: '03-31' }, copyShare: '99.5' }),
        (e: unknown) => e instanceof InputError && e.errors.some((x) => x.field === 'copyShare'),
      );
      assert.equal((await reportSettings(ctx.db)).copyShare, 0.9);
      await saveReportSettings(ctx, supervisor, { deadlines: { town: '01-31', department: '01-31', countyGovernment: '03-31' }, copyShare: '80' });
    });

    // Last: it adds a second county to the platform.
    test("report settings hold for every county: with two counties on the platform, one county's supervisor does not change them", async () => {
      const { ctx } = get();
      const input = { deadlines: { town: '01-15', department: '01-31', countyGovernment: '03-31' }, copyShare: '80' };
      const other = await insertAgency(ctx.db, {
        parentId: null,
        name: '岳阳县人民政府',
        shortName: '岳阳县',
        kind: 'countyGovernment',
        code: '11430621MB0000002X',
        mayMakeRules: false,
        recordsFrom: 2024,
        sortOrder: 500,
        createdAt: ctx.now().toISOString(),
      });
      const otherSupervisor: Actor = { id: supervisor.id, roles: [{ role: 'countySupervisor', agencyId: other }] };
      for (const actor of [otherSupervisor, supervisor]) {
        assert.equal(await maySetReportSettings(ctx, actor), false);
        await assert.rejects(saveReportSettings(ctx, actor, input), ForbiddenError);
      }
      assert.deepEqual((await reportSettings(ctx.db)).deadlines.town, { month: 1, day: 31 }, 'unchanged');
      const both: Actor = { id: supervisor.id, roles: [...supervisor.roles, ...otherSupervisor.roles] };
      assert.equal(await maySetReportSettings(ctx, both), true);
      const admin = await getStaffUser(ctx.db, (await findUserForLogin(ctx.db, 'platform-admin'))!.id);
      assert.equal(await maySetReportSettings(ctx, admin!), true);
    });
  },
  async (t) => void (await loadDemo(t.ctx)),
);
