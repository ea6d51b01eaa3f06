/**
 * The direction of dependencies (docs/architecture.md): law imports nothing, the domain
 * only the law and reads no clock, store and render never reach up into app or web.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const src = path.resolve(import.meta.dirname, '../src');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Layer (first folder under src) of each module a file imports from src. */
function importedLayers(file: string): { layer: string; spec: string }[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)]
    .map((m) => m[1]!)
    .filter((s) => s.startsWith('.'))
    .map((spec) => ({ spec, layer: path.relative(src, path.resolve(path.dirname(file), spec)).split(path.sep)[0]! }));
}

const allowed: Record<string, readonly string[]> = {
  law: ['law'],
  domain: ['law', 'domain'],
  store: ['law', 'domain', 'store'],
  render: ['law', 'domain', 'render'],
  extract: ['law', 'domain', 'extract'],
  app: ['law', 'domain', 'store', 'extract', 'app'],
  web: ['law', 'domain', 'store', 'render', 'extract', 'app', 'web'],
  cli: ['law', 'domain', 'store', 'render', 'extract', 'app', 'web', 'cli'],
};

test('each layer imports only the layers below it', () => {
  const violations: string[] = [];
  for (const file of files(src)) {
    const layer = path.relative(src, file).split(path.sep)[0]!;
    for (const { spec, layer: target } of importedLayers(file)) {
      if (!(allowed[layer] ?? []).includes(target)) violations.push(`${path.relative(src, file)} imports ${spec}`);
    }
  }
  assert.deepEqual(violations, []);
});

test('the domain reads no clock, file, network or database', () => {
  const violations: string[] = [];
  for (const file of files(path.join(src, 'domain'))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const [pattern, what] of [
      [/Date\.now\(\)|new Date\(\)/, 'reads the clock'],
      [/from ['"](node:)?(fs|net|http|https|child_process)['"]/, 'does I/O'],
      [/from ['"](kysely|pg|better-sqlite3|fastify)['"]/, 'uses the database or HTTP'],
    ] as const) {
      if (pattern.test(text)) violations.push(`${path.relative(src, file)} ${what}`);
    }
  }
  assert.deepEqual(violations, []);
});
