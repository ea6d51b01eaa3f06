/**
 * 信息处理费 (国办函〔2020〕109号, spec §3): the units falling in each band are charged at
 * that band's rate (超额累进). Amounts in whole 元 (every rate of the measure is whole 元).
 */
import { feeMeasure, feeSchedules, type FeeBand, type FeeScheme, type FeeSchedule } from '../../law/fees.ts';

export interface FeeLine {
  band: FeeBand;
  /** Units of the quantity that fall in the band. */
  units: number;
  yuan: number;
}

export interface InformationProcessingFee {
  scheme: FeeScheme;
  quantity: number;
  /** 按件计收: the applicant's 件 to the same agency earlier in the calendar month, which this application's count starts after. */
  countedBefore: number;
  yuan: number;
  /** One line per band the quantity reaches, free bands included. */
  lines: readonly FeeLine[];
}

/** The schedule's band holding unit `n`, extending it past its last band where the measure says how. */
function bandOf(schedule: FeeSchedule, n: number): FeeBand {
  const listed = schedule.bands.find((b) => n >= b.from && (b.to === null || n <= b.to));
  if (listed) return listed;
  const last = schedule.bands[schedule.bands.length - 1]!;
  if (!schedule.beyond || last.to === null) throw new RangeError(`no band for ${n}`);
  const { size, step } = schedule.beyond;
  const steps = Math.floor((n - last.to - 1) / size) + 1;
  const from = last.to + 1 + (steps - 1) * size;
  return { from, to: from + size - 1, yuanPerUnit: last.yuanPerUnit + steps * step };
}

/**
 * The fee for `quantity` units. Under 按件计收 the count runs through the calendar month
 * (第四条), so an application's 件 are charged at the bands the month's running count
 * reaches: `countedBefore` is the applicant's 件 to the same agency earlier in the month.
 */
export function informationProcessingFee(scheme: FeeScheme, quantity: number, countedBefore = 0): InformationProcessingFee {
  if (!Number.isSafeInteger(quantity) || quantity < 0) throw new RangeError(`not a quantity: ${quantity}`);
  if (!Number.isSafeInteger(countedBefore) || countedBefore < 0 || (countedBefore > 0 && scheme !== 'perItem'))
    throw new RangeError(`not a running count: ${countedBefore}`);
  const schedule: FeeSchedule = feeSchedules[scheme];
  const lines: FeeLine[] = [];
  const last = countedBefore + quantity;
  for (let n = countedBefore + 1; n <= last; ) {
    const band = bandOf(schedule, n);
    const to = band.to === null ? last : Math.min(band.to, last);
    const units = to - n + 1;
    lines.push({ band, units, yuan: units * band.yuanPerUnit });
    n = to + 1;
  }
  return { scheme, quantity, countedBefore, yuan: lines.reduce((s, l) => s + l.yuan, 0), lines };
}

/** The breakdown by band, in the words of a 收费通知. */
export function explainFee(fee: InformationProcessingFee): string[] {
  const s: FeeSchedule = feeSchedules[fee.scheme];
  const running =
    fee.countedBefore > 0
      ? `（本月此前已向本机关累计申请 ${fee.countedBefore} ${s.unit}，本次为第${fee.countedBefore + 1}—${fee.countedBefore + fee.quantity}${s.unit}）`
      : '';
  const head = `${s.label}（${feeMeasure.number}《${feeMeasure.title}》${s.article}）：${fee.countedBefore > 0 ? '本次申请' : s.counts} ${fee.quantity} ${s.unit}${running}`;
  if (fee.quantity === 0) return [head];
  return [
    head,
    ...fee.lines.map(({ band, units, yuan }) => {
      const range = band.to === null ? `第${band.from}${s.unit}起` : `第${band.from}—${band.to}${s.unit}`;
      const rate = band.yuanPerUnit === 0 ? '免费' : `${band.yuanPerUnit} 元/${s.unit}`;
      return `  ${range}，${rate}：${units} ${s.unit}，${yuan} 元`;
    }),
  ];
}
