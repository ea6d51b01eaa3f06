/**
 * The 勾稽 and compliance rules an annual report is checked against (spec §1.6, §7).
 * Severity `error` blocks publication. Some rules are errors for a report the platform
 * computed and warnings for one read from a published document, where the platform
 * can only point at the problem (T3-04 as the spec states it; X-03 likewise, since real
 * reports such as the seed write "无。" in section 六; X-04, whose words a published
 * report may put otherwise). A rule of the 2021 format applies from the 2021 report
 * (`fromYear`): 2019 and 2020 reports rightly used the 2019 试行 format.
 */
import type { AgencyKind } from '../agency-kinds.ts';
import { formatDocument } from './format-2021.ts';

export type Severity = 'error' | 'warning';
export type ReportOrigin = 'platform' | 'imported';

interface RuleSpec {
  title: string;
  severity: Severity | Record<ReportOrigin, Severity>;
  basis: string;
  /** The first report year the rule applies to; reports of earlier years are not checked against it. */
  fromYear?: number;
}

export const reportRules = {
  'T2-01': { title: '表二数值为非负数，件数为整数', severity: 'error', basis: '格式要求' },
  'T2-02': { title: '无规章制定权的机关规章各项应为0', severity: 'error', basis: '《立法法》' },
  'T2-03': { title: '现行有效件数与上年数、本年制发、废止件数衔接', severity: 'warning', basis: '实践' },
  'T2-04': { title: '行政规范性文件件数与文件库一致', severity: 'warning', basis: '实践' },
  'T2-05': { title: '行政事业性收费以万元为单位，不超过4位小数', severity: 'warning', basis: '格式要求' },
  'T3-01': { title: '第一项加第二项之和等于第三项加第四项之和', severity: 'error', basis: '表三注释' },
  'T3-02': { title: '办理结果总计等于各项办理结果之和', severity: 'error', basis: '表三结构' },
  'T3-03': { title: '总计列等于各类申请人之和', severity: 'error', basis: '表三结构' },
  'T3-04': { title: '表三数值为非负整数，不留空', severity: { platform: 'error', imported: 'warning' }, basis: '实践' },
  'T3-05': { title: '上年结转数等于上年度报告结转下年度数', severity: { platform: 'error', imported: 'warning' }, basis: '实践' },
  'T3-06': { title: '结转下年度数等于年末未办结申请数', severity: 'error', basis: '表三结构' },
  'T3-07': { title: '每件申请只计入一项办理结果', severity: 'error', basis: '表三注释（只计这一情形）' },
  'T3-08': { title: '逾期未缴费与信息处理费说明一致', severity: 'warning', basis: '国办函〔2020〕109号' },
  'T3-09': { title: '无新收和结转申请时办理结果和结转均为0', severity: 'error', basis: '表三勾稽' },
  'T3-10': { title: '总体情况中的申请数字与表三一致', severity: 'warning', basis: '实践' },
  'T4-01': { title: '复议、诉讼各组总计等于维持、纠正、其他、尚未审结之和', severity: 'error', basis: '表四结构' },
  'T4-02': { title: '表四数值为非负整数，不留空', severity: 'error', basis: '表四结构' },
  'T4-03': { title: '上年尚未审结的案件本年应继续统计', severity: 'warning', basis: '实践' },
  'X-01': { title: '六个部分齐全、顺序和标题正确', severity: 'error', basis: '国办公开办函〔2021〕30号' },
  'X-02': { title: '使用2021年版格式', severity: 'error', basis: '国办公开办函〔2021〕30号', fromYear: formatDocument.firstYear },
  // The 30号 format's section 六 asks for the 信息处理费 collected; 109号 is the fee itself.
  'X-03': {
    title: '第六部分说明信息处理费收取情况',
    severity: { platform: 'error', imported: 'warning' },
    basis: '国办公开办函〔2021〕30号（第六部分）、国办函〔2020〕109号',
    fromYear: formatDocument.firstYear,
  },
  // 第五十条 "应当包括"; a 街道办事处 is not a 人民政府.
  'X-04': {
    title: '各级人民政府（街道办事处除外）报告工作考核、社会评议和责任追究结果情况',
    severity: { platform: 'error', imported: 'warning' },
    basis: '条例第五十条第（四）项',
  },
  'X-05': { title: '报告年度与正文年份一致', severity: 'warning', basis: '实践' },
  'X-06': { title: '按期发布年度报告', severity: 'warning', basis: '条例第四十九条' },
  'X-07': { title: '报告正文不应大段重复本单位上年或本县其他乡镇的报告', severity: 'warning', basis: '国办公开办函〔2021〕30号（内容雷同）' },
  'X-08': { title: '报告在年报栏目发布并保存结构化数据', severity: 'warning', basis: '实践' },
  'X-09': {
    title: '总体情况包括主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障',
    severity: 'warning',
    basis: '国办公开办函〔2021〕30号（第一部分）',
    fromYear: formatDocument.firstYear,
  },
  // Findings of the report reader (`gongkai check`, src/extract/report) about the document it
  // read, not checks of the numbers: a cell it could not read is null and gets one of these,
  // so that no number is ever guessed (issue 5). Not in spec §1.6; no validator reports them.
  'P-01': { title: '未能读出表格中的数字', severity: 'error', basis: '读取报告' },
  'P-02': { title: '单元格留空或标为不适用', severity: 'warning', basis: '年度报告JSON约定' },
  'P-03': { title: '标题中未读出单位名称或年度', severity: 'warning', basis: '读取报告' },
} as const satisfies Record<string, RuleSpec>;

