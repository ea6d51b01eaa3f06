/**
 * The publication workflow through the app functions, on both databases: screening,
 * 保密审查, approval, the 索引号, masking, corrections, withdrawal — and that nothing is
 * published without a recorded review and approval, on any path.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { sql } from 'kysely';
import { loadDemo } from '../../src/app/demo/load.ts';
import { resolveAgency } from '../../src/app/agencies/resolve.ts';
import { addAttachment, removeAttachment } from '../../src/app/catalog/attachments.ts';
import { createItem, saveDraft } from '../../src/app/catalog/drafts.ts';
import { approveAndPublish, recordReview, returnVersion, settleHit, startCorrection, submitForReview, withdrawItem } from '../../src/app/catalog/workflow.ts';
import type { Actor } from '../../src/domain/access/policy.ts';
import { ForbiddenError, InputError } from '../../src/domain/shared/result.ts';
import { extractText } from '../../src/extract/index.ts';
import { screenText } from '../../src/domain/screening/index.ts';
import { attachmentContent, attachmentsOf, getItemRow, getVersion, hitsOf, versionsOf } from '../../src/store/catalogue-versions.repo.ts';
import { searchItems } from '../../src/store/search.repo.ts';
import { eachDialect, type TestDatabase } from '../helpers/db.ts';
import { docxWith, validId } from '../helpers/files.ts';
import { chaqiStaff, itemForm, userId } from '../helpers/catalogue.ts';

const form = itemForm;

const fields = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (e instanceof InputError) return e.errors.map((x) => x.code);
    if (e instanceof ForbiddenError) return ['FORBIDDEN'];
    throw e;
  }
  return [];
};

eachDialect(
  'catalogue workflow',
  (get) => {
    let chaqi: number;
    let people: Record<string, Actor>;
    before(async () => {
      const { ctx } = get();
      chaqi = (await resolveAgency(ctx, '插旗镇')).id;
      people = {
        ...(await chaqiStaff(ctx, chaqi)),
        otherLeader: { id: await userId(ctx, 'zhanghua-leader'), roles: [{ role: 'leader', agencyId: (await resolveAgency(ctx, '章华镇')).id }] },
        editorAndReviewer: {
          id: await userId(ctx, 'chaqi-agency-admin'),
          roles: [
            { role: 'agencyAdmin', agencyId: chaqi },
            { role: 'reviewer', agencyId: chaqi },
          ],
        },
      };
    });

    test('draft, screening, 保密审查, approval: published with a 索引号 and the ID number masked everywhere', async () => {
      const { ctx } = get();
      const { itemId, versionId } = await createItem(ctx, people.editor!, chaqi, form({ body: `请联系13973012345了解详情。` }));
      await addAttachment(ctx, people.editor!, versionId, { filename: '名单.docx', bytes: await docxWith('救助对象名单', `张某某，身份证号${validId}`) });
      await submitForReview(ctx, people.editor!, versionId);
      const hits = await hitsOf(ctx.db, versionId);
      assert.deepEqual(hits.map((h) => h.kind).sort(), ['idNumber', 'mobile']);
      assert.ok(hits.find((h) => h.kind === 'idNumber')!.location.includes('附件“名单.docx”'));
      assert.ok(hits.find((h) => h.kind === 'idNumber')!.context.includes(validId));

      assert.deepEqual(await fields(recordReview(ctx, people.reviewer!, versionId, '同意')), ['GK_HITS_UNRESOLVED']);
      for (const h of hits) await settleHit(ctx, people.reviewer!, h.id, 'redacted', '');
      assert.deepEqual(await fields(approveAndPublish(ctx, people.leader!, versionId)), ['GK_NOT_IN_APPROVAL'], 'not reviewed yet');
      await recordReview(ctx, people.reviewer!, versionId, '经审查，同意遮蔽后公开');
      const { indexNo } = await approveAndPublish(ctx, people.leader!, versionId);
      assert.match(indexNo, /^006382564L\/2026-\d{5}$/);

      const item = (await getItemRow(ctx.db, itemId))!;
      assert.equal(item.status, 'published');
      assert.equal(item.index_no, indexNo);
      assert.ok(!item.body.includes('13973012345') && item.body.includes('139****2345'), item.body);
      const [att] = await attachmentsOf(ctx.db, versionId);
      const stored = (await attachmentContent(ctx.db, att!.id))!;
      assert.ok(stored.redacted_content, 'a masked copy is kept for the portal');
      const published = await extractText(stored.redacted_content!, 'docx');
      assert.deepEqual(
        published.parts.flatMap((p) => screenText(p.text)),
        [],
        'the published attachment carries no personal data',
      );
      assert.ok(published.parts.some((p) => p.text.includes('430623********1237')));
      const found = await searchItems(ctx.db, { text: '防火', limit: 10, offset: 0 });
      assert.ok(
        found.hits.some((h) => h.itemId === itemId),
        'indexed for search',
      );
    });

    test('nothing is published without a recorded review and approval, whatever is tried', async () => {
      const { ctx } = get();
      const { versionId } = await createItem(ctx, people.editor!, chaqi, form({ title: '未经审查的信息' }));
      assert.deepEqual(await fields(approveAndPublish(ctx, people.leader!, versionId)), ['GK_NOT_IN_APPROVAL'], 'a draft');
      await submitForReview(ctx, people.editor!, versionId);
      assert.deepEqual(await fields(approveAndPublish(ctx, people.leader!, versionId)), ['GK_NOT_IN_APPROVAL'], 'in review');
      assert.deepEqual(await fields(recordReview(ctx, people.editor!, versionId, '同意')), ['FORBIDDEN'], 'an editor does not review');
      assert.deepEqual(await fields(recordReview(ctx, people.leader!, versionId, '同意')), ['FORBIDDEN'], 'a leader does not review');
      await recordReview(ctx, people.reviewer!, versionId, '同意');
      assert.deepEqual(await fields(approveAndPublish(ctx, people.editor!, versionId)), ['FORBIDDEN'], 'an editor does not approve');
      assert.deepEqual(await fields(approveAndPublish(ctx, people.reviewer!, versionId)), ['FORBIDDEN'], 'a reviewer does not approve');
      await assert.rejects(approveAndPublish(ctx, people.otherLeader!, versionId), /找不到/, "another agency's leader does not see it");
      // The database itself refuses a published version without a recorded review and approval.
      const { versionId: raw } = await createItem(ctx, people.editor!, chaqi, form({ title: '绕过流程的尝试' }));
      await assert.rejects(sql`UPDATE item_versions SET state = 'published' WHERE id = ${raw}`.execute(ctx.db));
      assert.equal((await getVersion(ctx.db, raw))!.state, 'draft');
    });

    test('the author cannot review the own item even holding the reviewer role', async () => {
      const { ctx } = get();
      const { versionId } = await createItem(ctx, people.editorAndReviewer!, chaqi, form({ title: '自己起草自己审查' }));
      await submitForReview(ctx, people.editorAndReviewer!, versionId);
      assert.deepEqual(await fields(recordReview(ctx, people.editorAndReviewer!, versionId, '同意')), ['GK_REVIEWER_IS_AUTHOR']);
    });

    test('索引号 stay unique when many items are published at once', async () => {
      const { ctx } = get();
      const versions: number[] = [];
      for (let i = 0; i < 8; i++) {
        const { versionId } = await createItem(ctx, people.editor!, chaqi, form({ title: `并发公开测试${i}` }));
        await submitForReview(ctx, people.editor!, versionId);
        await recordReview(ctx, people.reviewer!, versionId, '同意');
        versions.push(versionId);
      }
      const results = await Promise.all(versions.map((v) => approveAndPublish(ctx, people.leader!, v)));
      const numbers = results.map((r) => r.indexNo);
      assert.equal(new Set(numbers).size, numbers.length, numbers.join(' '));
    });

    test('bad input names its field and saves nothing', async () => {
      const { ctx } = get();
      const before = Number(
        (
          await ctx.db
            .selectFrom('catalogue_items')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
      assert.deepEqual(await fields(createItem(ctx, people.editor!, chaqi, form({ title: '  ' }))), ['GK_TITLE_REQUIRED']);
      assert.deepEqual(await fields(createItem(ctx, people.editor!, chaqi, form({ generatedDate: '2026-12-25' }))), ['GK_DATE_ORDER']);
      assert.equal(
        Number(
          (
            await ctx.db
              .selectFrom('catalogue_items')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
        before,
      );

      const { versionId } = await createItem(ctx, people.editor!, chaqi, form({ title: '附件检查' }));
      const pdf = new TextEncoder().encode('%PDF-1.4\n%fake\n');
      assert.deepEqual(await fields(addAttachment(ctx, people.editor!, versionId, { filename: '伪装.docx', bytes: pdf })), ['GK_ATTACHMENT_TYPE']);
      const big = new Uint8Array(20 * 1024 * 1024 + 1);
      big.set(new TextEncoder().encode('%PDF-1.4\n'));
      assert.deepEqual(await fields(addAttachment(ctx, people.editor!, versionId, { filename: '太大.pdf', bytes: big })), ['GK_ATTACHMENT_TYPE']);
      assert.deepEqual(await attachmentsOf(ctx.db, versionId), []);
      assert.deepEqual(await fields(saveDraft(ctx, people.editor!, versionId, form({ title: '附件检查', writtenDate: '2026-11-25' }))), ['GK_DATE_ORDER']);
      assert.equal((await getVersion(ctx.db, versionId))!.written_date, null);
    });

    test('a returned version is edited and reviewed afresh; attachments come and go only on drafts', async () => {
      const { ctx } = get();
      const { versionId } = await createItem(ctx, people.editor!, chaqi, form({ title: '退回再审' }));
      const attachment = await addAttachment(ctx, people.editor!, versionId, { filename: 'a.docx', bytes: await docxWith('无个人信息') });
      await submitForReview(ctx, people.editor!, versionId);
      assert.deepEqual(await fields(removeAttachment(ctx, people.editor!, attachment)), ['GK_NOT_EDITABLE']);
      await recordReview(ctx, people.reviewer!, versionId, '同意');
      await returnVersion(ctx, people.leader!, versionId, '请补充文号');
      const returned = (await getVersion(ctx.db, versionId))!;
      assert.equal(returned.state, 'returned');
      assert.equal(returned.reviewed_by, null, 'the review does not carry over');
      await saveDraft(ctx, people.editor!, versionId, form({ title: '退回再审', docNo: '插政发〔2026〕9号' }));
      await removeAttachment(ctx, people.editor!, attachment);
      await submitForReview(ctx, people.editor!, versionId);
      assert.equal((await getVersion(ctx.db, versionId))!.state, 'inReview');
    });

    test('a correction is a new version with its reason; the 索引号 stays; withdrawal keeps the record', async () => {
      const { ctx } = get();
      const { itemId, versionId } = await createItem(ctx, people.editor!, chaqi, form({ title: '插旗镇停水通知' }));
      await submitForReview(ctx, people.editor!, versionId);
      await recordReview(ctx, people.reviewer!, versionId, '同意');
      const { indexNo } = await approveAndPublish(ctx, people.leader!, versionId);
      const firstPublished = (await getItemRow(ctx.db, itemId))!.published_at;
      assert.deepEqual(await fields(startCorrection(ctx, people.editor!, itemId, ' ')), ['GK_REASON_REQUIRED']);
      const v2 = await startCorrection(ctx, people.editor!, itemId, '停水时间有误，更正为11月28日');
      assert.deepEqual(await fields(startCorrection(ctx, people.editor!, itemId, '再次更正')), ['GK_CORRECTION_OPEN']);
      await saveDraft(ctx, people.editor!, v2, form({ title: '插旗镇停水通知', body: '11月28日停水。' }));
      await submitForReview(ctx, people.editor!, v2);
      await recordReview(ctx, people.reviewer!, v2, '同意');
      assert.equal((await approveAndPublish(ctx, people.leader!, v2)).indexNo, indexNo);
      const versions = await versionsOf(ctx.db, itemId);
      assert.deepEqual(
        versions.map((v) => [v.version, v.state]),
        [
          [2, 'published'],
          [1, 'superseded'],
        ],
      );
      assert.equal(versions[0]!.change_note, '停水时间有误，更正为11月28日');
      const item = (await getItemRow(ctx.db, itemId))!;
      assert.equal(item.body, '11月28日停水。');
      assert.equal(item.published_at, firstPublished, '公开日期 is the first publication');

      assert.deepEqual(await fields(withdrawItem(ctx, people.editor!, itemId, '重复发布')), ['FORBIDDEN']);
      await withdrawItem(ctx, people.leader!, itemId, '与另一条信息重复');
      const withdrawn = (await getItemRow(ctx.db, itemId))!;
      assert.equal(withdrawn.status, 'withdrawn');
      assert.equal(withdrawn.withdrawn_reason, '与另一条信息重复');
      assert.equal(withdrawn.index_no, indexNo);
      assert.ok(!(await searchItems(ctx.db, { text: '停水', limit: 10, offset: 0 })).hits.some((h) => h.itemId === itemId));
    });
  },
  async (t: TestDatabase) => void (await loadDemo(t.ctx)),
);
