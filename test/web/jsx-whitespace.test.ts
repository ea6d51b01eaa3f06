/**
 * TypeScript trims JSX text lines of every Unicode space (U+3000 and NBSP included), where the
 * formatter keeps to ASCII: an ideographic space a line break left at the end of a JSX line
 * vanished from the page ("第2版　2026-03-09　更正说明" lost its second space). Such a space
 * is written as {'　'}; this guard finds one left bare at a line's start or end.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(import.meta.dirname, '../..');
const space = '[\\u0085\\u00a0\\u1680\\u2000-\\u200b\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]';
const atEdge = new RegExp(`${space}\\s*$|^\\s*${space}`, 'u');

test('no Unicode space at the edge of a JSX line, where TypeScript would drop it', () => {
  const files = (fs.readdirSync(path.join(root, 'src'), { recursive: true }) as string[]).filter((n) => n.endsWith('.tsx'));
  const found = files.flatMap((f) =>
    fs
      .readFileSync(path.join(root, 'src', f), 'utf8')
      .split('\n')
      .flatMap((line, i) => (atEdge.test(line) ? [`src/${f}:${i + 1}`] : [])),
  );
  assert.deepEqual(found, []);
});
