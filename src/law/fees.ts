/**
 * 信息处理费 under 《政府信息公开信息处理费管理办法》 (国办函〔2020〕109号, spec §3):
 * progressive, excess-only rates; per application the agency charges by one scheme only,
 * never both. Amounts in whole 元, as the measure states them.
 */
export const feeMeasure = {
  number: '国办函〔2020〕109号',
  title: '政府信息公开信息处理费管理办法',
  date: '2020-11-17',
} as const;

export interface FeeBand {
  from: number;
  /** Last unit of the band; null for an open-ended last band. */
  to: number | null;
  yuanPerUnit: number;
}

export interface FeeSchedule {
  label: string;
  article: string;
  unit: '件' | '页';
  /** What is counted, read before the quantity: 本次申请共 250 页. */
  counts: string;
  bands: readonly FeeBand[];
  /** Past the last band: each further band of `size` units costs `step` 元 per unit more. */
  beyond?: { size: number; step: number };
}

export const feeSchedules = {
  perItem: {
    // 第四条 counts the 件 for the fee that *a* 行政机关 charges on *its* applications: per
    // applicant and per agency, so applications to 县民政局 do not raise what 插旗镇 charges
    // (store: itemsInMonth).
    label: '按件计收',
    article: '第四条',
    unit: '件',
    counts: '同一申请人在一个自然月内累计向本机关申请',
    bands: [
      { from: 1, to: 10, yuanPerUnit: 0 },
      { from: 11, to: 30, yuanPerUnit: 100 },
      { from: 31, to: 40, yuanPerUnit: 200 },
    ],
    // 31件以上部分以10件为一档，每增加一档，收费标准提高100元/件
    beyond: { size: 10, step: 100 },
  },
  perPage: {
    label: '按量计收',
    article: '第五条',
    unit: '页',
    counts: '本次申请共',
    bands: [
      { from: 1, to: 30, yuanPerUnit: 0 },
      { from: 31, to: 100, yuanPerUnit: 10 },
      { from: 101, to: 200, yuanPerUnit: 20 },
      { from: 201, to: null, yuanPerUnit: 40 },
    ],
  },
} as const satisfies Record<string, FeeSchedule>;

export type FeeScheme = keyof typeof feeSchedules;
