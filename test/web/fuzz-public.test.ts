/**
 * A fuzz of the public forms and the log-in (issue 15): a fixed seed, so a failure is the same
 * on every run. Whatever a stranger sends, the answer is a page or a refusal, never HTTP 500.
 * Each request comes from its own address, so the rate limits let the handlers see it.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadDemo } from '../../src/app/demo/load.ts';
import { personApplication } from '../helpers/applications.ts';
import { eachDialect } from '../helpers/db.ts';
import { Client, testApp } from '../helpers/web.ts';

/** mulberry32: a small seeded generator. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const nasty = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff\ud800',
  '\u202e\u202d',
  '😀'.repeat(50),
  '𠀀𪚥',
  '\r\n\r\n',
  '\t',
  '<script>alert(1)</script>',
  '"\'><img src=x onerror=alert(1)>',
  "' OR 1=1 --",
  '%00',
  '%',
  '%zz',
  '../../../etc/passwd',
  '\\\\server\\share',
  '-1',
  '0',
  '1e309',
  'NaN',
  'Infinity',
  '0x10',
  '9007199254740993',
  '１２３',
  '2026-02-30',
  '9999-99-99',
  '0000-00-00',
  '2026-13-01',
  '{"a":1}',
  '[]',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  'toString',
  'WS2026000001',
  'ABCD-EFGH',
  'naturalPerson',
  'legalPerson',
  'electronic',
  'paper',
  'email',
  'post',
  'online',
  'inPerson',
  'residentIdCard',
  '430623199001011234',
  'admin',
  'platform-admin',
  '//evil.example/',
  '/\\evil',
  'javascript:alert(1)',
  'http://[::1]/',
  '/admin',
  '/apply?x=1#y',
];

type Rnd = () => number;
const pick = <T>(r: Rnd, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

function value(r: Rnd): string {
  const x = r();
  if (x < 0.6) return pick(r, nasty);
  if (x < 0.75) return pick(r, nasty).repeat(1 + Math.floor(r() * 3000));
  if (x < 0.9) return Array.from({ length: Math.floor(r() * 40) }, () => String.fromCharCode(Math.floor(r() * 0xffff))).join('');
  return 'x'.repeat(Math.floor(r() * 200_000));
}

/** A form: the real fields, some replaced, some repeated, some strange names added. */
function form(r: Rnd, base: Record<string, string>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(base)) {
    const x = r();
    if (x < 0.15) continue;
    out[k] = x < 0.5 ? value(r) : x < 0.6 ? [v, value(r)] : v;
  }
  if (r() < 0.3) out[pick(r, ['__proto__', 'constructor', 'items[]', 'agency[]', 'a'.repeat(300), '\u0000', 'letter', 'next'])] = value(r);
  return out;
}

const bodyStatus = (res: LightMyRequestResponse) => res.statusCode;

eachDialect(
  'public forms under fuzzing',
  (get) => {
    let app: FastifyInstance;
    let n = 0;
    const failures: string[] = [];
    before(async () => {
      app = await testApp(get().ctx);
    });
    const client = () => new Client(app, { remoteAddress: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n++ & 255}` });
    const check = (what: string, res: LightMyRequestResponse) => {
      if (bodyStatus(res) >= 500) failures.push(`${what} → ${res.statusCode}: ${res.body.slice(0, 200)}`);
    };

    test('forms, queries and raw bodies: no HTTP 500', async () => {
      const r = random(20261207);
      const agency = String((await get().ctx.db.selectFrom('agencies').select('id').orderBy('id').executeTakeFirstOrThrow()).id);
      for (let i = 0; i < 120; i++) {
        const c = client();
        await c.get('/apply');
        const f = form(r, { agency, ...personApplication() });
        check(`POST /apply ${JSON.stringify(f).slice(0, 300)}`, await c.post('/apply', f, { csrf: r() > 0.05 }));
      }
      for (let i = 0; i < 40; i++) {
        const c = client();
        await c.get('/apply');
        const fields = Object.fromEntries(Object.entries(form(r, { agency, ...personApplication() })).map(([k, v]) => [k.replace(/["\r\n]/g, ''), String(v)]));
        const bytes = Uint8Array.from({ length: Math.floor(r() * 5000) }, () => Math.floor(r() * 256));
        const filename = value(r)
          .replace(/["\r\n]/g, '')
          .slice(0, 300);
        check(`POST /apply multipart ${filename.slice(0, 40)}`, await c.multipart('/apply', fields, [{ field: 'identityFiles', filename, bytes }]));
      }
      for (let i = 0; i < 60; i++) {
        const c = client();
        await c.get('/apply/status');
        const path = r() < 0.5 ? '/apply/status' : '/apply/status/letter';
        const f = form(r, { receiptNo: 'WS2026000001', queryCode: 'ABCDEFGH', letter: '1' });
        check(`POST ${path} ${JSON.stringify(f).slice(0, 200)}`, await c.post(path, f));
      }
      for (let i = 0; i < 25; i++) {
        const c = client();
        await c.get('/admin/login');
        const f = form(r, { username: pick(r, ['chaqi-editor', 'admin', '']), password: 'gongkai-demo', next: '/admin' });
        check(`POST /admin/login ${JSON.stringify(f).slice(0, 200)}`, await c.post('/admin/login', f));
      }
      const gets = [
        '/search?q=',
        '/items?q=',
        '/items?page=',
        '/items?agency=',
        '/items?year=',
        '/items?category=',
        '/apply?agency=',
        '/care?on=1&back=',
        '/apply/receipt/',
        '/agencies/',
        '/annual-reports/',
        '/items/',
        '/admin/login?next=',
      ];
      for (let i = 0; i < 150; i++) {
        const url =
          pick(r, gets) +
          encodeURIComponent(
            value(r)
              .slice(0, 3000)
              .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'),
          );
        check(`GET ${url.slice(0, 200)}`, await client().get(url));
      }
      const raws: [string, string, string | Buffer][] = [
        ['/apply', 'application/x-www-form-urlencoded', '%%%&&&===&_csrf=%E0%A4%A'],
        ['/apply', 'multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb'],
        ['/apply', 'multipart/form-data', 'no boundary'],
        ['/apply', 'application/json', '{"agency": {"$gt": 1}}'],
        ['/apply', 'application/json', '{not json'],
        ['/apply', 'text/plain', 'hello'],
        ['/apply/status', 'application/x-www-form-urlencoded', 'receiptNo[]=1&receiptNo[]=2&queryCode[a]=b'],
        ['/admin/login', 'application/json', '{"username": ["a"], "password": {"x": 1}}'],
        ['/admin/login', 'application/x-www-form-urlencoded', Buffer.from([0xff, 0xfe, 0x3d, 0x00, 0x26])],
      ];
      for (const [url, type, payload] of raws) {
        const c = client();
        await c.get(url === '/admin/login' ? '/admin/login' : '/apply');
        check(`POST ${url} raw ${type}`, await app.inject({ method: 'POST', url, payload, headers: { 'content-type': type, 'x-csrf-token': c.csrf } }));
      }
      assert.deepEqual(failures, []);
    });
  },
  async (t) => void (await loadDemo(t.ctx)),
);
