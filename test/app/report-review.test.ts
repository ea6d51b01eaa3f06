/**
 * 保密审查 of annual reports (issue 9), on both databases: a report is published only on a
 * recorded review of the very content published — a change of the narrative or the numbers
 * after the review, or a second publication, needs a review of its own.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { loadDemo } from '../../src/app/demo/load.ts';
import { resolveAgency } from '../../src/app/agencies/resolve.ts';
import { recordDecisionStatistics } from '../../src/app/records/decision-statistics.ts';
import { saveReportNarrative } from '../../src/app/reports/narrative.ts';
import { publishAnnualReport } from '../../src/app/reports/publish.ts';
import { recordReportReview } from '../../src/app/reports/review.ts';
import type { Actor } from '../../src/domain/access/policy.ts';
import { ForbiddenError, InputError } from '../../src/domain/shared/result.ts';
import { reviewOpinions } from '../../src/law/secrecy.ts';
import { eventsFor } from '../../src/store/events.repo.ts';
import { getNarrative, reportVersions } from '../../src/store/reports.repo.ts';
import { eachDialect } from '../helpers/db.ts';
import { userId } from '../helpers/catalogue.ts';

const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (e instanceof InputError) return e.errors.map((x) => `${x.field}:${x.code}`);
    if (e instanceof ForbiddenError) return ['FORBIDDEN'];
    throw e;
  }
  return [];
};

eachDialect(
  'annual report 保密审查',
  (get) => {
    let wanyu: number;
    let staff: Record<'editor' | 'reviewer' | 'leader' | 'adminReviewer', Actor>;
    before(async () => {
      const { ctx } = get();
      wanyu = (await resolveAgency(ctx, '万庾镇')).id;
      const as = async (username: string, ...roles: Actor['roles'][number]['role'][]) => ({
        id: await userId(ctx, username),
        roles: roles.map((role) => ({ role, agencyId: wanyu })),
      });
      staff = {
        editor: await as('wanyu-editor', 'editor'),
        reviewer: await as('wanyu-reviewer', 'reviewer'),
        leader: await as('wanyu-leader', 'leader'),
        adminReviewer: await as('wanyu-agency-admin', 'agencyAdmin', 'reviewer'),
      };
    });
    const review = (actor: Actor, year: number, opinion: string = reviewOpinions.clear.text) =>
      recordReportReview(get().ctx, actor, { agencyId: wanyu, year, opinion });
    const publish = (year: number, reason?: string) => publishAnnualReport(get().ctx, staff.leader, { agencyId: wanyu, year, reason: reason ?? null });

    test('no review, no publication; only a reviewer of the agency reviews, with an opinion', async () => {
      assert.deepEqual(await refusal(publish(2024)), ['review:GK_REPORT_NOT_REVIEWED']);
      assert.deepEqual(await refusal(review(staff.leader, 2024)), ['FORBIDDEN']);
      assert.deepEqual(await refusal(review(staff.editor, 2024)), ['FORBIDDEN']);
      assert.deepEqual(await refusal(review(staff.reviewer, 2024, '  ')), ['opinion:GK_OPINION_REQUIRED']);
      assert.deepEqual(await reportVersions(get().ctx.db, wanyu, 2024), []);
    });

    test('a narrative changed after the review makes it void; the version published records its review', async () => {
      const { ctx } = get();
      await review(staff.reviewer, 2024);
      const n = (await getNarrative(ctx.db, wanyu, 2024))!;
      await saveReportNarrative(ctx, staff.editor, { agencyId: wanyu, year: 2024, ...n, other: `${n.other}\n本年度未收到人大代表建议和政协委员提案。` });
      assert.deepEqual(await refusal(publish(2024)), ['review:GK_REPORT_CHANGED_SINCE_REVIEW']);
      const reviewId = await review(staff.reviewer, 2024, '经审查，年度报告不涉及国家秘密，同意发布。');
      await publish(2024);
      const [v] = await reportVersions(ctx.db, wanyu, 2024);
      assert.equal(v!.reviewId, reviewId);
      const events = await eventsFor(ctx.db, 'annualReport', `${wanyu}/2024`);
      assert.deepEqual(
        events.filter((e) => e.action === 'report.reviewed').map((e) => e.reason),
        [reviewOpinions.clear.text, '经审查，年度报告不涉及国家秘密，同意发布。'],
      );
    });

    test('a correction needs a review of its own', async () => {
      assert.deepEqual(await refusal(publish(2024, '更正第六部分')), ['review:GK_REPORT_REVIEW_USED']);
      await review(staff.reviewer, 2024);
      const r = await publish(2024, '更正第六部分');
      assert.equal(r.version, 2);
    });

    test('the reviewer does not publish what they reviewed, whatever roles they hold (issue 15)', async () => {
      const reviewerAndLeader = { id: staff.reviewer.id, roles: [...staff.reviewer.roles, ...staff.leader.roles] };
      await review(reviewerAndLeader, 2024);
      assert.deepEqual(await refusal(publishAnnualReport(get().ctx, reviewerAndLeader, { agencyId: wanyu, year: 2024, reason: '更正第五部分' })), [
        'review:GK_PUBLISHER_IS_REVIEWER',
      ]);
      assert.equal((await publish(2024, '更正第五部分')).version, 3);
    });

    test('numbers changed after the review make it void too', async () => {
      const { ctx } = get();
      await review(staff.reviewer, 2025);
      await recordDecisionStatistics(ctx, staff.editor, {
        agencyId: wanyu,
        year: 2025,
        licensing: '3',
        penalty: '7',
        coercion: '0',
        feesYuan: '0',
        note: '据执法台账',
      });
      // Refused with the report's errors (no narrative yet) and the void review, all named at once.
      const r = await refusal(publish(2025));
      assert.ok(r.includes('review:GK_REPORT_CHANGED_SINCE_REVIEW'), r.join());
    });

    test('the one who last wrote the narrative does not review it', async () => {
      const { ctx } = get();
      const n = (await getNarrative(ctx.db, wanyu, 2025)) ?? { overview: '', problems: '', other: '', signer: '', signedDate: null };
      await saveReportNarrative(ctx, staff.adminReviewer, {
        agencyId: wanyu,
        year: 2025,
        overview: n.overview,
        problems: n.problems,
        other: `${n.other}本年度未收取信息处理费。`,
        signer: n.signer,
        signedDate: n.signedDate,
      });
      assert.deepEqual(await refusal(review(staff.adminReviewer, 2025)), ['opinion:GK_REVIEWER_IS_AUTHOR']);
      assert.equal(typeof (await review(staff.reviewer, 2025)), 'number');
    });
  },
  async (t) => void (await loadDemo(t.ctx)),
);
