/** The fields of a catalogue version's content and metadata (spec §4): the form, its values, and reading a version back into it. */
import type { VersionForm } from '../../../domain/catalog/version.ts';
import { catalogueCategories, categoryKeys, documentKinds } from '../../../law/catalogue-categories.ts';
import { scopes } from '../../../law/catalogue-workflow.ts';
import { basicDomains, statutoryItems } from '../../../law/statutory-items.ts';
import { topicPaths } from '../../../law/topics.ts';
import type { VersionRow } from '../../../store/catalogue-versions.repo.ts';
import { SelectField } from '../../views/components.tsx';

export type Form = Partial<Record<string, string>>;

export const versionForm = (f: Form): VersionForm => ({
  title: f.title ?? '',
  summary: f.summary ?? '',
  body: f.body ?? '',
  category: f.category ?? '',
  topic: f.topic ?? '',
  statutoryItem: f.statutoryItem ?? '',
  domain: f.domain ?? '',
  docNo: f.docNo ?? '',
  documentKind: f.documentKind ?? '',
  writtenDate: f.writtenDate ?? '',
  generatedDate: f.generatedDate ?? '',
  scope: f.scope ?? '',
});

export function formOf(v: VersionRow): Form {
  return {
    title: v.title,
    summary: v.summary,
    body: v.body,
    category: v.category,
    topic: v.topic ?? '',
    statutoryItem: v.statutory_item ?? '',
    domain: v.domain ?? '',
    docNo: v.doc_no ?? '',
    documentKind: v.document_kind ?? '',
    writtenDate: v.written_date ?? '',
    generatedDate: v.generated_date,
    scope: v.scope,
  };
}

const Input = ({ name, label, value, type, hint }: { name: string; label: string; value: string; type?: string; hint?: string }) => (
  <div class="field">
    <label for={`field-${name}`}>{label}</label>
    {hint ? (
      <p class="hint" id={`hint-${name}`}>
        {hint}
      </p>
    ) : (
      ''
    )}
    <input id={`field-${name}`} name={name} type={type ?? 'text'} value={value} {...(hint ? { 'aria-describedby': `hint-${name}` } : {})} />
  </div>
);

/** The fields of a version's content and metadata (spec §4). */
export const ContentFields = ({ form }: { form: Form }) => {
  const v = (k: keyof VersionForm) => form[k] ?? '';
  return (
    <>
      <Input name="title" label="名称（必填）" value={v('title')} />
      <div class="field">
        <label for="field-summary">内容概述</label>
        <textarea id="field-summary" name="summary" rows={2}>
          {v('summary')}
        </textarea>
      </div>
      <div class="field">
        <label for="field-body">正文</label>
        <textarea id="field-body" name="body" rows={12}>
          {v('body')}
        </textarea>
      </div>
      <SelectField
        name="category"
        label="公开目录栏目（必填）"
        value={v('category')}
        options={categoryKeys.filter((k) => k !== 'statutory').map((k) => [k, catalogueCategories[k].label] as const)}
      />
      <SelectField name="topic" label="主题分类" value={v('topic')} options={topicPaths.map((t) => [t, t.replace('/', ' / ')] as const)} empty="（不选）" />
      <SelectField name="statutoryItem" label="条例规定的公开事项" value={v('statutoryItem')} options={Object.entries(statutoryItems)} empty="（不选）" />
      <SelectField name="domain" label="基层政务公开领域" value={v('domain')} options={basicDomains.map((d) => [d, d] as const)} empty="（不选）" />
      <Input name="docNo" label="文号" value={v('docNo')} hint="如：华政发〔2026〕3号" />
      <SelectField
        name="documentKind"
        label="文件类型"
        value={v('documentKind')}
        options={Object.entries(documentKinds).map(([k, d]) => [k, d.label] as const)}
        empty="（一般信息）"
      />
      <Input name="writtenDate" label="成文日期" type="date" value={v('writtenDate')} />
      <Input name="generatedDate" label="生成日期（必填；自此起20个工作日内公开，条例第二十六条）" type="date" value={v('generatedDate')} />
      <SelectField name="scope" label="公开范围" value={v('scope') || scopes[0]} options={scopes.map((s) => [s, s] as const)} />
    </>
  );
};
