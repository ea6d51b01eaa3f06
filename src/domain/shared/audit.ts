/**
 * Every action the audit ledger records, declared once with its Chinese label and the
 * category the audit page filters by. `appendEvent` takes `AuditAction`, so tsc refuses an
 * action not declared here. The acts of a case, a 更正 decision and a complaint are typed
 * over the law's own keys and labelled from the law, so a new act needs no entry here.
 */
import { type CaseAct, caseActs } from '../../law/request-workflow.ts';
import { type CorrectionDecision, correctionDecisions } from '../../law/corrections.ts';
import type { ComplaintEvent } from '../complaints/complaint.ts';

/** The categories of the audit page's 类别 filter, in the order it lists them. */
export const auditCategories = {
  catalogue: { label: '公开目录' },
  requests: { label: '依申请公开' },
  corrections: { label: '更正与投诉举报' },
  reports: { label: '年度报告与统计' },
  accounts: { label: '账号与登录' },
  agencies: { label: '单位' },
  calendar: { label: '工作日历' },
  settings: { label: '设置与系统' },
} as const;

export type AuditCategory = keyof typeof auditCategories;

interface Spec {
  label: string;
  category: AuditCategory;
}

const fixed = {
  'catalogue.drafted': { label: '起草信息', category: 'catalogue' },
  'catalogue.saved': { label: '保存草稿', category: 'catalogue' },
  'catalogue.attachmentAdded': { label: '添加附件', category: 'catalogue' },
  'catalogue.attachmentRemoved': { label: '删除附件', category: 'catalogue' },
  'catalogue.submitted': { label: '提交保密审查', category: 'catalogue' },
  'catalogue.hitSettled': { label: '处理一处筛查结果', category: 'catalogue' },
  'catalogue.hitsSettled': { label: '遮蔽同类筛查结果', category: 'catalogue' },
  'catalogue.hitsDeclassified': { label: '登记解密', category: 'catalogue' },
  'catalogue.reviewed': { label: '保密审查通过', category: 'catalogue' },
  'catalogue.returned': { label: '退回修改', category: 'catalogue' },
  'catalogue.published': { label: '批准公开', category: 'catalogue' },
  'catalogue.corrected': { label: '批准更正版本', category: 'catalogue' },
  'catalogue.correctionStarted': { label: '起草更正版本', category: 'catalogue' },
  'catalogue.withdrawn': { label: '撤回', category: 'catalogue' },
  'catalogue.validityChanged': { label: '登记有效性变化', category: 'catalogue' },
  'request.submitted': { label: '网上提交申请', category: 'requests' },
  'request.setAside': { label: '网上申请不予登记', category: 'requests' },
  'appeal.filed': { label: '登记行政复议或诉讼', category: 'requests' },
  'appeal.concluded': { label: '登记复议或诉讼结果', category: 'requests' },
  'correction.received': { label: '收到更正申请', category: 'corrections' },
  'report.narrativeSaved': { label: '保存年度报告文字', category: 'reports' },
  'report.reviewed': { label: '年度报告保密审查', category: 'reports' },
  'report.published': { label: '发布年度报告', category: 'reports' },
  'report.corrected': { label: '发布更正的年度报告', category: 'reports' },
  'report.imported': { label: '导入已发布的年度报告', category: 'reports' },
  'report.importUploaded': { label: '上传年度报告文件', category: 'reports' },
  'statistics.recorded': { label: '登记决定统计', category: 'reports' },
  'statistics.corrected': { label: '更正决定统计', category: 'reports' },
  'auth.login': { label: '登录', category: 'accounts' },
  'auth.loginFailed': { label: '登录失败', category: 'accounts' },
  'auth.lockedOut': { label: '账号暂时锁定', category: 'accounts' },
  'user.created': { label: '创建账号', category: 'accounts' },
  'user.roleGranted': { label: '授予角色', category: 'accounts' },
  'user.roleRevoked': { label: '收回角色', category: 'accounts' },
  'user.passwordReset': { label: '重置密码', category: 'accounts' },
  'user.passwordChanged': { label: '修改本人密码', category: 'accounts' },
  'user.enabled': { label: '启用账号', category: 'accounts' },
  'user.disabled': { label: '停用账号', category: 'accounts' },
  'agency.created': { label: '新增单位', category: 'agencies' },
  'agency.contactsChanged': { label: '修改联系方式', category: 'agencies' },
  'calendar.overrideSet': { label: '调整工作日历', category: 'calendar' },
  'calendar.overrideRemoved': { label: '取消工作日历调整', category: 'calendar' },
  'calendar.noticeEntered': { label: '录入放假安排通知', category: 'calendar' },
  'calendar.noticeCorrected': { label: '更正放假安排通知', category: 'calendar' },
  'calendar.noticeRemoved': { label: '删除放假安排通知', category: 'calendar' },
  'calendar.recomputed': { label: '重新计算全部期限', category: 'calendar' },
  'settings.reportsChanged': { label: '修改年度报告设置', category: 'settings' },
  'settings.correctionPeriodChanged': { label: '修改补正期限', category: 'settings' },
  'supervision.limitsSet': { label: '修改更正和投诉办理时限', category: 'settings' },
  'requests.signOffPolicy': { label: '修改答复签发规则', category: 'settings' },
  'demo.loaded': { label: '载入演示数据', category: 'settings' },
} as const satisfies Record<string, Spec>;

type ComplaintAct = ComplaintEvent['act'];

/** What happened in a complaint's ledger (the act keys of src/domain/complaints/complaint.ts). */
const complaintActs: Record<ComplaintAct, string> = {
  filed: '登记投诉、举报',
  handled: '登记处理情况',
  answered: '答复投诉人、举报人',
  deadlinesRecomputed: '工作日历调整，重新计算期限',
};

export type AuditAction = keyof typeof fixed | `request.${CaseAct}` | `correction.${CorrectionDecision}` | `complaint.${ComplaintAct}`;

const specs: ReadonlyMap<string, Spec> = new Map<string, Spec>([
  ...Object.entries(fixed),
  ...Object.entries(caseActs).map(([k, a]): [string, Spec] => [`request.${k}`, { label: a.label, category: 'requests' }]),
  ...Object.entries(correctionDecisions).map(([k, d]): [string, Spec] => [`correction.${k}`, { label: `更正决定：${d.label}`, category: 'corrections' }]),
  ...Object.entries(complaintActs).map(([k, label]): [string, Spec] => [`complaint.${k}`, { label, category: 'corrections' }]),
]);

/** Every action, the dynamic families spelt out (what the category filter asks the store for). */
export const auditActions = [...specs.keys()] as AuditAction[];

/** The Chinese label of an action; a code recorded before it was declared shows as itself. */
export function auditLabel(action: string): string {
  return specs.get(action)?.label ?? action;
}

export function auditCategoryOf(action: string): AuditCategory | null {
  return specs.get(action)?.category ?? null;
}

export function isAuditCategory(value: string): value is AuditCategory {
  return Object.hasOwn(auditCategories, value);
}

/** The actions of one category of the filter. */
export function actionsIn(category: AuditCategory): AuditAction[] {
  return auditActions.filter((a) => specs.get(a)?.category === category);
}
