/**
 * The baseline: nginx (Debian package) serving from disk the very pages the server rendered,
 * with the server's own response headers, one worker, in the foreground as a child process
 * with its configuration, pid file, logs and temp paths in a directory of its own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface Page {
  /** Path and query as requested ("/items/12", "/items?page=2"). */
  url: string;
  body: Buffer;
  headers: Record<string, string>;
}

/** Headers that belong to one response or connection, not to the page. */
const perResponse = new Set(['date', 'connection', 'keep-alive', 'content-length', 'content-type', 'transfer-encoding', 'set-cookie']);

/** The file of a path: "/items?page=2" → "items?page=2.html" (nginx looks it up as $uri$is_args$args.html). */
const fileOf = (url: string) => `${decodeURIComponent(url.split('?')[0]!)}${url.includes('?') ? `?${url.split('?')[1]}` : ''}.html`;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

export interface Nginx {
  origin: string;
  stop(): Promise<void>;
}

/** Writes the pages under `dir`/root and starts nginx on a free loopback port, pinned to `cpus`. */
export async function startNginx(dir: string, pages: readonly Page[], cpus: string | null): Promise<Nginx> {
  const root = path.join(dir, 'root');
  for (const p of pages) {
    const file = path.join(root, fileOf(p.url));
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o755 });
    fs.writeFileSync(file, p.body, { mode: 0o644 });
  }
  // The worker runs as nobody: the temporary directories must be readable.
  for (let d = root; d !== os.tmpdir() && d !== path.dirname(d); d = path.dirname(d)) fs.chmodSync(d, 0o755);
  for (const d of fs.readdirSync(root, { recursive: true, withFileTypes: true })) if (d.isDirectory()) fs.chmodSync(path.join(d.parentPath, d.name), 0o755);
  const first = pages[0]!;
  const headers = Object.entries(first.headers)
    .filter(([k]) => !perResponse.has(k))
    .map(([k, v]) => `      add_header ${k} ${JSON.stringify(v)} always;`)
    .join('\n');
  const port = await freePort();
  const conf = path.join(dir, 'nginx.conf');
  fs.writeFileSync(
    conf,
    `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  keepalive_timeout 65;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  types { }
  default_type ${JSON.stringify(first.headers['content-type'] ?? 'text/html; charset=utf-8')};
  server {
    listen 127.0.0.1:${port};
    root ${root};
    location / {
      try_files "$uri$is_args$args.html" =404;
${headers}
    }
  }
}
`,
  );
  const argv = ['-c', conf, '-p', dir, '-e', path.join(dir, 'error.log'), '-g', 'daemon off;'];
  const child: ChildProcess = cpus === null ? spawn('nginx', argv, { stdio: 'ignore' }) : spawn('taskset', ['-c', cpus, 'nginx', ...argv], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${fs.readFileSync(path.join(dir, 'error.log'), 'utf8').slice(-2000)}`);
    try {
      const res = await fetch(`${origin}${first.url}`);
      const body = Buffer.from(await res.arrayBuffer());
      if (res.status !== 200 || !body.equals(first.body))
        throw new Error(`nginx serves ${first.url} with status ${res.status}, ${body.length} bytes instead of ${first.body.length}`);
      break;
    } catch (e) {
      if (i > 50 || (e as Error).message.startsWith('nginx serves')) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    origin,
    async stop() {
      child.kill('SIGQUIT'); // graceful: the master waits for its worker
      await exited;
    },
  };
}
