/**
 * The letters of a disclosure case, with their required wording (条例 第三十条至第三十九条;
 * 国办函〔2020〕109号). Paragraphs are templates: `{name}` is filled from the case's facts by
 * src/domain/requests/letters.ts, which refuses a template whose placeholder it cannot
 * fill. Choosing the reply for an item is what sets its outcome code. The remedies that end
 * a reply or notice are chosen by date and outcome from src/law/remedies.ts.
 */
import type { OutcomeCode } from './outcome-codes.ts';

/** Placeholders every template may use; the letter builder fills each from the case. */
export const letterPlaceholders = [
  'applicant', // 申请人姓名或名称
  'you', // how the letter addresses the applicant: 您 to a person, 贵单位 to an organisation (addressForms)
  'agency', // 本机关全称
  'receiptNo',
  'receivedDate',
  'subject', // the information asked for, as the applicant described it
  'replyDue',
  'correctionItems',
  'correctionDue',
  'correctionTerm', // 补正期限 as the notice states it: N个工作日内, with the date when the day of receipt is known
  'correctionNoticeDate',
  'thirdParty',
  'consultedAgency',
  'opinionDueNote', // （YYYY年M月D日前）when the day the letter is received is known, else nothing
  'consultationDate',
  'publicInterestReason', // 第三十二条: why not disclosing could seriously affect the public interest
  'disclosedContent', // 决定公开的政府信息内容
  'extensionDays',
  'extensionReason',
  'extendedDue',
  'approver',
  'feeBasis',
  'feeScheme',
  'feeStandard',
  'feeWorking',
  'feeAmount',
  'feeDue',
  'feeDueNote', // （YYYY年M月D日前）when the day the notice is received is known, else nothing
  'paymentMethod',
  'feeNoticeDate',
  'feeNoticeNo',
  'reasonsDue',
  'reason', // the agency's own explanation (理由、说明)
  'provision', // how the information is provided
  'publishedAs', // 索引号 and address of an item already published
  'competentAgency', // 负责公开的机关及其联系方式
  'searchDescription', // 检索的范围、方式 (条例 第三十六条第（四）项)
  'previousReceiptNo',
  'previousReplyDate',
  'reconsiderationBody',
  'statusUrl',
] as const;

export type LetterPlaceholder = (typeof letterPlaceholders)[number];

interface LetterSpec {
  title: string;
  /** Who the letter is addressed to. */
  to: 'applicant' | 'thirdParty' | 'agency';
  paragraphs: readonly string[];
  /** Whether the letter ends with the applicant's remedies (复议、诉讼). */
  remedies: boolean;
}

