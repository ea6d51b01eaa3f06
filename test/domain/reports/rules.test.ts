/**
 * Every rule of spec §1.6 broken alone: from a valid year of a town's records, each test
 * breaks exactly one rule — in the records where the rule can be broken there, otherwise
 * in the report or the context — and sees only that rule's findings.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checks, validateReport } from '../../../src/domain/reports/validate.ts';
import { findingJson, type Finding } from '../../../src/domain/reports/findings.ts';
import type { AnnualReport } from '../../../src/domain/reports/annual-report.ts';
import {
  applicationRowLabel,
  checkedRuleIds,
  reportDeadline,
  ruleIds,
  ruleSeverity,
  sections,
  type RuleId,
  type Severity,
} from '../../../src/law/report-format/index.ts';
import {
  baseRecords,
  clone,
  department,
  labels2021,
  makeBase,
  narrative2024,
  previousRecords,
  reportOf,
  town,
  withRecords,
  year,
  type Base,
  type Records,
} from './base.ts';

const check = (b: Base) => validateReport(b.report, b.ctx);

/** The findings are non-empty, all of `rule`, all with `severity`; returns them. */
function only(findings: Finding[], rule: RuleId, severity: Severity = ruleSeverity(rule, 'platform')): Finding[] {
  assert.ok(findings.length > 0, `expected ${rule} findings, got none`);
  assert.deepEqual(
    findings.filter((f) => f.rule !== rule).map((f) => `${f.rule}: ${f.message}`),
    [],
    `only ${rule} expected`,
  );
  for (const f of findings) assert.equal(f.severity, severity, `${rule} severity`);
  return findings;
}

/** A report edited in place, everything else from the base. */
function edited(b: Base, edit: (r: AnnualReport) => void): Base {
  const report = clone(b.report);
  edit(report);
  return { ...b, report };
}

function records(edit: (r: Records) => void, from: Records = baseRecords()): Records {
  const r = clone(from);
  edit(r);
  return r;
}

const rows = (r: AnnualReport) => r.applications.rows;
const col = { naturalPerson: 0, commercial: 1, research: 2, publicInterest: 3, legalService: 4, other: 5, total: 6 } as const;
/** Adds `by` to a cell of table 三. */
function bump(r: AnnualReport, row: keyof AnnualReport['applications']['rows'], column: keyof typeof col, by: number) {
  const cells = rows(r)[row];
  cells[col[column]] = (cells[col[column]] ?? 0) + by;
}

/** The where and column of each finding, for comparing without the messages. */
const cells = (fs: Finding[]) => fs.map((f) => `${f.where}/${f.column ?? ''}`).sort();

describe('the base year', () => {
  test('the town’s computed 2024 report passes every rule', () => {
    assert.deepEqual(check(makeBase()), []);
  });

  test('the base has what the rules look at', () => {
    const b = makeBase();
    const r = rows(b.report);
    assert.deepEqual(r.newReceived, [5, 2, 0, 0, 1, 1, 9]);
    assert.deepEqual(r.carriedOver, [1, 0, 0, 0, 0, 0, 1]);
    assert.deepEqual(r.totalHandled, [5, 2, 0, 0, 1, 1, 9]);
    assert.deepEqual(r.carriedForward, [1, 0, 0, 0, 0, 0, 1]);
    assert.deepEqual(r['otherDisposal.unpaidFee'], [1, 0, 0, 0, 0, 0, 1]);
    assert.deepEqual(rows(b.previous).carriedForward, r.carriedOver);
    assert.deepEqual(b.report.active.normativeDocuments, { issued: 1, repealed: 1, inForce: 2 });
    assert.equal(b.report.active.feesTenThousandYuan, 0.352);
    assert.deepEqual(b.report.appeals.reconsideration, { upheld: 1, corrected: 0, other: 1, pending: 0, total: 2 });
    assert.deepEqual(b.report.appeals.litigationDirect, { upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 });
    assert.equal(b.previous.appeals.reconsideration.pending, 1);
    assert.ok(b.report.text.overview.includes('本年度我镇新收政府信息公开申请9件，上年结转1件，办结9件，结转下年度继续办理1件。'));
    assert.ok(!b.report.text.overview.includes('{{'));
  });

  test('a department’s report passes without 考核、评议、责任追究 (条例 第五十条 asks it of governments only)', () => {
    const overview = narrative2024.overview
      .split('\n')
      .map((l) => (/考核/.test(l) ? '自觉接受县政务公开办和社会公众的监督，及时回应群众关切。' : l))
      .join('\n')
      .replaceAll('我镇', '我局')
      .replaceAll('镇党委、政府', '县委、县政府');
    const b = makeBase(
      department,
      records((r) => (r.narrative = { ...narrative2024, overview })),
    );
    assert.ok(!/考核|评议|责任追究/.test(b.report.text.overview + b.report.text.problems));
    assert.deepEqual(check(b), []);
  });

  test('a town that received no application passes (the seed’s case)', () => {
    assert.deepEqual(check(quietTown()), []);
  });

  test('the report as imported (warning severities) passes too', () => {
    const b = makeBase();
    assert.deepEqual(validateReport(b.report, { ...b.ctx, origin: 'imported', previous: { report: b.previous, origin: 'imported' } }), []);
  });
});

