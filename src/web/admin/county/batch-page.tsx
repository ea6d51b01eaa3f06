/** The confirmation page of an upload batch: per file what was read, the agency, year and publication date to confirm, and the outcome. */
import type { FC } from 'hono/jsx';
import { firstImportYear, type DecisionOutcome } from '../../../app/reports/import.ts';
import type { Agency } from '../../../domain/agencies/agency.ts';
import type { StagedImport } from '../../../store/report-imports.repo.ts';
import type { SiteInfo } from '../../site.ts';
import { Breadcrumbs, SelectField, TextField } from '../../views/components.tsx';
import { ErrorSummary, Layout, type Viewer } from '../../views/layout.tsx';

export const BatchPage: FC<{
  batch: string;
  files: StagedImport[];
  tree: readonly Agency[];
  agencies: readonly Agency[];
  outcomes: readonly DecisionOutcome[];
  form: Record<string, string>;
  thisYear: number;
  site: SiteInfo;
  viewer: Viewer;
}> = ({ batch, files, tree, agencies, outcomes: decided, form, thisYear, site, viewer }) => {
  const outcomes = new Map(decided.map((o) => [o.id, o]));
  const errors = [...outcomes.values()].flatMap((o) => ('errors' in o ? o.errors : []));
  const pending = files.filter((f) => f.status === 'pending');
  const agencyName = (id: number | null) => tree.find((a) => a.id === id)?.name ?? '';
  return (
    <Layout title="确认导入的年度报告" site={site} area="admin" viewer={viewer}>
      <Breadcrumbs
        trail={[
          ['工作台', '/admin'],
          ['导入年度报告', '/admin/county/imports'],
          ['确认', null],
        ]}
      />
      <h1>确认导入的年度报告</h1>
      <ErrorSummary errors={errors} />
      <p>
        共{files.length}
        个文件。请核对每份报告的所属单位和年度（已按报告标题识别），并填写报告在网站上的发布日期。确认后，报告作为该单位该年度的“导入”版本保存，用于跨年度结转核对和全县汇总；已在平台发布的年度不能导入。
      </p>
      <form method="post" action={`/admin/county/imports/${batch}`} class="form">
        <input type="hidden" name="_csrf" value={viewer.csrf} />
        <table class="list import-files">
          <caption>上传的文件</caption>
          <thead>
            <tr>
              <th scope="col">文件</th>
              <th scope="col">读取结果</th>
              <th scope="col">单位、年度和发布日期</th>
              <th scope="col">状态</th>
            </tr>
          </thead>
          <tbody>
            {files.map((f) => {
              const o = outcomes.get(f.id);
              const errs = f.findings.filter((x) => x.severity === 'error').length;
              return (
                <tr id={`file-${f.id}`}>
                  <td>{f.filename}</td>
                  <td>
                    {f.report ? (
                      <>
                        已读出：{f.report.agency || '（标题中未读出单位）'} {f.report.year ? `${f.report.year}年度` : ''}
                        <br />
                        {errs}个错误，{f.findings.length - errs}个警告
                      </>
                    ) : (
                      <span class="blocked">未能读取：{f.error ?? ''}</span>
                    )}
                  </td>
                  <td>
                    {f.status === 'pending' && f.report ? (
                      <>
                        <SelectField
                          name={`agency-${f.id}`}
                          label="所属单位"
                          value={form[`agency-${f.id}`] ?? f.agencyId}
                          empty="请选择"
                          options={agencies.map((a) => [a.id, a.name] as const)}
                          error={o && 'errors' in o ? o.errors.find((e) => e.field === `agency-${f.id}`)?.message : undefined}
                        />
                        <TextField
                          name={`year-${f.id}`}
                          label="年度"
                          value={form[`year-${f.id}`] ?? f.year}
                          attrs={{ inputmode: 'numeric', pattern: '\\d{4}', min: firstImportYear, max: thisYear - 1 }}
                          error={o && 'errors' in o ? o.errors.find((e) => e.field === `year-${f.id}`)?.message : undefined}
                        />
                        <TextField
                          name={`publishedOn-${f.id}`}
                          label="发布日期"
                          type="date"
                          value={form[`publishedOn-${f.id}`] ?? ''}
                          error={o && 'errors' in o ? o.errors.find((e) => e.field === `publishedOn-${f.id}`)?.message : undefined}
                        />
                        <div class="field checkbox">
                          <label>
                            <input type="checkbox" name={`include-${f.id}`} value="1" checked={form._csrf ? form[`include-${f.id}`] === '1' : true} />{' '}
                            导入这份报告
                          </label>
                        </div>
                      </>
                    ) : f.status === 'stored' ? (
                      `${agencyName(f.agencyId)} ${f.year ?? ''}年度`
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>
                    {f.status === 'stored' && f.reportId ? (
                      <>
                        <span class="ok">已导入</span> <a href={`/admin/county/reports/${f.reportId}`}>查看报告和检查结果</a>
                        {o && 'stored' in o ? (
                          <>
                            <br />
                            {o.stored.findings.filter((x) => x.severity === 'error').length}个错误，
                            {o.stored.findings.filter((x) => x.severity === 'warning').length}个警告
                          </>
                        ) : (
                          ''
                        )}
                      </>
                    ) : f.status === 'skipped' ? (
                      '未导入'
                    ) : o && 'errors' in o ? (
                      <span class="blocked">未导入：{o.errors.map((e) => e.message).join('；')}</span>
                    ) : (
                      '待确认'
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {pending.length ? <button type="submit">确认导入</button> : ''}
      </form>
      {files.some((f) => f.status === 'stored') ? (
        <p>
          <a href={`/admin/county/${files.find((f) => f.status === 'stored')?.year ?? thisYear - 1}`}>到年度报告监督页查看</a>
        </p>
      ) : (
        ''
      )}
    </Layout>
  );
};
