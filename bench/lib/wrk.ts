/**
 * The load generator: wrk (Debian package) on loopback, pinned to its own core with taskset,
 * cycling through a list of paths (a Lua script) so the server renders distinct pages.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface LoadOptions {
  connections: number;
  seconds: number;
  /** Cores for the load generator, as taskset takes them ("1"); none: not pinned. */
  cpus: string | null;
}

export interface LoadResult {
  requestsPerSecond: number;
  /** Latency percentiles in ms. */
  p50: number;
  p99: number;
  requests: number;
  /** Responses that were not 2xx/3xx, and socket errors (connect, read, write, timeout). */
  errors: number;
}

const ms = (v: string, unit: string) => Number(v) * ({ us: 0.001, ms: 1, s: 1000, m: 60_000 }[unit] ?? NaN);

export function parseWrk(out: string): LoadResult {
  // Not one response within the run: wrk prints no latency figures.
  if (/^\s+0 requests in /m.test(out)) return { requestsPerSecond: 0, p50: NaN, p99: NaN, requests: 0, errors: 0 };
  const num = (re: RegExp) => {
    const m = re.exec(out);
    if (!m) throw new Error(`unexpected wrk output (no ${re}):\n${out}`);
    return m;
  };
  const p50 = num(/^\s+50%\s+([\d.]+)(us|ms|s|m)\s*$/m);
  const p99 = num(/^\s+99%\s+([\d.]+)(us|ms|s|m)\s*$/m);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(out);
  return {
    requestsPerSecond: Number(num(/^Requests\/sec:\s+([\d.]+)/m)[1]),
    p50: ms(p50[1]!, p50[2]!),
    p99: ms(p99[1]!, p99[2]!),
    requests: Number(num(/^\s+(\d+) requests in /m)[1]),
    errors: (socket ? socket.slice(1).reduce((s, n) => s + Number(n), 0) : 0) + (non2xx ? Number(non2xx[1]) : 0),
  };
}

/** A Lua script for wrk that sends the paths in turn. */
export function writeScript(dir: string, name: string, paths: readonly string[]): string {
  const file = path.join(dir, `${name}.lua`);
  const list = paths.map((p) => `  ${JSON.stringify(p)},`).join('\n');
  fs.writeFileSync(file, `local paths = {\n${list}\n}\nlocal i = 0\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format("GET", paths[i])\nend\n`);
  return file;
}

export async function load(origin: string, script: string, o: LoadOptions): Promise<LoadResult> {
  const args = ['-t1', `-c${o.connections}`, `-d${o.seconds}s`, '--latency', '--timeout', '10s', '-s', script, origin];
  const [cmd, argv] = o.cpus === null ? ['wrk', args] : ['taskset', ['-c', o.cpus, 'wrk', ...args]];
  const { stdout } = await run(cmd, argv, { maxBuffer: 1 << 20 });
  return parseWrk(stdout);
}
