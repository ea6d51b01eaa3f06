/**
 * Reading attachments: what a file really is, its text for screening, and redacted copies.
 * Above the domain (it does I/O-like work: unzipping, parsing), below app and web.
 */
import type { AttachmentType } from '../law/screening.ts';
import { extractDocx } from './docx.ts';
import type { Extracted } from './types.ts';
import { extractXlsx } from './xlsx.ts';
import type { Replacement } from './containers.ts';
import { runFileJob } from './pool/index.ts';
import { ZipTooLarge } from './zip.ts';

export { sniffAttachment } from './sniff.ts';
export { canRedact, pdfRedactionMessage, RedactionError } from './redact.ts';
export { FileRefusedError } from './pool/index.ts';
export type { Replacement } from './containers.ts';
export type { Extracted, Part } from './types.ts';

const imageNote = '图片中的文字无法自动筛查，请人工查看图片内容';

/**
 * The text of an attachment of a type `sniffAttachment` returned, in parts with their
 * location. A file that cannot be read gives no parts and says why in `unreadable`. Read in
 * the file pool: a file over its time or memory limit throws FileRefusedError.
 */
export function extractText(bytes: Uint8Array, type: AttachmentType): Promise<Extracted> {
  return runFileJob({ kind: 'attachmentText', bytes, type });
}

/** A copy of the DOCX with every value replaced by its mask (redact.ts), made in the file pool. */
export function redactDocx(bytes: Uint8Array, replacements: readonly Replacement[]): Promise<Uint8Array> {
  return runFileJob({ kind: 'redact', type: 'docx', bytes, replacements });
}

/** A copy of the XLSX with every value replaced by its mask (redact.ts), made in the file pool. */
export function redactXlsx(bytes: Uint8Array, replacements: readonly Replacement[]): Promise<Uint8Array> {
  return runFileJob({ kind: 'redact', type: 'xlsx', bytes, replacements });
}

/**
 * The copy of an attachment the portal serves (published-copy.ts: sanitised, masked, image
 * metadata stripped), made in the file pool; null when the original is served.
 */
export function publishedCopy(bytes: Uint8Array, type: AttachmentType, replacements: readonly Replacement[]): Promise<Uint8Array | null> {
  return runFileJob({ kind: 'publishedCopy', bytes, type, replacements });
}

/** `extractText` in this thread: only the pool's workers call it. */
export async function readAttachmentText(bytes: Uint8Array, type: AttachmentType): Promise<Extracted> {
  try {
    switch (type) {
      case 'docx':
        return await extractDocx(bytes);
      case 'xlsx':
        return await extractXlsx(bytes);
      case 'pdf':
        return await (await import('./pdf.ts')).extractPdf(bytes); // pdf.js loads in the pool's workers only
      case 'png':
      case 'jpeg':
      case 'gif':
        return { parts: [], unreadable: imageNote };
    }
  } catch (e) {
    if (e instanceof ZipTooLarge) throw e; // refused, not accepted for reading by eye
    return { parts: [], unreadable: '文件已损坏或格式不受支持，无法读取其中的文字：请人工查看，或重新上传' };
  }
}
