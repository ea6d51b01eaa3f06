/**
 * Slow clients (issue 15.10): a client that trickles its headers, or sends nothing, loses its
 * connection instead of holding it forever; an ordinary request on the same server is answered.
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/web/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { httpGet, listening } from '../helpers/web.ts';

let t: TestDatabase;
let app: FastifyInstance;
let origin: string;
before(async () => {
  t = await createTestDatabase('sqlite');
  app = await buildApp({ ctx: t.ctx, secureCookies: false, timeouts: { headers: 300, idle: 600, checkEvery: 50 } });
  origin = await listening(app);
});
after(async () => {
  await app.close();
  await t.drop();
});

/** Opens a raw connection, calls `feed` with it, and resolves with what the server sent once it closes (or 'open' after `waitMs`). */
function connection(feed: (socket: net.Socket) => void, waitMs: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(Number(new URL(origin).port), '127.0.0.1');
    let received = '';
    socket.on('data', (d) => (received += d.toString()));
    socket.on('error', () => {});
    const timer = setTimeout(() => {
      socket.destroy();
      resolve('open');
    }, waitMs);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(received);
    });
    feed(socket);
  });
}

test('a client trickling its headers is cut off', async () => {
  let trickle: NodeJS.Timeout | undefined;
  const result = await connection((s) => {
    s.write('GET / HTTP/1.1\r\nHost: localhost\r\n');
    trickle = setInterval(() => s.writable && s.write('X-Slow: 1\r\n'), 50);
  }, 15_000);
  clearInterval(trickle);
  assert.notEqual(result, 'open', 'the server closed the connection');
  assert.doesNotMatch(result, /^HTTP\/1\.1 200/);
});

test('a connection that sends nothing is closed', async () => {
  assert.notEqual(await connection(() => {}, 15_000), 'open');
});

test('an ordinary request is answered', async () => {
  const page = await httpGet(origin, '/apply');
  assert.equal(page.statusCode, 200);
});
