/**
 * Text an Office file keeps outside its paragraphs and cells, which a reader can still see or
 * extract: image alt text, content-control tags, SmartArt and chart text, drawings' text
 * boxes, and any other XML part read as loose text (a catch-all, so a place not named here is
 * screened all the same).
 */
import { scanContainers, type ContainerSpec } from './containers.ts';
import type { Part } from './types.ts';
import { attr, tokens, unescapeXml } from './xml.ts';

/** Attributes that hold text a reader can see: alt text (descr, title), content-control alias and tag. */
const textAttributes: Readonly<Record<string, readonly { name: string; label: string }[]>> = {
  'wp:docPr': [
    { name: 'descr', label: '图片替代文字' },
    { name: 'title', label: '图片标题' },
  ],
  'pic:cNvPr': [
    { name: 'descr', label: '图片替代文字' },
    { name: 'title', label: '图片标题' },
  ],
  'xdr:cNvPr': [
    { name: 'descr', label: '图形替代文字' },
    { name: 'title', label: '图形标题' },
  ],
  'v:shape': [
    { name: 'alt', label: '图形替代文字' },
    { name: 'title', label: '图形标题' },
  ],
  'v:imagedata': [{ name: 'o:title', label: '图片标题' }],
  'w:alias': [{ name: 'w:val', label: '内容控件名称' }],
  'w:tag': [{ name: 'w:val', label: '内容控件标记' }],
};

export function attributeParts(xml: string, prefix: string): Part[] {
  const parts: Part[] = [];
  for (const t of tokens(xml)) {
    if (t.kind !== 'open' && t.kind !== 'empty') continue;
    for (const a of textAttributes[t.name] ?? []) {
      const text = attr(t.attrs, a.name);
      if (text && text.trim() !== '') parts.push({ location: `${prefix}${a.label}`, text, hidden: true });
    }
  }
  return parts;
}

/**
 * Every other attribute value of a part (bookmark names, simple fields' instructions, legacy
 * form fields' defaults, hyperlink anchors …), one per line: the ones `attributeParts` names,
 * authors (neutralised on publication, sanitize.ts) and namespace declarations left out.
 */
export function otherAttributes(xml: string): string {
  const lines: string[] = [];
  for (const t of tokens(xml)) {
    if (t.kind !== 'open' && t.kind !== 'empty') continue;
    const named = new Set((textAttributes[t.name] ?? []).map((a) => a.name));
    for (const m of t.attrs.matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      if (named.has(m[1]!) || neutralised.has(m[1]!) || m[1] === 'xmlns' || m[1]!.startsWith('xmlns:')) continue;
      const value = unescapeXml(m[2] ?? m[3] ?? '').trim();
      if (value) lines.push(value);
    }
  }
  return lines.join('\n');
}

const neutralised = new Set(['w:author', 'w:initials']);

/** DrawingML paragraphs (a:p) and chart values (c:v): SmartArt, charts, shapes and text boxes of a drawing. */
const drawingSpec: ContainerSpec = { containers: ['a:p', 'c:pt', 'c:tx', 'c:f'], text: { 'a:t': 'visible', 'c:v': 'visible', 'dgm:t': 'visible' } };

export function drawingParts(xml: string, location: string): Part[] {
  const lines = scanContainers(xml, drawingSpec)
    .map((c) => c.runs.map((r) => r.text).join(''))
    .filter((t) => t.trim() !== '');
  return lines.length ? [{ location, text: lines.join('\n'), hidden: false }, ...attributeParts(xml, location)] : attributeParts(xml, location);
}

/** Every text node and attribute value of a part, one per line (namespace declarations left out). */
export function looseText(xml: string): string {
  const lines: string[] = [];
  for (const t of tokens(xml)) {
    if (t.kind === 'text') {
      const text = unescapeXml(t.raw).trim();
      if (text) lines.push(text);
    } else if (t.kind !== 'close') {
      for (const m of t.attrs.matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        if (m[1] === 'xmlns' || m[1]!.startsWith('xmlns:')) continue;
        const value = unescapeXml(m[2] ?? m[3] ?? '').trim();
        if (value) lines.push(value);
      }
    }
  }
  return lines.join('\n');
}

export function loosePart(xml: string, location: string): Part[] {
  const text = looseText(xml);
  return text ? [{ location, text, hidden: true }] : [];
}

/** Text of an HTML, MHT, RTF or plain-text fragment (an altChunk): tags and RTF control words left out. */
export function fragmentText(bytes: Uint8Array): string {
  const raw = new TextDecoder().decode(bytes);
  const withoutTags = raw.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, ' ');
  return unescapeXml(withoutTags.replace(/&nbsp;/g, ' ')).replace(/\\[a-z]+-?\d* ?|[{}]/g, ' ');
}
