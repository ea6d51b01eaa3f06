/**
 * Disclosure cases through the app functions on both databases: registration on each
 * channel, online submission and confirmation, 补正, consultation, extension, fees, reply
 * letters, appeals reopening a case, the applicant's status page, calendar changes
 * recomputing open deadlines, and what the annual report counts.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { loadDemo } from '../../src/app/demo/load.ts';
import { resolveAgency } from '../../src/app/agencies/resolve.ts';
import {
  consultThirdParty,
  extendDeadline,
  lapseCorrection,
  lapseFee,
  noticeFee,
  quoteFee,
  receiveCorrection,
  recordFeePayment,
  recordThirdPartyOpinion,
  reply,
  requestCorrection,
  withdraw,
} from '../../src/app/requests/acts.ts';
import { concludeAppeal, recordAppeal } from '../../src/app/requests/appeals.ts';
import { setSetting } from '../../src/store/settings.repo.ts';
import { confirmSubmission, registerApplication, submitApplication } from '../../src/app/requests/intake.ts';
import { caseDashboard, caseDetail, registrationHints } from '../../src/app/requests/read.ts';
import { openReceiptView, receiptViewMinutes } from '../../src/app/requests/receipt-view.ts';
import { applicationStatus } from '../../src/app/requests/status.ts';
import { removeCalendarOverride, setCalendarOverride } from '../../src/app/calendar/overrides.ts';
import { computeAgencyReport } from '../../src/app/reports/compute.ts';
import { feesSentence } from '../../src/domain/reports/narrative.ts';
import type { Actor } from '../../src/domain/access/policy.ts';
import { ForbiddenError, InputError, NotFoundError } from '../../src/domain/shared/result.ts';
import { eachDialect, type TestDatabase } from '../helpers/db.ts';
import { validId } from '../helpers/files.ts';
import { personApplication } from '../helpers/applications.ts';

const person = (over: Record<string, unknown> = {}) => ({ ...personApplication(), ...over });

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
  'disclosure requests',
  (get) => {
    let chaqi: number;
    let people: Record<string, Actor>;
    before(async () => {
      const { ctx } = get();
      chaqi = (await resolveAgency(ctx, '插旗镇')).id;
      const users = await ctx.db.selectFrom('users').select(['id', 'username']).execute();
      const id = (u: string) => users.find((x) => x.username === u)!.id;
      people = {
        editor: { id: id('chaqi-editor'), roles: [{ role: 'editor', agencyId: chaqi }] },
        reviewer: { id: id('chaqi-reviewer'), roles: [{ role: 'reviewer', agencyId: chaqi }] },
        leader: { id: id('chaqi-leader'), roles: [{ role: 'leader', agencyId: chaqi }] },
        other: { id: id('zhanghua-editor'), roles: [{ role: 'editor', agencyId: (await resolveAgency(ctx, '章华镇')).id }] },
        admin: { id: id('platform-admin'), roles: [{ role: 'platformAdmin', agencyId: null }] },
      };
    });

    test('registered in person on 2024-02-08: reply due 2024-03-13, a receipt letter numbered for the agency', async () => {
      const { ctx } = get();
      const r = await registerApplication(ctx, people.editor!, chaqi, { channel: 'inPerson', receivedDate: '2024-02-08' }, person(), []);
      assert.match(r.receiptNo, /^YSQ2024-\d{5}$/);
      const d = await caseDetail(ctx, people.editor!, r.id);
      assert.equal(d.view.replyDue!.due, '2024-03-13');
      assert.equal(d.view.correctionNoticeDue.due, '2024-02-23');
      assert.equal(d.row.reply_due, '2024-03-13');
      assert.deepEqual(
        d.items.map((i) => i.description),
        ['2024年插旗镇城乡低保对象名单', '2024年插旗镇临时救助资金发放情况'],
      );
      assert.equal(d.letters.length, 1);
      assert.equal(d.letters[0]!.kind, 'receipt');
      assert.match(d.letters[0]!.number, /依申公开〔2024〕\d+号$/);
      assert.ok(d.letters[0]!.content.paragraphs.some((p) => p.includes('2024年3月13日')));
      assert.equal(d.applicant!.id_number, validId);
      // Another town's staff cannot see it; a reviewer may see but not act.
      assert.deepEqual(await codes(caseDetail(ctx, people.other!, r.id)), ['NOT_FOUND']);
      assert.deepEqual(await codes(requestCorrection(ctx, people.reviewer!, r.id, { on: '2024-02-20', items: '请写明村名' })), ['FORBIDDEN']);
    });

    test('补正 restarts the clock; third party stops it; extension; a 部分公开 reply sets the outcome and the letters', async () => {
      const { ctx } = get();
      const { id } = await registerApplication(ctx, people.editor!, chaqi, { channel: 'registeredPost', receivedDate: '2025-05-06' }, person(), []);
      await requestCorrection(ctx, people.editor!, id, { on: '2025-05-09', items: '请写明所在村组。', delivery: { method: 'email', on: '2025-05-09' } });
      let d = await caseDetail(ctx, people.editor!, id);
      assert.equal(d.view.state, 'awaitingCorrection');
      assert.equal(d.view.replyDue, null);
      assert.equal(d.row.next_due_kind, 'correction');
      await receiveCorrection(ctx, people.editor!, id, { on: '2025-05-12' });
      d = await caseDetail(ctx, people.editor!, id);
      assert.equal(d.view.clockStart, '2025-05-12');
      assert.equal(d.view.replyDue!.due, '2025-06-10'); // 20 WD from 05-12, 端午 05-31 to 06-02 skipped
      await consultThirdParty(ctx, people.editor!, id, { on: '2025-05-20', party: '华容县某某农业合作社', delivery: { method: 'email', on: '2025-05-20' } });
      d = await caseDetail(ctx, people.editor!, id);
      assert.equal(d.view.state, 'consulting');
      assert.equal(d.view.pending!.due, '2025-06-11');
      await recordThirdPartyOpinion(ctx, people.editor!, id, { on: '2025-05-30', opinion: 'objects', note: '涉及商业秘密' });
      await extendDeadline(ctx, people.leader!, id, { on: '2025-06-20', workingDays: 10, reason: '需要调取多个村的档案' });
      assert.deepEqual(await codes(extendDeadline(ctx, people.leader!, id, { on: '2025-06-20', workingDays: 5, reason: 'x' })), ['act:GK_EXTENDED_ONCE']);
      d = await caseDetail(ctx, people.editor!, id);
      const due = d.view.replyDue!.due;
      assert.ok(due > '2025-06-20');
      assert.deepEqual(
        await codes(
          reply(ctx, people.editor!, id, {
            on: '2025-06-25',
            items: [
              { seq: 1, kind: 'partial', values: { provision: '现将名单发送至您的电子邮箱。' } },
              { seq: 2, kind: 'grantProvide', values: {} },
            ],
          }),
        ),
        ['items[0].reason:GK_REPLY_FACT', 'items[1].provision:GK_REPLY_FACT'],
      );
      await reply(ctx, people.leader!, id, {
        on: '2025-06-25',
        items: [
          { seq: 1, kind: 'partial', values: { provision: '现将名单发送至您的电子邮箱。', reason: '名单中的身份证号码属于个人隐私，已作遮盖处理。' } },
          { seq: 2, kind: 'grantProvide', values: { provision: '现将发放情况表发送至您的电子邮箱。' } },
        ],
      });
      d = await caseDetail(ctx, people.editor!, id);
      assert.equal(d.row.state, 'closed');
      assert.equal(d.row.outcome, 'partiallyGranted');
      assert.equal(d.row.closed_date, '2025-06-25');
      assert.deepEqual(
        d.items.map((i) => i.outcome),
        ['partiallyGranted', 'granted'],
      );
      assert.deepEqual(
        d.letters.map((l) => l.kind),
        ['receipt', 'correctionNotice', 'thirdPartyConsultation', 'extensionNotice', 'reply'],
      );
      const numbers = d.letters.map((l) => l.number);
      assert.equal(new Set(numbers).size, numbers.length);
      const replyText = d.letters.at(-1)!.content.paragraphs.join('');
      assert.ok(replyText.includes('（一）关于“2024年插旗镇城乡低保对象名单”'));
      assert.ok(replyText.includes('华容县人民政府') || replyText.includes('人民政府申请行政复议'));
      assert.equal(d.timeline.length, 7);

      // The 2025 report counts it: new, and handled as 部分公开, for a natural person.
      const report = (await computeAgencyReport(ctx, await resolveAgency(ctx, '插旗镇'), 2025)).report;
      assert.ok((report.applications.rows.partiallyGranted[0] ?? 0) >= 1);
    });

    test('bad input names its field and saves nothing', async () => {
      const { ctx } = get();
      const count = async () =>
        Number(
          (
            await ctx.db
              .selectFrom('applications')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const n = await count();
      assert.deepEqual(
        await codes(
          registerApplication(ctx, people.editor!, chaqi, { channel: 'inPerson', receivedDate: '2025-03-03' }, person({ idNumber: '430623199001011238' }), []),
        ),
        ['idNumber:GK_ID_NUMBER'],
      );
      assert.deepEqual(await codes(registerApplication(ctx, people.editor!, chaqi, { channel: 'inPerson', receivedDate: '2099-03-03' }, person(), [])), [
        'receivedDate:GK_DATE_FUTURE',
      ]);
      assert.deepEqual(
        await codes(registerApplication(ctx, people.editor!, chaqi, { channel: 'inPerson', receivedDate: '2025-03-03' }, person({ name: '' }), [])),
        ['name:GK_REQUIRED'],
      );
      const big = { filename: 'id.png', bytes: new Uint8Array(11 * 1024 * 1024) };
      assert.deepEqual(await codes(submitApplication(ctx, chaqi, person(), [big])), ['identityFiles:GK_FILE_TOO_LARGE']);
      const disguised = { filename: 'id.jpg', bytes: new TextEncoder().encode('not an image at all') };
      assert.deepEqual(await codes(submitApplication(ctx, chaqi, person(), [disguised])), ['identityFiles:GK_FILE']);
      assert.equal(await count(), n);
    });

    test('the public form stores at most the day’s quota of files, for everyone together', async () => {
      const { ctx } = get();
      const scan = (kb: number) => ({
        filename: '身份证.png',
        bytes: Uint8Array.from({ length: kb * 1024 }, (_, i) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a][i] ?? 0),
      });
      const submissions = async () =>
        Number(
          (
            await ctx.db
              .selectFrom('application_submissions')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      await setSetting(ctx.db, 'apply.uploadQuotaMb', '1');
      try {
        await submitApplication(ctx, chaqi, person({ delivery: 'online' }), [scan(700)]);
        const n = await submissions();
        assert.deepEqual(await codes(submitApplication(ctx, chaqi, person({ delivery: 'online', name: '王五' }), [scan(400)])), [
          'identityFiles:GK_UPLOAD_QUOTA',
        ]);
        assert.equal(await submissions(), n, 'nothing saved');
        await submitApplication(ctx, chaqi, person({ delivery: 'online', name: '王五' }), []);
        assert.equal(await submissions(), n + 1, 'without files the application goes through');
      } finally {
        await setSetting(ctx.db, 'apply.uploadQuotaMb', '0');
      }
    });

    test('online: submitted, confirmed by both sides (that day is 收到申请之日), the applicant sees letters with the query code', async () => {
      const { ctx } = get();
      const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
      const s = await submitApplication(ctx, chaqi, person({ delivery: 'online' }), [{ filename: '身份证.png', bytes: png }]);
      assert.match(s.receiptNo, /^WS2026\d{6}$/);
      assert.equal((await applicationStatus(ctx, s.receiptNo, s.queryCode)).kind, 'submitted');
      assert.deepEqual(await codes(applicationStatus(ctx, s.receiptNo, 'WRONGCODE')), ['queryCode:GK_STATUS_MISMATCH']);
      assert.deepEqual(await codes(applicationStatus(ctx, 'WS2026999999', s.queryCode)), ['queryCode:GK_STATUS_MISMATCH']);
      const dash = await caseDashboard(ctx, people.editor!, chaqi);
      const sub = dash.submissions.find((x) => x.receipt_no === s.receiptNo)!;
      assert.deepEqual(await codes(confirmSubmission(ctx, people.editor!, sub.id, '2026-11-26')), ['confirmedOn:GK_DATE_ORDER']);
      const id = await confirmSubmission(ctx, people.editor!, sub.id, '2026-11-27');
      assert.deepEqual(await codes(confirmSubmission(ctx, people.editor!, sub.id, '2026-11-27')), ['submission:GK_SETTLED']);
      const d = await caseDetail(ctx, people.editor!, id);
      assert.equal(d.row.channel, 'online');
      assert.equal(d.row.received_date, '2026-11-27');
      assert.equal(d.files.length, 1);
      const st = await applicationStatus(ctx, s.receiptNo.toLowerCase(), s.queryCode.toLowerCase());
      assert.equal(st.kind, 'case');
      if (st.kind === 'case') {
        assert.equal(st.letters.length, 1);
        assert.equal(st.due!.due, d.view.replyDue!.due);
        assert.equal(JSON.stringify(st).includes(validId), false);
      }
      const hints = await registrationHints(ctx, people.editor!, id);
      assert.ok(hints.similar.length >= 1, 'the same applicant asked for the same lists before');
    });

    test('the receipt page of a submission: opened by its token, the query code once and sealed until then, closed after 30 minutes', async () => {
      const { ctx } = get();
      const s = await submitApplication(ctx, chaqi, person({ delivery: 'online' }), []);
      assert.match(s.receiptToken, /^[A-Za-z0-9_-]{43}$/);
      assert.ok(!s.receiptToken.includes(s.queryCode));
      // The database keeps neither the token nor the code as such.
      const rows = await ctx.db.selectFrom('receipt_views').selectAll().execute();
      const stored = JSON.stringify(rows);
      assert.ok(!stored.includes(s.receiptToken) && !stored.includes(s.queryCode));
      const first = await openReceiptView(ctx, s.receiptToken);
      assert.deepEqual([first.receiptNo, first.queryCode, first.agency.id], [s.receiptNo, s.queryCode, chaqi]);
      const again = await openReceiptView(ctx, s.receiptToken);
      assert.deepEqual([again.receiptNo, again.queryCode], [s.receiptNo, null]);
      // Closed after 30 minutes; a token never issued, or not a token, is not found either.
      const later = { ...ctx, now: () => new Date(ctx.now().getTime() + (receiptViewMinutes * 60 + 1) * 1000) };
      const fresh = await submitApplication(ctx, chaqi, person({ delivery: 'online' }), []);
      assert.deepEqual(await codes(openReceiptView(later, fresh.receiptToken)), ['NOT_FOUND']);
      assert.deepEqual(await codes(openReceiptView(ctx, `${fresh.receiptToken.slice(0, 42)}${fresh.receiptToken.endsWith('A') ? 'B' : 'A'}`)), ['NOT_FOUND']);
      assert.deepEqual(await codes(openReceiptView(ctx, fresh.queryCode)), ['NOT_FOUND']);
      assert.equal((await openReceiptView(ctx, fresh.receiptToken)).queryCode, fresh.queryCode);
      // A later submission clears the pages that have closed.
      await submitApplication(later, chaqi, person({ delivery: 'online' }), []);
      const left = await ctx.db.selectFrom('receipt_views').select('token_hash').execute();
      assert.equal(left.length, 1);
    });

    test('fees: a running count in the month, the notice, no payment closes as （六）2', async () => {
      const { ctx } = get();
      const org = { applicantType: 'commercial', name: '华容县某某咨询有限公司', creditCode: '91430623MA4L0000XX', contactPerson: '赵六' };
      // A valid 统一社会信用代码 is needed: compute one from the check digit rule.
      const { usccCheckChar } = await import('../../src/domain/agencies/agency.ts');
      const code17 = '91430623MA4L12345';
      org.creditCode = code17 + usccCheckChar(code17);
      const many = Array.from({ length: 12 }, (_, i) => `2025年第${i + 1}号会议纪要`).join('\n\n');
      const first = await registerApplication(
        ctx,
        people.editor!,
        chaqi,
        { channel: 'email', receivedDate: '2025-09-01' },
        person({ ...org, items: many }),
        [],
      );
      const second = await registerApplication(
        ctx,
        people.editor!,
        chaqi,
        { channel: 'email', receivedDate: '2025-09-15' },
        person({ ...org, items: many }),
        [],
      );
      const q = await quoteFee(ctx, people.editor!, second.id, { scheme: 'perItem', quantity: 12 });
      assert.equal(q.countedBefore, 12);
      assert.equal(q.yuan, 12 * 100);
      await noticeFee(ctx, people.editor!, second.id, {
        on: '2025-09-19',
        scheme: 'perItem',
        quantity: 12,
        paymentMethod: '到镇财政所缴纳',
        delivery: { method: 'email', on: '2025-09-19' },
      });
      let d = await caseDetail(ctx, people.editor!, second.id);
      assert.equal(d.view.fee!.due, '2025-10-23'); // 20 WD from the day after: 国庆 10-01..10-08 skipped, 09-28 and 10-11 worked
      assert.ok(d.letters.at(-1)!.content.paragraphs.join('').includes('1200元'));
      assert.deepEqual(await codes(lapseFee(ctx, people.editor!, second.id, { on: '2025-10-23' })), ['on:GK_PERIOD_NOT_OVER']);
      await lapseFee(ctx, people.editor!, second.id, { on: '2025-10-24', delivery: { method: 'email', on: '2025-10-24' } });
      d = await caseDetail(ctx, people.editor!, second.id);
      assert.equal(d.row.outcome, 'otherDisposal.unpaidFee');
      // The first one pays nothing (its 12 件 start the month) and is withdrawn.
      assert.equal((await quoteFee(ctx, people.editor!, first.id, { scheme: 'perItem', quantity: 10 })).yuan, 0);
      await withdraw(ctx, people.editor!, first.id, { on: '2025-09-20', reason: '申请人书面撤回' });
      assert.equal((await caseDetail(ctx, people.editor!, first.id)).row.outcome, 'otherDisposal.other');
    });

    test('fees: the 按件 count is per applicant and per agency (109号 第四条; legal review D5)', async () => {
      const { ctx } = get();
      const minzheng = (await resolveAgency(ctx, '县民政局')).id;
      const users = await ctx.db.selectFrom('users').select(['id', 'username']).where('username', '=', 'minzheng-editor').executeTakeFirstOrThrow();
      const minzhengEditor: Actor = { id: users.id, roles: [{ role: 'editor', agencyId: minzheng }] };
      const applicant = { name: '钱七', idNumber: '430623198505051238' }; // a valid number of no other test
      const items = (n: number, what: string) => Array.from({ length: n }, (_, i) => `${what}第${i + 1}项`).join('\n\n');
      // 8 件 to 县民政局, then 5 to 插旗镇, in the same month: 插旗镇 counts only its own.
      const toBureau = await registerApplication(
        ctx,
        minzhengEditor,
        minzheng,
        { channel: 'email', receivedDate: '2025-03-03' },
        person({ ...applicant, items: items(8, '低保审批材料') }),
        [],
      );
      const toTown = await registerApplication(
        ctx,
        people.editor!,
        chaqi,
        { channel: 'email', receivedDate: '2025-03-10' },
        person({ ...applicant, items: items(5, '村级财务公开') }),
        [],
      );
      const town = await quoteFee(ctx, people.editor!, toTown.id, { scheme: 'perItem', quantity: 5 });
      assert.deepEqual([town.countedBefore, town.yuan], [0, 0]);
      // A later application to 县民政局 counts the bureau's 8 (and not the town's 5).
      const again = await registerApplication(
        ctx,
        minzhengEditor,
        minzheng,
        { channel: 'email', receivedDate: '2025-03-20' },
        person({ ...applicant, items: items(5, '救助资金') }),
        [],
      );
      const bureau = await quoteFee(ctx, minzhengEditor, again.id, { scheme: 'perItem', quantity: 5 });
      assert.deepEqual([bureau.countedBefore, bureau.yuan], [8, 3 * 100]);
      assert.ok(toBureau.id < toTown.id);
    });

    test('a paid fee is counted in the year; an unanswered correction closes as （六）1', async () => {
      const { ctx } = get();
      const a = await registerApplication(
        ctx,
        people.editor!,
        chaqi,
        { channel: 'inPerson', receivedDate: '2025-11-03' },
        person({ items: Array.from({ length: 3 }, (_, i) => `材料${i + 1}`).join('\n\n') }),
        [],
      );
      await noticeFee(ctx, people.editor!, a.id, {
        on: '2025-11-05',
        scheme: 'perPage',
        quantity: 250,
        paymentMethod: '银行转账',
        delivery: { method: 'inPerson', on: '2025-11-05' },
      });
      await recordFeePayment(ctx, people.editor!, a.id, { on: '2025-11-10', receiptNote: '财政票据0001' });
      const d = await caseDetail(ctx, people.editor!, a.id);
      assert.equal(d.row.fee_yuan, 4700);
      assert.equal(d.view.state, 'inProgress');
      assert.equal(d.view.stops[0]!.from, '2025-11-06');
      assert.equal(d.view.stops[0]!.to, '2025-11-10');
      // Section 六: the fees paid in the year.
      const facts = (await computeAgencyReport(ctx, await resolveAgency(ctx, '插旗镇'), 2025)).facts;
      assert.ok(facts.informationFees.yuan >= 4700 && facts.informationFees.cases >= 1);
      assert.match(feesSentence(facts), /收取信息处理费\d+元，涉及申请\d+件/);
      assert.equal((await computeAgencyReport(ctx, await resolveAgency(ctx, '插旗镇'), 2024)).facts.informationFees.cases, 0);

      const b = await registerApplication(ctx, people.editor!, chaqi, { channel: 'ordinaryPost', receivedDate: '2025-03-03' }, person(), []);
      await requestCorrection(ctx, people.editor!, b.id, { on: '2025-03-05', items: '请写明年份', delivery: { method: 'email', on: '2025-03-05' } });
      const due = (await caseDetail(ctx, people.editor!, b.id)).view.correction!.due;
      assert.equal(due, '2025-03-19');
      await lapseCorrection(ctx, people.editor!, b.id, { on: '2025-03-20', delivery: { method: 'email', on: '2025-03-20' } });
      assert.equal((await caseDetail(ctx, people.editor!, b.id)).row.outcome, 'otherDisposal.noCorrection');
    });

    test('letters say 您 to a person and 贵单位 to an organisation; the receipt’s reply date is the last day on time (前，含当日)', async () => {
      const { ctx } = get();
      const code17 = '91430623MA4L54321';
      const { usccCheckChar } = await import('../../src/domain/agencies/agency.ts');
      const org = {
        applicantType: 'research',
        name: '华容县某某研究院',
        creditCode: code17 + usccCheckChar(code17),
        contactPerson: '赵六',
        items: '2024年插旗镇水利项目清单',
      };
      const forOrg = await registerApplication(ctx, people.editor!, chaqi, { channel: 'email', receivedDate: '2024-06-03' }, person(org), []);
      const forPerson = await registerApplication(
        ctx,
        people.editor!,
        chaqi,
        { channel: 'email', receivedDate: '2024-06-03' },
        person({ items: '2024年插旗镇水利项目清单' }),
        [],
      );
      const receipt = async (id: number) => (await caseDetail(ctx, people.editor!, id)).letters[0]!.content.paragraphs.join('');
      assert.ok((await receipt(forOrg.id)).startsWith('本机关于2024年6月3日收到贵单位提交的政府信息公开申请'));
      assert.ok(!(await receipt(forOrg.id)).includes('您'));
      assert.ok((await receipt(forPerson.id)).startsWith('本机关于2024年6月3日收到您提交的政府信息公开申请'));
      const due = (await caseDetail(ctx, people.editor!, forPerson.id)).view.replyDue!.due;
      assert.equal(due, '2024-07-02'); // 20 working days, 端午 2024-06-10 skipped
      assert.ok((await receipt(forPerson.id)).includes('20个工作日内（2024年7月2日前，含当日）予以答复'));
      // That day is still within the limit (an extension is allowed on it), the next is not.
      assert.deepEqual(await codes(extendDeadline(ctx, people.leader!, forPerson.id, { on: '2024-07-03', workingDays: 5, reason: '需要调取档案' })), [
        'on:GK_REPLY_OVERDUE',
      ]);
      await extendDeadline(ctx, people.leader!, forPerson.id, { on: due, workingDays: 5, reason: '需要调取档案' });

      await reply(ctx, people.leader!, forOrg.id, {
        on: '2024-06-20',
        items: [
          {
            seq: 1,
            kind: 'unableToProvide.notResponsible',
            values: { reason: '该清单由县水利局制作和保存。', competentAgency: '华容县水利局（联系电话：0730-4220000）' },
          },
        ],
      });
      const answer = (await caseDetail(ctx, people.editor!, forOrg.id)).letters.at(-1)!.content.paragraphs;
      assert.equal(
        answer[1],
        '贵单位申请获取“2024年插旗镇水利项目清单”。贵单位申请获取的政府信息不属于本机关负责公开的范围，理由如下：该清单由县水利局制作和保存。负责公开该政府信息的行政机关为华容县水利局（联系电话：0730-4220000），贵单位可以向该机关提出申请。根据《中华人民共和国政府信息公开条例》第三十六条第（五）项的规定，特此告知。',
      );
      assert.equal((await caseDetail(ctx, people.editor!, forOrg.id)).row.outcome, 'unableToProvide.notHeld');
    });

    test('the same 不予公开 reply dated 2023-12-29 keeps both routes, dated 2024-01-02 sends the applicant to 行政复议 first; stored letters stay as issued', async () => {
      const { ctx } = get();
      const facts = { items: '插旗镇党委2023年第5次会议记录' };
      const answer = { seq: 1, kind: 'withheld.processInformation', values: { reason: '会议记录为研究讨论过程中形成的记录，相关事项尚未作出决定' } };
      const early = await registerApplication(ctx, people.editor!, chaqi, { channel: 'inPerson', receivedDate: '2023-12-11' }, person(facts), []);
      const late = await registerApplication(ctx, people.editor!, chaqi, { channel: 'inPerson', receivedDate: '2023-12-11' }, person(facts), []);
      assert.deepEqual(await codes(reply(ctx, people.editor!, early.id, { on: '2023-12-29', items: [{ ...answer, values: {} }] })), [
        'items[0].reason:GK_REPLY_FACT',
      ]);
      await reply(ctx, people.leader!, early.id, { on: '2023-12-29', items: [answer] });
      await reply(ctx, people.leader!, late.id, { on: '2024-01-02', items: [answer] });
      const letterOf = async (id: number) => (await caseDetail(ctx, people.editor!, id)).letters.at(-1)!.content;
      const before = await letterOf(early.id);
      const after = await letterOf(late.id);
      assert.deepEqual(after.paragraphs.slice(1, -1), before.paragraphs.slice(1, -1), 'the answers are the same');
      assert.ok(before.paragraphs[1]!.includes('过程性信息：会议记录为研究讨论过程中形成的记录，相关事项尚未作出决定。根据'), before.paragraphs[1]);
      assert.equal(
        before.paragraphs.at(-1),
        '如对本答复不服，可以自收到本答复之日起六十日内向华容县人民政府申请行政复议，或者自收到本答复之日起六个月内依法向人民法院提起行政诉讼。',
      );
      assert.ok(after.paragraphs.at(-1)!.includes('应当先向华容县人民政府申请行政复议'));
      assert.ok(after.paragraphs.at(-1)!.includes('对行政复议决定不服的'));
      assert.ok(!after.paragraphs.at(-1)!.includes('六个月内依法向人民法院提起行政诉讼'));

      // A letter stored with an earlier template is read back as stored, never rebuilt.
      const stored = await ctx.db
        .selectFrom('case_letters')
        .select(['id', 'content'])
        .where('application_id', '=', early.id)
        .where('kind', '=', 'receipt')
        .executeTakeFirstOrThrow();
      const asIssued = { ...JSON.parse(stored.content), paragraphs: ['本机关于2023年12月11日收到您（单位）提交的政府信息公开申请。'] };
      await ctx.db
        .updateTable('case_letters')
        .set({ content: JSON.stringify(asIssued) })
        .where('id', '=', stored.id)
        .execute();
      const read = (await caseDetail(ctx, people.editor!, early.id)).letters.find((l) => l.kind === 'receipt')!;
      assert.deepEqual(read.content.paragraphs, asIssued.paragraphs);
    });

    test('a 纠正 decision reopens the case with a new reply deadline; the report keeps the first closure', async () => {
      const { ctx } = get();
      const { id } = await registerApplication(
        ctx,
        people.editor!,
        chaqi,
        { channel: 'inPerson', receivedDate: '2024-01-02' },
        person({ items: '某某文件' }),
        [],
      );
      await reply(ctx, people.leader!, id, {
        on: '2024-01-10',
        items: [{ seq: 1, kind: 'unableToProvide.doesNotExist', values: { searchDescription: '检索了本机关的发文登记簿' } }],
      });
      assert.deepEqual(
        await codes(recordAppeal(ctx, people.editor!, id, { track: 'reconsideration', caseNo: '华政复〔2024〕1号', body: '', filedDate: '2024-02-01' })),
        ['body:GK_REQUIRED'],
      );
      const appeal = await recordAppeal(ctx, people.editor!, id, {
        track: 'reconsideration',
        caseNo: '华政复〔2024〕1号',
        body: '华容县人民政府',
        filedDate: '2024-02-01',
      });
      await concludeAppeal(ctx, people.editor!, appeal, { concludedDate: '2024-04-01', outcome: 'corrected', reason: '责令重新答复' });
      const d = await caseDetail(ctx, people.editor!, id);
      assert.equal(d.view.state, 'inProgress');
      assert.equal(d.view.replyDue!.due, '2024-04-29');
      assert.equal(d.row.closed_date, '2024-01-10');
      assert.equal(d.row.outcome, 'unableToProvide.notHeld');
      assert.equal(d.appeals[0]!.outcome, 'corrected');
      assert.deepEqual(await codes(concludeAppeal(ctx, people.editor!, appeal, { concludedDate: '2024-04-02', outcome: 'upheld' })), ['outcome:GK_CONCLUDED']);
    });

    test('条例 第三十一条: each channel’s 收到申请之日 starts the clock; online counts from the mutual confirmation, not the submission', async () => {
      const { ctx } = get();
      // In person: the day it is handed in; registered post: the day signed for; ordinary post, e-mail, fax: the day confirmed with the applicant.
      for (const channel of ['inPerson', 'registeredPost', 'ordinaryPost', 'email', 'fax']) {
        const { id } = await registerApplication(ctx, people.editor!, chaqi, { channel, receivedDate: '2024-02-08' }, person({ items: `渠道${channel}` }), []);
        const d = await caseDetail(ctx, people.editor!, id);
        assert.deepEqual([d.row.channel, d.row.received_date, d.view.replyDue!.due], [channel, '2024-02-08', '2024-03-13'], channel);
      }
      assert.deepEqual(await codes(registerApplication(ctx, people.editor!, chaqi, { channel: 'online', receivedDate: '2024-02-08' }, person(), [])), [
        'channel:GK_CHANNEL',
      ]);
      assert.deepEqual(await codes(registerApplication(ctx, people.editor!, chaqi, { channel: 'pigeon', receivedDate: '2024-02-08' }, person(), [])), [
        'channel:GK_CHANNEL',
      ]);
    });

    test('year-end carry-over: open at 12-31 is 结转下年度继续办理, and next year’s 上年结转', async () => {
      const { ctx } = get();
      const agency = await resolveAgency(ctx, '插旗镇');
      const cells = async (year: number) => {
        const r = (await computeAgencyReport(ctx, agency, year)).report.applications.rows;
        return { carriedForward: r.carriedForward[0] ?? 0, carriedOver: r.carriedOver[0] ?? 0, granted: r.granted[0] ?? 0 };
      };
      const [y25, y26] = [await cells(2025), await cells(2026)];
      const { id } = await registerApplication(
        ctx,
        people.editor!,
        chaqi,
        { channel: 'inPerson', receivedDate: '2025-12-22' },
        person({ items: '年末申请' }),
        [],
      );
      await reply(ctx, people.editor!, id, { on: '2026-01-12', items: [{ seq: 1, kind: 'grantProvide', values: { provision: '现将该信息发送给您。' } }] });
      const [a25, a26] = [await cells(2025), await cells(2026)];
      assert.equal(a25.carriedForward, y25.carriedForward + 1);
      assert.equal(a26.carriedOver, y26.carriedOver + 1);
      assert.equal(a26.granted, y26.granted + 1);
      assert.equal(a25.granted, y25.granted);
    });

    test('a local holiday moves every open deadline and says so in each ledger; removing it moves them back', async () => {
      const { ctx } = get();
      const { id } = await registerApplication(
        ctx,
        people.editor!,
        chaqi,
        { channel: 'inPerson', receivedDate: '2026-11-24' },
        person({ items: '冬季防火通告' }),
        [],
      );
      const before = (await caseDetail(ctx, people.editor!, id)).view.replyDue!.due;
      assert.deepEqual(await codes(setCalendarOverride(ctx, people.editor!, { date: '2026-12-01', kind: 'holiday', reason: '县庆' })), ['FORBIDDEN']);
      assert.deepEqual(await codes(setCalendarOverride(ctx, people.admin!, { date: '2026-12-01', kind: 'holiday', reason: '' })), [
        'reason:GK_CALENDAR_REASON',
      ]);
      const r = await setCalendarOverride(ctx, people.admin!, { date: '2026-12-01', kind: 'holiday', reason: '县庆放假一天' });
      assert.ok(r.changed >= 1 && r.checked >= r.changed);
      const d = await caseDetail(ctx, people.editor!, id);
      assert.ok(d.view.replyDue!.due > before);
      assert.equal(d.timeline.at(-1)!.act, 'deadlinesRecomputed');
      assert.ok(d.replyDueWorking.join('').includes('县庆放假一天'));
      await removeCalendarOverride(ctx, people.admin!, '2026-12-01', '误录');
      assert.equal((await caseDetail(ctx, people.editor!, id)).view.replyDue!.due, before);
    });
  },
  async (t: TestDatabase) => void (await loadDemo(t.ctx)),
);
