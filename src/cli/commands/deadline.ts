/**
 * `gongkai deadline --from D --working-days N [--paused A..B]…`: the due date first on the
 * line (with `provisional` when a year's holiday notice is missing), then how it was counted.
 * The official calendar: the notices in code, and those a platform administrator entered when
 * a database is configured (DATABASE_URL, by default file:./data/gongkai.db). Without a
 * database file it answers from the code's notices; it never creates one. Local overrides
 * are the county's own and stay on the calendar screen's calculator.
 */
import fs from 'node:fs';
import path from 'node:path';
import { enteredNotices } from '../../app/calendar/calendar.ts';
import { addWorkingDays, type PausedRange } from '../../domain/calendar/deadline.ts';
import { explainDeadline } from '../../domain/calendar/explain.ts';
import { createWorkingCalendar, nationalCalendar, type WorkingCalendar } from '../../domain/calendar/working-calendar.ts';
import type { YearArrangement } from '../../law/calendar/index.ts';
import { openDatabase } from '../../store/db.ts';
import { hasMigration } from '../../store/migrate.ts';
import { isIsoDate } from '../../domain/shared/dates.ts';
import { fieldError, InputError } from '../../domain/shared/result.ts';
import { parse, requireOption } from '../args.ts';
import type { Io } from '../main.ts';
import { countOption, joinNegativeValues } from './fee.ts';
import { databaseUrl } from './open.ts';

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
  const calendar = await officialCalendar(io);
  const deadline = addWorkingDays(calendar, from, workingDays, paused);
  io.out(`${deadline.due}${deadline.provisional ? ' provisional' : ''}\n${explainDeadline(deadline, calendar).join('\n')}\n`);
  return 0;
}

/** The notices entered in the configured database; none when there is no database file or no such table yet. */
async function storedNotices(io: Io): Promise<YearArrangement[]> {
  const url = databaseUrl(io);
  if (url.startsWith('file:') && url.length > 'file:'.length && !fs.existsSync(path.resolve(url.slice('file:'.length)))) return [];
  const database = await openDatabase(url, { mustExist: true });
  try {
    return (await hasMigration(database.db, '0011-holiday-notices')) ? await enteredNotices(database.db) : [];
  } finally {
    await database.close();
  }
}

async function officialCalendar(io: Io): Promise<WorkingCalendar> {
  const entered = await storedNotices(io);
  if (!entered.length) return nationalCalendar;
  const r = createWorkingCalendar([], { entered });
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('；'));
  return r.value;
}
