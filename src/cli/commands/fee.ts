/** `gongkai fee --items N | --pages N`: 信息处理费 under 国办函〔2020〕109号, the amount first. */
import { explainFee, informationProcessingFee } from '../../domain/fees/information-processing-fee.ts';
import { fieldError, InputError } from '../../domain/shared/result.ts';
import { feeMeasure } from '../../law/fees.ts';
import { parse } from '../args.ts';
import type { Io } from '../main.ts';

const bad = (name: string, message: string) => new InputError([fieldError(name, 'GK_ARGS', message)]);

/** `--items -3` would otherwise read as a missing value; joined, the count check can name the sign. */
export function joinNegativeValues(args: string[], names: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const next = args[i + 1];
    if (names.includes(arg) && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** A non-negative whole count given as --name, at most `max` (so no input can run unbounded). */
export function countOption(value: string, name: string, max: number): number {
  const v = value.trim();
  if (/^-\d+$/.test(v)) throw bad(name, `--${name} 不能为负数，收到“${value}”`);
  if (!/^\d+$/.test(v)) throw bad(name, `--${name} 应为不小于 0 的整数，收到“${value}”`);
  const n = Number(v);
  if (n > max) throw bad(name, `--${name} 超出可计算的范围（最多 ${max}），收到“${value}”`);
  return n;
}

export async function feeCommand(args: string[], io: Io): Promise<number> {
  const { values } = parse(joinNegativeValues(args, ['--items', '--pages']), { items: { type: 'string' }, pages: { type: 'string' } });
  if (values.items !== undefined && values.pages !== undefined) {
    throw bad('items', `--items 与 --pages 不能同时使用：同一申请只能按件或按量一种方式计收（${feeMeasure.number}）`);
  }
  if (values.items === undefined && values.pages === undefined) throw bad('items', '缺少选项 --items（按件计收）或 --pages（按量计收）');
  const fee =
    values.items !== undefined
      ? informationProcessingFee('perItem', countOption(values.items, 'items', 10_000))
      : informationProcessingFee('perPage', countOption(values.pages ?? '', 'pages', 10_000_000));
  io.out(`${fee.yuan} 元\n${explainFee(fee).join('\n')}\n`);
  return 0;
}
