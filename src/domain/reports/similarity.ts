/**
 * Share of a text that repeats another, for copy detection: the fraction of the
 * text's character 8-grams (punctuation and spaces removed) that also occur in the other.
 * `ShingledTexts` indexes many texts once, so that checking each of a county's reports
 * against all the others does not compare every pair (bench/report).
 */
const N = 8;

function shingles(text: string): string[] {
  const s = text.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');
  const out: string[] = [];
  for (let i = 0; i + N <= s.length; i++) out.push(s.slice(i, i + N));
  return out;
}

export function repeatedShare(text: string, other: string): number {
  const mine = prepared(text);
  if (mine.count === 0) return 0;
  // The other text's distinct windows in an open-addressing table (window position + 1; 0 empty).
  const theirs = prepared(other, false);
  let bits = 4;
  while (1 << bits < 2 * theirs.count) bits++;
  if (slots.length < 1 << bits) slots = new Int32Array(1 << bits);
  const mask = (1 << bits) - 1;
  slots.fill(0, 0, mask + 1);
  const slotOf = (p: Prepared, i: number): number => {
    let at = Math.imul(p.hashes[i]!, base) >>> (32 - bits);
    for (; slots[at] !== 0; at = (at + 1) & mask) {
      const j = slots[at]! - 1;
      if (theirs.hashes[j] === p.hashes[i] && sameUnits(theirs.units, j, p.units, i)) return -1 - at;
    }
    return at;
  };
  for (let j = 0; j < theirs.count; j++) {
    const at = slotOf(theirs, j);
    if (at >= 0) slots[at] = j + 1;
  }
  let hits = 0;
  for (let i = 0; i < mine.count; i++) if (slotOf(mine, i) < 0) hits++;
  return hits / mine.count;
}

/** The slots of `repeatedShare`, kept from one comparison to the next. */
let slots = new Int32Array(1024);

/** The passages of `text` (runs of repeated shingles) that also occur in `other`. */
export function repeatedPassages(text: string, other: string, minLength = 20): string[] {
  const s = text.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');
  const theirs = new Set(shingles(other));
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i + N <= s.length + 1; i++) {
    const hit = i + N <= s.length && theirs.has(s.slice(i, i + N));
    if (hit && start < 0) start = i;
    if (!hit && start >= 0) {
      const passage = s.slice(start, i - 1 + N);
      if (passage.length >= minLength) out.push(passage);
      start = -1;
    }
  }
  return out;
}

// --- the shingles as numbers -------------------------------------------------------------
// The same 8-grams as `shingles`, without making a string of each: the text's UTF-16 code
// units after NFKC and the removal of whitespace, punctuation and symbols (exactly what the
// regular expression removes), and a hash of each window of 8. Equal hashes are checked
// unit by unit, so the counts are exact.

const removed = /[\s\p{P}\p{S}]/u;
/** Per UTF-16 code unit (outside the surrogates): 0 not known yet, 1 kept, 2 removed. */
const bmp = new Uint8Array(0x10000);
const astral = new Map<number, boolean>();

interface Prepared {
  units: Uint16Array;
  /** Number of windows (shingles). */
  count: number;
  /** Hash of each window. */
  hashes: Int32Array;
}

function stripped(text: string): Uint16Array {
  const s = text.normalize('NFKC');
  const out = new Uint16Array(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        const cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
        let gone = astral.get(cp);
        if (gone === undefined) astral.set(cp, (gone = removed.test(String.fromCodePoint(cp))));
        if (!gone) (out[n++] = c), (out[n++] = d);
        i++;
        continue;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      out[n++] = c; // a lone surrogate is no punctuation: kept, as by the regular expression
      continue;
    }
    let kind = bmp[c]!;
    if (kind === 0) bmp[c] = kind = removed.test(String.fromCharCode(c)) ? 2 : 1;
    if (kind === 1) out[n++] = c;
  }
  return out.subarray(0, n);
}

const base = 0x9e3779b1 | 0;
/** base^(N-1) mod 2^32: the weight of a window's first unit. */
const baseToN1 = Array.from({ length: N - 1 }).reduce<number>((x) => Math.imul(x, base), 1);

let last: { text: string; prepared: Prepared } | null = null;
/** The texts of the latest index, whose windows are known already. */
let indexed: WeakRef<Map<string, Prepared>> | null = null;

