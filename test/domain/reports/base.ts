/**
 * A realistic, valid year of one town's records (插旗镇, 2024) and the report the platform
 * computes from them, with everything the validator is given: last year's report, the
 * report as the records give it, the outcome trace, the fee ledger, the document
 * structure, the publication record and another town's report. Tests break one rule at
 * a time from here.
 */
import type { ApplicationFacts } from '../../../src/domain/requests/application.ts';
import { placeInYear } from '../../../src/domain/requests/application.ts';
import type { AppealFacts } from '../../../src/domain/appeals/appeal.ts';
import type { NormativeDocumentFacts } from '../../../src/domain/catalog/normative-document.ts';
import { computeReport } from '../../../src/domain/reports/compute.ts';
import { factsFromRecords, type AgencyRecords, type Narrative, type ReportAgency } from '../../../src/domain/reports/facts.ts';
import type { AnnualReport } from '../../../src/domain/reports/annual-report.ts';
import type { ValidationContext } from '../../../src/domain/reports/findings.ts';
import { outcomeCodeKeys, type OutcomeCode } from '../../../src/law/outcome-codes.ts';
import type { CategoryKey } from '../../../src/law/catalogue-categories.ts';
import {
  activeTable,
  applicationRows,
  appealColumns,
  appealGroups,
  applicationColumns,
  applicationsTable,
  reportDeadline,
  sections,
} from '../../../src/law/report-format/index.ts';

export const year = 2024;

export const town: ReportAgency = {
  id: 7,
  name: '华容县插旗镇人民政府',
  shortName: '插旗镇',
  kind: 'town',
  mayMakeRules: false,
};

export const department: ReportAgency = {
  id: 31,
  name: '华容县自然资源局',
  shortName: '县自然资源局',
  kind: 'department',
  mayMakeRules: false,
};

/** Applications of 2023 and 2024: one carried over into 2024 (101), one carried forward out of it (110). */
export const applications: ApplicationFacts[] = [
  { id: 95, applicantType: 'naturalPerson', receivedDate: '2023-05-10', closedDate: '2023-05-30', outcome: 'granted' },
  { id: 96, applicantType: 'research', receivedDate: '2023-08-14', closedDate: '2023-09-01', outcome: 'unableToProvide.needsCreation' },
  { id: 101, applicantType: 'naturalPerson', receivedDate: '2023-12-20', closedDate: '2024-01-15', outcome: 'granted' },
  { id: 102, applicantType: 'naturalPerson', receivedDate: '2024-03-04', closedDate: '2024-03-20', outcome: 'granted' },
  { id: 103, applicantType: 'naturalPerson', receivedDate: '2024-04-10', closedDate: '2024-05-06', outcome: 'partiallyGranted' },
  { id: 104, applicantType: 'commercial', receivedDate: '2024-05-13', closedDate: '2024-06-03', outcome: 'unableToProvide.notHeld' },
  { id: 105, applicantType: 'commercial', receivedDate: '2024-06-17', closedDate: '2024-07-08', outcome: 'granted' },
  { id: 106, applicantType: 'legalService', receivedDate: '2024-07-01', closedDate: '2024-07-22', outcome: 'withheld.thirdPartyRights' },
  { id: 107, applicantType: 'naturalPerson', receivedDate: '2024-08-05', closedDate: '2024-09-20', outcome: 'otherDisposal.unpaidFee' },
  { id: 108, applicantType: 'naturalPerson', receivedDate: '2024-09-09', closedDate: '2024-09-12', outcome: 'notProcessed.petitionOrComplaint' },
  { id: 109, applicantType: 'other', receivedDate: '2024-10-14', closedDate: '2024-11-04', outcome: 'withheld.processInformation' },
  { id: 110, applicantType: 'naturalPerson', receivedDate: '2024-12-23', closedDate: null, outcome: null },
];

/** A reconsideration pending at the end of 2023 and upheld in 2024, one withdrawn in 2024, and a suit still pending. */
export const appeals: AppealFacts[] = [
  { id: 1, track: 'reconsideration', filedDate: '2023-11-02', concludedDate: '2024-02-20', outcome: 'upheld' },
  { id: 2, track: 'reconsideration', filedDate: '2024-06-03', concludedDate: '2024-08-01', outcome: 'other' },
  { id: 3, track: 'litigationDirect', filedDate: '2024-10-08', concludedDate: null, outcome: null },
];

