/** Option parsing for the gongkai command: unknown or malformed options are input errors that name the option. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { fieldError, InputError } from '../domain/shared/result.ts';

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (e) {
    const msg = (e as Error).message;
    const opt = /'(--?[\w-]+)/.exec(msg)?.[1] ?? '';
    const code = (e as { code?: string }).code;
    const text =
      code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
        ? `不认识的选项 ${opt}`
        : code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
          ? `选项 ${opt} 缺少取值`
          : code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL'
            ? `多余的参数：${/'([^']*)'/.exec(msg)?.[1] ?? ''}`
            : msg;
    throw new InputError([fieldError(opt || 'args', 'GK_ARGS', text)]);
  }
}

export function requireOption(value: string | undefined, name: string): string {
  if (value === undefined || value.trim() === '') throw new InputError([fieldError(name, 'GK_ARGS', `缺少选项 --${name}`)]);
  return value;
}

export function oneOf<T extends string>(value: string, name: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new InputError([fieldError(name, 'GK_ARGS', `--${name} 的取值“${value}”无效，可选：${allowed.join('、')}`)]);
  }
  return value as T;
}

export function yearOption(value: string): number {
  if (!/^\d{4}$/.test(value)) throw new InputError([fieldError('year', 'GK_ARGS', `--year 应为四位年份，收到“${value}”`)]);
  return Number(value);
}
