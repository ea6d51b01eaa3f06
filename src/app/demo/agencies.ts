/**
 * The demo county: 华容县 (湖南省岳阳市, 行政区划代码 430623) with four towns and three
 * departments. 插旗镇's code is the one its real report's 索引号 carries; the others are
 * made up and pass the 统一社会信用代码 check.
 */
import type { AgencyKind } from '../../law/agency-kinds.ts';

export interface DemoAgency {
  slug: string;
  name: string;
  shortName: string;
  kind: AgencyKind;
  code: string;
  /** 落款 of the agency's annual report. */
  signer: string;
  /** Villages or places the agency's applications and notices name. */
  places: readonly string[];
  /** Applications received per year 2022-2024 (2021: open cases migrated at start). */
  volume: Readonly<Record<2021 | 2022 | 2023 | 2024, number>>;
  /** Proactively published items per year. */
  items: readonly [number, number, number];
}

export const demoCounty: DemoAgency = {
  slug: 'county',
  name: '华容县人民政府',
  shortName: '县政府',
  kind: 'countyGovernment',
  code: '11430623006380016T',
  signer: '华容县人民政府办公室',
  places: ['章华镇', '治河渡镇', '万庾镇', '插旗镇', '东山镇', '三封寺镇'],
  volume: { 2021: 2, 2022: 24, 2023: 31, 2024: 27 },
  items: [96, 118, 104],
};

export const demoAgencies: readonly DemoAgency[] = [
  demoCounty,
  {
    slug: 'chaqi',
    name: '华容县插旗镇人民政府',
    shortName: '插旗镇',
    kind: 'town',
    code: '006382564L',
    signer: '插旗镇人民政府办公室',
    places: ['插旗村', '新民村', '团山村', '杨家垱村', '龙池村'],
    volume: { 2021: 0, 2022: 2, 2023: 0, 2024: 3 },
    items: [29, 34, 31],
  },
  {
    slug: 'zhanghua',
    name: '华容县章华镇人民政府',
    shortName: '章华镇',
    kind: 'town',
    code: '11430623006381123F',
    signer: '章华镇人民政府办公室',
    places: ['东湖社区', '黄湖村', '大荆湖村', '华一村', '城西社区'],
    volume: { 2021: 0, 2022: 8, 2023: 11, 2024: 9 },
    items: [44, 52, 47],
  },
  {
    slug: 'zhihedu',
    name: '华容县治河渡镇人民政府',
    shortName: '治河渡镇',
    kind: 'town',
    code: '11430623006382273H',
    signer: '治河渡镇人民政府办公室',
    places: ['治河渡村', '天星村', '幸福村', '荷花村'],
    volume: { 2021: 0, 2022: 3, 2023: 5, 2024: 4 },
    items: [26, 31, 28],
  },
  {
    slug: 'wanyu',
    name: '华容县万庾镇人民政府',
    shortName: '万庾镇',
    kind: 'town',
    code: '11430623006383452Y',
    signer: '万庾镇人民政府办公室',
    places: ['万庾村', '潘家村', '合兴村', '长岭村'],
    volume: { 2021: 0, 2022: 2, 2023: 4, 2024: 6 },
    items: [22, 27, 25],
  },
  {
    slug: 'minzheng',
    name: '华容县民政局',
    shortName: '县民政局',
    kind: 'department',
    code: '1143062300638456XG',
    signer: '华容县民政局',
    places: ['章华镇', '治河渡镇', '万庾镇', '插旗镇'],
    volume: { 2021: 0, 2022: 12, 2023: 15, 2024: 18 },
    items: [58, 63, 61],
  },
  {
    slug: 'ziran',
    name: '华容县自然资源局',
    shortName: '县自然资源局',
    kind: 'department',
    code: '114306230063856187',
    signer: '华容县自然资源局',
    places: ['章华镇', '治河渡镇', '万庾镇', '插旗镇', '东山镇'],
    volume: { 2021: 3, 2022: 20, 2023: 26, 2024: 22 },
    items: [71, 80, 76],
  },
  {
    slug: 'shichang',
    name: '华容县市场监督管理局',
    shortName: '县市场监管局',
    kind: 'department',
    code: '11430623006386792R',
    signer: '华容县市场监督管理局',
    places: ['章华镇', '治河渡镇', '万庾镇', '插旗镇'],
    volume: { 2021: 0, 2022: 10, 2023: 14, 2024: 16 },
    items: [64, 69, 72],
  },
];

/** Demo records start in 2022; the platform keeps every agency's records from then on. */
export const demoRecordsFrom = 2022;
export const demoYears = [2022, 2023, 2024] as const;
