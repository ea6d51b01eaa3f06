/**
 * Issue 9's browser test: an editor drafts an item with a 密级 marking; the reviewer cannot
 * mask it, the opinion "不涉及国家秘密" is refused and the item cannot be published; after
 * 退回 and the marking's removal it goes through, and the leader's approval page shows the
 * text full width, masked exactly as the portal then shows it.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { resolveAgency } from '../../src/app/agencies/resolve.ts';
import { reviewOpinions } from '../../src/law/secrecy.ts';
import { chromiumSkip } from '../helpers/resources.ts';
import { demoInChromium, logIn, seriousViolations } from '../helpers/browser.ts';

describe('a secrecy marking in Chromium', { skip: chromiumSkip() }, () => {
  const s = demoInChromium();

  test('marked → not maskable, not publishable → 退回, removed → reviewed → approved on the text as published', async () => {
    const chaqi = (await resolveAgency(s.t.ctx, '插旗镇')).id;
    const title = '关于插旗镇2026年度防汛物资储备情况的通报';
    const marking = '秘密★1年';

    const editor = await logIn(s.browser, s.base, 'chaqi-editor');
    await editor.goto(`${s.base}/admin/items/new?agency=${chaqi}`);
    await editor.fill('#field-title', title);
    await editor.fill('#field-body', `${marking}\n镇防汛办已储备编织袋两万条、救生衣三百件。\n联系人：李某，手机13973012345。`);
    await editor.selectOption('#field-category', 'notices');
    await editor.fill('#field-generatedDate', new Date(Date.now() - 2 * 86400_000 + 8 * 3600_000).toISOString().slice(0, 10));
    await editor.getByRole('button', { name: '保存草稿' }).click();
    await editor.waitForSelector('text=已保存。');
    const versionUrl = editor.url().split('?')[0]!;
    await editor.getByRole('button', { name: '提交保密审查' }).click();
    await editor.waitForSelector('text=已提交保密审查。');

    // The reviewer: the marking has no 遮蔽 choice, only 解密 or 退回.
    const reviewer = await logIn(s.browser, s.base, 'chaqi-reviewer');
    await reviewer.goto(versionUrl);
    assert.deepEqual(await seriousViolations(reviewer), []);
    const markingRow = reviewer.locator('table.hits tbody tr', { hasText: '密级或不得公开标识' });
    assert.equal(await markingRow.locator('mark').innerText(), marking);
    assert.ok((await markingRow.innerText()).includes('第1处'));
    assert.equal(await markingRow.getByLabel('遮蔽后公开').count(), 0, 'a marking cannot be masked');
    assert.equal(await markingRow.getByRole('button', { name: '登记解密' }).count(), 1);
    // Nothing is chosen or written in the opinion form.
    for (const radio of await reviewer.locator('input[name="opinionChoice"]').all()) assert.equal(await radio.isChecked(), false);
    assert.equal(await reviewer.locator('#field-opinion').inputValue(), '');
    const phone = reviewer.locator('table.hits tbody tr', { hasText: '手机号码' });
    await phone.getByLabel('遮蔽后公开').check();
    await phone.getByRole('button', { name: '保存' }).click();
    await reviewer.waitForURL(/#hit-\d+$/);
    await reviewer.getByLabel(reviewOpinions.clear.text).check();
    await reviewer.getByRole('button', { name: '审查通过' }).click();
    await reviewer.waitForSelector('.error-summary');
    assert.match(await reviewer.locator('.error-summary').innerText(), /不能记录“不涉及国家秘密”的意见/);

    // Not publishable: no approval for the leader while it waits in 保密审查.
    const leader = await logIn(s.browser, s.base, 'chaqi-leader');
    await leader.goto(versionUrl);
    assert.equal(await leader.getByRole('link', { name: /进入领导审核/ }).count(), 0);
    assert.equal(await leader.getByRole('button', { name: '批准公开' }).count(), 0);

    await reviewer.goto(versionUrl);
    await reviewer.fill('#field-reason', '正文标有密级“秘密★1年”，未经解密不得公开：请删除后重新提交。');
    await reviewer.getByRole('button', { name: '退回修改' }).click();
    await reviewer.waitForSelector('text=已退回。');

    // The editor removes the marking and submits again.
    await editor.goto(versionUrl);
    assert.ok((await editor.locator('body').innerText()).includes('退回理由：正文标有密级'));
    const body = await editor.locator('#field-body').inputValue();
    await editor.fill('#field-body', body.replace(`${marking}\n`, ''));
    await editor.getByRole('button', { name: '保存草稿' }).click();
    await editor.waitForSelector('text=已保存。');
    await editor.getByRole('button', { name: '提交保密审查' }).click();
    await editor.waitForSelector('text=已提交保密审查。');

    await reviewer.goto(versionUrl);
    assert.equal(await reviewer.locator('table.hits tbody tr', { hasText: '密级或不得公开标识' }).count(), 0);
    assert.ok((await reviewer.locator('table.hits tbody tr', { hasText: '手机号码' }).innerText()).includes('遮蔽后公开'), 'the masked number stays settled');
    await reviewer.getByLabel(reviewOpinions.masked.text).check();
    await reviewer.getByRole('button', { name: '审查通过' }).click();
    await reviewer.waitForSelector('text=保密审查已通过，待领导审核。');

    // The leader's approval page: the text as published, full width, masked.
    await leader.goto(versionUrl);
    await leader.getByRole('link', { name: /进入领导审核/ }).click();
    await leader.waitForSelector('article.as-published');
    assert.deepEqual(await seriousViolations(leader), []);
    const article = leader.locator('article.as-published');
    const shown = await article.innerText();
    assert.ok(shown.includes(title) && shown.includes('手机139****2345') && !shown.includes('13973012345') && !shown.includes('秘密'), shown);
    const [articleBox, mainBox] = [await article.boundingBox(), await leader.locator('main').boundingBox()];
    assert.ok(articleBox && mainBox && articleBox.width > mainBox.width * 0.85, 'full width');
    assert.ok((await leader.locator('body').innerText()).includes(reviewOpinions.masked.text));
    const paragraphs = await article.locator('p').allInnerTexts();
    await leader.getByRole('button', { name: '批准公开' }).click();
    await leader.waitForSelector('text=已公开，索引号');

    // The portal shows what the approval page showed.
    const reader = await (await s.browser.newContext()).newPage();
    await reader.goto(`${s.base}/agencies/${chaqi}/items?category=notices`);
    await reader.getByRole('link', { name: title }).click();
    assert.deepEqual(await reader.locator('article p:not(.byline)').allInnerTexts(), paragraphs);
  });
});
