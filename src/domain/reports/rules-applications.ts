/** Rules on table 三 (收到和处理政府信息公开申请情况): T3-01 … T3-10. */
import { outcomeCodeKeys, outcomeCodes, type OutcomeCode } from '../../law/outcome-codes.ts';
import {
  applicationColumnKeys,
  applicationColumnLabel,
  applicationRowKeys,
  applicationRowLabel,
  type ApplicationRowKey,
} from '../../law/report-format/index.ts';
import { isAbsentRow, type AnnualReport, type Cell } from './annual-report.ts';
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

/**
 * Rows the report's format lacks (`isAbsentRow`: the single （六）其他处理 row of the 2019
 * layout) are not blank cells (X-02 reports the outdated format) and count as 0 in the sums.
 */
const absentRow = isAbsentRow;

/** A cell as the sums read it: a row the report's format lacks counts as 0. */
const cell = (r: AnnualReport, row: ApplicationRowKey, i: number): Cell => (absentRow(r, row) && at(r, row, i) === null ? 0 : at(r, row, i));

/** The applicant cells of a row added up (what its 总计 should be), or null if one is blank. */
const rowSum = (r: AnnualReport, row: ApplicationRowKey): Cell => sum(cols.slice(0, totalIndex).map((_, i) => cell(r, row, i)));

/**
 * A cell as the rest of the table implies it: in the 总计 column the sum of the row's
 * applicant cells (T3-03), in the （七）总计 row the sum of the outcome rows (T3-02). An
 * identity that fails on the printed cells but holds on the implied ones fails only
 * because of cells that T3-02 or T3-03 already report, so it is not reported again: one
 * mistyped 总计 makes one finding, not three.
 */
function implied(r: AnnualReport, row: ApplicationRowKey, i: number): Cell {
  if (row === 'totalHandled') return sum(outcomeCodeKeys.map((k) => implied(r, k, i)));
  return i === totalIndex ? rowSum(r, row) : cell(r, row, i);
}

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
    const impliedLeft = sum([implied(r, 'newReceived', i), implied(r, 'carriedOver', i)]);
    const impliedRight = sum([implied(r, 'totalHandled', i), implied(r, 'carriedForward', i)]);
    if (impliedLeft !== null && impliedLeft === impliedRight) return;
    out.push(
      finding(
        'T3-01',
        ctx,
        'carriedForward',
        `表三“${colName(i)}”列：“一、本年新收”加“二、上年结转”之和为${left}，“（七）总计”加“四、结转下年度继续办理”之和为${right}，二者应相等`,
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
    const expected = sum(outcomeCodeKeys.map((k) => cell(r, k, i)));
    const actual = at(r, 'totalHandled', i);
    if (expected === null || actual === null || expected === actual) return;
    if (i === totalIndex) {
      // The 总计 column adds up once each row's 总计 is its applicant cells' sum: T3-03 explains it.
      const impliedTotal = implied(r, 'totalHandled', i);
      if (impliedTotal !== null && impliedTotal === rowSum(r, 'totalHandled')) return;
    }
    out.push(finding('T3-02', ctx, 'totalHandled', `表三“（七）总计”行“${colName(i)}”列为${actual}，各项办理结果之和为${expected}`, expected, actual, col));
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
    out.push(finding('T3-03', ctx, row, `表三“${applicationRowLabel(row)}”行：总计为${actual}，各类申请人之和为${expected}`, expected, actual, 'total'));
  }
  return out;
}

export function checkCells(r: AnnualReport, ctx: ValidationContext): Finding[] {
  const out: Finding[] = [];
  for (const row of applicationRowKeys) {
    if (absentRow(r, row)) continue;
    cols.forEach((col, i) => {
      const v = at(r, row, i);
      if (v !== null && Number.isInteger(v) && v >= 0) return;
      const where = `表三“${applicationRowLabel(row)}”行“${colName(i)}”列`;
      if (v === null) out.push(finding('T3-04', ctx, row, `${where}为空，应填写数字（无则填0）`, null, null, col));
      else out.push(finding('T3-04', ctx, row, `${where}为${v}，应为非负整数`, null, v, col));
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
        `表三“${applicationRowLabel('carriedOver')}”行“${colName(i)}”列为${actual}，${prev.report.year}年度报告“${applicationRowLabel('carriedForward')}”行该列为${expected}`,
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
        `表三“${applicationRowLabel('carriedForward')}”行“${colName(i)}”列为${actual}，台账中年末未办结的申请为${expected}件`,
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
        finding('T3-07', ctx, code, `编号${id}的申请同时计入了“${outcomeCodes[first].ref}”和“${outcomeCodes[code].ref}”，每件申请只能计入一项办理结果`, 1, 2),
      );
    }
  }
  return out;
}

