/** Debian's Chromium driven by playwright-core (never a downloaded browser), and axe-core for accessibility. */
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { AppContext } from '../../src/app/context.ts';
import { after, before } from 'node:test';
import { loadDemo } from '../../src/app/demo/load.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';
import { chromiumPath } from './resources.ts';
import { testApp } from './web.ts';

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Serious and critical accessibility violations on the page (WCAG 2 A/AA rules). The page's context needs `bypassCSP: true`, as axe is injected as a script. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const results = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> };
      }
    ).axe;
    return axe.run((globalThis as unknown as { document: unknown }).document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
  });
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .map((n) => JSON.stringify(n.target))
          .slice(0, 3)
          .join(', ')}`,
    );
}

/** The platform listening on a free port of 127.0.0.1, and a Chromium to drive it. */
export async function serveInChromium(ctx: AppContext): Promise<{ app: FastifyInstance; base: string; browser: Browser }> {
  const app = await testApp(ctx);
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, base, browser: await launchChromium() };
}

/** Closes what `serveInChromium` and the test database opened, whichever of them did open. */
export async function closeAll(browser: Browser | undefined, app: FastifyInstance | undefined, t: TestDatabase | undefined): Promise<void> {
  await browser?.close();
  await app?.close();
  await t?.drop();
}

/** A fresh browser context logged in as a demo account, on the workbench. */
export async function logIn(browser: Browser, base: string, username: string, password = 'gongkai-demo'): Promise<Page> {
  const page = await (await browser.newContext({ bypassCSP: true })).newPage();
  await page.goto(`${base}/admin/login`);
  await page.fill('#field-username', username);
  await page.fill('#field-password', password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(`${base}/admin`);
  return page;
}

export interface DemoInChromium {
  t: TestDatabase;
  app: FastifyInstance;
  base: string;
  browser: Browser;
}

/**
 * Registers the suite's before/after hooks: the demo county on a fresh SQLite file with the
 * real clock (the browser reads session cookies and deadlines as of today), served to a
 * Chromium. The returned object is filled in by the time the tests run.
 */
export function demoInChromium(): DemoInChromium {
  const s = {} as DemoInChromium;
  before(async () => {
    s.t = await createTestDatabase('sqlite', () => new Date());
    await loadDemo(s.t.ctx);
    Object.assign(s, await serveInChromium(s.t.ctx));
  });
  after(async () => closeAll(s.browser, s.app, s.t));
  return s;
}
