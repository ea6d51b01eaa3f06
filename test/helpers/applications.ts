/** A disclosure application as its form sends it: a person asking for two lists, received by e-mail. */
import { validId } from './files.ts';

export const personApplication = (over: Record<string, string> = {}): Record<string, string> => ({
  applicantType: 'naturalPerson',
  name: '李四',
  idDocument: 'residentIdCard',
  idNumber: validId,
  phone: '13973012345',
  email: 'lisi@example.com',
  address: '湖南省华容县插旗镇插旗村',
  postcode: '414200',
  items: '2024年插旗镇城乡低保对象名单\n\n2024年插旗镇临时救助资金发放情况',
  purpose: '了解本村低保情况',
  form: 'electronic',
  delivery: 'email',
  ...over,
});
