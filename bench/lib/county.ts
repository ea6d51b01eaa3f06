/**
 * A synthetic county for benchmarks: the county government, its towns and departments and
 * the units under them (a tree), each with applications received 2022-2024 (some in
 * December 2021, some still open, so that carry-overs exist), a handful of appeals,
 * catalogue items published over the years (a few of them 行政规范性文件 with validity
 * changes), decision statistics and report narratives with the placeholders. Seeded: the
 * same rows on every run and machine.
 */
import type { AppContext } from '../../src/app/context.ts';
import { computeYearReports } from '../../src/app/reports/compute.ts';
import { selfReference, type Agency } from '../../src/domain/agencies/agency.ts';
import { hasErrors } from '../../src/domain/reports/findings.ts';
import { insertPublishedReport } from '../../src/store/reports.repo.ts';
import { demoNarrative } from '../../src/app/demo/narratives.ts';
import type { AgencyKind } from '../../src/law/agency-kinds.ts';
import type { ApplicantType } from '../../src/law/applicant-types.ts';
import type { AppealOutcome, AppealTrack } from '../../src/law/appeals.ts';
import { defaultDisclosure, type CategoryKey } from '../../src/law/catalogue-categories.ts';
import type { OutcomeCode } from '../../src/law/outcome-codes.ts';
import { random, type Random } from './random.ts';
import type { Sink } from './sink.ts';

export interface CountySpec {
  agencies: number;
  applicationsPerAgency: number;
  itemsPerAgency: number;
}

export const countyYears = [2022, 2023, 2024] as const;
export const recordsFrom = 2022;

export interface CountySummary {
  agencies: number;
  applications: number;
  appeals: number;
  items: number;
  normativeDocuments: number;
  validityChanges: number;
}

// --- dates ----------------------------------------------------------------------------

const dayZero = Date.UTC(2018, 0, 1);
const days: string[] = [];
for (let d = 0; d < 9 * 366; d++) days.push(new Date(dayZero + d * 86400_000).toISOString().slice(0, 10));
const dayIndex = new Map(days.map((d, i) => [d, i]));
const day = (iso: string) => dayIndex.get(iso)!;
const date = (i: number) => days[i]!;
const pad = (n: number, w: number) => String(n).padStart(w, '0');

// --- the agencies ---------------------------------------------------------------------

const townFirst = ['东', '西', '南', '北', '新', '治', '万', '章', '插', '团', '三', '胜', '鲇', '梅', '禹', '操', '注', '石', '红', '长'];
const townSecond = ['山', '河', '华', '旗', '庾', '封', '峰', '田', '湖', '洲', '溪', '桥', '港', '坪', '塘', '口'];
const departments = [
  '民政局',
  '自然资源局',
  '市场监督管理局',
  '财政局',
  '教育局',
  '卫生健康局',
  '人力资源和社会保障局',
  '住房和城乡建设局',
  '交通运输局',
  '水利局',
  '农业农村局',
  '商务局',
  '文化旅游广电体育局',
  '应急管理局',
  '审计局',
  '统计局',
  '医疗保障局',
  '林业局',
  '城市管理和综合执法局',
  '退役军人事务局',
  '司法局',
  '生态环境分局',
  '发展和改革局',
  '工业和信息化局',
  '科学技术局',
  '公安局',
  '信访局',
  '行政审批服务局',
  '乡村振兴局',
  '国有资产事务中心',
  '机关事务服务中心',
  '档案馆',
  '政务服务中心',
  '地方金融服务中心',
  '供销合作联社',
  '粮食和物资储备中心',
  '残疾人联合会',
  '住房公积金管理部',
  '气象局',
  '人民防空办公室',
  '融媒体中心',
  '疾病预防控制中心',
  '水运事务中心',
  '公共资源交易中心',
  '经济开发区管理委员会',
  '洞庭湖生态保护中心',
  '招商促进事务中心',
  '征地拆迁事务中心',
  '城乡规划服务中心',
  '不动产登记中心',
  '社会保险服务中心',
  '农村经营服务站',
  '动物疫病预防控制中心',
  '殡葬管理所',
  '救助管理站',
  '妇幼保健院',
  '人民医院',
  '中医医院',
  '职业中专',
  '图书馆',
];
const townUnits = [
  '财政所',
  '农业综合服务中心',
  '社会事务综合服务中心',
  '综合行政执法大队',
  '退役军人服务站',
  '社会保障服务站',
  '自然资源所',
  '林业站',
  '水利站',
  '文化站',
  '卫生院',
  '中心学校',
  '市场监管所',
  '司法所',
  '便民服务中心',
  '村镇建设办公室',
];

