/**
 * Image metadata stripped from a published image, byte by byte (no decoding): PNG text chunks
 * (tEXt, zTXt, iTXt), eXIf and every other chunk not needed to draw the picture; JPEG APP
 * segments (EXIF, XMP, IPTC, thumbnails) but JFIF, the ICC profile and Adobe's colour
 * transform, and COM comments; GIF comments, plain-text and application extensions (XMP)
 * but the looping one. Bytes after the image's end are dropped too.
 */
const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const pngKept = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'gAMA', 'cHRM', 'sRGB', 'iCCP', 'sBIT', 'bKGD', 'pHYs', 'acTL', 'fcTL', 'fdAT']);

export class ImageFormatError extends Error {}

export function stripPng(bytes: Uint8Array): Uint8Array {
  if (!pngSignature.every((b, i) => bytes[i] === b)) throw new ImageFormatError('not a PNG');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const kept: Uint8Array[] = [bytes.subarray(0, 8)];
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const end = at + 12 + length;
    if (end > bytes.length) throw new ImageFormatError('truncated PNG chunk');
    if (pngKept.has(type)) kept.push(bytes.subarray(at, end));
    at = end;
    if (type === 'IEND') return concat(kept);
  }
  throw new ImageFormatError('PNG without IEND');
}

/** APPn segments kept: JFIF (APP0, without a thumbnail), ICC profile (APP2), Adobe (APP14). */
function keepJpegSegment(marker: number, data: Uint8Array): boolean {
  const id = String.fromCharCode(...data.subarray(0, 12));
  if (marker === 0xe0) return id.startsWith('JFIF\0') && data[12] === 0 && data[13] === 0;
  if (marker === 0xe2) return id.startsWith('ICC_PROFILE\0');
  if (marker === 0xee) return id.startsWith('Adobe');
  return marker < 0xe0 || marker > 0xef ? marker !== 0xfe : false;
}

export function stripJpeg(bytes: Uint8Array): Uint8Array {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new ImageFormatError('not a JPEG');
  const kept: Uint8Array[] = [bytes.subarray(0, 2)];
  let at = 2;
  while (at + 2 <= bytes.length) {
    if (bytes[at] !== 0xff) throw new ImageFormatError('JPEG marker expected');
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === 0xd9) return concat([...kept, bytes.subarray(at, at + 2)]);
    if (marker >= 0xd0 && marker <= 0xd7) {
      kept.push(bytes.subarray(at, at + 2));
      at += 2;
      continue;
    }
    if (at + 4 > bytes.length) break;
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    let end = at + 2 + length;
    if (end > bytes.length || length < 2) throw new ImageFormatError('truncated JPEG segment');
    if (marker === 0xda) end = scanEnd(bytes, end); // entropy-coded data runs to the next marker
    if (keepJpegSegment(marker, bytes.subarray(at + 4, at + 2 + length))) kept.push(bytes.subarray(at, end));
    at = end;
  }
  throw new ImageFormatError('JPEG without EOI');
}

/** The first marker after entropy-coded data (0xFF00 is a stuffed byte, RSTn markers belong to the data). */
function scanEnd(bytes: Uint8Array, from: number): number {
  for (let i = from; i + 1 < bytes.length; i++) {
    if (bytes[i] !== 0xff) continue;
    const next = bytes[i + 1]!;
    if (next === 0x00 || next === 0xff || (next >= 0xd0 && next <= 0xd7)) continue;
    return i;
  }
  return bytes.length;
}

export function stripGif(bytes: Uint8Array): Uint8Array {
  const head = String.fromCharCode(...bytes.subarray(0, 6));
  if (head !== 'GIF87a' && head !== 'GIF89a') throw new ImageFormatError('not a GIF');
  const flags = bytes[10] ?? 0;
  let at = 13 + (flags & 0x80 ? 3 * (1 << ((flags & 7) + 1)) : 0);
  const kept: Uint8Array[] = [bytes.subarray(0, at)];
  const subBlocks = (from: number) => {
    let i = from;
    while (i < bytes.length && bytes[i] !== 0) i += bytes[i]! + 1;
    if (i >= bytes.length) throw new ImageFormatError('truncated GIF block');
    return i + 1;
  };
  while (at < bytes.length) {
    const kind = bytes[at];
    if (kind === 0x3b) return concat([...kept, bytes.subarray(at, at + 1)]);
    if (kind === 0x2c) {
      const local = bytes[at + 9] ?? 0;
      const data = at + 10 + (local & 0x80 ? 3 * (1 << ((local & 7) + 1)) : 0) + 1; // + LZW code size
      const end = subBlocks(data);
      kept.push(bytes.subarray(at, end));
      at = end;
    } else if (kind === 0x21) {
      const label = bytes[at + 1];
      const end = subBlocks(at + 2);
      const app = label === 0xff ? String.fromCharCode(...bytes.subarray(at + 3, at + 14)) : '';
      if (label === 0xf9 || app === 'NETSCAPE2.0' || app === 'ANIMEXTS1.0') kept.push(bytes.subarray(at, end));
      at = end;
    } else throw new ImageFormatError('unknown GIF block');
  }
  throw new ImageFormatError('GIF without trailer');
}

/** The image without its metadata, or null when the bytes are not an image of these types. */
export function stripImageMetadata(bytes: Uint8Array): Uint8Array | null {
  try {
    if (bytes[0] === 0x89) return stripPng(bytes);
    if (bytes[0] === 0xff) return stripJpeg(bytes);
    if (bytes[0] === 0x47) return stripGif(bytes);
  } catch (e) {
    if (!(e instanceof ImageFormatError)) throw e;
  }
  return null;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
