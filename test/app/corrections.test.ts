/**
 * 更正 requests (条例 第四十一条) through the app functions on both databases: registered
 * with the county's time limit, decided with each decision's letters, kept out of table 三,
 * and their due dates counted again when the calendar changes.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { loadDemo } from '../../src/app/demo/load.ts';
import { resolveAgency } from '../../src/app/agencies/resolve.ts';
import { correctionFor, decideCorrection, lettersOfCorrection, registerCorrection } from '../../src/app/corrections/corrections.ts';
import { saveCountyLimits } from '../../src/app/supervision/limits.ts';
import { removeCalendarOverride, setCalendarOverride } from '../../src/app/calendar/overrides.ts';
import { computeAgencyReport } from '../../src/app/reports/compute.ts';
import type { Actor } from '../../src/domain/access/policy.ts';
import type { CorrectionForm } from '../../src/domain/corrections/correction.ts';
import { ForbiddenError, InputError, NotFoundError } from '../../src/domain/shared/result.ts';
import { eachDialect, type TestDatabase } from '../helpers/db.ts';

const form = (over: Partial<CorrectionForm> = {}): CorrectionForm => ({
  applicantType: 'naturalPerson',
  name: '李四',
  phone: '13973012345',
  email: '',
  address: '湖南省华容县插旗镇插旗村',
  record: '2025年插旗镇城乡低保对象名单中李四的家庭人口数',
  requestedChange: '家庭人口数应为4人，名单写为3人',
  evidence: '户口簿复印件一份',
  channel: 'inPerson',
  receivedDate: '2026-11-02',
  ...over,
});

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

eachDialect(
  '更正 requests',
  (get) => {
    let chaqi: number;
    let county: number;
    let people: Record<string, Actor>;
    before(async () => {
      const { ctx } = get();
      chaqi = (await resolveAgency(ctx, '插旗镇')).id;
      county = (await resolveAgency(ctx, '华容县人民政府')).id;
      const users = await ctx.db.selectFrom('users').select(['id', 'username']).execute();
      const id = (u: string) => users.find((x) => x.username === u)!.id;
      people = {
        editor: { id: id('chaqi-editor'), roles: [{ role: 'editor', agencyId: chaqi }] },
        reviewer: { id: id('chaqi-reviewer'), roles: [{ role: 'reviewer', agencyId: chaqi }] },
        other: { id: id('zhanghua-editor'), roles: [{ role: 'editor', agencyId: (await resolveAgency(ctx, '章华镇')).id }] },
        supervisor: { id: id('county-supervisor'), roles: [{ role: 'countySupervisor', agencyId: county }] },
        admin: { id: id('platform-admin'), roles: [{ role: 'platformAdmin', agencyId: null }] },
      };
    });

    test('registered on 2026-11-02: due in the county default of 20 working days; others find nothing', async () => {
      const { ctx } = get();
      const r = await registerCorrection(ctx, people.editor!, chaqi, form());
      assert.match(r.receiptNo, /^GZ2026-\d{5}$/);
      const c = await correctionFor(ctx, people.editor!, r.id, 'requests.view');
      assert.equal(c.view.due.due, '2026-11-30');
      assert.equal(c.row.due_date, '2026-11-30');
      assert.equal(c.view.state, 'open');
      assert.deepEqual(await codes(correctionFor(ctx, people.other!, r.id, 'requests.view')), ['NOT_FOUND']);
      assert.deepEqual(await codes(decideCorrection(ctx, people.reviewer!, r.id, { decision: 'refused', on: '2026-11-20', reason: '记录准确' })), [
        'FORBIDDEN',
      ]);
      assert.deepEqual(await codes(registerCorrection(ctx, people.other!, chaqi, form())), ['NOT_FOUND']);
    });

    test('bad input names each field and saves nothing', async () => {
      const { ctx } = get();
      const count = async () =>
        Number(
          (
            await ctx.db
              .selectFrom('correction_requests')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const n = await count();
      assert.deepEqual(
        await codes(
          registerCorrection(ctx, people.editor!, chaqi, form({ evidence: ' ', phone: '', address: '', receivedDate: '2026-12-01', channel: 'online' })),
        ),
        ['phone:GK_CONTACT', 'evidence:GK_REQUIRED', 'channel:GK_CHANNEL', 'receivedDate:GK_DATE_FUTURE'],
      );
      assert.equal(await count(), n);
    });

    test('the county sets the time limit; a request keeps the limit of the day it was received', async () => {
      const { ctx } = get();
      assert.deepEqual(await codes(saveCountyLimits(ctx, people.editor!, county, { correctionDays: '10', complaintDays: '15' })), ['FORBIDDEN']);
      assert.deepEqual(await codes(saveCountyLimits(ctx, people.supervisor!, county, { correctionDays: '2', complaintDays: 'x' })), [
        'correctionDays:GK_LIMIT_DAYS',
        'complaintDays:GK_LIMIT_DAYS',
      ]);
      const before = await registerCorrection(ctx, people.editor!, chaqi, form());
      await saveCountyLimits(ctx, people.supervisor!, county, { correctionDays: '10', complaintDays: '15' });
      const after = await registerCorrection(ctx, people.editor!, chaqi, form());
      assert.equal((await correctionFor(ctx, people.editor!, before.id, 'requests.view')).view.due.due, '2026-11-30');
      assert.equal((await correctionFor(ctx, people.editor!, after.id, 'requests.view')).view.due.due, '2026-11-16');
      await saveCountyLimits(ctx, people.supervisor!, county, { correctionDays: '20', complaintDays: '20' });
    });

    test('更正并告知: the decision closes the request and issues its letter, with remedies of the letter date', async () => {
      const { ctx } = get();
      const { id } = await registerCorrection(ctx, people.editor!, chaqi, form());
      assert.deepEqual(await codes(decideCorrection(ctx, people.editor!, id, { decision: 'corrected', on: '2026-11-20', correctionResult: ' ' })), [
        'correctionResult:GK_REQUIRED',
      ]);
      assert.deepEqual(await codes(decideCorrection(ctx, people.editor!, id, { decision: 'corrected', on: '2026-10-20', correctionResult: 'x' })), [
        'on:GK_DATE_BEFORE_RECEIPT',
      ]);
      await decideCorrection(ctx, people.editor!, id, { decision: 'corrected', on: '2026-11-20', correctionResult: '名单中李四的家庭人口数已更正为4人' });
      const c = await correctionFor(ctx, people.editor!, id, 'requests.view');
      assert.equal(c.view.state, 'closed');
      assert.equal(c.row.decision, 'corrected');
      const letters = await lettersOfCorrection(ctx, id);
      assert.deepEqual(
        letters.map((l) => l.kind),
        ['correctionMade'],
      );
      const l = letters[0]!.content;
      assert.equal(l.title, '政府信息更正告知书');
      assert.match(l.number, /^插旗镇更正〔2026〕1号$/);
      assert.equal(l.addressee, '李四');
      assert.equal(
        l.paragraphs[0],
        `本机关于2026年11月2日收到您提出的政府信息更正申请（申请编号：${c.row.receipt_no}），认为本机关提供的“2025年插旗镇城乡低保对象名单中李四的家庭人口数”记录不准确，要求更正。`,
      );
      assert.ok(l.paragraphs[1]!.endsWith('本机关已予以更正：名单中李四的家庭人口数已更正为4人。'));
      assert.match(l.paragraphs.at(-1)!, /华容县人民政府申请行政复议，或者自收到本答复之日起六个月内依法向人民法院提起行政诉讼。$/);
      assert.deepEqual(await codes(decideCorrection(ctx, people.editor!, id, { decision: 'refused', on: '2026-11-21', reason: 'x' })), [
        'state:GK_CASE_CLOSED',
      ]);
    });

    test('转送: a letter to the agency with the power and a notice to the applicant; 告知 and 不予更正 each their own', async () => {
      const { ctx } = get();
      const a = await registerCorrection(ctx, people.editor!, chaqi, form({ applicantType: 'commercial', name: '华容县某某农业合作社' }));
      assert.deepEqual(await codes(decideCorrection(ctx, people.editor!, a.id, { decision: 'forwarded', on: '2026-11-10' })), ['competentAgency:GK_REQUIRED']);
      await decideCorrection(ctx, people.editor!, a.id, {
        decision: 'forwarded',
        on: '2026-11-10',
        competentAgency: '华容县民政局',
        reason: '低保对象的家庭人口由县民政局审核确认',
      });
      const [forwarding, notice] = (await lettersOfCorrection(ctx, a.id)).map((l) => l.content);
      assert.equal(forwarding!.title, '政府信息更正申请转送函');
      assert.equal(forwarding!.addressee, '华容县民政局');
      assert.ok(forwarding!.paragraphs[1]!.includes('低保对象的家庭人口由县民政局审核确认。根据'));
      assert.equal(notice!.title, '政府信息更正申请转送告知书');
      assert.equal(notice!.addressee, '华容县某某农业合作社');
      assert.ok(notice!.paragraphs[1]!.includes('本机关已于2026年11月10日将贵单位的申请转送有权更正的华容县民政局处理'));
      assert.equal(notice!.paragraphs.length, 2, 'a forwarding notice decides nothing: no remedies');

      const b = await registerCorrection(ctx, people.editor!, chaqi, form());
      await decideCorrection(ctx, people.editor!, b.id, { decision: 'referred', on: '2026-11-11', competentAgency: '华容县公安局插旗派出所', reason: '' });
      const referred = (await lettersOfCorrection(ctx, b.id))[0]!.content;
      assert.ok(
        referred.paragraphs[1]!.endsWith(
          '不属于本机关职能范围，根据《中华人民共和国政府信息公开条例》第四十一条的规定，请您向有权更正的华容县公安局插旗派出所提出。',
        ),
      );

      const c = await registerCorrection(ctx, people.editor!, chaqi, form());
      assert.deepEqual(await codes(decideCorrection(ctx, people.editor!, c.id, { decision: 'refused', on: '2026-11-12' })), ['reason:GK_REQUIRED']);
      await decideCorrection(ctx, people.editor!, c.id, { decision: 'refused', on: '2026-11-12', reason: '经核对户籍档案，2025年申报时家庭人口为3人' });
      const refused = (await lettersOfCorrection(ctx, c.id))[0]!.content;
      assert.equal(refused.title, '政府信息不予更正告知书');
      assert.ok(refused.paragraphs[1]!.includes('理由如下：经核对户籍档案，2025年申报时家庭人口为3人。根据'));
    });

    test('not a disclosure application: table 三 of the year stays as it was', async () => {
      const { ctx } = get();
      const agency = await resolveAgency(ctx, '插旗镇');
      const before = (await computeAgencyReport(ctx, agency, 2025)).report.applications;
      const { id } = await registerCorrection(ctx, people.editor!, chaqi, form({ receivedDate: '2025-06-03' }));
      await decideCorrection(ctx, people.editor!, id, { decision: 'corrected', on: '2025-06-10', correctionResult: '已更正' });
      assert.deepEqual((await computeAgencyReport(ctx, agency, 2025)).report.applications, before);
    });

    test('a calendar change counts the due date of an open request again, in its ledger', async () => {
      const { ctx } = get();
      const { id } = await registerCorrection(ctx, people.editor!, chaqi, form({ receivedDate: '2026-11-04' }));
      assert.equal((await correctionFor(ctx, people.editor!, id, 'requests.view')).view.due.due, '2026-12-02');
      await setCalendarOverride(ctx, people.admin!, { date: '2026-12-01', kind: 'holiday', reason: '县庆放假一天' });
      const c = await correctionFor(ctx, people.editor!, id, 'requests.view');
      assert.equal(c.view.due.due, '2026-12-03');
      assert.equal(c.row.due_date, '2026-12-03');
      assert.deepEqual(c.events.at(-1), { act: 'deadlinesRecomputed', on: '2026-11-27', before: '2026-12-02', after: '2026-12-03' });
      await removeCalendarOverride(ctx, people.admin!, '2026-12-01', '误录');
      assert.equal((await correctionFor(ctx, people.editor!, id, 'requests.view')).row.due_date, '2026-12-02');
    });
  },
  async (t: TestDatabase) => void (await loadDemo(t.ctx)),
);
