/** Rules on table 三 (收到和处理政府信息公开申请情况): T3-01 … T3-10. */
import { outcomeCodeKeys, outcomeCodes, type OutcomeCode } from '../../law/outcome-codes.ts';
import {
  applicationColumnKeys,
  applicationColumnLabel,
  applicationRowKeys,
  applicationRowLabel,
  type ApplicationRowKey,
} from '../../law/report-format/index.ts';
import type { AnnualReport, Cell } from './annual-report.ts';
import { finding, type Finding, type ValidationContext } from './findings.ts';

const cols = applicationColumnKeys;
const totalIndex = cols.length - 1;

function sum(values: readonly Cell[]): number | null {
  let s = 0;
  for (const v of values) {
    if (v === null) return null;
    s += v;
  }
  return s;
}

const at = (r: AnnualReport, row: ApplicationRowKey, i: number): Cell => r.applications.rows[row]?.[i] ?? null;
const colName = (i: number) => applicationColumnLabel(cols[i] ?? 'total');

/** Columns where nothing was received or carried over: T3-09 explains them better than T3-01. */
function emptyColumns(r: AnnualReport): Set<number> {
  const out = new Set<number>();
  cols.forEach((_, i) => {
    if (at(r, 'newReceived', i) === 0 && at(r, 'carriedOver', i) === 0) out.add(i);
  });
  return out;
}

export function checkBalance(r: AnnualReport, ctx: ValidationContext): Finding[] {
  const skip = emptyColumns(r);
  const out: Finding[] = [];
  cols.forEach((col, i) => {
    const left = sum([at(r, 'newReceived', i), at(r, 'carriedOver', i)]);
    const right = sum([at(r, 'totalHandled', i), at(r, 'carriedForward', i)]);
    if (left === null || right === null || left === right) return;
    if (skip.has(i)) return;
    out.push(
      finding(
        'T3-01',
        ctx,
        'carriedForward',
        `表三“${colName(i)}”列：第一项加第二项之和为${left}，第三项（总计）加第四项之和为${right}，二者应相等`,
        left,
        right,
        col,
      ),
    );
  });
  return out;
}

export function checkHandledTotal(r: AnnualReport, ctx: ValidationContext): Finding[] {
  const out: Finding[] = [];
  cols.forEach((col, i) => {
    const expected = sum(outcomeCodeKeys.map((k) => at(r, k, i)));
    const actual = at(r, 'totalHandled', i);
    if (expected === null || actual === null || expected === actual) return;
    out.push(
      finding(
        'T3-02',
        ctx,
        'totalHandled',
        `表三“（七）总计”行“${colName(i)}”列为${actual}，各项办理结果之和为${expected}`,
        expected,
        actual,
        col,
      ),
    );
  });
  return out;
}

export function checkRowTotals(r: AnnualReport, ctx: ValidationContext): Finding[] {
  const out: Finding[] = [];
  for (const row of applicationRowKeys) {
    const values = r.applications.rows[row] ?? [];
    const expected = sum(values.slice(0, totalIndex));
    const actual = values[totalIndex] ?? null;
    if (expected === null || actual === null || expected === actual) continue;
    out.push(
      finding(
        'T3-03',
        ctx,
        row,
        `表三“${applicationRowLabel(row)}”行：总计为${actual}，各类申请人之和为${expected}`,
        expected,
        actual,
        'total',
      ),
    );
  }
  return out;
}

export function checkCells(r: AnnualReport, ctx: ValidationContext): Finding[] {
  const out: Finding[] = [];
  for (const row of applicationRowKeys) {
    cols.forEach((col, i) => {
      const v = at(r, row, i);
      const where = `表三“${applicationRowLabel(row)}”行“${colName(i)}”列`;
      if (v === null) out.push(finding('T3-04', ctx, row, `${where}为空，应填写数字（无则填0）`, null, null, col));
      else if (!Number.isInteger(v) || v < 0) out.push(finding('T3-04', ctx, row, `${where}为${v}，应为非负整数`, null, v, col));
    });
  }
  return out;
}

export function checkCarryOver(r: AnnualReport, ctx: ValidationContext): Finding[] {
  const prev = ctx.previous;
  if (!prev) return [];
  const origin = ctx.origin === 'platform' && prev.origin === 'platform' ? 'platform' : 'imported';
  const out: Finding[] = [];
  cols.forEach((col, i) => {
    const expected = at(prev.report, 'carriedForward', i);
    const actual = at(r, 'carriedOver', i);
    if (expected === null || actual === null || expected === actual) return;
    out.push(
      finding(
        'T3-05',
        { origin },
        'carriedOver',
        `表三“上年结转”行“${colName(i)}”列为${actual}，${prev.report.year}年度报告“结转下年度继续办理”为${expected}`,
        expected,
        actual,
        col,
      ),
    );
  });
  return out;
}

export function checkCarryForward(r: AnnualReport, ctx: ValidationContext): Finding[] {
  const d = ctx.derived;
  if (!d) return [];
  const out: Finding[] = [];
  cols.forEach((col, i) => {
    const expected = at(d, 'carriedForward', i);
    const actual = at(r, 'carriedForward', i);
    if (expected === null || actual === null || expected === actual) return;
    out.push(
      finding(
        'T3-06',
        ctx,
        'carriedForward',
        `表三“结转下年度继续办理”行“${colName(i)}”列为${actual}，台账中年末未办结的申请为${expected}件`,
        expected,
        actual,
        col,
      ),
    );
  });
  return out;
}

