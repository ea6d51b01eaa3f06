/** Table 四 (行政复议、行政诉讼情况): fifteen numbers, three groups of five, in the declared order. */
import { appealColumnKeys, appealColumns, appealGroupLabel, appealGroups } from '../../law/report-format/index.ts';
import type { AnnualReport } from '../../domain/reports/annual-report.ts';
import type { Finding } from '../../domain/reports/findings.ts';
import { fit, type Group } from './groups.ts';
import { cellValue, readerFinding } from './findings.ts';

const count = appealGroups.length * appealColumns.length;

/**
 * The table's numbers in reading order: one row of fifteen (the format), or a group of five
 * under each of the three headings (reports that split the table). Any other count cannot be
 * placed without guessing: every cell is then null with one finding.
 */
export function readAppeals(groups: readonly Group[], appeals: AnnualReport['appeals'], findings: Finding[]): void {
  const values = groups.flatMap((g) => g.values);
  const cells = fit(values, count);
  if (!cells) {
    const filled = values.filter((v) => v.kind !== 'blank').length;
    const what = filled === 0 ? '未找到表四的数字' : `表四读到${filled}个数字，应为${count}个，无法确定各数字所在的列`;
    findings.push(readerFinding('P-01', 'appeals', `${what}，按空值处理`));
    return;
  }
  appealGroups.forEach((g, gi) => {
    appealColumnKeys.forEach((col, ci) => {
      const v = cells[gi * appealColumnKeys.length + ci]!;
      const name = `表四“${appealGroupLabel(g.key)}”的“${appealColumns[ci]!.label}”`;
      appeals[g.key][col] = cellValue(v, name, `appeals.${g.key}`, findings, false, col);
    });
  });
}
