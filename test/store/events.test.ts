/** The audit trail's filtered query on both databases: agencies seen, person, actions, dates, paging, no payload. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Kysely } from 'kysely';
import { actionsIn } from '../../src/domain/shared/audit.ts';
import { insertAgency } from '../../src/store/agencies.repo.ts';
import { appendEvent, eventActors, listEvents } from '../../src/store/events.repo.ts';
import type { DB } from '../../src/store/schema.ts';
import { grantRole, insertUser, rolesOfUsers } from '../../src/store/users.repo.ts';
import { eachDialect } from '../helpers/db.ts';

interface Fixture {
  a: number;
  b: number;
  alice: number;
  bob: number;
}

async function fixture(db: Kysely<DB>): Promise<Fixture> {
  const createdAt = '2026-01-01T00:00:00.000Z';
  const agency = (name: string, code: string) =>
    insertAgency(db, { parentId: null, name, shortName: name, kind: 'department', code, mayMakeRules: false, recordsFrom: 2024, sortOrder: 1, createdAt });
  const a = await agency('甲局', '11430623MB0000001X');
  const b = await agency('乙局', '11430623MB0000002X');
  const alice = await insertUser(db, { username: 'alice', displayName: '张三', passwordHash: 'x', createdAt });
  const bob = await insertUser(db, { username: 'bob', displayName: '李四', passwordHash: 'x', createdAt });
  await grantRole(db, alice, { role: 'editor', agencyId: a });
  await grantRole(db, bob, { role: 'leader', agencyId: b });
  const ev = (at: string, actorId: number | null, agencyId: number | null, action: Parameters<typeof appendEvent>[1]['action'], reason: string | null = null) =>
    appendEvent(db, {
      occurredAt: at,
      actorId,
      agencyId,
      subjectType: 'catalogueItem',
      subjectId: 1,
      action,
      reason,
      payload: { secret: '430623198506151100' },
    });
  await ev('2026-03-01T01:00:00.000Z', alice, a, 'catalogue.drafted');
  await ev('2026-03-02T01:00:00.000Z', alice, a, 'catalogue.submitted', '请审查');
  await ev('2026-03-03T01:00:00.000Z', null, a, 'request.submitted');
  await ev('2026-03-04T01:00:00.000Z', bob, b, 'catalogue.published');
  await ev('2026-03-05T01:00:00.000Z', bob, null, 'auth.login');
  return { a, b, alice, bob };
}

eachDialect('audit events: the filtered query', (get) => {
  let f: Fixture;
  test('setup', async () => {
    f = await fixture(get().ctx.db);
  });

  test('an agency sees only its own events, newest first; none of another or of no agency', async () => {
    const { rows, total } = await listEvents(get().ctx.db, { agencyIds: [f.a] }, { limit: 50, offset: 0 });
    assert.equal(total, 3);
    assert.deepEqual(
      rows.map((r) => r.action),
      ['request.submitted', 'catalogue.submitted', 'catalogue.drafted'],
    );
    assert.equal(rows[1]?.actorName, '张三');
    assert.equal(rows[1]?.reason, '请审查');
    assert.equal(rows[0]?.actorName, null);
    assert.ok(!JSON.stringify(rows).includes('430623'), 'no payload');
    const none = await listEvents(get().ctx.db, { agencyIds: [f.a], agencyId: f.b }, { limit: 50, offset: 0 });
    assert.equal(none.total, 0);
    assert.equal((await listEvents(get().ctx.db, { agencyIds: [] }, { limit: 50, offset: 0 })).total, 0);
  });

  test('all: every event, those of no agency too', async () => {
    assert.equal((await listEvents(get().ctx.db, { agencyIds: 'all' }, { limit: 50, offset: 0 })).total, 5);
  });

  test('filters by person, category and dates; pages', async () => {
    const db = get().ctx.db;
    const all = 'all' as const;
    assert.equal((await listEvents(db, { agencyIds: all, actorId: f.bob }, { limit: 50, offset: 0 })).total, 2);
    const cat = await listEvents(db, { agencyIds: all, actions: actionsIn('catalogue') }, { limit: 50, offset: 0 });
    assert.equal(cat.total, 3);
    const dated = await listEvents(db, { agencyIds: all, from: '2026-03-02T00:00:00.000Z', until: '2026-03-04T00:00:00.000Z' }, { limit: 50, offset: 0 });
    assert.deepEqual(
      dated.rows.map((r) => r.action),
      ['request.submitted', 'catalogue.submitted'],
    );
    const second = await listEvents(db, { agencyIds: all }, { limit: 2, offset: 2 });
    assert.equal(second.total, 5);
    assert.deepEqual(
      second.rows.map((r) => r.action),
      ['request.submitted', 'catalogue.submitted'],
    );
  });

  test('the people of the filter and their roles', async () => {
    const db = get().ctx.db;
    assert.deepEqual(await eventActors(db, [f.a]), [{ id: f.alice, name: '张三' }]);
    assert.equal((await eventActors(db, 'all')).length, 2);
    const roles = await rolesOfUsers(db, [f.alice, f.bob]);
    assert.deepEqual(roles.get(f.bob), [{ role: 'leader', agencyId: f.b }]);
  });
});