export function checkSingleOutcome(_r: AnnualReport, ctx: ValidationContext): Finding[] {
  const trace = ctx.handledTrace;
  if (!trace) return [];
  const seen = new Map<number, OutcomeCode>();
  const out: Finding[] = [];
  for (const code of outcomeCodeKeys) {
    for (const id of trace[code] ?? []) {
      const first = seen.get(id);
      if (first === undefined) {
        seen.set(id, code);
        continue;
      }
      out.push(
        finding(
          'T3-07',
          ctx,
          code,
          `编号${id}的申请同时计入了“${outcomeCodes[first].ref}”和“${outcomeCodes[code].ref}”，每件申请只能计入一项办理结果`,
          1,
          2,
        ),
      );
    }
  }
  return out;
}

/** Amount in 元 stated in a fee sentence, e.g. “收取信息处理费400元”. */
function statedFeeYuan(text: string): number | null {
  if (/未收取[^。；]*信息处理费|信息处理费[^。；]*(?:0|零)元/.test(text)) return 0;
  const m = /信息处理费[^。；\d]*?(\d+(?:\.\d+)?)\s*(万)?元/.exec(text);
  if (!m) return null;
  return Number(m[1]) * (m[2] ? 10000 : 1);
}

export function checkFeeStatement(r: AnnualReport, ctx: ValidationContext): Finding[] {
  const out: Finding[] = [];
  const unpaid = at(r, 'otherDisposal.unpaidFee', totalIndex);
  const text = r.text.other;
  if (unpaid !== null && unpaid > 0 && !/收费|信息处理费|缴纳/.test(text)) {
    out.push(
      finding(
        'T3-08',
        ctx,
        'otherDisposal.unpaidFee',
        `表三有${unpaid}件申请因逾期未缴纳信息处理费终止处理，第六部分应说明收费通知和信息处理费收取情况`,
        null,
        unpaid,
      ),
    );
  }
  const ledger = ctx.feesCollectedFen;
  const stated = statedFeeYuan(text);
  if (ledger !== undefined && ledger !== null && stated !== null && Math.round(stated * 100) !== ledger) {
    out.push(
      finding('T3-08', ctx, 'text.other', `第六部分写明收取信息处理费${stated}元，收费台账为${ledger / 100}元`, ledger / 100, stated),
    );
  }
  return out;
}

export function checkNothingReceived(r: AnnualReport, ctx: ValidationContext): Finding[] {
  const out: Finding[] = [];
  for (const i of emptyColumns(r)) {
    for (const row of [...outcomeCodeKeys, 'totalHandled', 'carriedForward'] as const) {
      const v = at(r, row, i);
      if (v !== null && v !== 0) {
        out.push(
          finding(
            'T3-09',
            ctx,
            row,
            `表三“${colName(i)}”列本年新收和上年结转均为0，但“${applicationRowLabel(row)}”为${v}`,
            0,
            v,
            cols[i],
          ),
        );
      }
    }
  }
  return out;
}

/** Figures of table 三 that section 一 states in words. */
export function narrativeApplicationFigures(text: string): Partial<Record<'newReceived' | 'carriedOver' | 'totalHandled' | 'carriedForward', number>> {
  const out: Partial<Record<'newReceived' | 'carriedOver' | 'totalHandled' | 'carriedForward', number>> = {};
  const grab = (re: RegExp) => {
    const m = re.exec(text);
    return m ? Number(m[1]) : undefined;
  };
  const received = grab(/(?:新收|收到|受理)[^。；，,\d]{0,16}?申请(?:共)?(\d+)\s*件/) ?? grab(/共(?:新收|收到|受理)[^。；，,\d]{0,16}?(\d+)\s*件/);
  if (received !== undefined) out.newReceived = received;
  else if (/未(?:收到|受理)[^。；]{0,12}申请/.test(text)) out.newReceived = 0;
  const carried = grab(/上年(?:度)?结转[^。；，,\d]{0,8}?(\d+)\s*件/);
  if (carried !== undefined) out.carriedOver = carried;
  const handled = grab(/(?<!未)办结[^。；，,\d]{0,8}?(\d+)\s*件/);
  if (handled !== undefined) out.totalHandled = handled;
  const forward = grab(/结转下(?:一)?年度[^。；，,\d]{0,8}?(\d+)\s*件/);
  if (forward !== undefined) out.carriedForward = forward;
  return out;
}

export function checkNarrativeFigures(r: AnnualReport, ctx: ValidationContext): Finding[] {
  const stated = narrativeApplicationFigures(r.text.overview);
  const out: Finding[] = [];
  for (const [row, value] of Object.entries(stated) as [ApplicationRowKey, number][]) {
    const actual = at(r, row, totalIndex);
    if (actual === null || actual === value) continue;
    out.push(
      finding(
        'T3-10',
        ctx,
        'text.overview',
        `第一部分写明“${applicationRowLabel(row)}”为${value}件，表三总计为${actual}件`,
        actual,
        value,
      ),
    );
  }
  return out;
}
