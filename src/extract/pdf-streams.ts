/**
 * A PDF's compressed streams unpacked against a running limit before pdf.js reads it: pdf.js
 * decodes a stream into ArrayBuffers, which a worker's heap limit does not count, so a small
 * PDF whose streams inflate to gigabytes would take the machine's memory.
 */
import { constants, inflateSync } from 'node:zlib';
import { maxUnpackedBytes } from '../law/screening.ts';
import { ZipTooLarge } from './zip.ts';

/** Whether two bytes are a zlib header (what a FlateDecode stream starts with). */
const zlibHeader = (a: number | undefined, b: number | undefined) => a !== undefined && b !== undefined && (a & 0x0f) === 8 && ((a << 8) | b) % 31 === 0;

/**
 * Throws ZipTooLarge when the FlateDecode streams of a PDF together unpack beyond `limit`.
 * Streams are found by their keywords (no dictionary is parsed) and each is inflated by zlib
 * with maxOutputLength, the result dropped at once; a stream zlib cannot read is left to pdf.js.
 */
export function checkPdfStreams(bytes: Uint8Array, limit = maxUnpackedBytes): void {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const keyword = /stream(?:\r\n|\n|\r)/g;
  let total = 0;
  for (let m = keyword.exec(text); m; m = keyword.exec(text)) {
    if (text.startsWith('end', m.index - 3)) continue;
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    keyword.lastIndex = end < 0 ? text.length : end + 9;
    if (!zlibHeader(bytes[start], bytes[start + 1])) continue;
    try {
      total += inflateSync(bytes.subarray(start, end < 0 ? bytes.length : end), {
        maxOutputLength: Math.max(1, limit - total),
        finishFlush: constants.Z_SYNC_FLUSH,
      }).length;
    } catch (e) {
      if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipTooLarge(limit);
    }
    if (total > limit) throw new ZipTooLarge(limit);
  }
}
