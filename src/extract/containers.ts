/**
 * Text containers in Office XML: a Word paragraph (w:p) or an Excel string (si, is) holds
 * its text in several runs, and a value may be split across them (138 in one run, 12345678
 * in the next). Scanning joins a container's runs; redaction rewrites them in place.
 */
import { attr, escapeXml, splice, tokens, unescapeXml } from './xml.ts';

export type RunCategory = 'visible' | 'hidden' | 'deleted' | 'field';

export interface Run {
  text: string;
  category: RunCategory;
  /** Raw text range in the XML and its element's open tag; null for a tab or break element. */
  content: { from: number; to: number } | null;
  tag: { from: number; to: number; name: string; attrs: string } | null;
}

export interface Container<Info> {
  runs: Run[];
  info: Info;
}

export interface ContainerSpec<Info = null> {
  containers: readonly string[];
  /** Elements holding text, with the category of their text. */
  text: Readonly<Record<string, RunCategory>>;
  /** Empty elements that stand for a character (w:tab is a tab). */
  synthetic?: Readonly<Record<string, string>>;
  /** Elements whose content is left out (duplicates such as mc:Fallback, phonetic runs). */
  skip?: readonly string[];
  /** A run element and the formatting element that hides it (w:r, w:vanish). */
  run?: string;
  vanish?: string;
  onOpen?: (name: string, attrs: string) => void;
  onClose?: (name: string) => void;
  info?: () => Info;
}

const off = new Set(['0', 'false', 'off']);

export function scanContainers<Info = null>(xml: string, spec: ContainerSpec<Info>): Container<Info>[] {
  const done: Container<Info>[] = [];
  const open: Container<Info>[] = [];
  const containers = new Set(spec.containers);
  const skip = new Set(spec.skip ?? []);
  let skipping = 0;
  let inText: { name: string; category: RunCategory; tag: Run['tag'] } | null = null;
  let runHidden = false;
  let inRun = 0;
  for (const t of tokens(xml)) {
    if (skipping > 0) {
      if (t.kind === 'open' && skip.has(t.name)) skipping++;
      if (t.kind === 'close' && skip.has(t.name)) skipping--;
      continue;
    }
    const top = open[open.length - 1];
    if (t.kind === 'text') {
      if (inText && top) top.runs.push({ text: unescapeXml(t.raw), category: inText.category, content: { from: t.from, to: t.to }, tag: inText.tag });
      continue;
    }
    if (t.kind === 'close') {
      spec.onClose?.(t.name);
      if (inText?.name === t.name) inText = null;
      else if (t.name === spec.run) inRun--;
      else if (containers.has(t.name)) done.push(...open.splice(-1));
      continue;
    }
    spec.onOpen?.(t.name, t.attrs);
    if (skip.has(t.name)) {
      if (t.kind === 'open') skipping = 1;
    } else if (containers.has(t.name)) {
      const c: Container<Info> = { runs: [], info: spec.info ? spec.info() : (null as Info) };
      if (t.kind === 'open') open.push(c);
    } else if (t.name === spec.run && t.kind === 'open') {
      inRun++;
      runHidden = false;
    } else if (t.name === spec.vanish && inRun > 0) {
      runHidden = !off.has(attr(t.attrs, 'w:val') ?? 'true');
    } else if (spec.text[t.name] && t.kind === 'open') {
      const category = spec.text[t.name] === 'visible' && runHidden ? 'hidden' : spec.text[t.name]!;
      inText = { name: t.name, category, tag: { from: t.from, to: t.to, name: t.name, attrs: t.attrs } };
    } else if (spec.synthetic?.[t.name] !== undefined && top) {
      top.runs.push({ text: spec.synthetic[t.name]!, category: runHidden && inRun > 0 ? 'hidden' : 'visible', content: null, tag: null });
    }
  }
  return done;
}

export interface Replacement {
  value: string;
  mask: string;
}