/** A town with no applications, appeals or documents in either year. */
function quietTown(): Base {
  const empty = (r: Records) => {
    r.applications = [];
    r.appeals = [];
    r.documents = [];
  };
  const cur = records((r) => {
    empty(r);
    r.narrative = { ...narrative2024, other: '依据《政府信息公开信息处理费管理办法》，本年度我镇未收取信息处理费。' };
  });
  const prev = records(empty, previousRecords());
  return makeBase(town, cur, prev);
}

describe('the validator', () => {
  test('has one check for every rule id, in the order of the rules', () => {
    assert.equal(checkedRuleIds.length, 27);
    assert.deepEqual(Object.keys(checks), ruleIds);
    for (const id of ruleIds) assert.equal(typeof checks[id], 'function', id);
  });

  test('a finding prints as the contract JSON: rule, severity, message, expected, actual, where', () => {
    const b = edited(makeBase(), (r) => (r.active.penalty = -1));
    const [f] = check(b);
    assert.ok(f);
    assert.equal(f.column, undefined);
    const json = findingJson({ ...f, column: 'total' });
    assert.deepEqual(Object.keys(json), ['rule', 'severity', 'message', 'expected', 'actual', 'where']);
    assert.deepEqual(JSON.parse(JSON.stringify(json)), {
      rule: 'T2-01',
      severity: 'error',
      message: f.message,
      expected: null,
      actual: -1,
      where: 'active.penalty',
    });
  });
});

describe('table 二', () => {
  test('T2-01: a negative or fractional count', () => {
    const [f, ...rest] = only(check(edited(makeBase(), (r) => (r.active.penalty = -1))), 'T2-01');
    assert.equal(rest.length, 0);
    assert.equal(f?.where, 'active.penalty');
    assert.match(f?.message ?? '', /表二“行政处罚”的“本年处理决定数量”为-1，应为非负整数/);

    const [g] = only(check(edited(makeBase(), (r) => (r.active.coercion = 1.5))), 'T2-01');
    assert.equal(g?.where, 'active.coercion');
    assert.equal(g?.actual, 1.5);
  });

  test('T2-01: a negative fee amount (and T2-05 leaves it to T2-01)', () => {
    const fs = only(check(edited(makeBase(), (r) => (r.active.feesTenThousandYuan = -0.35))), 'T2-01');
    assert.deepEqual(cells(fs), ['active.feesTenThousandYuan/']);
    assert.match(fs[0]?.message ?? '', /“行政事业性收费”的“本年收费金额（单位：万元）”为-0\.35，应为非负数/);
  });

  test('T2-02: a town registers a 规章', () => {
    const b = withRecords(
      makeBase(),
      records((r) => r.documents.push({ id: 9, kind: 'rule', writtenDate: '2024-05-06', validity: [] })),
    );
    const fs = only(check(b), 'T2-02');
    assert.deepEqual(cells(fs), ['active.rules.inForce/', 'active.rules.issued/']);
    for (const f of fs) {
      assert.equal(f.expected, 0);
      assert.equal(f.actual, 1);
      assert.match(f.message, /表二“规章”的“(本年制发件数|现行有效件数)”为1：本机关无规章制定权/);
    }
  });

  test('T2-02: a body that may make rules reports them without a finding', () => {
    const b = withRecords(
      makeBase(),
      records((r) => r.documents.push({ id: 9, kind: 'rule', writtenDate: '2024-05-06', validity: [] })),
    );
    assert.deepEqual(validateReport(b.report, { ...b.ctx, agency: { kind: 'countyGovernment', mayMakeRules: true } }), []);
  });

  test('T2-03: a document expired without being repealed breaks the stock continuity', () => {
    const b = withRecords(
      makeBase(),
      records((r) => {
        const d = r.documents.find((x) => x.id === 1);
        assert.ok(d);
        d.validity = [{ state: 'expired', effectiveDate: '2024-07-01' }];
      }),
    );
    const fs = only(check(b), 'T2-03', 'warning');
    assert.equal(fs.length, 1);
    assert.equal(fs[0]?.where, 'active.normativeDocuments.inForce');
    assert.equal(fs[0]?.expected, 2);
    assert.equal(fs[0]?.actual, 1);
    assert.match(fs[0]?.message ?? '', /表二“行政规范性文件”的“现行有效件数”为1，按上年现行有效2件加本年制发1件减本年废止1件应为2件/);
  });

  test('T2-04: the register holds a document the report does not count', () => {
    const b = makeBase();
    const register = records((r) => r.documents.push({ id: 4, kind: 'normativeDocument', writtenDate: '2024-11-05', validity: [] }));
    const fs = only(check({ ...b, ctx: { ...b.ctx, derived: reportOf(town, year, register) } }), 'T2-04', 'warning');
    assert.deepEqual(cells(fs), ['active.normativeDocuments.inForce/', 'active.normativeDocuments.issued/']);
    const issued = fs.find((f) => f.where.endsWith('issued'));
    assert.equal(issued?.expected, 2);
    assert.equal(issued?.actual, 1);
    assert.match(issued?.message ?? '', /表二“行政规范性文件”的“本年制发件数”为1，文件库登记的行政规范性文件为2件/);
  });

  test('T2-05: more than 4 decimals of 万元', () => {
    const fs = only(check(edited(makeBase(), (r) => (r.active.feesTenThousandYuan = 0.35215))), 'T2-05', 'warning');
    assert.equal(fs.length, 1);
    assert.equal(fs[0]?.where, 'active.feesTenThousandYuan');
    assert.match(fs[0]?.message ?? '', /“行政事业性收费”的“本年收费金额（单位：万元）”为0\.35215，以万元为单位时最多保留4位小数/);
  });

  test('T2-05: an amount in 元 typed as 万元, by the kind of body, saying which unit is expected', () => {
    // A town's 3,520 元 typed as "3520": no town collects 100 万元 a year (legal review D11).
    const fs = only(check(edited(makeBase(), (r) => (r.active.feesTenThousandYuan = 3520))), 'T2-05', 'warning');
    assert.equal(fs.length, 1);
    assert.equal(
      fs[0]?.message,
      '表二“行政事业性收费”的“本年收费金额（单位：万元）”为3520万元，乡镇一年收取的行政事业性收费不会达到100万元，可能误将“元”填作“万元”：本栏应以万元为单位填写，如3520元应填0.352',
    );
    assert.deepEqual(
      check(edited(makeBase(), (r) => (r.active.feesTenThousandYuan = 100))).map((f) => f.rule),
      ['T2-05'],
    );
    assert.deepEqual(check(edited(makeBase(), (r) => (r.active.feesTenThousandYuan = 99.5))), []);
    // A county department: from 1000 万元; the county government and a body not known: from 10000.
    const dept = (v: number) => {
      const b = makeBase(department);
      return check(edited(b, (r) => (r.active.feesTenThousandYuan = v))).filter((f) => f.rule === 'T2-05');
    };
    assert.match(dept(3520)[0]?.message ?? '', /部门一年收取的行政事业性收费不会达到1000万元，可能误将“元”填作“万元”：本栏应以万元为单位填写/);
    assert.deepEqual(dept(350), []);
    const b = edited(makeBase(), (r) => (r.active.feesTenThousandYuan = 3520));
    const county = validateReport(b.report, { ...b.ctx, agency: { kind: 'countyGovernment', mayMakeRules: false } }).filter((f) => f.rule === 'T2-05');
    assert.deepEqual(county, []);
    const unknown = validateReport(edited(b, (r) => (r.active.feesTenThousandYuan = 35200)).report, { ...b.ctx, agency: undefined }).filter(
      (f) => f.rule === 'T2-05',
    );
    assert.match(unknown[0]?.message ?? '', /为35200万元，数额异常，可能误将“元”填作“万元”：本栏应以万元为单位填写，如35200元应填3\.52$/);
  });

  test('T2-05: the 4-decimal test reads decimals, not binary noise', () => {
    const flagged = (v: number) => check(edited(makeBase(), (r) => (r.active.feesTenThousandYuan = v))).map((f) => f.rule);
    for (const v of [0, 0.0001, 0.352, 12.5678, 99.9999, 0.1 + 0.2, 0.3521 * 3, 1.1 + 2.2, 0.0007 + 0.0001]) {
      assert.deepEqual(flagged(v), [], String(v));
    }
    for (const v of [0.00001, 1e-7, 0.12345, 12.56785, 99.99995, 0.1 + 0.2 + 0.00001]) {
      assert.deepEqual(flagged(v), ['T2-05'], String(v));
    }
  });
});

