/**
 * Secrecy markings stop publication (issue 9), through the app functions on both databases:
 * a marking cannot be masked nor waved through; the version is returned, or published after
 * a recorded 解密 with the marking as printed; the opinion rules; 全部遮蔽 of one kind; and
 * the database refusing what the app refuses.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { sql } from 'kysely';
import { loadDemo } from '../../src/app/demo/load.ts';
import { resolveAgency } from '../../src/app/agencies/resolve.ts';
import { createItem, saveDraft } from '../../src/app/catalog/drafts.ts';
import { publishedText } from '../../src/app/catalog/screening.ts';
import { approveAndPublish, declassifyHits, recordReview, returnVersion, settleAllOfKind, settleHit, submitForReview } from '../../src/app/catalog/workflow.ts';
import type { Actor } from '../../src/domain/access/policy.ts';
import { ForbiddenError, InputError } from '../../src/domain/shared/result.ts';
import { reviewOpinions } from '../../src/law/secrecy.ts';
import { getItemRow, getVersion, hitsOf } from '../../src/store/catalogue-versions.repo.ts';
import { eventsFor } from '../../src/store/events.repo.ts';
import { eachDialect } from '../helpers/db.ts';
import { validId } from '../helpers/files.ts';
import { chaqiStaff, itemForm } from '../helpers/catalogue.ts';

const codes = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (e instanceof InputError) return e.errors.map((x) => x.code);
    if (e instanceof ForbiddenError) return ['FORBIDDEN'];
    throw e;
  }
  return [];
};

const marked = {
  title: '关于2026年度防汛物资储备情况的通报',
  summary: '值班手机13973012348',
  body: '秘密★1年\n关于2026年度防汛物资储备情况的通报\n本通报为内部资料。联系人手机13973012345，备用手机13973012346，值班手机13973012347。',
};
const declassification = { docNo: '华防指解〔2026〕2号', date: '2026-11-20', authority: '华容县防汛抗旱指挥部' };

eachDialect(
  'secrecy markings',
  (get) => {
    let chaqi: number;
    let people: Record<'editor' | 'reviewer' | 'leader', Actor>;
    before(async () => {
      chaqi = (await resolveAgency(get().ctx, '插旗镇')).id;
      people = await chaqiStaff(get().ctx, chaqi);
    });

    test('hits are numbered 1…n by location, then position; a marking cannot be masked; 全部遮蔽 settles one kind in one act', async () => {
      const { ctx } = get();
      const { itemId, versionId } = await createItem(ctx, people.editor, chaqi, itemForm(marked));
      await submitForReview(ctx, people.editor, versionId);
      const hits = await hitsOf(ctx.db, versionId);
      assert.deepEqual(
        hits.map((h) => [h.number, h.kind, h.location]),
        [
          [1, 'mobile', '内容概述'],
          [2, 'secrecyMarking', '正文'],
          [3, 'secrecyMarking', '正文'],
          [4, 'mobile', '正文'],
          [5, 'mobile', '正文'],
          [6, 'mobile', '正文'],
        ],
      );
      const [star, internal] = hits.filter((h) => h.kind === 'secrecyMarking');
      assert.deepEqual([star!.value, internal!.value], ['秘密★1年', '内部资料']);

      assert.deepEqual(await codes(settleHit(ctx, people.reviewer, star!.id, 'redacted', '')), ['GK_MARKING_NOT_MASKABLE']);
      assert.deepEqual(await codes(settleHit(ctx, people.reviewer, internal!.id, 'justified', '仅为文件说明')), ['GK_MARKING_NOT_MASKABLE']);
      assert.deepEqual(await codes(settleHit(ctx, people.reviewer, star!.id, 'declassified', '')), ['GK_RESOLUTION'], 'a 解密 needs its record');
      assert.deepEqual(await codes(settleAllOfKind(ctx, people.reviewer, versionId, 'secrecyMarking')), ['GK_MARKING_NOT_MASKABLE']);
      assert.deepEqual(await codes(settleAllOfKind(ctx, people.editor, versionId, 'mobile')), ['FORBIDDEN']);

      assert.equal(await settleAllOfKind(ctx, people.reviewer, versionId, 'mobile'), 4);
      const after = await hitsOf(ctx.db, versionId);
      assert.deepEqual(
        after.map((h) => h.resolution),
        ['redacted', null, null, 'redacted', 'redacted', 'redacted'],
      );
      const settledEvents = (await eventsFor(ctx.db, 'catalogueItem', itemId)).filter((e) => e.action === 'catalogue.hitsSettled');
      assert.equal(settledEvents.length, 1, 'one audit event for the act');
      assert.deepEqual(JSON.parse(String(settledEvents[0]!.payload)).numbers, [1, 4, 5, 6]);
      assert.deepEqual(await codes(settleAllOfKind(ctx, people.reviewer, versionId, 'mobile')), ['GK_NOTHING_TO_SETTLE']);

      // The opinion: "不涉及国家秘密" is refused while a marking is not declassified; any other too.
      assert.deepEqual(await codes(recordReview(ctx, people.reviewer, versionId, reviewOpinions.clear.text)), ['GK_OPINION_CONTRADICTS_MARKING']);
      assert.deepEqual(await codes(recordReview(ctx, people.reviewer, versionId, '同意遮蔽后公开')), ['GK_MARKING_UNRESOLVED']);
      assert.equal((await getVersion(ctx.db, versionId))!.state, 'inReview');

      // The database refuses too: a masked marking, and a publication around the app.
      await assert.rejects(sql`UPDATE screening_hits SET resolution = 'redacted' WHERE id = ${star!.id}`.execute(ctx.db), /只能以登记完整的解密决定处理/);
      await assert.rejects(
        sql`UPDATE screening_hits SET resolution = 'declassified' WHERE id = ${star!.id}`.execute(ctx.db),
        /解密/,
        'a 解密 without its record',
      );
      await assert.rejects(
        sql`UPDATE item_versions SET state = 'published', reviewed_by = ${people.reviewer.id}, review_opinion = '同意', approved_by = ${people.leader.id} WHERE id = ${versionId}`.execute(
          ctx.db,
        ),
        /密级标识未经解密，不得公开/,
      );
      assert.equal((await getVersion(ctx.db, versionId))!.state, 'inReview');
      assert.equal((await getItemRow(ctx.db, itemId))!.status, 'draft');

      // 退回, the editor removes the marked words, and it goes through; the masked numbers stay settled.
      await returnVersion(ctx, people.reviewer, versionId, '正文标有密级“秘密★1年”和“内部资料”，请删除后重新提交');
      await saveDraft(ctx, people.editor, versionId, itemForm({ ...marked, body: marked.body.replace('秘密★1年\n', '').replace('本通报为内部资料。', '') }));
      await submitForReview(ctx, people.editor, versionId);
      const again = await hitsOf(ctx.db, versionId);
      assert.deepEqual(
        again.map((h) => [h.number, h.kind, h.resolution]),
        [
          [1, 'mobile', 'redacted'],
          [2, 'mobile', 'redacted'],
          [3, 'mobile', 'redacted'],
          [4, 'mobile', 'redacted'],
        ],
      );
      await recordReview(ctx, people.reviewer, versionId, reviewOpinions.masked.text);
      await approveAndPublish(ctx, people.leader, versionId);
      const item = (await getItemRow(ctx.db, itemId))!;
      assert.ok(!item.body.includes('秘密') && item.body.includes('139****2345'), item.body);
    });

    test('a recorded 解密 settles the markings: published as printed, personal data still masked', async () => {
      const { ctx } = get();
      const { itemId, versionId } = await createItem(
        ctx,
        people.editor,
        chaqi,
        itemForm({ ...marked, summary: '', body: `${marked.body}\n经办人身份证号${validId}。` }),
      );
      await submitForReview(ctx, people.editor, versionId);
      const hits = await hitsOf(ctx.db, versionId);
      const star = hits.find((h) => h.value === '秘密★1年')!;
      const id = hits.find((h) => h.kind === 'idNumber')!;

      assert.deepEqual(await codes(declassifyHits(ctx, people.reviewer, star.id, { docNo: ' ', date: '', authority: '' })), [
        'GK_DECLASSIFICATION_REQUIRED',
        'GK_DECLASSIFICATION_REQUIRED',
        'GK_DECLASSIFICATION_REQUIRED',
      ]);
      assert.deepEqual(
        await codes(declassifyHits(ctx, people.reviewer, star.id, { ...declassification, date: '2026-11-28' })),
        ['GK_DATE_ORDER'],
        'not in the future',
      );
      assert.deepEqual(await codes(declassifyHits(ctx, people.reviewer, id.id, declassification)), ['GK_NOT_A_MARKING']);
      assert.deepEqual(await codes(declassifyHits(ctx, people.editor, star.id, declassification)), ['FORBIDDEN']);
      assert.ok(
        (await hitsOf(ctx.db, versionId)).every((h) => h.resolution === null),
        'nothing half-written',
      );

      assert.equal(await declassifyHits(ctx, people.reviewer, star.id, declassification, { allMarkings: true }), 2);
      const markings = (await hitsOf(ctx.db, versionId)).filter((h) => h.kind === 'secrecyMarking');
      for (const h of markings) {
        assert.deepEqual(
          [h.resolution, h.decl_doc_no, h.decl_date, h.decl_authority, h.resolved_by],
          ['declassified', ...Object.values(declassification), people.reviewer.id],
        );
      }
      const event = (await eventsFor(ctx.db, 'catalogueItem', itemId)).find((e) => e.action === 'catalogue.hitsDeclassified')!;
      assert.match(JSON.parse(String(event.payload)).basis, /2024年修订）第二十四条/);

      await settleHit(ctx, people.reviewer, id.id, 'redacted', '');
      await settleAllOfKind(ctx, people.reviewer, versionId, 'mobile');
      await recordReview(ctx, people.reviewer, versionId, reviewOpinions.declassifiedMasked.text);
      const version = (await getVersion(ctx.db, versionId))!;
      const preview = await publishedText(ctx.db, version);
      await approveAndPublish(ctx, people.leader, versionId);
      const item = (await getItemRow(ctx.db, itemId))!;
      assert.ok(item.body.startsWith('秘密★1年\n') && item.body.includes('本通报为内部资料。'), 'the marking stays as printed');
      assert.ok(!item.body.includes('■'));
      assert.ok(!item.body.includes(validId) && item.body.includes('430623********1237'));
      assert.equal(item.body, preview.body, 'the approval preview is what the portal shows');
    });

    test('the opinion is required; after the markings are declassified "不涉及国家秘密" may be recorded', async () => {
      const { ctx } = get();
      const { versionId } = await createItem(ctx, people.editor, chaqi, itemForm({ title: '防汛值班安排', summary: '', body: '此件不得公开。' }));
      await submitForReview(ctx, people.editor, versionId);
      const [hit, ...rest] = await hitsOf(ctx.db, versionId);
      assert.deepEqual([hit!.kind, hit!.value, rest.length], ['secrecyMarking', '不得公开', 0]);
      await declassifyHits(ctx, people.reviewer, hit!.id, declassification);
      assert.deepEqual(await codes(recordReview(ctx, people.reviewer, versionId, '  ')), ['GK_OPINION_REQUIRED']);
      await recordReview(ctx, people.reviewer, versionId, reviewOpinions.clear.text);
      assert.equal((await getVersion(ctx.db, versionId))!.state, 'inApproval');
    });
  },
  async (t) => void (await loadDemo(t.ctx)),
);
