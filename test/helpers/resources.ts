/**
 * Real parts the tests need: PostgreSQL, Chromium, LibreOffice. Without one, a test is
 * skipped and named in the runner's summary; under CI=true a missing part fails instead.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import pg from 'pg';

export const ci = process.env.CI === 'true';
export const postgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';

function logSkip(what: string): void {
  const log = process.env.GONGKAI_SKIP_LOG;
  if (log) fs.appendFileSync(log, `${what}\n`);
}

/** Returns a skip reason (or false when the part is there); under CI, a missing part throws. */
function availability(name: string, missing: string | null): string | false {
  if (missing === null) return false;
  const reason = `${name}: ${missing}`;
  if (ci) throw new Error(`CI=true but ${reason}`);
  logSkip(reason);
  return reason;
}

async function probeOnce(): Promise<string | null> {
  const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (e) {
    return `no PostgreSQL at ${postgresUrl} (${(e as Error).message || (e as { code?: string }).code})`;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A refused connection answers at once; a timeout on a loaded machine is tried again before giving up. */
async function probePostgres(): Promise<string | null> {
  let last: string | null = null;
  for (let i = 0; i < 3; i++) {
    last = await probeOnce();
    if (last === null || !/timeout/i.test(last)) return last;
  }
  return last;
}

let pgProbe: Promise<string | null> | undefined;
export async function postgresSkip(): Promise<string | false> {
  pgProbe ??= probePostgres();
  return availability('PostgreSQL', await pgProbe);
}

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export function chromiumSkip(): string | false {
  return availability('Chromium', fs.existsSync(chromiumPath) ? null : `not installed at ${chromiumPath} (apt-get install -y chromium)`);
}

export function libreOfficeSkip(): string | false {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 30_000 });
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return availability('LibreOffice', null);
  } catch {
    return availability('LibreOffice', 'soffice or pdftotext not found (apt-get install -y libreoffice-writer-nogui poppler-utils fonts-noto-cjk)');
  }
}
