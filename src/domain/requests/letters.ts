/**
 * Letters of a case built from the templates in src/law/letters.ts and the case's facts.
 * A letter is frozen when issued (its number, date and text are stored as built), so a
 * later change of template or calendar never rewrites what the applicant received.
 */
import {
  letterKinds,
  replyAnswerOpenings,
  replyKinds,
  replySpec,
  sentencePlaceholders,
  type LetterKind,
  type LetterPlaceholder,
  type ReplyKind,
} from '../../law/letters.ts';
import { outcomeCodes, type OutcomeCode } from '../../law/outcome-codes.ts';
import { remedyRegimeOn, type RemedyRoute } from '../../law/remedies.ts';
import type { CorrectionLetterKind } from '../../law/corrections.ts';
import { chineseDate, type IsoDate } from '../shared/dates.ts';
import { fieldError, type FieldError } from '../shared/result.ts';

export interface LetterContent {
  /** A case letter's kind, or a 更正 request's (src/law/corrections.ts). */
  kind: LetterKind | CorrectionLetterKind;
  title: string;
  number: string;
  addressee: string;
  paragraphs: readonly string[];
  signature: string;
  date: IsoDate;
}

export type LetterValues = Partial<Record<LetterPlaceholder, string>>;

const placeholder = /\{([A-Za-z]+)\}/g;

/** Template punctuation after which a value's own final punctuation would double it. */
const closing = '。；，、：”）';
const ownFinal = /[。；，、.;,\s]+$/u;
const sentenceEnded = /[。！？][”’」』）]*$/u;

/**
 * A value as it joins the template: its final punctuation dropped before the template's own,
 * and a sentence typed without its 。 ended where text follows (reasons are typed both ways).
 */
function joined(name: string, raw: string, next: string | undefined): string {
  const value = raw.trim();
  if (value === '') return value;
  if (next !== undefined && closing.includes(next)) return value.replace(ownFinal, '');
  if ((sentencePlaceholders as readonly string[]).includes(name) && !sentenceEnded.test(value)) return `${value.replace(ownFinal, '')}。`;
  return value;
}

/** What is left after the join: a run of 。；，、 keeps its last mark, and none stays before a closing quote. */
export function tidyPunctuation(text: string): string {
  return text.replace(/[。；，、]+(?=[”’」』])/gu, '').replace(/[。；，、]{2,}/gu, (run) => run.at(-1)!);
}

/** The template with every placeholder filled, or the placeholders that have no value. */
export function fillTemplate(template: string, values: LetterValues): { text: string } | { missing: string[] } {
  const missing = [...template.matchAll(placeholder)].map((m) => m[1]!).filter((name) => (values as Record<string, string | undefined>)[name] === undefined);
  if (missing.length) return { missing: [...new Set(missing)] };
  const text = template.replace(placeholder, (match: string, name: string, at: number) =>
    joined(name, (values as Record<string, string>)[name]!, template[at + match.length]),
  );
  return { text: tidyPunctuation(text) };
}

export interface Frame {
  number: string;
  addressee: string;
  agencyName: string;
  date: IsoDate;
}

const missingError = (missing: readonly string[]): FieldError => fieldError('letter', 'GK_LETTER_FACTS', `文书缺少以下内容，无法生成：${missing.join('、')}`);

function fill(templates: readonly string[], values: LetterValues): { paragraphs: string[] } | { error: FieldError } {
  const paragraphs: string[] = [];
  const missing = new Set<string>();
  for (const t of templates) {
    const r = fillTemplate(t, values);
    if ('missing' in r) for (const m of r.missing) missing.add(m);
    else paragraphs.push(r.text);
  }
  return missing.size ? { error: missingError([...missing]) } : { paragraphs };
}

const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];
const numeral = (i: number) => numerals[i] ?? String(i + 1);

/** The route of each answer: 复议 first for the groups the law of `date` names, both routes otherwise. */
export function remedyRoutes(date: IsoDate, outcomes: readonly OutcomeCode[]): RemedyRoute[] {
  const regime = remedyRegimeOn(date);
  return outcomes.map((o) => (regime.reconsiderationFirst.includes(outcomeCodes[o].group) ? 'reconsiderationFirst' : 'either'));
}

