/**
 * Deterministic demo records for the county's agencies, 2022-2024 (plus a few cases
 * received in December 2021 and still open when the platform started). Pure: the same
 * data on every run, so the demo is reproducible and `gongkai demo` is idempotent.
 */
import { applicantTypeKeys, type ApplicantType } from '../../law/applicant-types.ts';
import { outcomeCodeKeys, type OutcomeCode } from '../../law/outcome-codes.ts';
import type { AppealOutcome, AppealTrack } from '../../law/appeals.ts';
import type { CategoryKey, DocumentKind, ValidityState } from '../../law/catalogue-categories.ts';
import type { ReceiptChannel } from '../../law/receipt-channels.ts';
import { correctionPeriod } from '../../law/request-workflow.ts';
import { demoAgencies, type DemoAgency } from './agencies.ts';
import { chaqi2023Items } from './chaqi-2023.ts';
import { random, type Random } from '../../domain/shared/random.ts';
import { addWorkingDays } from '../../domain/calendar/deadline.ts';
import { addDays } from '../../domain/calendar/days.ts';
import { nationalCalendar } from '../../domain/calendar/working-calendar.ts';
import type { IsoDate } from '../../domain/shared/dates.ts';

export interface DemoApplication {
  agency: string;
  receiptNo: string;
  applicantType: ApplicantType;
  applicantName: string;
  channel: ReceiptChannel;
  subject: string;
  receivedDate: string;
  closedDate: string | null;
  outcome: OutcomeCode | null;
}

export interface DemoAppeal {
  agency: string;
  receiptNo: string | null;
  track: AppealTrack;
  caseNo: string;
  body: string;
  filedDate: string;
  concludedDate: string | null;
  outcome: AppealOutcome | null;
}

export interface DemoItem {
  agency: string;
  category: CategoryKey;
  title: string;
  body: string;
  docNo: string | null;
  documentKind: DocumentKind | null;
  writtenDate: string | null;
  generatedDate: string;
  /** China-time date and time of publication. */
  publishedDate: string;
  publishedTime: string;
  validity: { state: ValidityState; effectiveDate: string; reason: string }[];
}

export interface DemoDecisions {
  agency: string;
  year: number;
  licensing: number;
  penalty: number;
  coercion: number;
  feesFen: number;
}

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
/** Moves a weekend date to the next Monday. */
const toWeekday = (date: string) => (weekday(date) === 6 ? addDays(date, 2) : weekday(date) === 0 ? addDays(date, 1) : date);
const pad = (n: number, w: number) => String(n).padStart(w, '0');

const outcomeWeights: Record<OutcomeCode, number> = {
  granted: 44,
  partiallyGranted: 8,
  'withheld.stateSecret': 1,
  'withheld.prohibitedByLaw': 1,
  'withheld.threeSecurityOneStability': 1,
  'withheld.thirdPartyRights': 3,
  'withheld.internalAffairs': 2,
  'withheld.processInformation': 3,
  'withheld.enforcementCaseFile': 2,
  'withheld.administrativeQuery': 2,
  'unableToProvide.notHeld': 12,
  'unableToProvide.needsCreation': 4,
  'unableToProvide.unclearAfterCorrection': 2,
  'notProcessed.petitionOrComplaint': 3,
  'notProcessed.repeated': 3,
  'notProcessed.publication': 1,
  'notProcessed.excessive': 1,
  'notProcessed.confirmationOrReissue': 1,
  'otherDisposal.noCorrection': 3,
  'otherDisposal.unpaidFee': 1,
  'otherDisposal.other': 4,
};

const applicantWeights: Record<ApplicantType, number> = {
  naturalPerson: 70,
  commercial: 12,
  research: 2,
  publicInterest: 3,
  legalService: 8,
  other: 5,
};

const channelWeights: Record<ReceiptChannel, number> = { online: 45, inPerson: 25, registeredPost: 15, ordinaryPost: 5, email: 7, fax: 3 };