describe('table 三', () => {
  test('T3-01: an application counted under the wrong applicant in row 一 only', () => {
    const b = edited(makeBase(), (r) => {
      bump(r, 'newReceived', 'naturalPerson', -1);
      bump(r, 'newReceived', 'commercial', +1);
    });
    const fs = only(check(b), 'T3-01');
    assert.deepEqual(cells(fs), ['carriedForward/commercial', 'carriedForward/naturalPerson']);
    const nat = fs.find((f) => f.column === 'naturalPerson');
    assert.equal(nat?.expected, 5);
    assert.equal(nat?.actual, 6);
    assert.match(nat?.message ?? '', /表三“自然人”列：“一、本年新收”加“二、上年结转”之和为5，“（七）总计”加“四、结转下年度继续办理”之和为6/);
  });

  test('T3-02: an outcome row counts one application too many', () => {
    const b = edited(makeBase(), (r) => {
      bump(r, 'withheld.processInformation', 'naturalPerson', +1);
      bump(r, 'withheld.processInformation', 'total', +1);
    });
    const fs = only(check(b), 'T3-02');
    assert.deepEqual(cells(fs), ['totalHandled/naturalPerson', 'totalHandled/total']);
    const nat = fs.find((f) => f.column === 'naturalPerson');
    assert.equal(nat?.expected, 6);
    assert.equal(nat?.actual, 5);
    assert.match(nat?.message ?? '', /表三“（七）总计”行“自然人”列为5，各项办理结果之和为6/);
  });

  test('T3-02 over T3-01: a mistyped （七）总计 is reported once, by T3-02', () => {
    const b = edited(makeBase(), (r) => {
      bump(r, 'totalHandled', 'naturalPerson', +1);
      bump(r, 'totalHandled', 'commercial', -1);
    });
    const fs = only(check(b), 'T3-02');
    assert.deepEqual(cells(fs), ['totalHandled/commercial', 'totalHandled/naturalPerson']);
  });

  test('T3-03: an application moved between outcome rows without updating the 总计 column', () => {
    const b = edited(makeBase(), (r) => {
      bump(r, 'granted', 'naturalPerson', -1);
      bump(r, 'partiallyGranted', 'naturalPerson', +1);
    });
    const fs = only(check(b), 'T3-03');
    assert.deepEqual(cells(fs), ['granted/total', 'partiallyGranted/total']);
    const granted = fs.find((f) => f.where === 'granted');
    assert.equal(granted?.expected, 2);
    assert.equal(granted?.actual, 3);
    assert.match(granted?.message ?? '', /表三“（一）予以公开”行：总计为3，各类申请人之和为2/);
  });

  test('T3-03 over T3-01 and T3-02: a mistyped 总计 cell is reported once', () => {
    for (const row of ['granted', 'withheld.thirdPartyRights', 'otherDisposal.unpaidFee'] as const) {
      const b = edited(makeBase(), (r) => bump(r, row, 'total', +1));
      const fs = only(check(b), 'T3-03');
      assert.deepEqual(cells(fs), [`${row}/total`], row);
      assert.match(fs[0]?.message ?? '', new RegExp(`表三“${escape(applicationRowLabel(row))}”行：总计为`));
    }
  });

  test('T3-04: a blank cell is an error in a computed report and a warning in an imported one', () => {
    const b = edited(makeBase(), (r) => (rows(r).granted[col.total] = null));
    const fs = only(check(b), 'T3-04', 'error');
    assert.deepEqual(cells(fs), ['granted/total']);
    assert.equal(fs[0]?.actual, null);
    assert.match(fs[0]?.message ?? '', /表三“（一）予以公开”行“总计”列为空，应填写数字（无则填0）/);
    only(validateReport(b.report, { ...b.ctx, origin: 'imported' }), 'T3-04', 'warning');
  });

  test('T3-04: a negative correction entered in a cell', () => {
    const b = edited(makeBase(), (r) => {
      bump(r, 'withheld.stateSecret', 'naturalPerson', -1);
      bump(r, 'withheld.stateSecret', 'total', -1);
      bump(r, 'granted', 'naturalPerson', +1);
      bump(r, 'granted', 'total', +1);
    });
    const fs = only(check(b), 'T3-04');
    assert.deepEqual(cells(fs), ['withheld.stateSecret/naturalPerson', 'withheld.stateSecret/total']);
    assert.match(fs[0]?.message ?? '', /表三“（三）不予公开1\.属于国家秘密”行“(自然人|总计)”列为-1，应为非负整数/);
  });

  test('T3-05: an application of last year registered after last year’s report was published', () => {
    const b = makeBase();
    const asPublished = reportOf(
      town,
      year - 1,
      records((r) => (r.applications = r.applications.filter((a) => a.id !== 101)), previousRecords()),
    );
    const ctx = { ...b.ctx, previous: { report: asPublished, origin: 'platform' as const } };
    const fs = only(validateReport(b.report, ctx), 'T3-05', 'error');
    assert.deepEqual(cells(fs), ['carriedOver/naturalPerson', 'carriedOver/total']);
    const nat = fs.find((f) => f.column === 'naturalPerson');
    assert.equal(nat?.expected, 0);
    assert.equal(nat?.actual, 1);
    assert.match(nat?.message ?? '', /表三“二、上年结转政府信息公开申请数量”行“自然人”列为1，2023年度报告“四、结转下年度继续办理”行该列为0/);

    // An error only when both years are the platform's own reports.
    only(validateReport(b.report, { ...ctx, previous: { report: asPublished, origin: 'imported' } }), 'T3-05', 'warning');
    only(validateReport(b.report, { ...ctx, origin: 'imported' }), 'T3-05', 'warning');
  });

  test('T3-06: an application registered after the report was computed is open at year end', () => {
    const b = makeBase();
    const now = records((r) => r.applications.push({ id: 111, applicantType: 'commercial', receivedDate: '2024-12-27', closedDate: null, outcome: null }));
    const fs = only(check({ ...b, ctx: { ...b.ctx, derived: reportOf(town, year, now) } }), 'T3-06');
    assert.deepEqual(cells(fs), ['carriedForward/commercial', 'carriedForward/total']);
    const c = fs.find((f) => f.column === 'commercial');
    assert.equal(c?.expected, 1);
    assert.equal(c?.actual, 0);
    assert.match(c?.message ?? '', /表三“四、结转下年度继续办理”行“商业企业”列为0，台账中年末未办结的申请为1件/);
  });

  test('T3-07: one application traced to two outcome rows', () => {
    const b = makeBase();
    const trace = { ...b.ctx.handledTrace, 'withheld.internalAffairs': [102] };
    const fs = only(validateReport(b.report, { ...b.ctx, handledTrace: trace }), 'T3-07');
    assert.equal(fs.length, 1);
    assert.equal(fs[0]?.where, 'withheld.internalAffairs');
    assert.match(fs[0]?.message ?? '', /编号102的申请同时计入了“（一）”和“（三）5”，每件申请只能计入一项办理结果/);
  });

  test('T3-08: an application ended for an unpaid fee, and section 六 says nothing of the fee notice', () => {
    const other = '依据《政府信息公开信息处理费管理办法》，本年度我镇未收取信息处理费。';
    const b = withRecords(
      makeBase(),
      records((r) => (r.narrative.other = other)),
    );
    const fs = only(check(b), 'T3-08', 'warning');
    assert.equal(fs.length, 1);
    assert.equal(fs[0]?.where, 'otherDisposal.unpaidFee');
    assert.equal(fs[0]?.column, 'total');
    assert.equal(fs[0]?.actual, 1);
    assert.match(fs[0]?.message ?? '', /表三“（六）其他处理2\.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请”行“总计”列为1件/);
  });

  test('T3-08: section 六 states an amount the fee ledger does not hold', () => {
    const b = makeBase();
    const fs = only(validateReport(b.report, { ...b.ctx, feesCollectedFen: 5000 }), 'T3-08', 'warning');
    assert.equal(fs.length, 1);
    assert.equal(fs[0]?.where, 'text.other');
    assert.equal(fs[0]?.expected, 50);
    assert.equal(fs[0]?.actual, 0);
    assert.match(fs[0]?.message ?? '', /第六部分写明收取信息处理费0元，收费台账为50元/);
  });

  test('T3-08: amounts ending in 0 and with thousands separators are read as written', () => {
    for (const [sentence, fen] of [
      ['本年度我镇发出收费通知2件，其中1名申请人逾期未缴纳；全年共收取信息处理费100元。', 10_000],
      ['本年度我镇发出收费通知3件，1名申请人逾期未缴纳，实际收取信息处理费共计1,200元。', 120_000],
      ['依据《政府信息公开信息处理费管理办法》规定，2024年全镇实际收取信息处理费共计400元，1名申请人逾期未缴纳。', 40_000],
    ] as const) {
      const b = withRecords(
        makeBase(),
        records((r) => (r.narrative.other = sentence)),
      );
      assert.deepEqual(validateReport(b.report, { ...b.ctx, feesCollectedFen: fen }), [], sentence);
    }
  });

  test('T3-09: a town that received nothing reports an outcome', () => {
    const b = edited(quietTown(), (r) => {
      for (const row of ['granted', 'totalHandled'] as const) {
        bump(r, row, 'naturalPerson', +1);
        bump(r, row, 'total', +1);
      }
    });
    const fs = only(check(b), 'T3-09');
    assert.deepEqual(cells(fs), ['granted/naturalPerson', 'granted/total', 'totalHandled/naturalPerson', 'totalHandled/total']);
    assert.match(fs[0]?.message ?? '', /表三“(自然人|总计)”列本年新收和上年结转均为0，但“（一）予以公开”为1/);
  });

  test('T3-10: section 一 states by hand a number the table does not have', () => {
    const overview = narrative2024.overview.replace('{{依申请公开情况}}', '本年度我镇新收政府信息公开申请12件，上年结转1件，办结9件，结转下年度继续办理1件。');
    const b = withRecords(
      makeBase(),
      records((r) => (r.narrative.overview = overview)),
    );
    const fs = only(check(b), 'T3-10', 'warning');
    assert.equal(fs.length, 1);
    assert.equal(fs[0]?.where, 'text.overview');
    assert.equal(fs[0]?.expected, 9);
    assert.equal(fs[0]?.actual, 12);
    assert.match(fs[0]?.message ?? '', /第一部分写明“一、本年新收政府信息公开申请数量”为12件，表三总计为9件/);
  });

  test('T3-10: counts of 便民服务 applications elsewhere in section 一 are not table 三’s', () => {
    const overview = narrative2024.overview.replace(
      '依法依规做好政府信息公开工作。',
      '依法依规做好政府信息公开工作。镇便民服务中心全年受理各类服务申请3200件，办结3200件，公开办事结果。',
    );
    const b = withRecords(
      makeBase(),
      records((r) => (r.narrative.overview = overview)),
    );
    assert.deepEqual(check(b), []);
  });
});

