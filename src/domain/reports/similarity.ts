/**
 * Share of a text that repeats another, for copy detection: the fraction of the
 * text's character 8-grams (punctuation and spaces removed) that also occur in the other.
 */
const N = 8;

function shingles(text: string): string[] {
  const s = text.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');
  const out: string[] = [];
  for (let i = 0; i + N <= s.length; i++) out.push(s.slice(i, i + N));
  return out;
}

export function repeatedShare(text: string, other: string): number {
  const mine = shingles(text);
  if (mine.length === 0) return 0;
  const theirs = new Set(shingles(other));
  let hits = 0;
  for (const g of mine) if (theirs.has(g)) hits++;
  return hits / mine.length;
}

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
