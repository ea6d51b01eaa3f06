/** Timing for benchmarks: wall-clock milliseconds, medians of repeated runs after a warm-up. */
import { performance } from 'node:perf_hooks';

export async function timed<T>(f: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await f();
  return { ms: performance.now() - t0, value };
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Runs each measured function `warmup` times, then `reps` times interleaved (a, b, c, a,
 * b, c, …) so that drift of the machine affects them alike; returns every time and the median.
 */
export async function measure<K extends string>(
  runs: Readonly<Record<K, () => Promise<unknown>>>,
  options: { warmup: number; reps: number },
): Promise<Record<K, { median: number; times: number[] }>> {
  const keys = Object.keys(runs) as K[];
  for (let i = 0; i < options.warmup; i++) for (const k of keys) await runs[k]();
  const times = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < options.reps; i++) {
    for (const k of keys) times[k].push((await timed(runs[k])).ms);
  }
  return Object.fromEntries(keys.map((k) => [k, { median: median(times[k]), times: times[k] }])) as Record<K, { median: number; times: number[] }>;
}

export const ms = (x: number) => `${x.toFixed(1)} ms`;
