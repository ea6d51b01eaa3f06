/** What the rules read from prose and numbers: T3-10's figures, T3-08's fee amount, T2-05's decimals. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { narrativeApplicationFigures, statedFeeYuan } from '../../../src/domain/reports/rules-applications.ts';
import { hasMoreDecimals } from '../../../src/domain/reports/rules-active.ts';

test('T3-10 reads the four figures of the usual sentence', () => {
  assert.deepEqual(narrativeApplicationFigures('（二）依申请公开情况\n本年度我镇新收政府信息公开申请12件，上年结转1件，办结11件，结转下年度继续办理2件。'), {
    newReceived: 12,
    carriedOver: 1,
    totalHandled: 11,
    carriedForward: 2,
  });
  assert.deepEqual(narrativeApplicationFigures('2.依申请公开政府信息情况。本年度共收到政府信息公开申请5件，上年度结转0件，已全部办结。'), {
    newReceived: 5,
    carriedOver: 0,
  });
});

test('T3-10 reads “未收到” as none received (the seed’s sentence)', () => {
  assert.deepEqual(narrativeApplicationFigures('2.依申请公开政府信息情况。本年度我镇未收到政府信息依申请公开申请。'), { newReceived: 0 });
});

test('T3-10 reads the paragraphs under a heading about applications, and no others', () => {
  const text = [
    '一年来，镇便民服务中心受理各类服务申请3200件，办结3180件。',
    '（二）依申请公开情况',
    '本年度共收到申请3件，均已按期办结3件。',
    '（三）政府信息管理情况',
    '全年办结群众诉求56件。',
  ].join('\n');
  assert.deepEqual(narrativeApplicationFigures(text), { newReceived: 3, totalHandled: 3 });
  assert.deepEqual(narrativeApplicationFigures('镇便民服务中心全年受理各类服务申请3200件，办结3200件，群众满意率100%。'), {});
  assert.deepEqual(narrativeApplicationFigures('依申请公开方面，申请办结率100%。'), {});
});

test('T3-08 reads the amount of 信息处理费 that section 六 states', () => {
  const cases: [string, number | null][] = [
    ['本年度未收取信息处理费。', 0],
    ['依据《政府信息公开信息处理费管理办法》，本年度我镇未收取信息处理费。', 0],
    ['本年度收取信息处理费100元。', 100],
    ['本年度收取信息处理费0元。', 0],
    ['信息处理费零元。', 0],
    ['实际收取信息处理费共计1,200元。', 1200],
    ['依据《政府信息公开信息处理费管理办法》规定，2025年全市实际收取信息处理费共计400元。', 400],
    ['收取信息处理费0.05万元。', 500],
    ['本年度共收取信息处理费200元，对1名困难群众未收取信息处理费。', 200],
    ['无。', null],
    ['依据《政府信息公开信息处理费管理办法》，向1名申请人发出收费通知。', null],
  ];
  for (const [text, yuan] of cases) assert.equal(statedFeeYuan(text), yuan, text);
});

test('T2-05 counts decimals as written, not as stored in binary', () => {
  assert.equal(hasMoreDecimals(0.1 + 0.2, 4), false);
  assert.equal(hasMoreDecimals(0.352, 4), false);
  assert.equal(hasMoreDecimals(1234.5678, 4), false);
  assert.equal(hasMoreDecimals(0, 4), false);
  assert.equal(hasMoreDecimals(0.12345, 4), true);
  assert.equal(hasMoreDecimals(1e-7, 4), true);
  assert.equal(hasMoreDecimals(9999.99995, 4), true);
});
