/**
 * `npm run bench [-- name… --flag…]`: runs every benchmark in bench/*.ts (or the ones
 * named), each in its own process, one after another. Flags (--pg, --reps 5, …) are passed
 * to each benchmark. Exits non-zero when a benchmark fails or reports being over budget.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const dir = import.meta.dirname;
const all = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
  .map((f) => f.slice(0, -'.ts'.length))
  .sort();

const argv = process.argv.slice(2);
const names: string[] = [];
const flags: string[] = [];
for (let i = 0; i < argv.length; i++) {
  const a = argv[i]!;
  if (a.startsWith('--')) {
    flags.push(a);
    // a value that follows a flag belongs to it (--reps 5), unless it names a benchmark
    const v = argv[i + 1];
    if (!a.includes('=') && v !== undefined && !v.startsWith('--') && !all.includes(v)) flags.push(argv[++i]!);
  } else names.push(a);
}
const unknown = names.filter((n) => !all.includes(n));
if (unknown.length) {
  console.error(`no such benchmark: ${unknown.join(', ')} (there are: ${all.join(', ')})`);
  process.exit(2);
}

let failed = 0;
for (const name of names.length ? names : all) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, `${name}.ts`), ...flags], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
  console.log();
}
process.exit(failed ? 1 : 0);