export const letterKinds = {
  receipt: {
    title: '政府信息公开申请登记回执',
    to: 'applicant',
    paragraphs: [
      '本机关于{receivedDate}收到{you}提交的政府信息公开申请，申请编号为{receiptNo}，申请获取“{subject}”。',
      '根据《中华人民共和国政府信息公开条例》第三十三条的规定，本机关将自收到申请之日起20个工作日内（{replyDue}前，含当日）予以答复；需要延长答复期限的，将另行告知。',
      '{you}可以凭申请编号和查询码在{statusUrl}查询办理进度和本机关发出的文书。',
    ],
    remedies: false,
  },
  correctionNotice: {
    title: '政府信息公开申请补正告知书',
    to: 'applicant',
    paragraphs: [
      '本机关于{receivedDate}收到{you}提交的政府信息公开申请（申请编号：{receiptNo}），申请获取“{subject}”。',
      '经审查，{you}的申请内容不明确。根据《中华人民共和国政府信息公开条例》第三十条的规定，现一次性告知{you}需要补正的事项：{correctionItems}',
      '请{you}自收到本告知书之日起{correctionTerm}补正。答复期限自本机关收到补正后的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。',
    ],
    remedies: false,
  },
  extensionNotice: {
    title: '政府信息公开申请延期答复告知书',
    to: 'applicant',
    paragraphs: [
      '本机关于{receivedDate}收到{you}提交的政府信息公开申请（申请编号：{receiptNo}），申请获取“{subject}”。',
      '因{extensionReason}，本机关不能在规定期限内作出答复。根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，经本机关政府信息公开工作机构负责人{approver}同意，答复期限延长{extensionDays}个工作日，本机关将于{extendedDue}前作出答复。',
    ],
    remedies: false,
  },
  thirdPartyConsultation: {
    title: '政府信息公开第三方意见征询函',
    to: 'thirdParty',
    paragraphs: [
      '本机关收到一份政府信息公开申请，申请获取“{subject}”。该信息可能涉及贵方的商业秘密、个人隐私等合法权益。',
      '根据《中华人民共和国政府信息公开条例》第三十二条的规定，现书面征求贵方意见。请于收到本函之日起15个工作日内{opinionDueNote}书面提出意见；逾期未提出意见的，由本机关依照条例的规定决定是否公开。',
      '贵方不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知贵方。',
    ],
    remedies: false,
  },
  agencyConsultation: {
    title: '政府信息公开征求意见函',
    to: 'agency',
    paragraphs: [
      '本机关收到一份政府信息公开申请，申请获取“{subject}”。该信息由本机关与贵机关共同制作。',
      '根据《中华人民共和国政府信息公开条例》第三十四条的规定，现征求贵机关意见。请于收到本函之日起15个工作日内{opinionDueNote}提出意见；逾期未提出意见的，视为同意公开。',
    ],
    remedies: false,
  },
  reasonsRequest: {
    title: '政府信息公开申请说明理由通知书',
    to: 'applicant',
    paragraphs: [
      '本机关收到{you}提交的政府信息公开申请（申请编号：{receiptNo}），申请获取“{subject}”。{you}申请公开政府信息的数量、频次明显超过合理范围。',
      '根据《中华人民共和国政府信息公开条例》第三十五条的规定，请{you}于{reasonsDue}前说明理由。本机关认为申请理由不合理的，将告知{you}不予处理；认为申请理由合理，但是无法在规定期限内答复的，将确定延迟答复的合理期限并告知{you}。',
    ],
    remedies: false,
  },
  feeNotice: {
    title: '政府信息公开信息处理费收费通知书',
    to: 'applicant',
    paragraphs: [
      '本机关于{receivedDate}收到{you}提交的政府信息公开申请（申请编号：{receiptNo}），申请获取“{subject}”。',
      '收费依据：《中华人民共和国政府信息公开条例》第四十二条，《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）{feeBasis}。本机关对本次申请{feeScheme}。',
      '收费标准：{feeStandard}',
      '收费数额：{feeWorking}应缴纳信息处理费{feeAmount}元。',
      '缴纳方式：{paymentMethod}请{you}自收到本通知次日起20个工作日内{feeDueNote}缴纳。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。',
    ],
    remedies: true,
  },
  disclosureDecisionNotice: {
    title: '政府信息公开决定公开告知书',
    to: 'thirdParty',
    paragraphs: [
      '本机关收到一份政府信息公开申请，申请获取“{subject}”。本机关于{consultationDate}书面征求贵方意见，贵方不同意公开。',
      '本机关经审查认为，不公开可能对公共利益造成重大影响：{publicInterestReason}根据《中华人民共和国政府信息公开条例》第三十二条的规定，本机关决定予以公开。',
      '决定公开的政府信息内容：{disclosedContent}',
      '现将决定公开的政府信息内容和理由书面告知贵方。贵方对本决定不服的，可以依法申请行政复议或者提起行政诉讼。',
    ],
    remedies: false,
  },
  correctionLapsedNotice: {
    title: '政府信息公开申请终止处理告知书',
    to: 'applicant',
    paragraphs: [
      '本机关于{receivedDate}收到{you}提交的政府信息公开申请（申请编号：{receiptNo}），申请获取“{subject}”。本机关已于{correctionNoticeDate}告知{you}于{correctionDue}前补正申请内容。',
      '{you}无正当理由逾期未补正。根据《中华人民共和国政府信息公开条例》第三十条的规定，视为放弃申请，本机关不再处理该政府信息公开申请。',
    ],
    remedies: true,
  },
  feeLapsedNotice: {
    title: '政府信息公开申请终止处理告知书',
    to: 'applicant',
    paragraphs: [
      '本机关于{receivedDate}收到{you}提交的政府信息公开申请（申请编号：{receiptNo}），申请获取“{subject}”。本机关已于{feeNoticeDate}向{you}发出收费通知书（{feeNoticeNo}），请{you}于{feeDue}前缴纳信息处理费。',
      '{you}逾期未按收费通知要求缴纳费用。根据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，视为放弃申请，本机关不再处理该政府信息公开申请。',
    ],
    remedies: true,
  },
  reply: {
    title: '政府信息公开申请答复书',
    to: 'applicant',
    paragraphs: ['本机关于{receivedDate}收到{you}提交的政府信息公开申请（申请编号：{receiptNo}）。经审查，现答复如下：'],
    remedies: true,
  },
} as const satisfies Record<string, LetterSpec>;

