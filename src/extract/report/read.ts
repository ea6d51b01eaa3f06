/**
 * Reads an annual report from its cells (cells.ts) with the format declaration of
 * src/law/report-format: the title, the six sections, tables 二, 三 and 四 and the narrative.
 * Pure: the same cells give the same report. It never invents a number: a cell it cannot
 * read is null with a finding (P-01, P-02) that says where.
 */
import { reportTitleEndings, sections } from '../../law/report-format/index.ts';
import { blankReport, type AnnualReport } from '../../domain/reports/annual-report.ts';
import type { Finding, ValidationContext } from '../../domain/reports/findings.ts';
import { selectCells, type Cells } from './cells.ts';
import { groupsOf, type Work } from './groups.ts';
import { findHeadings } from './sections.ts';
import { readTitle } from './title.ts';
import { readActive } from './active.ts';
import { readApplications } from './applications.ts';
import { readAppeals } from './appeals.ts';
import { narrativeText } from './narrative.ts';
import { readerFinding } from './findings.ts';
import { fold } from './text.ts';
import { withoutPageFurniture } from './pages.ts';

export interface ReadReport {
  report: AnnualReport;
  /** The reader's own findings (P-01 … P-03); the validators' come from `checkReport`. */
  findings: Finding[];
  /** What rules check in the document itself. */
  document: NonNullable<ValidationContext['document']>;
}

/** Why a document could not be read at all, in one Chinese sentence. */
export interface Unreadable {
  error: string;
}

const tableTitles = sections
  .filter((s) => s.content.kind === 'table')
  .map((s) => `“${s.title}”`)
  .join('');
const dateLine = /^(?:19|20)\d{2}年\d{1,2}月\d{1,2}日$/;

/** Section 六 without the signature (落款: the office and the date) that closes the report. */
function withoutSignature(cells: readonly string[]): string[] {
  const filled = cells.filter((c) => c !== '');
  for (let i = filled.length - 1; i >= Math.max(0, filled.length - 6); i--) {
    if (!dateLine.test(fold(filled[i]!).replace(/^[(（]|[)）]$/g, ''))) continue;
    const before = filled[i - 1];
    const signer = before !== undefined && before.length <= 30 && !/[。，,；;：:]/.test(before);
    return filled.slice(0, signer ? i - 1 : i);
  }
  return filled;
}

export function readCells(c: Cells, work: Work = { steps: 0 }): ReadReport | Unreadable {
  const all = withoutPageFurniture(c, work);
  const cells = all.cells;
  const h = findHeadings(cells, work);
  const at = (k: number) => h[k]!.at;
  const nextFound = (k: number) => {
    for (let j = k + 1; j < h.length; j++) if (at(j) >= 0) return at(j);
    return cells.length;
  };
  const firstFound = h.find((x) => x.at >= 0)?.at ?? cells.length;
  const title = readTitle(cells, at(0) >= 0 ? at(0) : firstFound);

  // A table's cells run from its heading to the next heading found; a table whose heading is
  // missing is looked for between the headings around it.
  let previousEnd = at(0) >= 0 ? at(0) + 1 : 0;
  const region = (k: number): [number, number] => {
    const start = at(k) >= 0 ? at(k) + 1 : previousEnd;
    const end = nextFound(k);
    previousEnd = at(k) >= 0 ? end : previousEnd;
    return [start, Math.max(start, end)];
  };
  // the title repeated as a page header inside a table is passed over
  const words: string[] = [];
  const tables = ([1, 2, 3] as const).map((k) => {
    const [from, to] = region(k);
    const slice = selectCells(all, (i) => i >= from && i < to && cells[i] !== title.text);
    return { cells: slice, groups: groupsOf(slice, 0, slice.cells.length, work, words) };
  });

  const findings: Finding[] = [];
  const report = blankReport(title.agency ?? '', title.year ?? 0);
  if (title.agency === null) findings.push(readerFinding('P-03', 'report', '未能从标题读出单位名称，单位名称留空'));
  if (title.garbled) {
    findings.push(readerFinding('P-03', 'report', `标题“${title.text}”的文字顺序与“XXXX年${reportTitleEndings[0]}”不符，按其读出年度${title.year}年，请核对`));
  }
  if (title.yearFrom === 'text') {
    findings.push(readerFinding('P-03', 'report', `标题和统计期限中未读出报告年度，按正文“${title.statement}”读作${title.year}年，请核对`));
  }

  const active = readActive(tables[0]!.groups, findings);
  report.active = active.active;
  if (active.active2019) {
    report.format = '2019';
    report.extra['active2019'] = active.active2019;
  }
  const applications = readApplications(tables[1]!, findings, work);
  report.applications.rows = applications.rows;
  if (applications.singleOtherDisposalRow && report.format === '2021') report.extra['otherDisposalSingleRow'] = true;
  readAppeals(tables[2]!, report.appeals, findings, work);

  const numbers =
    Object.values(report.applications.rows)
      .flat()
      .filter((v) => v !== null).length +
    Object.values(report.appeals)
      .flatMap((g) => Object.values(g))
      .filter((v) => v !== null).length;
  const tableHeadings = [1, 2, 3].filter((k) => at(k) >= 0).length;
  if (tableHeadings === 0 && numbers === 0) {
    return { error: `不是政府信息公开工作年度报告，或无法识别：没有找到${tableTitles}等部分及其表格` };
  }
  if (title.year === null) {
    return { error: '未能读出报告年度：标题中没有“XXXX年政府信息公开工作年度报告”，也没有“XXXX年1月1日至12月31日”的统计期限' };
  }

  const text = (k: number) => (at(k) >= 0 ? cells.slice(at(k) + 1, nextFound(k)) : []);
  report.text = {
    overview: narrativeText(text(0), c.lines),
    problems: narrativeText(text(4), c.lines),
    other: narrativeText(withoutSignature(text(5)), c.lines),
  };
  return {
    report,
    findings,
    document: {
      sectionTitles: h.filter((x) => x.at >= 0).map((x) => x.text),
      labels: words,
      singleOtherDisposalRow: applications.singleOtherDisposalRow,
    },
  };
}
