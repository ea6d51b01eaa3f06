/**
 * Copy detection: the share of a text's 8-grams found in another, as first written
 * with string 8-grams and a Set, whatever the characters; the first most repeated text
 * above the threshold; and the sampled first look never hides a copy.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  closestMatch,
  mostRepeated,
  repeatedPassages,
  repeatedShare,
  shareInText,
  shinglesCache,
  shinglesOf,
  similarityIndex,
  type ComparedText,
} from '../../../src/domain/reports/similarity.ts';
import { random } from '../../../src/domain/shared/random.ts';

/** The share as first written: string 8-grams and a Set. */
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

test('repeatedShare and shareInText count the 8-grams as string 8-grams do, whatever the characters', () => {
  const r = random(99);
  // CJK, Latin, full-width and compatibility forms (NFKC), punctuation and symbols of both
  // widths, whitespace, emoji and other astral characters, lone surrogates, repeats.
  const alphabet = [...'政府信息公开年度报告abcABC123ＡＢＣ１２３①②㈱ｶﾞ，。、；：？！（）《》“”—…,.;:?!()[]-+=<>$￥%@#&* \t\n\u3000\u00a0'];
  alphabet.push('😀', '𠀀', '𝐀', '\ud800', '\udc00', '\u0301');
  const text = () => Array.from({ length: r.int(0, 80) }, () => r.of(alphabet)).join('');
  for (let k = 0; k < 3000; k++) {
    const a = r.next() < 0.2 ? text().repeat(2) : text();
    const b = r.next() < 0.5 ? a.slice(r.int(0, a.length)) + text() : text();
    const expected = referenceShare(a, b);
    assert.equal(repeatedShare(a, b), expected, JSON.stringify([a, b]));
    assert.equal(shareInText(shinglesOf(a), b), expected, JSON.stringify([a, b]));
  }
});

const hanzi = [...'政府信息公开工作年度报告主动依申请办理答复行政复议诉讼规范性文件考核评议责任追究平台建设监督保障'];

/** Long texts: paragraphs shared by many, copies with few or many edits, unrelated texts. */
function corpus(seed: number, size: number): ComparedText[] {
  const r = random(seed);
  const word = (len: number) => Array.from({ length: len }, () => r.of(hanzi)).join('');
  const paragraphs = Array.from({ length: 12 }, () => word(r.int(60, 200)));
  const out: ComparedText[] = [];
  for (let i = 0; i < size; i++) {
    const x = r.next();
    let text: string;
    if (x < 0.3 && out.length > 0) {
      const base = r.of(out).text; // a copy with some characters changed
      const rate = r.of([0.01, 0.03, 0.05, 0.2]);
      text = [...base].map((c) => (r.next() < rate ? r.of(hanzi) : c)).join('');
    } else {
      text = Array.from({ length: r.int(3, 8) }, () => r.of(paragraphs)).join('。') + word(r.int(0, 300));
    }
    out.push({ agency: `单位${i}`, text });
  }
  return out;
}

test('mostRepeated is the first text with the highest share above the threshold, the sample hiding none', () => {
  let found = 0;
  let sampled = 0;
  for (let seed = 1; seed <= 6; seed++) {
    const texts = corpus(seed, 50);
    const shingles = shinglesCache();
    for (const [i, t] of texts.entries()) {
      const others = texts.filter((_, k) => k !== i);
      if (shingles(t.text).sample.length >= 100) sampled++;
      for (const above of [0.8, 0.6, 0.3]) {
        let expected: { agency: string; share: number } | null = null;
        for (const o of others) {
          const share = referenceShare(t.text, o.text);
          if (share > above && (!expected || share > expected.share)) expected = { agency: o.agency, share };
        }
        assert.deepEqual(mostRepeated(t.text, others, above, shingles), expected, `seed ${seed}, text ${i}, above ${above}`);
        if (expected && above === 0.8) found++;
      }
    }
  }
  assert.ok(found > 30, 'the corpora hold copies above the threshold');
  assert.ok(sampled > 100, 'most texts are long enough to be sampled');
});

test("closestMatch through the samples' index: the closest text above the threshold exactly, below it one nearly as close, only eligible ones", () => {
  let above80 = 0;
  for (let seed = 11; seed <= 16; seed++) {
    const texts = corpus(seed, 60);
    // some short texts and an empty one among the long
    texts.push({ agency: '短', text: texts[0]!.text.slice(0, 300) }, { agency: '很短', text: '政府信息公开工作年度报告' }, { agency: '空', text: '' });
    const index = similarityIndex(texts.map((t) => shinglesOf(t.text)));
    for (const [i, t] of texts.entries()) {
      const eligible = (j: number) => j % 7 !== 3;
      let best: { index: number; share: number } | null = null;
      for (const [j, o] of texts.entries()) {
        if (j === i || !eligible(j)) continue;
        const share = referenceShare(t.text, o.text);
        if (share > 0 && (!best || share > best.share)) best = { index: j, share };
      }
      const found = closestMatch(index, i, 0.8, eligible);
      const where = `seed ${seed}, text ${i}`;
      if (!best) {
        assert.equal(found, null, where);
        continue;
      }
      if (best.share > 0.8) {
        above80++;
        assert.deepEqual(found, best, where);
        continue;
      }
      assert.ok(found && eligible(found.index) && found.index !== i, where);
      assert.equal(found.share, referenceShare(t.text, texts[found.index]!.text), where);
      assert.ok(found.share >= best.share - 0.05, `${where}: ${found.share} for ${best.share}`);
    }
  }
  assert.ok(above80 > 30, 'the corpora hold copies above the threshold');
});

test('closestMatch with everyShortText finds above the threshold what mostRepeated finds among the same texts', () => {
  let found = 0;
  for (let seed = 21; seed <= 24; seed++) {
    const texts = corpus(seed, 50);
    texts.push({ agency: '短', text: texts[3]!.text.slice(0, 200) }, { agency: '短二', text: texts[3]!.text.slice(0, 120) }, { agency: '空', text: '' });
    const shingles = shinglesCache();
    const index = similarityIndex(texts.map((t) => shingles(t.text)));
    for (const [i, t] of texts.entries()) {
      const eligible = (j: number) => j !== i && j % 5 !== 2;
      const others = texts.filter((_, j) => eligible(j));
      for (const above of [0.8, 0.5]) {
        const m = closestMatch(index, i, above, eligible, { everyShortText: true });
        const viaIndex = m && m.share > above ? { agency: texts[m.index]!.agency, share: m.share } : null;
        assert.deepEqual(viaIndex, mostRepeated(t.text, others, above, shingles), `seed ${seed}, text ${i}, above ${above}`);
        if (viaIndex) found++;
      }
    }
  }
  assert.ok(found > 30);
});

test('mostRepeated on short texts and empty ones', () => {
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
});

test('repeatedPassages gives the runs of a text that stand in the other', () => {
  const shared = '政府信息公开工作领导小组办公室设在镇党政办公室负责日常工作';
  assert.deepEqual(repeatedPassages(`今年我镇新设了专栏。${shared}。另有新内容若干条。`, `去年：${shared}。`), [shared]);
});
