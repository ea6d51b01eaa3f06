/**
 * Texts of a county portal's catalogue for benchmarks: titles, summaries and bodies of
 * the kinds a county publishes (news, 公示, 公告, 通告, policy documents, plans, budgets,
 * personnel), filled from pools of places, subjects and figures. Each kind has its own
 * weight, so shared words (公告, 补贴, 低保, 城乡低保, 最低生活保障, …) occur in a
 * realistic share of the items, not in every one. Seeded: the same texts on every run.
 */
import type { CategoryKey } from '../../src/law/catalogue-categories.ts';
import type { Random } from './random.ts';

export interface ItemText {
  category: CategoryKey;
  topic: string | null;
  title: string;
  summary: string;
  body: string;
}

export interface Author {
  name: string;
  short: string;
  town: boolean;
  villages: readonly string[];
}

const villageFirst = ['团', '新', '胜', '长', '和', '兴', '永', '红', '丰', '太', '福', '宝', '荷', '莲', '桂', '清', '安', '双', '大', '小'];
const villageSecond = ['结', '华', '利', '岭', '平', '隆', '固', '星', '收', '白', '寿', '塔', '花', '湖', '林', '水', '宁', '合', '洲', '港'];
export function villagesOf(seed: number): string[] {
  return Array.from(
    { length: 12 },
    (_, i) => `${villageFirst[(seed * 7 + i * 3) % 20]}${villageSecond[(seed * 11 + i * 7) % 20]}${i % 5 === 4 ? '社区' : '村'}`,
  );
}

const quarters = ['一', '二', '三', '四'];
const projects = [
  '村级道路硬化',
  '农村安全饮水巩固提升',
  '高标准农田建设',
  '小型水利设施修复',
  '村级活动中心改造',
  '沟渠清淤疏浚',
  '农村公路安防',
  '渡槽维修加固',
  '人居环境整治',
  '污水处理设施建设',
  '学校运动场改造',
  '卫生院业务用房维修',
];
const subsidies = [
  '耕地地力保护补贴',
  '高龄津贴',
  '养老服务补贴',
  '困难残疾人生活补贴',
  '重度残疾人护理补贴',
  '农机购置补贴',
  '一次性创业补贴',
  '稻谷目标价格补贴',
  '生态公益林补偿',
  '退役军人优待金',
];
const lists = ['特困人员供养', '农村危房改造补助对象', '临时救助', '公益性岗位拟聘用人员', '脱贫户小额信贷贴息', '孤儿基本生活费发放', '计划生育奖励扶助对象'];
const activities = [
  '防溺水安全教育宣传活动',
  '政府信息公开业务培训',
  '“宪法宣传周”活动',
  '消防应急演练',
  '森林防火宣传',
  '秸秆禁烧巡查',
  '食品安全专项检查',
  '安全生产大检查',
  '人居环境整治“大比武”',
  '文明创建志愿服务活动',
  '防汛应急演练',
  '反诈宣传进村入户',
];
const meetings = [
  '政务公开工作推进会',
  '安全生产工作会议',
  '防汛抗旱工作部署会',
  '乡村振兴工作推进会',
  '党风廉政建设工作会议',
  '经济运行分析会',
  '信访维稳工作调度会',
  '项目建设调度会',
];
const plans = [
  '政务公开工作要点',
  '工作计划',
  '重点项目建设计划',
  '工作总结',
  '法治政府建设工作计划',
  '安全生产专项整治实施方案',
  '防汛抗旱应急预案',
  '森林防灭火工作方案',
  '乡村振兴重点工作实施方案',
];
const rules = [
  '城乡居民最低生活保障实施办法',
  '临时救助实施细则',
  '养老服务补贴管理办法',
  '农村村民建房管理办法',
  '专项资金管理办法',
  '政府投资项目管理办法',
  '农村集体资产管理办法',
  '公益性岗位开发管理办法',
  '农村公路养护管理办法',
];
const posts = ['公益性岗位', '社区工作者', '乡镇卫生院专业技术人员', '中小学教师', '编外合同制工作人员', '护林员', '网格员'];
const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '罗', '谢', '邓', '彭'];
const given = ['建国', '秀英', '志强', '桂兰', '小平', '海燕', '国华', '丽娟', '卫东', '春梅', '永红', '德明', '玉梅', '新民', '晓峰', '淑芳'];

