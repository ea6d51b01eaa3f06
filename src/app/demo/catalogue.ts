/**
 * The demo county's catalogue: every published item with its version 1, reviewed and
 * approved by the agency's demo reviewer and leader; a few with attachments (one whose
 * ID number was redacted); and drafts carrying personal data for the screening to find.
 */
import type { Kysely } from 'kysely';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import ExcelJS from 'exceljs';
import { indexNumberPrefix } from '../../domain/agencies/agency.ts';
import { indexNumber } from '../../domain/catalog/version.ts';
import { chinaDate } from '../../domain/shared/dates.ts';
import { defaultDisclosure } from '../../law/catalogue-categories.ts';
import { insertAttachment, insertVersion } from '../../store/catalogue-versions.repo.ts';
import { extractText, sniffAttachment } from '../../extract/index.ts';
import { attachmentRow } from '../catalog/attachments.ts';
import { nextSerial } from '../../store/index-numbers.repo.ts';
import { insertCatalogueItem, insertValidityChange } from '../../store/records.repo.ts';
import type { DB } from '../../store/schema.ts';
import type { AppContext } from '../context.ts';
import { addAttachment } from '../catalog/attachments.ts';
import { createItem } from '../catalog/drafts.ts';
import { approveAndPublish, recordReview, returnVersion, settleHit, submitForReview } from '../catalog/workflow.ts';
import { demoAgencies } from './agencies.ts';
import type { DemoItem } from './generate.ts';

