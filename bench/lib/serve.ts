/**
 * The portal server as `gongkai start` runs it, in a process of its own so that it can be
 * pinned to one core: `node --import tsx bench/lib/serve.ts <DATABASE_URL>`. Prints
 * `{"port": N}` once it listens on loopback; SIGTERM closes the app (which writes what it
 * holds, e.g. view counts) and the database, then exits.
 */
import { openDatabase } from '../../src/store/db.ts';
import { buildApp } from '../../src/web/app.ts';

const url = process.argv[2];
if (!url) throw new Error('usage: serve.ts <DATABASE_URL>');
const database = await openDatabase(url, { mustExist: url.startsWith('file:') });
const app = await buildApp({ ctx: { db: database.db, dialect: database.dialect, now: () => new Date() }, secureCookies: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
process.once('SIGTERM', () => {
  void (async () => {
    await app.close();
    await database.close();
    process.exit(0);
  })();
});