const generic = [
  '为进一步做好相关工作，根据上级有关文件精神，结合本地实际，现将有关事项通知如下。',
  '各村（社区）、各单位要高度重视，明确责任分工，确保各项工作落到实处。',
  '会议要求，要坚持以人民为中心的发展思想，切实解决群众急难愁盼问题。',
  '下一步，将继续加大工作力度，完善长效机制，推动工作常态化、制度化。',
  '活动期间共发放宣传资料{n}份，接受群众咨询{m}人次，取得了良好的社会效果。',
  '各部门要加强协调配合，形成工作合力，及时报送工作进展情况。',
  '此次检查共排查隐患{m}处，已督促整改{n}处，其余限期整改到位。',
  '要严格落实政务公开有关要求，主动接受社会监督。',
  '工作人员深入田间地头、农户家中，面对面宣讲政策，解答群众疑问。',
  '对工作中发现的问题，要建立台账，逐项销号，确保整改到位。',
  '群众对公开内容如有异议，可在公示期内向有关单位反映。',
  '本次会议对下阶段工作进行了安排部署，与会人员结合各自职责作了表态发言。',
  '会议强调，各级各部门要进一步提高政治站位，把思想和行动统一到县委、县政府的决策部署上来，以更加务实的作风、更加有力的举措，推动各项工作取得新成效。',
  '一是加强组织领导。成立由主要负责同志任组长的工作领导小组，领导小组下设办公室，负责日常工作的统筹协调和督促检查。',
  '二是强化宣传引导。充分利用政府网站、政务新媒体、村村响广播和宣传栏等渠道，广泛宣传相关政策，营造全社会共同参与的良好氛围。',
  '三是严格督查考核。将工作开展情况纳入年度绩效考核，对工作不力、推诿扯皮的单位和个人，依规依纪严肃追责问责。',
  '四是注重总结提升。及时总结推广好的经验做法，认真查找工作中存在的短板和不足，不断完善相关制度，提升工作的规范化、精细化水平。',
  '截至{date}，已完成年度目标任务的{n}%，累计投入资金{m}万元，惠及群众{a}户。',
  '下一步，我们将以此次活动为契机，持续深化作风建设，切实把为民办实事的各项举措落到实处，不断增强人民群众的获得感、幸福感、安全感。',
];
const welfare = [
  '根据《华容县城乡居民最低生活保障实施办法》，经个人申请、入户调查、民主评议和审核审批，现将结果予以公示。',
  '本季度城乡低保对象共{n}户{m}人，其中农村低保{a}户，城市低保{b}户。',
  '最低生活保障标准按照县人民政府公布的标准执行，实行动态管理，应保尽保、应退尽退。',
  '对不再符合低保条件的家庭，依规停发低保金，并做好政策解释工作。',
  '低保资金通过“一卡通”直接发放到户，杜绝截留挪用。',
  '临时救助对象经审核确认后，及时发放救助资金。',
];
const relief = [
  '坚持把困难群众冷暖放在心上，对辖区内困难家庭逐户走访，摸清底数，建立工作台账。',
  '对因病、因灾、因意外事故导致基本生活暂时出现严重困难的家庭，及时给予临时救助。',
  '走访慰问困难群众{m}户，送去慰问金和慰问物资折合{n}万元。',
  '健全防止返贫动态监测和帮扶机制，对监测对象落实针对性帮扶措施。',
];
const subsidyLines = [
  '补贴资金通过惠民惠农财政补贴资金“一卡通”系统直接发放到户。',
  '本次共发放{s}{n}万元，涉及{m}户。',
  '补贴标准按照上级文件规定执行，具体名单见附件。',
  '对虚报冒领补贴资金的，一经查实，依法追回并严肃处理。',
];
const tenderLines = [
  '本项目资金来源为财政资金，招标人为{agency}，项目已具备招标条件，现对该项目进行公开招标。',
  '投标人须具备相应资质，并在人员、设备、资金等方面具有相应的施工能力。',
  '凡有意参加投标者，请于{date}前通过公共资源交易平台获取招标文件。',
  '中标人为{company}，中标价{n}万元，工期{m}日历天。',
  '各投标人对评标结果如有异议，可在公示期内以书面形式提出。',
];
const closings = ['特此公告。', '特此通告。', '特此公示。', '特此通知。'];

type Kind = (r: Random, a: Author, year: number, month: number) => ItemText;

