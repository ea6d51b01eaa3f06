/**
 * bench/requests: 100,000 open disclosure cases across 1,000 agencies (one busy agency with
 * 2,000 of them), each with a ledger the app's fold accepts (received, assigned, some 补正,
 * consultation stops, extensions, fee notices), plus closed cases. Measures, in the same run,
 *
 *   read:       reading every open case's ledger and projection the way the recompute does,
 *               without folding or writing;
 *   fold:       folding the same ledgers in memory (no database) on the changed calendar and
 *               deriving each projection;
 *   recompute:  setCalendarOverride(a local holiday that moves most deadlines) end to end:
 *               every open case checked, the changed ones appended a ledger act and their
 *               projection rewritten, in one transaction (then removed again, also timed);
 *   openCases:  the busy agency's open-case query alone;
 *   dashboard:  caseDashboard(busy agency): the query plus days left and urgency per case;
 *   page:       GET of the busy agency's handler dashboard through the Fastify app, logged in,
 *               when the app has that page, against GET /admin/account of the same server.
 *
 * and prints medians and ratios. Budgets: recompute ≤ 3 × (read + fold); dashboard ≤ 3 ×
 * openCases; page ≤ 5 × the trivial page. Over a budget, the exit status is 1. The database
 * is a fresh temporary SQLite file, or with --pg a fresh schema in BENCH_DATABASE_URL
 * (default postgres://root@127.0.0.1:5432/test), dropped afterwards.
 *
 *   node --import tsx bench/requests.ts [--pg] [--agencies N] [--open N] [--busy N] [--closed N] [--reps N] [--warmup N]
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { hashPassword } from '../src/app/auth/passwords.ts';
import { login } from '../src/app/auth/sessions.ts';
import { loadCalendar } from '../src/app/calendar/calendar.ts';
import { removeCalendarOverride, setCalendarOverride } from '../src/app/calendar/overrides.ts';
import type { AppContext } from '../src/app/context.ts';
import {
  consultThirdParty,
  extendDeadline,
  noticeFee,
  receiveCorrection,
  recordFeePayment,
  recordThirdPartyOpinion,
  requestCorrection,
} from '../src/app/requests/acts.ts';
import { registerApplication } from '../src/app/requests/intake.ts';
import { loadCase } from '../src/app/requests/ledger.ts';
import { caseDashboard, dashboardPageSize } from '../src/app/requests/read.ts';
import type { Actor } from '../src/domain/access/policy.ts';
import { addDays } from '../src/domain/calendar/days.ts';
import { createWorkingCalendar, nationalCalendar, type WorkingCalendar } from '../src/domain/calendar/working-calendar.ts';
import { foldCase, type CaseEvent } from '../src/domain/requests/case.ts';
import { chinaDate, type IsoDate } from '../src/domain/shared/dates.ts';
import { migrateToLatest } from '../src/store/migrate.ts';
import { ledgersOf, openCaseIds, openCases } from '../src/store/requests.repo.ts';
import { buildApp } from '../src/web/app.ts';
import { sessionCookie } from '../src/web/plugins/session.ts';
import { generateCase, payloadOf, projectionOf, type Handler } from './lib/case-ledgers.ts';
import { countyAgencies } from './lib/county.ts';
import { benchDatabase } from './lib/database.ts';
import { random } from './lib/random.ts';
import { tableColumns, type Columns, type Sink } from './lib/sink.ts';
import { median, ms, timed } from './lib/timing.ts';

const budgets = { recompute: 3, dashboard: 3, page: 5 };
/** The tests' clock: 2026-11-27 10:00 in China. */
const now = new Date('2026-11-27T02:00:00.000Z');
const today = chinaDate(now);
/** A Monday after most cases were received and before most are due: nearly every reply deadline moves. */
const holiday = '2026-11-30';
const password = 'bench-requests-password';

const { values: args } = parseArgs({
  options: {
    pg: { type: 'boolean', default: false },
    agencies: { type: 'string', default: '1000' },
    open: { type: 'string', default: '100000' },
    busy: { type: 'string', default: '2000' },
    closed: { type: 'string', default: '10' },
    reps: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '1' },
  },
  strict: true,
});
const spec = { agencies: Number(args.agencies), open: Number(args.open), busy: Number(args.busy), closedPerAgency: Number(args.closed) };
const reps = Number(args.reps);
const warmup = Number(args.warmup);

