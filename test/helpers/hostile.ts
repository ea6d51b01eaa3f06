/**
 * Hostile files made in code (issue 15): PDFs whose text is all printed on one baseline, and
 * a DOCX zip bomb whose headers claim small sizes. Shapes of the files an attack probe used.
 */
import { constants, crc32, deflateRawSync, deflateSync } from 'node:zlib';
import { random } from '../../src/domain/shared/random.ts';

/** A one-page PDF, Helvetica as F1, whose content stream is `content` (FlateDecode), or these bytes already compressed. */
export function pdfWithContent(content: Buffer, compressed?: Buffer): Uint8Array {
  const z = compressed ?? deflateSync(content, { level: 9 });
  const objects: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [4 0 R] /Count 1 >>'),
    Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'),
    Buffer.from('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R /Resources << /Font << /F1 3 0 R >> >> >>'),
    Buffer.concat([Buffer.from(`<< /Length ${z.length} /Filter /FlateDecode >>\nstream\n`), z, Buffer.from('\nendstream')]),
  ];
  const parts = [Buffer.from('%PDF-1.4\n')];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(length);
    const b = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), o, Buffer.from('\nendobj\n')]);
    parts.push(b);
    length += b.length;
  });
  const xref = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  parts.push(
    Buffer.from(
      `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`,
    ),
  );
  return new Uint8Array(Buffer.concat(parts));
}

/**
 * Text printed back and forth on one baseline, `shows` times: pdf.js gives one line of two
 * items of 20 characters per show, all on the page. `varied` of them carry random digits
 * (so the stream does not compress to nothing); the rest repeat one show.
 */
export function oneBaselineContent(shows: number, varied: number, seed = 15): Buffer {
  const rnd = random(seed);
  const text = () => Array.from({ length: 20 }, () => rnd.int(0, 9)).join('');
  const show = (a: string, b: string) => Buffer.from(`(${a}) Tj 150 0 Td (${b}) Tj -150 0 Td `);
  const same = show('12345678901234567890', '09876543210987654321');
  const chunks: Buffer[] = [Buffer.from('BT /F1 10 Tf 72 400 Td ')];
  const every = varied > 0 ? Math.max(1, Math.floor(shows / varied)) : Infinity;
  for (let i = 0; i < shows; i++) chunks.push(i % every === 0 ? show(text(), text()) : same);
  chunks.push(Buffer.from('ET'));
  return Buffer.concat(chunks);
}

/** The small one: about 6.7 KB, tens of thousands of items on one line (12 s in `gongkai check` before issue 15). */
export function smallBaselinePdf(): Uint8Array {
  return pdfWithContent(oneBaselineContent(12_000, 110));
}

let huge: Uint8Array | null = null;

/** The large one: a 60 MB text stream compressed to about 180 KB (13 minutes of a frozen server before issue 15). */
export function hugeBaselinePdf(): Uint8Array {
  huge ??= pdfWithContent(oneBaselineContent(845_000, 100));
  return huge;
}

/**
 * Raw deflate of `repeat` copies of `chunk`, compressed once: each copy is flushed in full
 * (the dictionary reset), so every copy compresses to the same bytes and the copies join.
 */
function repeatedDeflate(head: Buffer, chunk: Buffer, repeat: number, tail: Buffer): Buffer {
  const flushed = (b: Buffer) => deflateRawSync(b, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const body = flushed(chunk);
  return Buffer.concat([flushed(head), ...Array<Buffer>(repeat).fill(body), flushed(tail), Buffer.from([0x03, 0x00])]);
}

/**
 * A PDF of about 400 KB whose content stream inflates to `megabytes` (400 by default) of
 * text: pdf.js would decode it into memory a worker's heap limit does not count.
 */
export function pdfBomb(megabytes = 400): Uint8Array {
  const line = Buffer.alloc(1024 * 1024, ' ');
  const stream = Buffer.concat([Buffer.from([0x78, 0xda]), repeatedDeflate(Buffer.from('BT /F1 10 Tf 72 400 Td (x) Tj ET'), line, megabytes, Buffer.alloc(0))]);
  return pdfWithContent(Buffer.alloc(0), stream);
}

interface ZipFile {
  name: string;
  /** Stored (method 0) unless `deflated` is given: then these raw deflate bytes, and the sizes claimed. */
  data: Buffer;
  deflated?: { bytes: Buffer; claimedSize: number; crc: number };
}

/** A ZIP written by hand, so its headers may claim what they like. */
function zipOf(files: readonly ZipFile[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name);
    const body = f.deflated ? f.deflated.bytes : f.data;
    const method = f.deflated ? 8 : 0;
    const crc = f.deflated ? f.deflated.crc : crc32(f.data);
    const size = f.deflated ? f.deflated.claimedSize : f.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

/**
 * A DOCX of about 1.5 MB whose word/document.xml inflates to about 1.5 GB of paragraphs,
 * its headers claiming 20 KB (the bomb that took the server to 1.9 GB). `megabytes` sets the
 * inflated size.
 */
export function docxBomb(megabytes = 1536): Uint8Array {
  const head = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>',
  );
  // one run of one letter: the densest deflate (about 1,000 to 1)
  const chunk = Buffer.alloc(1024 * 1024, 'a');
  const tail = Buffer.from('</w:t></w:r></w:p></w:body></w:document>');
  const bytes = repeatedDeflate(head, chunk, megabytes, tail);
  return zipOf([
    { name: '[Content_Types].xml', data: Buffer.from(contentTypes) },
    { name: '_rels/.rels', data: Buffer.from(rels) },
    { name: 'word/document.xml', data: Buffer.alloc(0), deflated: { bytes, claimedSize: 20_000, crc: 0 } },
  ]);
}
