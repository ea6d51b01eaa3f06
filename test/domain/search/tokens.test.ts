/**
 * The tokenizer: the queries measured in shared/design/stack.md §2 find, by phrase over
 * the tokens, exactly the notices of a synthetic corpus that contain them as substrings.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { random } from '../../../src/domain/shared/random.ts';
import { exactKey, indexChars, indexTokens, normalize, parseQuery, queryTokens, type SearchTerm } from '../../../src/domain/search/tokens.ts';
import { tokenWindows } from '../../../src/domain/search/windows.ts';

const towns = ['插旗镇', '万庾镇', '章华镇', '东山镇', '三封寺镇', '治河渡镇', '北景港镇', '鲇鱼须镇', '操军镇', '梅田湖镇'];
const departments = [
  '县民政局',
  '县财政局',
  '县自然资源局',
  '县医疗保障局',
  '县农业农村局',
  '县政府办公室',
  '县住房和城乡建设局',
  '县市场监督管理局',
  '县人力资源和社会保障局',
  '县应急管理局',
  '县教育局',
  '县卫生健康局',
];
const titles = [
  '关于{town}{year}年第{q}季度城乡低保对象名单的公示',
  '{dept}关于{year}年耕地地力保护补贴发放情况的公告',
  '{dept}{year}年政府采购意向公开',
  '华容县{dept}{year}年政府信息公开工作年度报告',
  '{town}{year}年度临时救助对象公示',
  '关于做好{year}年城乡居民医疗保险征缴工作的通告',
  '{dept}不动产登记办事指南',
  '《中华人民共和国政府信息公开条例》解读',
  '{town}关于最低生活保障边缘家庭认定的公告',
  '{dept}关于低保户春节慰问金发放的公示',
];
const sentences = [
  '以上信息予以公开，接受社会监督。',
  '联系电话：0730-4210000。',
  '根据最低生活保障有关规定办理。',
  '请于第{q}季度内到{town}便民服务中心登记。',
  '本公告自发布之日起施行。',
  '{year}年度资金已拨付到位。',
];

function corpus(n: number): string[] {
  const r = random(7);
  const fill = (s: string) =>
    s
      .replaceAll('{town}', r.of(towns))
      .replaceAll('{dept}', r.of(departments))
      .replaceAll('{year}', String(r.int(2019, 2025)))
      .replaceAll('{q}', String(r.int(1, 4)));
  return Array.from({ length: n }, () => [fill(r.of(titles)), ...Array.from({ length: r.int(1, 4) }, () => fill(r.of(sentences)))].join('\n'));
}

function containsPhrase(tokens: readonly string[], phrase: readonly string[]): boolean {
  outer: for (let i = 0; i + phrase.length <= tokens.length; i++) {
    for (let k = 0; k < phrase.length; k++) if (tokens[i + k] !== phrase[k]) continue outer;
    return true;
  }
  return false;
}

/** What the index does: a phrase in the token column, or one character in the character column. */
function found(text: string, terms: readonly SearchTerm[]): boolean {
  const tokens = indexTokens(text);
  const chars = indexChars(text);
  return terms.every((t) => (t.column === 'chars' ? chars.includes(t.tokens[0]!) : containsPhrase(tokens, t.tokens)));
}

const stackQueries = [
  '公告',
  '低保',
  '补贴',
  '公示',
  '救助',
  '采购',
  '保险',
  '登记',
  '民政',
  '镇',
  '不动产',
  '低保户',
  '华容县',
  '插旗镇',
  '城乡低保',
  '政府采购',
  '信息公开',
  '动产登记',
  '最低生活保障',
  '2023年',
  '镇2023',
  '第1季',
  '中华人民共和国政府信息公开条例',
];

test('the queries of stack.md find exactly the notices that contain them', () => {
  const docs = corpus(1000);
  for (const q of stackQueries) {
    const truth = docs.filter((d) => d.includes(q)).length;
    assert.ok(truth > 0, `${q} occurs in the corpus`);
    assert.equal(docs.filter((d) => found(d, parseQuery(q))).length, truth, q);
  }
});