const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '罗', '彭', '邓'];
const given = ['建国', '秀英', '志强', '桂兰', '小平', '海燕', '国华', '丽娟', '卫东', '春梅', '永红', '德明', '晓军', '玉兰', '文斌', '红霞'];
const orgNames: Record<Exclude<ApplicantType, 'naturalPerson'>, readonly string[]> = {
  commercial: ['华容县鑫达建材有限公司', '岳阳湘北农业开发有限公司', '华容县恒信房地产开发有限公司', '湖南洞庭湖水产有限公司', '华容县顺通物流有限公司'],
  research: ['湖南省农业科学院', '中南大学公共管理学院', '湖南师范大学法学院'],
  publicInterest: ['岳阳市环保志愿者协会', '湖南省湿地保护基金会', '华容县慈善总会'],
  legalService: ['湖南章华律师事务所', '湖南岳州律师事务所', '华容县容城法律服务所', '湖南洞庭律师事务所'],
  other: ['插旗村村民委员会', '华容县芥菜种植专业合作社', '华容县个体劳动者协会', '新民村股份经济合作社'],
};

const subjects: Record<DemoAgency['kind'], readonly string[]> = {
  countyGovernment: [
    '{place}{year}年度征地补偿安置方案及批复文件',
    '华容县{year}年政府工作报告所列民生实事完成情况',
    '华容县{year}年度财政预算执行情况',
    '{place}集镇改造项目立项批复文件',
    '华容县人民政府常务会议关于{place}棚户区改造的决定',
    '华容县{year}年重大行政决策事项目录',
    '{place}防洪堤加固工程的立项及资金安排',
    '华容县城区道路提质改造工程招投标结果',
  ],
  town: [
    '{place}{year}年度低保户名单及补助标准',
    '{place}{year}年度村集体经济收支情况',
    '{place}道路硬化工程的招投标及验收资料',
    '{place}宅基地审批相关资料',
    '{place}土地承包经营权流转合同',
    '{place}农村危房改造补助对象名单',
    '{place}{year}年防汛物资采购情况',
    '{place}高标准农田建设项目资金使用情况',
  ],
  department: [
    '{year}年度城乡低保资金发放情况',
    '{place}{year}年度建设用地审批文件',
    '{place}养老机构运营补贴发放情况',
    '{year}年度食品安全抽检结果',
    '{place}国土空间规划编制相关资料',
    '{year}年度行政处罚案件办理情况统计',
    '{place}采矿权出让相关文件',
    '{year}年度特困人员救助供养资金使用情况',
  ],
};

/** Subjects that the outcome makes likely (a query for registration records, a petition, …). */
const subjectFor: Partial<Record<OutcomeCode, string>> = {
  'withheld.stateSecret': '{year}年度兵役征集计划及分配方案',
  'withheld.administrativeQuery': '查询本人名下{place}房屋的不动产登记资料',
  'withheld.internalAffairs': '{year}年度机关内部干部考核结果',
  'withheld.processInformation': '关于{place}项目的会议讨论记录和请示报告',
  'withheld.enforcementCaseFile': '对{place}某企业行政处罚案件的全部案卷材料',
  'withheld.thirdPartyRights': '{place}某企业提交的环境影响评价申报材料（含商业秘密）',
  'notProcessed.petitionOrComplaint': '反映{place}村干部优亲厚友问题并要求查处',
  'notProcessed.publication': '提供《华容县年鉴（{year}）》纸质版',
  'notProcessed.confirmationOrReissue': '对已获取的{place}拆迁补偿文件加盖公章确认',
  'unableToProvide.needsCreation': '{place}近十年各类补贴发放情况的分类汇总统计',
};

export interface DemoData {
  applications: DemoApplication[];
  appeals: DemoAppeal[];
  items: DemoItem[];
  decisions: DemoDecisions[];
}

function applicantName(r: Random, type: ApplicantType): string {
  return type === 'naturalPerson' ? `${r.of(surnames)}${r.of(given)}` : r.of(orgNames[type]);
}

