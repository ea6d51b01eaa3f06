import { loadDemo } from '../../app/demo/load.ts';
import { parse } from '../args.ts';
import type { Io } from '../main.ts';
import { openForWriting } from './open.ts';

export async function demoCommand(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, { force: { type: 'boolean' } });
  const { database, ctx } = await openForWriting(io);
  try {
    const s = await loadDemo(ctx, { force: values.force === true });
    io.out(
      s.loaded
        ? `已载入演示县到 ${database.location}：${s.agencies}个单位，${s.items}条主动公开信息，${s.applications}件依申请公开申请，${s.appeals}件复议诉讼案件，${s.reports}份已发布年报，${s.accounts.length}个演示账号。\n`
        : `${database.location} 已载入演示数据，未作改动。\n`,
    );
    return 0;
  } finally {
    await database.close();
  }
}
