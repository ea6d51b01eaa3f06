/**
 * The form of a State Council holiday notice entered as data: its particulars and up to seven
 * items (each: the holidays it names, the weekdays off, the 调休上班 weekend days), read from
 * the body with the items left empty dropped, and the app's field errors mapped back to the
 * row they came from. The statutory days of the year are listed above the items.
 */
import type { FC } from 'hono/jsx';
import type { NoticeInput } from '../../app/calendar/notices.ts';
import { weekdayName } from '../../domain/calendar/days.ts';
import { dateTokens } from '../../domain/calendar/notice-entry.ts';
import { statutoryDaysByHoliday, statutoryYear } from '../../domain/calendar/statutory.ts';
import type { FieldError } from '../../domain/shared/result.ts';
import { statutoryHolidays, type YearArrangement } from '../../law/calendar/index.ts';
import { SelectField, TextField } from '../views/components.tsx';

/** A notice names each of the seven holidays once; two in one item (中秋节、国庆节) leave a row empty. */
export const noticeRows = statutoryHolidays.length;

export interface NoticeRow {
  holidays: string[];
  off: string;
  work: string;
}

export interface NoticeFormValues {
  year: string;
  number: string;
  title: string;
  date: string;
  url: string;
  rows: NoticeRow[];
  reason?: string;
}

export type Body = Record<string, string | string[] | undefined>;
const text = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));
const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);

/** A new notice's form: one holiday a row, in the decree's order. */
export function blankValues(year: number): NoticeFormValues {
  return { year: String(year), number: '', title: '', date: '', url: '', rows: statutoryHolidays.map((h) => ({ holidays: [h], off: '', work: '' })) };
}

/** An entered notice in the form, for its correction. */
export function valuesOf(a: YearArrangement): NoticeFormValues {
  const rows = a.breaks.map((b) => ({ holidays: [...b.holidays], off: b.weekdaysOff.join(' '), work: b.makeUpWorkingDays.join(' ') }));
  while (rows.length < noticeRows) rows.push({ holidays: [], off: '', work: '' });
  return { year: String(a.year), number: a.notice.number, title: a.notice.title, date: a.notice.date, url: a.notice.url ?? '', rows };
}

export function readValues(b: Body): NoticeFormValues {
  const rows = Array.from({ length: noticeRows }, (_, i) => ({ holidays: list(b[`b${i}Holidays`]), off: text(b[`b${i}Off`]), work: text(b[`b${i}Work`]) }));
  return { year: text(b.year), number: text(b.number), title: text(b.title), date: text(b.date), url: text(b.url), rows, reason: text(b.reason) };
}

/** The app's input, and for each of its items the form row it came from. */
export function inputOf(v: NoticeFormValues): { input: NoticeInput; rowOf: number[] } {
  const rowOf: number[] = [];
  const breaks = v.rows.flatMap((r, i) => {
    const item = { holidays: r.holidays, weekdaysOff: dateTokens(r.off), makeUpWorkingDays: dateTokens(r.work) };
    if (!item.holidays.length && !item.weekdaysOff.length && !item.makeUpWorkingDays.length) return [];
    rowOf.push(i);
    return [item];
  });
  return { input: { year: v.year, number: v.number, title: v.title, date: v.date, url: v.url, breaks }, rowOf };
}

const rowFields = { holidays: 'Holidays', weekdaysOff: 'Off', makeUpWorkingDays: 'Work' } as const;

/** breaks[2].weekdaysOff → b4Off when the third item was typed in the fifth row. */
export function formErrors(errors: readonly FieldError[], rowOf: readonly number[]): FieldError[] {
  return errors.map((e) => {
    const m = /^breaks\[(\d+)\]\.(holidays|weekdaysOff|makeUpWorkingDays)$/.exec(e.field);
    if (!m) return e;
    const row = rowOf[Number(m[1])] ?? Number(m[1]);
    const message = e.message.replace(/第(\d+)项/g, (_, n: string) => `第${(rowOf[Number(n) - 1] ?? Number(n) - 1) + 1}项`);
    return { ...e, field: `b${row}${rowFields[m[2] as keyof typeof rowFields]}`, message };
  });
}

const errorOf = (errors: readonly FieldError[], field: string) => {
  const messages = errors.filter((e) => e.field === field).map((e) => e.message);
  return messages.length ? messages.join('；') : undefined;
};

