/**
 * Two processes on one SQLite file (issue 15, point 4): 72 approvals sent at once, half to
 * each `gongkai serve`, all answered without an HTTP 500 and all published once. Before
 * transactions began IMMEDIATE, 33 of 72 answered 500 "database is locked".
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loadDemo } from '../../src/app/demo/load.ts';
import { resolveAgency } from '../../src/app/agencies/resolve.ts';
import { createItem } from '../../src/app/catalog/drafts.ts';
import { recordReview, submitForReview } from '../../src/app/catalog/workflow.ts';
import { openDatabase } from '../../src/store/db.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { chaqiStaff, itemForm } from '../helpers/catalogue.ts';
import { startServer } from '../helpers/cli.ts';

const approvals = 72;

let t: TestDatabase;
const versions: number[] = [];
before(async () => {
  t = await createTestDatabase('sqlite');
  await loadDemo(t.ctx);
  const chaqi = (await resolveAgency(t.ctx, '插旗镇')).id;
  const people = await chaqiStaff(t.ctx, chaqi);
  for (let i = 0; i < approvals; i++) {
    const { versionId } = await createItem(t.ctx, people.editor, chaqi, itemForm({ title: `插旗镇并发审核测试通告第${i + 1}号` }));
    await submitForReview(t.ctx, people.editor, versionId);
    await recordReview(t.ctx, people.reviewer, versionId, '经审查，同意公开。');
    versions.push(versionId);
  }
  await t.database.close();
});
after(async () => t.drop());

/** The cookies a response sets, as a Cookie header. */
const cookiesOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

test('two processes on one SQLite file: 72 concurrent approvals, no HTTP 500', { timeout: 240_000 }, async () => {
  const env = { DATABASE_URL: t.url };
  const one = await startServer('serve', env);
  const two = await startServer('serve', env);
  try {
    // One log-in serves both: sessions and the cookie secret are in the database.
    const page = await fetch(`${one.url}/admin/login`);
    let cookies = cookiesOf(page);
    const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
    const form = (fields: Record<string, string>) => ({
      method: 'POST',
      redirect: 'manual' as const,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies },
      body: new URLSearchParams({ _csrf: token, ...fields }).toString(),
    });
    const login = await fetch(`${two.url}/admin/login`, form({ username: 'chaqi-leader', password: 'gongkai-demo' }));
    assert.equal(login.status, 303);
    cookies = `${cookies}; ${cookiesOf(login)}`;

    const statuses = await Promise.all(
      versions.map((id, i) => fetch(`${(i % 2 ? two : one).url}/admin/versions/${id}/approve`, form({})).then((r) => r.status)),
    );
    assert.equal(statuses.filter((s) => s >= 500).length, 0, statuses.join(','));
    assert.deepEqual(statuses, Array(approvals).fill(303));
  } finally {
    await Promise.all([one.stop(), two.stop()]);
  }
  const database = await openDatabase(t.url);
  try {
    const published = await database.db.selectFrom('item_versions').select(['id', 'state']).where('id', 'in', versions).execute();
    assert.deepEqual(new Set(published.map((v) => v.state)), new Set(['published']));
    const events = await database.db.selectFrom('audit_events').select('subject_id').where('action', '=', 'catalogue.published').execute();
    const items = await database.db.selectFrom('catalogue_items').select('index_no').where('title', 'like', '插旗镇并发审核测试通告%').execute();
    assert.equal(items.length, approvals);
    assert.equal(new Set(items.map((i) => i.index_no)).size, approvals, 'every 索引号 distinct');
    assert.ok(events.length >= approvals);
  } finally {
    await database.close();
  }
});
