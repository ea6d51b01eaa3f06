/**
 * County supervision in a real browser (issue 5): a supervisor uploads a batch of three
 * published reports (HTML, TXT and DOCX, as agencies publish them) for the year before the
 * platform, confirms their agencies (recognised from the titles), years and publication
 * dates, sees them on the supervision page with their findings, and the cross-year check
 * flags the carry-over one of them does not match; with axe-core on the pages.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { loadDemo } from '../../src/app/demo/load.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { chromiumSkip } from '../helpers/resources.ts';
import { closeAll, logIn, serveInChromium, seriousViolations } from '../helpers/browser.ts';
import { publishedReportFile } from '../helpers/published-reports.ts';

describe('county supervision in Chromium', { skip: chromiumSkip() }, () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  const files: { name: string; mimeType: string; buffer: Buffer }[] = [];
  const id: Record<string, number> = {};
  before(async () => {
    t = await createTestDatabase('sqlite');
    await loadDemo(t.ctx);
    // Three 2021 reports, published before the platform, written as the agencies wrote them:
    // each agency's figures, and 章华镇 carrying one application into 2022 that 2022 does not carry over.
    for (const [name, format, carriedForward] of [
      ['章华镇', 'html', [1, 0, 0, 0, 0, 0, 1]],
      ['治河渡镇', 'txt', undefined],
      ['县民政局', 'docx', undefined],
    ] as const) {
      const f = await publishedReportFile(t.ctx, name, { year: 2021, from: 2022, format, ...(carriedForward ? { carriedForward: [...carriedForward] } : {}) });
      id[name] = f.agencyId;
      files.push({ name: f.name, mimeType: 'application/octet-stream', buffer: Buffer.from(f.bytes) });
    }
    ({ app, base, browser } = await serveInChromium(t.ctx));
  });
  after(async () => {
    await closeAll(browser, app, t);
  });

  test('a supervisor uploads three reports, confirms them, and sees them with their findings and the carry-over check', async () => {
    const page = await logIn(browser, base, 'county-supervisor');
    await page.getByRole('link', { name: '年报监督' }).first().click();
    await page.getByRole('link', { name: '导入已发布的年度报告' }).click();
    assert.deepEqual(await seriousViolations(page), []);
    await page.setInputFiles('#field-files', files);
    await page.getByRole('button', { name: '上传并读取' }).click();
    await page.waitForURL(/\/admin\/county\/imports\/[\w-]+$/);
    assert.deepEqual(await seriousViolations(page), []);

    // Each file's agency and year are recognised from its title; the supervisor adds the publication dates.
    const rows = page.locator('table.import-files tbody tr');
    assert.equal(await rows.count(), 3);
    for (const [i, name] of ['章华镇', '治河渡镇', '县民政局'].entries()) {
      const row = rows.nth(i);
      assert.match(await row.locator('td').nth(1).innerText(), /已读出/);
      assert.equal(await row.locator('select').inputValue(), String(id[name]));
      assert.equal(await row.locator('input[name^="year-"]').inputValue(), '2021');
      await row.locator('input[type="date"]').fill(name === '章华镇' ? '2022-02-15' : '2022-01-20');
    }
    await page.getByRole('button', { name: '确认导入' }).click();
    await page.waitForSelector('text=到年度报告监督页查看');
    assert.equal(await page.locator('table.import-files .ok', { hasText: '已导入' }).count(), 3);

    // The supervision page of 2021: the three imported reports with their status and finding counts.
    await page.getByRole('link', { name: '到年度报告监督页查看' }).click();
    await page.waitForURL(`${base}/admin/county/2021`);
    const status = page.locator('table.supervision tr', { hasText: '华容县章华镇人民政府' });
    assert.match(await status.innerText(), /逾期发布（2022-02-15）\s+导入/);
    assert.match(await page.locator('table.supervision tr', { hasText: '华容县治河渡镇人民政府' }).innerText(), /已发布（2022-01-20）\s+导入/);
    assert.match(await page.locator('table.supervision tr', { hasText: '华容县民政局' }).innerText(), /已发布（2022-01-20）\s+导入/);
    assert.deepEqual(await seriousViolations(page), []);

    // Its findings: 章华镇's report does not balance (T3-01) and was published late (X-06).
    await status.locator('td').nth(2).getByRole('link').click();
    await page.waitForSelector('#findings');
    const findings = await page.locator('ol.findings').innerText();
    assert.ok(findings.includes('T3-01'), findings);
    assert.ok(findings.includes('X-06'), findings);
    assert.ok((await page.locator('dl.metadata').innerText()).includes('章华镇2021年度报告.html'));

    // 2022: the carry-over from the imported 2021 reports is checked; 章华镇's does not match.
    await page.goto(`${base}/admin/county/2022`);
    const carry = page.locator('table.carry-over tr', { hasText: '章华镇' });
    assert.match(await carry.innerText(), /不一致：自然人列上年1、本年0；总计列上年1、本年0/);
    assert.match(await page.locator('table.carry-over tr', { hasText: '治河渡镇' }).innerText(), /一致/);
    assert.equal(await page.locator('svg[role="img"]').count(), 9);
    assert.deepEqual(await seriousViolations(page), []);
  });
});
