/**
 * What an item discloses under the 条例: 第二十条 (every body), 第二十一条 (乡镇), and the
 * 26 pilot domains of 基层政务公开标准化规范化 (国办发〔2019〕54号; spec §5.2). An item may be
 * tagged with one of each, besides its 公开目录 column.
 */
export const article20Items = {
  'art20.1': '（一）行政法规、规章和规范性文件',
  'art20.2': '（二）机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名',
  'art20.3': '（三）国民经济和社会发展规划、专项规划、区域规划及相关政策',
  'art20.4': '（四）国民经济和社会发展统计信息',
  'art20.5': '（五）办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果',
  'art20.6': '（六）实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定',
  'art20.7': '（七）财政预算、决算信息',
  'art20.8': '（八）行政事业性收费项目及其依据、标准',
  'art20.9': '（九）政府集中采购项目的目录、标准及实施情况',
  'art20.10': '（十）重大建设项目的批准和实施情况',
  'art20.11': '（十一）扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况',
  'art20.12': '（十二）突发公共事件的应急预案、预警信息及应对情况',
  'art20.13': '（十三）环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况',
  'art20.14': '（十四）公务员招考的职位、名额、报考条件等事项以及录用结果',
  'art20.15': '（十五）法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息',
} as const;

/** 第二十一条: what a 乡（镇）人民政府 discloses besides, according to local circumstances. */
export const article21TownItems = {
  'art21.agriculturalPolicy': '贯彻落实农业农村政策',
  'art21.irrigation': '农田水利工程建设运营',
  'art21.landTransfer': '农村土地承包经营权流转',
  'art21.homestead': '宅基地使用情况审核',
  'art21.landExpropriation': '土地征收',
  'art21.housingExpropriation': '房屋征收',
  'art21.fundraising': '筹资筹劳',
  'art21.socialAssistance': '社会救助',
} as const;

export const statutoryItems = { ...article20Items, ...article21TownItems } as const;
export type StatutoryItem = keyof typeof statutoryItems;
export function isStatutoryItem(value: string): value is StatutoryItem {
  return Object.hasOwn(statutoryItems, value);
}

export const basicDomains = [
  '重大建设项目',
  '公共资源交易',
  '财政预决算',
  '安全生产',
  '税收管理',
  '征地补偿',
  '国有土地上房屋征收与补偿',
  '农村危房改造',
  '城乡规划',
  '生态环境',
  '公共文化服务',
  '公共法律服务',
  '乡村振兴',
  '救灾',
  '食品药品监管',
  '城市综合执法',
  '就业',
  '社会保险',
  '社会救助',
  '养老服务',
  '户籍管理',
  '涉农补贴',
  '卫生健康',
  '市政服务',
  '义务教育',
  '保障性住房',
] as const;
export type BasicDomain = (typeof basicDomains)[number];
export function isBasicDomain(value: string): value is BasicDomain {
  return (basicDomains as readonly string[]).includes(value);
}
