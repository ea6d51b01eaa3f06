/**
 * Holiday arrangements 2019–2022 as the State Council notices declare them. Day lists
 * were seeded from chinese-days 1.5.7 and checked against the notices' text; a test
 * holds every day equal to that package.
 */
import type { YearArrangement } from './types.ts';

export const arrangements2019to2022: readonly YearArrangement[] = [
  {
    year: 2019,
    notice: {
      number: '国办发明电〔2018〕15号',
      title: '国务院办公厅关于2019年部分节假日安排的通知',
      date: '2018-12-04',
      url: 'http://www.gov.cn/xinwen/2018-12/06/content_5346287.htm',
    },
    breaks: [
      // 2018年12月30日至2019年1月1日放假调休；2018年12月29日（星期六）上班
      { holidays: ['元旦'], weekdaysOff: ['2018-12-31', '2019-01-01'], makeUpWorkingDays: ['2018-12-29'] },
      {
        holidays: ['春节'],
        weekdaysOff: ['2019-02-04', '2019-02-05', '2019-02-06', '2019-02-07', '2019-02-08'],
        makeUpWorkingDays: ['2019-02-02', '2019-02-03'],
      },
      { holidays: ['清明节'], weekdaysOff: ['2019-04-05'], makeUpWorkingDays: [] },
      { holidays: ['劳动节'], weekdaysOff: ['2019-05-01'], makeUpWorkingDays: [] },
      { holidays: ['端午节'], weekdaysOff: ['2019-06-07'], makeUpWorkingDays: [] },
      { holidays: ['中秋节'], weekdaysOff: ['2019-09-13'], makeUpWorkingDays: [] },
      {
        holidays: ['国庆节'],
        weekdaysOff: ['2019-10-01', '2019-10-02', '2019-10-03', '2019-10-04', '2019-10-07'],
        makeUpWorkingDays: ['2019-09-29', '2019-10-12'],
      },
    ],
    amendments: [
      {
        notice: {
          number: '国办发明电〔2019〕3号',
          title: '国务院办公厅关于调整2019年劳动节假期安排的通知',
          date: '2019-03-22',
          url: 'http://www.gov.cn/zhengce/content/2019-03/22/content_5375877.htm',
        },
        holidays: ['劳动节'],
        summary: '2019年5月1日至4日放假调休，共4天；4月28日（星期日）、5月5日（星期日）上班',
        weekdaysOff: ['2019-05-02', '2019-05-03'],
        makeUpWorkingDays: ['2019-04-28', '2019-05-05'],
      },
    ],
  },
  {
    year: 2020,
    notice: {
      number: '国办发明电〔2019〕16号',
      title: '国务院办公厅关于2020年部分节假日安排的通知',
      date: '2019-11-21',
      url: 'http://www.gov.cn/zhengce/content/2019-11/21/content_5454164.htm',
    },
    breaks: [
      { holidays: ['元旦'], weekdaysOff: ['2020-01-01'], makeUpWorkingDays: [] },
      {
        holidays: ['春节'],
        weekdaysOff: ['2020-01-24', '2020-01-27', '2020-01-28', '2020-01-29', '2020-01-30'],
        makeUpWorkingDays: ['2020-01-19', '2020-02-01'],
      },
      { holidays: ['清明节'], weekdaysOff: ['2020-04-06'], makeUpWorkingDays: [] },
      { holidays: ['劳动节'], weekdaysOff: ['2020-05-01', '2020-05-04', '2020-05-05'], makeUpWorkingDays: ['2020-04-26', '2020-05-09'] },
      { holidays: ['端午节'], weekdaysOff: ['2020-06-25', '2020-06-26'], makeUpWorkingDays: ['2020-06-28'] },
      {
        holidays: ['国庆节', '中秋节'],
        weekdaysOff: ['2020-10-01', '2020-10-02', '2020-10-05', '2020-10-06', '2020-10-07', '2020-10-08'],
        makeUpWorkingDays: ['2020-09-27', '2020-10-10'],
      },
    ],
    amendments: [
      {
        notice: {
          number: '国办发明电〔2020〕1号',
          title: '国务院办公厅关于延长2020年春节假期的通知',
          date: '2020-01-26',
          url: 'http://www.gov.cn/zhengce/content/2020-01/27/content_5472352.htm',
        },
        holidays: ['春节'],
        summary: '为防控新型冠状病毒感染的肺炎疫情，延长2020年春节假期至2月2日（星期日），2月3日（星期一）起正常上班',
        weekdaysOff: ['2020-01-31'],
        // the 2月1日（星期六） 调休上班 of the first notice fell inside the extended break
        makeUpWorkingDaysCancelled: ['2020-02-01'],
      },
    ],
  },
  {
    year: 2021,
    notice: {
      number: '国办发明电〔2020〕27号',
      title: '国务院办公厅关于2021年部分节假日安排的通知',
      date: '2020-11-25',
      url: 'http://www.gov.cn/zhengce/content/2020-11/25/content_5564127.htm',
    },
    breaks: [
      { holidays: ['元旦'], weekdaysOff: ['2021-01-01'], makeUpWorkingDays: [] },
      {
        holidays: ['春节'],
        weekdaysOff: ['2021-02-11', '2021-02-12', '2021-02-15', '2021-02-16', '2021-02-17'],
        makeUpWorkingDays: ['2021-02-07', '2021-02-20'],
      },
      { holidays: ['清明节'], weekdaysOff: ['2021-04-05'], makeUpWorkingDays: [] },
      { holidays: ['劳动节'], weekdaysOff: ['2021-05-03', '2021-05-04', '2021-05-05'], makeUpWorkingDays: ['2021-04-25', '2021-05-08'] },
      { holidays: ['端午节'], weekdaysOff: ['2021-06-14'], makeUpWorkingDays: [] },
      { holidays: ['中秋节'], weekdaysOff: ['2021-09-20', '2021-09-21'], makeUpWorkingDays: ['2021-09-18'] },
      {
        holidays: ['国庆节'],
        weekdaysOff: ['2021-10-01', '2021-10-04', '2021-10-05', '2021-10-06', '2021-10-07'],
        makeUpWorkingDays: ['2021-09-26', '2021-10-09'],
      },
    ],
  },
  {
    year: 2022,
    notice: {
      number: '国办发明电〔2021〕11号',
      title: '国务院办公厅关于2022年部分节假日安排的通知',
      date: '2021-10-25',
      url: 'http://www.gov.cn/zhengce/content/2021-10/25/content_5644835.htm',
    },
    breaks: [
      { holidays: ['元旦'], weekdaysOff: ['2022-01-03'], makeUpWorkingDays: [] },
      {
        holidays: ['春节'],
        weekdaysOff: ['2022-01-31', '2022-02-01', '2022-02-02', '2022-02-03', '2022-02-04'],
        makeUpWorkingDays: ['2022-01-29', '2022-01-30'],
      },
      { holidays: ['清明节'], weekdaysOff: ['2022-04-04', '2022-04-05'], makeUpWorkingDays: ['2022-04-02'] },
      { holidays: ['劳动节'], weekdaysOff: ['2022-05-02', '2022-05-03', '2022-05-04'], makeUpWorkingDays: ['2022-04-24', '2022-05-07'] },
      { holidays: ['端午节'], weekdaysOff: ['2022-06-03'], makeUpWorkingDays: [] },
      { holidays: ['中秋节'], weekdaysOff: ['2022-09-12'], makeUpWorkingDays: [] },
      {
        holidays: ['国庆节'],
        weekdaysOff: ['2022-10-03', '2022-10-04', '2022-10-05', '2022-10-06', '2022-10-07'],
        makeUpWorkingDays: ['2022-10-08', '2022-10-09'],
      },
    ],
  },
];
