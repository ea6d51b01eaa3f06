/**
 * Issue 15, point 2: the hidden-data corpus (test/helpers/hidden-corpus.ts). Each variant is
 * created through the app, screened, and settled as the probe's reviewer did — every
 * personal-data hit shown masked (全部遮蔽), an unreadable picture justified after looking at
 * it, a file the platform cannot mask returned — then approved and published. No variant may
 * reach the public item page, the served attachment (its bytes, every part inside it, its
 * text as extracted), the Atom feeds or the search index with the number in it, however
 * written. Controls (文号, dates, amounts) are not flagged at all.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { resolveAgency } from '../../src/app/agencies/resolve.ts';
import { loadDemo } from '../../src/app/demo/load.ts';
import { addAttachment } from '../../src/app/catalog/attachments.ts';
import { createItem } from '../../src/app/catalog/drafts.ts';
import { recordValidity } from '../../src/app/catalog/validity.ts';
import {
  approveAndPublish,
  recordReview,
  returnVersion,
  settleAllOfKind,
  settleHit,
  startCorrection,
  submitForReview,
  withdrawItem,
} from '../../src/app/catalog/workflow.ts';
import type { AppContext } from '../../src/app/context.ts';
import type { Actor } from '../../src/domain/access/policy.ts';
import { normalChar } from '../../src/domain/screening/normalize.ts';
import { InputError } from '../../src/domain/shared/result.ts';
import { extractText, sniffAttachment } from '../../src/extract/index.ts';
import { manualCheck } from '../../src/law/catalogue-workflow.ts';
import { isMaskable } from '../../src/law/screening.ts';
import { hitsOf } from '../../src/store/catalogue-versions.repo.ts';
import { searchItems } from '../../src/store/search.repo.ts';
import { chaqiStaff, itemForm } from '../helpers/catalogue.ts';
import { eachDialect, type TestDatabase } from '../helpers/db.ts';
import { controls, hiddenVariants, secretId, secretMobile, type Variant } from '../helpers/hidden-corpus.ts';
import { testApp } from '../helpers/web.ts';

/** Whether `text` shows either secret in any written form (separators, zero-width and full-width characters undone). */
function leaks(text: string): boolean {
  const compact = [...text]
    .map(normalChar)
    .join('')
    .replace(/[\s\-()+.,]/g, '')
    .toUpperCase();
  return compact.includes(secretMobile) || compact.includes(secretId);
}

const decoders = (bytes: Uint8Array) => [Buffer.from(bytes).toString('latin1'), Buffer.from(bytes).toString('utf8'), Buffer.from(bytes).toString('utf16le')];

/** Every place a reader can get at in a served file: its bytes, each ZIP entry, its extracted text. */
async function fileLeaks(bytes: Uint8Array, filename: string): Promise<string[]> {
  const found: string[] = [];
  if (decoders(bytes).some(leaks)) found.push('bytes');
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const zip = await JSZip.loadAsync(bytes);
    for (const [name, entry] of Object.entries(zip.files)) if (!entry.dir && decoders(await entry.async('uint8array')).some(leaks)) found.push(name);
  }
  const sniffed = sniffAttachment(bytes, filename);
  if ('error' in sniffed) found.push(`a copy that is no longer its type: ${sniffed.error}`);
  else {
    const { parts, unreadable } = await extractText(bytes, sniffed.type);
    if (unreadable?.includes('损坏')) found.push('a damaged copy');
    for (const p of parts) if (leaks(p.text)) found.push(`text ${p.location}`);
  }
  return found;
}

type Outcome = { flagged: boolean; result: 'published' | 'returned' | 'refused'; itemId: number };

