/**
 * 华容县插旗镇人民政府2023年政府信息公开工作年度报告 (shared/seed): its narrative, with
 * the punctuation of the original restored to full width (the browser copy had
 * normalised it) and its 主动公开 figures replaced by the placeholder that computes them;
 * and the 34 items it counts. Its 依申请公开 sentence stays as the town wrote it (“未收到政府信息
 * 依申请公开申请”): the platform now writes “未收到政府信息公开申请” (legal review D12), and a
 * published report is reproduced as published.
 */
import type { CategoryKey } from '../../law/catalogue-categories.ts';

export const chaqi2023Narrative = {
  overview: [
    '2023年度，我镇始终坚持以习近平新时代中国特色社会主义思想和党的二十大精神为指导严格按照华容县政务公开工作实施方案要求，围绕镇党委、政府中心工作，加强政府信息公开工作力度，及时、准确地向社会公开政府信息，周密部署，强化措施，狠抓落实。我镇2023年政务公开工作报告如下：',
    '（一）加强组织领导',
    '我镇高度重视政府信息公开工作，为加强对政务公开工作的组织领导，本年度我镇调整充实了政务公开领导小组，由分管办公室的人大副主席白裕任组长，陈宇、王思远、余琦为成员，领导小组办公室设镇党政办公室，办公室负责政务公开日常工作。明确日常工作由办公室牵头，各部门予以配合，形成了职责分明、分工合理、各负其责、齐抓共管的工作局面。设置联络员一名，具体负责政府信息公开内容维护、组织协调等日常工作，及时关注县政务公开群，确保信息渠道畅通。并成立了相应的政府信息公开保密审查小组，确保了信息公开工作依法、有序的进行。',
    '（二）健全制度建设',
    '健全保密审查、发布协调、责任追究、澄清虚假或不完整信息等政务公开制度，并严格执行。特别是政府信息公开的保密审查工作贯彻“既保证政府信息及时有效公开，又确保受国家法律保护的秘密信息安全”的方针，遵循“未经保密审查的信息不得公开、未经解密并准予公开的信息不得公开、公开与保密界限不清的信息不得公开”的原则，确保责任明确，无泄密事件出现。',
    '（三）加大公开力度',
    '因不同群众对政府信息需求意愿不同，在法律及政策许可的范围内，我镇结合不同部门业务范围不同的实际，主动设置政务公开专栏，扎实推进编制公开指南和公开事项目录及标准，规范工作流程，通过县政府门户网站进行相关信息公开工作，深化了政府信息公开内容，推进了基层政务公开标准化，提升了决策的民主性、科学性、公众知晓率和参与度；在公开内容上，我们在按照县委、县政府的要求公开基本内容的基础上，重点公开与群众切身利益密切相关的事项，以及群众最关心的热点问题。通过乡村公开栏，村民大会、微信群等形式，最大限度地发挥了政府信息公开便民为民的功能。具体公开数据如下：',
    '1.主动公开政府信息情况。{{主动公开情况}}',
    '2.依申请公开政府信息情况。本年度我镇未收到政府信息依申请公开申请。',
  ].join('\n'),
  problems: [
    '（一）存在问题',
    '1.队伍建设有待加强，专业素质还需进一步提高。',
    '2.对信息公开工作认识不足，政府信息公开的尺度难以把握。',
    '3.政务公开长效机制有待进一步完善，现有制度执行力度还有待加强。',
    '（二）改进情况',
    '一是配强队伍，加大培训力度，提高业务水平。组织工作人员深入学习《中华人民共和国政府信息公开条例》相关文件精神，积极参加上级组织的培训会，增强镇干部的信息公开主动公开意识，提高工作人员业务水平，确保信息公开工作顺利开展。二是进一步加强对政务村务公开工作的指导和监督，健全有关检查制度、责任追究制度、反馈制度，确保把镇村政府信息公开工作落到实处；三是进一步健全和完善政府信息公开制度，规范公开内容，提高公开质量。',
  ].join('\n'),
  other: '无。',
  signer: '插旗镇人民政府办公室',
  signedDate: '2024-02-06',
};

