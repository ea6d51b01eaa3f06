/**
 * Narrative sections are written by staff and may hold placeholders that the platform
 * fills from the records, so that the figures in the prose always equal the tables
 * (rule T3-10): {{主动公开情况}}, {{依申请公开情况}}, {{行政复议诉讼情况}}, {{信息处理费情况}}.
 */
import { catalogueCategories, reportedCategoryKeys } from '../../law/catalogue-categories.ts';
import { outcomeGroups, type OutcomeGroup } from '../../law/outcome-codes.ts';
import { selfReference } from '../agencies/agency.ts';
import type { AnnualReport } from './annual-report.ts';
import type { ReportFacts } from './facts.ts';

export const placeholders = {
  proactive: '{{主动公开情况}}',
  applications: '{{依申请公开情况}}',
  appeals: '{{行政复议诉讼情况}}',
  fees: '{{信息处理费情况}}',
} as const;

/** 2023年，插旗镇通过县政府网站主动公开信息34条，其中，机构信息2条，…… */
export function proactiveSentence(facts: ReportFacts): string {
  const parts = reportedCategoryKeys.map((k) => [catalogueCategories[k].label, facts.published[k] ?? 0] as const).filter(([, n]) => n > 0);
  const total = parts.reduce((s, [, n]) => s + n, 0);
  const head = `${facts.year}年，${facts.agency.shortName}通过县政府网站主动公开信息${total}条`;
  if (total === 0) return `${head}。`;
  return `${head}，其中，${parts.map(([label, n]) => `${label}${n}条`).join('，')}。`;
}

const groupShort: Record<OutcomeGroup, string> = {
  granted: '予以公开',
  partiallyGranted: '部分公开',
  withheld: '不予公开',
  unableToProvide: '无法提供',
  notProcessed: '不予处理',
  otherDisposal: '其他处理',
};

function total(row: readonly (number | null)[]): number {
  return row[row.length - 1] ?? 0;
}

/** 本年度我镇未收到政府信息公开申请。 or the counts of table 三. */
export function applicationsSentence(report: AnnualReport, facts: ReportFacts): string {
  const self = selfReference(facts.agency);
  const rows = report.applications.rows;
  const received = total(rows.newReceived);
  const carried = total(rows.carriedOver);
  if (received === 0 && carried === 0) return `本年度${self}未收到政府信息公开申请。`;
  const head =
    `本年度${self}新收政府信息公开申请${received}件，上年结转${carried}件，` +
    `办结${total(rows.totalHandled)}件，结转下年度继续办理${total(rows.carriedForward)}件。`;
  const byGroup = new Map<OutcomeGroup, number>();
  for (const [code, counts] of Object.entries(facts.applications.handled)) {
    const group = code.split('.')[0] as OutcomeGroup;
    byGroup.set(group, (byGroup.get(group) ?? 0) + Object.values(counts).reduce((s, n) => s + n, 0));
  }
  const parts = (Object.keys(outcomeGroups) as OutcomeGroup[]).filter((g) => (byGroup.get(g) ?? 0) > 0).map((g) => `${groupShort[g]}${byGroup.get(g)}件`);
  return parts.length ? `${head}办结的申请中，${parts.join('，')}。` : head;
}

/** 本年度因政府信息公开工作被申请行政复议X件、被提起行政诉讼Y件…… */
export function appealsSentence(report: AnnualReport, facts: ReportFacts): string {
  const self = selfReference(facts.agency);
  const a = report.appeals;
  const reconsideration = a.reconsideration.total ?? 0;
  const litigation = (a.litigationDirect.total ?? 0) + (a.litigationAfterReconsideration.total ?? 0);
  if (reconsideration + litigation === 0) return `本年度${self}未发生因政府信息公开工作引起的行政复议、行政诉讼。`;
  const corrected = (a.reconsideration.corrected ?? 0) + (a.litigationDirect.corrected ?? 0) + (a.litigationAfterReconsideration.corrected ?? 0);
  return (
    `本年度${self}因政府信息公开工作涉及行政复议${reconsideration}件、行政诉讼${litigation}件` +
    (corrected > 0 ? `，其中结果纠正${corrected}件。` : '，均未被纠正。')
  );
}

/** 本年度未收取信息处理费。 or the amount and number of applications that paid (section 六). */
export function feesSentence(facts: ReportFacts): string {
  const f = facts.informationFees;
  return f.cases === 0 ? '本年度未收取信息处理费。' : `本年度依据《政府信息公开信息处理费管理办法》收取信息处理费${f.yuan}元，涉及申请${f.cases}件。`;
}

/** Replaces the placeholders of a narrative with sentences computed from the report. */
export function expandNarrative(text: string, report: AnnualReport, facts: ReportFacts): string {
  return text
    .replaceAll(placeholders.proactive, () => proactiveSentence(facts))
    .replaceAll(placeholders.applications, () => applicationsSentence(report, facts))
    .replaceAll(placeholders.appeals, () => appealsSentence(report, facts))
    .replaceAll(placeholders.fees, () => feesSentence(facts));
}

/** Paragraphs of a narrative section: one per non-empty line. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}
