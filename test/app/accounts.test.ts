/**
 * Accounts through the app functions, on both databases (issue 15 point 6): issued
 * passwords must be changed, chosen ones meet the strength rule, no administrator takes
 * over another, and one version's author, reviewer and approver are three people.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { sql } from 'kysely';
import { loadDemo } from '../../src/app/demo/load.ts';
import { resolveAgency } from '../../src/app/agencies/resolve.ts';
import { changeOwnPassword, createStaffUser, resetPassword, setUserActive } from '../../src/app/auth/manage.ts';
import { changeRole } from '../../src/app/auth/roles.ts';
import { login } from '../../src/app/auth/sessions.ts';
import { createItem, saveDraft } from '../../src/app/catalog/drafts.ts';
import { approveAndPublish, recordReview, settleHit, submitForReview } from '../../src/app/catalog/workflow.ts';
import type { Actor } from '../../src/domain/access/policy.ts';
import { ForbiddenError, InputError, NotFoundError } from '../../src/domain/shared/result.ts';
import { getVersion, hitsOf } from '../../src/store/catalogue-versions.repo.ts';
import { eventsFor } from '../../src/store/events.repo.ts';
import { getStaffUser, grantRole } from '../../src/store/users.repo.ts';
import { eachDialect } from '../helpers/db.ts';
import { chaqiStaff, itemForm, userId } from '../helpers/catalogue.ts';

const outcome = async (p: Promise<unknown>): Promise<string[]> => {
  try {
    await p;
  } catch (e) {
    if (e instanceof InputError) return e.errors.map((x) => x.code);
    if (e instanceof ForbiddenError) return ['FORBIDDEN'];
    if (e instanceof NotFoundError) return ['NOT_FOUND'];
    throw e;
  }
  return [];
};

eachDialect(
  'accounts',
  (get) => {
    let chaqi: number;
    let county: number;
    const as = async (username: string): Promise<Actor> => {
      const u = (await getStaffUser(get().ctx.db, await userId(get().ctx, username)))!;
      return { id: u.id, roles: u.roles };
    };
    before(async () => {
      chaqi = (await resolveAgency(get().ctx, '插旗镇')).id;
      county = (await resolveAgency(get().ctx, '县政府')).id;
    });

    test('an issued password must be changed; the chosen one meets the rule and clears the hold', async () => {
      const { ctx } = get();
      const admin = await as('chaqi-agency-admin');
      const { id, password } = await createStaffUser(ctx, admin, { username: 'chaqi-clerk', displayName: '王文书', role: 'editor', agencyId: String(chaqi) });
      assert.equal((await getStaffUser(ctx.db, id))!.mustChangePassword, true);
      const created = (await eventsFor(ctx.db, 'user', id)).find((e) => e.action === 'user.created')!;
      assert.equal(created.actor_id, admin.id, 'the creation is audited with who created it');
      const { user } = await login(ctx, 'chaqi-clerk', password);
      assert.equal(user.mustChangePassword, true);
      const clerk = { id, roles: user.roles };
      for (const [next, code] of [
        ['aaaaaaaaaa', 'GK_PASSWORD_REPEATED'],
        ['1234567890', 'GK_PASSWORD_SEQUENCE'],
        ['chaqi-clerk', 'GK_PASSWORD_USERNAME'],
        ['Xk7#pQ2z', 'GK_PASSWORD_SHORT'],
        ['chaqi-clerk-2026', 'GK_PASSWORD_USERNAME'],
        ['woaini1314', 'GK_PASSWORD_COMMON'],
        [password, 'GK_PASSWORD_SAME'],
      ] as const) {
        assert.deepEqual(await outcome(changeOwnPassword(ctx, clerk, password, next, next)), [code], next);
      }
      assert.equal((await getStaffUser(ctx.db, id))!.mustChangePassword, true, 'nothing changed by a refusal');
      await changeOwnPassword(ctx, clerk, password, 'Wen-shu.墨香-81', 'Wen-shu.墨香-81');
      assert.equal((await getStaffUser(ctx.db, id))!.mustChangePassword, false);
      assert.ok((await eventsFor(ctx.db, 'user', id)).some((e) => e.action === 'user.passwordChanged'));

      await resetPassword(ctx, admin, id);
      assert.equal((await getStaffUser(ctx.db, id))!.mustChangePassword, true, 'a reset password is issued again');
      const reset = (await eventsFor(ctx.db, 'user', id)).find((e) => e.action === 'user.passwordReset')!;
      assert.equal(reset.actor_id, admin.id);
      assert.equal(reset.agency_id, chaqi);
    });

    test('administrator accounts are managed from above only', async () => {
      const { ctx } = get();
      const townAdmin = await as('chaqi-agency-admin');
      const countyAdmin = await as('county-agency-admin');
      const platform = await as('platform-admin');
      // A town's administrator gives no administrator role, not even for the own agency.
      assert.deepEqual(
        await outcome(createStaffUser(ctx, townAdmin, { username: 'chaqi-admin2', displayName: '赵管理', role: 'agencyAdmin', agencyId: String(chaqi) })),
        ['FORBIDDEN'],
      );
      const peer = await createStaffUser(ctx, countyAdmin, { username: 'chaqi-admin2', displayName: '赵管理', role: 'agencyAdmin', agencyId: String(chaqi) });
      for (const act of [resetPassword(ctx, townAdmin, peer.id), setUserActive(ctx, townAdmin, peer.id, false)])
        assert.deepEqual(await outcome(act), ['NOT_FOUND'], 'a peer administrator');
      assert.deepEqual(await outcome(resetPassword(ctx, townAdmin, countyAdmin.id)), ['NOT_FOUND'], 'the county administrator');
      assert.deepEqual(await outcome(resetPassword(ctx, await as('chaqi-admin2'), townAdmin.id)), ['NOT_FOUND']);
      // The county administrator manages the towns' administrators, not a peer of the county.
      assert.deepEqual(await outcome(resetPassword(ctx, countyAdmin, townAdmin.id)), []);
      assert.deepEqual(
        await outcome(createStaffUser(ctx, countyAdmin, { username: 'county-admin2', displayName: '钱管理', role: 'agencyAdmin', agencyId: String(county) })),
        ['FORBIDDEN'],
      );
      const countyPeer = await createStaffUser(ctx, platform, {
        username: 'county-admin2',
        displayName: '钱管理',
        role: 'agencyAdmin',
        agencyId: String(county),
      });
      assert.deepEqual(await outcome(resetPassword(ctx, countyAdmin, countyPeer.id)), ['NOT_FOUND']);
      assert.deepEqual(await outcome(setUserActive(ctx, countyAdmin, countyPeer.id, false)), ['NOT_FOUND']);
      assert.deepEqual(await outcome(resetPassword(ctx, platform, countyPeer.id)), []);
      // An account that is also an administrator is protected as one, whatever else it holds.
      const editor = await userId(ctx, 'chaqi-editor');
      await grantRole(ctx.db, editor, { role: 'agencyAdmin', agencyId: chaqi });
      assert.deepEqual(await outcome(resetPassword(ctx, townAdmin, editor)), ['NOT_FOUND']);
      await ctx.db.deleteFrom('user_roles').where('user_id', '=', editor).where('role', '=', 'agencyAdmin').execute();
      assert.deepEqual(await outcome(resetPassword(ctx, townAdmin, editor)), [], 'an editor is the agency administrator’s to manage');
    });

    test('roles are given and taken by who may manage the account and the role, each audited', async () => {
      const { ctx } = get();
      const townAdmin = await as('chaqi-agency-admin');
      const countyAdmin = await as('county-agency-admin');
      const editor = await userId(ctx, 'chaqi-editor');
      const reviewer = { role: 'reviewer', agencyId: String(chaqi) };
      await changeRole(ctx, townAdmin, editor, 'grant', reviewer);
      assert.deepEqual(await outcome(changeRole(ctx, townAdmin, editor, 'grant', reviewer)), ['GK_ROLE_HELD']);
      await changeRole(ctx, townAdmin, editor, 'revoke', reviewer);
      assert.deepEqual(
        (await eventsFor(ctx.db, 'user', editor)).filter((e) => e.action.startsWith('user.role')).map((e) => [e.action, e.actor_id]),
        [
          ['user.roleGranted', townAdmin.id],
          ['user.roleRevoked', townAdmin.id],
        ],
      );
      assert.deepEqual(await outcome(changeRole(ctx, townAdmin, editor, 'revoke', { role: 'editor', agencyId: String(chaqi) })), ['GK_ROLE_LAST']);
      // No administrator is made, or re-roled, from beside.
      assert.deepEqual(await outcome(changeRole(ctx, townAdmin, editor, 'grant', { role: 'agencyAdmin', agencyId: String(chaqi) })), ['FORBIDDEN']);
      assert.deepEqual(
        await outcome(changeRole(ctx, townAdmin, townAdmin.id, 'grant', { role: 'leader', agencyId: String(chaqi) })),
        ['NOT_FOUND'],
        'nor the own account',
      );
      const peer = await userId(ctx, 'chaqi-admin2');
      assert.deepEqual(await outcome(changeRole(ctx, townAdmin, peer, 'grant', { role: 'editor', agencyId: String(chaqi) })), ['NOT_FOUND']);
      await changeRole(ctx, countyAdmin, peer, 'grant', { role: 'editor', agencyId: String(chaqi) });
      await changeRole(ctx, countyAdmin, peer, 'revoke', { role: 'agencyAdmin', agencyId: String(chaqi) });
      assert.deepEqual((await getStaffUser(ctx.db, peer))!.roles, [{ role: 'editor', agencyId: chaqi }]);
    });

    test('one version: the reviewer and the approver are two people, neither of them an author', async () => {
      const { ctx } = get();
      const staff = await chaqiStaff(ctx, chaqi);
      // One person who holds both roles, and an editor who is a reviewer too (roles from the database).
      const both = await userId(ctx, 'chaqi-reviewer');
      await grantRole(ctx.db, both, { role: 'leader', agencyId: chaqi });
      const reviewerAndLeader = await as('chaqi-reviewer');
      const { versionId } = await createItem(ctx, staff.editor, chaqi, itemForm({ title: '插旗镇关于冬季用电安全的提示' }));
      await submitForReview(ctx, staff.editor, versionId);
      await recordReview(ctx, reviewerAndLeader, versionId, '经审查，不涉及国家秘密，同意公开');
      assert.deepEqual(await outcome(approveAndPublish(ctx, reviewerAndLeader, versionId)), ['GK_APPROVER_IS_REVIEWER']);
      assert.equal((await getVersion(ctx.db, versionId))!.state, 'inApproval');
      await approveAndPublish(ctx, staff.leader, versionId);

      // Who settled a screening hit took part in the review, though another recorded the opinion.
      const masked = await createItem(ctx, staff.editor, chaqi, itemForm({ title: '插旗镇关于冬季送温暖的通知', body: '联系电话13973012345。' }));
      await submitForReview(ctx, staff.editor, masked.versionId);
      for (const h of await hitsOf(ctx.db, masked.versionId)) await settleHit(ctx, reviewerAndLeader, h.id, 'redacted', '');
      await recordReview(ctx, staff.reviewer, masked.versionId, '经审查，同意遮蔽后公开');
      assert.deepEqual(await outcome(approveAndPublish(ctx, reviewerAndLeader, masked.versionId)), ['GK_APPROVER_IS_REVIEWER']);
      await approveAndPublish(ctx, staff.leader, masked.versionId);

      // Who saved the draft wrote it, whoever drafted it: that person reviews nothing of it.
      const editorReviewer = await userId(ctx, 'chaqi-agency-admin');
      await grantRole(ctx.db, editorReviewer, { role: 'reviewer', agencyId: chaqi });
      const adminReviewer = await as('chaqi-agency-admin');
      const second = await createItem(ctx, staff.editor, chaqi, itemForm({ title: '插旗镇关于冬季防火的提示' }));
      await saveDraft(ctx, adminReviewer, second.versionId, itemForm({ title: '插旗镇关于冬季防火的提示（修改）' }));
      await submitForReview(ctx, staff.editor, second.versionId);
      assert.deepEqual(await outcome(recordReview(ctx, adminReviewer, second.versionId, '同意')), ['GK_REVIEWER_IS_AUTHOR']);
      assert.deepEqual(await outcome(recordReview(ctx, staff.editor, second.versionId, '同意')), ['FORBIDDEN'], 'an editor is no reviewer');
      await recordReview(ctx, staff.reviewer, second.versionId, '同意');
      await ctx.db.deleteFrom('user_roles').where('user_id', '=', both).where('role', '=', 'leader').execute();
      await ctx.db.deleteFrom('user_roles').where('user_id', '=', editorReviewer).where('role', '=', 'reviewer').execute();
    });

    test('the database refuses a publication by the reviewer or the author, on any path', async () => {
      const { ctx } = get();
      const staff = await chaqiStaff(ctx, chaqi);
      const { versionId } = await createItem(ctx, staff.editor, chaqi, itemForm({ title: '插旗镇关于道路维修的通告' }));
      await submitForReview(ctx, staff.editor, versionId);
      await recordReview(ctx, staff.reviewer, versionId, '同意');
      const at = ctx.now().toISOString();
      for (const approver of [staff.reviewer.id, staff.editor.id]) {
        await assert.rejects(
          sql`UPDATE item_versions SET state = 'published', approved_by = ${approver}, approved_at = ${at}, published_at = ${at} WHERE id = ${versionId}`.execute(
            ctx.db,
          ),
          /三个不同的人/,
        );
      }
      assert.equal((await getVersion(ctx.db, versionId))!.state, 'inApproval');
    });
  },
  async (t) => void (await loadDemo(t.ctx)),
);