/** How the county portal published the report (the seed's metadata block). */
export const chaqi2023Publication = {
  indexNo: '006382564L/2024-2169556',
  publisher: '插旗镇',
  scope: '全部公开',
  disclosureMode: '政府网站',
  generatedDate: '2024-03-07',
  /** 2024-03-07 15:01 China time. */
  publishedAt: '2024-03-07T07:01:00.000Z',
};

/** The 34 items 插旗镇 published in 2023: 机构信息2, 政策文件3, 规划计划6, 人事信息4, 资金信息1, 通知公告16, 其他信息2. */
export const chaqi2023Items: readonly { category: CategoryKey; title: string; date: string }[] = [
  { category: 'institution', title: '插旗镇人民政府机构职能', date: '2023-02-14' },
  { category: 'institution', title: '插旗镇领导班子成员及工作分工', date: '2023-06-09' },
  { category: 'policy', title: '插旗镇2023年防汛抗旱工作方案', date: '2023-04-11' },
  { category: 'policy', title: '插旗镇2023年森林防灭火工作实施方案', date: '2023-02-20' },
  { category: 'policy', title: '插旗镇农村人居环境整治提升工作实施方案', date: '2023-05-16' },
  { category: 'planning', title: '插旗镇2023年政务公开工作要点', date: '2023-03-08' },
  { category: 'planning', title: '插旗镇2023年工作计划', date: '2023-02-07' },
  { category: 'planning', title: '插旗镇2023年乡村振兴工作计划', date: '2023-03-01' },
  { category: 'planning', title: '插旗镇2023年安全生产工作计划', date: '2023-02-28' },
  { category: 'planning', title: '插旗镇2023年耕地保护工作计划', date: '2023-03-22' },
  { category: 'planning', title: '插旗镇2023年重点项目建设计划', date: '2023-04-04' },
  { category: 'personnel', title: '插旗镇2023年公益性岗位招聘公告', date: '2023-03-15' },
  { category: 'personnel', title: '插旗镇2023年公益性岗位拟聘用人员公示', date: '2023-04-07' },
  { category: 'personnel', title: '插旗镇村（社区）后备干部选拔公告', date: '2023-07-18' },
  { category: 'personnel', title: '插旗镇2023年干部任免信息', date: '2023-09-12' },
  { category: 'funds', title: '插旗镇2023年部门预算公开', date: '2023-03-28' },
  { category: 'notices', title: '关于开展2023年度城乡居民医疗保险集中征缴工作的通告', date: '2023-01-09' },
  { category: 'notices', title: '插旗镇2023年春节期间安全生产提示', date: '2023-01-16' },
  { category: 'notices', title: '插旗镇2023年第一季度城乡低保对象名单公示', date: '2023-03-30' },
  { category: 'notices', title: '关于禁止野外用火的通告', date: '2023-03-31' },
  { category: 'notices', title: '插旗镇2023年耕地地力保护补贴发放情况公示', date: '2023-05-24' },
  { category: 'notices', title: '关于做好2023年汛期安全防范工作的通告', date: '2023-06-02' },
  { category: 'notices', title: '插旗镇2023年第二季度城乡低保对象名单公示', date: '2023-06-28' },
  { category: 'notices', title: '插旗镇2023年农村危房改造补助对象公示', date: '2023-07-06' },
  { category: 'notices', title: '关于开展防范电信网络诈骗宣传的通知', date: '2023-07-25' },
  { category: 'notices', title: '插旗镇2023年特困人员供养名单公示', date: '2023-08-15' },
  { category: 'notices', title: '插旗镇2023年第三季度城乡低保对象名单公示', date: '2023-09-26' },
  { category: 'notices', title: '关于开展秸秆禁烧工作的通告', date: '2023-10-10' },
  { category: 'notices', title: '插旗镇2023年度高龄津贴发放名单公示', date: '2023-10-30' },
  { category: 'notices', title: '插旗镇2023年冬季征兵公告', date: '2023-11-08' },
  { category: 'notices', title: '关于开展2023年度农村集体经济组织财务公开的通知', date: '2023-11-21' },
  { category: 'notices', title: '插旗镇2023年第四季度城乡低保对象名单公示', date: '2023-12-22' },
  { category: 'other', title: '插旗镇召开2023年政务公开工作推进会', date: '2023-04-19' },
  { category: 'other', title: '插旗镇开展防溺水安全教育宣传活动', date: '2023-06-20' },
];