test('two-character words are found inside longer words (民政 in 民政局)', () => {
  assert.ok(found('华容县民政局关于低保户春节慰问金发放的公示', parseQuery('民政')));
  assert.ok(found('华容县民政局关于低保户春节慰问金发放的公示', parseQuery('低保')));
  assert.ok(!found('以上信息予以公开', parseQuery('信息公开')));
});

test('CJK runs become bigrams, letter and digit runs whole tokens, touching characters unigrams', () => {
  assert.deepEqual(indexTokens('镇2023年第1季度'), ['镇', '2023', '年', '年第', '第', '1', '季', '季度']);
  assert.deepEqual(indexTokens('华容县，插旗镇'), ['华容', '容县', '插旗', '旗镇']);
  assert.deepEqual(indexTokens('ＧＢ/Ｔ 9704—2012《党政机关公文格式》'), ['gb', 't', '9704', '2012', '党政', '政机', '机关', '关公', '公文', '文格', '格式']);
  assert.deepEqual(indexChars('镇镇2023年'), ['镇', '年']);
  assert.equal(normalize('ＡＢＣ１２３'), 'abc123');
});

test('queries: mixed runs, one character, several terms, nothing', () => {
  assert.deepEqual(queryTokens('2023年'), [['2023', '年']]);
  assert.deepEqual(queryTokens('镇2023'), [['镇', '2023']]);
  assert.deepEqual(queryTokens('第1季'), [['第', '1', '季']]);
  assert.deepEqual(parseQuery('镇'), [{ text: '镇', column: 'chars', tokens: ['镇'] }]);
  assert.deepEqual(queryTokens(' 城乡低保，2023  低保 低保'), [['城乡', '乡低', '低保'], ['2023'], ['低保']]);
  for (const q of ['', '   ', '\t\n\u3000', '，。、！？', '——……《》']) assert.deepEqual(parseQuery(q), [], JSON.stringify(q));
});

test('the query is cut to 100 characters and 8 terms', () => {
  assert.equal(parseQuery('低'.repeat(300))[0]!.text.length, 100);
  assert.equal(parseQuery(Array.from({ length: 20 }, (_, i) => `词${i}`).join(' ')).length, 8);
});

test('exact keys of 文号 and 索引号 ignore spaces, width and bracket variants', () => {
  assert.equal(exactKey('华政发〔2023〕1号'), exactKey(' 华政发[2023]1号'));
  assert.equal(exactKey('华政发（2023）1号'), exactKey('华政发【2023】1号'));
  assert.equal(exactKey('006382564L/2024-00012'), exactKey('006382564l/2024-00012'));
  assert.notEqual(exactKey('华政发〔2023〕1号'), exactKey('华政发〔2023〕11号'));
  assert.equal(exactKey('〔〕——'), '');
  assert.equal(exactKey('华政发〔2023〕1号\u0000\u200b'), exactKey('华政发〔2023〕1号'));
});

test('windows stay within PostgreSQL limits and hold every phrase of a query whole', () => {
  const limits = { size: 50, repeats: 12, overlap: 10 };
  const tokens = indexTokens(`${'低保'.repeat(40)}${'甲乙丙丁戊己'.repeat(30)}2031年${'镇'.repeat(5)}`);
  const windows = tokenWindows(tokens, limits);
  assert.ok(windows.length > 3);
  for (const w of windows) {
    assert.ok(w.length <= limits.size);
    for (const t of new Set(w)) assert.ok(w.filter((x) => x === t).length <= limits.repeats);
  }
  for (let i = 0; i + limits.overlap <= tokens.length; i++) {
    const phrase = tokens.slice(i, i + limits.overlap);
    assert.ok(
      windows.some((w) => containsPhrase(w, phrase)),
      `phrase at ${i}`,
    );
  }
  assert.deepEqual(tokenWindows([], limits), [[]]);
  assert.throws(() => tokenWindows(tokens, { size: 10, repeats: 10, overlap: 10 }));
});
