/** Parts of every staff page that shows a report: its findings, and copy detection. */
import type { FC } from 'hono/jsx';
import type { CopyCheck } from '../../app/reports/supervision.ts';
import type { Finding } from '../../domain/reports/findings.ts';
import { ruleTitle } from '../../domain/reports/findings.ts';

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** The findings, numbered as the marked cells point to them. `blocking`: the report is the platform's own, which an error keeps from publication. */
export const Findings: FC<{ findings: readonly Finding[]; blocking?: boolean }> = ({ findings, blocking = false }) => {
  const errors = findings.filter((f) => f.severity === 'error').length;
  return (
    <section aria-labelledby="findings">
      <h2 id="findings">检查结果</h2>
      {findings.length === 0 ? (
        <p class="ok">全部勾稽关系和合规检查均已通过。</p>
      ) : (
        <>
          <p>
            {errors}个错误{blocking ? '（须改正后才能发布）' : ''}，{findings.length - errors}个警告（请核实）。表格中标红的单元格对应下列编号。
          </p>
          <ol class="findings">
            {findings.map((f, i) => (
              <li id={`finding-${i}`} class={`finding ${f.severity}`}>
                <span class="severity">{f.severity === 'error' ? '错误' : '警告'}</span> <strong>{f.rule}</strong> {ruleTitle(f.rule)}：{f.message}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
};

const overShare = (share: number, copyShare: number) => (share > copyShare ? <strong class="blocked">，超过{percent(copyShare)}的警示比例</strong> : '');

/** Copy detection on a report page: the shares when known, each linked to the repeated passages. */
export const CopySection: FC<{ agencyId: number; year: number; check: (CopyCheck & { copyShare: number }) | null }> = ({ agencyId, year, check }) => {
  const base = `/admin/reports/${agencyId}/${year}/copies`;
  return (
    <section aria-labelledby="copy-check">
      <h2 id="copy-check">内容雷同检查（X-07）</h2>
      {check ? (
        <ul>
          <li>
            与本单位{year - 1}年度报告相同：
            {check.lastYear ? (
              <>
                <a href={`${base}?against=lastYear`}>{percent(check.lastYear.share)}</a>
                {overShare(check.lastYear.share, check.copyShare)}
              </>
            ) : (
              '没有上年报告可对比'
            )}
          </li>
          <li>
            与本县其他单位同年度报告最相似：
            {check.peer ? (
              <>
                <a href={`${base}?against=${check.peer.agency.id}`}>
                  {check.peer.agency.name} {percent(check.peer.share)}
                </a>
                {overShare(check.peer.share, check.copyShare)}
              </>
            ) : (
              '没有相同的内容'
            )}
          </li>
        </ul>
      ) : (
        <p>
          <a href={`${base}?against=lastYear`}>与本单位{year - 1}年度报告对比，标出相同的段落</a>
        </p>
      )}
    </section>
  );
};
