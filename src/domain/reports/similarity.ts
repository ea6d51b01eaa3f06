/**
 * Copy detection: the share of a text's character 8-grams (after NFKC, without
 * spaces, punctuation and symbols) that also occur in another text. An 8-gram is kept as
 * two 32-bit hashes of its UTF-16 code units, so two different 8-grams count as one with a
 * probability of about 2⁻⁶⁴ per pair.
 */
const N = 8;
const removedChar = /[\s\p{P}\p{S}]/u;
/** Per UTF-16 code unit outside the surrogates: 0 not looked at yet, 1 kept, 2 removed. */
const unitKind = new Uint8Array(0x10000);

/** The code units compared: NFKC, without spaces, punctuation and symbols (an astral character as a whole). */
function keptUnits(text: string): Uint16Array {
  const s = text.normalize('NFKC');
  const out = new Uint16Array(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        if (!removedChar.test(String.fromCharCode(c, d))) {
          out[n++] = c;
          out[n++] = d;
        }
        i++;
        continue;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      out[n++] = c; // a lone surrogate is neither space, punctuation nor symbol
      continue;
    }
    let kind = unitKind[c]!;
    if (kind === 0) unitKind[c] = kind = removedChar.test(String.fromCharCode(c)) ? 2 : 1;
    if (kind === 1) out[n++] = c;
  }
  return out.subarray(0, n);
}

const B1 = 0x9e3779b1 | 0;
const B2 = 0x85ebca77 | 0;
const power = (b: number) => Array.from({ length: N - 1 }).reduce<number>((x) => Math.imul(x, b), 1);
const B1n = power(B1);
const B2n = power(B2);

/** The two rolling hashes of each N-unit window of `units`, with the window's first index. */
function eachWindow(units: ArrayLike<number>, visit: (start: number, h1: number, h2: number) => void): void {
  let h1 = 0;
  let h2 = 0;
  for (let i = 0; i < units.length; i++) {
    h1 = (Math.imul(h1, B1) + units[i]!) | 0;
    h2 = (Math.imul(h2, B2) + units[i]!) | 0;
    if (i < N - 1) continue;
    visit(i - N + 1, h1, h2);
    h1 = (h1 - Math.imul(units[i - N + 1]!, B1n)) | 0;
    h2 = (h2 - Math.imul(units[i - N + 1]!, B2n)) | 0;
  }
}

/**
 * A text's 8-grams, each as two 32-bit rolling hashes (h1, h2) in text order, with a hash
 * table of the distinct ones for look-ups.
 */
export interface Shingles {
  h1: Int32Array;
  h2: Int32Array;
  /** Open addressing over h1: 0 empty, else the index + 1 of an 8-gram's first occurrence. */
  table: Int32Array;
  /** How often the 8-gram in each slot occurs. */
  counts: Int32Array;
  /** The 8-grams whose h2 is divisible by 8 (about one in eight, the same in every text): a first look. */
  sample: Int32Array;
}

function slot(h1: number, mask: number): number {
  return (Math.imul(h1, 0x27d4eb2d) >>> 0) & mask;
}

export function shinglesOf(text: string): Shingles {
  const u = keptUnits(text);
  const n = Math.max(0, u.length - N + 1);
  const h1s = new Int32Array(n);
  const h2s = new Int32Array(n);
  let sampled = 0;
  eachWindow(u, (start, h1, h2) => {
    h1s[start] = h1;
    h2s[start] = h2;
    if ((h2 & 7) === 0) sampled++;
  });
  let size = 16;
  while (size < 2 * n) size *= 2;
  const table = new Int32Array(size);
  const counts = new Int32Array(size);
  const sample = new Int32Array(sampled);
  for (let w = 0, k = 0; w < n; w++) {
    if ((h2s[w]! & 7) === 0) sample[k++] = w;
    for (let at = slot(h1s[w]!, size - 1); ; at = (at + 1) & (size - 1)) {
      const e = table[at]!;
      if (e === 0) table[at] = w + 1;
      else if (h1s[e - 1] !== h1s[w] || h2s[e - 1] !== h2s[w]) continue;
      counts[at]!++;
      break;
    }
  }
  return { h1: h1s, h2: h2s, table, counts, sample };
}

/** The slot of the 8-gram (h1, h2) in `s`'s table, or -1. */
function find(s: Shingles, h1: number, h2: number): number {
  const mask = s.table.length - 1;
  for (let at = slot(h1, mask); ; at = (at + 1) & mask) {
    const e = s.table[at]!;
    if (e === 0) return -1;
    if (s.h1[e - 1] === h1 && s.h2[e - 1] === h2) return at;
  }
}

