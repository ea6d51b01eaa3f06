/**
 * 《中华人民共和国政府信息公开工作年度报告格式》, 国办公开办函〔2021〕30号 (dated
 * 2021-09-26): the sections, tables, rows, columns and labels of the annual report, as
 * data. Computation, validation, every renderer and the parser read this declaration;
 * no label is typed anywhere else. Keys are those of shared/contracts/annual-report-json.md.
 */
import { applicantTypes, applicantTypeKeys, type ApplicantType } from '../applicant-types.ts';
import { outcomeCodes, outcomeCodeKeys, outcomeGroups, type OutcomeCode, type OutcomeGroup } from '../outcome-codes.ts';
import { appealOutcomes, appealTracks, type AppealOutcome, type AppealTrack } from '../appeals.ts';

export const formatDocument = {
  number: '国办公开办函〔2021〕30号',
  title: '中华人民共和国政府信息公开工作年度报告格式',
  /** The first statistics year reported in this format. */
  firstYear: 2021,
} as const;

/**
 * What follows the year in the report's title (华容县插旗镇人民政府2023年政府信息公开工作年度报告);
 * the first is the format's, the others are how published reports also title it.
 */
export const reportTitleEndings = ['政府信息公开工作年度报告', '政府信息公开年度报告'] as const;

/** The report's title: agency full name + year. */
export function reportTitle(agencyName: string, year: number): string {
  return `${agencyName}${year}年${reportTitleEndings[0]}`;
}

export type NarrativeKey = 'overview' | 'problems' | 'other';
export type TableKey = 'active' | 'applications' | 'appeals';

export interface SectionSpec {
  numeral: string;
  title: string;
  content: { kind: 'narrative'; key: NarrativeKey } | { kind: 'table'; key: TableKey };
}

export const sections: readonly SectionSpec[] = [
  { numeral: '一', title: '一、总体情况', content: { kind: 'narrative', key: 'overview' } },
  { numeral: '二', title: '二、主动公开政府信息情况', content: { kind: 'table', key: 'active' } },
  { numeral: '三', title: '三、收到和处理政府信息公开申请情况', content: { kind: 'table', key: 'applications' } },
  { numeral: '四', title: '四、政府信息公开行政复议、行政诉讼情况', content: { kind: 'table', key: 'appeals' } },
  { numeral: '五', title: '五、存在的主要问题及改进情况', content: { kind: 'narrative', key: 'problems' } },
  { numeral: '六', title: '六、其他需要报告的事项', content: { kind: 'narrative', key: 'other' } },
];

export function sectionTitle(key: NarrativeKey | TableKey): string {
  const found = sections.find((s) => s.content.key === key);
  if (!found) throw new Error(`no section ${key}`);
  return found.title;
}

// ---------------------------------------------------------------- table 二

export type ActiveCellKey =
  | 'rules.issued'
  | 'rules.repealed'
  | 'rules.inForce'
  | 'normativeDocuments.issued'
  | 'normativeDocuments.repealed'
  | 'normativeDocuments.inForce'
  | 'licensing'
  | 'penalty'
  | 'coercion'
  | 'feesTenThousandYuan';

export interface ActiveRowSpec {
  label: string;
  cells: readonly ActiveCellKey[];
}
export interface ActiveBlockSpec {
  /** 条例 第二十条 item the block reports. */
  item: string;
  /** Header row: first the stub header (信息内容), then one label per value column. */
  header: readonly string[];
  rows: readonly ActiveRowSpec[];
}

export const activeTable = {
  blocks: [
    {
      item: '第二十条第（一）项',
      header: ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      rows: [
        { label: '规章', cells: ['rules.issued', 'rules.repealed', 'rules.inForce'] },
        {
          label: '行政规范性文件',
          cells: ['normativeDocuments.issued', 'normativeDocuments.repealed', 'normativeDocuments.inForce'],
        },
      ],
    },
    { item: '第二十条第（五）项', header: ['信息内容', '本年处理决定数量'], rows: [{ label: '行政许可', cells: ['licensing'] }] },
    {
      item: '第二十条第（六）项',
      header: ['信息内容', '本年处理决定数量'],
      rows: [
        { label: '行政处罚', cells: ['penalty'] },
        { label: '行政强制', cells: ['coercion'] },
      ],
    },
    {
      item: '第二十条第（八）项',
      header: ['信息内容', '本年收费金额（单位：万元）'],
      rows: [{ label: '行政事业性收费', cells: ['feesTenThousandYuan'] }],
    },
  ] as const satisfies readonly ActiveBlockSpec[],
  /** Width of the table in value columns (the widest block). */
  valueColumns: 3,
} as const;