const columns = {
  agencies: tableColumns.agencies,
  users: { id: 'int', username: 'text', display_name: 'text', password_hash: 'text', active: 'int', created_at: 'text' },
  user_roles: { id: 'int', user_id: 'int', agency_id: 'int', role: 'text' },
  applications: {
    id: 'int',
    agency_id: 'int',
    receipt_no: 'text',
    applicant_type: 'text',
    applicant_name: 'text',
    channel: 'text',
    subject: 'text',
    received_date: 'text',
    created_at: 'text',
    applicant_key: 'text',
    provision_form: 'text',
    delivery_way: 'text',
    state: 'text',
    handler_id: 'int',
    clock_start: 'text',
    reply_due: 'text',
    next_due: 'text',
    next_due_kind: 'text',
    provisional: 'int',
    closed_date: 'text',
    outcome: 'text',
    last_closed_date: 'text',
    last_outcome: 'text',
    fee_scheme: 'text',
    fee_yuan: 'int',
    event_count: 'int',
    updated_at: 'text',
  },
  case_events: { id: 'int', application_id: 'int', seq: 'int', act: 'text', on_date: 'text', recorded_at: 'text', actor_id: 'int', payload: 'text' },
} as const satisfies Columns;

const subjects = [
  '城乡低保对象名单',
  '征地补偿安置方案',
  '农村危房改造补助名单',
  '道路建设项目招投标文件',
  '财政预算执行情况',
  '环境影响评价批复',
  '耕地地力保护补贴发放明细',
  '防汛物资采购合同',
];

interface Generated {
  busyAgency: number;
  admin: Actor;
  busyHandler: Actor & { username: string };
  /** Every open case's ledger as events, for the in-memory fold. */
  ledgers: CaseEvent[][];
  events: number;
  closed: number;
  acts: Map<string, number>;
}

/** The working days before `today`, newest first (cases are received on working days). */
function workingDaysBack(calendar: WorkingCalendar, n: number): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = today; out.length < n; d = addDays(d, -1)) if (calendar.isWorkingDay(d)) out.push(d);
  return out;
}

async function generate(sink: Sink<keyof typeof columns & string>, calendar: WorkingCalendar): Promise<Generated> {
  const rnd = random(20261127);
  const at = now.toISOString();
  const hash = await hashPassword(password);
  const agencies = countyAgencies(spec.agencies);
  for (const a of agencies) sink.add('agencies', [a.id, a.parentId, a.name, a.shortName, a.kind, a.code, 0, a.recordsFrom, a.sortOrder, at]);
  // The busy agency: the first town.
  const busyAgency = agencies.find((a) => a.kind === 'town')!.id;
  let userId = 0;
  let roleId = 0;
  const addUser = (username: string, name: string, role: string, agencyId: number | null) => {
    const id = ++userId;
    sink.add('users', [id, username, name, hash, 1, at]);
    sink.add('user_roles', [++roleId, id, agencyId, role]);
    return id;
  };
  const adminId = addUser('bench-admin', '平台管理员', 'platformAdmin', null);
  const handlers = new Map<number, Handler[]>();
  for (const a of agencies) {
    const n = a.id === busyAgency ? 12 : 2;
    handlers.set(
      a.id,
      Array.from({ length: n }, (_, i) => ({ id: addUser(`h${a.id}-${i + 1}`, `经办人${a.id}-${i + 1}`, 'editor', a.id), name: `经办人${a.id}-${i + 1}` })),
    );
  }
  const openDays = workingDaysBack(calendar, 30);
  const closedDays = workingDaysBack(calendar, 150).slice(40);
  const ledgers: CaseEvent[][] = [];
  const acts = new Map<string, number>();
  let caseId = 0;
  let eventId = 0;
  let closed = 0;
  const write = (
    agencyId: number,
    events: CaseEvent[],
    view: ReturnType<typeof foldCase>,
    g: { channel: string; applicantType: string; received: IsoDate },
  ) => {
    const id = ++caseId;
    const p = projectionOf(view, events.length, at);
    const name = `申请人${id}`;
    sink.add('applications', [
      id,
      agencyId,
      `B${String(agencyId).padStart(4, '0')}-${String(id).padStart(6, '0')}`,
      g.applicantType,
      name,
      g.channel,
      `${rnd.of(subjects)}（${id}）`,
      g.received,
      at,
      `bench:${id % 50_000}`,
      'electronic',
      'email',
      p.state,
      p.handler_id,
      p.clock_start,
      p.reply_due,
      p.next_due,
      p.next_due_kind,
      p.provisional,
      p.closed_date,
      p.outcome,
      p.last_closed_date,
      p.last_outcome,
      p.fee_scheme,
      p.fee_yuan,
      p.event_count,
      p.updated_at,
    ]);
    events.forEach((e, i) => {
      sink.add('case_events', [++eventId, id, i + 1, e.act, e.on, at, e.act === 'received' ? null : (p.handler_id ?? adminId), payloadOf(e)]);
      acts.set(e.act, (acts.get(e.act) ?? 0) + 1);
    });
  };
  const others = agencies.filter((a) => a.id !== busyAgency);
  const perOther = (spec.open - spec.busy) / others.length;
  for (const a of agencies) {
    const n = a.id === busyAgency ? spec.busy : Math.floor(perOther * (others.indexOf(a) + 1)) - Math.floor(perOther * others.indexOf(a));
    for (let i = 0; i < n; i++) {
      const g = generateCase(rnd, calendar, rnd.of(openDays), today, handlers.get(a.id)!);
      if (g.view.state === 'closed') throw new Error('an open case closed');
      ledgers.push(g.events);
      write(a.id, g.events, g.view, g);
    }
    for (let i = 0; i < spec.closedPerAgency; i++) {
      const received = rnd.of(closedDays);
      const events: CaseEvent[] = [
        { act: 'received', on: received, channel: 'online' },
        { act: 'replied', on: addDays(received, rnd.int(5, 25)), outcome: 'granted', items: [{ itemId: 1, kind: 'grantProvide', outcome: 'granted' }] },
      ];
      write(a.id, events, foldCase(events, calendar), { channel: 'online', applicantType: 'naturalPerson', received });
      closed++;
    }
    await sink.drain();
  }
  await sink.finish();
  const busyHandlerUser = handlers.get(busyAgency)![0]!;
  return {
    busyAgency,
    admin: { id: adminId, roles: [{ role: 'platformAdmin', agencyId: null }] },
    busyHandler: { id: busyHandlerUser.id, roles: [{ role: 'editor', agencyId: busyAgency }], username: `h${busyAgency}-1` },
    ledgers,
    events: eventId,
    closed,
    acts,
  };
}