const holds = (s: Shingles, h1: number, h2: number) => find(s, h1, h2) >= 0;

/**
 * The share of `mine`'s 8-grams that occur in `text`, reading the text's 8-grams as a
 * stream (for a text compared once: last year's report).
 */
export function shareInText(mine: Shingles, text: string): number {
  const n = mine.h1.length;
  if (n === 0) return 0;
  const u = keptUnits(text);
  const seen = new Uint8Array(mine.table.length);
  let hits = 0;
  eachWindow(u, (_start, h1, h2) => {
    const at = find(mine, h1, h2);
    if (at >= 0 && seen[at] === 0) {
      seen[at] = 1;
      hits += mine.counts[at]!;
    }
  });
  return hits / n;
}

/** The share of `mine`'s 8-grams (repeats counted) that occur in `theirs`. */
export function shareOf(mine: Shingles, theirs: Shingles): number {
  const n = mine.h1.length;
  if (n === 0) return 0;
  let hits = 0;
  for (let w = 0; w < n; w++) if (holds(theirs, mine.h1[w]!, mine.h2[w]!)) hits++;
  return hits / n;
}

/** The same share measured on `mine`'s sample only. */
function sampleShareOf(mine: Shingles, theirs: Shingles): number {
  let hits = 0;
  for (const w of mine.sample) if (holds(theirs, mine.h1[w]!, mine.h2[w]!)) hits++;
  return hits / mine.sample.length;
}

export function repeatedShare(text: string, other: string): number {
  return shareOf(shinglesOf(text), shinglesOf(other));
}

export interface ComparedText {
  agency: string;
  text: string;
}

export interface PeerMatch {
  agency: string;
  share: number;
}

/** A text whose sample holds this many 8-grams is first compared through it. */
const sampleAtLeast = 100;
/** A text whose sample share is this far below the threshold is not compared in full. */
const sampleMargin = 0.25;

/**
 * The first of `others` that `text` repeats most, when its share is above `above` (≥ 0);
 * otherwise null. `shingles` may be a cache, when one text is compared many times. A long
 * text (a sample of 100 or more 8-grams, chosen by hash) is first compared through its
 * sample, and a text whose sample share is 0.25 or more below the threshold is passed
 * over: for a threshold of 0.8 that misses a text truly above it with a probability (over
 * the choice of hash) below 10⁻⁹.
 */
export function mostRepeated(
  text: string,
  others: readonly ComparedText[],
  above: number,
  shingles: (text: string) => Shingles = shinglesOf,
): PeerMatch | null {
  const mine = shingles(text);
  const sampled = mine.sample.length >= sampleAtLeast;
  let best: PeerMatch | null = null;
  for (const o of others) {
    const theirs = shingles(o.text);
    if (sampled && sampleShareOf(mine, theirs) <= above - sampleMargin) continue;
    const share = shareOf(mine, theirs);
    if (share > above && (!best || share > best.share)) best = { agency: o.agency, share };
  }
  return best;
}

/** Shingles of texts, each made once (for checking a whole year's reports). */
export function shinglesCache(): (text: string) => Shingles {
  const known = new Map<string, Shingles>();
  return (text) => {
    let s = known.get(text);
    if (!s) known.set(text, (s = shinglesOf(text)));
    return s;
  };
}

/** The passages of `text` (runs of repeated 8-grams, punctuation removed) that also occur in `other`. */
export function repeatedPassages(text: string, other: string, minLength = 20): string[] {
  const theirs = shinglesOf(other);
  const mine = shinglesOf(text);
  const units = keptUnits(text);
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= mine.h1.length; i++) {
    const hit = i < mine.h1.length && holds(theirs, mine.h1[i]!, mine.h2[i]!);
    if (hit && start < 0) start = i;
    if (!hit && start >= 0) {
      const passage = new TextDecoder('utf-16le').decode(units.slice(start, i - 1 + N));
      if (passage.length >= minLength) out.push(passage);
      start = -1;
    }
  }
  return out;
}

/** A stretch of the original text, [start, end) in UTF-16 code units. */
export interface Span {
  start: number;
  end: number;
}

