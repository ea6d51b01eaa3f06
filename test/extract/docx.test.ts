/** DOCX: every kind found in body, table, header, footer, comment, footnote, hidden and deleted text; redacted copies carry no personal data (a secrecy marking stays as printed). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import JSZip from 'jszip';
import { extractText, RedactionError, redactDocx, sniffAttachment } from '../../src/extract/index.ts';
import { buildDocx, docxValues, hitsIn, invalid, personalData, replacementsFor } from './files.ts';

const docx = await buildDocx();
const extracted = await extractText(docx, 'docx');
const hits = hitsIn(extracted);

describe('extracting and screening a DOCX', () => {
  test('each value is found once, of its kind, where it is', () => {
    const expected: [string, string, string, boolean][] = [
      ['secrecyMarking', docxValues.marking, '正文第1段', false],
      ['mobile', docxValues.splitMobile, '正文第2段', false],
      ['email', docxValues.email, '正文第3段', false],
      ['idNumber', docxValues.idInTable, '正文表格1第2行第2列', false],
      ['bankCard', docxValues.cardInTable, '正文表格1第2行第3列', false],
      ['bankCard', docxValues.cardHidden, '正文第4段', true],
      ['mobile', docxValues.mobileDeleted, '正文第5段（修订中删除的文字）', true],
      ['landline', docxValues.landlineInHeader, '页眉第1段', false],
      ['businessCode', docxValues.businessCodeInFooter, '页脚第1段', false],
      ['idNumber', docxValues.idInComment, '批注1第1段', false],
      ['mobile', docxValues.mobileInFootnote, '脚注1第1段', false],
    ];
    assert.deepEqual(
      hits.map((h) => [h.kind, h.value, h.location, h.hidden]),
      expected,
    );
    assert.equal(extracted.unreadable, null);
  });

  test('the value split over three differently formatted runs is read whole', () => {
    assert.ok(extracted.parts.some((p) => p.text.startsWith(`联系电话：${docxValues.splitMobile}`)));
  });

  test('numbers failing their check, dates and amounts are read but not flagged', () => {
    const part = extracted.parts.find((p) => p.text.includes(invalid.idNumber));
    assert.ok(part);
    assert.ok(part.text.includes(invalid.bankCard16));
    assert.equal(hits.filter((h) => h.location === part.location).length, 0);
  });

  test('pictures are named for the reviewer to check by eye', async () => {
    const z = await JSZip.loadAsync(docx);
    z.file('word/media/image1.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
    const withImage = await extractText(await z.generateAsync({ type: 'uint8array' }), 'docx');
    assert.match(withImage.unreadable ?? '', /含有 1 张图片，.*人工查看/);
  });

  test('a damaged file is unreadable, not an exception', async () => {
    const broken = docx.slice(0, 2000);
    const r = await extractText(broken, 'docx');
    assert.deepEqual(r.parts, []);
    assert.match(r.unreadable ?? '', /无法读取/);
  });
});

describe('redacting a DOCX', async () => {
  const redacted = await redactDocx(docx, replacementsFor(hits));
  const again = await extractText(redacted, 'docx');

  // A secrecy marking is not personal data and is never masked (issue 9): it stays as printed.
  test('the copy is still a DOCX, and shows no personal data anywhere, hidden text included; the marking stays', () => {
    assert.deepEqual(sniffAttachment(redacted, 'x.docx'), { type: 'docx' });
    assert.deepEqual(personalData(hitsIn(again)), []);
    assert.deepEqual(
      hitsIn(again).map((h) => [h.kind, h.value, h.location]),
      [['secrecyMarking', docxValues.marking, '正文第1段']],
    );
    const all = again.parts
      .filter((p) => !p.text.startsWith('不应标出'))
      .map((p) => p.text)
      .join('\n');
    for (const [name, value] of Object.entries(docxValues)) if (name !== 'marking') assert.ok(!all.includes(value), value);
  });

  test('each value is replaced by its mask; the split value keeps its runs and their formatting', async () => {
    const texts = again.parts.map((p) => p.text);
    for (const masked of [
      docxValues.marking,
      '联系电话：138****5678',
      '110105********002X',
      '***************0128',
      '0730-*****56',
      '92430623**********',
      'z***@example.com',
    ]) {
      assert.ok(
        texts.some((t) => t.includes(masked)),
        masked,
      );
    }
    const xml = await (await JSZip.loadAsync(redacted)).file('word/document.xml')!.async('string');
    assert.match(xml, /<w:b\/>[\s\S]*?<w:t xml:space="preserve">138<\/w:t>/);
    assert.match(xml, /<w:t xml:space="preserve">\*\*\*\*<\/w:t>/);
    assert.match(xml, /<w:i\/>[\s\S]*?<w:t xml:space="preserve">5678<\/w:t>/);
  });

  test('text that was not screened stays as it was', () => {
    const before = extracted.parts.filter((p) => !hits.some((h) => h.location === p.location));
    for (const p of before)
      assert.ok(
        again.parts.some((q) => q.location === p.location && q.text === p.text),
        p.location,
      );
  });

  test('a value the platform cannot reach (in an embedded object) stops the redaction', async () => {
    const z = await JSZip.loadAsync(docx);
    z.file('word/embeddings/oleObject1.bin', Buffer.from(`xx${docxValues.splitMobile}xx`, 'utf16le'));
    const withObject = await z.generateAsync({ type: 'uint8array' });
    await assert.rejects(redactDocx(withObject, replacementsFor(hits)), (e: unknown) => e instanceof RedactionError && /oleObject1\.bin/.test(e.message));
  });

  test('no replacements: the same text', async () => {
    const copy = await extractText(await redactDocx(docx, []), 'docx');
    assert.deepEqual(copy.parts, extracted.parts);
  });
});
