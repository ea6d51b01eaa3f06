/** The audit actions: each declared once with a Chinese label and a category; the code writes no other. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { type AuditAction, actionsIn, auditActions, auditCategories, auditCategoryOf, auditLabel, isAuditCategory } from '../../src/domain/shared/audit.ts';
import { agenciesWhere, can } from '../../src/domain/access/policy.ts';
import { caseActs } from '../../src/law/request-workflow.ts';
import type { Role } from '../../src/law/roles.ts';
import type { AuditEvent } from '../../src/store/events.repo.ts';

const src = path.resolve(import.meta.dirname, '../../src');
const han = /\p{Script=Han}/u;

describe('audit actions', () => {
  test('every action has a Chinese label and a category', () => {
    assert.ok(auditActions.length > 60);
    for (const a of auditActions) {
      assert.match(auditLabel(a), han, a);
      assert.ok(auditCategoryOf(a), a);
    }
    assert.equal(new Set(auditActions).size, auditActions.length);
  });

  test('the acts of a case are labelled from the law', () => {
    assert.equal(auditLabel('request.replied'), caseActs.replied.label);
    assert.ok(actionsIn('requests').includes('request.extended'));
    assert.match(auditLabel('correction.refused'), /不予更正/);
    assert.equal(auditLabel('catalogue.hitSettled'), '处理一处筛查结果');
  });

  test('an unknown code reads as itself and has no category', () => {
    assert.equal(auditLabel('old.thing'), 'old.thing');
    assert.equal(auditCategoryOf('old.thing'), null);
  });

  test('the categories partition the actions', () => {
    const all = Object.keys(auditCategories).filter(isAuditCategory).flatMap(actionsIn);
    assert.deepEqual([...all].sort(), [...auditActions].sort());
    assert.equal(isAuditCategory('catalogue'), true);
    assert.equal(isAuditCategory('nope'), false);
  });

  test('tsc refuses an action not declared', () => {
    // @ts-expect-error: not an audit action
    const bad: AuditAction = 'catalogue.hitSetled';
    // @ts-expect-error: not a case act
    const e: AuditEvent['action'] = 'request.nothing';
    assert.ok(bad && e);
  });

  test('every action code written in src is declared', () => {
    const files = (fs.readdirSync(src, { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f) && !f.includes('domain/shared/audit.ts'));
    const code = /\b(?:action:\s*|event\(db, at, actor, item,\s*)(?:[^,'`]*\?\s*)?'([a-zA-Z]+\.[a-zA-Z]+)'(?:\s*:\s*'([a-zA-Z]+\.[a-zA-Z]+)')?(?!\s*\|)/g;
    const found = new Set<string>();
    for (const f of files) {
      const text = fs.readFileSync(path.join(src, f), 'utf8');
      if (!/appendEvent|recomputeAfterChange|event\(db, at/.test(text)) continue;
      for (const m of text.matchAll(code)) for (const c of [m[1], m[2]]) if (c) found.add(c);
    }
    assert.ok(found.size > 40, `only ${found.size} codes found: the scan lost its way`);
    const declared = new Set<string>(auditActions);
    assert.deepEqual(
      [...found].filter((c) => !declared.has(c)),
      [],
    );
  });
});

describe("who reads the audit trail ('audit.view')", () => {
  // A county (1) with a department (2) that has an office below it (3), and another county (4).
  const tree = [
    { id: 1, parentId: null },
    { id: 2, parentId: 1 },
    { id: 3, parentId: 2 },
    { id: 4, parentId: null },
  ];
  const seen = (role: Role, agencyId: number | null) => [...agenciesWhere({ id: 9, roles: [{ role, agencyId }] }, 'audit.view', tree)].sort();

  test('an agency sees itself; a county sees its tree; the platform everything; editors and reviewers nothing', () => {
    assert.deepEqual(seen('leader', 2), [2]);
    assert.deepEqual(seen('agencyAdmin', 2), [2], "a department's administrator does not reach below");
    assert.deepEqual(seen('agencyAdmin', 1), [1, 2, 3], 'the county administrator');
    assert.deepEqual(seen('countySupervisor', 1), [1, 2, 3]);
    assert.deepEqual(seen('platformAdmin', null), [1, 2, 3, 4]);
    assert.deepEqual(seen('editor', 1), []);
    assert.deepEqual(seen('reviewer', 2), []);
  });

  test("the county administrator's reach is for the audit trail only", () => {
    const admin = { id: 9, roles: [{ role: 'agencyAdmin' as const, agencyId: 1 }] };
    assert.equal(can(admin, 'requests.handle', 2, tree), false);
  });
});
