/**
 * Who signs off what on a disclosure case, and from when.
 *
 * - An extension of the reply period needs the consent of the head of the agency's
 *   政府信息公开工作机构 (条例 第三十三条第二款, in force from 2019-05-15).
 * - A reply other than 予以公开 is drafted by the handler and issued only once that head
 *   signs it (签发): a refusal binds the agency and is what 复议 and 诉讼 review. Counties
 *   write this into their 依申请公开审核制度 (e.g. 抚顺市公安局依申请公开登记审核办理答复归档
 *   工作制度 第五条: “经分管领导签字确认，方可答复”); an agency may require it for 予以公开 too.
 *
 * The head of the office is the `leader` role of the agency (src/law/roles.ts).
 */
import type { OutcomeCode } from './outcome-codes.ts';
import type { Role } from './roles.ts';

export const signOffRules = {
  extension: {
    label: '延长答复期限须经政府信息公开工作机构负责人同意',
    basis: '条例第三十三条第二款',
    from: '2019-05-15',
  },
  reply: {
    label: '予以公开以外的答复，由承办人拟稿，经政府信息公开工作机构负责人签发后作出',
    basis: '依申请公开审核签发制度（条例第三十六条答复）',
    from: '2019-05-15',
    /** Outcomes a handler may answer without a sign-off, unless the agency requires one for them too. */
    exempt: ['granted'] as readonly OutcomeCode[],
  },
} as const;

/** The role that signs off: the head of the agency's 政府信息公开工作机构. */
export const signOffRole: Role = 'leader';
