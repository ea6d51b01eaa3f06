/**
 * Complaints and reports to the 政府信息公开工作主管部门 (条例 第四十七条) through the app
 * functions on both databases: filed on the portal (a 投诉 named, a 举报 possibly anonymous)
 * or registered by the county supervisor, handled and answered by the supervisor only, with a
 * due date on the working-day calendar that a calendar change counts again.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { loadDemo } from '../../src/app/demo/load.ts';
import { resolveAgency } from '../../src/app/agencies/resolve.ts';
import { answerComplaint, complaintFor, countyComplaints, fileComplaint, recordHandling, registerComplaint } from '../../src/app/complaints/complaints.ts';
import { removeCalendarOverride, setCalendarOverride } from '../../src/app/calendar/overrides.ts';
import type { Actor } from '../../src/domain/access/policy.ts';
import { ForbiddenError, InputError, NotFoundError } from '../../src/domain/shared/result.ts';
import { eachDialect, type TestDatabase } from '../helpers/db.ts';

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
  'complaints to the 主管部门',
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
        supervisor: { id: id('county-supervisor'), roles: [{ role: 'countySupervisor', agencyId: county }] },
        admin: { id: id('platform-admin'), roles: [{ role: 'platformAdmin', agencyId: null }] },
      };
    });

    const complaint = (over: Record<string, string> = {}) => ({
      kind: 'complaint',
      agency: String(chaqi),
      content: '我于2026年9月向插旗镇申请公开低保名单，至今未获答复。',
      name: '王五',
      phone: '13973012345',
      email: '',
      ...over,
    });

    test('a 投诉 needs a name and a phone; a 举报 may be anonymous; every problem names its field', async () => {
      const { ctx } = get();
      assert.deepEqual(await codes(fileComplaint(ctx, complaint({ name: '', phone: '' }))), ['name:GK_REQUIRED', 'phone:GK_REQUIRED']);
      assert.deepEqual(await codes(fileComplaint(ctx, complaint({ kind: 'x', agency: '', content: ' ', phone: '12345', email: 'a@' }))), [
        'kind:GK_COMPLAINT_KIND',
        'agency:GK_AGENCY',
        'content:GK_REQUIRED',
        'phone:GK_PHONE',
        'email:GK_EMAIL',
      ]);
      assert.deepEqual(await codes(fileComplaint(ctx, complaint({ agency: '999999' }))), ['agency:GK_AGENCY']);
      const anonymous = await fileComplaint(ctx, complaint({ kind: 'report', name: '', phone: '' }));
      assert.match(anonymous.receiptNo, /^JB2026-\d{5}$/);
      const named = await fileComplaint(ctx, complaint());
      assert.match(named.receiptNo, /^TS2026-\d{5}$/);
      // Received on the day it is filed (2026-11-27, China time): 20 working days.
      assert.equal(named.due, '2026-12-25');
      assert.equal(named.countyName, '华容县人民政府');
    });

    test('it reaches the county supervisor only, who records the handling and then the answer', async () => {
      const { ctx } = get();
      const { id } = await fileComplaint(ctx, complaint());
      assert.deepEqual(await codes(complaintFor(ctx, people.editor!, id)), ['NOT_FOUND']);
      assert.deepEqual(await codes(complaintFor(ctx, people.admin!, id)), ['NOT_FOUND']);
      assert.deepEqual(await codes(recordHandling(ctx, people.editor!, id, { on: '2026-11-27', note: 'x' })), ['NOT_FOUND']);
      const list = await countyComplaints(ctx, people.supervisor!, county);
      assert.ok(list.rows.some((r) => r.id === id));
      assert.deepEqual(await codes(answerComplaint(ctx, people.supervisor!, id, { on: '2026-11-27', answer: '已督促答复', method: 'phone' })), [
        'act:GK_NOT_HANDLED',
      ]);
      assert.deepEqual(await codes(recordHandling(ctx, people.supervisor!, id, { on: '2026-11-27', note: '' })), ['note:GK_REQUIRED']);
      await recordHandling(ctx, people.supervisor!, id, { on: '2026-11-27', note: '经核实，插旗镇未在法定期限内答复，已责令其于5个工作日内答复。' });
      assert.deepEqual(await codes(answerComplaint(ctx, people.supervisor!, id, { on: '2026-11-27', answer: '已督促答复', method: 'none' })), [
        'method:GK_METHOD',
      ]);
      await answerComplaint(ctx, people.supervisor!, id, { on: '2026-11-27', answer: '已责令插旗镇依法答复，并将结果电话告知投诉人。', method: 'phone' });
      const c = await complaintFor(ctx, people.supervisor!, id);
      assert.equal(c.view.state, 'closed');
      assert.equal(c.row.answered_date, '2026-11-27');
      assert.equal(c.view.handling.length, 1);
      assert.deepEqual(await codes(recordHandling(ctx, people.supervisor!, id, { on: '2026-11-27', note: '补充' })), ['state:GK_CASE_CLOSED']);
    });

    test('an anonymous 举报 is closed with its result kept on file, not answered', async () => {
      const { ctx } = get();
      const { id } = await fileComplaint(ctx, complaint({ kind: 'report', name: '', phone: '' }));
      await recordHandling(ctx, people.supervisor!, id, { on: '2026-11-27', note: '已核查插旗镇主动公开栏目。' });
      assert.deepEqual(await codes(answerComplaint(ctx, people.supervisor!, id, { on: '2026-11-27', answer: '已整改', method: 'phone' })), [
        'method:GK_METHOD',
      ]);
      await answerComplaint(ctx, people.supervisor!, id, { on: '2026-11-27', answer: '已责令整改。', method: 'none' });
      assert.equal((await complaintFor(ctx, people.supervisor!, id)).view.state, 'closed');
    });

    test('staff of the county register one received by phone, on its own date; it goes to the supervisor', async () => {
      const { ctx } = get();
      const raw = { ...complaint(), channel: 'phone', receivedDate: '2026-11-02' };
      assert.deepEqual(await codes(registerComplaint(ctx, people.admin!, raw)), ['FORBIDDEN']);
      const byTown = await registerComplaint(ctx, people.editor!, raw);
      assert.deepEqual(await codes(complaintFor(ctx, people.editor!, byTown.id)), ['NOT_FOUND']);
      assert.equal((await complaintFor(ctx, people.supervisor!, byTown.id)).row.channel, 'phone');
      assert.deepEqual(await codes(registerComplaint(ctx, people.supervisor!, { ...raw, channel: 'online', receivedDate: '2026-12-01' })), [
        'channel:GK_CHANNEL',
        'receivedDate:GK_DATE_FUTURE',
      ]);
      const r = await registerComplaint(ctx, people.supervisor!, raw);
      assert.equal(r.due, '2026-11-30');
      const list = await countyComplaints(ctx, people.supervisor!, county);
      assert.ok(list.overdue === 0 && list.open >= 1);
    });

    test('a calendar change counts the due date of an open complaint again', async () => {
      const { ctx } = get();
      const r = await registerComplaint(ctx, people.supervisor!, { ...complaint(), channel: 'letter', receivedDate: '2026-11-04' });
      assert.equal(r.due, '2026-12-02');
      await setCalendarOverride(ctx, people.admin!, { date: '2026-12-01', kind: 'holiday', reason: '县庆放假一天' });
      const c = await complaintFor(ctx, people.supervisor!, r.id);
      assert.equal(c.row.due_date, '2026-12-03');
      assert.deepEqual(c.events.at(-1), { act: 'deadlinesRecomputed', on: '2026-11-27', before: '2026-12-02', after: '2026-12-03' });
      await removeCalendarOverride(ctx, people.admin!, '2026-12-01', '误录');
      assert.equal((await complaintFor(ctx, people.supervisor!, r.id)).row.due_date, '2026-12-02');
    });
  },
  async (t: TestDatabase) => void (await loadDemo(t.ctx)),
);
