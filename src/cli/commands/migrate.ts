import { parse } from '../args.ts';
import type { Io } from '../main.ts';
import { openForWriting } from './open.ts';

export async function migrateCommand(args: string[], io: Io): Promise<number> {
  parse(args, {});
  const { database, migrated } = await openForWriting(io);
  await database.close();
  io.out(migrated.length ? `已升级数据库 ${database.location}：${migrated.join('、')}\n` : `数据库 ${database.location} 已是最新结构\n`);
  return 0;
}
