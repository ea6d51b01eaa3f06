import assert from 'node:assert/strict';
import { test } from 'node:test';
import { highlight, snippet, type Segment } from '../../../src/domain/search/snippet.ts';

const show = (segments: readonly Segment[]) => segments.map((s) => (s.mark ? `[${s.text}]` : s.text)).join('');

const notice =
  '华容县民政局2023年第一季度城乡低保对象名单公示。\n为做好相关工作，华容县民政局根据有关规定和工作安排，现将有关事项公开如下，欢迎社会各界监督。\n联系电话：0730-4210000。';

test('the whole matched phrase is marked, every occurrence in the snippet', () => {
  assert.equal(show(highlight('插旗镇2023年城乡低保对象名单', '城乡低保')), '插旗镇2023年[城乡低保]对象名单');
  assert.equal(
    show(highlight(notice, '民政局')),
    '华容县[民政局]2023年第一季度城乡低保对象名单公示。 为做好相关工作，华容县[民政局]根据有关规定和工作安排，现将有关事项公开如下，欢迎社会各界监督。 联系电话：0730-4210000。',
  );
  assert.equal(show(highlight('插旗镇2023年', '镇2023')), '插旗[镇2023]年');
  assert.equal(show(highlight('低保 公示', '低保 公示')), '[低保] [公示]');
});

test('a snippet is cut around the first match, with … where text is left out', () => {
  const s = snippet(notice, '欢迎社会各界', 20);
  assert.equal(show(s), '…公开如下，[欢迎社会各界]监督。 联系电话：…');
  assert.equal(s[0]!.text.startsWith('…'), true);
  // A match near the beginning starts the snippet there.
  assert.equal(show(snippet(notice, '低保', 30)), '华容县民政局2023年第一季度城乡[低保]对象名单公示。 为做好…');
});

test('without a match, the beginning; without a query, nothing is marked', () => {
  assert.equal(show(snippet(notice, '樱桃', 10)), '华容县民政局2023…');
  assert.equal(show(snippet(notice, '，。', 10)), '华容县民政局2023…');
  assert.deepEqual(snippet('', '低保', 10), []);
});

test('matching follows the index: width and case folded, digit runs whole', () => {
  assert.equal(show(highlight('ＧＢ／Ｔ９７０４', 'gb')), '[ＧＢ]／Ｔ９７０４');
  assert.equal(show(highlight('20231号 2023年', '2023')), '20231号 [2023]年');
  assert.equal(show(highlight('第1季度 第12季', '第1季')), '[第1季]度 第12季');
});

test('segments are plain text: markup in the text stays text for the page to escape', () => {
  assert.deepEqual(highlight('<b>低保</b>', '低保'), [
    { text: '<b>', mark: false },
    { text: '低保', mark: true },
    { text: '</b>', mark: false },
  ]);
});

test('characters outside the BMP are not split', () => {
  const text = `${'𠀀'.repeat(30)}低保${'𠀀'.repeat(30)}`;
  for (const s of snippet(text, '低保', 11)) assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s.text), s.text);
});
