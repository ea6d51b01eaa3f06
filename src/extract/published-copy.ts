/**
 * The copy of an attachment the portal serves (and the search reads): DOCX and XLSX
 * sanitised (sanitize.ts) and with the reviewer's masked values replaced; images without
 * their metadata. A PDF is served as uploaded: the platform does not rewrite PDFs (see
 * pdfRedactionMessage), so its hits must be settled by a redacted upload.
 */
import type { AttachmentType } from '../law/screening.ts';
import type { Replacement } from './containers.ts';
import { stripImageMetadata } from './images.ts';
import { redactDocx, redactXlsx, RedactionError } from './redact.ts';
import { sanitizeOffice } from './sanitize.ts';

/** The published copy, or null when the original is served (a PDF with nothing to mask). */
export async function publishedCopy(bytes: Uint8Array, type: AttachmentType, replacements: readonly Replacement[]): Promise<Uint8Array | null> {
  switch (type) {
    case 'docx':
    case 'xlsx': {
      let copy: Uint8Array;
      try {
        copy = await sanitizeOffice(bytes);
      } catch {
        throw new RedactionError('整个文件');
      }
      if (replacements.length === 0) return copy;
      return type === 'docx' ? redactDocx(copy, replacements) : redactXlsx(copy, replacements);
    }
    case 'png':
    case 'jpeg':
    case 'gif': {
      if (replacements.length > 0) throw new RedactionError('图片');
      const stripped = stripImageMetadata(bytes);
      if (!stripped) throw new RedactionError('图片的元数据');
      return stripped;
    }
    case 'pdf':
      if (replacements.length > 0) throw new RedactionError('PDF');
      return null;
  }
}
