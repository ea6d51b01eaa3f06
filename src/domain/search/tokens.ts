/**
 * The one tokenizer of search (docs: shared/design/stack.md §2, approach (d)): NFKC and
 * lower case; CJK runs become overlapping bigrams, letter/digit runs single tokens, and a
 * CJK character touching a letter/digit run is also a unigram. A query term (a run
 * without spaces or punctuation) is searched as a phrase of the same tokens, which makes
 * it match exactly where it is a substring of the text; one CJK character alone is looked
 * up in a separate column of the text's distinct CJK characters. Digit and letter runs
 * are whole tokens: 023 does not find 2023.
 */

const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** Letters and digits outside CJK; everything else separates tokens (as in FTS5 unicode61). */
const word = /[\p{L}\p{N}]/u;

export const isWordChar = (ch: string | undefined): boolean => ch !== undefined && word.test(ch) && !cjk.test(ch);

/** Longer letter/digit runs are cut, in text and query alike (PostgreSQL drops words over 2,047 bytes). */
const maxWordLength = 64;
/** Queries are cut to this many characters (and the index windows overlap by more tokens). */
export const maxQueryLength = 100;
const maxTerms = 8;

export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

type Run = { cjk: boolean; chars: string[] };

/** Groups of adjacent runs; a space or punctuation mark ends a group. */
function groups(normalized: string): Run[][] {
  const out: Run[][] = [];
  let group: Run[] = [];
  for (const ch of normalized) {
    const inCjk = cjk.test(ch);
    if (!inCjk && !word.test(ch)) {
      if (group.length) out.push(group);
      group = [];
      continue;
    }
    const last = group[group.length - 1];
    if (last && last.cjk === inCjk) last.chars.push(ch);
    else group.push({ cjk: inCjk, chars: [ch] });
  }
  if (group.length) out.push(group);
  return out;
}

function groupTokens(group: readonly Run[], out: string[]): void {
  group.forEach((run, i) => {
    const c = run.chars;
    if (!run.cjk) {
      out.push(c.slice(0, maxWordLength).join(''));
      return;
    }
    const before = i > 0;
    const after = i < group.length - 1;
    if (c.length === 1) {
      if (before || after) out.push(c[0]!);
      return;
    }
    if (before) out.push(c[0]!);
    for (let k = 0; k + 1 < c.length; k++) out.push(c[k]! + c[k + 1]!);
    if (after) out.push(c[c.length - 1]!);
  });
}

/** The token stream of a text, in order (positions matter for phrases). */
export function indexTokens(text: string): string[] {
  const out: string[] = [];
  for (const g of groups(normalize(text))) groupTokens(g, out);
  return out;
}

/** The distinct CJK characters of a text, for one-character queries. */
export function indexChars(text: string): string[] {
  const seen = new Set<string>();
  for (const ch of normalize(text)) if (cjk.test(ch)) seen.add(ch);
  return [...seen];
}

/**
 * One thing to find: a phrase of tokens in the token column, or one CJK character in
 * the character column. `text` is the normalized run, for highlighting.
 */
export interface SearchTerm {
  text: string;
  column: 'tokens' | 'chars';
  tokens: readonly string[];
}

/** The terms of a query (all must occur); none for an empty or punctuation-only query. */
export function parseQuery(q: string): SearchTerm[] {
  const terms = new Map<string, SearchTerm>();
  for (const g of groups([...normalize(q)].slice(0, maxQueryLength).join(''))) {
    const text = g.map((r) => r.chars.join('')).join('');
    if (terms.has(text)) continue;
    if (g.length === 1 && g[0]!.cjk && g[0]!.chars.length === 1) {
      terms.set(text, { text, column: 'chars', tokens: [text] });
    } else {
      const tokens: string[] = [];
      groupTokens(g, tokens);
      terms.set(text, { text, column: 'tokens', tokens });
    }
    if (terms.size === maxTerms) break;
  }
  return [...terms.values()];
}

/** The tokens of a query, as the index would hold them (for tests and debugging). */
export function queryTokens(q: string): string[][] {
  return parseQuery(q).map((t) => [...t.tokens]);
}

const brackets: Record<string, string> = {
  '〔': '[',
  '〕': ']',
  '［': '[',
  '］': ']',
  '【': '[',
  '】': ']',
  '﹝': '[',
  '﹞': ']',
  '(': '[',
  ')': ']',
  '（': '[',
  '）': ']',
};

/**
 * The form in which a 索引号 or 文号 is compared exactly: NFKC, lower case, without
 * spaces and control characters (PostgreSQL refuses NUL), with the bracket variants of
 * 文号 (〔〕 [] 【】 ()) made one. Empty when the text has no letter or digit.
 */
export function exactKey(text: string): string {
  const s = normalize(text)
    .replace(/[\s\p{Cc}\p{Cf}\p{Cs}]+/gu, '')
    .replace(/[〔〕［］【】﹝﹞()（）]/gu, (c) => brackets[c] ?? c);
  return /[\p{L}\p{N}]/u.test(s) ? s : '';
}
