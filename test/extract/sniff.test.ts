/** What an upload really is: accepted types, and disguised, oversized or empty files refused with the file named. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import JSZip from 'jszip';
import { sniffAttachment } from '../../src/extract/index.ts';
import { maxAttachmentBytes } from '../../src/law/screening.ts';
import { buildDocx, buildPdf, buildXlsx, gif, jpeg, png } from './files.ts';

const docx = await buildDocx();
const xlsx = await buildXlsx();
const pdf = buildPdf([['hello']]);

function refused(bytes: Uint8Array, filename: string, ...words: RegExp[]): void {
  const r = sniffAttachment(bytes, filename);
  assert.ok('error' in r, `${filename} should be refused`);
  assert.ok(r.error.includes(`“${filename}”`), `names the file: ${r.error}`);
  for (const w of words) assert.match(r.error, w);
}

async function zipOf(files: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

describe('accepted', () => {
  test('each type by its content and a matching extension, in any case', () => {
    assert.deepEqual(sniffAttachment(pdf, '通知.pdf'), { type: 'pdf' });
    assert.deepEqual(sniffAttachment(pdf, 'SCAN.PDF'), { type: 'pdf' });
    assert.deepEqual(sniffAttachment(docx, '名单.docx'), { type: 'docx' });
    assert.deepEqual(sniffAttachment(xlsx, '名单.xlsx'), { type: 'xlsx' });
    assert.deepEqual(sniffAttachment(png, '照片.png'), { type: 'png' });
    assert.deepEqual(sniffAttachment(jpeg, '照片.jpg'), { type: 'jpeg' });
    assert.deepEqual(sniffAttachment(jpeg, '照片.jpeg'), { type: 'jpeg' });
    assert.deepEqual(sniffAttachment(gif, '图.gif'), { type: 'gif' });
  });

  test('exactly at the size limit', () => {
    const big = new Uint8Array(maxAttachmentBytes);
    big.set(pdf);
    assert.deepEqual(sniffAttachment(big, 'big.pdf'), { type: 'pdf' });
  });
});

describe('refused, naming the file', () => {
  test('disguised: a PDF named .docx, a DOCX named .xlsx and back, a PNG named .jpg', () => {
    refused(pdf, '名单.docx', /扩展名是 \.docx/, /PDF/);
    refused(docx, '名单.xlsx', /扩展名是 \.xlsx/, /Word/);
    refused(xlsx, '名单.docx', /扩展名是 \.docx/, /Excel/);
    refused(png, '照片.jpg', /PNG/);
  });

  test('random bytes named .pdf, and a text file named .png', () => {
    const random = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251);
    refused(random, '报告.pdf', /文件头不符/);
    refused(new TextEncoder().encode('just text'), '照片.png', /文件头不符/);
  });

  test('a ZIP that is not an Office file, named .docx, .xlsx or .pdf', async () => {
    const zip = await zipOf({ 'readme.txt': 'hello', 'word/document.xml': '<x/>' });
    refused(zip, '文件.docx', /ZIP 压缩包/);
    refused(zip, '文件.xlsx', /ZIP 压缩包/);
    refused(zip, '文件.pdf', /ZIP 压缩包/);
  });

  test('a macro-enabled document named .docx; an old or password-protected Office file', async () => {
    const z = await JSZip.loadAsync(docx);
    const types = await z.file('[Content_Types].xml')!.async('string');
    z.file(
      '[Content_Types].xml',
      types.replace(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
        'application/vnd.ms-word.document.macroEnabled.main+xml',
      ),
    );
    refused(await z.generateAsync({ type: 'uint8array' }), '宏.docx', /宏/);
    const ole = new Uint8Array(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    refused(ole, '旧文档.docx', /旧版 Office|密码/);
  });

  test('oversized', () => {
    const big = new Uint8Array(maxAttachmentBytes + 1);
    big.set(pdf);
    refused(big, '扫描件.pdf', /超过了 20 MB/);
  });

  test('empty, and types the platform does not take', () => {
    refused(new Uint8Array(0), '空.pdf', /空文件/);
    refused(pdf, '程序.exe', /不受支持/, /PDF、DOCX、XLSX/);
    refused(pdf, '没有扩展名', /不受支持/);
    refused(docx, '旧.doc', /不受支持/);
  });
});