function generateApplications(): DemoApplication[] {
  const out: DemoApplication[] = [];
  demoAgencies.forEach((agency, index) => {
    const r = random(1000 + index);
    for (const year of [2021, 2022, 2023, 2024] as const) {
      const n = agency.volume[year];
      for (let i = 0; i < n; i++) {
        const chaqi = agency.slug === 'chaqi';
        // 2021: December cases still open when the platform started; 插旗镇 closes its cases within the year.
        const received =
          year === 2021 ? toWeekday(`2021-12-${pad(r.int(13, 24), 2)}`) : toWeekday(addDays(`${year}-01-03`, chaqi ? r.int(60, 280) : r.int(0, 361)));
        const outcome = r.weighted(outcomeWeights);
        const days = chaqi ? r.int(5, 18) : r.next() < 0.12 ? r.int(35, 52) : r.int(3, 30);
        const type = r.weighted(applicantWeights);
        const place = r.of(agency.places);
        const subject = (subjectFor[outcome] ?? r.of(subjects[agency.kind]))
          .replaceAll('{place}', place)
          .replaceAll('{year}', String(year === 2021 ? 2021 : year - (r.next() < 0.5 ? 1 : 0)));
        out.push({
          agency: agency.slug,
          receiptNo: `YSQ${year === 2021 ? 2021 : year}${pad(index + 1, 2)}${pad(i + 1, 4)}`,
          applicantType: type,
          applicantName: applicantName(r, type),
          channel: r.weighted(channelWeights),
          subject: `申请公开${subject}`,
          receivedDate: received,
          closedDate: addDays(received, days),
          outcome,
        });
      }
    }
  });
  // Every row and column of table 三 appears somewhere in the county.
  const movable = out.filter((a) => a.agency !== 'chaqi' && a.outcome === 'granted');
  let k = 0;
  for (const code of outcomeCodeKeys) {
    if (out.some((a) => a.agency !== 'chaqi' && a.outcome === code)) continue;
    const a = movable[(k += 3)];
    if (a) a.outcome = code;
  }
  for (const type of applicantTypeKeys) {
    if (out.some((a) => a.applicantType === type)) continue;
    const a = out.find((x) => x.agency === 'county' && x.applicantType === 'naturalPerson');
    if (a) a.applicantType = type;
  }
  return out.map(withTimeToLapse);
}

/**
 * A case closed for an unpaid fee or a correction not made can only close after the period
 * the applicant had, counted from the day after the notice (sent and delivered on receipt):
 * 20 working days to pay, the county's default 补正期限. Its dates move within their years,
 * so the report's placement (received and closed years) stays as generated.
 */
function withTimeToLapse(a: DemoApplication): DemoApplication {
  const days = a.outcome === 'otherDisposal.unpaidFee' ? 20 : a.outcome === 'otherDisposal.noCorrection' ? correctionPeriod.defaultWorkingDays : null;
  if (days === null || !a.closedDate) return a;
  const lapse = (received: string) => addDays(addWorkingDays(nationalCalendar, received as IsoDate, days).due, 1);
  if (lapse(a.receivedDate) < a.closedDate) return a;
  if (lapse(a.receivedDate).slice(0, 4) === a.closedDate.slice(0, 4)) return { ...a, closedDate: lapse(a.receivedDate) };
  for (let r = a.receivedDate; r.slice(0, 4) === a.receivedDate.slice(0, 4); r = addDays(r, -1)) {
    if (lapse(r) < a.closedDate) return { ...a, receivedDate: r };
  }
  throw new Error(`demo case ${a.receiptNo}: no dates within its years leave the applicant's period`);
}

