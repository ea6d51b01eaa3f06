/** Rules on table 二 (主动公开政府信息情况): T2-01 … T2-05. */
import { activeCells, feeUnitSuspicionThresholds } from '../../law/report-format/index.ts';
import { agencyKinds } from '../../law/agency-kinds.ts';
import { activeCell, type AnnualReport, type Triple } from './annual-report.ts';
import { finding, type Finding, type ValidationContext } from './findings.ts';

const label = (key: string) => {
  const c = activeCells.find((x) => x.key === key);
  return c ? `表二“${c.row}”的“${c.column}”` : key;
};

export function checkActiveValues(r: AnnualReport, ctx: ValidationContext): Finding[] {
  const out: Finding[] = [];
  for (const c of activeCells) {
    const v = activeCell(r.active, c.key);
    if (v === null) continue;
    if (v < 0 || (!c.decimal && !Number.isInteger(v)) || !Number.isFinite(v)) {
      out.push(finding('T2-01', ctx, `active.${c.key}`, `${label(c.key)}为${v}，应为${c.decimal ? '非负数' : '非负整数'}`, null, v));
    }
  }
  return out;
}

export function checkRulesPower(r: AnnualReport, ctx: ValidationContext): Finding[] {
  if (ctx.agency?.mayMakeRules !== false) return [];
  const out: Finding[] = [];
  for (const k of ['issued', 'repealed', 'inForce'] as const) {
    const v = r.active.rules[k];
    if (v !== null && v !== 0) {
      out.push(finding('T2-02', ctx, `active.rules.${k}`, `${label(`rules.${k}`)}为${v}：本机关无规章制定权，规章各项应为0`, 0, v));
    }
  }
  return out;
}

function stock(prev: Triple, cur: Triple): number | null {
  if (prev.inForce === null || cur.issued === null || cur.repealed === null) return null;
  return prev.inForce + cur.issued - cur.repealed;
}

export function checkStockContinuity(r: AnnualReport, ctx: ValidationContext): Finding[] {
  const prev = ctx.previous?.report;
  if (!prev) return [];
  const out: Finding[] = [];
  for (const k of ['rules', 'normativeDocuments'] as const) {
    const expected = stock(prev.active[k], r.active[k]);
    const actual = r.active[k].inForce;
    if (expected !== null && actual !== null && expected !== actual) {
      out.push(
        finding(
          'T2-03',
          ctx,
          `active.${k}.inForce`,
          `${label(`${k}.inForce`)}为${actual}，按上年现行有效${prev.active[k].inForce}件加本年制发${r.active[k].issued}件减本年废止${r.active[k].repealed}件应为${expected}件；如有修订、到期失效或清理，请在报告中说明`,
          expected,
          actual,
        ),
      );
    }
  }
  return out;
}

export function checkDocumentRegister(r: AnnualReport, ctx: ValidationContext): Finding[] {
  const d = ctx.derived;
  if (!d) return [];
  const out: Finding[] = [];
  for (const k of ['issued', 'inForce'] as const) {
    const expected = d.active.normativeDocuments[k];
    const actual = r.active.normativeDocuments[k];
    if (expected !== null && actual !== null && expected !== actual) {
      out.push(
        finding(
          'T2-04',
          ctx,
          `active.normativeDocuments.${k}`,
          `${label(`normativeDocuments.${k}`)}为${actual}，文件库登记的行政规范性文件为${expected}件`,
          expected,
          actual,
        ),
      );
    }
  }
  return out;
}

/**
 * Whether a decimal has more than `places` digits after the point. The value is first read
 * back at 15 significant digits, which every double holds exactly, so that binary noise
 * such as 0.1 + 0.2 = 0.30000000000000004 (a sum of towns' amounts) does not count as
 * decimals, while 0.00001 or 1.23456 do.
 */
export function hasMoreDecimals(v: number, places: number): boolean {
  const decimal = Number(v.toPrecision(15));
  return Number(decimal.toFixed(places)) !== decimal;
}

export function checkFeeUnit(r: AnnualReport, ctx: ValidationContext): Finding[] {
  const v = r.active.feesTenThousandYuan;
  // Negative and non-finite amounts are T2-01's.
  if (v === null || v < 0 || !Number.isFinite(v)) return [];
  const where = 'active.feesTenThousandYuan';
  const kind = ctx.agency?.kind ?? null;
  const threshold = feeUnitSuspicionThresholds[kind ?? 'unknown'];
  if (v >= threshold) {
    const body = kind === 'town' || kind === 'department' ? `${agencyKinds[kind].label}一年收取的行政事业性收费不会达到${threshold}万元` : '数额异常';
    const asTenThousand = Number((v / 10000).toFixed(4));
    return [
      finding(
        'T2-05',
        ctx,
        where,
        `${label('feesTenThousandYuan')}为${v}万元，${body}，可能误将“元”填作“万元”：本栏应以万元为单位填写，如${v}元应填${asTenThousand}`,
        null,
        v,
      ),
    ];
  }
  if (hasMoreDecimals(v, 4)) {
    return [finding('T2-05', ctx, where, `${label('feesTenThousandYuan')}为${v}，以万元为单位时最多保留4位小数（精确到元）`, null, v)];
  }
  return [];
}
