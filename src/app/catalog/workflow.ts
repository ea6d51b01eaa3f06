/**
 * The acts of the publication workflow, each one transaction with its audit event:
 * submit for 保密审查, record the review, send back, approve and publish, start a
 * correction, withdraw (settling screening hits: ./hits.ts).
 */
import type { Actor } from '../../domain/access/policy.ts';
import { indexNumberPrefix } from '../../domain/agencies/agency.ts';
import { indexNumber } from '../../domain/catalog/version.ts';
import { chinaDate } from '../../domain/shared/dates.ts';
import { fieldError, InputError, NotFoundError } from '../../domain/shared/result.ts';
import { getAgency } from '../../store/agencies.repo.ts';
import { copyAttachments, getItemRow, getVersion, hitsOf, insertVersion, updateItem, updateVersion, versionsOf } from '../../store/catalogue-versions.repo.ts';
import { nextSerial } from '../../store/index-numbers.repo.ts';
import type { AppContext } from '../context.ts';
import { inTransaction } from '../transaction.ts';
import { itemFor, versionFor } from './access.ts';
import { decide, event } from './decide.ts';
import { publishedContent, rescreen } from './screening.ts';
import { itemChanged } from './portal-changes.ts';
import { refusePersonalData } from './public-reasons.ts';
import { indexForSearch, unindexFromSearch } from './search-index.ts';

export async function submitForReview(ctx: AppContext, actor: Actor, versionId: number): Promise<void> {
  const { item } = await versionFor(ctx.db, actor, versionId, 'catalogue.edit', '只有本单位的编辑可以提交保密审查');
  await inTransaction(ctx, async (db) => {
    const { version } = await decide(db, versionId, { act: 'submit' }, actor.id);
    const at = ctx.now().toISOString();
    await rescreen(db, versionId);
    await updateVersion(db, versionId, { state: 'inReview', returned_reason: null, updated_at: at });
    await event(db, at, actor, item, 'catalogue.submitted', { version: version.version });
  });
}

export async function recordReview(ctx: AppContext, actor: Actor, versionId: number, opinion: string): Promise<void> {
  const { item } = await versionFor(ctx.db, actor, versionId, 'catalogue.review', '只有本单位的保密审查员可以进行保密审查');
  await inTransaction(ctx, async (db) => {
    const { version } = await decide(db, versionId, { act: 'review', opinion }, actor.id);
    const at = ctx.now().toISOString();
    await updateVersion(db, versionId, { state: 'inApproval', review_opinion: opinion.trim(), reviewed_by: actor.id, reviewed_at: at, updated_at: at });
    await event(db, at, actor, item, 'catalogue.reviewed', { version: version.version }, opinion.trim());
  });
}

export async function returnVersion(ctx: AppContext, actor: Actor, versionId: number, reason: string): Promise<void> {
  const version = await getVersion(ctx.db, versionId);
  const action = version?.state === 'inApproval' ? 'catalogue.approve' : 'catalogue.review';
  const { item } = await versionFor(
    ctx.db,
    actor,
    versionId,
    action,
    version?.state === 'inApproval' ? '只有本单位的审核领导可以退回待审核的信息' : '只有本单位的保密审查员可以退回待审查的信息',
  );
  await inTransaction(ctx, async (db) => {
    const { version: v } = await decide(db, versionId, { act: 'return', reason }, actor.id);
    const at = ctx.now().toISOString();
    // A returned version is reviewed afresh when submitted again.
    await updateVersion(db, versionId, {
      state: 'returned',
      returned_reason: reason.trim(),
      review_opinion: null,
      reviewed_by: null,
      reviewed_at: null,
      updated_at: at,
    });
    await event(db, at, actor, item, 'catalogue.returned', { version: v.version, from: v.state }, reason.trim());
  });
}

/**
 * A leader approves a reviewed version, which publishes it: the first publication gives
 * the item its 索引号; the text the portal shows has the redacted values masked; an earlier
 * published version is kept, superseded.
 */