export interface BenchAgency extends Omit<Agency, 'id'> {
  id: number;
  sortOrder: number;
}

export function countyAgencies(n: number): BenchAgency[] {
  const out: BenchAgency[] = [];
  const add = (parentId: number | null, name: string, shortName: string, kind: AgencyKind) => {
    const id = out.length + 1;
    out.push({ id, parentId, name, shortName, kind, code: `BENCH${pad(id, 6)}`, mayMakeRules: false, recordsFrom, sortOrder: id });
    return id;
  };
  const county = add(null, '华容县人民政府', '县政府', 'countyGovernment');
  const towns: { id: number; short: string }[] = [];
  const nTowns = Math.max(1, Math.round(n * 0.06));
  const nDepartments = Math.max(1, Math.round(n * 0.06));
  for (let i = 0; i < nTowns && out.length < n; i++) {
    const short = `${townFirst[i % townFirst.length]}${townSecond[Math.floor(i / townFirst.length) % townSecond.length]}${i >= townFirst.length * townSecond.length ? i : ''}镇`;
    towns.push({ id: add(county, `华容县${short}人民政府`, short, 'town'), short });
  }
  for (let i = 0; i < nDepartments && out.length < n; i++) {
    const base = departments[i % departments.length]!;
    const round = Math.floor(i / departments.length);
    const name = `华容县${base}${round ? `第${round + 1}分支机构` : ''}`;
    add(county, name, `县${base}${round ? round + 1 : ''}`, 'department');
  }
  for (let k = 0; out.length < n; k++) {
    const town = towns[k % towns.length]!;
    const u = Math.floor(k / towns.length);
    const unit = `${townUnits[u % townUnits.length]}${u >= townUnits.length ? Math.floor(u / townUnits.length) + 1 : ''}`;
    add(town.id, `华容县${town.short}${unit}`, `${town.short}${unit}`, 'department');
  }
  return out;
}

// --- the records ----------------------------------------------------------------------

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
export const applicantWeights: Record<ApplicantType, number> = { naturalPerson: 70, commercial: 12, research: 2, publicInterest: 3, legalService: 8, other: 5 };
export const channelWeights = { online: 45, inPerson: 25, registeredPost: 15, ordinaryPost: 5, email: 7, fax: 3 } as const;
const trackWeights: Record<AppealTrack, number> = { reconsideration: 70, litigationDirect: 15, litigationAfterReconsideration: 15 };
const appealOutcomeWeights: Record<AppealOutcome, number> = { upheld: 60, corrected: 15, other: 25 };
/** The seven reported categories, and 指南, 制度 and 年报 which the report does not count. */
const categoryWeights: Record<CategoryKey, number> = {
  statutory: 0,
  institution: 3,
  policy: 8,
  planning: 6,
  personnel: 6,
  funds: 6,
  notices: 40,
  other: 25,
  guide: 2,
  rules: 2,
  annualReports: 2,
};
const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何'];
const given = ['建国', '秀英', '志强', '桂兰', '小平', '海燕', '国华', '丽娟', '卫东', '春梅', '永红', '德明'];
const subjects = [
  '年度低保户名单及补助标准',
  '征地补偿安置方案',
  '道路硬化工程招投标资料',
  '宅基地审批资料',
  '专项资金使用情况',
  '行政处罚决定书',
  '项目立项批复文件',
  '会议纪要',
];
const itemTitles = ['工作动态', '通知公告', '公示', '工作计划', '工作总结', '资金使用情况', '招聘公告', '政策解读', '实施方案', '人员任免'];

