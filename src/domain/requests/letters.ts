/**
 * Letters of a case built from the templates in src/law/letters.ts and the case's facts.
 * A letter is frozen when issued (its number, date and text are stored as built), so a
 * later change of template or calendar never rewrites what the applicant received.
 */
import { letterKinds, remediesParagraph, replyKinds, type LetterKind, type LetterPlaceholder, type ReplyKind } from '../../law/letters.ts';
import { chineseDate, type IsoDate } from '../shared/dates.ts';
import { fieldError, type FieldError } from '../shared/result.ts';

export interface LetterContent {
  kind: LetterKind;
  title: string;
  number: string;
  addressee: string;
  paragraphs: readonly string[];
  signature: string;
  date: IsoDate;
}

export type LetterValues = Partial<Record<LetterPlaceholder, string>>;

const placeholder = /\{([A-Za-z]+)\}/g;

/** The template with every placeholder filled, or the placeholders that have no value. */
export function fillTemplate(template: string, values: LetterValues): { text: string } | { missing: string[] } {
  const missing = [...template.matchAll(placeholder)].map((m) => m[1]!).filter((name) => (values as Record<string, string | undefined>)[name] === undefined);
  if (missing.length) return { missing: [...new Set(missing)] };
  return { text: template.replace(placeholder, (_, name: string) => (values as Record<string, string>)[name]!) };
}

interface Frame {
  number: string;
  addressee: string;
  agencyName: string;
  date: IsoDate;
}

const missingError = (missing: readonly string[]): FieldError =>
  fieldError('letter', 'GK_LETTER_FACTS', `文书缺少以下内容，无法生成：${missing.join('、')}`);

function fill(templates: readonly string[], values: LetterValues): { paragraphs: string[] } | { error: FieldError } {
  const paragraphs: string[] = [];
  const missing = new Set<string>();
  for (const t of templates) {
    const r = fillTemplate(t, values);
    if ('missing' in r) r.missing.forEach((m) => missing.add(m));
    else paragraphs.push(r.text);
  }
  return missing.size ? { error: missingError([...missing]) } : { paragraphs };
}

/** A notice (回执, 补正告知书, 延期告知书, 征询函, 收费通知书, 终止处理告知书). */
export function buildLetter(kind: Exclude<LetterKind, 'reply'>, values: LetterValues, frame: Frame): { letter: LetterContent } | { error: FieldError } {
  const spec = letterKinds[kind];
  const body = fill([...spec.paragraphs, ...(spec.remedies ? [remediesParagraph] : [])], values);
  if ('error' in body) return body;
  return { letter: { kind, title: spec.title, number: frame.number, addressee: frame.addressee, paragraphs: body.paragraphs, signature: frame.agencyName, date: frame.date } };
}

export interface ItemReplyInput {
  description: string;
  kind: ReplyKind;
  /** The facts this item's reply needs (理由、提供方式 …). */
  values: LetterValues;
}

const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];

/** What a reply needs that staff have not given, item by item, with the field to fill. */
export function missingReplyFacts(items: readonly ItemReplyInput[]): FieldError[] {
  return items.flatMap((item, i) =>
    replyKinds[item.kind].needs
      .filter((n) => (item.values[n] ?? '').trim() === '')
      .map((n) => fieldError(`items[${i}].${n}`, 'GK_REPLY_FACT', `第${i + 1}项“${item.description.slice(0, 20)}”：${replyFactLabels[n] ?? n}不能为空`)),
  );
}

/** How the reply form names what an item's reply needs. */
export const replyFactLabels: Partial<Record<LetterPlaceholder, string>> = {
  provision: '提供方式（如：现将该信息以电子邮件方式发送给您）',
  publishedAs: '已主动公开信息的索引号和网址',
  reason: '理由或说明',
  correctionNoticeDate: '告知补正的日期',
  previousReceiptNo: '前次申请的编号',
  previousReplyDate: '前次答复的日期',
  competentAgency: '负责公开的机关及其联系方式',
};

/** The 答复书: the opening, one answer per requested item, the remedies. */
export function buildReply(items: readonly ItemReplyInput[], values: LetterValues, frame: Frame): { letter: LetterContent } | { error: FieldError } {
  const spec = letterKinds.reply;
  const lacking = missingReplyFacts(items);
  if (lacking[0]) return { error: lacking[0] };
  const opening = fill(spec.paragraphs, values);
  if ('error' in opening) return opening;
  const answers: string[] = [];
  for (const [i, item] of items.entries()) {
    const r = fillTemplate(replyKinds[item.kind].paragraph, { competentAgency: '', ...values, ...item.values });
    if ('missing' in r) return { error: missingError(r.missing) };
    const text = r.text.trim();
    answers.push(items.length === 1 ? `您申请获取“${item.description}”。${text}` : `（${numerals[i] ?? i + 1}）关于“${item.description}”：${text}`);
  }
  const remedies = fillTemplate(remediesParagraph, values);
  if ('missing' in remedies) return { error: missingError(remedies.missing) };
  return {
    letter: {
      kind: 'reply',
      title: spec.title,
      number: frame.number,
      addressee: frame.addressee,
      paragraphs: [...opening.paragraphs, ...answers, remedies.text],
      signature: frame.agencyName,
      date: frame.date,
    },
  };
}

/** The date line under the signature, as official documents write it. */
export const letterDate = (l: LetterContent) => chineseDate(l.date);