const appealSpecs: readonly Omit<DemoAppeal, 'receiptNo'>[] = [
  {
    agency: 'county',
    track: 'reconsideration',
    caseNo: '岳府复〔2022〕58号',
    body: '岳阳市人民政府',
    filedDate: '2022-06-20',
    concludedDate: '2022-08-30',
    outcome: 'upheld',
  },
  {
    agency: 'county',
    track: 'reconsideration',
    caseNo: '岳府复〔2022〕131号',
    body: '岳阳市人民政府',
    filedDate: '2022-11-15',
    concludedDate: '2023-02-10',
    outcome: 'corrected',
  },
  {
    agency: 'county',
    track: 'litigationDirect',
    caseNo: '（2023）湘06行初45号',
    body: '岳阳市中级人民法院',
    filedDate: '2023-05-08',
    concludedDate: '2023-10-19',
    outcome: 'upheld',
  },
  {
    agency: 'county',
    track: 'reconsideration',
    caseNo: '岳府复〔2023〕176号',
    body: '岳阳市人民政府',
    filedDate: '2023-12-04',
    concludedDate: '2024-03-12',
    outcome: 'other',
  },
  {
    agency: 'county',
    track: 'litigationAfterReconsideration',
    caseNo: '（2024）湘06行初33号',
    body: '岳阳市中级人民法院',
    filedDate: '2024-04-22',
    concludedDate: '2025-05-28',
    outcome: 'upheld',
  },
  {
    agency: 'ziran',
    track: 'reconsideration',
    caseNo: '华政复〔2023〕7号',
    body: '华容县人民政府',
    filedDate: '2023-03-14',
    concludedDate: '2023-05-30',
    outcome: 'upheld',
  },
  {
    agency: 'ziran',
    track: 'litigationDirect',
    caseNo: '（2024）湘0621行初19号',
    body: '岳阳县人民法院',
    filedDate: '2024-02-26',
    concludedDate: '2024-11-05',
    outcome: 'corrected',
  },
  {
    agency: 'ziran',
    track: 'reconsideration',
    caseNo: '华政复〔2024〕22号',
    body: '华容县人民政府',
    filedDate: '2024-10-18',
    concludedDate: '2025-01-10',
    outcome: 'upheld',
  },
  {
    agency: 'minzheng',
    track: 'reconsideration',
    caseNo: '华政复〔2024〕9号',
    body: '华容县人民政府',
    filedDate: '2024-05-09',
    concludedDate: '2024-07-02',
    outcome: 'other',
  },
  {
    agency: 'shichang',
    track: 'reconsideration',
    caseNo: '华政复〔2022〕15号',
    body: '华容县人民政府',
    filedDate: '2022-09-05',
    concludedDate: '2022-11-01',
    outcome: 'corrected',
  },
  {
    agency: 'shichang',
    track: 'litigationAfterReconsideration',
    caseNo: '（2023）湘0621行初27号',
    body: '岳阳县人民法院',
    filedDate: '2023-08-21',
    concludedDate: '2023-12-15',
    outcome: 'upheld',
  },
  {
    agency: 'zhanghua',
    track: 'reconsideration',
    caseNo: '华政复〔2023〕31号',
    body: '华容县人民政府',
    filedDate: '2023-07-11',
    concludedDate: '2023-09-20',
    outcome: 'upheld',
  },
];

/** Each appeal is against the agency's latest refusal closed before it was filed. */
function generateAppeals(apps: readonly DemoApplication[]): DemoAppeal[] {
  const used = new Set<string>();
  return appealSpecs.map((spec) => {
    const candidates = apps
      .filter((a) => a.agency === spec.agency && a.closedDate !== null && a.closedDate < spec.filedDate && a.outcome !== 'granted' && !used.has(a.receiptNo))
      .sort((x, y) => (x.closedDate! < y.closedDate! ? 1 : -1));
    const target = candidates[0];
    if (target) used.add(target.receiptNo);
    return { ...spec, receiptNo: target?.receiptNo ?? null };
  });
}

const categoryWeights: Record<'town' | 'other', Partial<Record<CategoryKey, number>>> = {
  town: { institution: 2, policy: 3, planning: 5, personnel: 4, funds: 2, notices: 15, other: 3 },
  other: { institution: 2, policy: 8, planning: 5, personnel: 4, funds: 4, notices: 12, other: 5 },
};