/**
 * The generated rows are what the app would have written: acts recorded through the real app
 * functions have the same payload fields as the generated ones, and folding a sample of the
 * generated ledgers through the app's loadCase gives the stored projection.
 */
async function checkAgainstApp(ctx: AppContext, g: Generated): Promise<string> {
  const person = {
    applicantType: 'naturalPerson',
    name: '李四',
    idDocument: 'residentIdCard',
    idNumber: '430623199001011237',
    phone: '13973012345',
    email: 'lisi@example.com',
    address: '湖南省华容县插旗镇插旗村',
    postcode: '414200',
    items: '2026年城乡低保对象名单',
    purpose: '了解情况',
    form: 'electronic',
    delivery: 'email',
  };
  const h = g.busyHandler;
  const register = async (on: string) => (await registerApplication(ctx, h, g.busyAgency, { channel: 'inPerson', receivedDate: on }, person, [])).id;
  const real: number[] = [];
  const a = await register('2026-11-02');
  await requestCorrection(ctx, h, a, { on: '2026-11-04', items: '请写明村名' });
  await receiveCorrection(ctx, h, a, { on: '2026-11-09', note: '补正' });
  const b = await register('2026-11-02');
  await consultThirdParty(ctx, h, b, { on: '2026-11-05', party: '某合作社' });
  await recordThirdPartyOpinion(ctx, h, b, { on: '2026-11-12', opinion: 'consents', note: '同意' });
  // The head of the office consents to an extension (条例 第三十三条第二款): the handler, given that role here.
  await extendDeadline(ctx, { ...h, roles: [...h.roles, { role: 'leader', agencyId: g.busyAgency }] }, b, {
    on: '2026-11-26',
    workingDays: 10,
    reason: '档案较多',
  });
  const c = await register('2026-11-03');
  await noticeFee(ctx, h, c, { on: '2026-11-10', scheme: 'perPage', quantity: 120, paymentMethod: '银行转账' });
  await recordFeePayment(ctx, h, c, { on: '2026-11-12', receiptNote: '已缴' });
  real.push(a, b, c);
  const keys = (payload: string) =>
    Object.keys(JSON.parse(payload) as object)
      .sort()
      .join(',');
  const realKeys = new Map<string, string>();
  for (const r of await ctx.db.selectFrom('case_events').select(['act', 'payload']).where('application_id', 'in', real).execute())
    realKeys.set(r.act, keys(r.payload));
  const generatedKeys = new Map<string, string>();
  for (const l of g.ledgers) for (const e of l) if (!generatedKeys.has(e.act)) generatedKeys.set(e.act, keys(payloadOf(e)));
  for (const [act, k] of realKeys) {
    if (generatedKeys.has(act) && generatedKeys.get(act) !== k) throw new Error(`${act}: the app writes {${k}}, the generator {${generatedKeys.get(act)}}`);
  }
  const sampled = await checkProjections(ctx, g);
  return `payload fields of ${[...realKeys.keys()].filter((k) => generatedKeys.has(k)).length} acts match the app's; ${sampled} sampled projections equal the app's fold`;
}

