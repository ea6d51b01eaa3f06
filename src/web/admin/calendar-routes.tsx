/**
 * The working-day calendar screen (spec §2.4): for platform administrators, each year's
 * working days and the State Council notice it is built from (in code, or entered as data on
 * the notice pages of calendar-notice-routes.tsx; without one, the warning that it counts the
 * statutory holidays provisionally), a month grid, and the local changes with forms to add
 * and remove them (every open case's deadlines are recomputed); for every staff member, the
 * deadline calculator with the day-by-day count.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FC } from 'hono/jsx';
import type { AppContext } from '../../app/context.ts';
import { loadCalendar } from '../../app/calendar/calendar.ts';
import { addCalendarOverride, recomputeAllDeadlines, removeCalendarOverride } from '../../app/calendar/overrides.ts';
import type { Recomputed } from '../../app/requests/recompute.ts';
import { can } from '../../domain/access/policy.ts';
import { addWorkingDays, type PausedRange } from '../../domain/calendar/deadline.ts';
import { weekdayName } from '../../domain/calendar/days.ts';
import { explainDeadline } from '../../domain/calendar/explain.ts';
import { yearOverview, type YearOverview } from '../../domain/calendar/year.ts';
import { chinaDate, isIsoDate, portalDateTime } from '../../domain/shared/dates.ts';
import { fieldError, ForbiddenError, InputError, type FieldError } from '../../domain/shared/result.ts';
import { holidayArrangements } from '../../law/calendar/index.ts';
import { timeLimits } from '../../law/time-limits.ts';
import { listAgencies } from '../../store/agencies.repo.ts';
import { calendarOverrides } from '../../store/calendar.repo.ts';
import { siteInfo } from '../site.ts';
import { Breadcrumbs, SelectField } from '../views/components.tsx';
import { ErrorSummary, Layout } from '../views/layout.tsx';
import { sendPage } from '../views/page.ts';
import { actorOf } from './access.ts';
import { Month } from './calendar-month.tsx';
import { enterableYears, registerNoticeRoutes } from './calendar-notice-routes.tsx';
import { viewerOf } from './viewer.ts';

type Form = Partial<Record<string, string>>;

/** The first year the calendar holds a notice for. */
const firstYear = Math.min(...holidayArrangements.map((a) => a.year));
const overrideKinds = [
  ['holiday', '放假（地方假日）'],
  ['workingDay', '上班（地方调整上班）'],
] as const;
/** A calculator count above this is a typing error, not a statutory period. */
const maxCalculatorDays = 200;
const maxPausedRanges = 10;

interface CalculatorInput {
  from: string;
  days: string;
  paused: string;
}

/** The calculator's fields checked; errors name the field. */
function readCalculator(q: CalculatorInput): { from: string; days: number; paused: PausedRange[] } | FieldError[] {
  const errors: FieldError[] = [];
  const from = q.from.trim();
  if (!isIsoDate(from)) errors.push(fieldError('from', 'GK_DATE', `起算日期“${from}”不是有效日期，请按 YYYY-MM-DD 填写（如 2024-02-08）`));
  const days = Number(q.days.trim());
  if (!/^\d{1,3}$/.test(q.days.trim()) || days > maxCalculatorDays)
    errors.push(fieldError('days', 'GK_WORKING_DAYS', `工作日数应为0至${maxCalculatorDays}之间的整数`));
  const paused: PausedRange[] = [];
  const lines = q.paused
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length > maxPausedRanges) errors.push(fieldError('paused', 'GK_PAUSED', `暂停区间最多填写${maxPausedRanges}行`));
  lines.slice(0, maxPausedRanges).forEach((line, i) => {
    const dates = line.match(/\d{4}-\d{2}-\d{2}/g) ?? [];
    const [a, b] = dates;
    if (dates.length !== 2 || !isIsoDate(a!) || !isIsoDate(b!))
      errors.push(fieldError('paused', 'GK_PAUSED', `暂停区间第${i + 1}行“${line}”应写为“首日至末日”，如 2024-02-20至2024-03-01`));
    else if (b! < a!) errors.push(fieldError('paused', 'GK_PAUSED', `暂停区间第${i + 1}行的末日${b}早于首日${a}`));
    else paused.push({ from: a!, to: b! });
  });
  return errors.length ? errors : { from, days, paused };
}

/** What a year without a notice counts (暂定). */
function provisionalText(o: YearOverview): string {
  return o.provisionalBasis
    ? `尚未收录国务院办公厅通知，暂按《${o.provisionalBasis.title}》（${o.provisionalBasis.decree}）的法定节假日和周末计算，不含补假和调休`
    : '尚未收录国务院办公厅通知，按周末暂计';
}