/**
 * Amount in 元 stated in a fee sentence, e.g. “收取信息处理费400元”, “信息处理费共计1,200元”,
 * “未收取信息处理费”. An amount takes precedence over 未收取, which may be about some
 * applicants only; null when section 六 states no amount.
 */
export function statedFeeYuan(text: string): number | null {
  const t = text.normalize('NFKC');
  const m = /信息处理费[^。；;\d]*?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(万)?元/.exec(t);
  if (m) return Number(`${(m[1] ?? '').replace(/,/g, '')}${m[2] ?? ''}`) * (m[3] ? 10000 : 1);
  if (/未收取[^。；;]*信息处理费|信息处理费[^。；;\d]*零元/.test(t)) return 0;
  return null;
}

export function checkFeeStatement(r: AnnualReport, ctx: ValidationContext): Finding[] {
  const out: Finding[] = [];
  const unpaid = at(r, 'otherDisposal.unpaidFee', totalIndex);
  const text = r.text.other;
  // Whether any 信息处理费 is stated at all is X-03's; here section 六 must account for the
  // fee notices that applicants did not pay.
  if (unpaid !== null && unpaid > 0 && !/收费通知|缴费|缴纳|未缴/.test(text)) {
    out.push(
      finding(
        'T3-08',
        ctx,
        'otherDisposal.unpaidFee',
        `表三“${applicationRowLabel('otherDisposal.unpaidFee')}”行“总计”列为${unpaid}件，第六部分应说明发出收费通知及申请人逾期未缴纳信息处理费的情况`,
        null,
        unpaid,
        'total',
      ),
    );
  }
  const ledger = ctx.feesCollectedFen;
  const stated = statedFeeYuan(text);
  if (ledger !== undefined && ledger !== null && stated !== null && Math.round(stated * 100) !== ledger) {
    out.push(finding('T3-08', ctx, 'text.other', `第六部分写明收取信息处理费${stated}元，收费台账为${ledger / 100}元`, ledger / 100, stated));
  }
  return out;
}

export function checkNothingReceived(r: AnnualReport, ctx: ValidationContext): Finding[] {
  const out: Finding[] = [];
  for (const i of emptyColumns(r)) {
    for (const row of [...outcomeCodeKeys, 'totalHandled', 'carriedForward'] as const) {
      const v = at(r, row, i);
      if (v !== null && v !== 0) {
        out.push(finding('T3-09', ctx, row, `表三“${colName(i)}”列本年新收和上年结转均为0，但“${applicationRowLabel(row)}”为${v}`, 0, v, cols[i]));
      }
    }
  }
  return out;
}

const headingStart = /^(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|\d+[.．、])/;
const aboutApplications = /依申请|公开申请/;

/**
 * The sentences of section 一 that are about disclosure applications: from the first
 * sentence of a paragraph that names them (依申请公开, 政府信息公开申请) to the paragraph's
 * end, and every paragraph under a heading that names them (“（二）依申请公开情况”). Other
 * paragraphs are left out: a town's overview also counts 便民服务 applications it 受理 and
 * 办结 (“全年受理各类服务申请3200件，办结3200件”), which are not table 三's.
 */
function applicationSentences(text: string): string[] {
  const out: string[] = [];
  let underHeading = false;
  for (const para of text
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)) {
    const heading = headingStart.test(para);
    let inScope = underHeading && !heading;
    for (const sentence of para.split(/[。；;]/)) {
      if (aboutApplications.test(sentence)) inScope = true;
      if (inScope) out.push(sentence);
    }
    // A bare heading (no sentence after it) opens its subsection; any other heading closes it.
    if (heading) underHeading = aboutApplications.test(para) && !/[。；;]./.test(para);
  }
  return out;
}

/** Figures of table 三 that section 一 states in words. */
export function narrativeApplicationFigures(text: string): Partial<Record<'newReceived' | 'carriedOver' | 'totalHandled' | 'carriedForward', number>> {
  const out: Partial<Record<'newReceived' | 'carriedOver' | 'totalHandled' | 'carriedForward', number>> = {};
  const scope = applicationSentences(text.normalize('NFKC')).join('。');
  const grab = (re: RegExp) => {
    const m = re.exec(scope);
    return m ? Number(m[1]) : undefined;
  };
  const received = grab(/(?:新收|收到|受理)[^。；，,\d]{0,16}?申请(?:共|合计)?(\d+)\s*件/) ?? grab(/共(?:新收|收到|受理)[^。；，,\d]{0,16}?(\d+)\s*件/);
  if (received !== undefined) out.newReceived = received;
  else if (/未(?:收到|受理)[^。；]{0,12}申请/.test(scope)) out.newReceived = 0;
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
    out.push(finding('T3-10', ctx, 'text.overview', `第一部分写明“${applicationRowLabel(row)}”为${value}件，表三总计为${actual}件`, actual, value));
  }
  return out;
}
