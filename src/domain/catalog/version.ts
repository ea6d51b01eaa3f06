/** The content and metadata of a version of a catalogue item, and their checks. */
import { isCategoryKey, isDocumentKind, type CategoryKey, type DocumentKind } from '../../law/catalogue-categories.ts';
import { scopes } from '../../law/catalogue-workflow.ts';
import { isBasicDomain, isStatutoryItem } from '../../law/statutory-items.ts';
import { isTopic } from '../../law/topics.ts';
import { isIsoDate, type IsoDate } from '../shared/dates.ts';
import { fieldError, type FieldError } from '../shared/result.ts';

export interface VersionContent {
  title: string;
  summary: string;
  body: string;
  category: CategoryKey;
  topic: string | null;
  statutoryItem: string | null;
  domain: string | null;
  docNo: string | null;
  documentKind: DocumentKind | null;
  writtenDate: IsoDate | null;
  generatedDate: IsoDate;
  scope: string;
}

/** What a form sends: every field as text. */
export type VersionForm = Record<keyof VersionContent, string>;

const limits = { title: 200, summary: 500, body: 100_000, docNo: 60 } as const;

/**
 * Checks and normalises a version's content. `today` is the China date: information
 * cannot be 生成 (formed) in the future, and 成文日期 cannot come after 生成日期.
 */
export function checkVersionContent(form: VersionForm, today: IsoDate): { value: VersionContent; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const text = (k: keyof VersionForm) => (form[k] ?? '').replace(/\r\n/g, '\n').trim();
  const optional = (k: keyof VersionForm) => text(k) || null;
  const title = text('title').replace(/\s+/g, ' ');
  if (title === '') errors.push(fieldError('title', 'GK_TITLE_REQUIRED', '“名称”不能为空'));
  else if (title.length > limits.title) errors.push(fieldError('title', 'GK_TOO_LONG', `“名称”不能超过${limits.title}字`));
  const summary = text('summary');
  if (summary.length > limits.summary) errors.push(fieldError('summary', 'GK_TOO_LONG', `“内容概述”不能超过${limits.summary}字`));
  const body = text('body');
  if (body.length > limits.body) errors.push(fieldError('body', 'GK_TOO_LONG', `“正文”不能超过${limits.body}字`));
  const category = text('category');
  if (!isCategoryKey(category) || category === 'statutory') errors.push(fieldError('category', 'GK_CATEGORY', '请选择公开目录栏目'));
  const topic = optional('topic');
  if (topic !== null && !isTopic(topic)) errors.push(fieldError('topic', 'GK_TOPIC', `“主题分类”“${topic}”不在主题分类表中`));
  const statutoryItem = optional('statutoryItem');
  if (statutoryItem !== null && !isStatutoryItem(statutoryItem)) errors.push(fieldError('statutoryItem', 'GK_STATUTORY_ITEM', '“条例规定的公开事项”无效'));
  const domain = optional('domain');
  if (domain !== null && !isBasicDomain(domain)) errors.push(fieldError('domain', 'GK_DOMAIN', '“基层政务公开领域”无效'));
  const docNo = optional('docNo');
  if (docNo !== null && docNo.length > limits.docNo) errors.push(fieldError('docNo', 'GK_TOO_LONG', `“文号”不能超过${limits.docNo}字`));
  const documentKind = optional('documentKind');
  if (documentKind !== null && !isDocumentKind(documentKind)) errors.push(fieldError('documentKind', 'GK_DOCUMENT_KIND', '“文件类型”无效'));
  const writtenDate = optional('writtenDate');
  if (writtenDate !== null && !isIsoDate(writtenDate)) errors.push(fieldError('writtenDate', 'GK_DATE', `“成文日期”“${writtenDate}”不是有效日期`));
  const generatedDate = text('generatedDate');
  if (!isIsoDate(generatedDate)) errors.push(fieldError('generatedDate', 'GK_DATE', `“生成日期”“${generatedDate}”不是有效日期`));
  else if (generatedDate > today) errors.push(fieldError('generatedDate', 'GK_DATE_ORDER', `“生成日期”${generatedDate}晚于今天，公开日期不能早于生成日期`));
  if (writtenDate !== null && isIsoDate(writtenDate) && isIsoDate(generatedDate) && writtenDate > generatedDate) {
    errors.push(fieldError('writtenDate', 'GK_DATE_ORDER', `“成文日期”${writtenDate}晚于“生成日期”${generatedDate}`));
  }
  if (documentKind !== null && writtenDate === null) {
    errors.push(fieldError('writtenDate', 'GK_WRITTEN_DATE_REQUIRED', '规章和行政规范性文件须填写“成文日期”'));
  }
  const scope = text('scope') || scopes[0];
  if (!(scopes as readonly string[]).includes(scope)) errors.push(fieldError('scope', 'GK_SCOPE', '“公开范围”无效'));
  return {
    value: {
      title,
      summary,
      body,
      category: category as CategoryKey,
      topic,
      statutoryItem,
      domain,
      docNo,
      documentKind: documentKind as DocumentKind | null,
      writtenDate,
      generatedDate,
      scope,
    },
    errors,
  };
}

/** The 索引号 of an item first published in `year`: <agency code>/<YYYY>-<5-digit serial>. */
export function indexNumber(prefix: string, year: string, serial: number): string {
  return `${prefix}/${year}-${String(serial).padStart(5, '0')}`;
}
