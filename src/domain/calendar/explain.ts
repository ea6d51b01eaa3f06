/** How a deadline was counted, in the words a case handler checks it by. */
import { nextYearNoticeReachesBackTo } from '../../law/calendar/labels.ts';
import { yearOf } from '../shared/dates.ts';
import type { Deadline, DeadlineDay } from './deadline.ts';
import { weekdayName } from './days.ts';
import { measuresInForce } from './statutory.ts';
import type { WorkingCalendar } from './working-calendar.ts';

function dayLine({ day, ordinal, skippedBecause }: DeadlineDay): string {
  const what = ordinal !== null ? [`第${ordinal}个工作日`, ...(day.kind === 'weekday' ? [] : [day.label])] : ['不计', skippedBecause ?? ''];
  const notes = [...(day.notice ? [day.notice] : []), ...(day.pendingNoticeYear !== undefined ? ['暂定'] : [])];
  return ['', `${day.date} ${weekdayName(day.date)}`, ...what, ...notes].join('  ').trimEnd();
}

function noticeLines(d: Deadline, calendar: WorkingCalendar): string[] {
  const years = [...new Set(d.days.map((x) => yearOf(x.day.date)))];
  return years.flatMap((y) => {
    const a = calendar.arrangement(y);
    if (!a) return [];
    const entered = calendar.enteredYears.includes(y) ? '（平台管理员据通知录入）' : '';
    return [
      `${y}年放假安排：${a.notice.number}《${a.notice.title}》${entered}`,
      ...(a.amendments ?? []).map((m) => `${y}年调整：${m.notice.number}《${m.notice.title}》`),
    ];
  });
}

/**
 * Why a count touching a year without its notice is provisional, and what it counted there;
 * `reachBack` when it counted the last days of the year before, which the notice may change too.
 */
export function pendingLine(year: number, reachBack: boolean): string {
  const [m, day] = nextYearNoticeReachesBackTo.split('-').map(Number);
  const measures = measuresInForce(year);
  const counted = measures
    ? `按《${measures.title}》（${measures.decree}）规定的法定节假日和周末计算，法定节假日适逢周末的补假和调休上班由通知安排，暂不计入`
    : '只按周末计算';
  const before = reachBack ? `；${year - 1}年${m}月${day}日起的几天也可能因${year}年元旦调休而改变` : '';
  return `暂定：${year}年的国务院办公厅放假安排通知尚未收入日历，${year}年${counted}${before}；通知公布并收入日历后须重新计算。`;
}

export function explainDeadline(d: Deadline, calendar: WorkingCalendar): string[] {
  const lines = [
    d.workingDays === 0
      ? `自${d.from}（${weekdayName(d.from)}）起算，0个工作日，期满日即${d.from}。`
      : `自${d.from}（${weekdayName(d.from)}）起算，起算日不计入，第${d.workingDays}个工作日为${d.due}（${weekdayName(d.due)}）。`,
  ];
  if (d.paused.length) lines.push(`暂停计算：${d.paused.map((r) => `${r.from}至${r.to}`).join('、')}（其间的工作日不计入，首尾两日包括在内）。`);
  lines.push(...noticeLines(d, calendar));
  for (const y of d.pendingNoticeYears)
    lines.push(
      pendingLine(
        y,
        d.days.some((x) => x.day.date.startsWith(`${y - 1}-`) && x.day.pendingNoticeYear === y),
      ),
    );
  if (d.days.length) lines.push('逐日计算：', ...d.days.map(dayLine));
  return lines;
}
