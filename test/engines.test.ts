/**
 * The README promises Node.js 20.19: every installed package must accept it, or `npm install`
 * warns (EBADENGINE) and the package may use what 20 lacks. Overrides in package.json pin the
 * few transitive packages whose newest majors want Node 22 to their last 20-compatible line.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import semver from 'semver';

const root = path.resolve(import.meta.dirname, '..');
const minimum = '20.19.0';

test('every package in the lock file accepts the Node.js version the README names', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
  assert.equal(semver.minVersion(pkg.engines.node)?.version, minimum);
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { engines?: { node?: string } | string[]; optional?: boolean }>;
  };
  const refusing = Object.entries(lock.packages)
    .filter(([name, p]) => name !== '' && !Array.isArray(p.engines) && p.engines?.node)
    .filter(([, p]) => !semver.satisfies(minimum, (p.engines as { node: string }).node, { includePrerelease: true }))
    .map(([name, p]) => `${name} wants node ${(p.engines as { node: string }).node}`);
  assert.deepEqual(refusing, []);
});
