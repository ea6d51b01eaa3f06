/**
 * How a letter reaches its addressee (送达), and which day counts as the day it was received.
 * Periods the law counts from receipt start from that day: the third party's opinion
 * (条例 第三十二条: 自收到征求意见书之日起15个工作日), another agency's (第三十四条), the fee
 * (国办函〔2020〕109号: 自收到收费通知的次日起20个工作日) and the applicant's 补正期限
 * (条例 第三十条). Until the day is known the period is 待送达 and cannot lapse.
 */
import type { DeliveryWay } from './application-form.ts';
import type { ReceiptChannel } from './receipt-channels.ts';

export const deliveryMethods = {
  online: { label: '网上送达（申请查询页面）', receivedDay: '送达之日' },
  email: { label: '电子邮件', receivedDay: '送达之日' },
  inPerson: { label: '当面送达', receivedDay: '交付之日' },
  fax: { label: '传真', receivedDay: '送达之日' },
  post: { label: '邮寄', receivedDay: '签收回执上的日期（收到回执后登记）' },
} as const satisfies Record<string, { label: string; receivedDay: string }>;

export type DeliveryMethod = keyof typeof deliveryMethods;
export const deliveryMethodKeys = Object.keys(deliveryMethods) as DeliveryMethod[];

export function isDeliveryMethod(value: string): value is DeliveryMethod {
  return Object.hasOwn(deliveryMethods, value);
}

/** Post is received the day on the signed receipt, which comes back later: staff enter it then. */
export const receivedLater: readonly DeliveryMethod[] = ['post'];

/** What a period counted from receipt shows until the day of receipt is recorded. */
export const awaitingDeliveryLabel = '待送达';

/** The way the applicant asked to get information (申请表) as the default way to send letters. */
export const deliveryByWay: Record<DeliveryWay, DeliveryMethod> = { post: 'post', email: 'email', pickUp: 'inPerson', online: 'online' };

/** The 登记回执 goes back the way the application came. */
export const receiptDeliveryByChannel: Record<ReceiptChannel, DeliveryMethod> = {
  inPerson: 'inPerson',
  registeredPost: 'post',
  ordinaryPost: 'post',
  online: 'online',
  email: 'email',
  fax: 'fax',
};
