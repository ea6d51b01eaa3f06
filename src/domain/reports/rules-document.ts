/** Rules on the report as a whole: X-01 … X-08. */
import {
  accountabilityResult,
  accountabilityTopics,
  copyShareThreshold,
  labels2019Only,
  overviewTopics,
  sections,
  type NarrativeKey,
} from '../../law/report-format/index.ts';
import type { AnnualReport } from './annual-report.ts';
import { finding, type Finding, type ValidationContext } from './findings.ts';
import { mostRepeated, shareInText, shinglesOf } from './similarity.ts';

const normalise = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

export function checkSections(r: AnnualReport, ctx: ValidationContext): Finding[] {
  const out: Finding[] = [];
  const titles = ctx.document?.sectionTitles;
  if (titles) {
    const found = titles.map(normalise);
    let cursor = 0;
    sections.forEach((s, i) => {
      const at = found.indexOf(normalise(s.title), cursor);
      if (at < 0) {
        const elsewhere = found.indexOf(normalise(s.title));
        // a section under its numeral but with other words (五、存在的主要问题及整改措施)
        const reworded = elsewhere < 0 ? titles.find((t, k) => k >= cursor && normalise(t).startsWith(`${s.numeral}、`)) : undefined;
        const message =
          elsewhere >= 0
            ? `第${s.numeral}部分“${s.title}”的顺序不对`
            : reworded !== undefined
              ? `第${s.numeral}部分的标题为“${reworded}”，应为“${s.title}”`
              : `缺少第${s.numeral}部分“${s.title}”`;
        out.push(finding('X-01', ctx, 'report', message, i + 1, null));
      } else cursor = at + 1;
    });
  }
  for (const s of sections) {
    if (s.content.kind !== 'narrative') continue;
    const key: NarrativeKey = s.content.key;
    if (r.text[key].trim() === '') out.push(finding('X-01', ctx, `text.${key}`, `第${s.numeral}部分“${s.title}”没有内容`));
  }
  return out;
}

export function checkTemplate(r: AnnualReport, ctx: ValidationContext): Finding[] {
  const out: Finding[] = [];
  if (r.format !== '2021') {
    out.push(finding('X-02', ctx, 'report', `报告使用了${r.format}年试行格式，${r.year}年度报告应使用国办公开办函〔2021〕30号格式`));
  }
  const labels = (ctx.document?.labels ?? []).map(normalise);
  for (const old of labels2019Only) {
    if (labels.includes(normalise(old))) out.push(finding('X-02', ctx, 'active', `报告使用了2019年试行格式的栏目“${old}”`));
  }
  if (labels.some((l) => l.includes('处理决定数量') && !l.includes('本年处理决定数量'))) {
    out.push(finding('X-02', ctx, 'active', '表二使用了2019年试行格式的“处理决定数量”，应为“本年处理决定数量”'));
  }
  if (ctx.document?.singleOtherDisposalRow) {
    out.push(finding('X-02', ctx, 'otherDisposal.other', '表三“（六）其他处理”只有一行（2019年试行格式），2021年格式分为三行'));
  }
  return out;
}

export function checkFeeSentence(r: AnnualReport, ctx: ValidationContext): Finding[] {
  if (/信息处理费/.test(r.text.other)) return [];
  return [finding('X-03', ctx, 'text.other', '第六部分“其他需要报告的事项”未说明信息处理费收取情况（如“本年度未收取信息处理费”）')];
}

/** Sentences of a narrative: split at 。；！？ and line ends. */
const sentencesOf = (text: string) => text.split(/[。；;！？!?\n]/).filter((x) => x.trim() !== '');

/** A 人民政府 (the county government, a town) but not a 街道办事处, which is no 人民政府. */
function isGovernment(r: AnnualReport, ctx: ValidationContext): boolean {
  if (/街道(?:办事处)?$/.test(r.agency.trim())) return false;
  const kind = ctx.agency?.kind ?? (/人民政府$/.test(r.agency) ? 'town' : null);
  return kind === 'town' || kind === 'countyGovernment';
}

/**
 * 各级人民政府 report the results of 工作考核、社会评议 and 责任追究 (条例 第五十条第（四）项):
 * each in a sentence of section 一 or 五 that states a result, not one naming a rule.
 */
