#!/usr/bin/env node
// Runs every test file under test/ with node:test (through tsx), then names what was skipped.
// Under CI=true a skipped resource is a failure: the helpers throw instead of skipping.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const filter = process.argv.slice(2);
const files = [];
(function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.test.ts') || e.name.endsWith('.test.tsx')) files.push(path.relative(root, p));
  }
})(path.join(root, 'test'));
files.sort();
const selected = filter.length ? files.filter((f) => filter.some((x) => f.includes(x))) : files;

const skipLog = path.join(os.tmpdir(), `gongkai-skips-${process.pid}.log`);
fs.rmSync(skipLog, { force: true });
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...selected], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, GONGKAI_SKIP_LOG: skipLog },
});
const skipped = fs.existsSync(skipLog) ? [...new Set(fs.readFileSync(skipLog, 'utf8').split('\n').filter(Boolean))] : [];
fs.rmSync(skipLog, { force: true });
if (skipped.length) {
  console.log('\nSkipped because this machine lacks them (CI=true makes these failures):');
  for (const s of skipped) console.log(`  - ${s}`);
}
process.exit(result.status ?? 1);
