/** Case letters as DOCX and HTML: every part of the letter as issued, escaped, and a file LibreOffice lays out. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import JSZip from 'jszip';
import type { LetterContent } from '../../src/domain/requests/letters.ts';
import { renderLetterDocx } from '../../src/render/letters/docx.ts';
import { LetterView } from '../../src/render/letters/html.tsx';
import { docxPrintedText } from '../helpers/files.ts';
import { libreOfficeSkip } from '../helpers/resources.ts';

const letter: LetterContent = {
  kind: 'correctionNotice',
  title: '政府信息公开申请补正告知书',
  number: '插旗镇依申公开〔2024〕3号',
  addressee: '李四<script>',
  paragraphs: ['本机关于2024年2月8日收到您（单位）提交的政府信息公开申请。', '请您于2024年2月29日前补正。'],
  signature: '华容县插旗镇人民政府',
  date: '2024-02-20',
};

test('the DOCX holds title, number, addressee, paragraphs, 落款 and the date in Chinese', async () => {
  const bytes = await renderLetterDocx(letter);
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  for (const s of [letter.title, letter.number, '李四&lt;script&gt;：', ...letter.paragraphs, letter.signature, '2024年2月20日']) assert.ok(xml.includes(s), s);
  assert.ok(xml.includes('w:eastAsia="仿宋_GB2312"'));
});

test('LibreOffice prints the letter', { skip: libreOfficeSkip(), timeout: 180_000 }, async () => {
  const flat = (await docxPrintedText(await renderLetterDocx(letter))).replace(/\s+/g, '');
  for (const s of [letter.title, letter.number, ...letter.paragraphs, letter.signature, '2024年2月20日']) assert.ok(flat.includes(s), s);
});

test('the HTML escapes what staff and applicants typed', async () => {
  const html = String(await (<LetterView letter={letter} />));
  assert.ok(html.includes('李四&lt;script&gt;：'));
  assert.ok(!html.includes('<script>'));
  assert.ok(html.includes('<h2 class="letter-title">政府信息公开申请补正告知书</h2>'));
});