const itemTitles: Partial<Record<CategoryKey, readonly string[]>> = {
  institution: ['{name}机构职能', '{name}领导信息', '{name}内设机构及联系方式', '{name}办公地址及办公时间调整公告'],
  policy: [
    '{name}{year}年防汛抗旱工作方案',
    '{name}{year}年安全生产专项整治实施方案',
    '{name}关于进一步加强耕地保护的实施意见',
    '{name}{year}年森林防灭火工作方案',
    '{name}突发事件总体应急预案',
    '{name}{year}年乡村振兴重点工作实施方案',
  ],
  planning: [
    '{name}{year}年政务公开工作要点',
    '{name}{year}年工作计划',
    '{name}{year}年重点项目建设计划',
    '{name}“十四五”规划中期评估报告',
    '{name}{year}年工作总结',
    '{name}{year}年法治政府建设工作计划',
  ],
  personnel: [
    '{name}{year}年公益性岗位招聘公告',
    '{name}{year}年公益性岗位拟聘用人员公示',
    '{name}{year}年干部任免信息',
    '{name}{year}年编外人员招聘公告',
    '{name}{year}年人员拟录用公示',
  ],
  funds: ['{name}{year}年部门预算公开', '{name}{year - 1}年部门决算公开', '{name}{year}年“三公”经费预算', '{name}{year}年专项资金使用情况公示'],
  notices: [
    '{name}{year}年第{q}季度城乡低保对象名单公示',
    '关于做好{year}年汛期安全防范工作的通告',
    '{name}{year}年耕地地力保护补贴发放情况公示',
    '关于开展{year}年度城乡居民医疗保险集中征缴工作的通告',
    '{name}{year}年特困人员供养名单公示',
    '关于禁止野外用火的通告',
    '{name}{year}年农村危房改造补助对象公示',
    '{name}{year}年度高龄津贴发放名单公示',
    '关于开展秸秆禁烧工作的通告',
    '{name}{year}年{place}道路硬化工程中标结果公示',
    '{name}{year}年冬季征兵公告',
    '关于{place}临时交通管制的通告',
  ],
  other: [
    '{name}召开{year}年政务公开工作推进会',
    '{name}开展防溺水安全教育宣传活动',
    '{name}开展政府信息公开业务培训',
    '{name}开展“宪法宣传周”活动',
    '{name}组织开展消防应急演练',
  ],
};

const itemBody = (title: string, name: string) =>
  `${title}。\n为做好相关工作，${name}根据有关规定和工作安排，现将有关事项公开如下，欢迎社会各界监督。\n联系电话：0730-4210000。`;

function generateItems(): DemoItem[] {
  const out: DemoItem[] = [];
  demoAgencies.forEach((agency, index) => {
    const r = random(2000 + index);
    ([2022, 2023, 2024] as const).forEach((year, yi) => {
      if (agency.slug === 'chaqi' && year === 2023) {
        for (const it of chaqi2023Items) out.push(item(agency, it.category, it.title, it.date, r, null));
        return;
      }
      const weights = categoryWeights[agency.kind === 'town' ? 'town' : 'other'];
      const n = agency.items[yi] ?? 0;
      const seen = new Map<string, number>();
      for (let i = 0; i < n; i++) {
        const category = r.weighted(weights as Record<CategoryKey, number>);
        const template = r.of(itemTitles[category] ?? ['{name}工作动态']);
        const date = toWeekday(addDays(`${year}-01-04`, Math.floor((i * 355) / n) + r.int(0, 3)));
        let title = template
          .replaceAll('{name}', agency.kind === 'town' ? agency.shortName : agency.name)
          .replaceAll('{year - 1}', String(year - 1))
          .replaceAll('{year}', String(year))
          .replaceAll('{q}', '一二三四'[Math.min(3, Math.floor((Number(date.slice(5, 7)) - 1) / 3))] ?? '一')
          .replaceAll('{place}', r.of(agency.places));
        const dup = seen.get(title) ?? 0;
        seen.set(title, dup + 1);
        if (dup > 0) title = `${title}（${'二三四五六七八九十'[dup - 1] ?? dup + 1}）`;
        out.push(item(agency, category, title, date.slice(0, 4) === String(year) ? date : `${year}-12-28`, r, null));
      }
    });
  });
  return [...out, ...normativeDocuments()];
}

function item(
  agency: DemoAgency,
  category: CategoryKey,
  title: string,
  date: string,
  r: Random,
  doc: Pick<DemoItem, 'docNo' | 'documentKind' | 'writtenDate' | 'validity'> | null,
): DemoItem {
  return {
    agency: agency.slug,
    category,
    title,
    body: itemBody(title, agency.name),
    docNo: doc?.docNo ?? null,
    documentKind: doc?.documentKind ?? null,
    writtenDate: doc?.writtenDate ?? null,
    generatedDate: addDays(date, -r.int(0, 6)),
    publishedDate: date,
    publishedTime: `${pad(r.int(8, 17), 2)}:${pad(r.int(0, 59), 2)}`,
    validity: doc?.validity ?? [],
  };
}

