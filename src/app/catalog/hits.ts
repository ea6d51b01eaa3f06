/**
 * Settling screening hits during 保密审查, each act one transaction with one audit event:
 * one hit masked or justified; every unsettled hit of one personal-data kind masked at
 * once (全部遮蔽); a secrecy marking settled by recording its 解密 (never masked).
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../domain/access/policy.ts';
import { isSettled, settlementRefusal } from '../../domain/catalog/hits.ts';
import { checkDeclassification, type Declassification } from '../../domain/secrecy/declassification.ts';
import { chinaDate } from '../../domain/shared/dates.ts';
import { fieldError, InputError, NotFoundError } from '../../domain/shared/result.ts';
import { isHitResolution } from '../../law/catalogue-workflow.ts';
import { declassificationBasis } from '../../law/secrecy.ts';
import { hitKinds, isHitKind, isMarking } from '../../law/screening.ts';
import { getHit, hitsOf, settleHitRow, type HitRow } from '../../store/catalogue-versions.repo.ts';
import type { DB } from '../../store/schema.ts';
import type { AppContext } from '../context.ts';
import { inTransaction } from '../transaction.ts';
import { versionFor } from './access.ts';
import { decide, event } from './decide.ts';
import { checkRedactable } from './screening.ts';

const reviewOnly = '只有本单位的保密审查员可以处理筛查结果';

async function hitFor(ctx: AppContext, actor: Actor, hitId: number) {
  const hit = await getHit(ctx.db, hitId);
  if (!hit) throw new NotFoundError('找不到这条筛查结果');
  const { item } = await versionFor(ctx.db, actor, hit.version_id, 'catalogue.review', reviewOnly);
  return { hit, item };
}

/** Masks (遮蔽后公开) or justifies (确认可以公开, with a reason) one personal-data hit. */
export async function settleHit(ctx: AppContext, actor: Actor, hitId: number, resolution: string, reason: string): Promise<void> {
  const { hit, item } = await hitFor(ctx, actor, hitId);
  if (!isHitResolution(resolution) || resolution === 'declassified') {
    throw new InputError([
      fieldError('resolution', 'GK_RESOLUTION', isMarking(hit.kind) ? '密级或不得公开标识须登记解密决定' : '请选择“遮蔽后公开”或“确认可以公开”'),
    ]);
  }
  await inTransaction(ctx, async (db) => {
    await decide(db, hit.version_id, { act: 'settleHit', kind: hit.kind, resolution }, actor.id);
    if (resolution === 'justified' && reason.trim() === '') {
      throw new InputError([fieldError('reason', 'GK_REASON_REQUIRED', '确认可以公开的，须说明理由（如：已取得本人同意、属于依法应公开的信息）')]);
    }
    if (resolution === 'redacted') await checkRedactable(db, hit.attachment_id);
    const at = ctx.now().toISOString();
    await settleHitRow(db, hitId, { resolution, reason: reason.trim() || null, resolvedBy: actor.id, resolvedAt: at });
    await event(
      db,
      at,
      actor,
      item,
      'catalogue.hitSettled',
      { hit: hitId, number: hit.number, kind: hit.kind, location: hit.location, resolution },
      reason.trim() || null,
    );
  });
}

/** 全部遮蔽: every unsettled hit of one personal-data kind in the version is masked, in one act. */
export async function settleAllOfKind(ctx: AppContext, actor: Actor, versionId: number, kind: string): Promise<number> {
  const { item } = await versionFor(ctx.db, actor, versionId, 'catalogue.review', reviewOnly);
  if (!isHitKind(kind)) throw new InputError([fieldError('kind', 'GK_KIND', '请选择要全部遮蔽的类别')]);
  return inTransaction(ctx, async (db) => {
    await decide(db, versionId, { act: 'settleHit', kind, resolution: 'redacted' }, actor.id);
    const open = (await hitsOf(db, versionId)).filter((h) => h.kind === kind && !isSettled(h));
    if (open.length === 0) throw new InputError([fieldError('kind', 'GK_NOTHING_TO_SETTLE', `没有待处理的“${hitKinds[kind].label}”`)]);
    for (const attachmentId of new Set(open.map((h) => h.attachment_id))) await checkRedactable(db, attachmentId);
    const at = ctx.now().toISOString();
    for (const h of open) await settleHitRow(db, h.id, { resolution: 'redacted', reason: null, resolvedBy: actor.id, resolvedAt: at });
    await event(db, at, actor, item, 'catalogue.hitsSettled', {
      kind,
      resolution: 'redacted',
      hits: open.map((h) => h.id),
      numbers: open.map((h) => h.number),
    });
    return open.length;
  });
}

/**
 * Records the 解密 of a marking hit — the decision's 文号, date (not in the future) and the
 * body that made it — which settles it: the published text keeps the marking as printed.
 * `allMarkings`: the same decision settles every other unsettled marking of the version.
 */
export async function declassifyHits(
  ctx: AppContext,
  actor: Actor,
  hitId: number,
  form: Record<keyof Declassification, string>,
  options: { allMarkings?: boolean } = {},
): Promise<number> {
  const { hit, item } = await hitFor(ctx, actor, hitId);
  const refusal = settlementRefusal(hit.kind, 'declassified');
  if (refusal) throw new InputError([refusal]);
  const { value, errors } = checkDeclassification(form, chinaDate(ctx.now()));
  if (errors.length) throw new InputError(errors);
  return inTransaction(ctx, async (db) => {
    await decide(db, hit.version_id, { act: 'settleHit', kind: hit.kind, resolution: 'declassified' }, actor.id);
    const targets = await declassifyTargets(db, hit, Boolean(options.allMarkings));
    const at = ctx.now().toISOString();
    for (const h of targets)
      await settleHitRow(db, h.id, { resolution: 'declassified', reason: null, resolvedBy: actor.id, resolvedAt: at, declassification: value });
    await event(
      db,
      at,
      actor,
      item,
      'catalogue.hitsDeclassified',
      { hits: targets.map((h) => h.id), numbers: targets.map((h) => h.number), ...value, basis: declassificationBasis(value.date) },
      `解密决定 ${value.docNo}（${value.authority}，${value.date}）`,
    );
    return targets.length;
  });
}

async function declassifyTargets(db: Kysely<DB>, hit: HitRow, all: boolean): Promise<HitRow[]> {
  if (!all) return [hit];
  const others = (await hitsOf(db, hit.version_id)).filter((h) => h.id !== hit.id && isMarking(h.kind) && !isSettled(h));
  return [hit, ...others];
}