export function checkGovernmentAccountability(r: AnnualReport, ctx: ValidationContext): Finding[] {
  if (!isGovernment(r, ctx)) return [];
  const stated = sentencesOf(`${r.text.overview}\n${r.text.problems}`).filter((x) => accountabilityResult.test(x));
  const missing = accountabilityTopics.filter((t) => !stated.some((x) => t.words.test(x)));
  if (missing.length === 0) return [];
  return [
    finding(
      'X-04',
      ctx,
      'text.overview',
      `人民政府的年度报告应报告工作考核、社会评议和责任追究结果情况（条例第五十条第（四）项），未见以下结果：${missing.map((t) => `${t.name}结果`).join('、')}`,
    ),
  ];
}

/** Section 一 covers the five topics the 2021 format lists for it, one warning for each one missing. */
export function checkOverviewTopics(r: AnnualReport, ctx: ValidationContext): Finding[] {
  const text = r.text.overview;
  if (text.trim() === '') return []; // an empty section is X-01's
  return overviewTopics
    .filter((t) => !t.words.test(text))
    .map((t) =>
      finding(
        'X-09',
        ctx,
        'text.overview',
        `第一部分“总体情况”未见“${t.name}”方面的内容（国办公开办函〔2021〕30号：总体情况主要包括主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障）`,
      ),
    );
}

/**
 * Years that are not a statistics period: a title (《2019年政务公开工作要点》), a full date
 * (2023年12月31日前制发的文件), or a law's revision (2019年修订的《条例》).
 */
function periodYears(sentence: string): number[] {
  const plain = sentence.replace(/《[^》]*》/g, '《》');
  const out: number[] = [];
  for (const m of plain.matchAll(/(?<!\d)((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)(?!度?(?:新)?(?:修订|修正|颁布|印发|施行))/g)) {
    out.push(Number(m[1]));
  }
  return out;
}

/** Sentences of section 一 that count something in a year other than the report's. */
export function checkYears(r: AnnualReport, ctx: ValidationContext): Finding[] {
  const out: Finding[] = [];
  for (const sentence of r.text.overview.split(/[。；;\n]/)) {
    if (/将|计划|上年|去年|同比|较|以来|起|至/.test(sentence)) continue;
    if (!/\d+\s*[件条项个篇次]/.test(sentence)) continue;
    for (const y of periodYears(sentence)) {
      if (y !== r.year) {
        out.push(
          finding('X-05', ctx, 'text.overview', `第一部分统计数字所在句子写的是${y}年，报告年度为${r.year}年：“${sentence.trim().slice(0, 40)}”`, r.year, y),
        );
      }
    }
  }
  return out;
}

export function checkTimeliness(_r: AnnualReport, ctx: ValidationContext): Finding[] {
  const p = ctx.publication;
  if (!p) return [];
  if (p.publishedOn !== null && p.publishedOn > p.deadline) {
    return [finding('X-06', ctx, 'report', `报告于${p.publishedOn}发布，晚于发布期限${p.deadline}`)];
  }
  if (p.publishedOn === null && p.asOf > p.deadline) {
    return [finding('X-06', ctx, 'report', `已超过发布期限${p.deadline}，报告尚未发布`)];
  }
  return [];
}

/** Sections 一, 五 and 六: the text copy detection compares. */
export const narrativeText = (r: AnnualReport) => [r.text.overview, r.text.problems, r.text.other].join('\n');

export function checkCopying(r: AnnualReport, ctx: ValidationContext): Finding[] {
  const out: Finding[] = [];
  const text = narrativeText(r);
  const shingles = ctx.shingles ?? shinglesOf;
  const above = ctx.copyShare ?? copyShareThreshold;
  const prev = ctx.previous?.report;
  if (prev) {
    const share = shareInText(shingles(text), narrativeText(prev));
    if (share > above) {
      out.push(finding('X-07', ctx, 'report', `报告正文有${Math.round(share * 100)}%与${prev.year}年度报告相同，内容雷同`, above, round2(share)));
    }
  }
  const best = ctx.mostRepeatedOther ? ctx.mostRepeatedOther(above) : mostRepeated(text, ctx.others ?? [], above, shingles);
  if (best) {
    out.push(finding('X-07', ctx, 'report', `报告正文有${Math.round(best.share * 100)}%与${best.agency}同年度报告相同，内容雷同`, above, round2(best.share)));
  }
  return out;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export function checkPublicationRecord(_r: AnnualReport, ctx: ValidationContext): Finding[] {
  const p = ctx.publication;
  if (!p || p.publishedOn === null) return [];
  const out: Finding[] = [];
  if (!p.inAnnualReportColumn) out.push(finding('X-08', ctx, 'report', '报告未在门户网站“政府信息公开年报”栏目发布'));
  if (!p.numbersStored) out.push(finding('X-08', ctx, 'report', '报告的统计数字未以结构化数据保存，下一年度无法核对结转'));
  return out;
}
