/**
 * China time everywhere (issue 9.8): every date and time shown comes from the China-time
 * helpers of src/domain/shared/dates.ts (chinaDate, portalDateTime). This guard reads every
 * source file and names each line that formats a moment another way — cutting a UTC ISO
 * string to its date, the server's local-time getters, the UTC calendar of now(), locale
 * formatting without a time zone — so a new page cannot bring back a UTC or local date.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { chinaDate, chinaTimestamp, portalDateTime, utcMidnightDate } from '../src/domain/shared/dates.ts';

const root = path.resolve(import.meta.dirname, '..');
/** The helpers themselves: the one place that turns an instant into China time. */
const helpers = ['src/domain/shared/dates.ts'];

const forbidden: readonly { what: string; re: RegExp }[] = [
  {
    what: 'toISOString() cut to a date or time (that is the UTC day): use chinaDate or portalDateTime',
    re: /toISOString\(\)\s*\.\s*(?:slice|substring|substr|split)\(/,
  },
  {
    what: 'a timestamp (…At, …_at) cut to its UTC date: use chinaDate or portalDateTime',
    re: /(?:_at|At)\s*\)?\s*\.\s*(?:slice|substring|substr)\(\s*0\s*,\s*(?:10|16|19)\s*\)/,
  },
  { what: 'a local-time getter (the server’s time zone): use chinaDate', re: /\.get(?:Date|Day|Hours|Minutes|Seconds|Month|FullYear|Year)\(\)/ },
  { what: 'the UTC calendar of now(): use chinaDate(ctx.now())', re: /now\(\)\s*\.\s*getUTC\w+\(/ },
  { what: 'toLocale…String without timeZone', re: /\.toLocale(?:Date|Time)?String\((?![^)]*timeZone)/ },
  { what: 'Intl.DateTimeFormat without timeZone', re: /Intl\.DateTimeFormat\((?![^)]*timeZone)/ },
  { what: 'toUTCString / toDateString / toTimeString (UTC or local)', re: /\.to(?:UTC|Date|Time)String\(\)/ },
];

function sources(): string[] {
  return (fs.readdirSync(path.join(root, 'src'), { recursive: true }) as string[])
    .filter((n) => /\.(ts|tsx)$/.test(n))
    .map((n) => path.join('src', n).split(path.sep).join('/'))
    .filter((f) => !helpers.includes(f));
}

/** `file:line: what` for every line of `text` that formats a moment outside the helpers. */
function offences(file: string, text: string): string[] {
  const out: string[] = [];
  text.split('\n').forEach((line, i) => {
    for (const f of forbidden) if (f.re.test(line)) out.push(`${file}:${i + 1}: ${f.what}: ${line.trim()}`);
  });
  return out;
}

describe('China time in the source', () => {
  test('no file in src formats a date or time except through the China-time helpers', () => {
    const found = sources().flatMap((f) => offences(f, fs.readFileSync(path.join(root, f), 'utf8')));
    assert.deepEqual(found, []);
  });

  test('the guard catches each way of going around the helpers', () => {
    const bad = [
      'const d = ctx.now().toISOString().slice(0, 10);',
      '<td>{s.submitted_at.slice(0, 10)}</td>',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a line of source under test
      '`更新：${saved.updatedAt.slice(0, 16)}`',
      'const day = new Date(x).getDate();',
      'const h = t.getHours();',
      'value={String(ctx.now().getUTCFullYear())}',
      "d.toLocaleDateString('zh-CN')",
      "d.toLocaleString('zh-CN', { hour12: false })",
      "new Intl.DateTimeFormat('zh-CN', { dateStyle: 'short' })",
      'd.toUTCString()',
    ];
    for (const line of bad) assert.equal(offences('x.ts', line).length, 1, line);
    const fine = [
      "d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })",
      "new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai' })",
      'const at = ctx.now().toISOString();',
      'const year = today.slice(0, 4);',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a line of source under test
      'const w = new Date(`${date}T00:00:00Z`).getUTCDay();',
    ];
    for (const line of fine) assert.deepEqual(offences('x.ts', line), [], line);
  });

  test('the helpers: 16:50 UTC is the next day, 00:50, in China', () => {
    assert.equal(chinaDate('2026-12-07T16:50:00.000Z'), '2026-12-08');
    assert.equal(chinaDate(new Date('2026-12-07T15:59:59.999Z')), '2026-12-07');
    assert.equal(portalDateTime('2026-12-07T16:50:00.000Z'), '2026-12-08 00:50');
    assert.equal(chinaDate('2026-12-31T16:00:00.000Z'), '2027-01-01');
    assert.equal(chinaTimestamp('2026-12-07T16:50:00.000Z'), '2026-12-08T00:50:00+08:00');
    assert.equal(utcMidnightDate(Date.UTC(2027, 1, 3)), '2027-02-03');
  });
});
