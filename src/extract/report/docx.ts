/**
 * A Word document as cells: each paragraph outside tables, and each table cell (its
 * paragraphs joined; a vertically merged cell once, where it starts). Visible text only:
 * hidden text and deleted revisions are not part of the published report.
 */
import { scanContainers } from '../containers.ts';
import { wordSpec } from '../docx.ts';
import { zipEntries, zipEntryText } from '../zip.ts';
import type { Cells } from './cells.ts';
import { cleanLine } from './cells.ts';
import { attr } from '../xml.ts';

/** The main part is read up to this size unpacked (a report is well under 1 MB). */
const maxDocumentXml = 64 * 1024 * 1024;

export class UnreadableDocument extends Error {}

export function docxCells(bytes: Uint8Array): Cells {
  const entries = zipEntries(bytes);
  const main = entries?.find((e) => e.name === 'word/document.xml');
  if (!main) throw new UnreadableDocument('不是可读取的 Word 文档（DOCX）：文件已损坏，或不是 DOCX 格式');
  const xml = zipEntryText(bytes, main, maxDocumentXml);
  if (xml === null) throw new UnreadableDocument('Word 文档（DOCX）的正文无法解压：文件已损坏或过大');

  const cellsOpen: { id: number; continuation: boolean }[] = [];
  let nextId = 0;
  const paragraphs = scanContainers<{ cell: number | null; continuation: boolean }>(xml, {
    ...wordSpec,
    skip: ['mc:Fallback'],
    onOpen: (name, attrs) => {
      if (name === 'w:tc') cellsOpen.push({ id: ++nextId, continuation: false });
      const top = cellsOpen[cellsOpen.length - 1];
      if (name === 'w:vMerge' && top) top.continuation = (attr(attrs, 'w:val') ?? 'continue') !== 'restart';
    },
    onClose: (name) => {
      if (name === 'w:tc') cellsOpen.pop();
    },
    info: () => {
      const top = cellsOpen[cellsOpen.length - 1];
      return { cell: top ? top.id : null, continuation: top?.continuation ?? false };
    },
  });

  const cells: string[] = [];
  let currentCell: number | null = null;
  let texts: string[] = [];
  const flush = () => {
    if (currentCell !== null) cells.push(cleanLine(texts.join('')));
    currentCell = null;
    texts = [];
  };
  for (const p of paragraphs) {
    const text = cleanLine(
      p.runs
        .filter((r) => r.category === 'visible')
        .map((r) => r.text)
        .join(''),
    );
    const { cell, continuation } = p.info;
    if (cell === null) {
      flush();
      if (text !== '') cells.push(text);
      continue;
    }
    if (continuation) continue;
    if (currentCell !== cell) {
      flush();
      currentCell = cell;
    }
    texts.push(text);
  }
  flush();
  return { source: 'docx', cells, lines: false };
}
