/** PDF: text read page by page and screened; scanned pages and images named for the reviewer; Chinese PDFs from LibreOffice. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { canRedact, extractText, pdfRedactionMessage, redactDocx, redactXlsx } from '../../src/extract/index.ts';
import { libreOfficeSkip } from '../helpers/resources.ts';
import { buildDocx, buildPdf, buildXlsx, docxValues, gif, hitsIn, invalid, jpeg, libreOfficePdf, personalData, png, replacementsFor, valid } from './files.ts';

describe('a text PDF written by hand', async () => {
  const pdf = buildPdf([
    [`ID card ${valid.idNumber}`, `Mobile 138-1234-5678, office (0730)8123456`],
    [`Card 4111 1111 1111 1111`, `Shop code ${valid.businessCode}`, `Mail ${valid.email}`],
    [`Not flagged: ${invalid.idNumber} ${invalid.bankCard16} 2024-03-01 13812345678.00`],
  ]);
  const extracted = await extractText(pdf, 'pdf');

  test('each kind is found on its page', () => {
    assert.deepEqual(
      hitsIn(extracted).map((h) => [h.location, h.kind, h.value]),
      [
        ['第1页', 'idNumber', valid.idNumber],
        ['第1页', 'mobile', '138-1234-5678'],
        ['第1页', 'landline', '(0730)8123456'],
        ['第2页', 'bankCard', '4111 1111 1111 1111'],
        ['第2页', 'businessCode', valid.businessCode],
        ['第2页', 'email', valid.email],
      ],
    );
    assert.equal(extracted.unreadable, null);
  });

  test('lines stay lines: a number never runs into the next line', () => {
    assert.equal(extracted.parts[0]!.text.split('\n')[0], `ID card ${valid.idNumber}`);
  });

  test('the platform does not redact PDFs and says why', () => {
    assert.equal(canRedact('pdf'), false);
    assert.equal(canRedact('docx'), true);
    assert.equal(canRedact('xlsx'), true);
    assert.match(pdfRedactionMessage, /请上传已遮盖的 PDF/);
  });
});

describe('what cannot be read as text is named for the reviewer', () => {
  test('a scanned PDF (pictures, no text)', async () => {
    const r = await extractText(buildPdf([[], []], { image: true }), 'pdf');
    assert.deepEqual(r.parts, []);
    assert.match(r.unreadable ?? '', /没有可提取的文字.*扫描件/);
  });

  test('a PDF with some scanned pages, and one with pictures beside its text', async () => {
    const mixed = await extractText(buildPdf([['page one'], [], ['page three'], []]), 'pdf');
    assert.deepEqual(
      mixed.parts.map((p) => p.location),
      ['第1页', '第3页'],
    );
    assert.match(mixed.unreadable ?? '', /第 2、4 页没有可提取的文字/);
    const pictured = await extractText(buildPdf([['a notice with a seal']], { image: true }), 'pdf');
    assert.equal(pictured.parts.length, 1);
    assert.match(pictured.unreadable ?? '', /含有图片.*人工查看/);
  });

  test('a damaged PDF', async () => {
    const r = await extractText(new TextEncoder().encode('%PDF-1.4\nthis is not a pdf at all'), 'pdf');
    assert.deepEqual(r.parts, []);
    assert.match(r.unreadable ?? '', /无法读取/);
  });

  test('images', async () => {
    for (const [bytes, type] of [
      [png, 'png'],
      [jpeg, 'jpeg'],
      [gif, 'gif'],
    ] as const) {
      const r = await extractText(bytes, type);
      assert.deepEqual(r.parts, []);
      assert.match(r.unreadable ?? '', /图片中的文字无法自动筛查/);
    }
  });
});

describe('Chinese PDFs printed by LibreOffice', { skip: libreOfficeSkip(), timeout: 300_000 }, async () => {
  test('the DOCX printed to PDF: markings and numbers found in Chinese text', async () => {
    const docx = await buildDocx();
    const extracted = await extractText(libreOfficePdf(docx, 'notice.docx'), 'pdf');
    const found = hitsIn(extracted).map((h) => `${h.kind}:${h.value.replace(/\s/g, '')}`);
    for (const expected of [
      `secrecyMarking:${docxValues.marking}`,
      `mobile:${docxValues.splitMobile}`,
      `email:${docxValues.email}`,
      `idNumber:${docxValues.idInTable}`,
      `bankCard:${docxValues.cardInTable}`,
      `landline:${docxValues.landlineInHeader}`,
      `businessCode:${docxValues.businessCodeInFooter}`,
    ]) {
      assert.ok(found.includes(expected), `${expected} in ${found.join(', ')}`);
    }
    assert.ok(!found.some((f) => f.includes(invalid.idNumber) || f.includes(invalid.bankCard16)));
    const hit = hitsIn(extracted).find((h) => h.kind === 'bankCard');
    assert.equal(hit?.location, '第1页');
  });

  test('redacted copies open in LibreOffice and print no personal data (a marking is never masked)', async () => {
    const docx = await buildDocx();
    const redactedDocx = await redactDocx(docx, replacementsFor(hitsIn(await extractText(docx, 'docx'))));
    const xlsx = await buildXlsx();
    const redactedXlsx = await redactXlsx(xlsx, replacementsFor(hitsIn(await extractText(xlsx, 'xlsx'))));
    for (const [bytes, name, mask] of [
      [redactedDocx, 'redacted.docx', '110105********002X'],
      [redactedXlsx, 'redacted.xlsx', '138****5678'],
    ] as const) {
      const printed = await extractText(libreOfficePdf(bytes, name), 'pdf');
      assert.deepEqual(personalData(hitsIn(printed)), [], name);
      assert.ok(
        printed.parts.some((p) => p.text.includes(mask)),
        `${name} shows ${mask}`,
      );
    }
  });
});