export async function approveAndPublish(ctx: AppContext, actor: Actor, versionId: number): Promise<{ indexNo: string }> {
  const { item: before } = await versionFor(ctx.db, actor, versionId, 'catalogue.approve', '只有本单位的审核领导可以批准公开');
  const agency = await getAgency(ctx.db, before.agency_id);
  if (!agency) throw new NotFoundError('找不到发布单位');
  const published = await inTransaction(ctx, async (db) => {
    const { version } = await decide(db, versionId, { act: 'approve' }, actor.id);
    const now = ctx.now();
    const at = now.toISOString();
    const today = chinaDate(now);
    if (version.generated_date > today) {
      throw new InputError([fieldError('generatedDate', 'GK_DATE_ORDER', `公开日期${today}不能早于生成日期${version.generated_date}`)]);
    }
    const item = (await getItemRow(db, version.item_id))!;
    const content = await publishedContent(db, version);
    let indexNo = item.index_no;
    if (!indexNo) {
      const prefix = indexNumberPrefix(agency.code);
      const year = today.slice(0, 4);
      indexNo = indexNumber(prefix, year, await nextSerial(db, `${prefix}/${year}`));
    }
    for (const old of await versionsOf(db, item.id)) {
      if (old.state === 'published' && old.id !== versionId) await updateVersion(db, old.id, { state: 'superseded', updated_at: at });
    }
    await updateVersion(db, versionId, { state: 'published', approved_by: actor.id, approved_at: at, published_at: at, updated_at: at });
    const first = item.published_at === null;
    await updateItem(db, item.id, {
      index_no: indexNo,
      title: content.title,
      summary: content.summary,
      body: content.body,
      category: version.category,
      topic: version.topic,
      statutory_item: version.statutory_item,
      domain: version.domain,
      doc_no: content.docNo,
      document_kind: version.document_kind,
      written_date: version.written_date,
      generated_date: version.generated_date,
      scope: version.scope,
      status: 'published',
      current_version: version.version,
      // 公开日期 is the first publication's; a correction shows its own date in the history.
      ...(first ? { published_at: at, published_date: today } : {}),
    });
    await indexForSearch(db, item.id);
    await event(db, at, actor, item, first ? 'catalogue.published' : 'catalogue.corrected', { version: version.version, indexNo }, version.change_note);
    return { indexNo };
  });
  itemChanged(ctx, before.id);
  return published;
}

/** Starts a correction of a published item: a new draft version carrying the published content, with the reason as its change note. */
export async function startCorrection(ctx: AppContext, actor: Actor, itemId: number, reason: string): Promise<number> {
  const item = await itemFor(ctx.db, actor, itemId, 'catalogue.edit', '只有本单位的编辑可以更正信息');
  if (reason.trim() === '') throw new InputError([fieldError('reason', 'GK_REASON_REQUIRED', '请填写更正理由（将在门户网站公开）')]);
  return inTransaction(ctx, async (db) => {
    const versions = await versionsOf(db, itemId);
    const published = versions.find((v) => v.state === 'published');
    if (!published || item.status !== 'published') throw new InputError([fieldError('item', 'GK_NOT_PUBLISHED', '只有已公开的信息可以更正')]);
    if (versions.some((v) => ['draft', 'returned', 'inReview', 'inApproval'].includes(v.state))) {
      throw new InputError([fieldError('item', 'GK_CORRECTION_OPEN', '这条信息已有未完成的更正版本')]);
    }
    const at = ctx.now().toISOString();
    const {
      id: _id,
      state: _s,
      review_opinion: _o,
      reviewed_by: _rb,
      reviewed_at: _ra,
      approved_by: _ab,
      approved_at: _aa,
      published_at: _pa,
      returned_reason: _rr,
      ...content
    } = published;
    const versionId = await insertVersion(db, {
      ...content,
      version: published.version + 1,
      state: 'draft',
      change_note: reason.trim(),
      author_id: actor.id,
      created_at: at,
      updated_at: at,
    });
    await copyAttachments(db, published.id, versionId, at);
    await rescreen(db, versionId);
    await event(db, at, actor, item, 'catalogue.correctionStarted', { version: published.version + 1 }, reason.trim());
    return versionId;
  });
}

/** Withdraws a published item: the record stays, the portal shows that and why. */
export async function withdrawItem(ctx: AppContext, actor: Actor, itemId: number, reason: string): Promise<void> {
  const item = await itemFor(ctx.db, actor, itemId, 'catalogue.approve', '只有本单位的审核领导可以撤回信息');
  if (reason.trim() === '') throw new InputError([fieldError('reason', 'GK_REASON_REQUIRED', '请填写撤回理由（将在门户网站公开）')]);
  if (item.status !== 'published') throw new InputError([fieldError('item', 'GK_NOT_PUBLISHED', '只有已公开的信息可以撤回')]);
  refusePersonalData('reason', '撤回理由', reason);
  await inTransaction(ctx, async (db) => {
    const at = ctx.now().toISOString();
    await updateItem(db, itemId, { status: 'withdrawn', withdrawn_at: at, withdrawn_reason: reason.trim() });
    await unindexFromSearch(db, itemId);
    await event(db, at, actor, item, 'catalogue.withdrawn', {}, reason.trim());
  });
  itemChanged(ctx, itemId);
}

export { hitsOf };
export { declassifyHits, settleAllOfKind, settleHit } from './hits.ts';
