/**
 * A small browser for route tests: keeps cookies between `app.inject()` calls and
 * reads the CSRF token from the last page, so tests go through the front door.
 */
import http from 'node:http';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/web/app.ts';
import type { AppContext } from '../../src/app/context.ts';

export class Client {
  private cookies = new Map<string, string>();
  csrf = '';

  /** `remoteAddress`: the client's address, for routes limited per address. */
  constructor(
    readonly app: FastifyInstance,
    readonly opts: { remoteAddress?: string } = {},
  ) {}

  private get remote() {
    return this.opts.remoteAddress ? { remoteAddress: this.opts.remoteAddress } : {};
  }

  private remember(res: LightMyRequestResponse) {
    const raw = res.headers['set-cookie'];
    for (const c of Array.isArray(raw) ? raw : raw ? [raw] : []) {
      const [pair] = c.split(';');
      const [name, ...rest] = (pair ?? '').split('=');
      if (!name) continue;
      const value = rest.join('=');
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(c)) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body);
    if (token?.[1]) this.csrf = token[1];
  }

  private cookieHeader() {
    return [...this.cookies.entries()].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader() }, ...this.remote });
    this.remember(res);
    return res;
  }

  /** Posts a form, with the page's CSRF token unless `csrf: false`; a list is sent as a repeated field (checkboxes). */
  async post(url: string, form: Record<string, string | readonly string[]>, opts: { csrf?: boolean } = {}): Promise<LightMyRequestResponse> {
    const params = new URLSearchParams(opts.csrf === false ? {} : { _csrf: this.csrf });
    for (const [name, value] of Object.entries(form)) for (const v of typeof value === 'string' ? [value] : value) params.append(name, v);
    const body = params.toString();
    const res = await this.app.inject({
      method: 'POST',
      url,
      payload: body,
      headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      ...this.remote,
    });
    this.remember(res);
    return res;
  }

  /** Uploads one file as multipart/form-data, with the CSRF token in the query string as the upload forms send it. */
  async upload(url: string, filename: string, bytes: Uint8Array): Promise<LightMyRequestResponse> {
    const boundary = `----gongkai${Date.now()}`;
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    );
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const res = await this.app.inject({
      method: 'POST',
      url: `${url}${url.includes('?') ? '&' : '?'}_csrf=${encodeURIComponent(this.csrf)}`,
      payload: Buffer.concat([head, Buffer.from(bytes), tail]),
      headers: { cookie: this.cookieHeader(), 'content-type': `multipart/form-data; boundary=${boundary}` },
      ...this.remote,
    });
    this.remember(res);
    return res;
  }

  /**
   * Posts a form as multipart/form-data with its fields (the CSRF token first, unless
   * `csrf: false`) and then its files, in the order a browser sends them.
   */
  async multipart(
    url: string,
    form: Record<string, string>,
    files: readonly { field: string; filename: string; bytes: Uint8Array }[] = [],
    opts: { csrf?: boolean } = {},
  ): Promise<LightMyRequestResponse> {
    const boundary = `----gongkai${Date.now()}`;
    const parts: Buffer[] = [];
    for (const [name, value] of Object.entries({ ...(opts.csrf === false ? {} : { _csrf: this.csrf }), ...form })) {
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
    }
    for (const f of files) {
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        ),
        Buffer.from(f.bytes),
        Buffer.from('\r\n'),
      );
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    const res = await this.app.inject({
      method: 'POST',
      url,
      payload: Buffer.concat(parts),
      headers: { cookie: this.cookieHeader(), 'content-type': `multipart/form-data; boundary=${boundary}` },
      ...this.remote,
    });
    this.remember(res);
    return res;
  }

  async login(username: string, password = 'gongkai-demo'): Promise<LightMyRequestResponse> {
    await this.get('/admin/login');
    return this.post('/admin/login', { username, password });
  }
}

/** A response as the route tests read it. */
export interface Page {
  statusCode: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export const pageOf = (r: LightMyRequestResponse): Page => ({ statusCode: r.statusCode, headers: r.headers as http.IncomingHttpHeaders, body: r.body });

/** A GET (or HEAD) over real HTTP to a listening app: what a browser gets, kept pages served before Fastify included. */
export function httpGet(origin: string, url: string, headers: Record<string, string> = {}, method: 'GET' | 'HEAD' = 'GET'): Promise<Page> {
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(url, origin), { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ statusCode: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** The app listening on a free loopback port; its origin. */
export async function listening(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('not listening on a port');
  return `http://127.0.0.1:${address.port}`;
}

/** The app on a test database; its rate limits count apart from other apps' on that database. */
let apps = 0;

export async function testApp(ctx: AppContext): Promise<FastifyInstance> {
  const app = await buildApp({ ctx, secureCookies: false, rateLimitScope: `test-${++apps}|` });
  await app.ready();
  return app;
}

/** The text of a page without its tags, for asserting what a reader sees. */
export const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
