/**
 * The published copy of an attachment: image metadata stripped byte by byte (the picture
 * still decodes), Office packages without the parts the platform cannot screen or redact,
 * with no relationship or content type left pointing at a removed part, still opening.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import JSZip from 'jszip';
import { crc32, inflateSync } from 'node:zlib';
import { stripGif, stripJpeg, stripPng } from '../../src/extract/images.ts';
import { publishedCopy } from '../../src/extract/index.ts';
import { sanitizeOffice } from '../../src/extract/sanitize.ts';
import { docx, secretId, secretMobile } from '../helpers/hidden-corpus.ts';
import { gif, jpeg, png } from '../helpers/hidden-files.ts';
import { docxPrintedText } from '../helpers/files.ts';

const holds = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(Buffer.from(text));

test('PNG: text chunks gone, the picture still decodes', async () => {
  const original = await png({ Author: secretId, Comment: secretMobile });
  assert.ok(holds(original, secretId));
  const stripped = stripPng(original);
  assert.ok(!holds(stripped, secretId) && !holds(stripped, secretMobile));
  // Still a PNG: every chunk's CRC holds, IHDR first, the pixels inflate, IEND last.
  const view = new DataView(stripped.buffer, stripped.byteOffset);
  const types: string[] = [];
  for (let at = 8; at < stripped.length; ) {
    const length = view.getUint32(at);
    types.push(Buffer.from(stripped.subarray(at + 4, at + 8)).toString('latin1'));
    assert.equal(view.getUint32(at + 8 + length), crc32(stripped.subarray(at + 4, at + 8 + length)));
    if (types.at(-1) === 'IDAT') assert.deepEqual([...inflateSync(stripped.subarray(at + 8, at + 8 + length))], [0, 128]);
    at += 12 + length;
  }
  assert.deepEqual(types, ['IHDR', 'IDAT', 'IEND']);
  const itxt = stripPng(await png({ Comment: secretMobile }, true));
  assert.ok(!holds(itxt, secretMobile));
});

test('JPEG: EXIF, XMP and comments gone; JFIF, tables, scan and EOI kept; bytes after EOI dropped', () => {
  const original = jpeg({ exif: secretId, xmp: secretMobile, comment: secretMobile });
  const stripped = stripJpeg(Uint8Array.from([...original, ...Buffer.from(`trailer ${secretId}`)]));
  assert.ok(!holds(stripped, secretId) && !holds(stripped, secretMobile));
  assert.ok(holds(stripped, 'JFIF'));
  for (const marker of [0xdb, 0xc0, 0xda])
    assert.ok(
      stripped.some((b, i) => b === 0xff && stripped[i + 1] === marker),
      marker.toString(16),
    );
  assert.deepEqual([...stripped.slice(-2)], [0xff, 0xd9]);
});

test('GIF: comment extension gone, image and trailer kept', () => {
  const stripped = stripGif(gif(secretId));
  assert.ok(!holds(stripped, secretId));
  assert.equal(stripped.at(-1), 0x3b);
  assert.ok(stripped.includes(0x2c));
});

test('an image that is not what it claims is not published', async () => {
  await assert.rejects(publishedCopy(Uint8Array.from([0x89, 0x50, 0x4e, 0x47]), 'png', []));
});

test('Office: removed parts take their relationships and content types with them; the copy opens', async () => {
  const bytes = await docx({
    body: `<w:p><w:r><w:t>正文照常</w:t></w:r></w:p><w:altChunk r:id="rIdChunk"/><w:p><w:r><w:object><o:OLEObject Type="Embed" r:id="rIdOle"/></w:object></w:r></w:p>`,
    parts: {
      'word/afchunk.htm': `<p>${secretId}</p>`,
      'word/embeddings/oleObject1.bin': new TextEncoder().encode(secretMobile),
      'customXml/item1.xml': `<r>${secretId}</r>`,
      'docProps/custom.xml': `<Properties><p>${secretMobile}</p></Properties>`,
      'docProps/core.xml': `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>${secretId}</dc:creator></cp:coreProperties>`,
      'word/comments.xml': `<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="0" w:author="${secretMobile}" w:initials="ZS"><w:p/></w:comment></w:comments>`,
    },
    rels: [
      '<Relationship Id="rIdChunk" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="afchunk.htm"/>',
      '<Relationship Id="rIdOle" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/oleObject" Target="embeddings/oleObject1.bin"/>',
      '<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item1.xml"/>',
    ],
    rootRels: [
      '<Relationship Id="rIdCustom" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/>',
    ],
    overrides: ['<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>'],
  });
  const copy = await sanitizeOffice(bytes);
  const zip = await JSZip.loadAsync(copy);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  for (const gone of ['word/afchunk.htm', 'word/embeddings/oleObject1.bin', 'customXml/item1.xml', 'docProps/custom.xml'])
    assert.ok(!names.includes(gone), gone);
  for (const name of names) {
    const text = await zip.file(name)!.async('string');
    assert.ok(!text.includes(secretId) && !text.includes(secretMobile), name);
    for (const removed of ['afchunk.htm', 'oleObject1.bin', 'customXml/item1.xml', 'docProps/custom.xml'])
      assert.ok(!text.includes(removed), `${name} still points at ${removed}`);
  }
  const document = await zip.file('word/document.xml')!.async('string');
  assert.ok(!document.includes('altChunk') && !document.includes('OLEObject'));
  assert.match(await docxPrintedText(copy), /正文照常/);
});
