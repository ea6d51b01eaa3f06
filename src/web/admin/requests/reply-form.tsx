/**
 * The reply form (条例 第三十六条): for each requested item a reply kind under the table 三 row
 * it counts in, and the facts the kinds need or may use, each with its message under it.
 */
import type { FC } from 'hono/jsx';
import { applicationOutcomeRule } from '../../../domain/requests/outcome.ts';
import { replyFactLabels } from '../../../domain/requests/letters.ts';
import { chineseDate } from '../../../domain/shared/dates.ts';
import { replyKinds, replySpec, type LetterPlaceholder, type ReplyKind } from '../../../law/letters.ts';
import { outcomeCodeKeys, outcomeCodes, outcomeGroups, type OutcomeGroup } from '../../../law/outcome-codes.ts';
import { caseActs, outcomesByActOnly } from '../../../law/request-workflow.ts';
import { signOffRules } from '../../../law/sign-off.ts';
import { TextField } from '../../views/components.tsx';
import { actFields, fieldOf, generalMessages, type CaseFormsProps } from './act-form-parts.tsx';
import { outcomeLabel } from './dashboard-page.tsx';

const allKinds = Object.keys(replyKinds) as ReplyKind[];

/** The reply kinds under the outcome rows of table 三 they count in. */
const replyKindsByGroup = (Object.keys(outcomeGroups) as OutcomeGroup[])
  .map((g) => ({
    group: g,
    kinds: allKinds
      .filter((k) => outcomeCodes[replyKinds[k].outcome].group === g && !outcomesByActOnly.includes(replyKinds[k].outcome))
      .sort((a, b) => outcomeCodeKeys.indexOf(replyKinds[a].outcome) - outcomeCodeKeys.indexOf(replyKinds[b].outcome)),
  }))
  .filter((g) => g.kinds.length > 0);

/** Which kinds need a fact and which may use it, as the hint under its field says. */
function factHint(fact: LetterPlaceholder): string {
  const labels = (ks: ReplyKind[]) => ks.map((k) => replyKinds[k].label).join('、');
  const needing = allKinds.filter((k) => (replySpec(k).needs as readonly string[]).includes(fact));
  const optional = allKinds.filter((k) => Object.hasOwn(replySpec(k).optional ?? {}, fact));
  return [needing.length ? `必填：${labels(needing)}` : '', optional.length ? `选填：${labels(optional)}` : ''].filter(Boolean).join('；') || '选填';
}

const longFacts: readonly LetterPlaceholder[] = ['reason', 'provision', 'searchDescription'];

/** 条例 第三十二条: shown before the reply once the third party objected. */
const ObjectionWarning: FC<{ view: CaseFormsProps['view'] }> = ({ view }) =>
  view.thirdPartyObjected ? (
    <div class="warning" role="note" id="objection-warning">
      <p>
        <strong>第三方不同意公开（条例第三十二条）。</strong>
        第三方有合理理由的，不予公开（答复“不予公开（保护第三方合法权益）”，或部分公开时不公开其反对的部分）。
      </p>
      {view.disclosureDecision ? (
        <p>
          本机关已于{view.disclosureDecision.on}决定予以公开，并书面告知{view.disclosureDecision.party}；答复日期须晚于该日。
        </p>
      ) : (
        <p>认为不公开可能对公共利益造成重大影响而决定予以公开的，须先登记“决定公开并书面告知第三方”，写明理由；答复日期须晚于告知书日期。</p>
      )}
    </div>
  ) : (
    ''
  );

export const ReplyForm: FC<CaseFormsProps> = (p) => {
  const f = fieldOf(p.state, 'replied');
  const facts = Object.keys(replyFactLabels) as LetterPlaceholder[];
  const general = generalMessages(p.state, 'replied', actFields.replied);
  return (
    <section class="act" id="act-replied" aria-labelledby="act-replied-title">
      <h3 id="act-replied-title">
        {caseActs.replied.label}
        <span class="basis">（{caseActs.replied.basis}）</span>
      </h3>
      <p class="hint">{applicationOutcomeRule}</p>
      <ObjectionWarning view={p.view} />
      <p class="hint">
        {signOffRules.reply.label}
        {p.signOff.grants ? '；本单位规定予以公开的答复也须经负责人签发' : '；予以公开的答复可以直接作出'}。
      </p>
      {p.replyPreview ? (
        <p class="notice" role="status">
          {p.replyPreview.outcome ? `按所选答复，本申请将计入表三：${outcomeLabel(p.replyPreview.outcome)}。` : '请为每一项选择答复类型后再预览统计口径。'}
        </p>
      ) : (
        ''
      )}
      {general.length ? (
        <p class="field-error" id="field-replied-state">
          {general.join('；')}
        </p>
      ) : (
        ''
      )}
      <form method="post" action={`/admin/requests/${p.caseId}/acts/replied`} class="form">
        <input type="hidden" name="_csrf" value={p.csrf} />
        {p.items.map((item, i) => {
          const kind = f(`items[${i}].kind`);
          return (
            <fieldset class="reply-item" id={`reply-item-${i}`}>
              <legend>
                第{i + 1}项：{item.description}
              </legend>
              <input type="hidden" name={`items[${i}].seq`} value={String(item.seq)} />
              <div class={kind.error ? 'field has-error' : 'field'}>
                <label for={kind.id}>答复类型（按表三的统计行分组）</label>
                {kind.error ? (
                  <p class="field-error" id={`${kind.id}-error`}>
                    {kind.error}
                  </p>
                ) : (
                  ''
                )}
                <select id={kind.id} name={kind.name} {...(kind.error ? { 'aria-invalid': 'true', 'aria-describedby': `${kind.id}-error` } : {})}>
                  <option value="">（请选择）</option>
                  {replyKindsByGroup.map((g) => (
                    <optgroup label={outcomeGroups[g.group].label}>
                      {g.kinds.map((k) => (
                        <option value={k} selected={kind.value === k}>
                          {outcomeCodes[replyKinds[k].outcome].ref} {replyKinds[k].label}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </select>
              </div>
              {facts.map((fact) => (
                <TextField
                  label={replyFactLabels[fact]!}
                  hint={factHint(fact)}
                  rows={longFacts.includes(fact) ? 2 : undefined}
                  {...f(`items[${i}].${fact}`)}
                  value={p.state?.act === 'replied' ? (p.state.values[`items[${i}].${fact}`] ?? '') : (p.replyDefaults[fact] ?? '')}
                />
              ))}
            </fieldset>
          );
        })}
        <TextField label="答复日期" type="date" {...f('on', p.today)} />
        <p class="hint">答复期限：{p.view.replyDue ? `${p.view.replyDue.due}（${chineseDate(p.view.replyDue.due)}）` : '—'}</p>
        <div class="buttons">
          <button type="submit" name="intent" value="preview" class="secondary">
            预览统计口径
          </button>
          {p.signOff.mayApprove ? (
            <button type="submit" name="intent" value="reply">
              签发并作出答复
            </button>
          ) : (
            <>
              <button type="submit" name="intent" value="draft">
                提交负责人签发
              </button>
              {p.signOff.grants ? (
                ''
              ) : (
                <button type="submit" name="intent" value="reply" class="secondary">
                  作出答复并生成答复书
                </button>
              )}
            </>
          )}
        </div>
      </form>
    </section>
  );
};
