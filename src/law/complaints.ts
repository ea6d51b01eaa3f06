/**
 * Complaints and reports to the 政府信息公开工作主管部门 (条例 第四十七条第二款: 公民、法人或者
 * 其他组织认为行政机关未按照要求主动公开政府信息或者对政府信息公开申请不依法答复处理的，可以向
 * 政府信息公开工作主管部门提出；第五十一条: 投诉、举报). A 投诉 is about the complainant's own
 * rights and is answered, so it needs a name and a phone number; a 举报 may be anonymous.
 * The county's 主管部门 (the county government office) records the handling and the answer.
 *
 * The 条例 sets no time limit for the answer: the county sets one (a setting per county);
 * the default follows the reply period of 第三十三条. The limit in force on the day of
 * receipt applies.
 */

export const complaintKinds = {
  complaint: {
    label: '投诉',
    receiptPrefix: 'TS',
    needsContact: true,
    hint: '认为行政机关在政府信息公开工作中侵犯自己合法权益的，可以投诉。投诉需要留下姓名和联系电话，以便答复。',
  },
  report: {
    label: '举报',
    receiptPrefix: 'JB',
    needsContact: false,
    hint: '发现行政机关未按照要求主动公开政府信息、或者不依法答复处理政府信息公开申请的，可以举报。举报可以匿名。',
  },
} as const satisfies Record<string, { label: string; receiptPrefix: string; needsContact: boolean; hint: string }>;

export type ComplaintKind = keyof typeof complaintKinds;
export const complaintKindKeys = Object.keys(complaintKinds) as ComplaintKind[];

export function isComplaintKind(value: string): value is ComplaintKind {
  return Object.hasOwn(complaintKinds, value);
}

/** How a complaint reached the 主管部门: the portal's form, or staff registering one received otherwise. */
export const complaintChannels = {
  online: { label: '网上提交' },
  phone: { label: '电话' },
  letter: { label: '信件' },
  inPerson: { label: '来访' },
  email: { label: '电子邮件' },
} as const;

export type ComplaintChannel = keyof typeof complaintChannels;
export const staffComplaintChannels = (Object.keys(complaintChannels) as ComplaintChannel[]).filter((c) => c !== 'online');

export function isComplaintChannel(value: string): value is ComplaintChannel {
  return Object.hasOwn(complaintChannels, value);
}

/** How the answer was given; `none` only for an anonymous report that left no way to reach its author. */
export const answerMethods = {
  phone: { label: '电话答复' },
  letter: { label: '书面答复' },
  email: { label: '电子邮件答复' },
  inPerson: { label: '当面答复' },
  none: { label: '匿名举报，无法答复（处理结果存档）' },
} as const;

export type AnswerMethod = keyof typeof answerMethods;

export function isAnswerMethod(value: string): value is AnswerMethod {
  return Object.hasOwn(answerMethods, value);
}

/** The county's time limit for answering, in working days from receipt. */
export const complaintLimit = {
  defaultWorkingDays: 20,
  minWorkingDays: 5,
  maxWorkingDays: 60,
  basis: '条例第四十七条；本县规定（默认参照条例第三十三条）',
} as const;

/** Lengths the form accepts. */
export const complaintLimits = { maxContent: 5000, maxName: 100 } as const;
