/**
 * Issue 9 points 3–5 through the app functions on both databases: the county's default
 * 补正期限 and a late notice shown on the supervision data, a posted letter's receipt recorded
 * later, and the 决定公开告知书 before a disclosure over an objection.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { loadDemo } from '../../src/app/demo/load.ts';
import { resolveAgency } from '../../src/app/agencies/resolve.ts';
import { consultThirdParty, lapseCorrection, recordThirdPartyOpinion, reply, requestCorrection } from '../../src/app/requests/acts.ts';
import { decideDisclosure, recordLetterReceipt } from '../../src/app/requests/delivery.ts';
import { procedureDefectsOfYear } from '../../src/app/requests/defects.ts';
import { registerApplication } from '../../src/app/requests/intake.ts';
import { caseDetail } from '../../src/app/requests/read.ts';
import { correctionDefaultDays, saveCorrectionDefault } from '../../src/app/requests/settings.ts';
import type { Actor } from '../../src/domain/access/policy.ts';
import { InputError, NotFoundError } from '../../src/domain/shared/result.ts';
import { eachDialect, type TestDatabase } from '../helpers/db.ts';
import { personApplication } from '../helpers/applications.ts';

const codes = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (e instanceof InputError) return e.errors.map((x) => `${x.field}:${x.code}`);
    if (e instanceof NotFoundError) return ['NOT_FOUND'];
    throw e;
  }
  return [];
};

eachDialect(
  'procedure of disclosure requests',
  (get) => {
    let chaqi: number;
    let county: number;
    let editor: Actor;
    let supervisor: Actor;
    before(async () => {
      const { ctx } = get();
      chaqi = (await resolveAgency(ctx, '插旗镇')).id;
      county = (await ctx.db.selectFrom('agencies').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow()).id;
      const users = await ctx.db.selectFrom('users').select(['id', 'username']).execute();
      const id = (u: string) => users.find((x) => x.username === u)!.id;
      editor = { id: id('chaqi-editor'), roles: [{ role: 'editor', agencyId: chaqi }] };
      supervisor = { id: id('county-supervisor'), roles: [{ role: 'countySupervisor', agencyId: county }] };
    });

    test('the county sets the default 补正期限; a late notice needs its reason and shows on the supervision data', async () => {
      const { ctx } = get();
      assert.equal(await correctionDefaultDays(ctx.db, chaqi), 10);
      assert.deepEqual(await codes(saveCorrectionDefault(ctx, editor, county, '15')), ['NOT_FOUND']);
      assert.deepEqual(await codes(saveCorrectionDefault(ctx, supervisor, county, '30')), ['correctionWorkingDays:GK_CORRECTION_PERIOD']);
      await saveCorrectionDefault(ctx, supervisor, county, '15');
      assert.equal(await correctionDefaultDays(ctx.db, chaqi), 15);

      const { id } = await registerApplication(ctx, editor, chaqi, { channel: 'inPerson', receivedDate: '2025-03-03' }, personApplication(), []);
      const handed = { method: 'inPerson', on: '2025-03-14' };
      assert.deepEqual(
        await codes(
          requestCorrection(ctx, editor, id, { on: '2025-04-15', items: '请写明村名', lateReason: '出差', delivery: { method: 'inPerson', on: '2025-04-15' } }),
        ),
        ['on:GK_REPLY_OVERDUE'],
      );
      assert.deepEqual(await codes(requestCorrection(ctx, editor, id, { on: '2025-03-14', items: '请写明村名', delivery: handed })), [
        'lateReason:GK_CORRECTION_LATE',
      ]);
      assert.deepEqual(
        await codes(requestCorrection(ctx, editor, id, { on: '2025-03-14', items: '请写明村名', workingDays: '10', lateReason: '出差', delivery: handed })),
        ['periodReason:GK_CORRECTION_PERIOD_REASON'],
      );
      await requestCorrection(ctx, editor, id, { on: '2025-03-14', items: '请写明村名', lateReason: '承办人出差，未及时审查', delivery: handed });
      const d = await caseDetail(ctx, editor, id);
      assert.equal(d.view.correction?.due, '2025-04-07', '15 working days from the day it was handed over; 清明 04-04 off');
      assert.ok(d.letters.at(-1)!.content.paragraphs.join('').includes('自收到本告知书之日起15个工作日内（2025年4月7日前，含当日）补正'));
      const defects = await procedureDefectsOfYear(ctx, supervisor, county, 2025);
      assert.deepEqual(
        defects.filter((x) => x.caseId === id).map((x) => [x.label, x.on, x.reason]),
        [['逾期告知补正', '2025-03-14', '承办人出差，未及时审查']],
      );
      assert.equal(
        (await procedureDefectsOfYear(ctx, supervisor, county, 2024)).some((x) => x.caseId === id),
        false,
      );
      await saveCorrectionDefault(ctx, supervisor, county, '10');
    });

    test('a posted notice waits for its signed receipt: no lapse before, the period counted from it after', async () => {
      const { ctx } = get();
      const { id } = await registerApplication(ctx, editor, chaqi, { channel: 'inPerson', receivedDate: '2025-03-03' }, personApplication(), []);
      await requestCorrection(ctx, editor, id, { on: '2025-03-05', items: '请写明年份', delivery: { method: 'post' } });
      let d = await caseDetail(ctx, editor, id);
      assert.equal(d.view.correction?.due, null);
      assert.equal(d.row.next_due, null);
      assert.equal(d.row.next_due_kind, 'correction');
      assert.equal(d.letters.at(-1)!.delivery?.receivedOn, null);
      assert.ok(d.letters.at(-1)!.content.paragraphs.join('').includes('自收到本告知书之日起10个工作日内补正。'));
      assert.deepEqual(await codes(lapseCorrection(ctx, editor, id, { on: '2025-06-03', delivery: { method: 'post' } })), ['on:GK_AWAITING_DELIVERY']);
      const letterId = d.letters.at(-1)!.id;
      assert.deepEqual(await codes(recordLetterReceipt(ctx, editor, id, { letterId, on: '2025-03-04', method: 'post' })), ['on:GK_DATE_ORDER']);
      await recordLetterReceipt(ctx, editor, id, { letterId, on: '2025-03-10', method: 'post', proof: 'EMS1234567890' });
      d = await caseDetail(ctx, editor, id);
      assert.equal(d.view.correction?.due, '2025-03-24');
      assert.equal(d.row.next_due, '2025-03-24');
      assert.deepEqual(await codes(recordLetterReceipt(ctx, editor, id, { letterId, on: '2025-03-11', method: 'post' })), ['letter:GK_DELIVERED']);
      await lapseCorrection(ctx, editor, id, { on: '2025-03-25', delivery: { method: 'post' } });
      assert.equal((await caseDetail(ctx, editor, id)).row.outcome, 'otherDisposal.noCorrection');
    });

    test('after an objection, disclosure follows a 决定公开告知书 to the third party dated before the reply', async () => {
      const { ctx } = get();
      const { id } = await registerApplication(
        ctx,
        editor,
        chaqi,
        { channel: 'inPerson', receivedDate: '2025-03-03' },
        personApplication({ items: '插旗镇道路硬化工程验收资料' }),
        [],
      );
      await consultThirdParty(ctx, editor, id, { on: '2025-03-05', party: '湖南某某路桥建设有限公司', delivery: { method: 'post', on: '2025-03-07' } });
      await recordThirdPartyOpinion(ctx, editor, id, { on: '2025-03-10', opinion: 'objects', note: '涉及商业秘密' });
      const grant = (on: string) =>
        reply(ctx, editor, id, { on, items: [{ seq: 1, kind: 'grantProvide', values: { provision: '现将验收报告发送至您的电子邮箱。' } }] });
      assert.deepEqual(await codes(grant('2025-03-12')), ['objection:GK_THIRD_PARTY_OBJECTED']);
      assert.deepEqual(
        await codes(decideDisclosure(ctx, editor, id, { on: '2025-03-11', content: '工程验收报告', reason: '', delivery: { method: 'post' } })),
        ['reason:GK_PUBLIC_INTEREST'],
      );
      await decideDisclosure(ctx, editor, id, {
        on: '2025-03-11',
        content: '工程验收报告（隐去工艺参数）',
        reason: '该工程使用财政资金，验收结论关系公共安全',
        delivery: { method: 'post' },
      });
      await grant('2025-03-12');
      const d = await caseDetail(ctx, editor, id);
      const notice = d.letters.find((l) => l.kind === 'disclosureDecisionNotice')!;
      assert.equal(notice.content.addressee, '湖南某某路桥建设有限公司');
      assert.equal(notice.issuedOn, '2025-03-11');
      assert.ok(notice.issuedOn < d.letters.find((l) => l.kind === 'reply')!.issuedOn);
      assert.ok(notice.content.paragraphs.join('').includes('本机关于2025年3月5日书面征求贵方意见'));
      assert.equal(notice.delivery?.method, 'post');
      assert.equal(d.row.outcome, 'granted');
    });
  },
  async (t: TestDatabase) => void (await loadDemo(t.ctx)),
);