/** The text's windows; the last text asked for is kept, as a check compares one text with several. */
function prepared(text: string, keep = true): Prepared {
  if (last && last.text === text) return last.prepared;
  const known = indexed?.deref()?.get(text);
  if (known) {
    if (keep) last = { text, prepared: known };
    return known;
  }
  const units = stripped(text);
  const count = Math.max(0, units.length - N + 1);
  const hashes = new Int32Array(count);
  // A rolling polynomial hash of each window (mod 2^32), kept to 30 bits (a small integer).
  let h = 0;
  for (let k = 0; k < N - 1 && k < units.length; k++) h = (Math.imul(h, base) + units[k]!) | 0;
  for (let i = 0; i < count; i++) {
    h = (Math.imul(h, base) + units[i + N - 1]!) | 0;
    hashes[i] = h & 0x3fffffff;
    h = (h - Math.imul(units[i]!, baseToN1)) | 0;
  }
  const p = { units, count, hashes };
  if (keep) last = { text, prepared: p };
  return p;
}

/**
 * Distinct windows, numbered in the order first added: an open-addressing hash table over
 * typed arrays, each number keeping its hash and its 8 units to compare.
 */
class WindowTable {
  size = 0;
  private slots: Int32Array; // number + 1; 0 is empty
  private shift: number;
  private hashes: Int32Array;
  private units: Uint16Array;

  constructor(expected: number) {
    let bits = 4;
    while (1 << bits < 2 * expected) bits++;
    this.slots = new Int32Array(1 << bits);
    this.shift = 32 - bits;
    this.hashes = new Int32Array(Math.max(8, expected));
    this.units = new Uint16Array(this.hashes.length * N);
  }

  /** The number of window `w` of `p`, or -1. */
  find(p: Prepared, w: number): number {
    const { slots, hashes, units } = this;
    const h = p.hashes[w]!;
    const mask = slots.length - 1;
    for (let at = Math.imul(h, base) >>> this.shift; ; at = (at + 1) & mask) {
      const slot = slots[at]!;
      if (slot === 0) return -1;
      if (hashes[slot - 1] === h && sameUnits(units, (slot - 1) * N, p.units, w)) return slot - 1;
    }
  }

  /** The number of window `w` of `p`, numbering it if new. */
  add(p: Prepared, w: number): number {
    if (2 * (this.size + 1) > this.slots.length) this.grow();
    const { slots, hashes, units } = this;
    const h = p.hashes[w]!;
    const mask = slots.length - 1;
    let at = Math.imul(h, base) >>> this.shift;
    for (; slots[at] !== 0; at = (at + 1) & mask) {
      const id = slots[at]! - 1;
      if (hashes[id] === h && sameUnits(units, id * N, p.units, w)) return id;
    }
    const id = this.size++;
    if (id === hashes.length) this.enlarge();
    this.hashes[id] = h;
    const to = this.units;
    for (let k = 0; k < N; k++) to[id * N + k] = p.units[w + k]!;
    slots[at] = id + 1;
    return id;
  }

  private enlarge(): void {
    const hashes = new Int32Array(2 * this.hashes.length);
    hashes.set(this.hashes);
    this.hashes = hashes;
    const units = new Uint16Array(2 * this.units.length);
    units.set(this.units);
    this.units = units;
  }

  private grow(): void {
    const slots = new Int32Array(2 * this.slots.length);
    const mask = slots.length - 1;
    this.shift--;
    for (let id = 0; id < this.size; id++) {
      let at = Math.imul(this.hashes[id]!, base) >>> this.shift;
      while (slots[at] !== 0) at = (at + 1) & mask;
      slots[at] = id + 1;
    }
    this.slots = slots;
  }
}

function sameUnits(a: Uint16Array, i: number, b: Uint16Array, j: number): boolean {
  for (let k = 0; k < N; k++) if (a[i + k] !== b[j + k]) return false;
  return true;
}

// --- copy detection over many texts ------------------------------------------------------

export interface ComparedText {
  agency: string;
  text: string;
}

/**
 * The text among `others` that `text` repeats most (the first such, in order), when its
 * share is above `above`; otherwise null. The same answer as comparing `text` with each
 * of `others` by `repeatedShare`; for an array made by `ShingledTexts.without` it is found
 * through the index, counting only the texts that hold one of the text's rarest shingles.
 */
