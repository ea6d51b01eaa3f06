/**
 * No emoji in what the platform renders: desktops on 政务外网 (麒麟, 统信 UOS) often have no emoji font and
 * show an empty box. Marks are inline SVG (`Icon`); ★ and ☆ stay, as every CJK font has them (秘密★1年).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(import.meta.dirname, '../..');
const emoji = /[\u2300-\u23ff\u2600-\u2604\u2607-\u27bf\u{1f000}-\u{1faff}]|\ufe0f/u;

function files(dir: string): string[] {
  return (fs.readdirSync(path.join(root, dir), { recursive: true }) as string[]).filter((n) => /\.(tsx?|css)$/.test(n)).map((n) => path.join(dir, n));
}

test('pages, documents and the law texts contain no emoji', () => {
  const found = ['src/web', 'src/render', 'src/law'].flatMap(files).flatMap((f) =>
    fs
      .readFileSync(path.join(root, f), 'utf8')
      .split('\n')
      .flatMap((line, i) => (emoji.test(line) ? [`${f}:${i + 1}: ${emoji.exec(line)![0]}`] : [])),
  );
  assert.deepEqual(found, []);
});

test('the guard catches the marks once used', () => {
  for (const mark of ['⚠', '⏰', '✗', '✅', '🔒', '⚠️']) assert.ok(emoji.test(mark), mark);
  for (const fine of ['秘密★1年', '☆', '→', '—', '…', '〔2023〕']) assert.ok(!emoji.test(fine), fine);
});
