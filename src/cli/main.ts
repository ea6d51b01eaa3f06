/**
 * The `gongkai` command (shared/contracts/cli.md). Exit status: 0 success; 1 ran and
 * found problems; 2 bad input or an unusable environment, with one line on stderr and
 * nothing written.
 */
import { InputError, NotFoundError, ForbiddenError } from '../domain/shared/result.ts';
import { DatabaseUnavailable } from '../store/errors.ts';

export interface Io {
  out: (text: string | Uint8Array) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

const processIo: Io = {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
  env: process.env,
};

type Command = (args: string[], io: Io) => Promise<number>;

// Each command is loaded when it runs: `check` or `deadline` need not load the web server,
// the renderers and their libraries first (most of a start-up's time).
const commands: Record<string, { run: Command; help: string }> = {
  start: {
    run: async (a, io) => (await import('./commands/serve.ts')).serveCommand(a, io, { demoIfNew: true }),
    help: '载入演示数据（新数据库）并启动平台（npm start）',
  },
  serve: {
    run: async (a, io) => (await import('./commands/serve.ts')).serveCommand(a, io, { demoIfNew: false }),
    help: '启动政府信息公开平台（门户、管理后台、API）',
  },
  demo: { run: async (a, io) => (await import('./commands/demo.ts')).demoCommand(a, io), help: '载入演示县（华容县及其乡镇、部门，2022-2024年）' },
  migrate: { run: async (a, io) => (await import('./commands/migrate.ts')).migrateCommand(a, io), help: '创建或升级数据库结构' },
  agencies: { run: async (a, io) => (await import('./commands/agencies.ts')).agenciesCommand(a, io), help: '列出单位 [--format json]' },
  report: {
    run: async (a, io) => (await import('./commands/report.ts')).reportCommand(a, io),
    help: '生成年度报告 --agency <编号、全称或简称> --year <年份> --format json|html|docx|xlsx|txt [--out 文件]',
  },
  check: {
    run: async (a, io) => (await import('./commands/check.ts')).checkCommand(a, io),
    help: '读取并检查已发布的年度报告 <文件或目录>… [--format json]（TXT、HTML、DOCX、PDF）',
  },
  deadline: {
    run: async (a, io) => (await import('./commands/deadline.ts')).deadlineCommand(a, io),
    help: '按工作日计算期限 --from <YYYY-MM-DD> --working-days <N> [--paused <YYYY-MM-DD>..<YYYY-MM-DD>]…',
  },
  fee: {
    run: async (a, io) => (await import('./commands/fee.ts')).feeCommand(a, io),
    help: '计算信息处理费（国办函〔2020〕109号）--items <本月累计件数> 或 --pages <页数>',
  },
};

function usage(): string {
  return ['用法：npx gongkai <命令> [选项]', '', ...Object.entries(commands).map(([k, c]) => `  ${k.padEnd(10)}${c.help}`), ''].join('\n');
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    io.err(`错误：不认识的命令“${name}”，可用的命令：${Object.keys(commands).join('、')}（npx gongkai --help 查看用法）\n`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof InputError) {
      io.err(`错误：${e.errors.map((x) => x.message).join('；')}\n`);
      return 2;
    }
    if (e instanceof DatabaseUnavailable || e instanceof NotFoundError || e instanceof ForbiddenError) {
      io.err(`错误：${e.message}\n`);
      return 2;
    }
    io.err(`内部错误：${(e as Error).stack ?? String(e)}\n`);
    return 70;
  }
}
