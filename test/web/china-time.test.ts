/**
 * China time everywhere (issue 9.8): an application submitted at 16:50 UTC on 12-07, which is
 * 00:50 on 12-08 in Beijing, shows 12-08 to everyone — the applicant's status page and letter,
 * the staff's list of submissions, the confirmation's default date, the case page, the
 * letter they download, and the audit timeline of a draft made at the same moment; the
 * JSON API gives times with the +08:00 offset.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { loadDemo } from '../../src/app/demo/load.ts';
import { resolveAgency } from '../../src/app/agencies/resolve.ts';
import { createItem } from '../../src/app/catalog/drafts.ts';
import { eachDialect } from '../helpers/db.ts';
import { personApplication } from '../helpers/applications.ts';
import { chaqiStaff, itemForm } from '../helpers/catalogue.ts';
import { Client, testApp, textOf } from '../helpers/web.ts';

/** 2026-12-07 16:50 UTC = 2026-12-08 00:50 China time. */
const at = new Date('2026-12-07T16:50:00.000Z');
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4]);

eachDialect(
  'China time: a submission at 16:50 UTC is the next day everywhere',
  (get) => {
    let app: FastifyInstance;
    let chaqi: number;
    const ctx = () => ({ ...get().ctx, now: () => at });

    before(async () => {
      app = await testApp(ctx());
      chaqi = (await resolveAgency(get().ctx, '插旗镇')).id;
    });
    after(async () => app.close());

    test('applicant, staff, letters and audit timeline all say 12-08', async () => {
      // The applicant submits online.
      const applicant = new Client(app, { remoteAddress: '10.9.0.1' });
      await applicant.get(`/apply?agency=${chaqi}`);
      const { name, ...rest } = personApplication({ delivery: 'online' });
      const posted = await applicant.multipart('/apply', { agency: String(chaqi), personName: name!, ...rest }, [
        { field: 'identityFiles', filename: '身份证.png', bytes: png },
      ]);
      assert.equal(posted.statusCode, 303, textOf(posted.body).slice(0, 600));
      const receipt = await applicant.get(String(posted.headers.location));
      const receiptNo = /<dt>申请编号<\/dt><dd><code class="secret">([^<]+)<\/code>/.exec(receipt.body)![1]!;
      const code = /<dt>查询码<\/dt><dd><code class="secret">([^<]+)<\/code>/.exec(receipt.body)![1]!;
      const stored = await get()
        .ctx.db.selectFrom('audit_events')
        .select('occurred_at')
        .where('action', '=', 'request.submitted')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      assert.equal(stored.occurred_at, '2026-12-07T16:50:00.000Z', 'stored in UTC');

      await applicant.get('/apply/status');
      let status = await applicant.post('/apply/status', { receiptNo, queryCode: code });
      assert.ok(textOf(status.body).includes('提交日期 2026-12-08'), textOf(status.body).slice(0, 800));

      // Staff see it in their list as submitted on 12-08, and the confirmation date offered is 12-08.
      const staff = new Client(app, { remoteAddress: '10.9.0.2' });
      await staff.login('chaqi-editor');
      const list = await staff.get(`/admin/requests?agency=${chaqi}`);
      assert.equal(list.statusCode, 200);
      assert.ok(textOf(list.body).includes(`${receiptNo}（2026-12-08提交）`), 'the submissions list');
      const sid = /\/admin\/requests\/submissions\/(\d+)\/confirm/.exec(list.body.slice(list.body.indexOf(receiptNo)))![1]!;
      const offered = new RegExp(`id="field-confirm-${sid}-confirmedOn"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*id="field-confirm-${sid}-confirmedOn"`).exec(
        list.body,
      );
      assert.equal(offered?.[1] ?? offered?.[2], '2026-12-08', 'the confirmation date offered');

      const confirmed = await staff.post(`/admin/requests/submissions/${sid}/confirm`, { confirmedOn: '2026-12-08' });
      assert.equal(confirmed.statusCode, 303, textOf(confirmed.body).slice(0, 600));
      const casePath = String(confirmed.headers.location).split('?')[0]!;
      const page = await staff.get(casePath);
      const shown = textOf(page.body);
      assert.ok(shown.includes('收到申请之日 2026-12-08'), 'the case page');
      assert.ok(/登记回执[\s\S]*2026-12-08/.test(shown), 'the receipt letter’s date in the case page’s list of letters');
      assert.ok(!shown.includes('2026-12-07') && !shown.includes('2026年12月7日'), 'no UTC day on the case page');

      // The staff's list of open cases, and the letter as they read and download it.
      const open = textOf((await staff.get(`/admin/requests?agency=${chaqi}`)).body);
      assert.ok(open.includes(receiptNo) && !open.includes(`${receiptNo}（2026-12-07`), 'the open cases list');
      const letterPath = /href="(\/admin\/requests\/\d+\/letters\/\d+)"/.exec(page.body)?.[1];
      assert.ok(letterPath, 'a letter link on the case page');
      assert.ok(textOf((await staff.get(letterPath)).body).includes('2026年12月8日'), 'the letter page');
      const docx = await staff.get(`${letterPath}.docx`);
      assert.equal(docx.statusCode, 200);
      const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
      assert.ok(xml.includes('2026年12月8日'), 'the letter exported as DOCX');

      // The applicant's status page after confirmation.
      status = await applicant.post('/apply/status', { receiptNo, queryCode: code });
      const seen = textOf(status.body);
      assert.ok(seen.includes('收到申请之日 2026-12-08') && seen.includes('2026年12月8日'), 'the status page and its letter');

      // The audit timeline of a draft made at the same moment.
      const { editor } = await chaqiStaff(get().ctx, chaqi);
      const draft = await createItem(ctx(), editor, chaqi, itemForm({ title: '插旗镇关于元旦假期值班安排的通知' }));
      const version = textOf((await staff.get(`/admin/versions/${draft.versionId}`)).body);
      assert.ok(version.includes('2026-12-08 00:50'), 'the version page timeline');

      // The JSON API gives times with the +08:00 offset (contract): 插旗镇 published its 2023 report at 15:01 on 2024-03-07.
      const seed = await get()
        .ctx.db.selectFrom('annual_reports')
        .select('id')
        .where('agency_id', '=', chaqi)
        .where('year', '=', 2023)
        .where('origin', '=', 'imported')
        .executeTakeFirstOrThrow();
      const api = JSON.parse((await applicant.get(`/api/annual-reports/${seed.id}`)).body) as { publication: { publishedAt: string } };
      assert.equal(api.publication.publishedAt, '2024-03-07T15:01:00+08:00');
    });
  },
  async (t) => void (await loadDemo(t.ctx)),
);
