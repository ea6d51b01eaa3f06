/**
 * 更正 (条例 第四十一条): a person or organisation with evidence that a record an agency
 * provided about itself is inaccurate may ask for it to be corrected. The agency with the
 * power, having verified it, corrects it and tells the applicant; an agency without the
 * power may forward the request to the agency that has it and tell the applicant, or tell
 * the applicant to apply there. A verified-accurate record is not corrected, with reasons.
 * It is a procedure of its own, not a disclosure application: table 三 never counts it.
 *
 * The 条例 sets no time limit: the county sets one (a setting per county); the default
 * follows the reply period of 第三十三条. The limit in force on the day of receipt applies.
 */

/** The county's time limit for deciding a 更正 request, in working days from receipt. */
export const correctionLimit = {
  defaultWorkingDays: 20,
  minWorkingDays: 5,
  maxWorkingDays: 60,
  basis: '条例第四十一条；本县规定（默认参照条例第三十三条）',
} as const;

interface DecisionSpec {
  label: string;
  /** What staff must give with the decision. */
  needs: readonly ('correctionResult' | 'reason' | 'competentAgency')[];
  /** The letters it issues: to the applicant, and (转送) to the agency with the power. */
  letters: readonly CorrectionLetterKind[];
}

/** How a 更正 request ends (条例 第四十一条). */
export const correctionDecisions = {
  corrected: { label: '审核属实，予以更正并告知申请人', needs: ['correctionResult'], letters: ['correctionMade'] },
  forwarded: {
    label: '不属于本机关职能范围，转送有权更正的机关并告知申请人',
    needs: ['competentAgency'],
    letters: ['correctionForwarding', 'correctionForwardedNotice'],
  },
  referred: { label: '不属于本机关职能范围，告知申请人向有权更正的机关提出', needs: ['competentAgency'], letters: ['correctionReferred'] },
  refused: { label: '经审核记录准确，不予更正', needs: ['reason'], letters: ['correctionRefused'] },
} as const satisfies Record<string, DecisionSpec>;

export type CorrectionDecision = keyof typeof correctionDecisions;
export const correctionDecisionKeys = Object.keys(correctionDecisions) as CorrectionDecision[];

export function isCorrectionDecision(value: string): value is CorrectionDecision {
  return Object.hasOwn(correctionDecisions, value);
}

/** How staff name what a decision needs. */
export const correctionFactLabels = { correctionResult: '更正的内容（更正后的记录）', reason: '理由', competentAgency: '有权更正的机关' } as const;

interface CorrectionLetterSpec {
  title: string;
  to: 'applicant' | 'agency';
  paragraphs: readonly string[];
  /** Whether the letter ends with the applicant's remedies (chosen by date, src/law/remedies.ts). */
  remedies: boolean;
}

const opening = '本机关于{receivedDate}收到{you}提出的政府信息更正申请（申请编号：{receiptNo}），认为本机关提供的“{record}”记录不准确，要求更正。';

/**
 * The letters of a 更正 request. Placeholders as in src/law/letters.ts, and: {record} the
 * record concerned, {requestedChange} what the applicant asks for, {correctionResult} the
 * record as corrected, {forwardedDate} the day it was forwarded.
 */
export const correctionLetters = {
  correctionMade: {
    title: '政府信息更正告知书',
    to: 'applicant',
    paragraphs: [
      opening,
      '经审核，{you}提供的证据能够证明该政府信息记录不准确。根据《中华人民共和国政府信息公开条例》第四十一条的规定，本机关已予以更正：{correctionResult}',
    ],
    remedies: true,
  },
  correctionRefused: {
    title: '政府信息不予更正告知书',
    to: 'applicant',
    paragraphs: [
      opening,
      '经审核，{you}提供的证据不能证明该政府信息记录不准确，理由如下：{reason}根据《中华人民共和国政府信息公开条例》第四十一条的规定，本机关不予更正。',
    ],
    remedies: true,
  },
  correctionForwarding: {
    title: '政府信息更正申请转送函',
    to: 'agency',
    paragraphs: [
      '本机关于{receivedDate}收到{applicant}提出的政府信息更正申请（申请编号：{receiptNo}），认为“{record}”记录不准确，要求更正：{requestedChange}',
      '经审查，该政府信息的更正不属于本机关职能范围，{reason}根据《中华人民共和国政府信息公开条例》第四十一条的规定，现将该申请及申请人提供的证据材料转送贵机关，请依法审核处理，并将处理结果告知申请人。',
    ],
    remedies: false,
  },
  correctionForwardedNotice: {
    title: '政府信息更正申请转送告知书',
    to: 'applicant',
    paragraphs: [
      opening,
      '经审查，该政府信息的更正不属于本机关职能范围，{reason}根据《中华人民共和国政府信息公开条例》第四十一条的规定，本机关已于{forwardedDate}将{you}的申请转送有权更正的{competentAgency}处理，由该机关审核后告知{you}处理结果。',
    ],
    remedies: false,
  },
  correctionReferred: {
    title: '政府信息更正申请告知书',
    to: 'applicant',
    paragraphs: [
      opening,
      '经审查，该政府信息的更正不属于本机关职能范围，{reason}根据《中华人民共和国政府信息公开条例》第四十一条的规定，请{you}向有权更正的{competentAgency}提出。',
    ],
    remedies: true,
  },
} as const satisfies Record<string, CorrectionLetterSpec>;

export type CorrectionLetterKind = keyof typeof correctionLetters;

/** 文号 of a 更正 letter: one sequence per agency and year. */
export const correctionLetterNumberPattern = '{short}更正〔{year}〕{serial}号';

/** Receipt numbers of 更正 requests: one sequence per year. */
export const correctionReceiptPattern = 'GZ{year}-{serial}';
