/** Holiday arrangements 2023–2026 as the State Council notices declare them (spec §6.2). */
import type { YearArrangement } from './types.ts';

export const arrangements2023to2026: readonly YearArrangement[] = [
  {
    year: 2023,
    notice: {
      number: '国办发明电〔2022〕16号',
      title: '国务院办公厅关于2023年部分节假日安排的通知',
      date: '2022-12-08',
      url: 'http://www.gov.cn/zhengce/content/2022-12/08/content_5730844.htm',
    },
    breaks: [
      { holidays: ['元旦'], weekdaysOff: ['2023-01-02'], makeUpWorkingDays: [] },
      {
        holidays: ['春节'],
        weekdaysOff: ['2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26', '2023-01-27'],
        makeUpWorkingDays: ['2023-01-28', '2023-01-29'],
      },
      { holidays: ['清明节'], weekdaysOff: ['2023-04-05'], makeUpWorkingDays: [] },
      { holidays: ['劳动节'], weekdaysOff: ['2023-05-01', '2023-05-02', '2023-05-03'], makeUpWorkingDays: ['2023-04-23', '2023-05-06'] },
      { holidays: ['端午节'], weekdaysOff: ['2023-06-22', '2023-06-23'], makeUpWorkingDays: ['2023-06-25'] },
      {
        holidays: ['中秋节', '国庆节'],
        weekdaysOff: ['2023-09-29', '2023-10-02', '2023-10-03', '2023-10-04', '2023-10-05', '2023-10-06'],
        makeUpWorkingDays: ['2023-10-07', '2023-10-08'],
      },
    ],
  },
  {
    year: 2024,
    notice: {
      number: '国办发明电〔2023〕7号',
      title: '国务院办公厅关于2024年部分节假日安排的通知',
      date: '2023-10-25',
      url: 'https://www.gov.cn/zhengce/content/202310/content_6911527.htm',
    },
    breaks: [
      { holidays: ['元旦'], weekdaysOff: ['2024-01-01'], makeUpWorkingDays: [] },
      {
        holidays: ['春节'],
        weekdaysOff: ['2024-02-12', '2024-02-13', '2024-02-14', '2024-02-15', '2024-02-16'],
        makeUpWorkingDays: ['2024-02-04', '2024-02-18'],
      },
      { holidays: ['清明节'], weekdaysOff: ['2024-04-04', '2024-04-05'], makeUpWorkingDays: ['2024-04-07'] },
      { holidays: ['劳动节'], weekdaysOff: ['2024-05-01', '2024-05-02', '2024-05-03'], makeUpWorkingDays: ['2024-04-28', '2024-05-11'] },
      { holidays: ['端午节'], weekdaysOff: ['2024-06-10'], makeUpWorkingDays: [] },
      { holidays: ['中秋节'], weekdaysOff: ['2024-09-16', '2024-09-17'], makeUpWorkingDays: ['2024-09-14'] },
      {
        holidays: ['国庆节'],
        weekdaysOff: ['2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-07'],
        makeUpWorkingDays: ['2024-09-29', '2024-10-12'],
      },
    ],
    notes: ['通知鼓励各单位安排职工在除夕（2月9日）休息，但未列为放假，2月9日按工作日计算'],
  },
  {
    year: 2025,
    notice: {
      number: '国办发明电〔2024〕12号',
      title: '国务院办公厅关于2025年部分节假日安排的通知',
      date: '2024-11-12',
      url: 'https://www.gov.cn/zhengce/content/202411/content_6986382.htm',
    },
    breaks: [
      { holidays: ['元旦'], weekdaysOff: ['2025-01-01'], makeUpWorkingDays: [] },
      {
        holidays: ['春节'],
        weekdaysOff: ['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-03', '2025-02-04'],
        makeUpWorkingDays: ['2025-01-26', '2025-02-08'],
      },
      { holidays: ['清明节'], weekdaysOff: ['2025-04-04'], makeUpWorkingDays: [] },
      { holidays: ['劳动节'], weekdaysOff: ['2025-05-01', '2025-05-02', '2025-05-05'], makeUpWorkingDays: ['2025-04-27'] },
      { holidays: ['端午节'], weekdaysOff: ['2025-06-02'], makeUpWorkingDays: [] },
      {
        holidays: ['国庆节', '中秋节'],
        weekdaysOff: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08'],
        makeUpWorkingDays: ['2025-09-28', '2025-10-11'],
      },
    ],
  },
  {
    year: 2026,
    notice: {
      number: '国办发明电〔2025〕7号',
      title: '国务院办公厅关于2026年部分节假日安排的通知',
      date: '2025-11-04',
      url: 'https://www.gov.cn/zhengce/content/202511/content_7047090.htm',
    },
    breaks: [
      { holidays: ['元旦'], weekdaysOff: ['2026-01-01', '2026-01-02'], makeUpWorkingDays: ['2026-01-04'] },
      {
        holidays: ['春节'],
        weekdaysOff: ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-23'],
        makeUpWorkingDays: ['2026-02-14', '2026-02-28'],
      },
      { holidays: ['清明节'], weekdaysOff: ['2026-04-06'], makeUpWorkingDays: [] },
      { holidays: ['劳动节'], weekdaysOff: ['2026-05-01', '2026-05-04', '2026-05-05'], makeUpWorkingDays: ['2026-05-09'] },
      { holidays: ['端午节'], weekdaysOff: ['2026-06-19'], makeUpWorkingDays: [] },
      { holidays: ['中秋节'], weekdaysOff: ['2026-09-25'], makeUpWorkingDays: [] },
      {
        holidays: ['国庆节'],
        weekdaysOff: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
        makeUpWorkingDays: ['2026-09-20', '2026-10-10'],
      },
    ],
  },
];
