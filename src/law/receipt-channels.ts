/**
 * Channels an application arrives by, and which day counts as 收到申请之日 for each
 * (条例 第三十一条; spec §2.3).
 */
export const receiptChannels = {
  inPerson: { label: '当面提交', receiptDay: '提交之日' },
  registeredPost: { label: '邮寄（需签收）', receiptDay: '行政机关签收之日' },
  ordinaryPost: { label: '邮寄（平常信函）', receiptDay: '与申请人确认之日' },
  online: { label: '网上申请', receiptDay: '双方确认之日' },
  email: { label: '电子邮件', receiptDay: '双方确认之日' },
  fax: { label: '传真', receiptDay: '双方确认之日' },
} as const;

export type ReceiptChannel = keyof typeof receiptChannels;
export const receiptChannelKeys = Object.keys(receiptChannels) as ReceiptChannel[];
