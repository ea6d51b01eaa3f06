/**
 * The annual report in a real browser: the portal's 年报 column, a staff member writing
 * the narrative, a leader publishing, the report appearing on the portal; with axe-core
 * on the pages involved.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { loadDemo } from '../../src/app/demo/load.ts';
import { resolveAgency } from '../../src/app/agencies/resolve.ts';
import { reviewOpinions } from '../../src/law/secrecy.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { chromiumSkip } from '../helpers/resources.ts';
import { closeAll, logIn, serveInChromium, seriousViolations } from '../helpers/browser.ts';

describe('annual report in Chromium', { skip: chromiumSkip() }, () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  before(async () => {
    t = await createTestDatabase('sqlite');
    await loadDemo(t.ctx);
    ({ app, base, browser } = await serveInChromium(t.ctx));
  });
  after(async () => {
    await closeAll(browser, app, t);
  });

  test('a reader finds 插旗镇 2023 in its 年报 column with the seed metadata', async () => {
    const page = await (await browser.newContext({ bypassCSP: true })).newPage();
    await page.goto(base);
    assert.deepEqual(await seriousViolations(page), []);
    await page.getByRole('link', { name: '华容县插旗镇人民政府', exact: true }).click();
    await page.getByRole('link', { name: '进入年报栏目' }).click();
    await page.getByRole('link', { name: '华容县插旗镇人民政府2023年政府信息公开工作年度报告' }).click();
    await page.waitForSelector('h1');
    assert.equal(await page.locator('h1').innerText(), '华容县插旗镇人民政府2023年政府信息公开工作年度报告');
    const meta = await page.locator('dl.metadata').innerText();
    for (const s of ['006382564L/2024-2169556', '插旗镇', '全部公开', '2024-03-07', '政府网站']) assert.ok(meta.includes(s), s);
    const penalty = page.locator('table.table-active tr', { hasText: '行政处罚' }).locator('td');
    assert.equal(await penalty.innerText(), '8');
    assert.deepEqual(await seriousViolations(page), []);
  });

  test('an editor writes the narrative, a leader publishes, and the portal shows it', async () => {
    const wanyu = (await resolveAgency(t.ctx, '万庾镇')).id;
    const editor = await (await browser.newContext({ bypassCSP: true })).newPage();
    await editor.goto(`${base}/admin/reports/${wanyu}/2024`);
    await editor.fill('#field-username', 'wanyu-editor');
    await editor.fill('#field-password', 'gongkai-demo');
    await editor.getByRole('button', { name: '登录' }).click();
    await editor.waitForURL(`${base}/admin/reports/${wanyu}/2024`);
    assert.deepEqual(await seriousViolations(editor), []);
    const other = editor.locator('#field-other');
    await other.fill(`${await other.inputValue()}\n本年度未收到人大代表建议和政协委员提案。`);
    await editor.getByRole('button', { name: '保存正文' }).click();
    await editor.waitForSelector('text=已保存。');
    assert.ok((await editor.locator('.annual-report').innerText()).includes('本年度未收到人大代表建议和政协委员提案。'));

    // 保密审查 of the report as it will be published comes before publication (issue 9).
    const reviewer = await logIn(browser, base, 'wanyu-reviewer');
    await reviewer.goto(`${base}/admin/reports/${wanyu}/2024/review`);
    assert.deepEqual(await seriousViolations(reviewer), []);
    await reviewer.getByLabel(reviewOpinions.clear.text).check();
    await reviewer.getByRole('button', { name: '记录保密审查意见' }).click();
    await reviewer.waitForSelector('text=已记录保密审查意见。');

    const leader = await logIn(browser, base, 'wanyu-leader');
    await leader.goto(`${base}/admin/reports/${wanyu}/2024`);
    await leader.getByRole('button', { name: '发布', exact: true }).click();
    await leader.waitForSelector('text=已发布，索引号');
    const notice = await leader.locator('.notice').innerText();
    const indexNo = /索引号 (\S+?)。/.exec(notice)?.[1];
    assert.match(indexNo ?? '', /^11430623006383452Y\/2026-\d{5}$/);

    const reader = await (await browser.newContext({ bypassCSP: true })).newPage();
    await reader.goto(`${base}/agencies/${wanyu}/annual-reports`);
    await reader.getByRole('link', { name: '华容县万庾镇人民政府2024年政府信息公开工作年度报告' }).click();
    assert.ok((await reader.locator('dl.metadata').innerText()).includes(indexNo!));
    assert.ok((await reader.locator('article').innerText()).includes('本年度未收到人大代表建议和政协委员提案。'));
  });
});