/** A sample of the open cases: the stored projection is the fold of the stored ledger (rebuild = stored). */
async function checkProjections(ctx: AppContext, g: Generated): Promise<number> {
  const calendar = await loadCalendar(ctx.db);
  const sample = Array.from({ length: 200 }, (_, i) => 1 + Math.floor((i * g.ledgers.length) / 200));
  for (const id of sample) {
    const c = await loadCase(ctx.db, id, calendar);
    const p = projectionOf(c.view, c.events.length, '');
    for (const k of ['state', 'handler_id', 'reply_due', 'next_due', 'next_due_kind', 'provisional', 'clock_start', 'event_count'] as const) {
      if (String(p[k]) !== String(c.row[k])) throw new Error(`case ${id}: ${k} stored ${c.row[k]}, folded ${p[k]}`);
    }
  }
  return sample.length;
}

/** Reads every open case's ledger and projection as recomputeOpenDeadlines does, and nothing else. */
async function readLedgers(ctx: AppContext): Promise<number> {
  let rows = 0;
  for (let after = 0; ; ) {
    const ids = await openCaseIds(ctx.db, after, 500);
    if (!ids.length) break;
    after = ids[ids.length - 1]!;
    const [ledgers, cases] = await Promise.all([
      ledgersOf(ctx.db, ids),
      ctx.db.selectFrom('applications').select(['id', 'reply_due', 'next_due', 'provisional']).where('id', 'in', ids).execute(),
    ]);
    rows += cases.length;
    for (const l of ledgers.values()) rows += l.length;
  }
  return rows;
}

/** Folds every open case's ledger in memory on `calendar` and derives its projection. */
function foldAll(ledgers: readonly CaseEvent[][], calendar: WorkingCalendar): number {
  let due = 0;
  for (const l of ledgers) if (projectionOf(foldCase(l, calendar), l.length, '').next_due) due++;
  return due;
}

async function dashboardPage(app: FastifyInstance, cookie: string): Promise<string | null> {
  for (const url of ['/admin/requests']) {
    const res = await app.inject({ method: 'GET', url, headers: { cookie } });
    if (res.statusCode === 200) return url;
  }
  return null;
}

