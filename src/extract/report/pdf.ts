/**
 * The text of a PDF, page by page, read by pdf.js in the file pool (src/extract/pool/): a
 * PDF that pdf.js does not finish with within the pool's time or memory limit is given up
 * (its worker is terminated), so no file hangs the reader or the server.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { checkPdfStreams } from '../pdf-streams.ts';
import { inFilePoolWorker, runFileJob } from '../pool/index.ts';

const pdfjsDir = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/**
 * A text item of a page as pdf.js gives it: its text, where it starts across the page and how
 * wide it is (PDF units), whether a line ends after it, and whether it is printed upright
 * (not rotated or skewed, so its x-positions are those of its columns).
 */
export interface PdfItem {
  str: string;
  x: number;
  width: number;
  eol: boolean;
  upright: boolean;
}

/** Each page's text (its items joined, a line break after each line's last item), and its items. */
export type PdfText = { pages: string[]; items: PdfItem[][] } | { failure: 'locked' | 'damaged' };

/**
 * The text and items of each page (empty for a page without a text layer), or why there are
 * none. Read in the file pool (in place when this is one of its workers); throws
 * FileRefusedError over the pool's limits.
 */
export function pdfText(bytes: Uint8Array): Promise<PdfText> {
  return inFilePoolWorker() ? readPdfText(bytes) : runFileJob({ kind: 'pdfText', bytes });
}

/** `pdfText` in this thread, with pdf.js options as in src/extract/pdf.ts. */
export async function readPdfText(bytes: Uint8Array): Promise<PdfText> {
  checkPdfStreams(bytes); // a PDF bomb is refused before pdf.js decodes it
  const { getDocument } = await import('../pdfjs.ts'); // in the workers only: pdf.js is large
  const task = getDocument({
    data: bytes.slice(), // pdf.js takes ownership of the buffer it is given
    cMapUrl: `${pdfjsDir}/cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${pdfjsDir}/standard_fonts/`,
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    const pages: string[] = [];
    const items: PdfItem[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const text: string[] = [];
      const placed: PdfItem[] = [];
      for (const i of content.items) {
        if (!('str' in i)) continue;
        text.push(i.str + (i.hasEOL ? '\n' : ''));
        const t = i.transform as number[];
        placed.push({ str: i.str, x: t[4]!, width: i.width, eol: i.hasEOL, upright: t[1] === 0 && t[2] === 0 && t[0]! > 0 });
      }
      pages.push(text.join(''));
      items.push(placed);
      page.cleanup();
    }
    return { pages, items };
  } catch (e) {
    return { failure: (e as { name?: string } | null)?.name === 'PasswordException' ? 'locked' : 'damaged' };
  } finally {
    task.destroy().catch(() => {});
  }
}
