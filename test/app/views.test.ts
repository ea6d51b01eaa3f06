/**
 * Views counted in memory and written in batches: none lost (concurrent views, views during
 * a write, a failed write, closing the app), and every reader sees the count with their own
 * view, never one that misses a view already written.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Kysely } from 'kysely';
import { closeViews, countView, currentViews, recordView, viewSnapshot, writeViews } from '../../src/app/catalog/views.ts';
import type { AppContext } from '../../src/app/context.ts';
import { insertAgency } from '../../src/store/agencies.repo.ts';
import { getPublicItem } from '../../src/store/catalogue.repo.ts';
import { insertCatalogueItem } from '../../src/store/records.repo.ts';
import type { DB } from '../../src/store/schema.ts';
import { buildApp } from '../../src/web/app.ts';
import { eachDialect } from '../helpers/db.ts';

async function addItem(db: Kysely<DB>, n: number): Promise<number> {
  const agency = await insertAgency(db, {
    parentId: null,
    name: `视图测试单位${n}`,
    shortName: `单位${n}`,
    kind: 'department',
    code: `VIEWS${n}`,
    mayMakeRules: false,
    recordsFrom: 2024,
    sortOrder: n,
    createdAt: '2026-01-01T00:00:00.000Z',
  });
  return insertCatalogueItem(db, {
    agency_id: agency,
    index_no: `VIEWS${n}/2026-00001`,
    title: '测试',
    summary: '测试',
    body: '测试',
    category: 'notices',
    generated_date: '2026-01-01',
    published_at: '2026-01-02T02:00:00.000Z',
    published_date: '2026-01-02',
    disclosure_mode: '主动公开',
    scope: '全社会',
    status: 'published',
    created_at: '2026-01-01T00:00:00.000Z',
  });
}

const stored = async (db: Kysely<DB>, id: number) =>
  Number((await db.selectFrom('catalogue_items').select('view_count').where('id', '=', id).executeTakeFirstOrThrow()).view_count);

/** A page view as the item page counts it: snapshot, read the stored count, record. */
async function view(ctx: AppContext, id: number): Promise<number> {
  const snapshot = viewSnapshot(ctx);
  const item = await getPublicItem(ctx.db, id);
  return recordView(ctx, id, Number(item!.view_count), snapshot);
}

eachDialect('view counts', (get) => {
  test('concurrent views are all counted and each reader sees a distinct count', async () => {
    const { ctx } = get();
    const id = await addItem(ctx.db, 1);
    const shown = await Promise.all(Array.from({ length: 50 }, () => view(ctx, id)));
    assert.deepEqual(
      [...shown].sort((a, b) => a - b),
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
    assert.equal(await stored(ctx.db, id), 0, 'not written yet');
    await writeViews(ctx);
    assert.equal(await stored(ctx.db, id), 50);
    assert.equal(await view(ctx, id), 51);
  });

  test('views while a write is in progress are neither lost nor hidden', async () => {
    const { ctx } = get();
    const id = await addItem(ctx.db, 2);
    for (let i = 0; i < 10; i++) await view(ctx, id);
    // Views whose stored count is read before the write, and views that start during it.
    const first = Array.from({ length: 10 }, () => view(ctx, id));
    const writing = writeViews(ctx);
    const then = Array.from({ length: 10 }, () => view(ctx, id));
    const shown = await Promise.all([...first, ...then]);
    await writing;
    // Each count holds the 10 views written meanwhile and the reader's own.
    assert.ok(
      shown.every((n) => n > 10 && n <= 30),
      shown.join(','),
    );
    await writeViews(ctx);
    assert.equal(await stored(ctx.db, id), 30);
  });

  test('a failed write keeps its views for the next one', async () => {
    const { ctx } = get();
    const id = await addItem(ctx.db, 3);
    let fail = false;
    const db = ctx.db.withPlugin({
      transformQuery: (a) => {
        if (fail) throw new Error('disk full');
        return a.node;
      },
      transformResult: async (a) => a.result,
    });
    const failing = { ...ctx, db };
    for (let i = 0; i < 3; i++) await view(failing, id);
    fail = true;
    await assert.rejects(writeViews(failing), /disk full/);
    fail = false;
    assert.equal(await stored(ctx.db, id), 0);
    assert.equal(await view(failing, id), 4);
    await writeViews(failing);
    assert.equal(await stored(ctx.db, id), 4);
  });

  test('closing the app writes the views it holds', async () => {
    const { ctx } = get();
    const id = await addItem(ctx.db, 4);
    const app = await buildApp({ ctx, secureCookies: false });
    for (let i = 0; i < 4; i++) assert.equal((await app.inject({ method: 'GET', url: `/items/${id}` })).statusCode, 200);
    assert.equal(await stored(ctx.db, id), 0);
    await app.close();
    assert.equal(await stored(ctx.db, id), 4);
    // Counting goes on after a close (another app on the same database).
    assert.equal(await view(ctx, id), 5);
    await closeViews(ctx);
    assert.equal(await stored(ctx.db, id), 5);
  });

  test('a remembered count is counted on in memory, through writes, with nothing lost', async () => {
    const { ctx } = get();
    const id = await addItem(ctx.db, 5);
    assert.equal(await countView(ctx, id), 1, 'read once from the database');
    const shown: number[] = [];
    for (let i = 0; i < 10; i++) {
      const n = countView(ctx, id);
      assert.equal(typeof n, 'number', 'no database read for a remembered count');
      shown.push(n as number);
      if (i === 4) await writeViews(ctx);
    }
    assert.deepEqual(
      shown,
      Array.from({ length: 10 }, (_, i) => i + 2),
    );
    assert.equal(currentViews(ctx, id), 11, 'HEAD: the count without a view');
    await writeViews(ctx);
    assert.equal(await stored(ctx.db, id), 11);
    assert.equal(await view(ctx, id), 12, 'the stored count and the counting in memory agree');
  });
});
