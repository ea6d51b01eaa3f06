/**
 * Error codes declared once (issue 14): every 'GK_*' code written in src is listed in
 * docs/error-codes.md exactly once with a one-line meaning, and every listed code is used.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(import.meta.dirname, '..');

function usedCodes(): Set<string> {
  const files = (fs.readdirSync(path.join(root, 'src'), { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f));
  const used = new Set<string>();
  for (const f of files) for (const m of fs.readFileSync(path.join(root, 'src', f), 'utf8').matchAll(/'(GK_[A-Z0-9_]+)'/g)) used.add(m[1]!);
  return used;
}

function listed(): string[] {
  const doc = fs.readFileSync(path.join(root, 'docs/error-codes.md'), 'utf8');
  return [...doc.matchAll(/^- `(GK_[A-Z0-9_]+)` — (.*)$/gm)].map((m) => {
    assert.ok(m[2]!.trim().length > 3, `${m[1]} has no meaning`);
    return m[1]!;
  });
}

test('every error code in src is listed once in docs/error-codes.md, and every listed one is used', () => {
  const used = usedCodes();
  const codes = listed();
  assert.ok(used.size > 100, 'the scan found the codes');
  assert.deepEqual(
    codes.filter((c, i) => codes.indexOf(c) !== i),
    [],
    'listed twice',
  );
  assert.deepEqual([...used].filter((c) => !codes.includes(c)).sort(), [], 'used but not listed');
  assert.deepEqual(codes.filter((c) => !used.has(c)).sort(), [], 'listed but not used');
});

test('the one family built from a rule id is documented as a family', () => {
  const doc = fs.readFileSync(path.join(root, 'docs/error-codes.md'), 'utf8');
  assert.ok(doc.includes('`GK_REPORT_<rule>`'));
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of that template
  assert.ok(fs.readFileSync(path.join(root, 'src/app/reports/publish.ts'), 'utf8').includes('`GK_REPORT_${f.rule}`'));
});
