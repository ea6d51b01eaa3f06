import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  buildLetter,
  buildReply,
  fillTemplate,
  missingReplyFacts,
  remediesTemplate,
  tidyPunctuation,
  type LetterValues,
} from '../../../src/domain/requests/letters.ts';
import { letterKinds, letterPlaceholders, replyKindLabel, replyKinds, type LetterKind, type ReplyKind } from '../../../src/law/letters.ts';
import { outcomeCodeKeys, outcomeCodes } from '../../../src/law/outcome-codes.ts';
import { remedyRegimes } from '../../../src/law/remedies.ts';

const all: LetterValues = Object.fromEntries(letterPlaceholders.map((p) => [p, `〈${p}〉`]));
const frame = { number: '插旗依申公开〔2024〕3号', addressee: '张三', agencyName: '华容县插旗镇人民政府', date: '2024-03-07' };
const kinds = Object.keys(replyKinds) as ReplyKind[];
const notices = (Object.keys(letterKinds) as LetterKind[]).filter((k): k is Exclude<LetterKind, 'reply'> => k !== 'reply');
/** The facts of a case (what caseValues fills), without any item's own. */
const caseFacts: LetterValues = { you: '您', receivedDate: '2024年3月1日', receiptNo: 'YSQ-2024-0003', reconsiderationBody: '华容县人民政府' };

const withheldOrPartial = kinds.filter((k) => ['withheld', 'partiallyGranted'].includes(outcomeCodes[replyKinds[k].outcome].group));
const otherKinds = kinds.filter((k) => !withheldOrPartial.includes(k));
const reply = (kind: ReplyKind, date: string, values: LetterValues = all) => {
  const r = buildReply([{ description: '某文件', kind, values }], values, { ...frame, date });
  assert.ok('letter' in r, `${kind}: ${'error' in r ? r.error.message : ''}`);
  return r.letter;
};
const lawsuitDirect = '六个月内依法向人民法院提起行政诉讼';