const timeOfDay = (r: Random) => `${pad(r.int(0, 9), 2)}:${pad(r.int(0, 59), 2)}:00.000Z`; // 08:00-17:59 China time

/** Overview, problems and other of a report: each paragraph drawn independently from the demo's pools, plus lines of the agency's own. */
function narrative(r: Random, a: BenchAgency, year: number, unpaidFee: number) {
  const self = selfReference(a);
  const variants = Array.from({ length: 6 }, () => demoNarrative({ agencyIndex: r.int(0, 63), year, self, name: a.shortName, unpaidFee }));
  const mix = (key: 'overview' | 'problems') => {
    const lines = variants.map((v) => v[key].split('\n'));
    return lines[0]!.map((_, j) => lines[r.int(0, lines.length - 1)]![j] ?? '');
  };
  const overview = mix('overview');
  overview.splice(
    1,
    0,
    `${a.shortName}政务公开工作由${a.kind === 'department' ? '办公室' : '党政综合办公室'}牵头，配备工作人员${r.int(1, 4)}名，` +
      `${r.of(['主要负责同志', '分管负责同志', '办公室主任'])}${r.of(['每季度', '每半年', '定期'])}听取工作汇报，` +
      `${r.of(['在服务大厅设置查阅点', '在公开栏同步公开', '通过政务新媒体转载'])}，${r.of(['方便群众查阅', '扩大公开覆盖面', '提高知晓率'])}。`,
  );
  return { overview: overview.join('\n'), problems: mix('problems').join('\n'), other: variants[0]!.other };
}

/**
 * Writes the county into `sink`: the agencies, then agency by agency its records. A few
 * agencies copy last year's narrative or another agency's (so rule X-07 has something to find).
 */
