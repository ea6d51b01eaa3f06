import { ensurePlatformAdmin } from '../../app/auth/users.ts';
import { demoAccounts, demoPassword, isDemoDatabase, loadDemo } from '../../app/demo/load.ts';
import { fieldError, InputError } from '../../domain/shared/result.ts';
import { buildApp } from '../../web/app.ts';
import { trustedProxies } from '../../web/config/trust-proxy.ts';
import { roles, type Role } from '../../law/roles.ts';
import { closeFilePool, configureFilePool, poolOptionsFrom } from '../../extract/pool/index.ts';
import { parse } from '../args.ts';
import type { Io } from '../main.ts';
import { openForWriting } from './open.ts';

export async function serveCommand(args: string[], io: Io, opts: { demoIfNew: boolean }): Promise<number> {
  parse(args, {});
  const port = Number(io.env.PORT ?? 3000);
  const host = io.env.HOST?.trim() || '127.0.0.1';
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InputError([fieldError('PORT', 'GK_PORT', `PORT 应为0至65535的整数，收到“${io.env.PORT}”`)]);
  // A wrong proxy setting is refused before anything is opened or written.
  const trustProxy = trustedProxies(io.env.GONGKAI_TRUST_PROXY);
  // So are wrong file limits (GONGKAI_FILE_SECONDS, _MEMORY_MB, _WORKERS).
  await configureFilePool(poolOptionsFrom(io.env));
  const { database, ctx } = await openForWriting(io);
  try {
    const empty = (await ctx.db.selectFrom('agencies').select('id').limit(1).execute()).length === 0;
    if (opts.demoIfNew && empty) {
      const s = await loadDemo(ctx);
      io.out(`新数据库：已载入演示县（${s.agencies}个单位，${s.reports}份已发布年报）。\n`);
    }
    const admin = await ensurePlatformAdmin(ctx);
    if (admin) {
      io.out(`已创建平台管理员账号：用户名 ${admin.username}，密码 ${admin.password}\n（密码只显示这一次；首次登录后须修改密码。）\n`);
    }
    if (await isDemoDatabase(ctx.db)) {
      io.out(`演示账号（密码均为 ${demoPassword}，仅限演示数据库）：\n`);
      for (const a of demoAccounts().filter((x) => x.agency === null || x.agency === 'county' || x.agency === 'chaqi')) {
        io.out(`  ${a.username.padEnd(22)}${a.agency ? `${a.agency === 'chaqi' ? '插旗镇' : '华容县'} ` : ''}${roleLabel(a.role)}\n`);
      }
      io.out('  其他单位同样以 <单位>-editor / -reviewer / -leader / -agency-admin 登录（zhanghua、zhihedu、wanyu、minzheng、ziran、shichang）\n');
    }
    // Request and error logs go to stdout as JSON lines (src/web/logging.ts).
    const app = await buildApp({ ctx, trustProxy, logger: true });
    await app.listen({ port, host });
    const bound = app.server.address();
    const shownPort = typeof bound === 'object' && bound ? bound.port : port;
    const shownHost = host === '127.0.0.1' || host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
    io.out(`政府信息公开平台已启动：http://${shownHost}:${shownPort}\n`);
    // Stops within seconds even while a file is being read: its worker is ended first (the
    // request reading it is answered with a message), then Fastify and the database close.
    const stop = async () => {
      setTimeout(() => process.exit(1), shutdownMs).unref();
      await closeFilePool();
      await app.close();
      await database.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return await new Promise<number>(() => {});
  } catch (e) {
    await database.close();
    throw e;
  }
}

const roleLabel = (r: Role) => roles[r].label;

/** Past this, a stop that is still waiting (a client still sending) exits anyway. */
const shutdownMs = 5_000;