describe('table 四', () => {
  test('T4-01: a case added to 结果维持 but not to 总计', () => {
    const b = edited(makeBase(), (r) => (r.appeals.reconsideration.upheld = 2));
    const fs = only(check(b), 'T4-01');
    assert.equal(fs.length, 1);
    assert.equal(fs[0]?.where, 'appeals.reconsideration');
    assert.equal(fs[0]?.column, 'total');
    assert.equal(fs[0]?.expected, 3);
    assert.equal(fs[0]?.actual, 2);
    assert.match(fs[0]?.message ?? '', /表四“行政复议”总计为2，结果维持、结果纠正、其他结果、尚未审结之和为3/);
  });

  test('T4-02: a blank or negative cell (an error whatever the origin)', () => {
    const blank = edited(makeBase(), (r) => (r.appeals.litigationDirect.corrected = null));
    const fs = only(check(blank), 'T4-02');
    assert.deepEqual(cells(fs), ['appeals.litigationDirect/corrected']);
    assert.match(fs[0]?.message ?? '', /表四“行政诉讼未经复议直接起诉”的“结果纠正”为空/);
    only(validateReport(blank.report, { ...blank.ctx, origin: 'imported' }), 'T4-02', 'error');

    const negative = edited(makeBase(), (r) => {
      r.appeals.reconsideration.corrected = -1;
      r.appeals.reconsideration.other = 2;
    });
    assert.deepEqual(cells(only(check(negative), 'T4-02')), ['appeals.reconsideration/corrected']);
  });

  test('T4-03: a case pending in last year’s report whose conclusion was registered late', () => {
    const suit = { id: 4, track: 'litigationAfterReconsideration', filedDate: '2023-09-12' } as const;
    const now = records((r) => r.appeals.push({ ...suit, concludedDate: '2023-12-29', outcome: 'upheld' }));
    const then = records((r) => r.appeals.push({ ...suit, concludedDate: null, outcome: null }), previousRecords());
    const b = makeBase(town, now, then);
    assert.equal(b.previous.appeals.litigationAfterReconsideration.pending, 1);
    const fs = only(check(b), 'T4-03', 'warning');
    assert.equal(fs.length, 1);
    assert.equal(fs[0]?.where, 'appeals.litigationAfterReconsideration');
    assert.equal(fs[0]?.expected, 1);
    assert.equal(fs[0]?.actual, 0);
    assert.match(fs[0]?.message ?? '', /2023年度报告中“行政诉讼复议后起诉”尚未审结1件，本年该组只统计了0件/);
  });
});