interface NormativeSpec {
  agency: string;
  docNo: string;
  title: string;
  written: string;
  validity?: { state: ValidityState; effectiveDate: string; reason: string }[];
}

const normativeSpecs: readonly NormativeSpec[] = [
  {
    agency: 'county',
    docNo: '华政发〔2019〕8号',
    title: '华容县人民政府关于印发《华容县城区违法建设查处办法》的通知',
    written: '2019-05-16',
    validity: [{ state: 'repealed', effectiveDate: '2023-06-30', reason: '行政规范性文件清理，决定废止' }],
  },
  { agency: 'county', docNo: '华政发〔2019〕15号', title: '华容县人民政府关于印发《华容县农村村民建房管理办法》的通知', written: '2019-09-02' },
  {
    agency: 'county',
    docNo: '华政发〔2020〕4号',
    title: '华容县人民政府关于印发《华容县城乡居民最低生活保障实施办法》的通知',
    written: '2020-03-11',
    validity: [{ state: 'expired', effectiveDate: '2022-12-31', reason: '有效期届满' }],
  },
  { agency: 'county', docNo: '华政发〔2020〕12号', title: '华容县人民政府关于印发《华容县政府投资项目管理办法》的通知', written: '2020-08-20' },
  { agency: 'county', docNo: '华政发〔2021〕3号', title: '华容县人民政府关于印发《华容县征收集体土地补偿安置办法》的通知', written: '2021-02-25' },
  { agency: 'county', docNo: '华政发〔2021〕9号', title: '华容县人民政府关于进一步规范城区停车管理的通告', written: '2021-07-06' },
  { agency: 'county', docNo: '华政发〔2021〕14号', title: '华容县人民政府关于印发《华容县国有资产管理办法》的通知', written: '2021-10-18' },
  { agency: 'county', docNo: '华政发〔2022〕2号', title: '华容县人民政府关于印发《华容县城乡居民最低生活保障实施办法》的通知', written: '2022-12-20' },
  {
    agency: 'county',
    docNo: '华政发〔2022〕6号',
    title: '华容县人民政府关于加强农村集体“三资”管理的意见',
    written: '2022-04-14',
    validity: [{ state: 'repealed', effectiveDate: '2024-09-10', reason: '被《华容县农村集体资产管理办法》替代' }],
  },
  { agency: 'county', docNo: '华政发〔2022〕11号', title: '华容县人民政府关于印发《华容县城市供水管理办法》的通知', written: '2022-08-05' },
  { agency: 'county', docNo: '华政发〔2023〕1号', title: '华容县人民政府关于印发《华容县城镇燃气管理办法》的通知', written: '2023-01-30' },
  { agency: 'county', docNo: '华政发〔2023〕5号', title: '华容县人民政府关于印发《华容县城区户外广告设置管理办法》的通知', written: '2023-04-18' },
  { agency: 'county', docNo: '华政发〔2023〕10号', title: '华容县人民政府关于印发《华容县农村公路养护管理办法》的通知', written: '2023-07-21' },
  { agency: 'county', docNo: '华政发〔2023〕16号', title: '华容县人民政府关于印发《华容县城区违法建设查处办法》的通知', written: '2023-06-26' },
  { agency: 'county', docNo: '华政发〔2024〕4号', title: '华容县人民政府关于印发《华容县农村集体资产管理办法》的通知', written: '2024-09-03' },
  { agency: 'county', docNo: '华政发〔2024〕7号', title: '华容县人民政府关于印发《华容县政府质量奖管理办法》的通知', written: '2024-11-12' },
  {
    agency: 'minzheng',
    docNo: '华民发〔2021〕6号',
    title: '华容县民政局关于印发《华容县临时救助实施细则》的通知',
    written: '2021-05-10',
    validity: [{ state: 'repealed', effectiveDate: '2023-08-01', reason: '被华民发〔2023〕4号替代' }],
  },
  { agency: 'minzheng', docNo: '华民发〔2022〕3号', title: '华容县民政局关于规范特困人员认定工作的通知', written: '2022-06-15' },
  { agency: 'minzheng', docNo: '华民发〔2023〕4号', title: '华容县民政局关于印发《华容县临时救助实施细则》的通知', written: '2023-07-20' },
  { agency: 'minzheng', docNo: '华民发〔2023〕9号', title: '华容县民政局关于印发《华容县养老服务补贴管理办法》的通知', written: '2023-10-09' },
  { agency: 'minzheng', docNo: '华民发〔2024〕2号', title: '华容县民政局关于印发《华容县困难残疾人生活补贴实施办法》的通知', written: '2024-03-26' },
  { agency: 'ziran', docNo: '华自然资发〔2020〕11号', title: '华容县自然资源局关于规范农村宅基地审批管理的通知', written: '2020-10-12' },
  { agency: 'ziran', docNo: '华自然资发〔2022〕2号', title: '华容县自然资源局关于印发《华容县国有建设用地供应管理办法》的通知', written: '2022-03-08' },
  {
    agency: 'ziran',
    docNo: '华自然资发〔2022〕9号',
    title: '华容县自然资源局关于加强临时用地管理的通知',
    written: '2022-09-19',
    validity: [{ state: 'repealed', effectiveDate: '2024-05-20', reason: '上位法修改，决定废止' }],
  },
  { agency: 'ziran', docNo: '华自然资发〔2023〕5号', title: '华容县自然资源局关于印发《华容县不动产登记便民服务办法》的通知', written: '2023-05-22' },
  { agency: 'ziran', docNo: '华自然资发〔2024〕3号', title: '华容县自然资源局关于印发《华容县临时用地管理办法》的通知', written: '2024-05-14' },
  { agency: 'ziran', docNo: '华自然资发〔2024〕8号', title: '华容县自然资源局关于规范设施农业用地管理的通知', written: '2024-10-30' },
  { agency: 'shichang', docNo: '华市监发〔2023〕2号', title: '华容县市场监督管理局关于印发《华容县小餐饮登记管理办法》的通知', written: '2023-04-25' },
  { agency: 'zhanghua', docNo: '章政发〔2023〕1号', title: '章华镇人民政府关于印发《章华镇农村人居环境整治村规民约指导意见》的通知', written: '2023-03-06' },
];

