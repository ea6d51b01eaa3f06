/**
 * The calendar screen's holiday notices entered as data (platform administrators only): the
 * form to enter a year's State Council notice when it appears, and an entered notice's page
 * with its versions, the correction form and the removal form. Each change recomputes every
 * open case's deadlines and returns to the calendar with the counts.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FC } from 'hono/jsx';
import { enteredNotices } from '../../app/calendar/calendar.ts';
import { correctHolidayNotice, enterHolidayNotice, removeHolidayNotice, type NoticeChange } from '../../app/calendar/notices.ts';
import type { AppContext } from '../../app/context.ts';
import type { Agency } from '../../domain/agencies/agency.ts';
import { weekdayName } from '../../domain/calendar/days.ts';
import { chinaDate, portalDateTime } from '../../domain/shared/dates.ts';
import { InputError, NotFoundError, type FieldError } from '../../domain/shared/result.ts';
import { holidayArrangements, type YearArrangement } from '../../law/calendar/index.ts';
import { holidayNoticeVersions } from '../../store/calendar.repo.ts';
import { siteInfo } from '../site.ts';
import { Breadcrumbs, TextField } from '../views/components.tsx';
import { ErrorSummary, Layout } from '../views/layout.tsx';
import { sendPage } from '../views/page.ts';
import { blankValues, formErrors, inputOf, NoticeForm, readValues, valuesOf, type Body, type NoticeFormValues } from './calendar-notice-form.tsx';
import { actorOf } from './access.ts';
import { viewerOf } from './viewer.ts';

export type CalendarPage = (request: FastifyRequest, reply: FastifyReply, state: { notice?: string; year?: number }) => Promise<FastifyReply>;

interface Deps {
  ctx: AppContext;
  mayAdminister: (request: FastifyRequest) => Promise<Agency[]>;
  calendarPage: CalendarPage;
}

/** The first year a version of the 放假办法 applies (its statutory days check an entry). */
const firstEnterableYear = 2008;

/** Years a notice may be entered for now: up to next year, none in code or already entered; newest first. */
export function enterableYears(today: string, entered: readonly number[]): number[] {
  const code = new Set(holidayArrangements.map((a) => a.year));
  const years: number[] = [];
  for (let y = Number(today.slice(0, 4)) + 1; y >= firstEnterableYear; y--) if (!code.has(y) && !entered.includes(y)) years.push(y);
  return years;
}

const changedText = (r: NoticeChange) => `已重新计算${r.checked}件未办结申请的期限，其中${r.changed}件的期限有变化（已记入各案卷）。`;
const statusNames = { current: '现行', replaced: '已被更正版本替代', removed: '已撤销' } as const;

const Breaks: FC<{ a: YearArrangement }> = ({ a }) => (
  <table class="list">
    <caption>放假安排</caption>
    <thead>
      <tr>
        <th scope="col">节日</th>
        <th scope="col">放假的工作日</th>
        <th scope="col">调休上班日</th>
      </tr>
    </thead>
    <tbody>
      {a.breaks.map((b) => (
        <tr>
          <th scope="row">{b.holidays.join('、')}</th>
          <td>{b.weekdaysOff.map((d) => `${d} ${weekdayName(d)}`).join('，')}</td>
          <td>{b.makeUpWorkingDays.map((d) => `${d} ${weekdayName(d)}`).join('，') || '无'}</td>
        </tr>
      ))}
    </tbody>
  </table>
);

