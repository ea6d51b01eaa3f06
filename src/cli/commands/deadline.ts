/**
 * `gongkai deadline --from D --working-days N [--paused A..B]…`: the due date first on the
 * line (with `provisional` when a year's holiday notice is missing), then how it was counted.
 */
import { addWorkingDays, type PausedRange } from '../../domain/calendar/deadline.ts';
import { explainDeadline } from '../../domain/calendar/explain.ts';
import { nationalCalendar } from '../../domain/calendar/working-calendar.ts';
import { isIsoDate } from '../../domain/shared/dates.ts';
import { fieldError, InputError } from '../../domain/shared/result.ts';
import { parse, requireOption } from '../args.ts';
import type { Io } from '../main.ts';
import { countOption, joinNegativeValues } from './fee.ts';

const bad = (name: string, message: string) => new InputError([fieldError(name, 'GK_ARGS', message)]);

function dateOption(value: string): string {
  if (!isIsoDate(value.trim())) throw bad('from', `--from 应为日期 YYYY-MM-DD，收到“${value}”`);
  return value.trim();
}

function pausedOption(value: string): PausedRange {
  const [from, to, ...rest] = value.trim().split('..');
  if (from === undefined || to === undefined || rest.length || !isIsoDate(from) || !isIsoDate(to)) {
    throw bad('paused', `--paused 应为 YYYY-MM-DD..YYYY-MM-DD（暂停计算的首日..末日），收到“${value}”`);
  }
  if (to < from) throw bad('paused', `--paused ${value} 的结束日 ${to} 早于开始日 ${from}`);
  return { from, to };
}

export async function deadlineCommand(args: string[], io: Io): Promise<number> {
  const { values } = parse(joinNegativeValues(args, ['--working-days']), {
    from: { type: 'string' },
    'working-days': { type: 'string' },
    paused: { type: 'string', multiple: true },
  });
  const from = dateOption(requireOption(values.from, 'from'));
  const workingDays = countOption(requireOption(values['working-days'], 'working-days'), 'working-days', 10_000);
  const paused = (values.paused ?? []).map(pausedOption);
  const deadline = addWorkingDays(nationalCalendar, from, workingDays, paused);
  io.out(`${deadline.due}${deadline.provisional ? ' provisional' : ''}\n${explainDeadline(deadline, nationalCalendar).join('\n')}\n`);
  return 0;
}
