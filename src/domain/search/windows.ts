/**
 * A long token stream cut into overlapping windows, for PostgreSQL: a tsvector keeps
 * positions only up to 16,383 and at most 256 positions of one lexeme, so a phrase after
 * either limit would no longer match. Windows overlap by more tokens than the longest
 * query term has, so every phrase a query can hold lies whole in some window.
 */
import { maxQueryLength } from './tokens.ts';

export interface WindowLimits {
  /** Tokens per window (below 16,383). */
  size: number;
  /** Occurrences of one token per window (below 256). */
  repeats: number;
  /** Tokens shared by consecutive windows (at least the tokens of the longest term). */
  overlap: number;
}

/** A term of n characters has at most 4n/3 tokens (a two-character CJK run between digits: 3 tokens for 2 characters). */
export const postgresWindows: WindowLimits = { size: 8000, repeats: 255, overlap: Math.ceil((maxQueryLength * 4) / 3) + 16 };

export function tokenWindows(tokens: readonly string[], limits: WindowLimits = postgresWindows): string[][] {
  if (limits.repeats <= limits.overlap || limits.size <= limits.overlap) throw new RangeError('windows must be longer than their overlap');
  const out: string[][] = [];
  let start = 0;
  for (;;) {
    const counts = new Map<string, number>();
    let end = start;
    while (end < tokens.length && end - start < limits.size) {
      const t = tokens[end]!;
      const n = (counts.get(t) ?? 0) + 1;
      if (n > limits.repeats) break;
      counts.set(t, n);
      end++;
    }
    out.push(tokens.slice(start, end));
    if (end >= tokens.length) return out;
    start = end - limits.overlap;
  }
}
