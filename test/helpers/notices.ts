/** Holiday notices for the tests of notices entered as data. */
import type { NoticeEntry } from '../../src/domain/calendar/notice-entry.ts';

/** A plausible 2027 notice (made up: the real one is not out): every statutory weekday off, 补假 for 劳动节 on the weekend. */
export function notice2027(): NoticeEntry {
  return {
    year: 2027,
    number: '国办发明电〔2026〕9号',
    title: '国务院办公厅关于2027年部分节假日安排的通知',
    date: '2026-11-20',
    url: 'https://www.gov.cn/zhengce/content/202611/content_1.htm',
    breaks: [
      { holidays: ['元旦'], weekdaysOff: ['2027-01-01'], makeUpWorkingDays: [] },
      {
        holidays: ['春节'],
        weekdaysOff: ['2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'],
        makeUpWorkingDays: ['2027-01-31', '2027-02-20'],
      },
      { holidays: ['清明节'], weekdaysOff: ['2027-04-05'], makeUpWorkingDays: [] },
      { holidays: ['劳动节'], weekdaysOff: ['2027-05-03', '2027-05-04', '2027-05-05'], makeUpWorkingDays: ['2027-04-25', '2027-05-08'] },
      { holidays: ['端午节'], weekdaysOff: ['2027-06-09'], makeUpWorkingDays: [] },
      { holidays: ['中秋节'], weekdaysOff: ['2027-09-15'], makeUpWorkingDays: [] },
      {
        holidays: ['国庆节'],
        weekdaysOff: ['2027-10-01', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07'],
        makeUpWorkingDays: ['2027-09-26', '2027-10-09'],
      },
    ],
  };
}
