/** The report page's 保密审查 status and the leader's publish form: a report is published only on a review of this very content. */
import type { FC } from 'hono/jsx';
import type { ComputedReport } from '../../app/reports/compute.ts';
import { reviewRefusal, type ReviewStatus } from '../../app/reports/review.ts';
import { portalDateTime } from '../../domain/shared/dates.ts';

const stateText: Record<ReviewStatus['state'], string> = {
  valid: '已审查',
  none: '尚未进行保密审查',
  changed: '审查后报告内容有变动，须重新审查',
  used: '上次审查已用于发布，发布更正版本须重新审查',
};

/** One line of the status block: where the review stands, who recorded it and when, and the way to the review page. */
export const ReviewStatusLine: FC<{ base: string; status: ReviewStatus }> = ({ base, status }) => (
  <div>
    <dt>保密审查</dt>
    <dd>
      <span class={status.state === 'valid' ? 'ok' : 'blocked'}>{stateText[status.state]}</span>
      {status.review ? `（${status.review.reviewer}，${portalDateTime(status.review.reviewed_at)}）` : ''} <a href={`${base}/review`}>保密审查页面</a>
    </dd>
  </div>
);

export const PublishForm: FC<{ base: string; csrf: string; computed: ComputedReport; published: boolean; review: ReviewStatus }> = ({
  base,
  csrf,
  computed,
  published,
  review,
}) => {
  const errors = computed.findings.filter((f) => f.severity === 'error');
  const refusal = reviewRefusal(review, computed.year);
  return (
    <section aria-labelledby="publish">
      <h2 id="publish">{published ? '发布更正版本' : '发布年度报告'}</h2>
      {review.state === 'valid' ? <p>保密审查意见：{review.review.opinion}</p> : ''}
      {errors.length ? <p class="blocked">报告还有{errors.length}个错误，改正后才能发布。</p> : ''}
      {refusal ? (
        <p class="blocked">
          {refusal.message}（<a href={`${base}/review`}>保密审查页面</a>）
        </p>
      ) : (
        ''
      )}
      {errors.length || refusal ? (
        ''
      ) : (
        <form method="post" action={`${base}/publish`} class="form">
          <input type="hidden" name="_csrf" value={csrf} />
          {published ? (
            <div class="field">
              <label for="field-reason">更正理由（必填，将在门户网站公开）</label>
              <textarea id="field-reason" name="reason" rows={3} required />
            </div>
          ) : (
            <p>发布后，报告将在门户网站本单位“政府信息公开年报”栏目公开，并分配索引号。已发布的版本不能修改，只能发布更正版本。</p>
          )}
          <button type="submit">{published ? '发布更正版本' : '发布'}</button>
        </form>
      )}
    </section>
  );
};