const recomputedText = (r: Recomputed) => `已重新计算${r.checked}件未办结申请的期限，其中${r.changed}件的期限有变化（已记入各案卷）。`;

export async function calendarRoutes(app: FastifyInstance, opts: { ctx: AppContext }) {
  const { ctx } = opts;

  const mayAdminister = async (request: FastifyRequest) => {
    const tree = await listAgencies(ctx.db);
    if (!can(actorOf(request), 'platform.administer', null, tree)) throw new ForbiddenError('只有平台管理员可以管理工作日历');
    return tree;
  };

  const calendarPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    state: { errors?: FieldError[]; add?: Form; remove?: Form; notice?: string; status?: number; year?: number } = {},
  ) => {
    const tree = await mayAdminister(request);
    const viewer = viewerOf(request, reply, tree);
    const calendar = await loadCalendar(ctx.db);
    const overrides = await calendarOverrides(ctx.db);
    const thisYear = Number(chinaDate(ctx.now()).slice(0, 4));
    const from = Math.min(firstYear, ...calendar.enteredYears);
    const years = Array.from({ length: thisYear + 2 - from }, (_, i) => from + i);
    const enterable = enterableYears(chinaDate(ctx.now()), calendar.enteredYears);
    const asked = state.year ?? Number((request.query as { year?: string }).year);
    const shown = years.includes(asked) ? asked : thisYear;
    const overview = years.map((y) => yearOverview(calendar, y));
    const selected = overview.find((o) => o.year === shown)!;
    const add = state.add ?? {};
    const remove = state.remove ?? {};
    return sendPage(
      reply,
      <Layout title="工作日历" site={await siteInfo(ctx.db)} area="admin" viewer={viewer}>
        <Breadcrumbs
          trail={[
            ['工作台', '/admin'],
            ['工作日历', null],
          ]}
        />
        <h1>工作日历</h1>
        <p class="help">
          依申请公开、主动公开等期限按工作日计算（不含起算日）。全国的放假和调休按国务院办公厅每年的部分节假日安排通知：已有的收录在程序中（src/law/calendar），
          新一年的通知（通常在上一年11至12月发布）公布后由平台管理员在本页按原文录入。录入之前，该年按《全国年节及纪念日放假办法》规定的法定节假日和周末暂计（补假和调休以通知为准），相关期限标为“暂定”。
          本县自行放假或调整上班的日子在本页作为地方调整录入。录入、更正或撤销后立即重新计算所有未办结申请的期限。
        </p>
        <ErrorSummary errors={state.errors ?? []} />
        {state.notice ? (
          <p class="notice" role="status">
            {state.notice}
          </p>
        ) : (
          ''
        )}

        <table class="list">
          <caption>各年度工作日</caption>
          <thead>
            <tr>
              <th scope="col">年度</th>
              <th scope="col">工作日数</th>
              <th scope="col">依据</th>
              <th scope="col">月历</th>
            </tr>
          </thead>
          <tbody>
            {overview.map((o) => (
              <tr>
                <th scope="row">{o.year}年</th>
                <td>{o.workingDays}</td>
                <td class={o.notice ? '' : 'late'}>
                  {o.notice
                    ? `${o.notice.number}（${o.notice.date}）${o.entered ? '，平台管理员录入' : ''}${o.amendments.map((m) => `；调整：${m.number}（${m.date}）`).join('')}`
                    : provisionalText(o)}
                  {o.entered ? (
                    <>
                      {' '}
                      <a href={`/admin/calendar/notices/${o.year}`}>查看、更正或撤销</a>
                    </>
                  ) : !o.notice && enterable.includes(o.year) ? (
                    <>
                      {' '}
                      <a href={`/admin/calendar/notices/new?year=${o.year}`}>录入{o.year}年的通知</a>
                    </>
                  ) : (
                    ''
                  )}
                </td>
                <td>{o.year === shown ? '（见下）' : <a href={`/admin/calendar?year=${o.year}#months`}>查看{o.year}年月历</a>}</td>
              </tr>
            ))}
          </tbody>
        </table>

        <p>
          <a href="/admin/calendar/notices/new">录入国务院办公厅放假安排通知</a>
        </p>
        <form method="post" action="/admin/calendar/recompute" class="form inline-form" aria-label="重新计算期限">
          <input type="hidden" name="_csrf" value={viewer.csrf} />
          <p class="help">
            新版本在程序中收录了新一年的国务院办公厅通知后，请重新计算一次，使未办结申请的期限和“暂定”标记随之更新（在本页录入的通知会自动重新计算）。
          </p>
          <button type="submit">重新计算所有未办结申请的期限</button>
        </form>

        <section aria-labelledby="overrides">
          <h2 id="overrides">地方调整</h2>
          {overrides.length ? (
            <table class="list">
              <caption>本县录入的地方调整</caption>
              <thead>
                <tr>
                  <th scope="col">日期</th>
                  <th scope="col">类别</th>
                  <th scope="col">理由</th>
                  <th scope="col">录入时间</th>
                </tr>
              </thead>
              <tbody>
                {overrides.map((o) => (
                  <tr>
                    <td>
                      {o.date} {weekdayName(o.date)}
                    </td>
                    <td>{o.working ? '上班' : '放假'}</td>
                    <td>{o.reason}</td>
                    <td>{portalDateTime(o.created_at)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>目前没有地方调整，全部按国务院办公厅的安排计算。</p>
          )}
          <h3 id="add-override">添加地方调整</h3>
          <form method="post" action="/admin/calendar/overrides" class="form" aria-labelledby="add-override">
            <input type="hidden" name="_csrf" value={viewer.csrf} />
            <Text name="date" label="日期（YYYY-MM-DD）" value={add.date} />
            <SelectField name="kind" label="调整为" value={add.kind} options={overrideKinds} />
            <Text name="reason" label="理由（如：县委县政府决定某日放假，文号）" value={add.reason} />
            <button type="submit">添加并重新计算期限</button>
          </form>
          {overrides.length ? (
            <>
              <h3 id="remove-override">撤销地方调整</h3>
              <form method="post" action="/admin/calendar/overrides/remove" class="form" aria-labelledby="remove-override">
                <input type="hidden" name="_csrf" value={viewer.csrf} />
                <SelectField
                  name="removeDate"
                  label="要撤销的调整"
                  value={remove.removeDate}
                  options={overrides.map((o) => [o.date, `${o.date} ${o.working ? '上班' : '放假'}：${o.reason}`] as const)}
                />
                <Text name="removeReason" label="撤销原因" value={remove.removeReason} />
                <button type="submit">撤销并重新计算期限</button>
              </form>
            </>
          ) : (
            ''
          )}
        </section>

        <section aria-labelledby="months">
          <h2 id="months">{shown}年月历</h2>
          <nav aria-label="选择年度" class="pager">
            {years.map((y) => (y === shown ? <span aria-current="page">{y}</span> : <a href={`/admin/calendar?year=${y}#months`}>{y}</a>))}
          </nav>
          <p>
            {selected.notice
              ? `依据${selected.notice.number}《${calendar.arrangement(shown)?.notice.title ?? ''}》${selected.entered ? '（平台管理员录入）' : ''}。`
              : `${shown}年${provisionalText(selected)}。`}
            全年工作日{selected.workingDays}天。
          </p>
          <ul class="cal-legend">
            <li class="weekend">周末</li>
            <li class="holiday">休：法定节假日</li>
            <li class="makeup">班：调休上班</li>
            <li class="local">地方调整</li>
            <li>暂定：所在年度的放假安排通知尚未收录，法定节假日按《全国年节及纪念日放假办法》暂计</li>
          </ul>
          <div class="cal-months">
            {selected.months.map((m) => (
              <Month year={shown} grid={m} />
            ))}
          </div>
        </section>

        <section aria-labelledby="calculator">
          <h2 id="calculator">期限计算</h2>
          <CalculatorForm />
        </section>
      </Layout>,
      state.status ?? 200,
    );
  };

  app.get('/admin/calendar', async (request, reply) => calendarPage(request, reply));
  await registerNoticeRoutes(app, { ctx, mayAdminister, calendarPage });

  app.post<{ Body: Form }>('/admin/calendar/overrides', { preHandler: app.csrfProtection }, async (request, reply) => {
    await mayAdminister(request);
    const b = request.body ?? {};
    const date = String(b.date ?? '').trim();
    try {
      const r = await addCalendarOverride(ctx, actorOf(request), { date, kind: String(b.kind ?? ''), reason: String(b.reason ?? '') });
      const kind = b.kind === 'workingDay' ? '上班' : '放假';
      return calendarPage(request, reply, { notice: `已将${date}调整为${kind}。${recomputedText(r)}` });
    } catch (e) {
      if (e instanceof InputError) return calendarPage(request, reply, { errors: e.errors, add: b, status: 400 });
      throw e;
    }
  });

  app.post<{ Body: Form }>('/admin/calendar/overrides/remove', { preHandler: app.csrfProtection }, async (request, reply) => {
    await mayAdminister(request);
    const b = request.body ?? {};
    const date = String(b.removeDate ?? '').trim();
    try {
      const r = await removeCalendarOverride(ctx, actorOf(request), date, String(b.removeReason ?? ''));
      return calendarPage(request, reply, { notice: `已撤销${date}的地方调整。${recomputedText(r)}` });
    } catch (e) {
      if (e instanceof InputError) {
        const errors = e.errors.map((x) => ({ ...x, field: x.field === 'reason' ? 'removeReason' : x.field === 'date' ? 'removeDate' : x.field }));
        return calendarPage(request, reply, { errors, remove: b, status: 400 });
      }
      throw e;
    }
  });

  app.post('/admin/calendar/recompute', { preHandler: app.csrfProtection }, async (request, reply) => {
    await mayAdminister(request);
    const r = await recomputeAllDeadlines(ctx, actorOf(request));
    return calendarPage(request, reply, { notice: recomputedText(r) });
  });

  // The calculator: any staff member; counted on the calendar with the local changes.
  app.get<{ Querystring: Partial<CalculatorInput> }>('/admin/calendar/deadline', async (request, reply) => {
    const tree = await listAgencies(ctx.db);
    const q = { from: String(request.query.from ?? ''), days: String(request.query.days ?? ''), paused: String(request.query.paused ?? '') };
    const asked = q.from !== '' || q.days !== '';
    const read = asked ? readCalculator(q) : null;
    const errors = Array.isArray(read) ? read : [];
    let result: { due: string; provisional: boolean; lines: string[] } | null = null;
    if (read && !Array.isArray(read)) {
      const calendar = await loadCalendar(ctx.db);
      const d = addWorkingDays(calendar, read.from, read.days, read.paused);
      result = { due: d.due, provisional: d.provisional, lines: explainDeadline(d, calendar) };
    }
    const platform = can(actorOf(request), 'platform.administer', null, tree);
    return sendPage(
      reply,
      <Layout title="期限计算" site={await siteInfo(ctx.db)} area="admin" viewer={viewerOf(request, reply, tree)}>
        <Breadcrumbs trail={[['工作台', '/admin'], ...(platform ? ([['工作日历', '/admin/calendar']] as const) : []), ['期限计算', null]]} />
        <h1>期限计算</h1>
        <ErrorSummary errors={errors} />
        {result ? (
          <section aria-labelledby="result" class="deadline-result">
            <h2 id="result">
              期满日：{result.due}（{weekdayName(result.due)}）{result.provisional ? '（暂定）' : ''}
            </h2>
            <ul class="deadline-lines">
              {result.lines.map((l) => (
                <li>{l.trim()}</li>
              ))}
            </ul>
          </section>
        ) : (
          ''
        )}
        <CalculatorForm values={q} />
      </Layout>,
      errors.length ? 400 : 200,
    );
  });
}

const Text = ({ name, label, value }: { name: string; label: string; value?: string | undefined }) => (
  <div class="field">
    <label for={`field-${name}`}>{label}</label>
    <input id={`field-${name}`} name={name} type="text" value={value ?? ''} />
  </div>
);

const CalculatorForm: FC<{ values?: CalculatorInput }> = ({ values }) => (
  <form method="get" action="/admin/calendar/deadline" class="form" aria-label="期限计算">
    <p class="help">
      常用期限：答复{timeLimits.reply.workingDays}个工作日（{timeLimits.reply.basis}），延长最长{timeLimits.extension.workingDays}个工作日；补正告知
      {timeLimits.correctionNotice.workingDays}个工作日（
      {timeLimits.correctionNotice.basis}）；第三方意见{timeLimits.thirdPartyOpinion.workingDays}个工作日（{timeLimits.thirdPartyOpinion.basis}）；缴费
      {timeLimits.feePayment.workingDays}个工作日（
      {timeLimits.feePayment.basis}）；主动公开{timeLimits.proactivePublication.workingDays}个工作日（{timeLimits.proactivePublication.basis}
      ）。起算日当天不计入。
    </p>
    <Text name="from" label="起算日期（YYYY-MM-DD，如收到申请之日）" value={values?.from} />
    <Text name="days" label="工作日数" value={values?.days} />
    <div class="field">
      <label for="field-paused">暂停计算的区间（可不填；每行一段，如 2024-02-20至2024-03-01，首尾两日包括在内）</label>
      <textarea id="field-paused" name="paused" rows={3}>
        {values?.paused ?? ''}
      </textarea>
    </div>
    <button type="submit">计算</button>
  </form>
);
