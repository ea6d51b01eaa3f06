/**
 * The 2019 trial format (国办公开办函〔2019〕60号, spec §1.8): its table 二 as data, and the
 * labels that exist only in it, used to tell a report written on the outdated template
 * (rule X-02). Tables 三 and 四 are those of the 2021 format, except that 三 has a single
 * （六）其他处理 row (`otherDisposal.other` in the report JSON contract).
 */
import { activeTable } from './format-2021.ts';

/** Keys of the 2019 table 二 rows, as they appear under `extra.active2019` of the report JSON. */
export type Active2019RowKey = 'rules' | 'normativeDocuments' | 'licensing' | 'otherManagementServices' | 'penalty' | 'coercion' | 'fees' | 'procurement';

export interface Active2019BlockSpec {
  item: string;
  /** Header row: the stub header (信息内容), then one label per value column. */
  header: readonly string[];
  /** The JSON key of each value column, in header order. */
  columns: readonly string[];
  rows: readonly { label: string; key: Active2019RowKey }[];
}

const decisions = {
  header: ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
  columns: ['previousYear', 'change', 'decisions'],
} as const;

export const activeTable2019 = {
  blocks: [
    {
      item: '第二十条第（一）项',
      header: ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'],
      columns: ['made', 'published', 'total'],
      rows: [
        { label: '规章', key: 'rules' },
        { label: '规范性文件', key: 'normativeDocuments' },
      ],
    },
    {
      item: '第二十条第（五）项',
      ...decisions,
      rows: [
        { label: '行政许可', key: 'licensing' },
        { label: '其他对外管理服务事项', key: 'otherManagementServices' },
      ],
    },
    {
      item: '第二十条第（六）项',
      ...decisions,
      rows: [
        { label: '行政处罚', key: 'penalty' },
        { label: '行政强制', key: 'coercion' },
      ],
    },
    {
      item: '第二十条第（八）项',
      header: ['信息内容', '上一年项目数量', '本年增/减'],
      columns: ['previousYear', 'change'],
      rows: [{ label: '行政事业性收费', key: 'fees' }],
    },
    {
      item: '第二十条第（九）项',
      header: ['信息内容', '采购项目数量', '采购总金额'],
      columns: ['projects', 'amount'],
      rows: [{ label: '政府集中采购', key: 'procurement' }],
    },
  ] as const satisfies readonly Active2019BlockSpec[],
} as const;

/**
 * The 2021 table 二 cells that have a 2019 counterpart: the 2019 处理决定数量 is the 2021
 * 本年处理决定数量. The other 2021 cells count something the 2019 table did not (制发/废止/现行有效
 * instead of 新制作/新公开/对外公开总数; 收费金额 instead of fee items) and stay null.
 */
export const active2019Counterparts = [
  { row: 'licensing', column: 'decisions', cell: 'licensing' },
  { row: 'penalty', column: 'decisions', cell: 'penalty' },
  { row: 'coercion', column: 'decisions', cell: 'coercion' },
] as const;

const labels2021 = activeTable.blocks.flatMap((b) => [b.item, ...b.header, ...b.rows.map((r) => r.label)]);

/**
 * Labels of the 2019 table 二 that no 2021 label contains. 规范性文件 and 处理决定数量 are left
 * out: they are part of 2021 labels (行政规范性文件, 本年处理决定数量), and a 2021 report
 * writing 规范性文件 is common; X-02 checks 处理决定数量 on its own.
 */
export const labels2019Only: readonly string[] = [
  ...new Set(activeTable2019.blocks.flatMap((b) => [b.item, ...b.header, ...b.rows.map((r) => r.label)])),
].filter((l) => !labels2021.some((x) => x.includes(l)));

/** The trial format accompanied the notice of 2019-11-27 and was used for the 2019 and 2020 reports (spec §1.8). */
export const formatDocument2019 = { number: '国办公开办函〔2019〕60号', firstYear: 2019, lastYear: 2020 } as const;