const fill = (r: Random, a: Author, year: number, s: string) =>
  s
    .replaceAll('{n}', String(r.int(2, 900)))
    .replaceAll('{m}', String(r.int(10, 3000)))
    .replaceAll('{a}', String(r.int(20, 400)))
    .replaceAll('{b}', String(r.int(5, 120)))
    .replaceAll('{s}', r.of(subsidies))
    .replaceAll('{agency}', a.name)
    .replaceAll('{company}', `湖南${r.of(villageFirst)}${r.of(villageSecond)}建设工程有限公司`)
    .replaceAll('{date}', `${year}年${r.int(1, 12)}月${r.int(1, 28)}日`);

function paragraphs(r: Random, a: Author, year: number, pools: readonly (readonly string[])[], n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(fill(r, a, year, r.of(pools[i % pools.length]!)));
  return out;
}

const contact = (r: Random, a: Author) => `联系单位：${a.name}，联系电话：0730-42${String(r.int(10000, 99999))}。`;
const place = (r: Random, a: Author) => (a.town ? r.of(a.villages) : r.of(['城关', '东山', '治河渡', '万庾', '章华', '插旗']));

/** The kinds of item and their weights (per thousand); comments give what each brings in. */
const kinds: [number, Kind][] = [
  // 城乡低保 lists: 低保, 城乡低保, mostly 最低生活保障 too.
  [
    22,
    (r, a, y, m) => {
      const title = `${a.short}${y}年第${quarters[Math.floor((m - 1) / 3)]}季度城乡低保对象名单公示`;
      const body = [`${title}。`, ...paragraphs(r, a, y, [welfare], r.int(2, 5)), `公示期为7天。${contact(r, a)}`, '特此公示。'];
      return {
        category: 'notices',
        topic: '民政、扶贫、救灾/社会福利',
        title,
        summary: `公示${a.short}${y}年第${quarters[Math.floor((m - 1) / 3)]}季度城乡低保对象名单及保障金额`,
        body: body.join('\n'),
      };
    },
  ],
  // 补贴 and 津贴 payments.
  [
    45,
    (r, a, y) => {
      const s = r.of(subsidies);
      const title = `${a.short}${y}年${s}发放情况公示`;
      const body = [`现将${a.short}${y}年${s}发放情况公示如下。`, ...paragraphs(r, a, y, [subsidyLines, generic], r.int(2, 6)), contact(r, a), '特此公示。'];
      return { category: 'notices', topic: '财政、金融、审计/财政', title, summary: `公示${y}年${s}发放对象和金额`, body: body.join('\n') };
    },
  ],
  // Other lists (特困, 危房改造, 公益性岗位 …).
  [
    35,
    (r, a, y) => {
      const l = r.of(lists);
      const title = `${a.short}${y}年${l}名单公示`;
      const body = [
        `根据有关规定，现将${y}年${l}名单予以公示。`,
        ...paragraphs(r, a, y, [generic, welfare], r.int(1, 4)),
        `公示时间：${y}年${r.int(1, 12)}月${r.int(1, 20)}日至${r.int(21, 28)}日。`,
        contact(r, a),
      ];
      return { category: 'notices', topic: '民政、扶贫、救灾/社会福利', title, summary: `${l}名单公示`, body: body.join('\n') };
    },
  ],
  // 招标 and 中标 公告 of small works.
  [
    50,
    (r, a, y) => {
      const p = `${place(r, a)}${r.of(projects)}项目`;
      const won = r.chance(0.5);
      const title = `${a.short}${p}${won ? '中标结果公告' : '招标公告'}`;
      const body = [`${title}。`, ...paragraphs(r, a, y, [tenderLines], r.int(3, 5)), contact(r, a), '特此公告。'];
      return {
        category: 'notices',
        topic: '城乡建设、环境保护/城乡建设（含住房）',
        title,
        summary: `${p}${won ? '中标结果' : '公开招标'}`,
        body: body.join('\n'),
      };
    },
  ],
  // 招聘公告 and 拟聘用 公示.
  [
    30,
    (r, a, y) => {
      const post = r.of(posts);
      const hire = r.chance(0.6);
      const title = `${a.short}${y}年公开招聘${post}${hire ? '公告' : '拟聘用人员公示'}`;
      const body = [
        `为满足工作需要，经研究决定，${y}年面向社会公开招聘${post}${r.int(1, 30)}名。`,
        hire
          ? `报名时间：${y}年${r.int(1, 12)}月${r.int(1, 20)}日起5个工作日。报名者须具有本县户籍，年龄在18至45周岁之间。`
          : `拟聘用人员：${r.of(surnames)}${r.of(given)}、${r.of(surnames)}${r.of(given)}等。`,
        ...paragraphs(r, a, y, [generic], r.int(1, 3)),
        contact(r, a),
        hire ? '特此公告。' : '特此公示。',
      ];
      return { category: 'personnel', topic: '劳动、人事、监察/人事工作', title, summary: `${y}年公开招聘${post}`, body: body.join('\n') };
    },
  ],
  // 通告: traffic, burning, fire.
  [
    30,
    (r, a, y) => {
      const what = r.of(['临时交通管制', '禁止野外用火', '秸秆禁烧', '禁止非法捕捞', '汛期安全防范', '冬季征兵']);
      const title = `${a.name}关于${place(r, a)}${what}的通告`;
      const body = [
        `为保障人民群众生命财产安全，决定实行${what}措施，现将有关事项通告如下。`,
        ...paragraphs(r, a, y, [generic], r.int(2, 5)),
        `本通告自${y}年${r.int(1, 12)}月${r.int(1, 28)}日起施行。`,
        r.of(closings),
      ];
      return { category: 'notices', topic: '公安、安全、司法/公安', title, summary: `${what}通告`, body: body.join('\n') };
    },
  ],
  // News of work: activities and meetings (the largest share).
  [
    330,
    (r, a, y) => {
      const meeting = r.chance(0.4);
      const what = meeting ? r.of(meetings) : r.of(activities);
      const title = `${a.short}${meeting ? '召开' : '开展'}${what}`;
      const body = [`近日，${a.name}${meeting ? '召开' : '开展'}${what}。`, ...paragraphs(r, a, y, [generic], r.int(4, 15))];
      if (r.chance(0.02)) body.push(fill(r, a, y, r.of(welfare)));
      if (r.chance(0.03)) body.push(fill(r, a, y, r.of(subsidyLines)));
      return { category: 'other', topic: '综合政务/政务公开', title, summary: `${a.short}${what}`, body: body.join('\n') };
    },
  ],
  // Policy documents and their 解读.
  [
    90,
    (r, a, y) => {
      const rule = r.of(rules);
      const reading = r.chance(0.35);
      const title = reading ? `《${a.short}${rule}》政策解读` : `${a.name}关于印发《${a.short}${rule}》的通知`;
      const welfareRule = rule.includes('最低生活') || rule.includes('救助');
      const body = [
        `${title}。`,
        ...paragraphs(r, a, y, welfareRule ? [generic, welfare] : [generic], r.int(5, 14)),
        rule.includes('补贴') || r.chance(0.2) ? fill(r, a, y, r.of(subsidyLines)) : '',
        r.chance(0.5) ? '特此通知。' : '',
      ];
      return {
        category: 'policy',
        topic: '综合政务/政务公开',
        title,
        summary: reading ? `解读${rule}的起草背景和主要内容` : `印发${rule}`,
        body: body.filter(Boolean).join('\n'),
      };
    },
  ],
  // Plans and summaries.
  [
    110,
    (r, a, y) => {
      const plan = r.of(plans);
      const title = `${a.short}${y}年${plan}`;
      const body = [`${title}。`, ...paragraphs(r, a, y, [generic], r.int(6, 18))];
      if (r.chance(0.04)) body.push(fill(r, a, y, r.of(welfare)));
      return { category: 'planning', topic: '综合政务/政务督查', title, summary: `${a.short}${y}年${plan}`, body: body.join('\n') };
    },
  ],
  // Budgets, final accounts, 三公经费, special funds.
  [
    90,
    (r, a, y) => {
      const what = r.of(['部门预算公开', '部门决算公开', '“三公”经费预算', '专项资金使用情况公示']);
      const title = `${a.short}${what.includes('决算') ? y - 1 : y}年${what}`;
      const body = [
        `按照预决算公开有关规定，现将${title.replace(a.short, '')}予以公开。`,
        `收入预算${r.int(100, 9000)}万元，支出预算${r.int(100, 9000)}万元。`,
        ...paragraphs(r, a, y, [generic], r.int(1, 3)),
      ];
      if (r.chance(0.08)) body.push(fill(r, a, y, r.of(subsidyLines)));
      return { category: 'funds', topic: '财政、金融、审计/财政', title, summary: `${title}`, body: body.join('\n') };
    },
  ],
  // Personnel decisions.
  [
    40,
    (r, a, y) => {
      const title = `${a.short}${y}年干部任免信息`;
      const body = [
        `经研究决定：任命${r.of(surnames)}${r.of(given)}同志为${a.short}${r.of(['办公室主任', '副主任', '站长', '所长'])}。`,
        ...paragraphs(r, a, y, [generic], r.int(0, 2)),
      ];
      return { category: 'personnel', topic: '劳动、人事、监察/人事工作', title, summary: '干部任免信息', body: body.join('\n') };
    },
  ],
  // Institution pages.
  [
    20,
    (r, a, y) => {
      const what = r.of(['机构职能', '领导信息', '内设机构及联系方式', '办公地址及办公时间调整公告']);
      const title = `${a.short}${what}`;
      const body = [`${a.name}${what}。`, ...paragraphs(r, a, y, [generic], r.int(1, 3)), contact(r, a)];
      return { category: 'institution', topic: '综合政务/政务公开', title, summary: title, body: body.join('\n') };
    },
  ],
  // Work items that mention relief (救助) or 低保 in passing.
  [
    108,
    (r, a, y) => {
      const title = `${a.short}扎实做好${r.of(['困难群众救助', '防汛救灾', '春节走访慰问', '防返贫监测', '兜底保障'])}工作`;
      const body = [`${title}。`, ...paragraphs(r, a, y, [generic, relief], r.int(4, 12))];
      if (r.chance(0.15)) body.push(fill(r, a, y, r.of(welfare)));
      return { category: 'other', topic: '民政、扶贫、救灾/社会福利', title, summary: title, body: body.join('\n') };
    },
  ],
];
const totalWeight = kinds.reduce((s, [w]) => s + w, 0);