export type LetterKind = keyof typeof letterKinds;

export function isLetterKind(value: string): value is LetterKind {
  return Object.hasOwn(letterKinds, value);
}

interface ReplySpec {
  /** What staff pick from: the reply's name. */
  label: string;
  outcome: OutcomeCode;
  paragraph: string;
  /** Placeholders staff must fill for this reply (the reasons the 条例 requires to be given). */
  needs: readonly LetterPlaceholder[];
  /**
   * Facts staff may give: each placeholder becomes its clause when given (the clause uses the
   * placeholder itself) and nothing when not, so nothing dangles after the closing words.
   */
  optional?: Partial<Record<LetterPlaceholder, string>>;
}

/**
 * The replies to one requested item (条例 第三十六条至第三十九条). Every outcome code a reply
 * can set has at least one; （六）1 and （六）2 close a case by the lapse notices above.
 */
export const replyKinds = {
  grantProvide: {
    label: '予以公开（提供信息）',
    outcome: 'granted',
    paragraph: '{you}申请获取的政府信息属于公开范围。根据《中华人民共和国政府信息公开条例》第三十六条第（二）项的规定，本机关予以公开，{provision}',
    needs: ['provision'],
  },
  grantAlreadyPublic: {
    label: '予以公开（已主动公开，告知获取途径）',
    outcome: 'granted',
    paragraph:
      '{you}申请获取的政府信息已经主动公开。根据《中华人民共和国政府信息公开条例》第三十六条第（一）项的规定，{you}可以通过以下途径获取：{publishedAs}',
    needs: ['publishedAs'],
  },
  partial: {
    label: '部分公开（区分处理）',
    outcome: 'partiallyGranted',
    paragraph:
      '{you}申请获取的政府信息中含有不应当公开的内容，但是能够作区分处理。根据《中华人民共和国政府信息公开条例》第三十七条的规定，本机关对可以公开的部分予以公开，{provision}对不予公开的部分，理由如下：{reason}',
    needs: ['provision', 'reason'],
  },
  'withheld.stateSecret': {
    label: '不予公开（属于国家秘密）',
    outcome: 'withheld.stateSecret',
    paragraph: '{you}申请获取的政府信息属于国家秘密：{reason}根据《中华人民共和国政府信息公开条例》第十四条的规定，本机关不予公开。',
    needs: ['reason'],
  },
  'withheld.prohibitedByLaw': {
    label: '不予公开（法律、行政法规禁止公开）',
    outcome: 'withheld.prohibitedByLaw',
    paragraph: '{you}申请获取的政府信息属于法律、行政法规禁止公开的政府信息：{reason}根据《中华人民共和国政府信息公开条例》第十四条的规定，本机关不予公开。',
    needs: ['reason'],
  },
  'withheld.threeSecurityOneStability': {
    label: '不予公开（危及“三安全一稳定”）',
    outcome: 'withheld.threeSecurityOneStability',
    paragraph:
      '{you}申请获取的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定：{reason}根据《中华人民共和国政府信息公开条例》第十四条的规定，本机关不予公开。',
    needs: ['reason'],
  },
  'withheld.thirdPartyRights': {
    label: '不予公开（保护第三方合法权益）',
    outcome: 'withheld.thirdPartyRights',
    paragraph:
      '{you}申请获取的政府信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害：{reason}根据《中华人民共和国政府信息公开条例》第十五条、第三十二条的规定，本机关不予公开。',
    needs: ['reason'],
  },
  'withheld.internalAffairs': {
    label: '不予公开（内部事务信息）',
    outcome: 'withheld.internalAffairs',
    paragraph:
      '{you}申请获取的政府信息属于人事管理、后勤管理、内部工作流程等方面的内部事务信息：{reason}根据《中华人民共和国政府信息公开条例》第十六条第一款的规定，本机关不予公开。',
    needs: ['reason'],
  },
  'withheld.processInformation': {
    label: '不予公开（过程性信息）',
    outcome: 'withheld.processInformation',
    paragraph:
      '{you}申请获取的政府信息属于本机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息：{reason}根据《中华人民共和国政府信息公开条例》第十六条第二款的规定，本机关不予公开。',
    needs: ['reason'],
  },
  'withheld.enforcementCaseFile': {
    label: '不予公开（行政执法案卷信息）',
    outcome: 'withheld.enforcementCaseFile',
    paragraph: '{you}申请获取的政府信息属于行政执法案卷信息：{reason}根据《中华人民共和国政府信息公开条例》第十六条第二款的规定，本机关不予公开。',
    needs: ['reason'],
  },
  'withheld.administrativeQuery': {
    label: '不予公开（属于行政查询事项）',
    outcome: 'withheld.administrativeQuery',
    paragraph:
      '{you}申请获取的信息属于工商、不动产登记资料等信息，有关法律、行政法规对信息的获取有特别规定：{reason}根据《中华人民共和国政府信息公开条例》第三十六条第（七）项的规定，请{you}依照有关法律、行政法规的规定办理。',
    needs: ['reason'],
  },
  'unableToProvide.doesNotExist': {
    label: '无法提供（经检索没有所需信息）',
    outcome: 'unableToProvide.notHeld',
    paragraph:
      '本机关对{you}申请获取的政府信息进行了检索查找：{searchDescription}经检索，本机关没有{you}所需的政府信息，该政府信息不存在。根据《中华人民共和国政府信息公开条例》第三十六条第（四）项的规定，特此告知。',
    needs: ['searchDescription'],
  },
  'unableToProvide.notResponsible': {
    label: '无法提供（不属于本机关负责公开）',
    outcome: 'unableToProvide.notHeld',
    paragraph:
      '{you}申请获取的政府信息不属于本机关负责公开的范围，理由如下：{reason}{competentAgency}根据《中华人民共和国政府信息公开条例》第三十六条第（五）项的规定，特此告知。',
    needs: ['reason'],
    optional: { competentAgency: '负责公开该政府信息的行政机关为{competentAgency}，{you}可以向该机关提出申请。' },
  },
  'unableToProvide.needsCreation': {
    label: '无法提供（需另行制作）',
    outcome: 'unableToProvide.needsCreation',
    paragraph:
      '{you}申请获取的信息需要本机关对现有政府信息进行加工、分析才能形成，本机关没有现成的信息。根据《中华人民共和国政府信息公开条例》第三十八条的规定，本机关无法提供。',
    needs: [],
  },
  'unableToProvide.unclearAfterCorrection': {
    label: '无法提供（补正后申请内容仍不明确）',
    outcome: 'unableToProvide.unclearAfterCorrection',
    paragraph:
      '本机关已于{correctionNoticeDate}告知{you}补正申请内容，补正后的申请内容仍不明确，本机关无法确定{you}所需的政府信息。根据《中华人民共和国政府信息公开条例》第三十条的规定，本机关无法提供。',
    needs: ['correctionNoticeDate'],
  },
  'notProcessed.petitionOrComplaint': {
    label: '不予处理（信访、投诉、举报）',
    outcome: 'notProcessed.petitionOrComplaint',
    paragraph:
      '{you}以政府信息公开申请的形式进行信访、投诉、举报等活动。根据《中华人民共和国政府信息公开条例》第三十九条第一款的规定，本机关不作为政府信息公开申请处理。{reason}',
    needs: ['reason'],
  },
  'notProcessed.repeated': {
    label: '不予处理（重复申请）',
    outcome: 'notProcessed.repeated',
    paragraph:
      '{you}此前已就相同政府信息提出申请（申请编号：{previousReceiptNo}），本机关已于{previousReplyDate}作出答复。根据《中华人民共和国政府信息公开条例》第三十六条第（六）项的规定，本机关不予重复处理。',
    needs: ['previousReceiptNo', 'previousReplyDate'],
  },
  'notProcessed.publication': {
    label: '不予处理（要求提供公开出版物）',
    outcome: 'notProcessed.publication',
    paragraph: '{you}要求提供政府公报、报刊、书籍等公开出版物。根据《中华人民共和国政府信息公开条例》第三十九条第二款的规定，请{you}通过以下途径获取：{reason}',
    needs: ['reason'],
  },
  'notProcessed.excessive': {
    label: '不予处理（无正当理由大量反复申请）',
    outcome: 'notProcessed.excessive',
    paragraph:
      '{you}申请公开政府信息的数量、频次明显超过合理范围，本机关要求{you}说明理由后，认为申请理由不合理：{reason}根据《中华人民共和国政府信息公开条例》第三十五条的规定，本机关不予处理。',
    needs: ['reason'],
  },
  'notProcessed.confirmationOrReissue': {
    label: '不予处理（要求确认或重新出具已获取信息）',
    outcome: 'notProcessed.confirmationOrReissue',
    paragraph: '{you}要求本机关确认或者重新出具{you}已获取的信息，不属于《中华人民共和国政府信息公开条例》规定的政府信息公开申请，本机关不予处理。{reason}',
    needs: ['reason'],
  },
  'otherDisposal.other': {
    label: '其他处理',
    outcome: 'otherDisposal.other',
    paragraph: '{reason}',
    needs: ['reason'],
  },
} as const satisfies Record<string, ReplySpec>;