/** Every cell of table 二 in reading order, with the labels that name it in a finding. */
export const activeCells: readonly { key: ActiveCellKey; row: string; column: string; decimal: boolean }[] = activeTable.blocks.flatMap((b) =>
  b.rows.flatMap((r) => r.cells.map((key, i) => ({ key, row: r.label, column: b.header[i + 1] ?? '', decimal: key === 'feesTenThousandYuan' }))),
);

// ---------------------------------------------------------------- table 三

export type ApplicationColumnKey = ApplicantType | 'total';
export type ApplicationRowKey = 'newReceived' | 'carriedOver' | OutcomeCode | 'totalHandled' | 'carriedForward';

export const applicationColumns: readonly { key: ApplicationColumnKey; label: string }[] = [
  ...applicantTypeKeys.map((key) => ({ key, label: applicantTypes[key].label })),
  { key: 'total', label: '总计' },
];
export const applicationColumnKeys = applicationColumns.map((c) => c.key);

/** A row of table 三: its key and the stub labels from the outermost level in. */
export interface ApplicationRowSpec {
  key: ApplicationRowKey;
  /** Stub labels by level (1 to 3); a row repeats the labels of the groups it sits in. */
  stub: readonly string[];
}

const handledTitle = '三、本年度办理结果';

function outcomeStub(code: OutcomeCode): string[] {
  const spec = outcomeCodes[code];
  const group: OutcomeGroup = spec.group;
  // The two leaf groups carry their own label; the others nest the numbered leaf under the group.
  return group === 'granted' || group === 'partiallyGranted' ? [handledTitle, spec.label] : [handledTitle, outcomeGroups[group].label, spec.label];
}

export const applicationRows: readonly ApplicationRowSpec[] = [
  { key: 'newReceived', stub: ['一、本年新收政府信息公开申请数量'] },
  { key: 'carriedOver', stub: ['二、上年结转政府信息公开申请数量'] },
  ...outcomeCodeKeys.map((key) => ({ key, stub: outcomeStub(key) })),
  { key: 'totalHandled', stub: [handledTitle, '（七）总计'] },
  { key: 'carriedForward', stub: ['四、结转下年度继续办理'] },
];
export const applicationRowKeys = applicationRows.map((r) => r.key);

export const applicationsTable = {
  note: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
  columnGroup: '申请人情况',
  organisationGroup: '法人或其他组织',
  stubDepth: 3,
} as const;

/** The label a finding uses for a row: its innermost stub, with its group for numbered leaves. */
export function applicationRowLabel(key: ApplicationRowKey): string {
  const row = applicationRows.find((r) => r.key === key);
  if (!row) throw new Error(`no row ${key}`);
  const s = row.stub;
  return s.length === 3 ? `${s[1]}${s[2]}` : (s[s.length - 1] ?? key);
}
export function applicationColumnLabel(key: ApplicationColumnKey): string {
  return applicationColumns.find((c) => c.key === key)?.label ?? key;
}

// ---------------------------------------------------------------- table 四

export type AppealColumnKey = AppealOutcome | 'pending' | 'total';

export const appealColumns: readonly { key: AppealColumnKey; label: string }[] = [
  { key: 'upheld', label: appealOutcomes.upheld.label },
  { key: 'corrected', label: appealOutcomes.corrected.label },
  { key: 'other', label: appealOutcomes.other.label },
  { key: 'pending', label: '尚未审结' },
  { key: 'total', label: '总计' },
];
export const appealColumnKeys = appealColumns.map((c) => c.key);

/** The three column groups of table 四, with their two-level header. */
export const appealGroups: readonly { key: AppealTrack; header: readonly string[] }[] = [
  { key: 'reconsideration', header: [appealTracks.reconsideration.label] },
  { key: 'litigationDirect', header: ['行政诉讼', appealTracks.litigationDirect.label] },
  { key: 'litigationAfterReconsideration', header: ['行政诉讼', appealTracks.litigationAfterReconsideration.label] },
];

export function appealGroupLabel(key: AppealTrack): string {
  const g = appealGroups.find((x) => x.key === key);
  return g ? g.header.join('') : key;
}