/** 行政规范性文件: one of 2022, one of 2023 repealed in 2024, one of 2024. */
export const documents: NormativeDocumentFacts[] = [
  { id: 1, kind: 'normativeDocument', writtenDate: '2022-03-01', validity: [] },
  { id: 2, kind: 'normativeDocument', writtenDate: '2023-06-15', validity: [{ state: 'repealed', effectiveDate: '2024-09-01' }] },
  { id: 3, kind: 'normativeDocument', writtenDate: '2024-04-20', validity: [] },
];

function items(y: number, counts: Partial<Record<CategoryKey, number>>) {
  return Object.entries(counts).flatMap(([category, n]) =>
    Array.from({ length: n }, (_, i) => ({ category: category as CategoryKey, publishedDate: `${y}-${String((i % 12) + 1).padStart(2, '0')}-15` })),
  );
}

export const narrative2024: Narrative = {
  overview: [
    '2024年度，我镇坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》和华容县政务公开工作要点，围绕镇党委、政府中心工作，依法依规做好政府信息公开工作。',
    '（一）主动公开情况',
    '{{主动公开情况}}本年度我镇重点公开了耕地地力保护补贴发放、农村危房改造、防汛抗旱等与群众切身利益相关的信息，并通过村务公开栏、村民微信群同步推送。',
    '（二）依申请公开情况',
    '{{依申请公开情况}}所有申请均在法定期限内答复，答复文书载明了救济途径。',
    '{{行政复议诉讼情况}}',
    '（三）政府信息管理情况',
    '落实信息发布前保密审查制度，对拟公开信息逐条审核；开展行政规范性文件清理，废止不再适用的文件。',
    '（四）平台建设情况',
    '依托县政府门户网站政务公开专栏发布信息，完善镇级政务公开目录，及时更新便民服务事项清单。',
    '（五）监督保障情况',
    '将政务公开工作纳入对各村（社区）和镇直单位的年度绩效考核，考核结果均为合格；通过群众满意度问卷开展社会评议，群众总体评价满意；本年度未发生因政务公开工作引起的责任追究情况。',
  ].join('\n'),
  problems: [
    '（一）存在的主要问题',
    '一是部分村级公开内容更新不够及时；二是政策解读形式较为单一，图解、视频解读较少。',
    '（二）改进措施',
    '一是建立村级公开内容月度检查制度；二是丰富政策解读形式，增加图表、短视频等解读方式。',
    '（三）上年度问题整改情况',
    '针对上年度报告指出的目录更新滞后问题，已明确专人每周维护公开目录，整改到位。',
  ].join('\n'),
  other: [
    '依据《政府信息公开信息处理费管理办法》，本年度我镇向1名申请人发出收费通知，申请人逾期未缴纳费用，该申请终止处理；全年未收取信息处理费。',
    '本年度无其他需要报告的事项。',
  ].join('\n'),
};

export const narrative2023: Narrative = {
  overview: [
    '2023年，插旗镇在县委、县政府的领导下，以推进基层政务公开标准化规范化为抓手，调整充实了政务公开工作领导小组，明确办公室负责日常工作。',
    '1.主动公开政府信息情况。{{主动公开情况}}',
    '2.依申请公开政府信息情况。{{依申请公开情况}}',
    '3.健全制度建设。修订完善保密审查、发布协调、澄清虚假或不完整信息等制度，全年无泄密事件。',
    '4.加强监督考核。政务公开工作列入村级目标管理考核，聘请群众代表开展评议，对工作不力的严格责任追究。',
  ].join('\n'),
  problems: '公开目录更新不够及时，个别栏目信息较少。下一步将明确专人负责，定期检查目录更新情况。',
  other: '本年度未收取信息处理费。',
};

/** The records, as tests edit them. */
export interface Records extends AgencyRecords {
  applications: ApplicationFacts[];
  appeals: AppealFacts[];
  documents: NormativeDocumentFacts[];
  narrative: Narrative;
}

