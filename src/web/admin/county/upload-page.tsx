/** The upload page of published reports to import: the form (files or a ZIP) and the recent batches. */
import type { FC } from 'hono/jsx';
import { importLimits } from '../../../app/reports/import.ts';
import { chinaDate } from '../../../domain/shared/dates.ts';
import type { FieldError } from '../../../domain/shared/result.ts';
import type { recentBatches } from '../../../store/report-imports.repo.ts';
import type { SiteInfo } from '../../site.ts';
import { Breadcrumbs } from '../../views/components.tsx';
import { ErrorSummary, Layout, type Viewer } from '../../views/layout.tsx';

export const UploadPage: FC<{
  site: SiteInfo;
  viewer: Viewer;
  errors: FieldError[];
  canRead: boolean;
  batches: Awaited<ReturnType<typeof recentBatches>>;
}> = ({ site, viewer, errors, canRead, batches }) => {
  const mb = importLimits.fileBytes / 1024 / 1024;
  return (
    <Layout title="导入已发布的年度报告" site={site} area="admin" viewer={viewer}>
      <Breadcrumbs
        trail={[
          ['工作台', '/admin'],
          ['年度报告监督', '/admin/county'],
          ['导入年度报告', null],
        ]}
      />
      <h1>导入已发布的年度报告</h1>
      <ErrorSummary errors={errors} />
      <p>
        上传各单位已经发布的政府信息公开工作年度报告（网页另存的 HTML、从浏览器复制的纯文本 TXT、Word 文档 DOCX 或带文字层的
        PDF），可以一次选择多个文件，也可以上传一个 ZIP
        压缩包。平台逐个读取表格中的每一个数字和正文，读不出的单元格留空并说明位置，不会猜测数字。读取后请逐个确认所属单位、年度和发布日期。
      </p>
      <p class="help">
        每个文件不超过{mb} MB，一次最多{importLimits.files}个文件（压缩包内的文件分别计数），合计不超过{importLimits.batchBytes / 1024 / 1024} MB。
      </p>
      {canRead ? (
        <form method="post" action={`/admin/county/imports?_csrf=${encodeURIComponent(viewer.csrf)}`} enctype="multipart/form-data" class="form">
          <div class="field">
            <label for="field-files">年度报告文件</label>
            <input id="field-files" name="files" type="file" multiple required accept=".txt,.html,.htm,.docx,.pdf,.md,.zip" />
          </div>
          <button type="submit">上传并读取</button>
        </form>
      ) : (
        <p class="blocked">报告读取功能尚未接入本平台，暂时不能上传。</p>
      )}
      {batches.length ? (
        <section aria-labelledby="batches">
          <h2 id="batches">最近上传</h2>
          <ul>
            {batches.map((b) => (
              <li>
                <a href={`/admin/county/imports/${b.batch}`}>
                  {chinaDate(b.uploadedAt)} 上传的{b.files}个文件
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
};