test('every template uses only declared placeholders', () => {
  const used = [
    ...Object.values(letterKinds).flatMap((k) => k.paragraphs),
    ...remedyRegimes.flatMap((r) => [...Object.values(r.letter.routes), ...r.guide.flatMap((g) => [g.lead, ...g.routes])]),
    ...Object.values(replyKinds).flatMap((r) => [r.paragraph, ...Object.values(('optional' in r ? r.optional : {}) as Record<string, string>)]),
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

test('every notice builds from complete facts and names what is missing otherwise; notices with remedies keep both routes', () => {
  for (const date of ['2023-12-29', '2024-01-02']) {
    for (const kind of notices) {
      const r = buildLetter(kind, all, { ...frame, date });
      assert.ok('letter' in r, kind);
      assert.ok(
        r.letter.paragraphs.every((p) => !/\{[A-Za-z]+\}/.test(p)),
        kind,
      );
      const last = r.letter.paragraphs.at(-1)!;
      assert.equal(
        last ===
          '如对本答复不服，可以自收到本答复之日起六十日内向〈reconsiderationBody〉申请行政复议，或者自收到本答复之日起六个月内依法向人民法院提起行政诉讼。',
        letterKinds[kind].remedies,
        `${kind} ${date}`,
      );
    }
  }
  const { receiptNo: _, ...lacking } = all;
  const r = buildLetter('correctionNotice', lacking, frame);
  assert.ok('error' in r && r.error.message.includes('receiptNo'));
});

test('the 补正告知书 reads as the 条例 requires (golden text), its period counted from receipt', () => {
  const facts = {
    you: '您',
    receivedDate: '2024年3月1日',
    receiptNo: 'YSQ-2024-0003',
    subject: '插旗镇危房改造资料',
    correctionItems: '请写明所需文件的名称或文号、形成时间。',
  };
  const r = buildLetter('correctionNotice', { ...facts, correctionTerm: '10个工作日内（2024年3月19日前，含当日）' }, frame);
  assert.ok('letter' in r);
  assert.deepEqual(r.letter.paragraphs, [
    '本机关于2024年3月1日收到您提交的政府信息公开申请（申请编号：YSQ-2024-0003），申请获取“插旗镇危房改造资料”。',
    '经审查，您的申请内容不明确。根据《中华人民共和国政府信息公开条例》第三十条的规定，现一次性告知您需要补正的事项：请写明所需文件的名称或文号、形成时间。',
    '请您自收到本告知书之日起10个工作日内（2024年3月19日前，含当日）补正。答复期限自本机关收到补正后的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。',
  ]);
  // Posted: the day it will be received is not known when it is sent, so no date is promised.
  const posted = buildLetter('correctionNotice', { ...facts, correctionTerm: '10个工作日内' }, frame);
  assert.ok('letter' in posted && posted.letter.paragraphs[2]!.startsWith('请您自收到本告知书之日起10个工作日内补正。'));
});

test('the 决定公开告知书 tells the third party what will be disclosed and why (条例 第三十二条)', () => {
  const r = buildLetter(
    'disclosureDecisionNotice',
    {
      subject: '道路硬化工程验收资料',
      consultationDate: '2024年5月10日',
      publicInterestReason: '该工程使用财政资金，验收结论关系公共安全',
      disclosedContent: '工程验收报告（隐去工艺参数）',
    },
    { ...frame, addressee: '湖南某某路桥建设有限公司' },
  );
  assert.ok('letter' in r);
  assert.equal(r.letter.title, '政府信息公开决定公开告知书');
  assert.equal(letterKinds.disclosureDecisionNotice.to, 'thirdParty');
  const text = r.letter.paragraphs.join('');
  for (const part of [
    '2024年5月10日书面征求贵方意见',
    '不公开可能对公共利益造成重大影响：该工程使用财政资金，验收结论关系公共安全。',
    '第三十二条',
    '决定公开的政府信息内容：工程验收报告（隐去工艺参数）。',
    '书面告知贵方',
  ]) {
    assert.ok(text.includes(part), part);
  }
});

test('the receipt gives the reply date as the last day allowed (前，含当日)', () => {
  const r = buildLetter('receipt', { ...all, replyDue: '2024年3月29日' }, frame);
  assert.ok('letter' in r);
  assert.ok(r.letter.paragraphs[1]!.includes('20个工作日内（2024年3月29日前，含当日）予以答复'), r.letter.paragraphs[1]);
});

test('a reply answers each item with its own paragraph and ends with the remedies', () => {
  for (const kind of kinds) reply(kind, frame.date);
  const r = buildReply(
    [
      { description: '2023年危房改造补助名单', kind: 'grantProvide', values: { provision: '现通过电子邮件发送给您。' } },
      { description: '镇党委会议记录', kind: 'withheld.processInformation', values: { reason: '会议记录为讨论过程中形成的记录。' } },
    ],
    { you: '您', receivedDate: '2024年3月1日', receiptNo: 'YSQ-2024-0003', reconsiderationBody: '华容县人民政府' },
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

test('C.1: from 2024-01-01 every （三） reply and 部分公开 send the applicant to 行政复议 first; the others keep both routes', () => {
  assert.equal(withheldOrPartial.length, 9, '（三）1–8 and 部分公开');
  for (const kind of withheldOrPartial) {
    const remedies = reply(kind, '2024-01-02').paragraphs.at(-1)!;
    assert.ok(remedies.includes('对行政复议决定不服的'), kind);
    assert.ok(remedies.includes('应当先向〈reconsiderationBody〉申请行政复议'), kind);
    assert.ok(remedies.includes('第二十三条'), kind);
    assert.ok(!remedies.includes(lawsuitDirect), kind);
  }
  for (const kind of otherKinds) {
    const remedies = reply(kind, '2024-01-02').paragraphs.at(-1)!;
    assert.equal(
      remedies,
      '如对本答复不服，可以自收到本答复之日起六十日内向〈reconsiderationBody〉申请行政复议，或者自收到本答复之日起六个月内依法向人民法院提起行政诉讼。',
      kind,
    );
  }
});

test('a letter dated before 2024 renders as it was; the same facts a few days later carry the new remedies', () => {
  const old = '如对本答复不服，可以自收到本答复之日起六十日内向〈reconsiderationBody〉申请行政复议，或者自收到本答复之日起六个月内依法向人民法院提起行政诉讼。';
  for (const kind of kinds) assert.equal(reply(kind, '2023-12-29').paragraphs.at(-1), old, kind);
  for (const kind of withheldOrPartial) {
    assert.equal(reply(kind, '2023-12-31').paragraphs.at(-1), old, kind);
    const before = reply(kind, '2023-12-29');
    const after = reply(kind, '2024-01-02');
    assert.deepEqual(after.paragraphs.slice(0, -1), before.paragraphs.slice(0, -1), 'only the remedies differ');
    assert.equal(
      after.paragraphs.at(-1),
      '如对本答复不服，根据《中华人民共和国行政复议法》第二十三条的规定，应当先向〈reconsiderationBody〉申请行政复议，申请期限为自收到本答复之日起六十日内；对行政复议决定不服的，可以自收到行政复议决定书之日起十五日内依法向人民法院提起行政诉讼。',
    );
    assert.notEqual(reply(kind, '2024-01-01').paragraphs.at(-1), old, `${kind} from the first day`);
  }
});

test('a reply with withheld and granted items says which route applies to which items', () => {
  const items = [
    { description: '甲', kind: 'grantProvide' as const, values: { provision: '现予提供。' } },
    { description: '乙', kind: 'withheld.stateSecret' as const, values: { reason: '已定密。' } },
    { description: '丙', kind: 'unableToProvide.doesNotExist' as const, values: { searchDescription: '检索了发文登记簿。' } },
    { description: '丁', kind: 'partial' as const, values: { provision: '现予提供。', reason: '含个人隐私。' } },
  ];
  const after = buildReply(items, caseFacts, { ...frame, date: '2024-05-06' });
  assert.ok('letter' in after);
  assert.equal(
    after.letter.paragraphs.at(-1),
    '对本答复第（二）项、第（四）项不服的，根据《中华人民共和国行政复议法》第二十三条的规定，应当先向华容县人民政府申请行政复议，申请期限为自收到本答复之日起六十日内；对行政复议决定不服的，可以自收到行政复议决定书之日起十五日内依法向人民法院提起行政诉讼。' +
      '对本答复第（一）项、第（三）项不服的，可以自收到本答复之日起六十日内向华容县人民政府申请行政复议，或者自收到本答复之日起六个月内依法向人民法院提起行政诉讼。',
  );
  const before = buildReply(items, caseFacts, { ...frame, date: '2023-05-06' });
  assert.ok('letter' in before);
  assert.equal(
    before.letter.paragraphs.at(-1),
    '如对本答复不服，可以自收到本答复之日起六十日内向华容县人民政府申请行政复议，或者自收到本答复之日起六个月内依法向人民法院提起行政诉讼。',
  );
  assert.equal(remediesTemplate('2024-05-06', ['either', 'either']), remediesTemplate('2024-05-06', ['either']));
});

test('every fact a reply kind uses beyond the case is a named field with its own error; every 不予公开 needs its reason', () => {
  for (const kind of kinds) {
    const r = buildReply([{ description: '某文件', kind, values: {} }], caseFacts, frame);
    const needs = replyKinds[kind].needs as readonly string[];
    if (needs.length === 0) {
      assert.ok('letter' in r, kind);
      continue;
    }
    assert.ok('error' in r, kind);
    assert.equal(r.error.code, 'GK_REPLY_FACT', `${kind}: ${r.error.message}`);
    assert.equal(r.error.field, `items[0].${needs[0]}`, kind);
  }
  for (const kind of withheldOrPartial) assert.ok((replyKinds[kind].needs as readonly string[]).includes('reason'), kind);
  for (const kind of [
    'withheld.stateSecret',
    'withheld.internalAffairs',
    'withheld.processInformation',
    'withheld.enforcementCaseFile',
    'notProcessed.confirmationOrReissue',
  ] as const) {
    const errors = missingReplyFacts([{ description: '会议记录', kind, values: { reason: '  ' } }]);
    assert.deepEqual(
      errors.map((e) => [e.field, e.code]),
      [['items[0].reason', 'GK_REPLY_FACT']],
      kind,
    );
    assert.ok(errors[0]!.message.startsWith('第1项“会议记录”：理由或说明不能为空'), errors[0]!.message);
  }
});

test('第三十六条（四） and （五） are two replies, both counted as （四）1: a search described, or a reason and the competent body', () => {
  const exists = replyKinds['unableToProvide.doesNotExist'];
  const responsible = replyKinds['unableToProvide.notResponsible'];
  assert.equal(exists.outcome, 'unableToProvide.notHeld');
  assert.equal(responsible.outcome, 'unableToProvide.notHeld');
  assert.deepEqual(exists.needs, ['searchDescription']);
  assert.deepEqual(responsible.needs, ['reason']);
  assert.equal(replyKindLabel('unableToProvide.notHeld'), '无法提供（本机关不掌握）', 'replies stored under the merged kind still read by name');

  const search = buildReply(
    [
      {
        description: '某文件',
        kind: 'unableToProvide.doesNotExist',
        values: { searchDescription: '以文件名称为关键词检索了本机关2019年以来的发文登记簿和档案目录' },
      },
    ],
    caseFacts,
    frame,
  );
  assert.ok('letter' in search);
  assert.equal(
    search.letter.paragraphs[1],
    '您申请获取“某文件”。本机关对您申请获取的政府信息进行了检索查找：以文件名称为关键词检索了本机关2019年以来的发文登记簿和档案目录。经检索，本机关没有您所需的政府信息，该政府信息不存在。根据《中华人民共和国政府信息公开条例》第三十六条第（四）项的规定，特此告知。',
  );

  const named = buildReply(
    [
      {
        description: '某文件',
        kind: 'unableToProvide.notResponsible',
        values: { reason: '该信息由县住房和城乡建设局制作和保存。', competentAgency: '华容县住房和城乡建设局（联系电话：0730-4223311）' },
      },
    ],
    { ...caseFacts, you: '贵单位' },
    frame,
  );
  assert.ok('letter' in named);
  assert.equal(
    named.letter.paragraphs[1],
    '贵单位申请获取“某文件”。贵单位申请获取的政府信息不属于本机关负责公开的范围，理由如下：该信息由县住房和城乡建设局制作和保存。负责公开该政府信息的行政机关为华容县住房和城乡建设局（联系电话：0730-4223311），贵单位可以向该机关提出申请。根据《中华人民共和国政府信息公开条例》第三十六条第（五）项的规定，特此告知。',
  );
  const unnamed = buildReply(
    [{ description: '某文件', kind: 'unableToProvide.notResponsible', values: { reason: '该信息不由本机关制作或者保存' } }],
    caseFacts,
    frame,
  );
  assert.ok('letter' in unnamed);
  assert.ok(
    unnamed.letter.paragraphs[1]!.endsWith(
      '理由如下：该信息不由本机关制作或者保存。根据《中华人民共和国政府信息公开条例》第三十六条第（五）项的规定，特此告知。',
    ),
    unnamed.letter.paragraphs[1],
  );
});

test('nothing follows the closing words of an answer', () => {
  for (const kind of kinds) {
    for (const p of reply(kind, frame.date).paragraphs.slice(1, -1)) {
      const at = p.indexOf('特此告知。');
      if (at >= 0) assert.equal(p.slice(at), '特此告知。', kind);
    }
  }
});

test('您 to a person, 贵单位 to an organisation, in every letter to the applicant', () => {
  const toApplicant = notices.filter((k) => letterKinds[k].to === 'applicant');
  for (const [you, other] of [
    ['您', '贵单位'],
    ['贵单位', '您'],
  ] as const) {
    const values = { ...all, you };
    const texts = [
      ...toApplicant.map((k) => {
        const r = buildLetter(k, values, frame);
        assert.ok('letter' in r, k);
        return r.letter.paragraphs.join('');
      }),
      ...kinds.map((k) => reply(k, frame.date, values).paragraphs.join('')),
    ];
    for (const t of texts) {
      assert.ok(t.includes(you));
      assert.ok(!t.includes(other), t);
      assert.ok(!t.includes('（单位）'), t);
    }
  }
  // An item's facts cannot change the case's own (a form posting items[0].you).
  const r = buildReply(
    [{ description: '某文件', kind: 'grantProvide', values: { provision: '现予提供。', you: '某某', reconsiderationBody: '某某' } }],
    caseFacts,
    frame,
  );
  assert.ok('letter' in r && !r.letter.paragraphs.join('').includes('某某'));
  // Letters to a third party or another agency address it as before.
  const consult = buildLetter('thirdPartyConsultation', all, frame);
  assert.ok('letter' in consult && consult.letter.paragraphs.join('').includes('贵方'));
});

const stray = ['。”', '。；', '。。', '；。', '，。', '。，', '；；'];

test('reasons and provisions typed with or without a final 。 join without stray punctuation', () => {
  for (const ending of ['', '。', '；']) {
    const typed: LetterValues = {
      ...all,
      subject: `插旗镇危房改造资料${ending}`,
      ...Object.fromEntries(
        (
          [
            'reason',
            'provision',
            'publishedAs',
            'correctionItems',
            'searchDescription',
            'competentAgency',
            'extensionReason',
            'feeStandard',
            'feeWorking',
            'paymentMethod',
          ] as const
        ).map((p) => [p, `〈${p}〉${ending}`]),
      ),
    };
    const texts = [
      ...notices.map((k) => {
        const r = buildLetter(k, typed, frame);
        assert.ok('letter' in r, k);
        return r.letter.paragraphs;
      }),
      ...kinds.map((k) => {
        const r = buildReply([{ description: `某文件${ending}`, kind: k, values: typed }], typed, frame);
        assert.ok('letter' in r, k);
        return r.letter.paragraphs;
      }),
    ].flat();
    for (const t of texts) {
      for (const s of stray) assert.ok(!t.includes(s), `“${s}” in ${t}`);
      assert.match(t, /[。：]$/, t);
    }
  }
  // A sentence typed without its 。 is ended where the template goes on.
  const r = buildReply([{ description: '某文件', kind: 'withheld.stateSecret', values: { reason: '该信息已依法定为秘密级国家秘密' } }], caseFacts, frame);
  assert.ok('letter' in r);
  assert.ok(r.letter.paragraphs[1]!.includes('属于国家秘密：该信息已依法定为秘密级国家秘密。根据'), r.letter.paragraphs[1]);
  assert.equal(tidyPunctuation('申请获取“甲；乙。”。'), '申请获取“甲；乙”。');
  const filled = fillTemplate('申请获取“{subject}”。', { subject: '甲。；乙。' });
  assert.deepEqual(filled, { text: '申请获取“甲；乙”。' });
});
