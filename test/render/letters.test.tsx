/** Case letters as DOCX and HTML: every part of the letter as issued, escaped, and a file LibreOffice lays out. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import JSZip from 'jszip';
import { buildReply, type LetterContent } from '../../src/domain/requests/letters.ts';
import { renderLetterDocx } from '../../src/render/letters/docx.ts';
import { LetterView } from '../../src/render/letters/html.tsx';
import { docxPrintedText } from '../helpers/files.ts';
import { libreOfficeSkip } from '../helpers/resources.ts';

/** A letter as stored when it was issued (before 2024 a notice said “您（单位）”). */
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

test('a reply of 2024 renders its answers and both remedies sentences as built; a letter issued earlier renders as stored', async () => {
  const built = buildReply(
    [
      { description: '镇党委会议记录', kind: 'withheld.processInformation', values: { reason: '会议记录为研究讨论过程中形成的记录' } },
      { description: '2023年危房改造补助名单', kind: 'grantProvide', values: { provision: '现将名单发送至贵单位的电子邮箱' } },
    ],
    { you: '贵单位', receivedDate: '2024年2月8日', receiptNo: 'YSQ2024-00003', reconsiderationBody: '华容县人民政府' },
    { number: '插旗镇依申公开〔2024〕9号', addressee: '华容县某某研究院', agencyName: '华容县插旗镇人民政府', date: '2024-02-27' },
  );
  assert.ok('letter' in built);
  const reply = built.letter;
  assert.equal(reply.paragraphs.length, 4);
  const html = String(await (<LetterView letter={reply} />));
  for (const p of reply.paragraphs) assert.ok(html.includes(`<p class="letter-body">${p}</p>`), p);
  assert.ok(html.indexOf('对本答复第（一）项不服的') < html.indexOf('对本答复第（二）项不服的'));
  assert.ok(html.indexOf('对本答复第（二）项不服的') < html.indexOf('letter-signer'), 'the remedies come before the signature');
  const xml = await (await JSZip.loadAsync(await renderLetterDocx(reply))).file('word/document.xml')!.async('string');
  for (const s of ['应当先向华容县人民政府申请行政复议', '六个月内依法向人民法院提起行政诉讼', '华容县某某研究院：']) assert.ok(xml.includes(s), s);
  // Stored content is what was issued: an old text is shown as it was sent.
  const old = String(await (<LetterView letter={letter} />));
  assert.ok(old.includes('本机关于2024年2月8日收到您（单位）提交的政府信息公开申请。'));
});
