/** Child processes of bench/portal: the tools it needs, and the server pinned to a core. */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

/** The programs that are missing from PATH, each with how to install it. */
export function missingTools(): string[] {
  const tools: [string, string][] = [
    ['nginx', 'apt-get install -y nginx'],
    ['wrk', 'apt-get install -y wrk'],
    ['taskset', 'apt-get install -y util-linux'],
  ];
  return tools.filter(([t]) => spawnSync('sh', ['-c', `command -v ${t}`]).status !== 0).map(([t, how]) => `${t} (${how})`);
}

export interface Server {
  origin: string;
  /** SIGTERM: the app closes (writing its pending view counts), then the process exits. */
  stop(): Promise<void>;
}

/** Starts bench/lib/serve.ts on `databaseUrl`, pinned to `cpus`, optionally writing a CPU profile into `profileDir`. */
export async function startServer(databaseUrl: string, cpus: string | null, profileDir: string | null): Promise<Server> {
  const node = [
    ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
    '--import',
    'tsx',
    path.join(import.meta.dirname, 'serve.ts'),
    databaseUrl,
  ];
  const child =
    cpus === null
      ? spawn(process.execPath, node, { stdio: ['ignore', 'pipe', 'inherit'] })
      : spawn('taskset', ['-c', cpus, process.execPath, ...node], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    lines.once('line', (l) => resolve((JSON.parse(l) as { port: number }).port));
    void exited.then((code) => reject(new Error(`the server exited with status ${code} before listening`)));
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    async stop() {
      child.kill('SIGTERM');
      const code = await exited;
      if (code !== 0) throw new Error(`the server exited with status ${code}`);
    },
  };
}
