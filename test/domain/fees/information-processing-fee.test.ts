import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { explainFee, informationProcessingFee } from '../../../src/domain/fees/information-processing-fee.ts';

const yuan = (scheme: 'perItem' | 'perPage', n: number) => informationProcessingFee(scheme, n).yuan;

describe('按件计收 (per applicant, per calendar month)', () => {
  test('spec §3 example: 35 件 → 3,000 元', () => {
    const fee = informationProcessingFee('perItem', 35);
    assert.equal(fee.yuan, 3000);
    assert.deepEqual(
      fee.lines.map((l) => [l.band.from, l.band.to, l.band.yuanPerUnit, l.units, l.yuan]),
      [
        [1, 10, 0, 10, 0],
        [11, 30, 100, 20, 2000],
        [31, 40, 200, 5, 1000],
      ],
    );
  });

  test('band edges', () => {
    const expected: [number, number][] = [
      [0, 0],
      [1, 0],
      [10, 0],
      [11, 100],
      [30, 2000],
      [31, 2200],
      [40, 4000],
      [41, 4300],
      [50, 7000],
      [51, 7400],
      [60, 11000],
      [61, 11500],
    ];
    for (const [n, y] of expected) assert.equal(yuan('perItem', n), y, `${n} 件`);
  });

  test('equals the spec formula Σ rate(k) for every count up to 300', () => {
    const rate = (k: number) => (k <= 10 ? 0 : k <= 30 ? 100 : 100 * (2 + Math.floor((k - 31) / 10)));
    let sum = 0;
    for (let n = 1; n <= 300; n++) {
      sum += rate(n);
      assert.equal(yuan('perItem', n), sum, `${n} 件`);
    }
  });
});

describe('按量计收 (per application, by pages)', () => {
  test('spec §3 example: 250 pages → 4,700 元', () => {
    const fee = informationProcessingFee('perPage', 250);
    assert.equal(fee.yuan, 4700);
    assert.deepEqual(
      fee.lines.map((l) => [l.band.from, l.band.to, l.units, l.yuan]),
      [
        [1, 30, 30, 0],
        [31, 100, 70, 700],
        [101, 200, 100, 2000],
        [201, null, 50, 2000],
      ],
    );
  });

  test('band edges', () => {
    const expected: [number, number][] = [
      [0, 0],
      [30, 0],
      [31, 10],
      [100, 700],
      [101, 720],
      [200, 2700],
      [201, 2740],
      [1000, 34700],
    ];
    for (const [n, y] of expected) assert.equal(yuan('perPage', n), y, `${n} 页`);
  });
});

test('the breakdown names the measure and every band reached', () => {
  assert.deepEqual(explainFee(informationProcessingFee('perPage', 250)), [
    '按量计收（国办函〔2020〕109号《政府信息公开信息处理费管理办法》第五条）：本次申请共 250 页',
    '  第1—30页，免费：30 页，0 元',
    '  第31—100页，10 元/页：70 页，700 元',
    '  第101—200页，20 元/页：100 页，2000 元',
    '  第201页起，40 元/页：50 页，2000 元',
  ]);
  assert.equal(explainFee(informationProcessingFee('perItem', 0)).length, 1);
});

test('a negative or fractional quantity is a programming error', () => {
  assert.throws(() => informationProcessingFee('perItem', -1), RangeError);
  assert.throws(() => informationProcessingFee('perPage', 2.5), RangeError);
});
