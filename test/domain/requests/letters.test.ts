import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildLetter, buildReply, fillTemplate, type LetterValues } from '../../../src/domain/requests/letters.ts';
import { letterKinds, letterPlaceholders, remediesParagraph, replyKinds, type LetterKind, type ReplyKind } from '../../../src/law/letters.ts';
import { outcomeCodeKeys } from '../../../src/law/outcome-codes.ts';

const all: LetterValues = Object.fromEntries(letterPlaceholders.map((p) => [p, `〈${p}〉`]));
const frame = { number: '插旗依申公开〔2024〕3号', addressee: '张三', agencyName: '华容县插旗镇人民政府', date: '2024-03-07' };

test('every template uses only declared placeholders', () => {
  const used = [
    ...Object.values(letterKinds).flatMap((k) => k.paragraphs),
    remediesParagraph,
    ...Object.values(replyKinds).map((r) => r.paragraph),
  ].flatMap((t) => [...t.matchAll(/\{([A-Za-z]+)\}/g)].map((m) => m[1]));
  for (const name of used) assert.ok((letterPlaceholders as readonly string[]).includes(name!), name);
});

test('every outcome code of table 三 has a letter that sets it', () => {
  const byReply = new Set<string>(Object.values(replyKinds).map((r) => r.outcome));
  for (const code of outcomeCodeKeys) {
    const byNotice = code === 'otherDisposal.noCorrection' || code === 'otherDisposal.unpaidFee';
    assert.ok(byReply.has(code) || byNotice, code);
  }
});

test('every notice builds from complete facts and names what is missing otherwise', () => {
  for (const kind of Object.keys(letterKinds) as LetterKind[]) {
    if (kind === 'reply') continue;
    const r = buildLetter(kind, all, frame);
    assert.ok('letter' in r, kind);
    assert.ok(r.letter.paragraphs.every((p) => !/\{[A-Za-z]+\}/.test(p)), kind);
    const remedies = fillTemplate(remediesParagraph, all);
    assert.equal('text' in remedies && r.letter.paragraphs.at(-1) === remedies.text, letterKinds[kind].remedies, kind);
  }
  const { receiptNo: _, ...lacking } = all;
  const r = buildLetter('correctionNotice', lacking, frame);
  assert.ok('error' in r && r.error.message.includes('receiptNo'));
});

test('the 补正告知书 reads as the 条例 requires (golden text)', () => {
  const r = buildLetter(
    'correctionNotice',
    { receivedDate: '2024年3月1日', receiptNo: 'YSQ-2024-0003', subject: '插旗镇危房改造资料', correctionItems: '请写明所需文件的名称或文号、形成时间。', correctionDue: '2024年3月19日' },
    frame,
  );
  assert.ok('letter' in r);
  assert.deepEqual(r.letter.paragraphs, [
    '本机关于2024年3月1日收到您（单位）提交的政府信息公开申请（申请编号：YSQ-2024-0003），申请获取“插旗镇危房改造资料”。',
    '经审查，您的申请内容不明确。根据《中华人民共和国政府信息公开条例》第三十条的规定，现一次性告知您需要补正的事项：请写明所需文件的名称或文号、形成时间。',
    '请您于2024年3月19日前补正。答复期限自本机关收到补正后的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。',
  ]);
});

test('a reply answers each item with its own paragraph and ends with the remedies', () => {
  for (const kind of Object.keys(replyKinds) as ReplyKind[]) {
    const r = buildReply([{ description: '某文件', kind, values: all }], all, frame);
    assert.ok('letter' in r, kind);
  }
  const r = buildReply(
    [
      { description: '2023年危房改造补助名单', kind: 'grantProvide', values: { provision: '现通过电子邮件发送给您。' } },
      { description: '镇党委会议记录', kind: 'withheld.processInformation', values: {} },
    ],
    { receivedDate: '2024年3月1日', receiptNo: 'YSQ-2024-0003', reconsiderationBody: '华容县人民政府' },
    frame,
  );
  assert.ok('letter' in r);
  assert.equal(r.letter.paragraphs.length, 4);
  assert.match(r.letter.paragraphs[1]!, /^（一）关于“2023年危房改造补助名单”：.*第三十六条第（二）项/);
  assert.match(r.letter.paragraphs[2]!, /^（二）关于“镇党委会议记录”：.*第十六条第二款/);
  assert.match(r.letter.paragraphs[3]!, /六十日内向华容县人民政府申请行政复议/);
  const lacking = buildReply([{ description: '某文件', kind: 'partial', values: { provision: '见附件' } }], all, frame);
  assert.ok('error' in lacking && lacking.error.field === 'items[0].reason');
});