describe('the report as a whole', () => {
  const titles = sections.map((s) => s.title);

  test('X-01: a section missing from the document', () => {
    const b = makeBase();
    const doc = { sectionTitles: titles.filter((t) => !t.startsWith('四')), labels: b.ctx.document?.labels ?? [] };
    const fs = only(validateReport(b.report, { ...b.ctx, document: doc }), 'X-01');
    assert.equal(fs.length, 1);
    assert.equal(fs[0]?.where, 'report');
    assert.equal(fs[0]?.message, '缺少第四部分“四、政府信息公开行政复议、行政诉讼情况”');
  });

  test('X-01: sections out of order, titles in half-width punctuation and with spaces still match', () => {
    const b = makeBase();
    const swapped = [titles[0], titles[1], titles[2], titles[4], titles[3], titles[5]].map((t) => ` ${t} `) as string[];
    const fs = only(validateReport(b.report, { ...b.ctx, document: { sectionTitles: swapped, labels: [] } }), 'X-01');
    assert.equal(fs.length, 1);
    assert.match(fs[0]?.message ?? '', /第五部分“五、存在的主要问题及改进情况”的顺序不对/);
  });

  test('X-01: an empty narrative section', () => {
    const b = withRecords(
      makeBase(),
      records((r) => (r.narrative.problems = '  ')),
    );
    const fs = only(check(b), 'X-01');
    assert.deepEqual(cells(fs), ['text.problems/']);
    assert.match(fs[0]?.message ?? '', /第五部分“五、存在的主要问题及改进情况”没有内容/);
  });

  test('X-02: a document on the 2019 template', () => {
    const b = makeBase();
    const labels = b.ctx.document?.labels ?? [];
    const withLabels = (extra: string[], singleOtherDisposalRow = false) =>
      validateReport(b.report, { ...b.ctx, document: { sectionTitles: titles, labels: [...labels, ...extra], singleOtherDisposalRow } });

    const fs = only(withLabels(['本年新制作数量', '第二十条第(九)项']), 'X-02');
    assert.deepEqual(
      fs.map((f) => f.message),
      ['报告使用了2019年试行格式的栏目“本年新制作数量”', '报告使用了2019年试行格式的栏目“第二十条第（九）项”'],
    );
    assert.deepEqual(cells(only(withLabels(['处理决定数量']), 'X-02')), ['active/']);
    const single = only(withLabels([], true), 'X-02');
    assert.deepEqual(cells(single), ['otherDisposal.other/']);
  });

  test('X-02: a 2019-format report, whose two missing （六） rows are not blank cells', () => {
    const b = edited(makeBase(), (r) => {
      r.format = '2019';
      const rs = rows(r);
      rs['otherDisposal.other'] = rs['otherDisposal.other'].map((v, i) => (v ?? 0) + (rs['otherDisposal.unpaidFee'][i] ?? 0));
      rs['otherDisposal.unpaidFee'] = rs['otherDisposal.unpaidFee'].map(() => null);
      rs['otherDisposal.noCorrection'] = rs['otherDisposal.noCorrection'].map(() => null);
    });
    const fs = only(validateReport(b.report, { ...b.ctx, origin: 'imported' }), 'X-02');
    assert.equal(fs.length, 1);
    assert.match(fs[0]?.message ?? '', /报告使用了2019年试行格式，2024年度报告应使用国办公开办函〔2021〕30号格式/);
  });

  test('X-03: section 六 explains the unpaid fee but states no 信息处理费 (error computed, warning imported)', () => {
    const other = '本年度我镇向1名申请人发出收费通知，申请人逾期未缴纳费用，该申请终止处理。本年度无其他需要报告的事项。';
    const b = withRecords(
      makeBase(),
      records((r) => (r.narrative.other = other)),
    );
    const fs = only(check(b), 'X-03', 'error');
    assert.equal(fs.length, 1);
    assert.equal(fs[0]?.where, 'text.other');
    assert.match(fs[0]?.message ?? '', /第六部分“其他需要报告的事项”未说明信息处理费收取情况/);
    only(validateReport(b.report, { ...b.ctx, origin: 'imported' }), 'X-03', 'warning');
  });

  test('X-03: “无。” in section 六 of a town that received nothing', () => {
    const q = quietTown();
    const b = withRecords(
      q,
      records((r) => (r.narrative.other = '无。'), q.records),
    );
    assert.equal(only(check(b), 'X-03').length, 1);
  });

  test('X-04: a town’s report leaves out 社会评议 (error computed, warning imported)', () => {
    const overview = narrative2024.overview.replace('通过群众满意度问卷开展社会评议，群众总体评价满意；', '');
    const b = withRecords(
      makeBase(),
      records((r) => (r.narrative.overview = overview)),
    );
    const fs = only(check(b), 'X-04', 'error');
    assert.equal(fs.length, 1);
    assert.equal(fs[0]?.where, 'text.overview');
    assert.match(fs[0]?.message ?? '', /人民政府的年度报告应报告工作考核、社会评议和责任追究结果情况（条例第五十条第（四）项），未见以下结果：社会评议结果$/);
    // Without the agency's kind, the title (…人民政府) tells a government.
    assert.equal(only(validateReport(b.report, { ...b.ctx, agency: undefined }), 'X-04').length, 1);
    only(validateReport(b.report, { ...b.ctx, origin: 'imported' }), 'X-04', 'warning');
  });

  test('X-04: 责任追究 named as a rule (the seed’s 制度 sentence) is not a result', () => {
    const seedLike = '健全保密审查、发布协调、责任追究、澄清虚假或不完整信息等政务公开制度，并严格执行。';
    const overview = narrative2024.overview
      .replace('本年度未发生因政务公开工作引起的责任追究情况。', '')
      .replace('（三）政府信息管理情况', `${seedLike}\n（三）政府信息管理情况`);
    const b = withRecords(
      makeBase(),
      records((r) => (r.narrative.overview = overview)),
    );
    assert.ok(b.report.text.overview.includes('责任追究'));
    const fs = only(check(b), 'X-04', 'error');
    assert.match(fs[0]?.message ?? '', /未见以下结果：责任追究结果$/);
    // Stated as a result in section 五 instead, it passes.
    const inFive = withRecords(
      b,
      records((r) => {
        r.narrative.overview = overview;
        r.narrative.problems = `${narrative2024.problems}\n本年度未发生政务公开工作责任追究事项。`;
      }),
    );
    assert.deepEqual(check(inFive), []);
  });

  test('X-04: not asked of a 街道办事处, which is no 人民政府', () => {
    const overview = narrative2024.overview
      .split('\n')
      .filter((l) => !/考核/.test(l))
      .join('\n')
      .concat('\n自觉接受社会监督。');
    const street = { ...town, name: '华容县章华街道办事处', shortName: '章华街道' };
    const b = makeBase(
      street,
      records((r) => (r.narrative = { ...narrative2024, overview })),
    );
    assert.deepEqual(check(b), []);
    // read from a document, with no agency known: the title tells it too
    assert.deepEqual(validateReport(b.report, { ...b.ctx, origin: 'imported', agency: undefined }), []);
  });

  test('X-05: a sentence copied from last year keeps last year’s year', () => {
    const overview = narrative2024.overview.replace(
      '开展行政规范性文件清理，废止不再适用的文件。',
      '开展行政规范性文件清理，废止不再适用的文件。2023年，我镇共制定行政规范性文件1件。',
    );
    const b = withRecords(
      makeBase(),
      records((r) => (r.narrative.overview = overview)),
    );
    const fs = only(check(b), 'X-05', 'warning');
    assert.equal(fs.length, 1);
    assert.equal(fs[0]?.expected, 2024);
    assert.equal(fs[0]?.actual, 2023);
    assert.match(fs[0]?.message ?? '', /第一部分统计数字所在句子写的是2023年，报告年度为2024年：“2023年，我镇共制定行政规范性文件1件”/);
  });

  test('X-05: dates, titles and revision years are not statistics years', () => {
    const overview = narrative2024.overview.replace(
      '开展行政规范性文件清理，废止不再适用的文件。',
      [
        '组织干部学习2019年修订的《中华人民共和国政府信息公开条例》，梳理公开事项目录56项。',
        '对2023年12月以前制发的行政规范性文件开展清理，废止1件。',
        '对照《2023年华容县政务公开工作要点》查漏补缺，补充公开信息12条。',
      ].join(''),
    );
    const b = withRecords(
      makeBase(),
      records((r) => (r.narrative.overview = overview)),
    );
    assert.deepEqual(check(b), []);
  });

  test('X-06: published after the deadline, or not published when it has passed', () => {
    const b = makeBase();
    const pub = b.ctx.publication;
    assert.ok(pub);
    assert.equal(pub.deadline, '2025-01-31');
    const late = only(validateReport(b.report, { ...b.ctx, publication: { ...pub, publishedOn: '2025-02-10' } }), 'X-06', 'warning');
    assert.equal(late.length, 1);
    assert.equal(late[0]?.where, 'report');
    assert.equal(late[0]?.message, '报告于2025-02-10发布，晚于发布期限2025-01-31');
    const missing = only(validateReport(b.report, { ...b.ctx, publication: { ...pub, publishedOn: null } }), 'X-06');
    assert.equal(missing[0]?.message, '已超过发布期限2025-01-31，报告尚未发布');
    assert.deepEqual(validateReport(b.report, { ...b.ctx, publication: { ...pub, publishedOn: '2025-01-31' } }), []);
    assert.deepEqual(validateReport(b.report, { ...b.ctx, publication: { ...pub, publishedOn: null, asOf: '2025-01-31' } }), []);
    // The county government's aggregate report is due on 3月31日.
    assert.equal(reportDeadline('countyGovernment', year), '2025-03-31');
  });

  test('X-07: last year’s narrative written again with only the year changed', () => {
    const lastYear = { ...narrative2024, overview: narrative2024.overview.replace('2024年度', '2023年度') };
    const b = makeBase(
      town,
      baseRecords(),
      records((r) => (r.narrative = lastYear), previousRecords()),
    );
    const fs = only(check(b), 'X-07', 'warning');
    assert.equal(fs.length, 1);
    assert.equal(fs[0]?.where, 'report');
    assert.match(fs[0]?.message ?? '', /^报告正文有\d+%与2023年度报告相同，内容雷同$/);
    assert.ok((fs[0]?.actual ?? 0) > 0.8);
  });

  test('X-07: a report copied from another town of the county', () => {
    const b = makeBase();
    const text = [b.report.text.overview, b.report.text.problems, b.report.text.other].join('\n').replaceAll('插旗镇', '治河渡镇');
    const fs = only(validateReport(b.report, { ...b.ctx, others: [...(b.ctx.others ?? []), { agency: '华容县治河渡镇人民政府', text }] }), 'X-07');
    assert.equal(fs.length, 1);
    assert.match(fs[0]?.message ?? '', /与华容县治河渡镇人民政府同年度报告相同，内容雷同/);
  });

  test('X-09: section 一 leaves out one of the five topics of the 2021 format, named in a warning', () => {
    const overview = narrative2024.overview
      .replace('（四）平台建设情况\n', '')
      .replace('依托县政府门户网站政务公开专栏发布信息，', '依托县政府门户网站发布信息，');
    const b = withRecords(
      makeBase(),
      records((r) => (r.narrative.overview = overview)),
    );
    const fs = only(check(b), 'X-09', 'warning');
    assert.equal(fs.length, 1);
    assert.equal(fs[0]?.where, 'text.overview');
    assert.match(fs[0]?.message ?? '', /^第一部分“总体情况”未见“政府信息公开平台建设”方面的内容/);
    // Two missing, two findings, each naming its topic.
    const two = withRecords(
      b,
      records((r) => (r.narrative.overview = overview.replace('（五）监督保障情况\n', '').replace('（三）政府信息管理情况\n', ''))),
    );
    assert.deepEqual(
      only(check(two), 'X-09').map((f) => /“([^”]+)”方面/.exec(f.message)?.[1]),
      ['政府信息管理', '政府信息公开平台建设', '监督保障'],
    );
  });

  test('X-02, X-03 and X-09 apply from the 2021 report: a 2019 or 2020 report in the 2019 format gets none of them', () => {
    const b = makeBase();
    const in2019Format = (y: number) =>
      edited(b, (r) => {
        r.year = y;
        r.format = '2019';
        r.text.other = '无。';
        r.text.overview = '本年度我镇认真贯彻落实《条例》，做好政府信息公开工作。';
      });
    const document = { sectionTitles: titles, labels: [...labels2021, '本年新制作数量', '第二十条第(九)项'], singleOtherDisposalRow: true };
    const rulesOf = (r: AnnualReport) =>
      new Set(validateReport(r, { ...b.ctx, origin: 'imported', document, previous: null, publication: undefined }).map((f) => f.rule));
    for (const y of [2019, 2020]) {
      const found = rulesOf(in2019Format(y).report);
      for (const id of ['X-02', 'X-03', 'X-09'] as const) assert.ok(!found.has(id), `${y}: ${id}`);
    }
    const late = rulesOf(in2019Format(2021).report);
    for (const id of ['X-02', 'X-03', 'X-09'] as const) assert.ok(late.has(id), `2021: ${id}`);
  });

  test('X-08: not in the 年报 column, or its numbers not stored', () => {
    const b = makeBase();
    const pub = b.ctx.publication;
    assert.ok(pub);
    const column = only(validateReport(b.report, { ...b.ctx, publication: { ...pub, inAnnualReportColumn: false } }), 'X-08', 'warning');
    assert.equal(column[0]?.message, '报告未在门户网站“政府信息公开年报”栏目发布');
    const stored = only(validateReport(b.report, { ...b.ctx, publication: { ...pub, numbersStored: false } }), 'X-08');
    assert.equal(stored[0]?.message, '报告的统计数字未以结构化数据保存，下一年度无法核对结转');
    assert.equal(stored[0]?.where, 'report');
  });
});

describe('coverage', () => {
  test('every rule id is broken by a test in this file', async () => {
    const fs = await import('node:fs');
    const source = fs.readFileSync(new URL(import.meta.url), 'utf8');
    // P-01 … P-03 are the reader's: test/extract/report/reader.test.ts breaks each
    for (const id of checkedRuleIds) assert.ok(source.includes(`test('${id}:`), `no test breaks ${id}`);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