/** One item's texts for an author, published in `year`, `month`. */
export function itemText(r: Random, a: Author, year: number, month: number): ItemText {
  let x = r.next() * totalWeight;
  for (const [w, make] of kinds) if ((x -= w) < 0) return make(r, a, year, month);
  return kinds[kinds.length - 1]![1](r, a, year, month);
}

/** Words of the texts, for search queries (each occurs in some items, none in all). */
export const vocabulary = {
  two: [
    '公告',
    '补贴',
    '低保',
    '公示',
    '救助',
    '招聘',
    '预算',
    '决算',
    '津贴',
    '养老',
    '残疾',
    '道路',
    '工程',
    '名单',
    '资金',
    '培训',
    '安全',
    '消防',
    '防汛',
    '特困',
    '危房',
    '耕地',
    '中标',
    '通告',
    '征兵',
    '政务',
    '会议',
    '检查',
    '宣传',
    '整治',
    '农田',
    '水利',
    '卫生',
    '教师',
    '岗位',
    '农机',
    '创业',
    '稻谷',
    '禁烧',
    '捕捞',
  ],
  four: [
    '城乡低保',
    '最低生活',
    '生活保障',
    '耕地地力',
    '高龄津贴',
    '养老服务',
    '安全生产',
    '防汛抗旱',
    '乡村振兴',
    '政务公开',
    '信息公开',
    '人居环境',
    '公开招聘',
    '中标结果',
    '招标公告',
    '部门预算',
    '部门决算',
    '专项资金',
    '临时救助',
    '特困人员',
    '危房改造',
    '森林防火',
    '秸秆禁烧',
    '交通管制',
    '干部任免',
    '农机购置',
    '创业补贴',
    '护理补贴',
    '社区工作',
    '兜底保障',
  ],
  pairs: [
    ['低保', '公示'],
    ['补贴', '发放'],
    ['城乡低保', '名单'],
    ['招聘', '教师'],
    ['安全', '检查'],
    ['防汛', '演练'],
    ['预算', '三公'],
    ['公告', '中标'],
    ['救助', '资金'],
    ['养老', '补贴'],
    ['危房改造', '补助'],
    ['道路', '招标'],
    ['残疾', '护理'],
    ['政务公开', '培训'],
    ['耕地', '补贴'],
    ['最低生活保障', '动态管理'],
    ['低保', '一卡通'],
    ['特困', '供养'],
    ['消防', '演练'],
    ['禁烧', '巡查'],
  ] as const,
};
