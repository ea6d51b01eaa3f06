/** Screening plain text: each kind found, check characters honoured, look-alikes left alone. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { screenText, type Hit } from '../../../src/domain/screening/index.ts';
import { invalid, valid } from './values.ts';

const kinds = (hits: Hit[]) => hits.map((h) => `${h.kind}:${h.value}`);
const found = (text: string, options?: { businessCodes?: boolean }) => kinds(screenText(text, options));

describe('each kind in plain text', () => {
  test('居民身份证号码 with a valid check character, X in either case', () => {
    assert.deepEqual(found(`申请人张三，身份证号${valid.idNumber}，住址略。`), [`idNumber:${valid.idNumber}`]);
    assert.deepEqual(found(`身份证：${valid.idNumber2}`), [`idNumber:${valid.idNumber2}`]);
    assert.deepEqual(found('身份证 11010519491231002x'), ['idNumber:11010519491231002x']);
  });

  test('an 18-digit number with a wrong check character or an impossible birth date is not flagged', () => {
    assert.deepEqual(found(`身份证号${invalid.idNumber}`), []);
    assert.deepEqual(found(`身份证号${invalid.idImpossibleDate}`), []);
  });

  test('手机号码, also written with spaces, hyphens, full-width digits or +86', () => {
    assert.deepEqual(found(`联系电话${valid.mobile}。`), [`mobile:${valid.mobile}`]);
    assert.deepEqual(found('电话：138-1234-5678，或 139 8765 4321'), ['mobile:138-1234-5678', 'mobile:139 8765 4321']);
    assert.deepEqual(found('手机１３８１２３４５６７８'), ['mobile:１３８１２３４５６７８']);
    assert.deepEqual(found('Tel: +86 13812345678'), ['mobile:+86 13812345678']);
    assert.deepEqual(found('13812345678，13912345678,13712345678'), ['mobile:13812345678', 'mobile:13912345678', 'mobile:13712345678']);
  });

  test('固定电话号码 with its area code, with a hyphen or in brackets', () => {
    assert.deepEqual(found(`咨询电话：${valid.landline}`), [`landline:${valid.landline}`]);
    assert.deepEqual(found('电话（0730）8123456；010-61234567'), ['landline:（0730）8123456', 'landline:010-61234567']);
    assert.deepEqual(found('分机 0730-8123456-801'), ['landline:0730-8123456']);
  });

  test('银行卡号 passing Luhn, whole or in groups of four; failing Luhn not flagged', () => {
    assert.deepEqual(found(`开户行账号${valid.bankCard}`), [`bankCard:${valid.bankCard}`]);
    assert.deepEqual(found('卡号 4111 1111 1111 1111 已冻结'), ['bankCard:4111 1111 1111 1111']);
    assert.deepEqual(found('卡号 6222 0212 3456 7890 128'), ['bankCard:6222 0212 3456 7890 128']);
    assert.deepEqual(found(`卡号${invalid.bankCard16}`), []);
  });

  test('an ID number that also passes Luhn is an ID number, not a card', () => {
    const both = '110105194912310029'; // not a valid ID (check X): stays unflagged as a card too
    assert.deepEqual(found(both), []);
    const hits = screenText(`号码${valid.idNumber2}`);
    assert.deepEqual(kinds(hits), [`idNumber:${valid.idNumber2}`]);
  });

  test('个体工商户统一社会信用代码 only when asked, only 92…, only with a valid check character', () => {
    const text = `经营者：某某小吃店，统一社会信用代码${valid.businessCode}。`;
    assert.deepEqual(found(text), []);
    assert.deepEqual(found(text, { businessCodes: true }), [`businessCode:${valid.businessCode}`]);
    assert.deepEqual(found(`代码${invalid.businessCode}`, { businessCodes: true }), []);
    assert.deepEqual(found(`公司代码${invalid.companyCode}`, { businessCodes: true }), []);
  });

  test('电子邮箱', () => {
    assert.deepEqual(found(`请发送至${valid.email}。`), [`email:${valid.email}`]);
    assert.deepEqual(found('邮箱：li_si+gk@mail.county.gov.cn，谢谢'), ['email:li_si+gk@mail.county.gov.cn']);
  });

  test('secrecy markings: 绝密, 机密, 秘密★ with its period, 内部资料, 不得公开, 涉密', () => {
    assert.deepEqual(found('绝密★长期'), ['secrecyMarking:绝密★长期']);
    assert.deepEqual(found('机密 本文件'), ['secrecyMarking:机密']);
    assert.deepEqual(found('秘密★1年\n关于……的通知'), ['secrecyMarking:秘密★1年']);
    assert.deepEqual(found('内部资料 注意保存'), ['secrecyMarking:内部资料']);
    assert.deepEqual(found('此件不得公开'), ['secrecyMarking:不得公开']);
    assert.deepEqual(found('涉密人员名单'), ['secrecyMarking:涉密']);
  });

  test('ordinary words that contain a marking are not flagged', () => {
    assert.deepEqual(found('不得泄露商业秘密或商业机密，保障数据机密性'), []);
    assert.deepEqual(found('本文件不涉及国家秘密；是否涉密：否；非涉密载体'), []);
    assert.deepEqual(found('内部资料性出版物准印证'), []);
  });
});

describe('look-alikes are not flagged', () => {
  test('numbers inside longer digit runs', () => {
    assert.deepEqual(found(`流水号9${valid.idNumber2}0`), []);
    assert.deepEqual(found(`编号0${valid.mobile}`), []);
    assert.deepEqual(found(`${valid.mobile}9`), []);
    assert.deepEqual(found(`订单${valid.bankCard}5`), []);
  });

  test('dates, times and amounts', () => {
    const text = [
      '2024年3月1日，2024-03-01，20240301，20240301123045。',
      '预算13812345678.00元；合计13,812,345,678元；拨付13812345678元；增长13812345678%。',
      '文号：华政办发〔2024〕13号，索引号：006382564L-01-2024-0013。',
    ].join('\n');
    assert.deepEqual(found(text), []);
  });
});

describe('numbers written to slip past a plain match', () => {
  const id = '43062319850615110X'; // the example, check character X
  test('grouped ID numbers and mobiles, with spaces, hyphens or mixed', () => {
    assert.deepEqual(found(`身份证 ${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`), [`idNumber:${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`]);
    assert.deepEqual(found(`身份证 ${id.slice(0, 6)}-${id.slice(6, 14)}-${id.slice(14)}。`), [`idNumber:${id.slice(0, 6)}-${id.slice(6, 14)}-${id.slice(14)}`]);
    assert.deepEqual(found('手机 138 0013-8000'), ['mobile:138 0013-8000']);
  });

  test('non-breaking, zero-width, full-width and other digit characters inside a number; offsets stay in the original', () => {
    for (const text of [
      `手机𝟏𝟑𝟖𝟎𝟎𝟏𝟑𝟖𝟎𝟎𝟎`,
      `手机①③⑧⓪⓪①③⑧⓪⓪⓪`,
      `号码${id.slice(0, 9)}\u200b${id.slice(9)}`,
      `手机138\u00a00013\u00a08000`,
      `手机138\ufeff0013\u20608000`,
      `号码４３０６２３１９８５０６１５１１０Ｘ`,
    ]) {
      const hits = screenText(text);
      assert.equal(hits.length, 1, text);
      assert.equal(text.slice(hits[0]!.start, hits[0]!.end), hits[0]!.value);
      assert.ok(text.endsWith(hits[0]!.value), text);
    }
  });

  test('+86, 0086, (+86) and 86- before a mobile belong to the hit', () => {
    assert.deepEqual(found('电话+8613800138000'), ['mobile:+8613800138000']);
    assert.deepEqual(found('电话0086 138 0013 8000'), ['mobile:0086 138 0013 8000']);
    assert.deepEqual(found('电话(+86)13800138000'), ['mobile:(+86)13800138000']);
    assert.deepEqual(found('电话86-13800138000'), ['mobile:86-13800138000']);
  });

  test('controls: 文号, dates, amounts and ordinary grouped numbers stay unflagged', () => {
    const text = '华政办发〔2023〕12号；2023年12月31日；金额 1 234 567 元；邮编 414000；第 1 2 3 4 5 6 7 8 9 10 11 12 条；电话区号 0730 转 12';
    assert.deepEqual(found(text), []);
  });
});

describe('hits', () => {
  test('sorted by start, not overlapping, offsets into the original text, context around the value', () => {
    const text = `第一段。\n\n  联系人：王五，手机 ${valid.mobile}，邮箱 ${valid.mobile}@163.com，身份证 ${valid.idNumber}。   绝密`;
    const hits = screenText(text);
    assert.deepEqual(kinds(hits), [`mobile:${valid.mobile}`, `email:${valid.mobile}@163.com`, `idNumber:${valid.idNumber}`, 'secrecyMarking:绝密']);
    for (const h of hits) assert.equal(text.slice(h.start, h.end), h.value);
    for (let i = 1; i < hits.length; i++) assert.ok(hits[i - 1]!.end <= hits[i]!.start);
    // 20 characters either side (the start of the text is nearer), whitespace collapsed, … where cut
    assert.equal(hits[0]!.context, `第一段。 联系人：王五，手机 ${valid.mobile}，邮箱 ${valid.mobile}@163.…`);
    assert.ok(!/\s{2}|\n/.test(hits[3]!.context));
  });

  test('empty text and text without hits', () => {
    assert.deepEqual(screenText(''), []);
    assert.deepEqual(screenText('关于印发《华容县2024年政府信息公开工作要点》的通知'), []);
  });
});
