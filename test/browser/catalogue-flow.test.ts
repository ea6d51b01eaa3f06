/**
 * The browser test: an editor drafts an item with an attachment that holds an ID
 * number; the screening shows it; the reviewer redacts it and passes the review; the leader
 * approves; the item is on the portal with its 索引号 and metadata, the ID number masked,
 * a QR code that opens the page, and it is found by a two-character word of its body.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';
import { resolveAgency } from '../../src/app/agencies/resolve.ts';
import { screenText } from '../../src/domain/screening/index.ts';
import { extractText } from '../../src/extract/index.ts';
import { reviewOpinions } from '../../src/law/secrecy.ts';
import { chromiumSkip } from '../helpers/resources.ts';
import { demoInChromium, logIn } from '../helpers/browser.ts';
import { docxWith, validId } from '../helpers/files.ts';

const jsQrPath = createRequire(import.meta.url).resolve('jsqr/dist/jsQR.js');

describe('publishing an item in Chromium', { skip: chromiumSkip() }, () => {
  const s = demoInChromium();

  test('draft with an ID number in the attachment → redacted in review → approved → on the portal, masked, with a QR code, found by search', async () => {
    const chaqi = (await resolveAgency(s.t.ctx, '插旗镇')).id;
    const title = '关于插旗镇2026年渔船安全检查情况的通报';

    const editor = await logIn(s.browser, s.base, 'chaqi-editor');
    await editor.goto(`${s.base}/admin/items/new?agency=${chaqi}`);
    await editor.fill('#field-title', title);
    await editor.fill('#field-summary', '通报渔船安全检查情况');
    await editor.fill('#field-body', '镇安委办组织对辖区渔船开展安全检查，共检查渔船42艘，发现隐患3处，均已整改。');
    await editor.selectOption('#field-category', 'notices');
    await editor.fill('#field-generatedDate', new Date(Date.now() - 2 * 86400_000 + 8 * 3600_000).toISOString().slice(0, 10));
    await editor.getByRole('button', { name: '保存草稿' }).click();
    await editor.waitForSelector('text=已保存。');
    const versionUrl = editor.url().split('?')[0]!;
    await editor.setInputFiles('#field-attachment', {
      name: '检查记录.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: Buffer.from(await docxWith('渔船安全检查记录', `船主：王某，公民身份号码${validId}，检查结果：合格。`)),
    });
    await editor.getByRole('button', { name: '上传', exact: true }).click();
    await editor.waitForSelector('text=检查记录.docx');
    assert.ok((await editor.locator('#screening').locator('..').innerText()).includes('居民身份证号码'), 'the screening shows the ID number');
    await editor.getByRole('button', { name: '提交保密审查' }).click();
    await editor.waitForSelector('text=已提交保密审查。');

    const reviewer = await logIn(s.browser, s.base, 'chaqi-reviewer');
    await reviewer.goto(versionUrl);
    const hit = reviewer.locator('table.hits tbody tr', { hasText: '居民身份证号码' });
    assert.equal(await hit.locator('mark').innerText(), validId, 'shown in its context');
    await hit.getByLabel('遮蔽后公开').check();
    await hit.getByRole('button', { name: '保存' }).click();
    await reviewer.waitForSelector('text=遮蔽后公开');
    // The opinion form starts empty (issue 9): the reviewer picks one.
    await reviewer.getByLabel(reviewOpinions.masked.text).check();
    await reviewer.getByRole('button', { name: '审查通过' }).click();
    await reviewer.waitForSelector('text=保密审查已通过，待领导审核。');

    const leader = await logIn(s.browser, s.base, 'chaqi-leader');
    await leader.goto(versionUrl);
    // The leader approves from the approval page, which shows the text as published (issue 9).
    await leader.getByRole('link', { name: /进入领导审核/ }).click();
    await leader.getByRole('button', { name: '批准公开' }).click();
    await leader.waitForSelector('text=已公开，索引号');
    const indexNo = /索引号 (\S+?)。/.exec(await leader.locator('.notice').innerText())?.[1];
    assert.match(indexNo ?? '', /^006382564L\/\d{4}-\d{5}$/);

    // The portal: the item in 插旗镇's column with its metadata.
    const reader = await (await s.browser.newContext({ bypassCSP: true })).newPage();
    await reader.goto(`${s.base}/agencies/${chaqi}/items?category=notices`);
    await reader.getByRole('link', { name: title }).click();
    const itemUrl = reader.url();
    const meta = await reader.locator('dl.metadata').first().innerText();
    for (const s of [indexNo!, '华容县插旗镇人民政府', '面向全社会', '主动公开']) assert.ok(meta.includes(s), s);
    assert.ok(!(await reader.content()).includes(validId));

    // The attachment readers get has the ID number masked.
    const link = reader.getByRole('link', { name: /检查记录\.docx/ });
    const download = await reader.request.get(new URL((await link.getAttribute('href'))!, itemUrl).toString());
    const text = (await extractText(new Uint8Array(await download.body()), 'docx')).parts.map((p) => p.text).join('\n');
    assert.ok(!text.includes(validId) && text.includes('430623********1237'), text);
    assert.deepEqual(screenText(text), []);

    // The QR code decodes to this page's address, and that address opens the page.
    await reader.addScriptTag({ path: jsQrPath });
    const decoded = await reader.evaluate(async () => {
      // The page's DOM, which this Node project has no types for.
      const g = globalThis as unknown as {
        // biome-ignore lint/suspicious/noExplicitAny: a canvas element, untyped here
        document: { querySelector(s: string): { outerHTML: string }; createElement(t: string): any };
        // biome-ignore lint/suspicious/noExplicitAny: an image element, untyped here
        Image: new () => any;
        jsQR: (d: Uint8ClampedArray, w: number, h: number) => { data: string } | null;
        btoa(s: string): string;
      };
      const svg = g.document.querySelector('svg.qr-code').outerHTML;
      const img = new g.Image();
      img.src = `data:image/svg+xml;base64,${g.btoa(unescape(encodeURIComponent(svg)))}`;
      await img.decode();
      const canvas = g.document.createElement('canvas');
      canvas.width = canvas.height = 400;
      const c = canvas.getContext('2d');
      c.fillStyle = '#fff';
      c.fillRect(0, 0, 400, 400);
      c.drawImage(img, 0, 0, 400, 400);
      const { data } = c.getImageData(0, 0, 400, 400);
      return g.jsQR(data, 400, 400)?.data ?? null;
    });
    assert.equal(decoded, itemUrl);
    const phone = await (await s.browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await phone.goto(decoded!);
    assert.equal(await phone.locator('h1').first().innerText(), title);

    // Found by a two-character word of its body.
    await reader.goto(`${s.base}/search?q=${encodeURIComponent('渔船')}`);
    assert.ok(await reader.getByRole('link', { name: title }).isVisible());
  });
});
