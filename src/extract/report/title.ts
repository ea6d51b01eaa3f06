/** The agency and the year, from the report's title (华容县插旗镇人民政府2023年政府信息公开工作年度报告). */
import { reportTitleEndings } from '../../law/report-format/index.ts';
import { fold, isPageMark } from './text.ts';

const endings = reportTitleEndings.map((e) => fold(e).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
const titlePattern = new RegExp(`((?:19|20)\\d{2})年度?(?:${endings})`);
const periodPattern = /((?:19|20)\d{2})年1月1日(?:起)?(?:至|-|—|~)(?:\1年)?12月31日/;

export interface Title {
  agency: string | null;
  year: number | null;
  /** The cell holding the title, to pass over where it repeats as a page header. */
  text: string | null;
}

const looksLikeName = (s: string) => s.length >= 2 && s.length <= 40 && !/[。，,;；:：!！?？《》]/.test(s) && !isPageMark(s) && !/\d{4}/.test(s);

/** Strips what a web page puts before the title in the same cell (名称：, 标题:, a breadcrumb). */
function nameBefore(prefix: string): string {
  const parts = prefix.split(/[:：|>»/]/);
  return (parts[parts.length - 1] ?? '').trim();
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

/** The title among the first cells (before section 一); the statistics period gives the year when no title does. */
export function readTitle(cells: readonly string[], until: number): Title {
  const head = cells.slice(0, Math.min(until, 200));
  for (let i = 0; i < head.length; i++) {
    // a title may wrap onto the next line (…2023 年政府信息公开 / 工作年度报告)
    const one = fold(head[i]!).replace(/^#+/, '');
    if (one.length > 200) continue;
    const two = one + fold(head[i + 1] ?? '');
    const f = titlePattern.test(one) ? one : two;
    const m = titlePattern.exec(f);
    if (!m || m.index >= one.length) continue;
    let agency: string | null = nameBefore(f.slice(0, m.index));
    if (agency === '') {
      const prev = [...head.slice(Math.max(0, i - 3), i)].reverse().map(fold).find((c) => c !== '');
      agency = prev !== undefined && looksLikeName(prev) ? prev : null;
    }
    if (agency !== null && !looksLikeName(agency)) agency = null;
    if (agency !== null) agency = fullName(agency, head.map(fold).join(''));
    return { agency, year: Number(m[1]), text: head[i]! };
  }
  const period = periodPattern.exec(cells.slice(0, Math.min(cells.length, until + 40, 400)).map(fold).join(''));
  return { agency: null, year: period ? Number(period[1]) : null, text: null };
}
