/**
 * The demo county: 华容县 (湖南省岳阳市, 行政区划代码 430623) with four towns and three
 * departments. 插旗镇's code is the one its real report's 索引号 carries; the others are
 * made up and pass the 统一社会信用代码 check.
 */
import type { AgencyKind } from '../../law/agency-kinds.ts';
import type { AgencyContacts } from '../../store/portal.repo.ts';

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
  /** The 政府信息公开工作机构 its 指南 names (demo data: addresses and numbers are made up). */
  contacts: AgencyContacts;
}

const hours = '工作日上午8:00—12:00，下午14:30—17:30（法定节假日除外）';

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
  contacts: {
    officeName: '华容县人民政府办公室',
    officeAddress: '湖南省岳阳市华容县章华镇华容大道行政中心主楼3楼',
    officeHours: hours,
    officePhone: '0730-4221032',
    officeFax: '0730-4221033',
    officeEmail: 'hrxzfb@huarong.gov.cn',
    postcode: '414200',
  },
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
    contacts: {
      officeName: '插旗镇人民政府党政综合办公室',
      officeAddress: '湖南省岳阳市华容县插旗镇插旗村插旗大道88号',
      officeHours: hours,
      officePhone: '0730-4681002',
      officeFax: '0730-4681003',
      officeEmail: 'hrcqz@huarong.gov.cn',
      postcode: '414211',
    },
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
    contacts: {
      officeName: '章华镇人民政府党政综合办公室',
      officeAddress: '湖南省岳阳市华容县章华镇章华路156号',
      officeHours: hours,
      officePhone: '0730-4212606',
      officeFax: '0730-4212607',
      officeEmail: 'hrzhz@huarong.gov.cn',
      postcode: '414200',
    },
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
    contacts: {
      officeName: '治河渡镇人民政府党政综合办公室',
      officeAddress: '湖南省岳阳市华容县治河渡镇治河渡村新街12号',
      officeHours: hours,
      officePhone: '0730-4661018',
      officeFax: '',
      officeEmail: 'hrzhdz@huarong.gov.cn',
      postcode: '414206',
    },
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
    contacts: {
      officeName: '万庾镇人民政府党政综合办公室',
      officeAddress: '湖南省岳阳市华容县万庾镇万庾村万福路26号',
      officeHours: hours,
      officePhone: '0730-4641006',
      officeFax: '0730-4641008',
      officeEmail: 'hrwyz@huarong.gov.cn',
      postcode: '414209',
    },
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
    contacts: {
      officeName: '华容县民政局办公室',
      officeAddress: '湖南省岳阳市华容县章华镇华容大道行政中心2号楼4楼',
      officeHours: hours,
      officePhone: '0730-4225316',
      officeFax: '0730-4225318',
      officeEmail: 'hrxmzj@huarong.gov.cn',
      postcode: '414200',
    },
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
    contacts: {
      officeName: '华容县自然资源局办公室',
      officeAddress: '湖南省岳阳市华容县章华镇沿河路198号',
      officeHours: hours,
      officePhone: '0730-4223527',
      officeFax: '0730-4223529',
      officeEmail: 'hrxzrzyj@huarong.gov.cn',
      postcode: '414200',
    },
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
    contacts: {
      officeName: '华容县市场监督管理局办公室',
      officeAddress: '湖南省岳阳市华容县章华镇桥东路35号',
      officeHours: hours,
      officePhone: '0730-4228315',
      officeFax: '0730-4228316',
      officeEmail: 'hrxscjgj@huarong.gov.cn',
      postcode: '414200',
    },
  },
];

/** Demo records start in 2022; the platform keeps every agency's records from then on. */
export const demoRecordsFrom = 2022;
export const demoYears = [2022, 2023, 2024] as const;
