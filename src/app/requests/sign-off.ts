/**
 * Sign-off on a disclosure case (src/law/sign-off.ts), one function per act: a handler
 * proposes an extension or drafts a reply; the head of the agency's 政府信息公开工作机构
 * consents (extendDeadline in acts.ts), signs the draft, which issues it, or returns either
 * with a reason. Each agency decides whether its 予以公开 replies need the sign-off too.
 */
import { can, type Actor } from '../../domain/access/policy.ts';
import { buildReply, type LetterContent } from '../../domain/requests/letters.ts';
import { applicationOutcome } from '../../domain/requests/outcome.ts';
import type { SignOffPolicy } from '../../domain/requests/sign-off.ts';
import { chinaDate, type IsoDate } from '../../domain/shared/dates.ts';
import { fieldError, ForbiddenError, InputError, NotFoundError } from '../../domain/shared/result.ts';
import { letterNumberPattern } from '../../law/letters.ts';
import { listAgencies } from '../../store/agencies.repo.ts';
import { appendEvent } from '../../store/events.repo.ts';
import { itemsOf } from '../../store/requests.repo.ts';
import { getSetting } from '../../store/settings.repo.ts';
import { getSignOffPolicy, saveSignOffPolicy } from '../../store/sign-off.repo.ts';
import { loadCalendar } from '../calendar/calendar.ts';
import type { AppContext } from '../context.ts';
import { inTransaction } from '../transaction.ts';
import { actorName, issueReply, replyAnswers, signer, type ItemReplyForm } from './acts.ts';
import { caseFor, caseValues, loadCase, recordAct, type ActResult } from './ledger.ts';

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const date = (v: unknown) => text(v) as IsoDate;
const headOnly = '只有本单位的审核领导（政府信息公开工作机构负责人）可以签发或退回';

/** A handler asks the head of the office to extend the reply period (条例 第三十三条第二款). */
export async function proposeExtension(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: { on: string; workingDays: number; reason: string },
): Promise<ActResult> {
  await caseFor(ctx.db, actor, id, 'requests.handle');
  const proposer = await actorName(ctx, actor);
  return recordAct(ctx, actor, id, () => ({
    event: { act: 'extensionProposed', on: date(input.on), workingDays: input.workingDays, reason: text(input.reason), proposer },
  }));
}

/** The head does not consent: the proposal is gone, the reply period stands. */
export async function returnExtension(ctx: AppContext, actor: Actor, id: number, input: { on: string; reason: string }): Promise<ActResult> {
  const by = await signer(ctx, actor, id, headOnly);
  return recordAct(ctx, actor, id, () => ({ event: { act: 'extensionReturned', on: date(input.on), reason: text(input.reason), ...by } }));
}

/** A reply drafted for the head's sign-off: the answers and the facts its letter will say. */
export async function draftReply(ctx: AppContext, actor: Actor, id: number, input: { on: string; items: readonly ItemReplyForm[] }): Promise<ActResult> {
  await caseFor(ctx.db, actor, id, 'requests.handle');
  const items = await replyAnswers(ctx, id, input);
  const drafter = await actorName(ctx, actor);
  return recordAct(ctx, actor, id, () => ({
    event: { act: 'replyDrafted', on: date(input.on), outcome: applicationOutcome(items.map((i) => i.outcome)), items, drafter },
  }));
}

/** The pending draft the head is looking at (`draftSeq`), or a field error when it changed. */
async function pendingDraft(ctx: AppContext, id: number, draftSeq: number) {
  const c = await loadCase(ctx.db, id, await loadCalendar(ctx.db));
  if (!c.view.draft) throw new InputError([fieldError('state', 'GK_NO_DRAFT', '没有待签发的答复草稿')]);
  if (c.view.draft.seq !== draftSeq) throw new InputError([fieldError('draftSeq', 'GK_DRAFT_CHANGED', '答复草稿已经变更，请重新审阅后再签发')]);
  return c.view.draft;
}

/** The head signs the draft (签发): the reply is issued, dated the day of signing. */
export async function approveReply(ctx: AppContext, actor: Actor, id: number, input: { on: string; draftSeq: number }): Promise<ActResult> {
  const by = await signer(ctx, actor, id, headOnly);
  const draft = await pendingDraft(ctx, id, input.draftSeq);
  return issueReply(ctx, actor, id, date(input.on), draft.items, { ...by, draftSeq: draft.seq });
}