async function publish(ctx: AppContext, people: Record<'editor' | 'reviewer' | 'leader', Actor>, versionId: number): Promise<Omit<Outcome, 'itemId'>> {
  await submitForReview(ctx, people.editor, versionId);
  const hits = await hitsOf(ctx.db, versionId);
  const flagged = hits.some((h) => isMaskable(h.kind));
  for (const h of hits.filter((x) => x.kind === manualCheck.kind)) await settleHit(ctx, people.reviewer, h.id, 'justified', '已人工查看图片，未见个人信息');
  let returned = false;
  for (const kind of new Set(hits.filter((h) => isMaskable(h.kind)).map((h) => h.kind))) {
    try {
      await settleAllOfKind(ctx, people.reviewer, versionId, kind);
    } catch (e) {
      if (!(e instanceof InputError) || e.errors[0]?.code !== 'GK_NOT_REDACTABLE') throw e;
      returned = true;
    }
  }
  if (returned) {
    await returnVersion(ctx, people.reviewer, versionId, '附件中的个人信息平台无法遮蔽，请上传遮蔽后的文件');
    return { flagged, result: 'returned' };
  }
  await recordReview(ctx, people.reviewer, versionId, '经审查，同意遮蔽后公开');
  try {
    await approveAndPublish(ctx, people.leader, versionId);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { flagged, result: 'refused' };
  }
  return { flagged, result: 'published' };
}

async function run(ctx: AppContext, people: Record<'editor' | 'reviewer' | 'leader', Actor>, agency: number, v: Variant, n: number): Promise<Outcome> {
  const { itemId, versionId } = await createItem(ctx, people.editor, agency, itemForm({ title: `隐藏数据样本第${n}号`, ...v.form }));
  if (v.attachment) await addAttachment(ctx, people.editor, versionId, v.attachment);
  if (!v.correctionReason) return { ...(await publish(ctx, people, versionId)), itemId };
  assert.equal((await publish(ctx, people, versionId)).result, 'published');
  const correction = await startCorrection(ctx, people.editor, itemId, v.correctionReason);
  return { ...(await publish(ctx, people, correction)), itemId };
}

/** Where the variant's number shows on the portal: the item page, its attachments and their names, the feeds, the search index. */
async function portalLeaks(app: FastifyInstance, ctx: AppContext, agency: number, itemId: number): Promise<string[]> {
  const found: string[] = [];
  const page = await app.inject({ method: 'GET', url: `/items/${itemId}` });
  assert.equal(page.statusCode, 200);
  if (leaks(page.body)) found.push('item page');
  for (const [, id] of page.body.matchAll(new RegExp(`/items/${itemId}/attachments/(\\d+)`, 'g'))) {
    const file = await app.inject({ method: 'GET', url: `/items/${itemId}/attachments/${id}` });
    assert.equal(file.statusCode, 200);
    const disposition = decodeURIComponent(String(file.headers['content-disposition'] ?? ''));
    if (leaks(disposition)) found.push('Content-Disposition');
    const name = /filename\*=UTF-8''(.*)$/.exec(disposition)?.[1] ?? 'file';
    found.push(...(await fileLeaks(new Uint8Array(file.rawPayload), name)).map((w) => `attachment ${w}`));
  }
  for (const url of ['/feed.atom', `/agencies/${agency}/feed.atom`]) if (leaks((await app.inject({ method: 'GET', url })).body)) found.push(url);
  const indexed = await ctx.db.selectFrom('search_documents').selectAll().where('item_id', '=', itemId).execute();
  if (leaks(JSON.stringify(indexed))) found.push('search document');
  for (const text of [secretMobile, secretId, '138 0013 8000', '430623 19850615 110X']) {
    if ((await searchItems(ctx.db, { text, limit: 50, offset: 0 })).hits.some((h) => h.itemId === itemId)) found.push(`search for ${text}`);
  }
  return found;
}

