/** The checks of a holiday notice a platform administrator enters as data. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkNoticeEntry, dateTokens, type NoticeEntry } from '../../../src/domain/calendar/notice-entry.ts';
import { holidayArrangements } from '../../../src/law/calendar/index.ts';
import { notice2027 } from '../../helpers/notices.ts';

const today = '2026-11-27';
const context = { codeYears: holidayArrangements.map((a) => a.year), today };

const fields = (e: NoticeEntry) => {
  const r = checkNoticeEntry(e, context);
  return r.ok ? [] : r.errors.map((x) => `${x.field}:${x.code}`);
};
const messages = (e: NoticeEntry) => {
  const r = checkNoticeEntry(e, context);
  return r.ok ? '' : r.errors.map((x) => x.message).join('\n');
};
const withBreak = (i: number, change: Partial<NoticeEntry['breaks'][number]>): NoticeEntry => {
  const e = notice2027();
  return { ...e, breaks: e.breaks.map((b, j) => (j === i ? { ...b, ...change } : b)) };
};

describe('a notice that passes', () => {
  test("the 2027 notice becomes the year's arrangement, trimmed and sorted", () => {
    const e = notice2027();
    const r = checkNoticeEntry({ ...e, number: ` ${e.number} `, breaks: e.breaks.map((b) => ({ ...b, weekdaysOff: [...b.weekdaysOff].reverse() })) }, context);
    assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
    assert.equal(r.value.year, 2027);
    assert.equal(r.value.notice.number, '国办发明电〔2026〕9号');
    assert.deepEqual(r.value.breaks[1]!.weekdaysOff, notice2027().breaks[1]!.weekdaysOff);
    assert.equal(r.value.notice.url, e.url);
  });

  test('every notice in code (2019–2026) passes the same checks', () => {
    for (const a of holidayArrangements) {
      const r = checkNoticeEntry(
        { year: a.year, number: a.notice.number, title: a.notice.title, date: a.notice.date, url: a.notice.url, breaks: a.breaks },
        { codeYears: [], today },
      );
      assert.ok(r.ok, `${a.year}: ${!r.ok && r.errors.map((x) => x.message).join('；')}`);
    }
  });

  test('元旦 may reach back to 12-29 of the year before', () => {
    assert.deepEqual(fields(withBreak(0, { weekdaysOff: ['2026-12-31', '2027-01-01'], makeUpWorkingDays: [] })), []);
  });

  test("the form's lists split at spaces, commas and 、", () => {
    assert.deepEqual(dateTokens(' 2027-02-05、2027-02-08，2027-02-09\n2027-02-10; 2027-02-11 '), [
      '2027-02-05',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10',
      '2027-02-11',
    ]);
  });
});

describe('refused, naming the field', () => {
  test('a year the code declares, or out of reach', () => {
    assert.deepEqual(fields({ ...notice2027(), year: 2026, title: '国务院办公厅关于2026年部分节假日安排的通知' }), ['year:GK_NOTICE_IN_CODE']);
    assert.deepEqual(fields({ ...notice2027(), year: 2029 }), ['year:GK_NOTICE_YEAR']);
    assert.match(messages({ ...notice2027(), year: 2026 }), /2026年的放假安排通知已收录在程序中，不能再录入/);
  });

  test('particulars: 发文字号, title naming the year, 成文日期 not in the future, URL', () => {
    assert.deepEqual(fields({ ...notice2027(), number: ' ', title: '关于部分节假日安排的通知', date: '2026-12-01', url: 'gov.cn/x' }), [
      'number:GK_REQUIRED',
      'title:GK_NOTICE_TITLE',
      'date:GK_NOTICE_DATE',
      'url:GK_URL',
    ]);
    assert.deepEqual(fields({ ...notice2027(), date: '2026-02-30' }), ['date:GK_DATE']);
    assert.deepEqual(fields({ ...notice2027(), url: '' }), []);
  });

  test('a statutory holiday on a weekday not given off', () => {
    // 初三 2027-02-08 (Monday) left out of 春节
    const e = withBreak(1, { weekdaysOff: ['2027-02-05', '2027-02-09', '2027-02-10', '2027-02-11'] });
    assert.deepEqual(fields(e), ['breaks[1].weekdaysOff:GK_NOTICE_STATUTORY_DAY']);
    assert.match(messages(e), /2027-02-08（星期一）是春节的法定假日（《全国年节及纪念日放假办法》国务院令第795号：春节放假4天（农历除夕、正月初一至初三））/);
  });

  test('a holiday on a weekend without 补假 on a working day (第六条)', () => {
    // 劳动节 2027 is Saturday and Sunday: two weekdays off owed
    const e = withBreak(3, { weekdaysOff: ['2027-05-03'], makeUpWorkingDays: [] });
    assert.deepEqual(fields(e), ['breaks[3].weekdaysOff:GK_NOTICE_MAKE_UP']);
    assert.match(messages(e), /应当在工作日补假/);
  });

  test('a 调休上班 day on a weekday, a day off on a weekend', () => {
    assert.deepEqual(fields(withBreak(1, { makeUpWorkingDays: ['2027-02-19'] })), ['breaks[1].makeUpWorkingDays:GK_NOTICE_WEEKDAY_WORK']);
    assert.match(messages(withBreak(1, { makeUpWorkingDays: ['2027-02-19'] })), /调休上班日2027-02-19是星期五；调休上班日只能是星期六或星期日/);
    assert.deepEqual(fields(withBreak(4, { weekdaysOff: ['2027-06-09', '2027-06-12'] })), ['breaks[4].weekdaysOff:GK_NOTICE_WEEKEND_OFF']);
  });

  test('dates outside the year and its 12-29 reach-back, not dates, or listed twice', () => {
    assert.deepEqual(fields(withBreak(0, { weekdaysOff: ['2026-12-28', '2027-01-01'] })), ['breaks[0].weekdaysOff:GK_NOTICE_RANGE']);
    assert.deepEqual(fields(withBreak(6, { makeUpWorkingDays: ['2027-09-26', '2028-01-08'] })), ['breaks[6].makeUpWorkingDays:GK_NOTICE_RANGE']);
    assert.deepEqual(fields(withBreak(2, { weekdaysOff: ['2027-04-05', '4月6日'] })), ['breaks[2].weekdaysOff:GK_DATE']);
    assert.deepEqual(fields(withBreak(2, { weekdaysOff: ['2027-04-05', '2027-02-09'] })), ['breaks[2].weekdaysOff:GK_NOTICE_TWICE']);
    assert.match(messages(withBreak(2, { weekdaysOff: ['2027-04-05', '2027-02-09'] })), /2027-02-09 已列为第2项的放假日，同一天不能列两次/);
  });

  test('a holiday missing, named twice, unknown, or an item without one', () => {
    const e = notice2027();
    assert.deepEqual(fields({ ...e, breaks: e.breaks.filter((_, i) => i !== 4) }), ['breaks:GK_NOTICE_HOLIDAY_MISSING']);
    assert.match(messages({ ...e, breaks: e.breaks.filter((_, i) => i !== 4) }), /缺少端午节/);
    assert.deepEqual(fields(withBreak(5, { holidays: ['中秋节', '国庆节'] })), ['breaks[6].holidays:GK_NOTICE_HOLIDAY_TWICE']);
    assert.match(messages(withBreak(5, { holidays: ['中秋节', '国庆节'] })), /国庆节已在第6项中，每个节日只列一次/);
    assert.deepEqual(fields(withBreak(5, { holidays: ['中秋节', '重阳节'] })), ['breaks[5].holidays:GK_NOTICE_HOLIDAY']);
    assert.deepEqual(fields(withBreak(5, { holidays: [] })).slice(0, 1), ['breaks[5].holidays:GK_NOTICE_HOLIDAY']);
    assert.deepEqual(fields({ ...e, breaks: [] }), ['breaks:GK_NOTICE_HOLIDAY_MISSING']);
  });

  test('中秋节 and 国庆节 in one item, as the 2023 and 2025 notices put them', () => {
    const e = notice2027();
    const combined = {
      holidays: ['中秋节', '国庆节'],
      weekdaysOff: ['2027-09-15', ...e.breaks[6]!.weekdaysOff],
      makeUpWorkingDays: e.breaks[6]!.makeUpWorkingDays,
    };
    assert.deepEqual(fields({ ...e, breaks: [...e.breaks.slice(0, 5), combined] }), []);
  });
});
