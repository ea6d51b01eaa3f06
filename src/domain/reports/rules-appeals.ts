/** Rules on table 四 (行政复议、行政诉讼情况): T4-01 … T4-03. */
import { appealTrackKeys } from '../../law/appeals.ts';
import { appealColumnKeys, appealColumns, appealGroupLabel } from '../../law/report-format/index.ts';
import type { AnnualReport } from './annual-report.ts';
import { finding, type Finding, type ValidationContext } from './findings.ts';

export function checkAppealTotals(r: AnnualReport, ctx: ValidationContext): Finding[] {
  const out: Finding[] = [];
  for (const track of appealTrackKeys) {
    const g = r.appeals[track];
    const parts = [g.upheld, g.corrected, g.other, g.pending];
    if (parts.some((v) => v === null) || g.total === null) continue;
    const expected = parts.reduce<number>((s, v) => s + (v ?? 0), 0);
    if (expected !== g.total) {
      out.push(
        finding(
          'T4-01',
          ctx,
          `appeals.${track}`,
          `表四“${appealGroupLabel(track)}”总计为${g.total}，结果维持、结果纠正、其他结果、尚未审结之和为${expected}`,
          expected,
          g.total,
          'total',
        ),
      );
    }
  }
  return out;
}

export function checkAppealCells(r: AnnualReport, ctx: ValidationContext): Finding[] {
  const out: Finding[] = [];
  for (const track of appealTrackKeys) {
    for (const col of appealColumnKeys) {
      const v = r.appeals[track][col];
      if (v !== null && Number.isInteger(v) && v >= 0) continue;
      const name = `表四“${appealGroupLabel(track)}”的“${appealColumns.find((c) => c.key === col)?.label}”`;
      if (v === null) out.push(finding('T4-02', ctx, `appeals.${track}`, `${name}为空，应填写数字（无则填0）`, null, null, col));
      else out.push(finding('T4-02', ctx, `appeals.${track}`, `${name}为${v}，应为非负整数`, null, v, col));
    }
  }
  return out;
}

export function checkPendingCarried(r: AnnualReport, ctx: ValidationContext): Finding[] {
  const prev = ctx.previous?.report;
  if (!prev) return [];
  const out: Finding[] = [];
  for (const track of appealTrackKeys) {
    const pending = prev.appeals[track].pending;
    const total = r.appeals[track].total;
    if (pending === null || total === null || total >= pending) continue;
    out.push(
      finding(
        'T4-03',
        ctx,
        `appeals.${track}`,
        `${prev.year}年度报告中“${appealGroupLabel(track)}”尚未审结${pending}件，本年该组只统计了${total}件；上年未审结的案件本年应按审结结果或尚未审结继续统计`,
        pending,
        total,
        'total',
      ),
    );
  }
  return out;
}