export type RuleId = keyof typeof reportRules;
export const ruleIds = Object.keys(reportRules) as RuleId[];
/** P-01 … P-03: found by the report reader in a document, not by the validators in the numbers. */
export const readingRuleIds = ruleIds.filter((id) => id.startsWith('P-'));
/** The rules of spec §1.6 that the validators check. */
export const checkedRuleIds = ruleIds.filter((id) => !id.startsWith('P-'));

export function ruleSeverity(rule: RuleId, origin: ReportOrigin): Severity {
  const s: RuleSpec['severity'] = reportRules[rule].severity;
  return typeof s === 'string' ? s : s[origin];
}

/** Whether `rule` applies to the report of `year` (X-02, X-03, X-09 from the 2021 report). */
export function ruleApplies(rule: RuleId, year: number): boolean {
  const spec: RuleSpec = reportRules[rule];
  return spec.fromYear === undefined || year >= spec.fromYear;
}

/**
 * T2-05: 行政事业性收费 (万元) at or above which a report's amount looks like 元 typed as
 * 万元, by the kind of body. A town collects nothing near 100 万元 a year (3,500 元 typed as
 * "3500" is the usual slip); a county department may, through 不动产登记费 and the like,
 * reach some hundreds of 万元, not 1000; a county government (or a body the title does not
 * tell) keeps the wide bound.
 */
export const feeUnitSuspicionThresholds: Record<AgencyKind | 'unknown', number> = {
  town: 100,
  department: 1000,
  countyGovernment: 10000,
  unknown: 10000,
};

/**
 * X-04 (条例 第五十条第（四）项): the three things a 人民政府 reports the results of, in
 * section 一 (监督保障) or 五. A sentence counts only if it also states a result
 * (`accountabilityResult`): "健全……责任追究……等制度" names a rule, not a result.
 */
export const accountabilityTopics = [
  { name: '工作考核', words: /考核/ },
  { name: '社会评议', words: /评议/ },
  { name: '责任追究', words: /责任追究|追责|问责/ },
] as const;

/** Words that make a sentence report an outcome: 考核结果良好, 未发生责任追究, 评议满意度95%, 问责2人. */
export const accountabilityResult =
  /结果|未发生|未出现|没有|(?<!有)无(?!障碍|论)|满意|良好|优秀|合格|达标|称职|[0-9０-９]+\s*%|[0-9０-９一二两三四五六七八九十]+\s*(?:人次|次|件|人|起|例|名)/;

/** the topics 国办公开办函〔2021〕30号 lists for section 一 (总体情况), and words that show each is covered. */
export const overviewTopics = [
  { name: '主动公开', words: /主动公开/ },
  { name: '依申请公开', words: /依申请公开|政府信息公开申请/ },
  { name: '政府信息管理', words: /信息(?:的)?管理/ },
  { name: '政府信息公开平台建设', words: /平台/ },
  { name: '监督保障', words: /监督/ },
] as const;
/** share of repeated narrative above which a report is flagged as copied. */
export const copyShareThreshold = 0.8;