/** The head returns the draft with the reason and what to change; the handler drafts again. */
export async function returnReply(ctx: AppContext, actor: Actor, id: number, input: { on: string; reason: string; draftSeq: number }): Promise<ActResult> {
  const by = await signer(ctx, actor, id, headOnly);
  return recordAct(ctx, actor, id, () => ({
    event: { act: 'replyReturned', on: date(input.on), draftSeq: input.draftSeq, reason: text(input.reason), ...by },
  }));
}

/** The pending draft's letter as it would be issued today (number left to issue), for the head to read. */
export async function draftLetter(ctx: AppContext, actor: Actor, id: number): Promise<LetterContent | null> {
  const row = await caseFor(ctx.db, actor, id, 'requests.view');
  const c = await loadCase(ctx.db, id, await loadCalendar(ctx.db));
  if (!c.view.draft) return null;
  const agencies = await listAgencies(ctx.db);
  const agency = agencies.find((a) => a.id === row.agency_id)!;
  const items = await itemsOf(ctx.db, id);
  const values = caseValues(c, agency, agencies, c.view, await getSetting(ctx.db, 'site.origin'));
  const today = chinaDate(ctx.now());
  const number = letterNumberPattern.replace('{short}', agency.shortName).replace('{year}', today.slice(0, 4)).replace('{serial}', '＿＿');
  const built = buildReply(
    c.view.draft.items.map((a) => ({ description: items.find((i) => i.seq === a.itemId)?.description ?? '', kind: a.kind, values: a.values })),
    values,
    { number, addressee: row.applicant_name, agencyName: agency.name, date: today },
  );
  return 'error' in built ? null : built.letter;
}

/** Whether the actor may sign off on the agency's cases, and the agency's policy. */
export async function signOffOf(
  ctx: AppContext,
  actor: Actor,
  agencyId: number,
): Promise<{ mayApprove: boolean; mayConfigure: boolean; policy: SignOffPolicy }> {
  const tree = await listAgencies(ctx.db);
  const policy = await getSignOffPolicy(ctx.db, agencyId);
  return {
    mayApprove: can(actor, 'requests.approve', agencyId, tree),
    mayConfigure: can(actor, 'requests.configure', agencyId, tree),
    policy: { grants: policy.grants },
  };
}

/** The agency's setting page: its policy, who set it and when. The agency's staff see it; others find nothing. */
export async function signOffSettings(ctx: AppContext, actor: Actor, agencyId: number) {
  const tree = await listAgencies(ctx.db);
  if (!can(actor, 'requests.view', agencyId, tree)) throw new NotFoundError('找不到这个单位');
  const stored = await getSignOffPolicy(ctx.db, agencyId);
  const by = stored.updatedBy ? await ctx.db.selectFrom('users').select('display_name').where('id', '=', stored.updatedBy).executeTakeFirst() : undefined;
  return { ...stored, updatedByName: by?.display_name ?? null, mayConfigure: can(actor, 'requests.configure', agencyId, tree) };
}

/** The head or the agency's administrator decides whether 予以公开 replies need the sign-off too. */
export async function setSignOffPolicy(ctx: AppContext, actor: Actor, agencyId: number, input: { grants: boolean }): Promise<void> {
  const tree = await listAgencies(ctx.db);
  if (!can(actor, 'requests.view', agencyId, tree)) throw new NotFoundError('找不到这个单位');
  if (!can(actor, 'requests.configure', agencyId, tree)) throw new ForbiddenError('只有本单位的审核领导或单位管理员可以设置签发范围');
  await inTransaction(ctx, async (db) => {
    const at = ctx.now().toISOString();
    await saveSignOffPolicy(db, agencyId, { grants: input.grants, updatedBy: actor.id, updatedAt: at });
    await appendEvent(db, {
      occurredAt: at,
      actorId: actor.id,
      agencyId,
      subjectType: 'agency',
      subjectId: agencyId,
      action: 'requests.signOffPolicy',
      reason: null,
      payload: { grants: input.grants },
    });
  });
}