export function mostRepeated(text: string, others: readonly ComparedText[], above: number): { agency: string; share: number } | null {
  const view = views.get(others);
  if (view) return view.texts.mostRepeated(text, above, view.excluded);
  let best: { agency: string; share: number } | null = null;
  for (const o of others) {
    const share = repeatedShare(text, o.text);
    if (!best || share > best.share) best = { agency: o.agency, share };
  }
  return best && best.share > above ? best : null;
}

const views = new WeakMap<readonly ComparedText[], { texts: ShingledTexts; excluded: number }>();

/**
 * Texts shingled and indexed once, for checking many texts against all the others (X-07
 * over every report of a county's year) without comparing every pair.
 */
export class ShingledTexts {
  /** Each distinct shingle of the texts, numbered. */
  private readonly table: WindowTable;
  /** For each text, the number of each of its windows. */
  private readonly windows: Int32Array[];
  /** The positions of the texts holding shingle `id`, ascending: holders[starts[id] .. starts[id + 1]). */
  private readonly starts: Int32Array;
  private readonly holders: Int32Array;
  /** The windows of each text, by text (for `prepared`). */
  private readonly prepared: Map<string, Prepared>;
  // Scratch space of `mostRepeated`. By text: hits (zero between calls), marks, the texts
  // touched and those still live. By shingle: stamps and weights. By window: shingles in order.
  private readonly hits: Int32Array;
  private readonly marks: Int32Array;
  private readonly touched: Int32Array;
  private readonly live: Int32Array;
  private readonly stamps: Int32Array;
  private readonly weights: Int32Array;
  private readonly byCount: Int32Array;
  private distinct = new Int32Array(0);
  private order = new Int32Array(0);
  private stamp = 0;

  constructor(private readonly entries: readonly ComparedText[]) {
    const texts = entries.map((e) => prepared(e.text, false));
    this.prepared = new Map(entries.map((e, i) => [e.text, texts[i]!]));
    indexed = new WeakRef(this.prepared);
    this.table = new WindowTable(texts.reduce((sum, p) => sum + p.count, 0) / 8);
    this.windows = texts.map((p) => {
      const ids = new Int32Array(p.count);
      for (let w = 0; w < p.count; w++) ids[w] = this.table.add(p, w);
      return ids;
    });
    const shingles = this.table.size;
    const count = entries.length;
    this.hits = new Int32Array(count);
    this.marks = new Int32Array(count);
    this.touched = new Int32Array(count);
    this.live = new Int32Array(count);
    this.byCount = new Int32Array(count + 2);
    this.stamps = new Int32Array(shingles).fill(-1);
    this.weights = new Int32Array(shingles);
    // Count the holders of each shingle, then list them (texts in order, each once).
    this.starts = new Int32Array(shingles + 1);
    this.windows.forEach((ids, i) => {
      for (const id of ids) if (this.stamps[id] !== i) (this.stamps[id] = i), this.starts[id + 1]!++;
    });
    for (let id = 0; id < shingles; id++) this.starts[id + 1]! += this.starts[id]!;
    this.holders = new Int32Array(this.starts[shingles]!);
    const next = this.starts.slice(0, shingles);
    this.stamps.fill(-1);
    this.windows.forEach((ids, i) => {
      for (const id of ids) if (this.stamps[id] !== i) (this.stamps[id] = i), (this.holders[next[id]!++] = i);
    });
    this.stamp = count;
  }

  /** Every text but the one at `position` (none when -1), in order: an array `mostRepeated` looks up in this index. */
  without(position: number): readonly ComparedText[] {
    const others = this.entries.slice();
    if (position >= 0) others.splice(position, 1);
    Object.freeze(others);
    views.set(others, { texts: this, excluded: position });
    return others;
  }

