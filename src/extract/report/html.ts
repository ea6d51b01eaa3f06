/**
 * An HTML page as cells: the text of each table cell (a spanned cell once, where it
 * starts, as a browser copies it), each paragraph, heading or line outside tables. Site
 * chrome around the report becomes cells like any other and is passed over by the reader.
 * A tolerant scanner, not a DOM: unclosed tags, unquoted attributes and nested layout
 * tables are common on government sites. Linear in the input.
 */
import type { Cells } from './cells.ts';
import { cleanLine } from './cells.ts';

const blocks = new Set([
  'p',
  'div',
  'br',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'section',
  'article',
  'header',
  'footer',
  'nav',
  'main',
  'aside',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'caption',
  'blockquote',
  'pre',
  'hr',
  'form',
  'title',
  'center',
  'address',
  'figure',
  'figcaption',
]);
const skipped = ['script', 'style', 'noscript', 'template', 'svg', 'head', 'select', 'textarea', 'iframe', 'object'];

const entities: Record<string, string> = {
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  middot: '·',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  times: '×',
  divide: '÷',
  yen: '¥',
  copy: '©',
  reg: '®',
  laquo: '«',
  raquo: '»',
  bull: '•',
  deg: '°',
  plusmn: '±',
  sect: '§',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});?/g, (all, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
    }
    return entities[e.toLowerCase()] ?? all;
  });
}

interface OpenCell {
  /** How many tables were open when the cell opened: a cell opened deeper is inside it. */
  depth: number;
  /** Text pieces since the last block boundary inside the cell. */
  pieces: string[];
  /** Paragraphs of the cell so far. */
  paragraphs: string[];
  /** A table inside the cell (a layout cell): its paragraphs are cells of their own. */
  container: boolean;
  hidden: boolean;
}

/** A tag at the scan position (sticky), its attributes at most 2,000 characters long. */
const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)([^>]{0,2000})>/y;
const voids = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const hiddenStyle = /display\s*:\s*none|visibility\s*:\s*hidden/i;

export function htmlCells(html: string): Cells {
  const cells: string[] = [];
  const open: OpenCell[] = [];
  let pieces: string[] = [];
  /** Depth of elements hidden by their style or attribute, and the tag names that opened them. */
  const hiddenTags: string[] = [];

  const emit = (text: string) => {
    const t = cleanLine(text);
    if (t !== '') cells.push(t);
  };
  const flushPieces = () => {
    const top = open[open.length - 1];
    const text = cleanLine(pieces.join(''));
    pieces = [];
    if (text === '') return;
    if (top && !top.container) top.paragraphs.push(text);
    else emit(text);
  };
  let tables = 0;
  /** The innermost open cell, when it belongs to the innermost open table (a cell of this row). */
  const sibling = () => {
    const top = open[open.length - 1];
    return top && top.depth === tables && !top.container ? top : undefined;
  };
  const openCell = (hidden: boolean) => {
    flushPieces();
    const outer = open[open.length - 1];
    if (outer && !outer.container) {
      // a table inside this cell: what it held so far are cells of their own
      outer.container = true;
      for (const p of outer.paragraphs) emit(p);
      outer.paragraphs = [];
    }
    open.push({ depth: tables, pieces: [], paragraphs: [], container: false, hidden });
  };
  const closeCell = () => {
    flushPieces();
    const cell = open.pop();
    if (!cell || cell.hidden) return;
    if (cell.container) for (const p of cell.paragraphs) emit(p);
    else cells.push(cleanLine(cell.paragraphs.join('')));
  };

  let at = 0;
  const n = html.length;
  while (at < n) {
    const lt = html.indexOf('<', at);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > at) {
      if (hiddenTags.length === 0) pieces.push(decodeEntities(html.slice(at, textEnd)).replace(/\s+/g, ' '));
      at = textEnd;
      continue;
    }
    // at a '<'
    if (html.startsWith('<!--', at)) {
      const end = html.indexOf('-->', at + 4);
      at = end < 0 ? n : end + 3;
      continue;
    }
    tag.lastIndex = at;
    const m = tag.exec(html);
    if (!m) {
      // a lone '<' or a declaration (<!doctype>, <?xml?>) or a tag too long to be real
      const gt = html.indexOf('>', at + 1);
      if (/^<[!?]/.test(html.slice(at, at + 2)) && gt >= 0) at = gt + 1;
      else {
        if (hiddenTags.length === 0) pieces.push('<');
        at++;
      }
      continue;
    }
    at += m[0].length;
    const closing = m[1] === '/';
    const name = m[2]!.toLowerCase();
    const attrs = m[3] ?? '';
    if (hiddenTags.length > 0) {
      const top = hiddenTags[hiddenTags.length - 1];
      if (name === top) {
        if (closing) hiddenTags.pop();
        else hiddenTags.push(name);
      }
      continue;
    }
    if (!closing && skipped.includes(name) && !attrs.trimEnd().endsWith('/')) {
      const re = new RegExp(`</${name}`, 'gi');
      re.lastIndex = at;
      const end = re.exec(html)?.index ?? -1;
      at = end < 0 ? n : html.indexOf('>', end) + 1 || n;
      continue;
    }
    if (!closing && (hiddenStyle.test(attrs) || /(?:^|\s)hidden(?:\s|=|$)/i.test(attrs))) {
      if (voids.has(name) || attrs.trimEnd().endsWith('/')) continue;
      if (name === 'td' || name === 'th') {
        if (sibling()) closeCell();
        openCell(true);
        continue;
      }
      hiddenTags.push(name);
      continue;
    }
    if (name === 'td' || name === 'th') {
      if (closing) {
        if (sibling()) closeCell();
      } else {
        // an unclosed cell ends where the next one of its row starts
        if (sibling()) closeCell();
        openCell(false);
      }
      continue;
    }
    // the row or table of the innermost open cell ends: close that cell first (a layout cell
    // stays open around its inner table)
    if ((name === 'tr' || (closing && name === 'table')) && sibling()) closeCell();
    if (name === 'table') tables = closing ? Math.max(0, tables - 1) : tables + 1;
    if (blocks.has(name)) flushPieces();
  }
  flushPieces();
  while (open.length > 0) closeCell();
  return { source: 'html', cells, lines: false };
}
