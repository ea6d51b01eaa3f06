/** A month of the working-day calendar as the calendar screen shows it: each day's kind, its holiday or change, and 暂定. */
import type { FC } from 'hono/jsx';
import type { DayStatus } from '../../domain/calendar/working-calendar.ts';
import type { MonthGrid } from '../../domain/calendar/year.ts';
import { provisionalHolidayNote } from '../../law/calendar/index.ts';

const weekdayHeads = ['一', '二', '三', '四', '五', '六', '日'];

/** What a day's cell says besides its number, and its class. */
function dayMark(d: DayStatus): { cls: string; text: string } {
  switch (d.kind) {
    case 'weekday':
      return { cls: '', text: '' };
    case 'weekend':
      return { cls: 'weekend', text: '' };
    case 'statutoryHoliday':
      return { cls: 'holiday', text: `休 ${d.label}` };
    case 'makeUpWorkingDay':
      return { cls: 'makeup', text: `班 ${d.label}` };
    case 'localHoliday':
      return { cls: 'local holiday', text: `休 ${d.label}` };
    case 'localWorkingDay':
      return { cls: 'local makeup', text: `班 ${d.label}` };
  }
}

export const Month: FC<{ year: number; grid: MonthGrid }> = ({ year, grid }) => (
  <table class="cal-month">
    <caption>
      {year}年{grid.month}月
    </caption>
    <thead>
      <tr>
        {weekdayHeads.map((h) => (
          <th scope="col">
            <abbr title={`星期${h}`}>{h}</abbr>
          </th>
        ))}
      </tr>
    </thead>
    <tbody>
      {grid.weeks.map((w) => (
        <tr>
          {w.map((d) => {
            if (!d) return <td></td>;
            const m = dayMark(d);
            const pending = d.pendingNoticeYear !== undefined;
            return (
              <td class={`${m.cls}${pending ? ' pending' : ''}`.trim() || undefined}>
                <span class="day">{Number(d.date.slice(8))}</span>
                {m.text ? <span class="mark">{m.text}</span> : ''}
                {pending ? (
                  <span
                    class="mark"
                    title={d.kind === 'statutoryHoliday' ? `${d.label}：${provisionalHolidayNote}` : `${d.pendingNoticeYear}年的放假安排通知尚未收录`}
                  >
                    暂定
                  </span>
                ) : (
                  ''
                )}
              </td>
            );
          })}
        </tr>
      ))}
    </tbody>
  </table>
);
