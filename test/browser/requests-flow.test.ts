/**
 * The browser test for disclosure requests: a citizen applies online and gets a
 * receipt; staff confirm it, send a 补正 notice, receive the corrected application, consult
 * a third party, ask for an extension the head of the office consents to, and draft a 部分公开
 * reply the editor cannot issue alone and the head signs; at each step the page shows
 * the statutory deadline; the applicant sees the letters on the status page; the year's
 * annual report counts the case in the right cells. Staff registration's form, sent empty,
 * passes axe with its errors.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { resolveAgency } from '../../src/app/agencies/resolve.ts';
import { loadCalendar } from '../../src/app/calendar/calendar.ts';
import { computeAgencyReport } from '../../src/app/reports/compute.ts';
import { addWorkingDays } from '../../src/domain/calendar/deadline.ts';
import { chinaDate } from '../../src/domain/shared/dates.ts';
import { chromiumSkip } from '../helpers/resources.ts';
import { demoInChromium, logIn, seriousViolations } from '../helpers/browser.ts';
import { validId } from '../helpers/files.ts';

describe('a disclosure request in Chromium', { skip: chromiumSkip() }, () => {
  const s = demoInChromium();

  const act = async (page: Page, button: string) => {
    await page.getByRole('button', { name: button, exact: true }).click();
    await page.waitForLoadState('load');
    const errors = await page.locator('.field-error').allInnerTexts();
    assert.deepEqual(errors, [], `after “${button}”`);
  };

  test('apply → confirm → 补正 → corrected → third party → extension → 部分公开 → the letters on the status page → the report', async () => {
    const agency = await resolveAgency(s.t.ctx, '插旗镇');
    const year = Number(chinaDate(new Date()).slice(0, 4));
    const today = chinaDate(new Date());
    const calendar = await loadCalendar(s.t.ctx.db);
    const due = (n: number) => addWorkingDays(calendar, today, n).due;
    const cellsBefore = (await computeAgencyReport(s.t.ctx, agency, year)).report.applications.rows;

    // The citizen applies online.
    const citizen = await (await s.browser.newContext()).newPage();
    await citizen.goto(`${s.base}/apply?agency=${agency.id}`);
    await citizen.check('#field-applicantType');
    await citizen.fill('#field-personName', '张小红');
    await citizen.selectOption('#field-idDocument', 'residentIdCard');
    await citizen.fill('#field-idNumber', validId);
    await citizen.fill('#field-phone', '13973012345');
    await citizen.fill('#field-email', 'zhangxh@example.com');
    await citizen.fill('#field-items', `插旗村${year}年度低保对象名单\n\n插旗村${year}年度临时救助发放情况`);
    await citizen.check('#field-form-electronic');
    await citizen.check('#field-delivery-email');
    await citizen.getByRole('button', { name: '提交申请' }).click();
    await citizen.waitForLoadState('load');
    const [receiptNo, queryCode] = await citizen.locator('code.secret').allInnerTexts();
    assert.match(receiptNo!, /^WS\d{10}$/);
    assert.match(queryCode!, /^[A-Z2-9]{8}$/);

    // Staff confirm it with the applicant: today is 收到申请之日; the reply is due in 20 working days.
    const staff = await logIn(s.browser, s.base, 'chaqi-editor');
    // Registration by staff has the public form's fields; sent empty, its errors pass axe.
    await staff.goto(`${s.base}/admin/requests/new?agency=${agency.id}`);
    await staff.getByRole('button', { name: '登记并生成回执' }).click();
    await staff.waitForSelector('.error-summary');
    assert.ok((await staff.locator('.error-summary').innerText()).includes('请选择申请的提交方式'));
    assert.equal(await staff.locator('#field-personName').count(), 1);
    assert.deepEqual(await seriousViolations(staff), []);

    await staff.goto(`${s.base}/admin/requests?agency=${agency.id}`);
    const submission = staff.locator('article.submission', { hasText: receiptNo! });
    await submission.getByRole('button', { name: '确认并登记' }).click();
    await staff.waitForURL(/\/admin\/requests\/\d+/);
    const caseUrl = staff.url().split('?')[0]!;
    assert.ok((await staff.content()).includes(due(20)), `reply due ${due(20)} shown`);

    // 补正: the clock waits; the corrected application restarts it.
    await staff.fill('#field-correctionRequested-items', '请写明所需低保对象名单的村民小组。');
    await act(staff, '发出补正告知书');
    assert.ok((await staff.content()).includes('待申请人补正'));
    await act(staff, '登记收到补正');
    assert.ok((await staff.content()).includes(due(20)));

    // Third party: 15 working days for its opinion, the reply clock paused meanwhile.
    await staff.fill('#field-thirdPartyConsulted-party', '华容县插旗村股份经济合作社');
    await act(staff, '发出征询函');
    assert.ok((await staff.content()).includes(due(15)), `opinion due ${due(15)} shown`);
    await staff.selectOption('#field-thirdPartyAnswered-opinion', 'consents');
    await staff.fill('#field-thirdPartyAnswered-note', '同意公开');
    await act(staff, '登记第三方意见');

    // Extension by 10 working days: the editor asks, the head of the disclosure office consents.
    await staff.fill('#field-extensionProposed-workingDays', '10');
    await staff.fill('#field-extensionProposed-reason', '需要逐村核对名单');
    await act(staff, '提请负责人审批');
    assert.ok(!(await staff.content()).includes(due(30)), 'no extension before the head consents');
    const head = await logIn(s.browser, s.base, 'chaqi-leader');
    await head.goto(caseUrl);
    assert.equal(await head.inputValue('#field-extended-workingDays'), '10', 'the proposal fills the consent form');
    await act(head, '同意延期并发出告知书');
    assert.ok((await head.content()).includes(due(30)), `extended reply due ${due(30)} shown`);
    await staff.goto(caseUrl);

    // The reply: part of the first item withheld, the second provided — 部分公开 for the report.
    await staff.selectOption('[id="field-replied-items[0]-kind"]', 'partial');
    await staff.selectOption('[id="field-replied-items[1]-kind"]', 'grantProvide');
    await staff.fill('[id="field-replied-items[0]-provision"]', '现将名单（已遮盖身份证号码）发送至您的电子邮箱。');
    await staff.fill('[id="field-replied-items[0]-reason"]', '名单中的身份证号码属于个人隐私。');
    await staff.fill('[id="field-replied-items[1]-provision"]', '现将发放情况表发送至您的电子邮箱。');
    // An editor cannot issue it alone: 部分公开 is drafted and signed by the head.
    await staff.getByRole('button', { name: '作出答复并生成答复书', exact: true }).click();
    await staff.waitForLoadState('load');
    assert.ok((await staff.locator('#field-replied-state').innerText()).includes('请点击“提交负责人签发”'));
    await act(staff, '提交负责人签发');
    assert.ok((await staff.content()).includes('正在等待政府信息公开工作机构负责人签发'));
    await head.goto(caseUrl);
    assert.ok((await head.locator('.draft-letter').innerText()).includes('名单中的身份证号码属于个人隐私'), 'the head reads the letter before signing');
    await act(head, '签发并作出答复');
    assert.equal(head.url().split('?')[0], caseUrl);
    assert.ok((await head.content()).includes('已办结'));
    assert.ok((await head.locator('#timeline').locator('..').innerText()).includes('签发人：插旗镇审核领导'));

    // The applicant's status page: the letters sent to the applicant, not the one to the third party.
    await citizen.goto(`${s.base}/apply/status`);
    await citizen.fill('#field-receiptNo', receiptNo!);
    await citizen.fill('#field-queryCode', queryCode!);
    await citizen.getByRole('button', { name: '查询' }).click();
    await citizen.waitForLoadState('load');
    const titles = await citizen.locator('.letter-title').allInnerTexts();
    assert.deepEqual(titles, ['政府信息公开申请登记回执', '政府信息公开申请补正告知书', '政府信息公开申请延期答复告知书', '政府信息公开申请答复书']);
    const status = await citizen.content();
    assert.ok(status.includes('对不予公开的部分，理由如下：名单中的身份证号码属于个人隐私。'));
    assert.ok(!status.includes(validId), 'the ID number is not echoed');

    // The report of the year: one more new application and one more 部分公开, in the 自然人 column.
    const cellsAfter = (await computeAgencyReport(s.t.ctx, agency, year)).report.applications.rows;
    assert.equal(cellsAfter.newReceived[0], (cellsBefore.newReceived[0] ?? 0) + 1);
    assert.equal(cellsAfter.partiallyGranted[0], (cellsBefore.partiallyGranted[0] ?? 0) + 1);
    assert.equal(cellsAfter.totalHandled[6], (cellsBefore.totalHandled[6] ?? 0) + 1);
  });
});
