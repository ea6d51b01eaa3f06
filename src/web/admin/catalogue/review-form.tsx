/**
 * The 保密审查 opinion form, for an item or an annual report: the standard opinions to pick
 * from (src/law/secrecy.ts), none preselected, and a box for the reviewer's own words,
 * empty. The opinion recorded is the one picked followed by the words (composeOpinion).
 */
import type { FC } from 'hono/jsx';
import { reviewOpinionKeys, reviewOpinions } from '../../../law/secrecy.ts';

export const ReviewForm: FC<{
  action: string;
  csrf: string;
  subject: 'item' | 'report';
  /** What was sent, when the form comes back with an error. */
  form?: Partial<Record<string, string>> | undefined;
  /** Secrecy markings not declassified: an opinion saying 不涉及国家秘密 will be refused. */
  openMarkings?: number;
  button: string;
}> = ({ action, csrf, subject, form, openMarkings = 0, button }) => {
  const keys = reviewOpinionKeys.filter((k) => (reviewOpinions[k].for as readonly string[]).includes(subject));
  return (
    <form method="post" action={action} class="form review-form">
      <input type="hidden" name="_csrf" value={csrf} />
      <fieldset>
        <legend>保密审查意见（选择一项常用意见，或自行填写）</legend>
        {openMarkings > 0 ? (
          <p class="blocked" id="hint-opinion">
            本件还有{openMarkings}处密级或不得公开标识未经解密，不能记录“不涉及国家秘密”的意见。
          </p>
        ) : (
          ''
        )}
        {keys.map((k) => (
          <div class="choice">
            <input type="radio" id={`opinion-${k}`} name="opinionChoice" value={k} checked={form?.opinionChoice === k} />
            <label for={`opinion-${k}`}>{reviewOpinions[k].text}</label>
          </div>
        ))}
        <div class="field">
          <label for="field-opinion">自行填写或补充的意见</label>
          <textarea id="field-opinion" name="opinion" rows={3} {...(openMarkings > 0 ? { 'aria-describedby': 'hint-opinion' } : {})}>
            {form?.opinion ?? ''}
          </textarea>
        </div>
      </fieldset>
      <button type="submit">{button}</button>
    </form>
  );
};