function normativeDocuments(): DemoItem[] {
  const r = random(3000);
  return normativeSpecs.map((s) => {
    const agency = demoAgencies.find((a) => a.slug === s.agency)!;
    const published = toWeekday(addDays(s.written, r.int(3, 9)));
    return item(agency, 'policy', s.title, published, r, {
      docNo: s.docNo,
      documentKind: 'normativeDocument',
      writtenDate: s.written,
      validity: s.validity ?? [],
    });
  });
}

const decisionTable: Record<string, readonly [number, number, number, number][]> = {
  // [许可, 处罚, 强制, 收费（元）] for 2022, 2023, 2024
  county: [
    [0, 0, 0, 0],
    [0, 0, 0, 0],
    [0, 0, 0, 0],
  ],
  chaqi: [
    [0, 5, 0, 0],
    [0, 8, 0, 0],
    [0, 6, 0, 0],
  ],
  zhanghua: [
    [0, 12, 1, 0],
    [0, 15, 0, 0],
    [0, 11, 2, 0],
  ],
  zhihedu: [
    [0, 4, 0, 0],
    [0, 6, 0, 0],
    [0, 3, 0, 0],
  ],
  wanyu: [
    [0, 3, 0, 0],
    [0, 2, 0, 0],
    [0, 5, 0, 0],
  ],
  minzheng: [
    [46, 0, 0, 0],
    [52, 1, 0, 0],
    [49, 0, 0, 0],
  ],
  ziran: [
    [186, 38, 3, 612840],
    [203, 41, 2, 548315],
    [177, 29, 4, 497260],
  ],
  shichang: [
    [1268, 157, 21, 12600],
    [1342, 171, 18, 9800],
    [1415, 188, 24, 11200],
  ],
};

function generateDecisions(): DemoDecisions[] {
  return Object.entries(decisionTable).flatMap(([agency, years]) =>
    years.map(([licensing, penalty, coercion, yuan], i) => ({ agency, year: 2022 + i, licensing, penalty, coercion, feesFen: yuan * 100 })),
  );
}

export function generateDemo(): DemoData {
  const applications = generateApplications();
  return { applications, appeals: generateAppeals(applications), items: generateItems(), decisions: generateDecisions() };
}
