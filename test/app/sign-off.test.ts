/**
 * Sign-off through the app functions, on both databases (issue 9 point 6): an editor cannot
 * issue a refusal alone; the head of the disclosure office (审核领导) signs a draft, which
 * issues it, or returns it with a reason; an extension takes effect only with the head's
 * consent, recorded with who and when; an agency may require sign-off for 予以公开 too; the
 * days are China time; the demo county shows the flow.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { loadDemo } from '../../src/app/demo/load.ts';
import { resolveAgency } from '../../src/app/agencies/resolve.ts';
import { extendDeadline, reply } from '../../src/app/requests/acts.ts';
import { registerApplication } from '../../src/app/requests/intake.ts';
import { caseDetail } from '../../src/app/requests/read.ts';
import {
  approveReply,
  draftLetter,
  draftReply,
  proposeExtension,
  returnExtension,
  returnReply,
  setSignOffPolicy,
  signOffSettings,
} from '../../src/app/requests/sign-off.ts';
import type { AppContext } from '../../src/app/context.ts';
import type { Actor } from '../../src/domain/access/policy.ts';
import { ForbiddenError, InputError, NotFoundError } from '../../src/domain/shared/result.ts';
import { eachDialect, type TestDatabase } from '../helpers/db.ts';
import { personApplication } from '../helpers/applications.ts';

const codes = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (e instanceof InputError) return e.errors.map((x) => `${x.field}:${x.code}`);
    if (e instanceof ForbiddenError) return ['FORBIDDEN'];
    if (e instanceof NotFoundError) return ['NOT_FOUND'];
    throw e;
  }
  return [];
};

const refusal = { seq: 1, kind: 'withheld.processInformation', values: { reason: '会议记录为研究讨论过程中形成的记录，相关事项尚未作出决定' } };
const grant = { seq: 1, kind: 'grantProvide', values: { provision: '现将该信息发送至您的电子邮箱。' } };

eachDialect(
  'sign-off on disclosure cases',
  (get) => {
    let chaqi: number;
    let people: Record<'editor' | 'leader' | 'reviewer' | 'admin' | 'other', Actor>;
    const register = async (ctx: AppContext, receivedDate: string) =>
      (await registerApplication(ctx, people.editor, chaqi, { channel: 'inPerson', receivedDate }, personApplication({ items: '镇党委会议记录' }), [])).id;
    const ledger = async (id: number) =>
      get()
        .ctx.db.selectFrom('case_events')
        .select(['seq', 'act', 'on_date', 'actor_id', 'recorded_at', 'payload'])
        .where('application_id', '=', id)
        .orderBy('seq')
        .execute();

    before(async () => {
      const { ctx } = get();
      chaqi = (await resolveAgency(ctx, '插旗镇')).id;
      const users = await ctx.db.selectFrom('users').select(['id', 'username']).execute();
      const id = (u: string) => users.find((x) => x.username === u)!.id;
      people = {
        editor: { id: id('chaqi-editor'), roles: [{ role: 'editor', agencyId: chaqi }] },
        leader: { id: id('chaqi-leader'), roles: [{ role: 'leader', agencyId: chaqi }] },
        reviewer: { id: id('chaqi-reviewer'), roles: [{ role: 'reviewer', agencyId: chaqi }] },
        admin: { id: id('chaqi-agency-admin'), roles: [{ role: 'agencyAdmin', agencyId: chaqi }] },
        other: { id: id('zhanghua-leader'), roles: [{ role: 'leader', agencyId: (await resolveAgency(ctx, '章华镇')).id }] },
      };
    });

    test('an editor cannot issue a refusal alone; drafted, returned with a reason, drafted again, the head signs it', async () => {
      const { ctx } = get();
      const id = await register(ctx, '2026-11-16');
      assert.deepEqual(await codes(reply(ctx, people.editor, id, { on: '2026-11-20', items: [refusal] })), ['signOff:GK_SIGN_OFF_REQUIRED']);
      assert.deepEqual(await codes(draftReply(ctx, people.reviewer, id, { on: '2026-11-20', items: [refusal] })), ['FORBIDDEN']);
      const first = await draftReply(ctx, people.editor, id, { on: '2026-11-20', items: [{ ...refusal, values: { reason: '过程信息' } }] });
      assert.equal(first.view.state, 'inProgress');
      let d = await caseDetail(ctx, people.editor, id);
      assert.equal(d.row.sign_off, 'reply');
      assert.deepEqual(await codes(approveReply(ctx, people.editor, id, { on: '2026-11-23', draftSeq: first.view.draft!.seq })), ['FORBIDDEN']);
      assert.deepEqual(await codes(approveReply(ctx, people.other, id, { on: '2026-11-23', draftSeq: first.view.draft!.seq })), ['NOT_FOUND']);
      assert.deepEqual(await codes(returnReply(ctx, people.leader, id, { on: '2026-11-23', reason: '', draftSeq: first.view.draft!.seq })), [
        'reason:GK_REASON_REQUIRED',
      ]);
      await returnReply(ctx, people.leader, id, { on: '2026-11-23', reason: '请写明尚未作出决定的具体事项', draftSeq: first.view.draft!.seq });
      const second = await draftReply(ctx, people.editor, id, { on: '2026-11-24', items: [refusal] });
      assert.deepEqual(
        await codes(approveReply(ctx, people.leader, id, { on: '2026-11-25', draftSeq: first.view.draft!.seq })),
        ['draftSeq:GK_DRAFT_CHANGED'],
        'the head signs the draft read',
      );
      const preview = await draftLetter(ctx, people.leader, id);
      assert.ok(preview?.paragraphs.some((p) => p.includes('相关事项尚未作出决定')));
      await approveReply(ctx, people.leader, id, { on: '2026-11-25', draftSeq: second.view.draft!.seq });

      d = await caseDetail(ctx, people.editor, id);
      assert.equal(d.row.state, 'closed');
      assert.equal(d.row.sign_off, null);
      assert.equal(d.row.closed_date, '2026-11-25', 'the reply is dated the day it was signed');
      assert.equal(d.row.outcome, 'withheld.processInformation');
      const letter = d.letters.find((l) => l.kind === 'reply')!;
      assert.equal(letter.issuedOn, '2026-11-25');
      const rows = await ledger(id);
      assert.deepEqual(rows.map((r) => r.act).slice(1), ['replyDrafted', 'replyReturned', 'replyDrafted', 'replied']);
      const returned = JSON.parse(rows[2]!.payload) as { reason: string; approverId: number; approver: string };
      assert.deepEqual(
        [returned.reason, returned.approverId, returned.approver, rows[2]!.actor_id],
        ['请写明尚未作出决定的具体事项', people.leader.id, '插旗镇审核领导', people.leader.id],
      );
      const signed = JSON.parse(rows[4]!.payload) as { approverId: number; approver: string; draftSeq: number };
      assert.deepEqual([signed.approverId, signed.approver, signed.draftSeq, rows[4]!.actor_id], [people.leader.id, '插旗镇审核领导', 4, people.leader.id]);
      const audit = await ctx.db
        .selectFrom('audit_events')
        .select(['actor_id', 'action'])
        .where('subject_type', '=', 'application')
        .where('subject_id', '=', String(id))
        .orderBy('id')
        .execute();
      assert.deepEqual(audit.at(-1), { actor_id: people.leader.id, action: 'request.replied' });
    });

    test('予以公开 needs no sign-off until the agency requires it; the head or the agency administrator decides', async () => {
      const { ctx } = get();
      assert.deepEqual(await codes(setSignOffPolicy(ctx, people.editor, chaqi, { grants: true })), ['FORBIDDEN']);
      assert.deepEqual(await codes(setSignOffPolicy(ctx, people.other, chaqi, { grants: true })), ['NOT_FOUND']);
      const before = await register(ctx, '2026-11-16');
      await reply(ctx, people.editor, before, { on: '2026-11-20', items: [grant] });
      await setSignOffPolicy(ctx, people.admin, chaqi, { grants: true });
      const s = await signOffSettings(ctx, people.editor, chaqi);
      assert.deepEqual([s.grants, s.updatedByName, s.mayConfigure], [true, '插旗镇单位管理员', false]);
      const id = await register(ctx, '2026-11-16');
      assert.deepEqual(await codes(reply(ctx, people.editor, id, { on: '2026-11-20', items: [grant] })), ['signOff:GK_SIGN_OFF_REQUIRED']);
      const drafted = await draftReply(ctx, people.editor, id, { on: '2026-11-20', items: [grant] });
      await approveReply(ctx, people.leader, id, { on: '2026-11-20', draftSeq: drafted.view.draft!.seq });
      assert.equal((await caseDetail(ctx, people.editor, id)).row.outcome, 'granted');
      await setSignOffPolicy(ctx, people.leader, chaqi, { grants: false });
      assert.equal((await signOffSettings(ctx, people.editor, chaqi)).grants, false);
    });

    test('an extension takes effect only with the head’s consent, recorded with who and when', async () => {
      const { ctx } = get();
      const id = await register(ctx, '2026-11-02');
      const due = (await caseDetail(ctx, people.editor, id)).view.replyDue!.due;
      assert.deepEqual(await codes(extendDeadline(ctx, people.editor, id, { on: '2026-11-20', workingDays: 10, reason: '需要调取档案' })), ['FORBIDDEN']);
      await proposeExtension(ctx, people.editor, id, { on: '2026-11-20', workingDays: 10, reason: '需要调取档案' });
      let d = await caseDetail(ctx, people.editor, id);
      assert.equal(d.view.replyDue!.due, due, 'asked for, nothing changes yet');
      assert.equal(d.row.sign_off, 'extension');
      await returnExtension(ctx, people.leader, id, { on: '2026-11-23', reason: '可以按期答复' });
      assert.equal((await caseDetail(ctx, people.editor, id)).row.sign_off, null);
      await proposeExtension(ctx, people.editor, id, { on: '2026-11-24', workingDays: 10, reason: '需要调取多个村的档案' });
      await extendDeadline(ctx, people.leader, id, { on: '2026-11-25', workingDays: 10, reason: '需要调取多个村的档案' });
      d = await caseDetail(ctx, people.editor, id);
      assert.ok(d.view.replyDue!.due > due);
      assert.equal(d.view.extensionDays, 10);
      const row = (await ledger(id)).at(-1)!;
      assert.equal(row.act, 'extended');
      assert.equal(row.actor_id, people.leader.id);
      assert.equal(row.on_date, '2026-11-25');
      assert.ok(row.recorded_at);
      assert.deepEqual(JSON.parse(row.payload), {
        workingDays: 10,
        reason: '需要调取多个村的档案',
        approver: '插旗镇审核领导',
        approverId: people.leader.id,
        proposalSeq: 4,
      });
      const notice = d.letters.find((l) => l.kind === 'extensionNotice')!;
      assert.ok(notice.content.paragraphs.join('').includes('插旗镇审核领导'), 'the notice names who consented');
    });

    test('sign-off days are China time: at 00:50 in China (16:50 UTC the day before) the head signs on the new day', async () => {
      const { ctx } = get();
      const night: AppContext = { ...ctx, now: () => new Date('2026-12-07T16:50:00.000Z') };
      const id = await register(night, '2026-12-07');
      const drafted = await draftReply(night, people.editor, id, { on: '2026-12-07', items: [refusal] });
      assert.equal((await draftLetter(night, people.leader, id))?.date, '2026-12-08', 'the draft letter is dated the China day');
      assert.deepEqual(await codes(approveReply(night, people.leader, id, { on: '2026-12-09', draftSeq: drafted.view.draft!.seq })), ['on:GK_DATE_FUTURE']);
      await approveReply(night, people.leader, id, { on: '2026-12-08', draftSeq: drafted.view.draft!.seq });
      const d = await caseDetail(night, people.editor, id);
      assert.equal(d.letters.find((l) => l.kind === 'reply')!.issuedOn, '2026-12-08');
    });

    test('the demo county: refusals were signed by each agency’s head; one draft and one extension wait for 插旗镇’s', async () => {
      const { ctx } = get();
      const signed = await ctx.db.selectFrom('case_events').select('payload').where('act', '=', 'replied').execute();
      const refusals = signed.map((r) => JSON.parse(r.payload) as { outcome: string; approverId?: number }).filter((p) => p.outcome !== 'granted');
      assert.ok(refusals.length > 20);
      assert.ok(
        refusals.every((p) => p.approverId),
        'every demo refusal carries its signer',
      );
      const waiting = await ctx.db
        .selectFrom('applications')
        .select(['sign_off', 'subject'])
        .where('agency_id', '=', chaqi)
        .where('sign_off', 'is not', null)
        .execute();
      assert.deepEqual(waiting.map((w) => w.sign_off).sort(), ['extension', 'reply']);
    });
  },
  async (t: TestDatabase) => void (await loadDemo(t.ctx)),
);
