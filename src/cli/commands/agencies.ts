import { agencyKinds } from '../../law/agency-kinds.ts';
import { listAgencies } from '../../store/agencies.repo.ts';
import { oneOf, parse } from '../args.ts';
import type { Io } from '../main.ts';
import { openForReading } from './open.ts';

export async function agenciesCommand(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, { format: { type: 'string', default: 'text' } });
  const format = oneOf(values.format ?? 'text', 'format', ['text', 'json'] as const);
  const { database, ctx } = await openForReading(io);
  try {
    const agencies = await listAgencies(ctx.db);
    if (format === 'json') {
      io.out(
        `${JSON.stringify(
          agencies.map((a) => ({ id: a.id, name: a.name, shortName: a.shortName, kind: a.kind, code: a.code })),
          null,
          2,
        )}\n`,
      );
    } else {
      for (const a of agencies) io.out(`${String(a.id).padStart(4)}  ${a.name}（${a.shortName}，${agencyKinds[a.kind].label}）  ${a.code}\n`);
    }
    return 0;
  } finally {
    await database.close();
  }
}
