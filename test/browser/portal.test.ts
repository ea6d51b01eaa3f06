/**
 * The portal in Chromium: axe-core finds no serious or critical violation on the home,
 * list, item, 指南, search, 网上申请 and 申请查询 pages (standard and 关怀版, wide and phone-sized); the
 * 关怀版 switch works without JavaScript; the feeds parse in the browser's XML parser.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { loadDemo } from '../../src/app/demo/load.ts';
import { resolveAgency } from '../../src/app/agencies/resolve.ts';
import { confirmSubmission } from '../../src/app/requests/intake.ts';
import { insertAttachment, insertVersion } from '../../src/store/catalogue-versions.repo.ts';
import { insertCatalogueItem, insertValidityChange } from '../../src/store/records.repo.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { chromiumSkip } from '../helpers/resources.ts';
import { closeAll, serveInChromium, seriousViolations } from '../helpers/browser.ts';

describe('portal in Chromium', { skip: chromiumSkip() }, () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let chaqi: number;
  let itemId: number;
  before(async () => {
    t = await createTestDatabase('sqlite');
    await loadDemo(t.ctx);
    chaqi = (await resolveAgency(t.ctx, '插旗镇')).id;
    const user = async (u: string) => (await t.ctx.db.selectFrom('users').select('id').where('username', '=', u).executeTakeFirstOrThrow()).id;
    const at = '2026-10-09T02:00:00.000Z';
    const content = {
      title: '插旗镇人民政府关于印发《插旗镇村级公益事业一事一议实施办法》的通知',
      summary: '规范村级公益事业一事一议筹资筹劳',
      body: '各村（社区）：\n现将《插旗镇村级公益事业一事一议实施办法》印发给你们，请认真贯彻执行。',
      category: 'policy',
      topic: '农业、林业、水利/农业、畜牧业、渔业',
      doc_no: '插政发〔2026〕9号',
      document_kind: 'normativeDocument',
      written_date: '2026-10-08',
      generated_date: '2026-10-08',
      scope: '面向全社会',
    };
    itemId = await insertCatalogueItem(t.ctx.db, {
      ...content,
      agency_id: chaqi,
      index_no: 'BROWSER01/2026-00001',
      published_at: at,
      published_date: '2026-10-09',
      disclosure_mode: '主动公开',
      status: 'published',
      current_version: 2,
      created_at: at,
    });
    for (const [i, state] of (['superseded', 'published'] as const).entries()) {
      const versionId = await insertVersion(t.ctx.db, {
        ...content,
        item_id: itemId,
        version: i + 1,
        state,
        change_note: i ? '更正附件中的文号' : null,
        author_id: await user('chaqi-editor'),
        review_opinion: '同意公开',
        reviewed_by: await user('chaqi-reviewer'),
        reviewed_at: at,
        approved_by: await user('chaqi-leader'),
        approved_at: at,
        published_at: i ? '2026-10-12T03:00:00.000Z' : at,
        created_at: at,
        updated_at: at,
      });
      const bytes = new TextEncoder().encode('%PDF-1.4 test');
      await insertAttachment(t.ctx.db, {
        version_id: versionId,
        filename: '实施办法.pdf',
        type: 'pdf',
        size: bytes.length,
        sha256: '0'.repeat(64),
        content: bytes,
        redacted_content: null,
        text_parts: '[]',
        unreadable: null,
        created_at: at,
      });
    }
    await insertValidityChange(t.ctx.db, { itemId, state: 'inForce', effectiveDate: '2026-10-09', reason: '自公布之日起施行', recordedAt: at });
    ({ app, base, browser } = await serveInChromium(t.ctx));
  });
  after(async () => {
    await closeAll(browser, app, t);
  });

  const pages = () => [
    '/',
    '/items',
    `/items?agency=${chaqi}&category=statutory&year=2024`,
    `/agencies/${chaqi}`,
    `/agencies/${chaqi}/items?category=notices`,
    `/items/${itemId}`,
    `/agencies/${chaqi}/guide`,
    `/apply?agency=${chaqi}`,
    '/apply/status',
  ];

  async function check(page: Page, path: string) {
    const res = await page.goto(`${base}${path}`);
    assert.equal(res?.status(), 200, path);
    assert.deepEqual(await seriousViolations(page), [], path);
  }

  test('no serious or critical violation on the home, list, item and 指南 pages', async () => {
    const page = await (await browser.newContext({ bypassCSP: true, javaScriptEnabled: true })).newPage();
    for (const p of pages()) await check(page, p);
    await page.goto(`${base}/items/${itemId}`);
    assert.equal(await page.locator('h1').innerText(), '插旗镇人民政府关于印发《插旗镇村级公益事业一事一议实施办法》的通知');
    const meta = await page.locator('dl.metadata').innerText();
    for (const s of ['BROWSER01/2026-00001', '华容县插旗镇人民政府', '插政发〔2026〕9号', '有效']) assert.ok(meta.includes(s), s);
    assert.ok(await page.locator('svg.qr-code').isVisible());
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: '实施办法.pdf' }).click();
    assert.equal((await download).suggestedFilename(), '实施办法.pdf');
  });

  test('the search page, if there is one, passes too', async (ctx) => {
    const page = await (await browser.newContext({ bypassCSP: true })).newPage();
    const res = await page.goto(`${base}/search?q=${encodeURIComponent('低保')}`);
    if (res?.status() === 404) return ctx.skip('no /search route yet');
    assert.equal(res?.status(), 200);
    assert.deepEqual(await seriousViolations(page), []);
  });

  test('on a phone-sized screen and in the 关怀版, without JavaScript', async () => {
    const context = await browser.newContext({ bypassCSP: true, javaScriptEnabled: false, viewport: { width: 375, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${base}/items/${itemId}`);
    const standard = await page.evaluate('parseFloat(getComputedStyle(document.body).fontSize)');
    await page.getByRole('link', { name: '关怀版' }).click();
    await page.waitForURL(`${base}/items/${itemId}`);
    assert.equal(await page.locator('html').getAttribute('class'), 'care');
    const large = await page.evaluate('parseFloat(getComputedStyle(document.body).fontSize)');
    assert.ok((large as number) >= (standard as number) * 1.2, `${standard} → ${large}`);
    assert.ok(await page.getByRole('link', { name: '标准版' }).isVisible());
    // axe is injected as a script: check the same pages with scripts on and the care cookie kept.
    const axePage = await context
      .browser()!
      .newContext({ bypassCSP: true, viewport: { width: 375, height: 740 } })
      .then(async (c) => {
        await c.addCookies(await context.cookies());
        return c.newPage();
      });
    for (const p of pages()) await check(axePage, p);
    await page.getByRole('link', { name: '标准版' }).click();
    assert.equal(await page.locator('html').getAttribute('class'), null);
  });

  test('an agency administrator edits the 指南 contacts; the form and its errors pass axe', async () => {
    const page = await (await browser.newContext({ bypassCSP: true })).newPage();
    await page.goto(`${base}/admin/agencies/${chaqi}/contacts`);
    await page.fill('#field-username', 'chaqi-agency-admin');
    await page.fill('#field-password', 'gongkai-demo');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(`${base}/admin/agencies/${chaqi}/contacts`);
    assert.deepEqual(await seriousViolations(page), []);
    await page.getByLabel('邮政编码').fill('4142');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForSelector('.error-summary');
    assert.ok((await page.locator('.error-summary').innerText()).includes('“邮政编码”应为6位数字'));
    assert.deepEqual(await seriousViolations(page), []);
    await page.getByLabel('邮政编码').fill('414211');
    await page.getByLabel('办公时间').fill('工作日上午8:30—12:00，下午14:30—17:30');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForSelector('text=已保存');
    await page.goto(`${base}/agencies/${chaqi}/guide`);
    assert.ok((await page.locator('dl.contacts').innerText()).includes('工作日上午8:30—12:00'));
  });

  test('网上申请 without JavaScript: the form with its errors, the receipt, and the status page with the receipt letter pass axe', async () => {
    const page = await (await browser.newContext({ bypassCSP: true, javaScriptEnabled: false })).newPage();
    const axePage = async () => {
      // axe runs as a script: the same page in a context with scripts on.
      const html = await page.content();
      const scripted = await (await browser.newContext({ bypassCSP: true })).newPage();
      await scripted.route(`${base}/axe-snapshot`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
      await scripted.goto(`${base}/axe-snapshot`);
      const found = await seriousViolations(scripted);
      await scripted.context().close();
      return found;
    };
    await page.goto(`${base}/apply?agency=${chaqi}`);
    await page.getByLabel('自然人（公民个人）').check();
    await page.getByLabel('姓名').fill('王五');
    await page.getByLabel('身份证件类型').selectOption('residentIdCard');
    await page.getByLabel('证件号码').fill('430623199001011238');
    await page.getByLabel('所需政府信息的名称、文号或者便于查询的其他特征性描述').fill('2025年插旗镇村道建设项目资金使用情况');
    await page.getByLabel('电子文件').check();
    await page.getByLabel('网上查看（申请查询页面）').check();
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.waitForSelector('.error-summary');
    const summary = await page.locator('.error-summary').innerText();
    assert.ok(summary.includes('居民身份证号码有误') && summary.includes('请填写联系电话'), summary);
    assert.equal(await page.getByLabel('姓名').inputValue(), '王五');
    assert.deepEqual(await axePage(), []);

    await page.getByLabel('证件号码').fill('430623199001011237');
    await page.getByLabel('联系电话').fill('13973012345');
    await page
      .getByLabel('身份证明材料')
      .setInputFiles({ name: '身份证.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) });
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.waitForSelector('.receipt-codes');
    const codes = await page.locator('.receipt-codes code').allInnerTexts();
    assert.equal(codes.length, 2);
    assert.match(page.url(), /\/apply\/receipt\/[A-Za-z0-9_-]{43}$/);
    assert.deepEqual(await axePage(), []);
    // Reloading the receipt submits nothing again and shows the receipt number without the code.
    const submitted = async () =>
      Number(
        (
          await t.ctx.db
            .selectFrom('application_submissions')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const submittedBefore = await submitted();
    await page.reload();
    assert.deepEqual(await page.locator('.receipt-codes code').allInnerTexts(), [codes[0]]);
    assert.ok((await page.locator('.receipt-codes').innerText()).includes('查询码已在第一次打开本页时显示过'));
    assert.equal(await submitted(), submittedBefore);
    assert.deepEqual(await axePage(), []);

    const submission = await t.ctx.db.selectFrom('application_submissions').select('id').where('receipt_no', '=', codes[0]!).executeTakeFirstOrThrow();
    const editor = await t.ctx.db.selectFrom('users').select('id').where('username', '=', 'chaqi-editor').executeTakeFirstOrThrow();
    await confirmSubmission(t.ctx, { id: editor.id, roles: [{ role: 'editor', agencyId: chaqi }] }, submission.id, '2026-11-27');
    await page.getByRole('link', { name: '申请查询' }).first().click();
    await page.getByLabel('申请编号').fill(codes[0]!);
    await page.getByLabel('查询码').fill(codes[1]!);
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForSelector('article.letter');
    assert.equal(await page.locator('article.letter h2').first().innerText(), '政府信息公开申请登记回执');
    assert.deepEqual(await axePage(), []);
    const download = page.waitForEvent('download');
    await page
      .getByRole('button', { name: /下载.*Word文件/ })
      .first()
      .click();
    assert.match((await download).suggestedFilename(), /^政府信息公开申请登记回执（.+）\.docx$/);
  });

  test('the feeds parse in the browser’s XML parser', async () => {
    const page = await (await browser.newContext({ bypassCSP: true })).newPage();
    await page.goto(base);
    for (const path of ['/feed.atom', `/agencies/${chaqi}/feed.atom?category=notices`, '/sitemap.xml']) {
      const result = await page.evaluate(async (url) => {
        const g = globalThis as unknown as {
          fetch: (u: string) => Promise<{ text(): Promise<string> }>;
          DOMParser: new () => { parseFromString(s: string, t: string): { getElementsByTagName(n: string): { length: number } } };
        };
        const doc = new g.DOMParser().parseFromString(await (await g.fetch(url)).text(), 'application/xml');
        return {
          errors: doc.getElementsByTagName('parsererror').length,
          entries: doc.getElementsByTagName('entry').length,
          urls: doc.getElementsByTagName('url').length,
        };
      }, path);
      assert.equal(result.errors, 0, path);
      assert.ok(result.entries + result.urls > 0, path);
    }
  });
});
