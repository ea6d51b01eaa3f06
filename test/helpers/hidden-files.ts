/**
 * Files for the hidden-data corpus, written byte by byte: a PDF with whatever hidden places a
 * variant asks for, a PNG with text chunks, a JPEG's segment structure with metadata, a GIF
 * with a comment.
 */
import { crc32, deflateSync } from 'node:zlib';

export interface PdfSpec {
  lines?: string[];
  offPage?: string;
  info?: string;
  xmp?: string;
  annotation?: string;
  field?: string;
  embedded?: string;
  bookmark?: string;
  /** A figure's alternative text in the structure tree of a tagged PDF. */
  alt?: string;
}

/** A PDF written by hand with what `spec` asks for (Helvetica, uncompressed). */
export function pdf(spec: PdfSpec): Uint8Array {
  const s = (t: string) => `(${t.replace(/[\\()]/g, '\\$&')})`;
  const objects: string[] = [];
  const add = (o: string) => objects.push(o);
  add(''); // 1 catalog
  add(''); // 2 pages
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'); // 3
  const lines = spec.lines ?? ['Notice on forest fire prevention'];
  const figure = spec.alt ? ' /Figure << /MCID 0 >> BDC 0 0 1 rg 72 600 50 50 re f EMC' : '';
  const content = `BT /F1 11 Tf 72 740 Td 16 TL ${lines.map((l) => `${s(l)} Tj T*`).join(' ')} ET${spec.offPage ? ` BT /F1 11 Tf 900 1200 Td ${s(spec.offPage)} Tj ET` : ''}${figure}`;
  add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`); // 4
  const annots: number[] = [];
  const catalog: string[] = [];
  if (spec.annotation) {
    add(`<< /Type /Annot /Subtype /Text /Rect [10 10 30 30] /Contents ${s(spec.annotation)} /T (reviewer) >>`);
    annots.push(objects.length);
  }
  if (spec.field) {
    add(`<< /Type /Annot /Subtype /Widget /FT /Tx /T (phone) /V ${s(spec.field)} /Rect [100 100 200 120] /P PAGE 0 R >>`);
    annots.push(objects.length);
    catalog.push(`/AcroForm << /Fields [${objects.length} 0 R] >>`);
  }
  if (spec.xmp) {
    const xmp = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>${spec.xmp}</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
    add(`<< /Type /Metadata /Subtype /XML /Length ${xmp.length} >>\nstream\n${xmp}\nendstream`);
    catalog.push(`/Metadata ${objects.length} 0 R`);
  }
  if (spec.embedded) {
    add(`<< /Type /EmbeddedFile /Length ${spec.embedded.length} >>\nstream\n${spec.embedded}\nendstream`);
    add(`<< /Type /Filespec /F (list.txt) /UF (list.txt) /EF << /F ${objects.length} 0 R >> >>`);
    catalog.push(`/Names << /EmbeddedFiles << /Names [(list.txt) ${objects.length} 0 R] >> >>`);
  }
  if (spec.bookmark) {
    const outlines = objects.length + 1;
    add(`<< /Type /Outlines /First ${outlines + 1} 0 R /Last ${outlines + 1} 0 R /Count 1 >>`);
    add(`<< /Title ${s(spec.bookmark)} /Parent ${outlines} 0 R /Dest [PAGE 0 R /Fit] >>`);
    catalog.push(`/Outlines ${outlines} 0 R`);
  }
  if (spec.alt) {
    const root = objects.length + 1;
    add(`<< /Type /StructTreeRoot /K [${root + 1} 0 R] /ParentTree << /Nums [0 [${root + 1} 0 R]] >> >>`);
    add(`<< /Type /StructElem /S /Figure /P ${root} 0 R /Pg PAGE 0 R /K 0 /Alt ${s(spec.alt)} >>`);
    catalog.push(`/MarkInfo << /Marked true >> /StructTreeRoot ${root} 0 R`);
  }
  const page = objects.length + 1;
  add(
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 3 0 R >> >>${annots.length ? ` /Annots [${annots.map((a) => `${a} 0 R`).join(' ')}]` : ''}${spec.alt ? ' /StructParents 0' : ''} >>`,
  );
  objects[0] = `<< /Type /Catalog /Pages 2 0 R ${catalog.join(' ')} >>`;
  objects[1] = `<< /Type /Pages /Kids [${page} 0 R] /Count 1 >>`;
  let info = 0;
  if (spec.info) {
    add(`<< /Title (Notice) /Author ${s(spec.info)} >>`);
    info = objects.length;
  }
  let out = '%PDF-1.7\n';
  const offsets = objects.map((o, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${o.replace(/PAGE/g, String(page))}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${info ? ` /Info ${info} 0 R` : ''} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** A 1×1 grey PNG with text chunks (tEXt, or iTXt for `itxt`). */
export async function png(text: Record<string, string> = {}, itxt = false): Promise<Uint8Array> {
  const enc = new TextEncoder();
  const ihdr = Uint8Array.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
  const chunks = [chunk('IHDR', ihdr)];
  for (const [k, v] of Object.entries(text)) {
    chunks.push(
      itxt
        ? chunk('iTXt', Uint8Array.from([...enc.encode(k), 0, 0, 0, 0, 0, ...enc.encode(v)]))
        : chunk('tEXt', Uint8Array.from([...enc.encode(k), 0, ...enc.encode(v)])),
    );
  }
  chunks.push(chunk('IDAT', new Uint8Array(deflateSync(Uint8Array.from([0, 128])))), chunk('IEND', new Uint8Array()));
  return concat([Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ...chunks]);
}

const segment = (marker: number, data: Uint8Array) => Uint8Array.from([0xff, marker, (data.length + 2) >> 8, (data.length + 2) & 0xff, ...data]);

/** A JPEG's segment structure (SOI, JFIF, metadata segments, tables, a scan, EOI): what the stripper walks. */
export function jpeg(meta: { exif?: string; comment?: string; xmp?: string }): Uint8Array {
  const enc = new TextEncoder();
  const parts = [Uint8Array.from([0xff, 0xd8]), segment(0xe0, Uint8Array.from([...enc.encode('JFIF'), 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]))];
  if (meta.exif) parts.push(segment(0xe1, Uint8Array.from([...enc.encode('Exif'), 0, 0, ...enc.encode(`MM\u0000*Artist\u0000${meta.exif}`)])));
  if (meta.xmp) parts.push(segment(0xe1, enc.encode(`http://ns.adobe.com/xap/1.0/\u0000<x:xmpmeta><dc:creator>${meta.xmp}</dc:creator></x:xmpmeta>`)));
  if (meta.comment) parts.push(segment(0xfe, enc.encode(meta.comment)));
  parts.push(
    segment(0xdb, new Uint8Array(65)),
    segment(0xc0, Uint8Array.from([8, 0, 1, 0, 1, 1, 1, 0x11, 0])),
    segment(0xda, Uint8Array.from([1, 1, 0, 0, 0x3f, 0])),
    Uint8Array.from([0x12, 0xff, 0x00, 0x34, 0xff, 0xd9]),
  );
  return concat(parts);
}

/** A 1×1 GIF with a comment extension. */
export function gif(comment: string): Uint8Array {
  const enc = new TextEncoder().encode(comment);
  const head = [0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0x80, 0, 0, 0xff, 0xff, 0xff, 0, 0, 0];
  const body = [0x21, 0xf9, 4, 1, 0, 0, 0, 0, 0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 1, 0];
  return Uint8Array.from([...head, 0x21, 0xfe, enc.length, ...enc, 0, ...body, 0x3b]);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, x) => n + x.length, 0));
  let at = 0;
  for (const x of parts) {
    out.set(x, at);
    at += x.length;
  }
  return out;
}
