/**
 * The published copy of a DOCX or XLSX keeps only what was screened and can be redacted.
 * Removed: custom properties and the thumbnail, customXml, embedded files and objects
 * (embeddings, OLE objects, ActiveX), the glossary document, altChunk parts, people and
 * printer settings — with their relationships, content types and the elements pointing at
 * them. Neutralised: the core and extended properties, comment and revision authors.
 * Pictures inside lose their metadata (images.ts).
 */
import { loadZip } from './zip.ts';
import { stripImageMetadata } from './images.ts';
import { attr, splice, tokens } from './xml.ts';

const removedPaths = [
  /^docProps\/custom\.xml$/,
  /^docProps\/thumbnail\.[a-z]+$/i,
  /^customXml\//,
  /^(word|xl)\/embeddings\//,
  /^(word|xl)\/activeX\//,
  /^(word|xl)\/printerSettings\//,
  /^word\/glossary\//,
  /^word\/people\.xml$/,
];

const altChunkType = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk';

/** A relationship's target as a part name. */
export function resolveTarget(relsName: string, target: string): string {
  const base = relsName.replace(/_rels\/[^/]*\.rels$/, '');
  const parts = (target.startsWith('/') ? target.slice(1) : base + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** Parts an altChunk relationship points at (their text is screened; they are removed on publication). */
export function altChunkTargets(files: Record<string, string>): string[] {
  const found: string[] = [];
  for (const [name, xml] of Object.entries(files)) {
    if (!name.endsWith('.rels')) continue;
    for (const t of tokens(xml)) {
      if (t.kind === 'close' || t.kind === 'text' || t.name !== 'Relationship') continue;
      if (attr(t.attrs, 'Type') === altChunkType && attr(t.attrs, 'TargetMode') !== 'External') found.push(resolveTarget(name, attr(t.attrs, 'Target') ?? ''));
    }
  }
  return found;
}

export function isRemovedPart(name: string): boolean {
  return removedPaths.some((p) => p.test(name));
}

/** Elements removed wherever they stand: they point at removed parts or carry people's names. */
const removedElements = new Set(['w:altChunk', 'o:OLEObject', 'w:control', 'w:dataBinding', 'c:externalData', 'oleObjects', 'controls']);

/** `xml` without the elements `drop` names (an open element with everything up to its close). */
export function removeElements(xml: string, drop: (name: string) => boolean): string {
  const edits: { from: number; to: number; text: string }[] = [];
  let open: { name: string; from: number; depth: number } | null = null;
  let depth = 0;
  for (const t of tokens(xml)) {
    if (t.kind === 'text') continue;
    if (t.kind === 'open') depth++;
    if (open) {
      if (t.kind === 'close') {
        depth--;
        if (depth === open.depth) {
          edits.push({ from: open.from, to: t.to, text: '' });
          open = null;
        }
      }
      continue;
    }
    if (t.kind === 'close') {
      depth--;
      continue;
    }
    if (!drop(t.name)) continue;
    if (t.kind === 'empty') edits.push({ from: t.from, to: t.to, text: '' });
    else open = { name: t.name, from: t.from, depth: depth - 1 };
  }
  return splice(xml, edits);
}

const neutralCore =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"></cp:coreProperties>';
const neutralApp =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"></Properties>';

/** Names of people: comment and revision authors (Word), comment authors and threaded-comment persons (Excel). */
function neutralisePeople(name: string, xml: string): string {
  const set = (pattern: RegExp, value: (attribute: string) => string) => (s: string) => s.replace(pattern, (_all, a: string) => `${a}"${value(a)}"`);
  if (name.startsWith('word/')) return set(/(\sw:(?:author|initials)\s*=\s*)(?:"[^"]*"|'[^']*')/g, (a) => (a.includes('initials') ? '' : '作者'))(xml);
  if (/^xl\/persons\//.test(name))
    return set(/(\s(?:displayName|userId|providerId)\s*=\s*)(?:"[^"]*"|'[^']*')/g, (a) =>
      a.includes('displayName') ? '作者' : a.includes('providerId') ? 'None' : '',
    )(xml);
  if (/^xl\/comments[^/]*\.xml$/.test(name)) return xml.replace(/<author>[^<]*<\/author>/g, '<author>作者</author>');
  return xml;
}

/** Relationships to removed parts dropped from a .rels part; their ids returned. */
function dropRelationships(name: string, xml: string, removed: Set<string>): { xml: string; ids: Set<string> } {
  const edits: { from: number; to: number; text: string }[] = [];
  const ids = new Set<string>();
  for (const t of tokens(xml)) {
    if (t.kind === 'close' || t.kind === 'text' || t.name !== 'Relationship' || attr(t.attrs, 'TargetMode') === 'External') continue;
    if (!removed.has(resolveTarget(name, attr(t.attrs, 'Target') ?? ''))) continue;
    ids.add(attr(t.attrs, 'Id') ?? '');
    edits.push({ from: t.from, to: t.to, text: '' });
  }
  return { xml: splice(xml, edits), ids };
}

/** The published copy of an Office package: removed and neutralised as above. */
export async function sanitizeOffice(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await loadZip(bytes);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  const rels: Record<string, string> = {};
  for (const n of names.filter((n) => n.endsWith('.rels'))) rels[n] = await zip.file(n)!.async('string');
  const removed = new Set([...names.filter(isRemovedPart), ...altChunkTargets(rels)]);
  for (const n of [...removed]) if (zip.files[n]) zip.remove(n);
  for (const n of names) {
    if (removed.has(n) || !zip.files[n]) continue;
    if (n.endsWith('.rels')) {
      const owner = n.replace(/_rels\/([^/]+)\.rels$/, '$1');
      if (removed.has(owner)) {
        zip.remove(n);
        continue;
      }
      const { xml } = dropRelationships(n, rels[n]!, removed);
      if (xml !== rels[n]) zip.file(n, xml);
    } else if (n === 'docProps/core.xml') zip.file(n, neutralCore);
    else if (n === 'docProps/app.xml') zip.file(n, neutralApp);
    else if (/\.(xml|vml)$/i.test(n)) {
      const before = await zip.file(n)!.async('string');
      let xml = n === '[Content_Types].xml' ? dropOverrides(before, removed) : removeElements(before, (e) => removedElements.has(e));
      xml = neutralisePeople(n, xml);
      if (xml !== before) zip.file(n, xml);
    } else if (/^(word|xl)\/media\/[^/]+\.(png|jpe?g|gif)$/i.test(n)) {
      const stripped = stripImageMetadata(await zip.file(n)!.async('uint8array'));
      if (stripped) zip.file(n, stripped);
    }
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

function dropOverrides(xml: string, removed: Set<string>): string {
  const edits: { from: number; to: number; text: string }[] = [];
  for (const t of tokens(xml)) {
    if (t.kind !== 'empty' || t.name !== 'Override') continue;
    if (removed.has((attr(t.attrs, 'PartName') ?? '').replace(/^\//, ''))) edits.push({ from: t.from, to: t.to, text: '' });
  }
  return splice(xml, edits);
}