const digit = (c: string | undefined) => c !== undefined && /[0-9０-９]/.test(c);
const point = (c: string | undefined) => c === '.' || c === '．';

/** Whether text[from, to) is part of a longer number: a digit run, a decimal, a grouped amount (13,812,345,678). */
function insideNumber(text: string, from: number, to: number): boolean {
  const before = digit(text[from]) && (digit(text[from - 1]) || (point(text[from - 1]) && digit(text[from - 2])));
  const grouped = text[to] === ',' && /^\d{3}(?!\d)/.test(text.slice(to + 1, to + 5));
  const after = digit(text[to - 1]) && (digit(text[to]) || (point(text[to]) && digit(text[to + 1])) || grouped);
  return before || after;
}

/**
 * Finds many values at once (a list of thousands of names holds thousands of values): at each
 * position the longest value that starts there, except inside a longer number, as the screening
 * sees numbers too.
 */
export class Matcher {
  private readonly byValue = new Map<string, Replacement>();
  private readonly lengths: number[];
  private readonly starts: Set<string>;

  constructor(replacements: readonly Replacement[], encode: (text: string) => string = (t) => t) {
    for (const r of replacements) if (r.value !== '') this.byValue.set(encode(r.value), { value: encode(r.value), mask: encode(r.mask) });
    this.lengths = [...new Set([...this.byValue.keys()].map((v) => v.length))].sort((a, b) => b - a);
    this.starts = new Set([...this.byValue.keys()].map((v) => v[0]!));
  }

  find(text: string): { at: number; replacement: Replacement }[] {
    const found: { at: number; replacement: Replacement }[] = [];
    for (let at = 0; at < text.length; at++) {
      if (!this.starts.has(text[at]!)) continue;
      for (const length of this.lengths) {
        const replacement = this.byValue.get(text.slice(at, at + length));
        if (replacement && !insideNumber(text, at, at + length)) {
          found.push({ at, replacement });
          at += length - 1;
          break;
        }
      }
    }
    return found;
  }
}

/**
 * The characters of `text` after masking every occurrence, or null when none occurs. Masks as
 * long as their value go character by character (so each character keeps its run and
 * formatting); others go whole onto the first character.
 */
export function maskedChars(text: string, matcher: Matcher): string[] | null {
  const found = matcher.find(text);
  if (found.length === 0) return null;
  const chars = text.split(''); // UTF-16 units, as the matcher counts
  for (const { at, replacement: r } of found) {
    for (let i = 0; i < r.value.length; i++) chars[at + i] = r.mask.length === r.value.length ? r.mask[i]! : i === 0 ? r.mask : '';
  }
  return chars;
}

/** The XML with every occurrence inside the spec's containers masked, runs and formatting kept. */
export function redactContainers(xml: string, spec: ContainerSpec, matcher: Matcher): string {
  const edits: { from: number; to: number; text: string }[] = [];
  for (const c of scanContainers(xml, { ...spec, skip: [], info: undefined })) {
    const chars = maskedChars(c.runs.map((r) => r.text).join(''), matcher);
    if (!chars) continue;
    let at = 0;
    for (const run of c.runs) {
      const next = chars.slice(at, at + run.text.length).join('');
      at += run.text.length;
      if (next === run.text || !run.content || !run.tag) continue;
      edits.push({ ...run.content, text: escapeXml(next) });
      const attrs = run.tag.attrs.replace(/\s+xml:space\s*=\s*("[^"]*"|'[^']*')/, '');
      edits.push({ from: run.tag.from, to: run.tag.to, text: `<${run.tag.name}${attrs} xml:space="preserve">` });
    }
  }
  return splice(xml, dedupe(edits));
}

/** One edit per range (a tag holding two text tokens is rewritten once). */
function dedupe<T extends { from: number; to: number }>(edits: T[]): T[] {
  const seen = new Set<string>();
  return edits.filter((e) => !seen.has(`${e.from}:${e.to}`) && seen.add(`${e.from}:${e.to}`));
}