export async function writeCounty(sink: Sink, spec: CountySpec, createdAt: string): Promise<{ agencies: BenchAgency[]; summary: CountySummary }> {
  const agencies = countyAgencies(spec.agencies);
  for (const a of agencies) {
    sink.add('agencies', [a.id, a.parentId, a.name, a.shortName, a.kind, a.code, a.mayMakeRules ? 1 : 0, a.recordsFrom, a.sortOrder, createdAt]);
  }
  await sink.drain();
  const summary: CountySummary = { agencies: agencies.length, applications: 0, appeals: 0, items: 0, normativeDocuments: 0, validityChanges: 0 };
  const ids = { application: 0, appeal: 0, item: 0, validity: 0 };
  const first = day('2022-01-01');
  const last = day('2024-12-31');
  const narratives = new Map<string, { overview: string; problems: string; other: string }>();

  for (const a of agencies) {
    const r = random(7919 * a.id);

    // 依申请公开: received over the three years (1% in December 2021), closed days later, some still open.
    const apps: { id: number; closed: number | null; outcome: OutcomeCode }[] = [];
    for (let i = 0; i < spec.applicationsPerAgency; i++) {
      const received = r.chance(0.01) ? day('2021-12-01') + r.int(0, 30) : r.int(first, last);
      const late = received > day('2024-11-20') && r.chance(0.6);
      const stuck = r.chance(0.004);
      const closed = late || stuck ? null : received + (r.chance(0.12) ? r.int(35, 60) : r.int(3, 30));
      const outcome = r.weighted(outcomeWeights);
      const type = r.weighted(applicantWeights);
      const id = ++ids.application;
      apps.push({ id, closed, outcome });
      sink.add('applications', [
        id,
        a.id,
        `YSQ${pad(a.id, 5)}${pad(i + 1, 4)}`,
        type,
        type === 'naturalPerson' ? `${r.of(surnames)}${r.of(given)}` : `${r.of(townFirst)}${r.of(townSecond)}有限公司`,
        r.weighted(channelWeights),
        `申请公开${a.shortName}${r.of(subjects)}`,
        date(received),
        closed === null ? null : date(closed),
        closed === null ? null : outcome,
        `${date(received)}T01:30:00.000Z`,
      ]);
    }
    summary.applications += apps.length;

    // 行政复议 and 行政诉讼: a handful, some concluded in a later year, some pending.
    const nAppeals = r.int(0, 8);
    for (let i = 0; i < nAppeals; i++) {
      const filed = r.int(first, last);
      const concluded = r.chance(0.1) ? null : filed + r.int(30, 200);
      const open = concluded === null || concluded > day('2025-03-31');
      const target = apps.filter((x) => x.closed !== null && x.closed < filed)[0];
      const track = r.weighted(trackWeights);
      sink.add('appeals', [
        ++ids.appeal,
        a.id,
        target?.id ?? null,
        track,
        `华政复〔${date(filed).slice(0, 4)}〕${a.id * 10 + i}号`,
        track === 'reconsideration' ? '华容县人民政府' : '岳阳县人民法院',
        date(filed),
        open ? null : date(concluded!),
        open ? null : r.weighted(appealOutcomeWeights),
        `${date(filed)}T02:00:00.000Z`,
      ]);
      summary.appeals++;
    }

    // 规范性文件 (mostly the county government and its departments), written 2019-2024.
    const nDocs = a.kind === 'countyGovernment' ? 40 : a.parentId === 1 ? r.int(4, 16) : r.int(0, 2);
    const serials = new Map<string, number>();
    const indexNo = (published: string) => {
      const y = published.slice(0, 4);
      const s = (serials.get(y) ?? 0) + 1;
      serials.set(y, s);
      return `${a.code}/${y}-${pad(s, 5)}`;
    };
    for (let i = 0; i < nDocs; i++) {
      const written = r.int(day('2019-01-01'), last - 10);
      const published = date(written + r.int(3, 9));
      const id = ++ids.item;
      const title = `${a.name}关于印发《${a.shortName}${r.of(subjects)}管理办法》的通知`;
      sink.add('catalogue_items', [
        id,
        a.id,
        indexNo(published),
        title,
        title,
        `${title}。\n现印发给你们，请认真贯彻执行。`,
        'policy',
        null,
        `华政发〔${published.slice(0, 4)}〕${i + 1}号`,
        'normativeDocument',
        date(written),
        date(written + 1),
        `${published}T${timeOfDay(r)}`,
        published,
        defaultDisclosure.mode,
        defaultDisclosure.scope,
        'published',
        `${published}T${timeOfDay(r)}`,
      ]);
      summary.items++;
      summary.normativeDocuments++;
      const changes: [string, number][] = [];
      if (r.chance(0.25)) {
        const at = written + r.int(200, 1500);
        changes.push([r.chance(0.6) ? 'repealed' : 'expired', at]);
        if (r.chance(0.2)) changes.push([r.of(['inForce', 'repealed']), at + (r.chance(0.3) ? 0 : r.int(1, 400))]);
      }
      for (const [state, at] of changes) {
        if (at > last) continue;
        sink.add('validity_changes', [
          ++ids.validity,
          id,
          state,
          date(at),
          state === 'repealed' ? '清理后决定废止' : state === 'expired' ? '有效期届满' : '经评估继续有效',
          `${date(at)}T01:00:00.000Z`,
        ]);
        summary.validityChanges++;
      }
    }

    // The rest of the catalogue: published 2022-2024, a few drafts and items disclosed on request.
    for (let i = nDocs; i < spec.itemsPerAgency; i++) {
      const published = r.int(first, last);
      const draft = r.chance(0.01);
      const category = r.weighted(categoryWeights);
      const title = `${a.shortName}${date(published).slice(0, 4)}年${r.of(itemTitles)}（${i + 1}）`;
      const at = `${date(published)}T${timeOfDay(r)}`;
      sink.add('catalogue_items', [
        ++ids.item,
        a.id,
        draft ? null : indexNo(date(published)),
        title,
        title,
        `${title}。详见附件。`,
        category,
        null,
        null,
        null,
        null,
        date(published - r.int(0, 6)),
        draft ? null : at,
        draft ? null : date(published),
        r.chance(0.01) ? '依申请公开' : defaultDisclosure.mode,
        defaultDisclosure.scope,
        draft ? 'draft' : 'published',
        at,
      ]);
      summary.items++;
    }

    // 行政许可、处罚、强制 and 收费, entered for most agency-years.
    for (const year of countyYears) {
      if (r.chance(0.1)) continue;
      const enforcing = a.kind === 'department';
      sink.add('decision_statistics', [
        a.id,
        year,
        enforcing ? r.int(0, 400) : r.int(0, 5),
        r.int(0, 60),
        r.int(0, 6),
        r.chance(0.2) ? r.int(1, 5000) * 10000 : 0,
        '据本单位行政执法统计台账',
        createdAt,
        null,
      ]);
    }

    // Narratives; 1% repeat last year's, 1% another agency's of the same year.
    for (const year of countyYears) {
      const unpaidFee = apps.filter((x) => x.outcome === 'otherDisposal.unpaidFee' && x.closed !== null && date(x.closed).startsWith(String(year))).length;
      let text = narrative(r, a, year, unpaidFee);
      const lastYear = narratives.get(`${a.id}/${year - 1}`);
      const other = narratives.get(`${r.int(1, Math.max(1, a.id - 1))}/${year}`);
      if (lastYear && r.chance(0.01)) text = { ...lastYear };
      else if (other && a.id > 1 && r.chance(0.01)) text = { ...other };
      narratives.set(`${a.id}/${year}`, text);
      sink.add('report_narratives', [
        a.id,
        year,
        text.overview,
        text.problems,
        text.other,
        a.kind === 'department' ? a.name : `${a.name}办公室`,
        `${year + 1}-01-${pad(r.int(5, 20), 2)}`,
        createdAt,
        null,
      ]);
    }
    await sink.drain();
  }
  await sink.finish();
  return { agencies, summary };
}