/** The statutory days of the year, the check every entered notice passes. */
const StatutoryDays: FC<{ year: number }> = ({ year }) => {
  const s = statutoryYear(year);
  if (!s) return <p class="help">{year}年没有适用的《全国年节及纪念日放假办法》版本，无法核对法定节假日。</p>;
  const days = statutoryDaysByHoliday(year);
  return (
    <div class="help" id="statutory-days">
      <p>
        {year}年的法定节假日（《{s.measures.title}》，{s.measures.decree}）：适逢周一至周五的，须列为放假的工作日；适逢周六、周日的，{s.measures.makeUpRule}
        ，补在哪一天以通知为准。
      </p>
      <ul>
        {statutoryHolidays.map((h) => (
          <li>
            {h}：{(days.get(h) ?? []).map((d) => `${d}（${weekdayName(d)}）`).join('、')}
          </li>
        ))}
      </ul>
    </div>
  );
};

const Row: FC<{ i: number; row: NoticeRow; errors: readonly FieldError[] }> = ({ i, row, errors }) => {
  const holidaysError = errorOf(errors, `b${i}Holidays`);
  return (
    <fieldset class="group">
      <legend>第{i + 1}项</legend>
      <fieldset
        id={`field-b${i}Holidays`}
        class={holidaysError ? 'choices inline has-error' : 'choices inline'}
        aria-describedby={holidaysError ? `field-b${i}Holidays-error` : undefined}
      >
        <legend>节日（两节合并放假的，在同一项中勾选两个）</legend>
        {holidaysError ? (
          <p class="field-error" id={`field-b${i}Holidays-error`}>
            {holidaysError}
          </p>
        ) : (
          ''
        )}
        {statutoryHolidays.map((h) => (
          <div class="choice">
            <input type="checkbox" id={`b${i}-${h}`} name={`b${i}Holidays`} value={h} checked={row.holidays.includes(h)} />
            <label for={`b${i}-${h}`}>{h}</label>
          </div>
        ))}
      </fieldset>
      <TextField name={`b${i}Off`} label="放假的工作日（周一至周五，YYYY-MM-DD，以空格或逗号分隔）" value={row.off} error={errorOf(errors, `b${i}Off`)} />
      <TextField name={`b${i}Work`} label="调休上班日（周六、周日，可不填）" value={row.work} error={errorOf(errors, `b${i}Work`)} />
    </fieldset>
  );
};

/** The form; `years` are the years it may be entered for (a correction keeps its year). */
export const NoticeForm: FC<{
  action: string;
  csrf: string;
  values: NoticeFormValues;
  errors: readonly FieldError[];
  years: readonly number[] | null;
  submit: string;
  reasonLabel?: string;
}> = ({ action, csrf, values, errors, years, submit, reasonLabel }) => (
  <form method="post" action={action} class="form notice-form">
    <input type="hidden" name="_csrf" value={csrf} />
    {years ? (
      <SelectField name="year" label="年度" value={values.year} options={years.map((y) => [y, `${y}年`] as const)} error={errorOf(errors, 'year')} />
    ) : (
      <input type="hidden" name="year" value={values.year} />
    )}
    <TextField name="number" label="发文字号" hint="如：国办发明电〔2025〕7号" value={values.number} error={errorOf(errors, 'number')} />
    <TextField
      name="title"
      label="标题"
      hint={`如：国务院办公厅关于${values.year}年部分节假日安排的通知`}
      value={values.title}
      error={errorOf(errors, 'title')}
    />
    <TextField name="date" label="成文日期（YYYY-MM-DD）" value={values.date} error={errorOf(errors, 'date')} />
    <TextField name="url" label="网址（中国政府网上的原文，可不填）" value={values.url} error={errorOf(errors, 'url')} />
    <section id="field-breaks" aria-labelledby="breaks-title">
      <h2 id="breaks-title">放假安排（按通知逐项录入）</h2>
      {errorOf(errors, 'breaks') ? <p class="field-error">{errorOf(errors, 'breaks')}</p> : ''}
      <StatutoryDays year={Number(values.year)} />
      {values.rows.map((row, i) => (
        <Row i={i} row={row} errors={errors} />
      ))}
    </section>
    {reasonLabel ? <TextField name="reason" label={reasonLabel} value={values.reason} error={errorOf(errors, 'reason')} /> : ''}
    <button type="submit">{submit}</button>
  </form>
);