export function baseRecords(): Records {
  return {
    applications: applications.map((a) => ({ ...a })),
    appeals: appeals.map((a) => ({ ...a })),
    documents: documents.map((d) => ({ ...d, validity: [...d.validity] })),
    publishedItems: [
      ...items(2023, { institution: 2, policy: 3, planning: 4, personnel: 3, funds: 2, notices: 12, other: 1 }),
      ...items(2024, { institution: 3, policy: 4, planning: 5, personnel: 4, funds: 6, notices: 18, other: 2 }),
    ],
    decisions: { licensing: 0, penalty: 8, coercion: 1, feesFen: 352_000 },
    narrative: { ...narrative2024 },
  };
}

export function previousRecords(): Records {
  return { ...baseRecords(), decisions: { licensing: 0, penalty: 5, coercion: 0, feesFen: 298_000 }, narrative: { ...narrative2023 } };
}

export function reportOf(agency: ReportAgency, y: number, records: AgencyRecords): AnnualReport {
  return computeReport(factsFromRecords(agency, y, records));
}

/** Application ids counted in each outcome row, as the platform traces them. */
export function traceOf(records: AgencyRecords, y: number): Partial<Record<OutcomeCode, number[]>> {
  const trace: Partial<Record<OutcomeCode, number[]>> = Object.fromEntries(outcomeCodeKeys.map((k) => [k, []]));
  for (const a of records.applications) {
    const h = placeInYear(a, y).handled;
    if (h) trace[h]?.push(a.id);
  }
  return trace;
}

/** The labels of the 2021 tables, as a document written on the 2021 template shows them. */
export const labels2021: string[] = [
  ...activeTable.blocks.flatMap((b) => [b.item, ...b.header, ...b.rows.map((r) => r.label)]),
  applicationsTable.note,
  applicationsTable.columnGroup,
  applicationsTable.organisationGroup,
  ...applicationColumns.map((c) => c.label),
  ...new Set(applicationRows.flatMap((r) => r.stub)),
  ...appealGroups.flatMap((g) => g.header),
  ...appealColumns.map((c) => c.label),
];

export const otherTownText = [
  '2024年，治河渡镇深入推进基层政务公开标准化规范化建设，围绕乡村振兴、民生保障等重点领域加大公开力度，全年通过县政府网站发布信息58条。',
  '本年度我镇未收到政府信息依申请公开申请。本年度我镇未发生因政府信息公开工作引起的行政复议、行政诉讼。',
  '存在问题：公开内容的解读回应不够深入。改进措施：加强业务培训，提升信息发布质量。',
  '本年度未收取信息处理费。',
].join('\n');

export interface Base {
  agency: ReportAgency;
  records: Records;
  previous: AnnualReport;
  report: AnnualReport;
  ctx: ValidationContext;
}

/** The valid base: records and context for `agency` (the town unless given). */
export function makeBase(agency: ReportAgency = town, records: Records = baseRecords(), prevRecords: Records = previousRecords()): Base {
  const report = reportOf(agency, year, records);
  const previous = reportOf(agency, year - 1, prevRecords);
  const ctx: ValidationContext = {
    origin: 'platform',
    agency: { kind: agency.kind, mayMakeRules: agency.mayMakeRules },
    previous: { report: previous, origin: 'platform' },
    derived: reportOf(agency, year, records),
    handledTrace: traceOf(records, year),
    feesCollectedFen: 0,
    document: { sectionTitles: sections.map((s) => s.title), labels: labels2021, singleOtherDisposalRow: false },
    publication: {
      deadline: reportDeadline(agency.kind, year),
      publishedOn: '2025-01-20',
      asOf: '2025-02-15',
      inAnnualReportColumn: true,
      numbersStored: true,
    },
    others: [{ agency: '华容县治河渡镇人民政府', text: otherTownText }],
  };
  return { agency, records, previous, report, ctx };
}

/** Re-computes the report and everything the records feed into the context, keeping the rest of `base`. */
export function withRecords(base: Base, records: Records): Base {
  const report = reportOf(base.agency, year, records);
  return {
    ...base,
    records,
    report,
    ctx: { ...base.ctx, derived: reportOf(base.agency, year, records), handledTrace: traceOf(records, year) },
  };
}

export const clone = <T>(x: T): T => structuredClone(x);