/** Publishes the computed reports of `y` as the agencies' leaders would (those without errors, most in January). */
export async function publishYear(ctx: AppContext, y: number, seed: number): Promise<{ published: number; withErrors: number }> {
  const r = random(seed);
  const computed = await computeYearReports(ctx, y);
  let published = 0;
  let withErrors = 0;
  await ctx.db.transaction().execute(async (db) => {
    for (const c of computed) {
      if (hasErrors(c.findings)) {
        withErrors++;
        continue;
      }
      if (r.chance(0.02)) continue; // not published yet
      const date = r.chance(0.04) ? `${y + 1}-03-${String(r.int(1, 28)).padStart(2, '0')}` : `${y + 1}-01-${String(r.int(8, 28)).padStart(2, '0')}`;
      const at = `${date}T02:30:00.000Z`;
      await insertPublishedReport(db, {
        agencyId: c.agency.id,
        year: y,
        version: 1,
        origin: 'platform',
        report: c.report,
        findings: c.findings,
        indexNo: `${c.agency.code}/${y + 1}-R${y}`,
        publisher: c.agency.name,
        scope: defaultDisclosure.scope,
        disclosureMode: defaultDisclosure.mode,
        generatedDate: c.narrative?.signedDate ?? date,
        publishedAt: at,
        signer: c.narrative?.signer ?? c.agency.name,
        signedDate: c.narrative?.signedDate ?? date,
        publishedBy: null,
        reason: null,
        createdAt: at,
      });
      published++;
    }
  });
  return { published, withErrors };
}
