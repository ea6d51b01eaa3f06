/** Runs the real `gongkai` command in a child process. */
import { spawn } from 'node:child_process';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');
export const bin = path.join(root, 'bin', 'gongkai.js');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  raw: Buffer;
}

export function gongkai(args: string[], env: Record<string, string> = {}, command: string[] = [process.execPath, bin]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command[0]!, [...command.slice(1), ...args], { cwd: root, env: { ...process.env, ...env } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => {
      const raw = Buffer.concat(out);
      resolve({ code, stdout: raw.toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), raw });
    });
  });
}

export interface Server {
  url: string;
  pid: number;
  /** All it has printed so far. */
  output: string;
  /** Sends SIGTERM and waits for the exit (nothing when it has exited). */
  stop: () => Promise<void>;
  /** Sends `signal` and resolves with how it exited and how long that took. */
  stopWith: (signal: NodeJS.Signals) => Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
}

/** Starts `gongkai <command>` on a free port and resolves once it prints its URL (within `timeoutMs`). */
export function startServer(command: string, env: Record<string, string>, timeoutMs = 60_000): Promise<Server> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, command], { cwd: root, env: { ...process.env, PORT: '0', ...env } });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`no URL printed:\n${output}`)), timeoutMs);
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.once('close', (code, signal) => done({ code, signal })));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      const m = /已启动：(http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1]!,
          pid: child.pid!,
          get output() {
            return output;
          },
          // Stopping a stopped server does nothing.
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null || child.signalCode !== null) return done();
              child.once('close', () => done());
              child.kill('SIGTERM');
            }),
          stopWith: async (signal) => {
            const start = Date.now();
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            const how = await exited;
            return { ...how, ms: Date.now() - start };
          },
        });
      }
    });
    child.on('close', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
}