/**
 * The remedies paragraph (条例 第五十一条) of a letter dated `date` whose answers take `routes`
 * (a notice: one `either`): one sentence when all agree, else one per route naming its items.
 */
export function remediesTemplate(date: IsoDate, routes: readonly RemedyRoute[]): string {
  const { letter } = remedyRegimeOn(date);
  const distinct = (['reconsiderationFirst', 'either'] as const).filter((r) => routes.includes(r));
  if (distinct.length === 1) return `${letter.whole}${letter.routes[distinct[0]!]}。`;
  return distinct
    .map((r) => {
      const items = routes.flatMap((x, i) => (x === r ? [`第（${numeral(i)}）项`] : [])).join('、');
      return `${letter.part.replace('{items}', items)}${letter.routes[r]}。`;
    })
    .join('');
}

/** A notice (回执, 补正告知书, 延期告知书, 征询函, 收费通知书, 终止处理告知书); a notice's remedies keep both routes. */
export function buildLetter(kind: Exclude<LetterKind, 'reply'>, values: LetterValues, frame: Frame): { letter: LetterContent } | { error: FieldError } {
  return buildNotice(kind, letterKinds[kind], values, frame);
}

/** A notice from its template, whichever set it belongs to (the 更正 letters too); remedies by the letter's date, both routes. */
export function buildNotice(
  kind: LetterContent['kind'],
  spec: { title: string; paragraphs: readonly string[]; remedies: boolean },
  values: LetterValues,
  frame: Frame,
): { letter: LetterContent } | { error: FieldError } {
  const body = fill([...spec.paragraphs, ...(spec.remedies ? [remediesTemplate(frame.date, ['either'])] : [])], values);
  if ('error' in body) return body;
  return {
    letter: {
      kind,
      title: spec.title,
      number: frame.number,
      addressee: frame.addressee,
      paragraphs: body.paragraphs,
      signature: frame.agencyName,
      date: frame.date,
    },
  };
}

export interface ItemReplyInput {
  description: string;
  kind: ReplyKind;
  /** The facts this item's reply needs (理由、提供方式 …). */
  values: LetterValues;
}

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
  searchDescription: '检索情况（检索的范围和方式）',
};

/** One item's answer: the reply kind's paragraph, an optional fact given as its clause or left out. */
function answerText(item: ItemReplyInput, values: LetterValues): { text: string } | { missing: string[] } {
  const spec = replySpec(item.kind);
  // The case's own facts (申请人, 您/贵单位, 复议机关 …) are not the item's to change.
  const all: LetterValues = { ...item.values, ...values };
  for (const [fact, clause] of Object.entries(spec.optional ?? {}) as [LetterPlaceholder, string][]) {
    const given = (item.values[fact] ?? '').trim();
    const filled = given ? fillTemplate(clause, { ...all, [fact]: given }) : { text: '' };
    if ('missing' in filled) return filled;
    all[fact] = filled.text;
  }
  return fillTemplate(spec.paragraph, all);
}

/** The opening of an answer; the applicant's own words are put in once, never read as a template. */
function answerOpening(items: number, i: number, description: string, you: string): string {
  const template = items === 1 ? replyAnswerOpenings.single : replyAnswerOpenings.numbered;
  const words = { you, n: numeral(i), item: description.trim() } as Record<string, string>;
  return template.replace(/\{(you|n|item)\}/g, (_, k: string) => words[k]!);
}

/** The 答复书: the opening, one answer per requested item, the remedies. */
export function buildReply(items: readonly ItemReplyInput[], values: LetterValues, frame: Frame): { letter: LetterContent } | { error: FieldError } {
  const spec = letterKinds.reply;
  const lacking = missingReplyFacts(items);
  if (lacking[0]) return { error: lacking[0] };
  const opening = fill(spec.paragraphs, values);
  if ('error' in opening) return opening;
  const answers: string[] = [];
  for (const [i, item] of items.entries()) {
    const r = answerText(item, values);
    if ('missing' in r) return { error: missingError(r.missing) };
    answers.push(tidyPunctuation(answerOpening(items.length, i, item.description, values.you ?? '') + r.text.trim()));
  }
  const routes = remedyRoutes(
    frame.date,
    items.map((item) => replyKinds[item.kind].outcome),
  );
  const remedies = fillTemplate(remediesTemplate(frame.date, routes), values);
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