/**
 * The stretches of `text` whose 8-grams occur in `other`, in the coordinates of `text` as
 * written (so a page can mark them): each character is normalised on its own, which for
 * Chinese text is the same as normalising the whole; punctuation and spaces between two
 * repeated characters belong to the stretch.
 */
export function repeatedSpans(text: string, other: Shingles | string): Span[] {
  const theirs = typeof other === 'string' ? shinglesOf(other) : other;
  const units: number[] = [];
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const kept = keptUnits(text.slice(i, i + width));
    for (const u of kept) {
      units.push(u);
      from.push(i);
      to.push(i + width);
    }
    i += width;
  }
  const covered = new Uint8Array(units.length);
  eachWindow(units, (start, h1, h2) => {
    if (holds(theirs, h1, h2)) covered.fill(1, start, start + N);
  });
  const spans: Span[] = [];
  for (let k = 0; k < units.length; k++) {
    if (!covered[k]) continue;
    const last = spans[spans.length - 1];
    if (last && covered[k - 1]) last.end = to[k]!;
    else spans.push({ start: from[k]!, end: to[k]! });
  }
  return spans;
}

/** The other text a text repeats most: its position among the texts compared and the exact share. */
export interface Closest {
  index: number;
  share: number;
}

/** The samples of many texts, for finding each one's closest other (`closestMatch`). */
export interface SimilarityIndex {
  texts: readonly Shingles[];
  /** Each sampled 8-gram (both hashes in one number) to the texts whose sample holds it, each once, in order. */
  holders: Map<number, number[]>;
}

/** h1 and the top 21 bits of h2 as one exact number (|h1 · 2²¹| < 2⁵³). */
const sampleKey = (h1: number, h2: number) => h1 * 0x200000 + (h2 >>> 11);

/** Indexes the samples of `texts` (the same 8-grams are sampled in every text, so a sampled 8-gram's holders are all the texts that contain it). */
export function similarityIndex(texts: readonly Shingles[]): SimilarityIndex {
  const holders = new Map<number, number[]>();
  texts.forEach((s, i) => {
    for (const w of s.sample) {
      const key = sampleKey(s.h1[w]!, s.h2[w]!);
      const list = holders.get(key);
      if (!list) holders.set(key, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    }
  });
  return { texts, holders };
}

/** How many of the most similar by sample are compared in full, besides those near the threshold. */
const fullComparisons = 3;

/**
 * The text among `index.texts` (other than `i`, and `eligible`) whose 8-grams text `i`
 * repeats most, with the exact share; null when it repeats none. The samples are counted
 * through the index, so a county's texts are not compared pair by pair in full: a long text
 * (a sample of 100 or more) is compared in full with the three most similar by sample and
 * every text whose sample share is within 0.25 of `above` (so one above `above` is missed
 * with a probability below 10⁻⁹, as in `mostRepeated`); a shorter one with every text that
 * shares a sampled 8-gram with it (with every text when `everyShortText`, as `mostRepeated`
 * does); one too short for a sample with every text. Below `above`, the text returned may be
 * one of nearly the same share as the closest. Above it, this is what `mostRepeated` finds
 * among the same texts in the same order.
 */
export function closestMatch(
  index: SimilarityIndex,
  i: number,
  above: number,
  eligible: (j: number) => boolean = () => true,
  o: { everyShortText?: boolean } = {},
): Closest | null {
  const { texts, holders } = index;
  const mine = texts[i]!;
  if (mine.h1.length === 0) return null;
  let candidates: number[];
  if (mine.sample.length === 0) {
    candidates = texts.map((_, j) => j);
  } else {
    const hits = new Map<number, number>();
    for (const w of mine.sample) {
      for (const j of holders.get(sampleKey(mine.h1[w]!, mine.h2[w]!)) ?? []) hits.set(j, (hits.get(j) ?? 0) + 1);
    }
    hits.delete(i);
    const ranked = [...hits].filter(([j]) => eligible(j)).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    candidates =
      mine.sample.length >= sampleAtLeast
        ? ranked.filter(([, n], k) => k < fullComparisons || n / mine.sample.length > above - sampleMargin).map(([j]) => j)
        : o.everyShortText
          ? texts.map((_, j) => j)
          : ranked.map(([j]) => j);
  }
  let best: Closest | null = null;
  for (const j of candidates.sort((a, b) => a - b)) {
    if (j === i || !eligible(j)) continue;
    const share = shareOf(mine, texts[j]!);
    if (share > 0 && (!best || share > best.share)) best = { index: j, share };
  }
  return best;
}