eachDialect(
  'hidden-data corpus',
  (get) => {
    let agency: number;
    let people: Record<'editor' | 'reviewer' | 'leader', Actor>;
    let app: FastifyInstance;
    before(async () => {
      const { ctx } = get();
      agency = (await resolveAgency(ctx, '插旗镇')).id;
      people = await chaqiStaff(ctx, agency);
      app = await testApp(ctx);
    });

    test('no variant reaches the portal with a number in it; each is flagged and masked, returned, or stripped', async () => {
      const { ctx } = get();
      const variants = await hiddenVariants();
      assert.ok(variants.length >= 65, `${variants.length} variants`);
      const problems: string[] = [];
      let n = 0;
      for (const v of variants) {
        const outcome = await run(ctx, people, agency, v, ++n);
        if (v.expect === 'flagged' && !outcome.flagged) problems.push(`${v.name}: not flagged`);
        if (v.expect === 'stripped' && outcome.flagged) problems.push(`${v.name}: flagged, though the place is stripped`);
        // Only a PDF is returned: the platform masks everything else itself.
        const expected = v.attachment?.filename.endsWith('.pdf') ? 'returned' : 'published';
        if (outcome.result !== expected) problems.push(`${v.name}: ${outcome.result}, expected ${expected}`);
        if (outcome.result === 'published') problems.push(...(await portalLeaks(app, ctx, agency, outcome.itemId)).map((w) => `${v.name}: reaches ${w}`));
      }
      await app.close();
      assert.deepEqual(problems, []);
    });

    test('reasons published without review (撤回理由, 有效性) refuse personal data, naming the field', async () => {
      const { ctx } = get();
      const { itemId, versionId } = await createItem(
        ctx,
        people.editor,
        agency,
        itemForm({ title: '撤回理由样本', documentKind: 'normativeDocument', writtenDate: '2026-11-01', docNo: '插政发〔2026〕3号' }),
      );
      assert.equal((await publish(ctx, people, versionId)).result, 'published');
      const codes = async (p: Promise<unknown>) =>
        p.then(
          () => [],
          (e: unknown) => (e instanceof InputError ? e.errors.map((x) => `${x.field}:${x.code}`) : Promise.reject(e)),
        );
      assert.deepEqual(await codes(withdrawItem(ctx, people.leader, itemId, `应张三（${'138 0013 8000'}）要求撤回`)), ['reason:GK_PERSONAL_DATA']);
      assert.deepEqual(
        await codes(recordValidity(ctx, people.leader, itemId, { state: 'repealed', effectiveDate: '2026-11-20', reason: `当事人身份证${secretId}` })),
        ['reason:GK_PERSONAL_DATA'],
      );
      assert.deepEqual(await codes(withdrawItem(ctx, people.leader, itemId, '内容已过时')), []);
    });

    test('an attachment read before the reader knew a place: its published copy is read again and the approval stops', async () => {
      const { ctx } = get();
      const { versionId } = await createItem(ctx, people.editor, agency, itemForm({ title: '旧附件样本' }));
      const v = (await hiddenVariants()).find((x) => x.name === 'DOCX SmartArt data')!;
      const attachmentId = await addAttachment(ctx, people.editor, versionId, v.attachment!);
      // As an older reader stored it: the SmartArt's text was never read.
      await ctx.db.updateTable('item_attachments').set({ text_parts: '[]' }).where('id', '=', attachmentId).execute();
      await submitForReview(ctx, people.editor, versionId);
      assert.deepEqual(
        (await hitsOf(ctx.db, versionId)).map((h) => h.kind),
        [],
      );
      await recordReview(ctx, people.reviewer, versionId, '经审查，同意公开');
      await assert.rejects(
        approveAndPublish(ctx, people.leader, versionId),
        (e: unknown) => e instanceof InputError && e.errors[0]?.code === 'GK_UNSCREENED' && e.errors[0].message.includes('手机号码'),
      );
    });

    test('controls: ordinary numbers (文号, dates, amounts) are not flagged and publish as written', async () => {
      const { ctx } = get();
      const app2 = await testApp(ctx);
      let n = 1000;
      for (const v of await controls()) {
        const { itemId, versionId } = await createItem(ctx, people.editor, agency, itemForm({ title: `对照样本第${++n}号`, ...v.form }));
        if (v.attachment) await addAttachment(ctx, people.editor, versionId, v.attachment);
        const hits = (await hitsOf(ctx.db, versionId)).filter((h) => h.kind !== manualCheck.kind);
        assert.deepEqual(
          hits.map((h) => `${h.location}: ${h.value}`),
          [],
          v.name,
        );
        assert.equal((await publish(ctx, people, versionId)).result, 'published', v.name);
        const page = await app2.inject({ method: 'GET', url: `/items/${itemId}` });
        if (v.form?.docNo) assert.ok(page.body.includes(v.form.docNo), '文号 as written');
      }
      await app2.close();
    });
  },
  async (t: TestDatabase) => void (await loadDemo(t.ctx)),
);
