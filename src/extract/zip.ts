/**
 * Reads a ZIP's central directory synchronously (sniffing must not wait): entry names,
 * unpacked sizes, and one small entry's content; and whole ZIPs unpacked within a limit.
 */
import { inflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { maxUnpackedBytes } from '../law/screening.ts';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** The entries, or null when this is not a readable ZIP (truncated, ZIP64, damaged). */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const nameLength = view.getUint16(at + 28, true);
    entries.push({
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

/** One entry's content as text (stored or deflated), or null if unreadable or over `limit` bytes. */
export function zipEntryText(bytes: Uint8Array, entry: ZipEntry, limit = 1024 * 1024): string | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (entry.size > limit || at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) return null;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  try {
    if (entry.method === 0) return new TextDecoder().decode(data);
    if (entry.method === 8) return new TextDecoder().decode(inflateRawSync(data, { maxOutputLength: limit }));
  } catch {
    return null;
  }
  return null;
}

/** A ZIP (or a PDF's streams) unpacking beyond the limit, whatever the headers claim: a zip bomb. */
export class ZipTooLarge extends Error {
  constructor(limit: number) {
    super(`文件解压后超过 ${Math.round(limit / 1024 / 1024)} MB（可能是“压缩炸弹”），无法读取：请删去多余内容后再上传`);
    this.name = 'ZipTooLarge';
  }
}

/**
 * Every entry of a ZIP, unpacked against a running total: inflating stops as soon as the
 * total passes `limit`, whatever sizes the headers claim (zlib checks maxOutputLength as
 * it writes each chunk, so no more than the limit is ever held). Throws ZipTooLarge over
 * it, and an Error for a ZIP it cannot read (damaged, encrypted, ZIP64, another method).
 */
export function unzip(bytes: Uint8Array, limit = maxUnpackedBytes): { name: string; data: Uint8Array }[] {
  const entries = zipEntries(bytes);
  if (!entries) throw new Error('not a readable ZIP');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: { name: string; data: Uint8Array }[] = [];
  let total = 0;
  for (const entry of entries) {
    const at = entry.localOffset;
    if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) throw new Error('damaged ZIP entry');
    if (view.getUint16(at + 6, true) & 1) throw new Error('encrypted ZIP entry');
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const packed = bytes.subarray(start, start + entry.compressedSize);
    const room = limit - total;
    let data: Uint8Array;
    if (entry.method === 0) data = packed;
    else if (entry.method === 8) data = inflateWithin(packed, room, limit);
    else throw new Error(`ZIP method ${entry.method}`);
    total += data.length;
    if (total > limit) throw new ZipTooLarge(limit);
    out.push({ name: entry.name, data });
  }
  return out;
}

function inflateWithin(packed: Uint8Array, room: number, limit: number): Uint8Array {
  try {
    return inflateRawSync(packed, { maxOutputLength: Math.max(1, room) });
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipTooLarge(limit);
    throw e;
  }
}

/**
 * A ZIP for JSZip (and ExcelJS, which reads through it) made of entries `unzip` unpacked:
 * JSZip itself inflates an entry whole, however large, before anything can check it.
 */
export async function loadZip(bytes: Uint8Array, limit = maxUnpackedBytes): Promise<JSZip> {
  const zip = new JSZip();
  for (const { name, data } of unzip(bytes, limit)) {
    if (name.endsWith('/')) zip.folder(name);
    else zip.file(name, data, { binary: true, createFolders: false });
  }
  return zip;
}

/** The same ZIP rewritten from entries `unzip` unpacked (stored), for readers that take bytes. */
export async function checkedZipBytes(bytes: Uint8Array, limit = maxUnpackedBytes): Promise<Buffer> {
  return (await loadZip(bytes, limit)).generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}
