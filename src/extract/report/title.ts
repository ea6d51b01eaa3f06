/** The agency and the year, from the report's title (华容县插旗镇人民政府2023年政府信息公开工作年度报告). */
import { reportTitleEndings } from '../../law/report-format/index.ts';
import { fold, isPageMark } from './text.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const foldedEndings = reportTitleEndings.map(fold);
const endings = foldedEndings.map(escape).join('|');
const year = '((?:19|20)\\d{2})';
const titlePattern = new RegExp(`${year}年度?(?:${endings})`);
/** The year before the agency: 2022年度螅镇政府信息公开工作年度报告. */
const yearFirstPattern = new RegExp(`^${year}年度?([\\u4e00-\\u9fff]{2,30}?)(?:${endings})$`);
const periodPattern = /((?:19|20)\d{2})年1月1日(?:起)?(?:至|到|-|—|–|~|～)(?:\1年)?12月31日/;
/**
 * Where neither a title nor the statistics period names the year, the sentence that says
 * which year's 政府信息公开工作 the report is about (汇报我镇2023年政府信息公开工作), or the
 * period's last day alone (截止2023年12月31日).
 */
const stem = escape(foldedEndings[0]!.replace(/年度报告$/, ''));
const yearStatements = [new RegExp(`${year}年度?的?${stem}`, 'g'), /(?:截[止至]|至)((?:19|20)\d{2})年12月31日/g];

export interface Title {
  agency: string | null;
  year: number | null;
  /** Where the year was read: the title, the statistics period or a sentence of the text. */
  yearFrom: 'title' | 'period' | 'text' | null;
  /** The title's words are out of order (政府信息公开 工作告年度报): read, but to be checked. */
  garbled: boolean;
  /** The sentence the year was read from, when it came from the text. */
  statement: string | null;
  /** The cell holding the title, to pass over where it repeats as a page header. */
  text: string | null;
}

const looksLikeName = (s: string) => s.length >= 2 && s.length <= 40 && !/[。，,;；:：!！?？《》]/.test(s) && !isPageMark(s) && !/\d{4}/.test(s);

/**
 * Strips what a web page puts before the title in the same cell (名称：, 标题:, a breadcrumb,
 * a page header Page 8 - ), or the sentence that introduces a title (现公布区统计局2023年…,
 * 特编制…办公室2023年…, 发布《…2023年…》).
 */
function nameBefore(prefix: string): string {
  const parts = prefix.split(/[:：|>»/\-–—，,。；;《“「]/);
  return (parts[parts.length - 1] ?? '').trim().replace(/^(?:现|特|特此)?(?:将|就)?(?:公布|发布|编制|印发|形成)了?/, '');
}

/** The agency and year of a title whose words are out of order: the text after the year holds the ending's characters. */
function garbledTitle(cell: string): { prefix: string; year: number } | null {
  if (cell.length > 60) return null;
  const m = new RegExp(`${year}年度?`).exec(cell);
  if (!m) return null;
  const rest = cell.slice(m.index + m[0].length);
  const bag = (s: string) => [...s].sort().join('');
  for (const e of foldedEndings) {
    if (rest.length !== e.length || rest === e || !rest.startsWith(e.slice(0, 6))) continue;
    if (bag(rest) === bag(e)) return { prefix: cell.slice(0, m.index), year: Number(m[1]) };
  }
  return null;
}

/**
 * A place name printed before the titled agency elsewhere in the report (本报告由淮安市洪泽区
 * 人民政府办公室编制 for a report titled 洪泽区人民政府): the report's own full name for it.
 */
function fullName(agency: string, text: string): string {
  let at = text.indexOf(agency);
  for (let n = 0; at >= 0 && n < 50; n++, at = text.indexOf(agency, at + agency.length)) {
    const before = /[\u4e00-\u9fff]{2,8}$/.exec(text.slice(Math.max(0, at - 8), at))?.[0];
    if (!before) continue;
    const place = /(?:^|[由与向经据对在为是和及的请])([\u4e00-\u9fff]{2,4}[省市州盟])$/.exec(before)?.[1];
    if (place && !/^[全本我该各]/.test(place) && !agency.startsWith(place)) return place + agency;
  }
  return agency;
}

/**
 * The title among the first cells (before section 一); the statistics period gives the year
 * when no title does, and failing both, the one year the opening text names (yearStatements).
 */
export function readTitle(cells: readonly string[], until: number): Title {
  const head = cells.slice(0, Math.min(until, 200));
  const named = (prefix: string, i: number): string | null => {
    let agency: string | null = nameBefore(prefix);
    if (agency === '') {
      const prev = [...head.slice(Math.max(0, i - 3), i)]
        .reverse()
        .map(fold)
        .find((c) => c !== '');
      agency = prev !== undefined && looksLikeName(prev) ? prev : null;
    }
    if (agency !== null && !looksLikeName(agency)) agency = null;
    return agency === null ? null : fullName(agency, head.map(fold).join(''));
  };
  const found = { yearFrom: 'title' as const, garbled: false, statement: null };
  for (let i = 0; i < head.length; i++) {
    // a title may wrap onto the next line (…2023 年政府信息公开 / 工作年度报告)
    const one = fold(head[i]!).replace(/^#+/, '');
    if (one.length > 200) continue;
    const first = yearFirstPattern.exec(one);
    if (first && looksLikeName(first[2]!)) return { ...found, agency: first[2]!, year: Number(first[1]), text: head[i]! };
    const two = one + fold(head[i + 1] ?? '');
    const f = titlePattern.test(one) ? one : two;
    const m = titlePattern.exec(f);
    if (m && m.index < one.length) return { ...found, agency: named(f.slice(0, m.index), i), year: Number(m[1]), text: head[i]! };
    const g = garbledTitle(one);
    if (g) return { ...found, agency: named(g.prefix, i), year: g.year, text: head[i]!, garbled: true };
  }
  const near = cells.slice(0, Math.min(cells.length, until + 40, 400)).map(fold);
  const period = periodPattern.exec(near.join(''));
  if (period) return { agency: null, year: Number(period[1]), text: null, yearFrom: 'period', garbled: false, statement: null };
  // one year named, and only one: any other would make it a guess
  const stated = new Map<number, string>();
  for (const cell of near) {
    for (const p of yearStatements) for (const m of cell.matchAll(p)) if (!stated.has(Number(m[1]))) stated.set(Number(m[1]), m[0]);
  }
  if (stated.size === 1) {
    const [y, statement] = [...stated][0]!;
    return { agency: null, year: y, text: null, yearFrom: 'text', garbled: false, statement };
  }
  return { agency: null, year: null, text: null, yearFrom: null, garbled: false, statement: null };
}