const isoAt = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`).toISOString();
const reviewOpinion = '经保密审查，该信息不涉及国家秘密、工作秘密、商业秘密和个人隐私，同意公开。';

/** 主题分类 of a demo item, from words of its title. */
const topicRules: readonly [RegExp, string][] = [
  [/低保|救助|特困|高龄|养老|残疾/, '民政、扶贫、救灾/社会福利'],
  [/防汛|防灭火|应急|安全生产|溺水|消防/, '综合政务/应急管理'],
  [/预算|决算|资金|经费|补贴/, '财政、金融、审计/财政'],
  [/招聘|任免|人员|干部/, '劳动、人事、监察/人事工作'],
  [/医疗保险|社会保障/, '劳动、人事、监察/社会保障'],
  [/耕地|农|秸秆|乡村振兴/, '农业、林业、水利/农业、畜牧业、渔业'],
  [/规划|计划|要点|总结/, '国民经济管理、国有资产监管/宏观经济'],
  [/征兵/, '国防/国防动员'],
  [/土地|宅基地|不动产|用地/, '国土资源、能源/土地'],
  [/食品|市场|餐饮/, '市场监管、安全生产监管/食品药品监管'],
  [/道路|交通|供水|燃气|建设|危房/, '城乡建设、环境保护/城乡建设（含住房）'],
];
const topicOf = (title: string) => topicRules.find(([re]) => re.test(title))?.[1] ?? '综合政务/政务公开';

export interface DemoPeople {
  agencyId: (slug: string) => number;
  userId: (username: string) => number;
}

/** Published items as the platform would hold them after their review and approval. */
export async function writePublishedItems(db: Kysely<DB>, items: readonly DemoItem[], people: DemoPeople): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const item of items) {
    const agency = demoAgencies.find((a) => a.slug === item.agency)!;
    const year = item.publishedDate.slice(0, 4);
    const prefix = indexNumberPrefix(agency.code);
    const serial = await nextSerial(db, `${prefix}/${year}`);
    const publishedAt = isoAt(item.publishedDate, item.publishedTime);
    const reviewedAt = new Date(Date.parse(publishedAt) - 3 * 3600_000).toISOString();
    const topic = topicOf(item.title);
    const editor = people.userId(`${agency.slug}-editor`);
    const common = {
      title: item.title,
      summary: item.title,
      body: item.body,
      category: item.category,
      topic,
      doc_no: item.docNo,
      document_kind: item.documentKind,
      written_date: item.writtenDate,
      generated_date: item.generatedDate,
      scope: defaultDisclosure.scope,
    };
    const id = await insertCatalogueItem(db, {
      ...common,
      agency_id: people.agencyId(item.agency),
      index_no: indexNumber(prefix, year, serial),
      published_at: publishedAt,
      published_date: item.publishedDate,
      disclosure_mode: defaultDisclosure.mode,
      status: 'published',
      author_id: editor,
      current_version: 1,
      created_at: publishedAt,
    });
    const versionId = await insertVersion(db, {
      ...common,
      item_id: id,
      version: 1,
      state: 'published',
      author_id: editor,
      review_opinion: reviewOpinion,
      reviewed_by: people.userId(`${agency.slug}-reviewer`),
      reviewed_at: reviewedAt,
      approved_by: people.userId(`${agency.slug}-leader`),
      approved_at: publishedAt,
      published_at: publishedAt,
      created_at: reviewedAt,
      updated_at: publishedAt,
    });
    for (const v of item.validity) {
      await insertValidityChange(db, {
        itemId: id,
        state: v.state,
        effectiveDate: v.effectiveDate,
        reason: v.reason,
        recordedAt: isoAt(v.effectiveDate, '09:00'),
      });
    }
    const file = await attachmentFor(item);
    if (file) await attach(db, versionId, file, publishedAt);
    ids.set(`${item.agency}/${item.title}`, id);
  }
  return ids;
}

/** Some published items carry their document: each 规范性文件 its text, each 低保 list its table. */
async function attachmentFor(item: DemoItem): Promise<{ filename: string; bytes: Uint8Array } | null> {
  if (item.documentKind) {
    return { filename: `${item.docNo ?? item.title}.docx`, bytes: await docx([item.title, item.docNo ?? '', ...item.body.split('\n')]) };
  }
  if (/低保对象名单公示/.test(item.title)) {
    return {
      filename: '城乡低保对象名单.xlsx',
      bytes: await xlsx([
        {
          name: '名单',
          rows: [
            ['村（社区）', '户主姓名', '保障人数', '月保障金（元）'],
            ['插旗村', '李某某', 2, 620],
            ['新民村', '王某某', 1, 380],
            ['团山村', '陈某某', 3, 870],
          ],
        },
      ]),
    };
  }
  return null;
}

async function attach(db: Kysely<DB>, versionId: number, file: { filename: string; bytes: Uint8Array }, at: string): Promise<void> {
  const sniffed = sniffAttachment(file.bytes, file.filename);
  if ('error' in sniffed) throw new Error(sniffed.error);
  const text = await extractText(file.bytes, sniffed.type);
  await insertAttachment(db, attachmentRow(versionId, file.filename, file.bytes, sniffed.type, text, at));
}

async function docx(paragraphs: readonly string[], table?: readonly (readonly string[])[]): Promise<Uint8Array> {
  const cell = (t: string) => new TableCell({ children: [new Paragraph(t)] });
  const children = [
    ...paragraphs.map((p) => new Paragraph({ children: [new TextRun({ text: p, font: { eastAsia: '仿宋_GB2312' } })] })),
    ...(table ? [new Table({ rows: table.map((r) => new TableRow({ children: r.map(cell) })) })] : []),
  ];
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

async function xlsx(sheets: readonly { name: string; hidden?: boolean; rows: readonly (readonly (string | number)[])[] }[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, s.hidden ? { state: 'hidden' } : {});
    for (const r of s.rows) ws.addRow([...r]);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * Items that went through the platform's own workflow, including screening: a penalty
 * decision whose ID number the reviewer redacted, a list with an attachment, and drafts
 * waiting at each step with personal data in them.
 */
export async function workflowItems(ctx: AppContext, people: DemoPeople): Promise<void> {
  const now = ctx.now();
  const day = (offset: number) => chinaDate(new Date(now.getTime() + offset * 86400_000));
  const actor = (username: string) => {
    const agency = demoAgencies.find((a) => username.startsWith(`${a.slug}-`))!;
    const role = username.slice(agency.slug.length + 1).replace(/-(\w)/g, (_m, c: string) => c.toUpperCase()) as 'editor';
    return { id: people.userId(username), roles: [{ role, agencyId: people.agencyId(agency.slug) }] };
  };
  const form = (over: Record<string, string>) => ({
    title: '',
    summary: '',
    body: '',
    category: 'notices',
    topic: '',
    statutoryItem: '',
    domain: '',
    docNo: '',
    documentKind: '',
    writtenDate: '',
    generatedDate: day(-5),
    scope: defaultDisclosure.scope,
    ...over,
  });

  // 1. Published through the workflow: a penalty decision; the reviewer had the ID number masked.
  const shichang = people.agencyId('shichang');
  const penalty = await createItem(
    ctx,
    actor('shichang-editor'),
    shichang,
    form({
      title: '华容县市场监督管理局行政处罚决定书（华市监处罚〔2026〕41号）',
      summary: '对经营过期食品的个体工商户作出的行政处罚决定',
      body: '当事人销售超过保质期的食品，违反了《中华人民共和国食品安全法》第三十四条第（十）项的规定。依据第一百二十四条，决定没收违法所得并处罚款。详见附件。',
      statutoryItem: 'art20.6',
      topic: '市场监管、安全生产监管/食品药品监管',
      docNo: '华市监处罚〔2026〕41号',
      generatedDate: day(-8),
    }),
  );
  await addAttachment(ctx, actor('shichang-editor'), penalty.versionId, {
    filename: '行政处罚决定书.docx',
    bytes: await docx([
      '华容县市场监督管理局行政处罚决定书',
      '华市监处罚〔2026〕41号',
      '当事人：华容县章华镇某副食品店（经营者：王某某），公民身份号码：430623198805120311，联系电话：13907301234。',
      '经查，当事人于2026年10月销售超过保质期的食品，货值金额860元。',
      '依据《中华人民共和国食品安全法》第一百二十四条，决定没收违法所得并处罚款五万元。',
    ]),
  });
  await submitForReview(ctx, actor('shichang-editor'), penalty.versionId);
  for (const h of await ctx.db.selectFrom('screening_hits').select('id').where('version_id', '=', penalty.versionId).execute()) {
    await settleHit(ctx, actor('shichang-reviewer'), h.id, 'redacted', '');
  }
  await recordReview(ctx, actor('shichang-reviewer'), penalty.versionId, reviewOpinion);
  await approveAndPublish(ctx, actor('shichang-leader'), penalty.versionId);

  // 2. Published through the workflow with a spreadsheet: a list of subsidies without personal numbers.
  const chaqi = people.agencyId('chaqi');
  const subsidy = await createItem(
    ctx,
    actor('chaqi-editor'),
    chaqi,
    form({
      title: '插旗镇2026年耕地地力保护补贴发放情况公示',
      summary: '公示2026年耕地地力保护补贴发放对象和金额',
      body: '根据县农业农村局的部署，现将我镇2026年耕地地力保护补贴发放情况公示如下（见附件），公示期7天。如有异议，请向镇农业综合服务中心反映。',
      topic: '农业、林业、水利/农业、畜牧业、渔业',
      statutoryItem: 'art21.agriculturalPolicy',
      domain: '涉农补贴',
      generatedDate: day(-6),
    }),
  );
  await addAttachment(ctx, actor('chaqi-editor'), subsidy.versionId, {
    filename: '耕地地力保护补贴发放表.xlsx',
    bytes: await xlsx([
      {
        name: '发放表',
        rows: [
          ['村名', '户主', '面积（亩）', '补贴金额（元）'],
          ['插旗村', '李某某', 12.5, 1287.5],
          ['新民村', '张某某', 8.2, 844.6],
          ['团山村', '刘某某', 15.0, 1545.0],
        ],
      },
    ]),
  });
  await submitForReview(ctx, actor('chaqi-editor'), subsidy.versionId);
  await recordReview(ctx, actor('chaqi-reviewer'), subsidy.versionId, reviewOpinion);
  await approveAndPublish(ctx, actor('chaqi-leader'), subsidy.versionId);

  // 3. Waiting for 插旗镇's reviewer: personal data in the body.
  const relief = await createItem(
    ctx,
    actor('chaqi-editor'),
    chaqi,
    form({
      title: '关于插旗镇2026年第四季度临时救助对象的公示',
      summary: '公示第四季度临时救助对象',
      body: '经村（社区）评议、镇人民政府审核，拟对以下对象实施临时救助：新民村陈某某（身份证号430623196703150027，联系电话13873051234），因病致贫，拟救助2000元。公示期5天，联系电话0730-4281234。',
      topic: '民政、扶贫、救灾/社会福利',
      statutoryItem: 'art21.socialAssistance',
      domain: '社会救助',
      generatedDate: day(-12),
    }),
  );
  await submitForReview(ctx, actor('chaqi-editor'), relief.versionId);

  // 4. A draft of 章华镇 with an attachment hiding ID and bank card numbers in a hidden sheet.
  const zhanghua = people.agencyId('zhanghua');
  const pension = await createItem(
    ctx,
    actor('zhanghua-editor'),
    zhanghua,
    form({
      title: '章华镇2026年高龄津贴发放名单公示',
      summary: '公示2026年高龄津贴发放对象',
      body: '根据《湖南省高龄津贴发放管理办法》，现将我镇2026年高龄津贴发放名单予以公示（见附件）。',
      topic: '民政、扶贫、救灾/社会福利',
      domain: '养老服务',
      generatedDate: day(-35),
    }),
  );
  await addAttachment(ctx, actor('zhanghua-editor'), pension.versionId, {
    filename: '高龄津贴发放名单.xlsx',
    bytes: await xlsx([
      {
        name: '公示名单',
        rows: [
          ['社区', '姓名', '年龄', '月发放金额（元）'],
          ['东湖社区', '黄某某', 91, 100],
          ['城西社区', '周某某', 86, 50],
        ],
      },
      {
        name: '发放明细',
        hidden: true,
        rows: [
          ['姓名', '身份证号', '银行卡号'],
          ['黄某某', '430623193501120029', '6222 0212 3456 7890 128'],
        ],
      },
    ]),
  });

  // 5. Sent back by 县民政局's reviewer: an e-mail address and a marking in the body.
  const minzheng = people.agencyId('minzheng');
  const notice = await createItem(
    ctx,
    actor('minzheng-editor'),
    minzheng,
    form({
      title: '华容县民政局关于开展2026年度养老机构等级评定工作的通知',
      summary: '部署2026年度养老机构等级评定',
      body: '各乡镇人民政府、各养老机构：现就开展2026年度养老机构等级评定工作通知如下。本通知附件二为内部资料，仅供评定组使用。联系人邮箱：hrxmzj_yl@163.com。',
      topic: '民政、扶贫、救灾/社会福利',
      domain: '养老服务',
      generatedDate: day(-3),
    }),
  );
  await submitForReview(ctx, actor('minzheng-editor'), notice.versionId);
  await returnVersion(ctx, actor('minzheng-reviewer'), notice.versionId, '正文含“内部资料”字样和个人邮箱，请删除内部资料的说明，改用单位公开邮箱后重新提交。');
}
