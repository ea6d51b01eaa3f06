/**
 * A clone of the repository alone must pass `npm test` and run the bench: no test, helper,
 * bench or script reads the shared reference folder beside the checkout. What they need is
 * copied into test/fixtures, with its source noted in a README there.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return (fs.readdirSync(path.join(root, dir), { recursive: true }) as string[]).filter((n) => /\.(ts|tsx|js|mjs)$/.test(n)).map((n) => path.join(dir, n));
}

test('tests, the bench and the scripts read nothing outside the repository', () => {
  const outside = /(?:\.\.\/)+shared\/|\/work\/shared|['"`]\.\.\/\.\.\/\.\.\/\.\.\/shared/;
  const found = ['test', 'bench', 'scripts'].flatMap(sources).filter((f) => outside.test(fs.readFileSync(path.join(root, f), 'utf8')));
  assert.deepEqual(found, []);
});

test('the copied fixtures are in the repository', () => {
  for (const f of [
    'test/fixtures/seed/chaqi-2023-annual-report.txt',
    'test/fixtures/published-reports/hongze-district-2023.pdf',
    'test/fixtures/published-reports/README.md',
  ]) {
    assert.ok(fs.existsSync(path.join(root, f)), f);
  }
});