export type ReplyKind = keyof typeof replyKinds;

export function isReplyKind(value: string): value is ReplyKind {
  return Object.hasOwn(replyKinds, value);
}

/** How the 答复书 opens each answer: {item} is the item as the applicant described it, {n} its numeral. */
export const replyAnswerOpenings = { single: '{you}申请获取“{item}”。', numbered: '（{n}）关于“{item}”：' } as const;

/** A reply kind as the letter builder reads it (the optional clauses included). */
export const replySpec = (kind: ReplyKind): ReplySpec => replyKinds[kind];

/**
 * Kinds no longer offered, kept so that replies stored with them still read by name:
 * 第三十六条第（四）项 and 第（五）项 shared one template until December 2026.
 */
export const retiredReplyKinds: Readonly<Record<string, { label: string }>> = {
  'unableToProvide.notHeld': { label: '无法提供（本机关不掌握）' },
};

export function replyKindLabel(kind: string): string {
  return isReplyKind(kind) ? replyKinds[kind].label : (retiredReplyKinds[kind]?.label ?? kind);
}

/** {you}: how a letter addresses the applicant, by the group of its applicant type (applicant-types.ts). */
export const addressForms = { 自然人: '您', 法人或其他组织: '贵单位' } as const;

/**
 * Facts staff type as sentences of their own: the letter builder ends each with 。 where
 * text follows it, and drops its final punctuation where the template's follows.
 */
export const sentencePlaceholders: readonly LetterPlaceholder[] = [
  'reason',
  'provision',
  'publishedAs',
  'correctionItems',
  'searchDescription',
  'feeStandard',
  'feeWorking',
  'paymentMethod',
  'publicInterestReason',
  'disclosedContent',
];

/** 文号 of an outgoing letter: one sequence per agency and year, for every kind. */
export const letterNumberPattern = '{short}依申公开〔{year}〕{serial}号';