async function main() {
  const dialect = args.pg ? 'postgres' : 'sqlite';
  console.log(
    `bench/requests [${dialect}]: ${spec.agencies} agencies, ${spec.open} open cases (${spec.busy} in the busy agency), ${spec.closedPerAgency} closed per agency; ` +
      `node ${process.version}, ${os.cpus().length} cores`,
  );
  const env = await benchDatabase(args.pg, columns);
  process.once('SIGINT', () => void env.drop().finally(() => process.exit(130)));
  try {
    const ctx: AppContext = { db: env.database.db, dialect, now: () => now };
    const gen = await timed(async () => {
      await migrateToLatest(ctx.db);
      return generate(await env.sink(), nationalCalendar);
    });
    const g = gen.value;
    console.log(
      `  generated in ${(gen.ms / 1000).toFixed(1)} s: ${g.ledgers.length} open cases, ${g.closed} closed, ${g.events} ledger acts ` +
        `(${[...g.acts].map(([k, n]) => `${k} ${n}`).join(', ')})`,
    );
    console.log(`  checked: ${await checkAgainstApp(ctx, g)}`);

    const changed = createWorkingCalendar([{ date: holiday, kind: 'holiday', reason: 'bench' }]);
    if (!changed.ok) throw new Error('calendar');
    const times: Record<'read' | 'fold' | 'set' | 'remove' | 'openCases' | 'dashboard', number[]> = {
      read: [],
      fold: [],
      set: [],
      remove: [],
      openCases: [],
      dashboard: [],
    };
    let counts = { set: { checked: 0, changed: 0 }, remove: { checked: 0, changed: 0 } };
    for (let i = 0; i < warmup + reps; i++) {
      const keep = i >= warmup;
      const t = {
        read: await timed(() => readLedgers(ctx)),
        fold: await timed(async () => foldAll(g.ledgers, changed.value)),
        set: await timed(() => setCalendarOverride(ctx, g.admin, { date: holiday, kind: 'holiday', reason: '县庆放假一天（bench）' })),
        remove: await timed(() => removeCalendarOverride(ctx, g.admin, holiday, 'bench')),
        openCases: await timed(() => openCases(ctx.db, g.busyAgency, { limit: dashboardPageSize, offset: 0 })),
        dashboard: await timed(() => caseDashboard(ctx, g.busyHandler, g.busyAgency)),
      };
      counts = { set: t.set.value, remove: t.remove.value };
      if (keep) for (const k of Object.keys(times) as (keyof typeof times)[]) times[k].push(t[k].ms);
    }
    console.log(`  after the runs: ${await checkProjections(ctx, g)} sampled projections still equal the fold of their ledgers`);
    const m = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)])) as Record<keyof typeof times, number>;
    const line = (label: string, k: keyof typeof times) =>
      console.log(`    ${label.padEnd(44)} ${ms(m[k]).padStart(11)}   [${times[k].map((x) => x.toFixed(0)).join(', ')}]`);
    console.log(`\n  ${reps} repetitions after ${warmup} warm-up, medians:`);
    line('read (every open ledger, no fold)', 'read');
    line('fold (the same ledgers in memory)', 'fold');
    line(`recompute: setCalendarOverride(${holiday})`, 'set');
    line('recompute: removeCalendarOverride', 'remove');
    console.log(
      `    set: ${counts.set.checked} checked, ${counts.set.changed} changed; remove: ${counts.remove.checked} checked, ${counts.remove.changed} changed`,
    );
    line(`openCases(busy agency) query`, 'openCases');
    line(`caseDashboard(busy agency)`, 'dashboard');

    const ratios: [string, number, number][] = [
      ['recompute / (read + fold)', m.set / (m.read + m.fold), budgets.recompute],
      ['caseDashboard / openCases', m.dashboard / m.openCases, budgets.dashboard],
    ];

    // The handler dashboard page through the app, when it has one.
    const app = await buildApp({ ctx, secureCookies: false });
    await app.ready();
    try {
      const { token } = await login(ctx, g.busyHandler.username, password);
      const cookie = `${sessionCookie}=${token}`;
      const url = await dashboardPage(app, cookie);
      if (url) {
        const get = (u: string) => async () => {
          const res = await app.inject({ method: 'GET', url: u, headers: { cookie } });
          if (res.statusCode !== 200) throw new Error(`GET ${u}: ${res.statusCode}`);
          return res.body.length;
        };
        const pt: Record<'trivial' | 'page', number[]> = { trivial: [], page: [] };
        for (let i = 0; i < warmup + reps; i++) {
          const a = await timed(get('/admin/account'));
          const b = await timed(get(url));
          if (i >= warmup) {
            pt.trivial.push(a.ms);
            pt.page.push(b.ms);
          }
        }
        const size = await get(url)();
        console.log(
          `    GET /admin/account (trivial staff page)      ${ms(median(pt.trivial)).padStart(11)}   [${pt.trivial.map((x) => x.toFixed(1)).join(', ')}]`,
        );
        console.log(
          `${`    GET ${url} (${(size / 1024).toFixed(0)} KB)`.padEnd(49)}${ms(median(pt.page)).padStart(11)}   [${pt.page.map((x) => x.toFixed(0)).join(', ')}]`,
        );
        ratios.push([`GET ${url} / GET /admin/account`, median(pt.page) / median(pt.trivial), budgets.page]);
      } else {
        console.log('    (the app has no handler dashboard page yet: timed caseDashboard only)');
      }
    } finally {
      await app.close();
    }

    console.log();
    let over = false;
    for (const [label, r, budget] of ratios) {
      console.log(`  ratio ${label}: ${r.toFixed(2)}× (budget ${budget}×) ${r <= budget ? 'OK' : 'OVER BUDGET'}`);
      if (r > budget) over = true;
    }
    if (over) process.exitCode = 1;
  } finally {
    await env.drop();
  }
}

await main();
