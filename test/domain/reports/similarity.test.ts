/**
 * Copy detection through the index (ShingledTexts, used when a whole year's reports are
 * checked) gives the same answer as comparing with each text in turn: the same text, the
 * same share, the first one on ties, nothing at or below the threshold.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mostRepeated, repeatedShare, ShingledTexts, type ComparedText } from '../../../src/domain/reports/similarity.ts';

function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return { next, int, of: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T };
}

const hanzi = '政府信息公开工作年度报告主动依申请办理答复行政复议诉讼规范性文件考核评议责任追究平台建设监督保障';

/** Texts made of shared paragraphs, copies, near-copies, repeats within a text, and texts too short to compare. */
function corpus(seed: number, size: number): ComparedText[] {
  const r = random(seed);
  const word = (len: number) => Array.from({ length: len }, () => r.of([...hanzi])).join('');
  const paragraphs = Array.from({ length: 10 }, () => word(r.int(15, 60)));
  const out: ComparedText[] = [];
  for (let i = 0; i < size; i++) {
    const x = r.next();
    let text: string;
    if (x < 0.05) text = r.of(['', '。，、', word(r.int(1, 7))]);
    else if (x < 0.2 && out.length > 0) text = r.of(out).text; // a copy
    else if (x < 0.35 && out.length > 0) {
      const base = r.of(out).text; // a copy with an edit
      const at = r.int(0, base.length);
      text = `${base.slice(0, at)}${word(r.int(0, 12))}${base.slice(at + r.int(0, 10))}`;
    } else {
      const parts = Array.from({ length: r.int(1, 6) }, () => r.of(paragraphs));
      if (r.next() < 0.7) parts.push(word(r.int(0, 40)));
      if (r.next() < 0.2) parts.push(parts[0]!); // a paragraph twice: shingles repeated within the text
      text = parts.join(r.of(['\n', '。', '']));
    }
    out.push({ agency: `单位${i}`, text });
  }
  return out;
}

test('mostRepeated through the index equals the comparison with each text', () => {
  let found = 0;
  for (let seed = 1; seed <= 8; seed++) {
    const entries = corpus(seed, 60);
    const index = new ShingledTexts(entries);
    for (const above of [0.8, 0.5, 0.3, 0, -1, 1]) {
      for (let i = -1; i < entries.length; i++) {
        const indexed = index.without(i);
        const plain = entries.filter((_, k) => k !== i);
        assert.deepEqual(indexed, plain);
        // the text left out (its windows are known to the index), another one, and a new one
        const queries = [entries[i]?.text, entries[(i + 7) % entries.length]!.text, corpus(seed * 1000 + i, 1)[0]!.text];
        for (const text of queries) {
          if (text === undefined) continue;
          const expected = mostRepeated(text, plain, above);
          assert.deepEqual(mostRepeated(text, indexed, above), expected, `seed ${seed}, text ${i}, above ${above}`);
          if (expected && above === 0.8) found++;
        }
      }
    }
  }
  assert.ok(found > 50, 'the corpora hold copies above the threshold');
});

/** The share as first written: string shingles and a Set. */
function referenceShare(text: string, other: string): number {
  const shingles = (t: string) => {
    const s = t.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');
    const out: string[] = [];
    for (let i = 0; i + 8 <= s.length; i++) out.push(s.slice(i, i + 8));
    return out;
  };
  const mine = shingles(text);
  if (mine.length === 0) return 0;
  const theirs = new Set(shingles(other));
  return mine.filter((g) => theirs.has(g)).length / mine.length;
}

test('repeatedShare counts the shingles as the string shingles do, whatever the characters', () => {
  const r = random(99);
  // CJK, Latin, full-width and compatibility forms (NFKC), punctuation and symbols of both
  // widths, whitespace, emoji and other astral characters, lone surrogates.
  const alphabet = [...'政府信息公开年度报告abcABC123ＡＢＣ１２３①②㈱ｶﾞ，。、；：？！（）《》“”—…,.;:?!()[]-+=<>$￥%@#&* \t\n\u3000\u00a0'];
  alphabet.push('😀', '𠀀', '𝐀', '\ud800', '\udc00', '\u0301');
  const text = () => Array.from({ length: r.int(0, 60) }, () => r.of(alphabet)).join('');
  for (let k = 0; k < 3000; k++) {
    const a = text();
    const b = r.next() < 0.5 ? a.slice(r.int(0, a.length)) + text() : text();
    assert.equal(repeatedShare(a, b), referenceShare(a, b), JSON.stringify([a, b]));
  }
});

test('mostRepeated over a plain array is the first text with the highest share, when above the threshold', () => {
  const others = [
    { agency: '甲', text: '政府信息公开工作年度报告' },
    { agency: '乙', text: '政府信息公开工作年度报告全文' },
    { agency: '丙', text: '完全不同的一段文字内容' },
  ];
  const text = '政府信息公开工作年度报告';
  assert.equal(repeatedShare(text, others[0]!.text), 1);
  assert.deepEqual(mostRepeated(text, others, 0.8), { agency: '甲', share: 1 });
  assert.equal(mostRepeated(text, others, 1), null);
  assert.equal(mostRepeated('', others, 0.8), null);
  assert.deepEqual(mostRepeated('', others, -1), { agency: '甲', share: 0 });
});

test('an index view is frozen, so it cannot drift from the index', () => {
  const view = new ShingledTexts(corpus(3, 5)).without(0);
  assert.ok(Object.isFrozen(view));
});