  /** As the loop over `repeatedShare` in `mostRepeated`, over every text but `excluded`. */
  mostRepeated(text: string, above: number, excluded: number): { agency: string; share: number } | null {
    // The numbers of the text's windows (-1: no text holds it); known already when the text is the one left out.
    let mine = this.windows[excluded];
    if (!mine || this.entries[excluded]!.text !== text) {
      const p = prepared(text);
      mine = new Int32Array(p.count);
      for (let w = 0; w < p.count; w++) mine[w] = this.table.find(p, w);
    }
    const n = mine.length;
    if (n === 0 || above < 0) return this.compareAll(mine, above, excluded);
    // need: the fewest hits whose share is above `above`, as `hits / n > above` decides it.
    let need = Math.max(0, Math.floor(above * n));
    while (need > 0 && (need - 1) / n > above) need--;
    while (need <= n && !(need / n > above)) need++;
    if (need > n) return null;

    const { stamps, weights, starts, holders, hits, marks, touched, live, byCount } = this;
    if (this.distinct.length < n) (this.distinct = new Int32Array(n)), (this.order = new Int32Array(n));
    const { distinct, order } = this;
    // The shingles of `mine` that some text holds, each once with its weight (occurrences) ...
    const stamp = ++this.stamp;
    let d = 0;
    let held = 0;
    for (let w = 0; w < n; w++) {
      const id = mine[w]!;
      if (id < 0) continue;
      held++;
      if (stamps[id] !== stamp) (stamps[id] = stamp), (weights[id] = 0), (distinct[d++] = id);
      weights[id]!++;
    }
    // ... rarest first: by the number of texts that hold them (a counting sort).
    byCount.fill(0);
    for (let k = 0; k < d; k++) byCount[starts[distinct[k]! + 1]! - starts[distinct[k]!]! + 1]!++;
    for (let c = 1; c < byCount.length; c++) byCount[c]! += byCount[c - 1]!;
    for (let k = 0; k < d; k++) order[byCount[starts[distinct[k]! + 1]! - starts[distinct[k]!]!]!++] = distinct[k]!;

    // `rest`: the weight of the shingles not looked at yet (those no text holds are missed by
    // all). A text repeats at most hits + rest of `mine`: once that is below `need` it cannot be
    // above. So only texts holding one of the rarest shingles are counted, and each is dropped
    // as soon as it misses too much.
    let rest = held;
    let t = 0;
    let k = 0;
    for (; k < d && rest >= need; k++) {
      const id = order[k]!;
      const w = weights[id]!;
      for (let j = starts[id]!, end = starts[id + 1]!; j < end; j++) {
        const i = holders[j]!;
        if (i === excluded) continue;
        if (hits[i] === 0) touched[t++] = i;
        hits[i]! += w;
      }
      rest -= w;
    }
    let l = 0;
    for (let x = 0; x < t; x++) if (hits[touched[x]!]! + rest >= need) live[l++] = touched[x]!;
    for (; k < d && l > 0; k++) {
      const id = order[k]!;
      const w = weights[id]!;
      const from = starts[id]!;
      const to = starts[id + 1]!;
      rest -= w;
      let kept = 0;
      if (l * Math.log2(to - from + 1) < to - from) {
        for (let x = 0; x < l; x++) {
          const i = live[x]!;
          if (holds(holders, from, to, i)) hits[i]! += w;
          if (hits[i]! + rest >= need) live[kept++] = i;
        }
      } else {
        const mark = ++this.stamp;
        for (let j = from; j < to; j++) marks[holders[j]!] = mark;
        for (let x = 0; x < l; x++) {
          const i = live[x]!;
          if (marks[i] === mark) hits[i]! += w;
          if (hits[i]! + rest >= need) live[kept++] = i;
        }
      }
      l = kept;
    }
    // Every shingle looked at: the hits of the texts left are exact.
    const left = Array.from(live.subarray(0, l)).sort((a, b) => a - b);
    let best: { agency: string; share: number } | null = null;
    for (const i of left) {
      const share = hits[i]! / n;
      if (!best || share > best.share) best = { agency: this.entries[i]!.agency, share };
    }
    for (let x = 0; x < t; x++) hits[touched[x]!] = 0;
    return best && best.share > above ? best : null;
  }

  /** Every text's share, for an empty text or when any share counts (`above` < 0). */
  private compareAll(mine: Int32Array, above: number, excluded: number): { agency: string; share: number } | null {
    const hits = new Int32Array(this.entries.length);
    for (const id of mine) if (id >= 0) for (let j = this.starts[id]!; j < this.starts[id + 1]!; j++) hits[this.holders[j]!]!++;
    let best: { agency: string; share: number } | null = null;
    this.entries.forEach((e, i) => {
      if (i === excluded) return;
      const share = mine.length === 0 ? 0 : hits[i]! / mine.length;
      if (!best || share > best.share) best = { agency: e.agency, share };
    });
    return best !== null && (best as { share: number }).share > above ? best : null;
  }
}

/** Whether the ascending list[from .. to) holds `x`. */
function holds(list: Int32Array, from: number, to: number, x: number): boolean {
  let lo = from;
  let hi = to - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = list[mid]!;
    if (v === x) return true;
    if (v < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