export async function registerNoticeRoutes(app: FastifyInstance, { ctx, mayAdminister, calendarPage }: Deps): Promise<void> {
  const today = () => chinaDate(ctx.now());

  const enterPage = async (request: FastifyRequest, reply: FastifyReply, state: { values?: NoticeFormValues; errors?: FieldError[]; status?: number } = {}) => {
    const tree = await mayAdminister(request);
    const viewer = viewerOf(request, reply, tree);
    const years = enterableYears(
      today(),
      (await enteredNotices(ctx.db)).map((a) => a.year),
    );
    const asked = Number((request.query as { year?: string }).year);
    const values = state.values ?? blankValues(years.includes(asked) ? asked : (years[0] ?? Number(today().slice(0, 4)) + 1));
    return sendPage(
      reply,
      <Layout title="录入放假安排通知" site={await siteInfo(ctx.db)} area="admin" viewer={viewer}>
        <Breadcrumbs
          trail={[
            ['工作台', '/admin'],
            ['工作日历', '/admin/calendar'],
            ['录入放假安排通知', null],
          ]}
        />
        <h1>录入国务院办公厅放假安排通知</h1>
        <p class="help">
          程序中没有收录的年度，国务院办公厅的部分节假日安排通知公布后，可在此按原文录入，不必等待新版本。录入时按《全国年节及纪念日放假办法》核对法定节假日；录入后立即按通知重新计算所有未办结申请的期限，“暂定”标记随之取消。
        </p>
        <ErrorSummary errors={state.errors ?? []} />
        <NoticeForm action="/admin/calendar/notices" csrf={viewer.csrf} values={values} errors={state.errors ?? []} years={years} submit="录入并重新计算期限" />
      </Layout>,
      state.status ?? 200,
    );
  };

  const noticePage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    year: number,
    state: { values?: NoticeFormValues; errors?: FieldError[]; removeReason?: string; status?: number } = {},
  ) => {
    const tree = await mayAdminister(request);
    const versions = await holidayNoticeVersions(ctx.db, year);
    if (!versions.length) throw new NotFoundError(`${year}年没有录入的放假安排通知`);
    const current = (await enteredNotices(ctx.db)).find((a) => a.year === year);
    const viewer = viewerOf(request, reply, tree);
    const errors = state.errors ?? [];
    return sendPage(
      reply,
      <Layout title={`${year}年放假安排通知`} site={await siteInfo(ctx.db)} area="admin" viewer={viewer}>
        <Breadcrumbs
          trail={[
            ['工作台', '/admin'],
            ['工作日历', '/admin/calendar'],
            [`${year}年放假安排通知`, null],
          ]}
        />
        <h1>{year}年放假安排通知（平台管理员录入）</h1>
        <ErrorSummary errors={errors} />
        {current ? (
          <>
            <p>
              {current.notice.number}《{current.notice.title}》，成文日期{current.notice.date}
              {current.notice.url ? (
                <>
                  ，<a href={current.notice.url}>原文</a>
                </>
              ) : (
                ''
              )}
              。
            </p>
            <Breaks a={current} />
          </>
        ) : (
          <p>
            这份通知已撤销，{year}年按法定节假日暂计。<a href={`/admin/calendar/notices/new?year=${year}`}>重新录入{year}年的通知</a>
          </p>
        )}
        <table class="list">
          <caption>录入记录</caption>
          <thead>
            <tr>
              <th scope="col">版本</th>
              <th scope="col">发文字号</th>
              <th scope="col">录入</th>
              <th scope="col">更正原因</th>
              <th scope="col">状态</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr>
                <td>第{v.version}版</td>
                <td>{v.number}</td>
                <td>
                  {portalDateTime(v.entered_at)} {v.entered_by_name ?? ''}
                </td>
                <td>{v.reason ?? ''}</td>
                <td>
                  {statusNames[v.status]}
                  {v.ended_at ? `（${portalDateTime(v.ended_at)} ${v.ended_by_name ?? ''}${v.status === 'removed' ? `：${v.end_reason ?? ''}` : ''}）` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {current ? (
          <>
            <section aria-labelledby="correct">
              <h2 id="correct">更正</h2>
              <p class="help">按通知原文改正后提交；原录入内容作为旧版本保留。</p>
              <NoticeForm
                action={`/admin/calendar/notices/${year}/correct`}
                csrf={viewer.csrf}
                values={state.values ?? valuesOf(current)}
                errors={errors}
                years={null}
                submit="更正并重新计算期限"
                reasonLabel="更正原因"
              />
            </section>
            <section aria-labelledby="remove">
              <h2 id="remove">撤销</h2>
              <form method="post" action={`/admin/calendar/notices/${year}/remove`} class="form" aria-labelledby="remove">
                <input type="hidden" name="_csrf" value={viewer.csrf} />
                <p class="help">撤销后{year}年重新按法定节假日暂计，相关期限标为“暂定”。</p>
                <TextField name="removeReason" label="撤销原因" value={state.removeReason} error={errors.find((e) => e.field === 'removeReason')?.message} />
                <button type="submit">撤销并重新计算期限</button>
              </form>
            </section>
          </>
        ) : (
          ''
        )}
      </Layout>,
      state.status ?? 200,
    );
  };

  const yearParam = (request: FastifyRequest) => {
    const raw = (request.params as { year: string }).year;
    if (!/^\d{4}$/.test(raw)) throw new NotFoundError('没有这个年度');
    return Number(raw);
  };

  app.get('/admin/calendar/notices/new', async (request, reply) => enterPage(request, reply));

  app.post<{ Body: Body }>('/admin/calendar/notices', { preHandler: app.csrfProtection }, async (request, reply) => {
    await mayAdminister(request);
    const values = readValues(request.body ?? {});
    const { input, rowOf } = inputOf(values);
    try {
      const r = await enterHolidayNotice(ctx, actorOf(request), input);
      return calendarPage(request, reply, { notice: `已录入${r.year}年的放假安排通知（${input.number.trim()}）。${changedText(r)}`, year: r.year });
    } catch (e) {
      if (e instanceof InputError) return enterPage(request, reply, { values, errors: formErrors(e.errors, rowOf), status: 400 });
      throw e;
    }
  });

  app.get('/admin/calendar/notices/:year', async (request, reply) => noticePage(request, reply, yearParam(request)));

  app.post<{ Body: Body }>('/admin/calendar/notices/:year/correct', { preHandler: app.csrfProtection }, async (request, reply) => {
    await mayAdminister(request);
    const year = yearParam(request);
    const values = { ...readValues(request.body ?? {}), year: String(year) };
    const { input, rowOf } = inputOf(values);
    try {
      const r = await correctHolidayNotice(ctx, actorOf(request), input, values.reason ?? '');
      return calendarPage(request, reply, { notice: `已更正${year}年的放假安排通知（第${r.version}版）。${changedText(r)}`, year });
    } catch (e) {
      if (e instanceof InputError) return noticePage(request, reply, year, { values, errors: formErrors(e.errors, rowOf), status: 400 });
      throw e;
    }
  });

  app.post<{ Body: Body }>('/admin/calendar/notices/:year/remove', { preHandler: app.csrfProtection }, async (request, reply) => {
    await mayAdminister(request);
    const year = yearParam(request);
    const reason = String(request.body?.removeReason ?? '');
    try {
      const r = await removeHolidayNotice(ctx, actorOf(request), year, reason);
      return calendarPage(request, reply, { notice: `已撤销录入的${year}年放假安排通知，${year}年重新按法定节假日暂计。${changedText(r)}`, year });
    } catch (e) {
      if (e instanceof InputError) {
        const errors = e.errors.map((x) => (x.field === 'reason' ? { ...x, field: 'removeReason' } : x));
        return noticePage(request, reply, year, { errors, removeReason: reason, status: 400 });
      }
      throw e;
    }
  });
}
