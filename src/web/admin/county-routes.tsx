/**
 * County supervision of the annual reports (issue 5): the supervision page of a year, the
 * upload of published reports (one file, several, or a ZIP) with their assignment to an
 * agency and year, the page of an imported version, copy detection with the repeated
 * passages marked, and the locality's report settings (deadlines, copy share).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FC } from 'hono/jsx';
import type { AppContext } from '../../app/context.ts';
import {
  batchOf,
  confirmImports,
  firstImportYear,
  importLimits,
  uploadReports,
  type DecisionOutcome,
  type ReportReader,
  type Upload,
} from '../../app/reports/import.ts';
import { maySetReportSettings, monthDayText, saveReportSettings } from '../../app/reports/settings.ts';
import {
  agencyCopyCheck,
  copyComparison,
  countySupervision,
  importedVersionFindings,
  supervisedCounties,
  type CountySupervision,
  type SupervisedReport,
} from '../../app/reports/supervision.ts';
import { agenciesWhere, can } from '../../domain/access/policy.ts';
import { reportStatusLabels, type ReportSource } from '../../domain/reports/supervision.ts';
import { chinaDate } from '../../domain/shared/dates.ts';
import { InputError, NotFoundError, type FieldError } from '../../domain/shared/result.ts';
import { agencyKindKeys, agencyKinds } from '../../law/agency-kinds.ts';
import { reportTitle } from '../../law/report-format/index.ts';
import { ApplicationsChart } from '../../render/charts/applications-chart.tsx';
import { ReportView, TableView } from '../../render/report/html.tsx';
import { reportGrids } from '../../render/report/grid.ts';
import { listAgencies } from '../../store/agencies.repo.ts';
import { importSourceOf, recentBatches } from '../../store/report-imports.repo.ts';
import { getPublishedReport } from '../../store/reports.repo.ts';
import { formRateLimit } from '../plugins/security.ts';
import { siteInfo } from '../site.ts';
import { Breadcrumbs, Icon, positiveInt, SelectField, TextField } from '../views/components.tsx';
import { ErrorSummary, Layout } from '../views/layout.tsx';
import { sendPage } from '../views/page.ts';
import { actorOf, agencyFor } from './access.ts';
import { viewerOf } from './viewer.ts';
import { CopySection, Findings } from './report-parts.tsx';
import { countyComplaints } from '../../app/complaints/complaints.ts';
import { ComplaintsSummary } from './supervision/complaint-parts.tsx';
import { procedureDefectsOfYear } from '../../app/requests/defects.ts';
import { correctionDefaultDays, maySetCorrectionDefault } from '../../app/requests/settings.ts';
import { ProcedureSection } from './requests/procedure-section.tsx';

const sourceLabels: Record<ReportSource, string> = { published: '平台发布', imported: '导入', computed: '平台生成（未发布）' };
const percent = (share: number) => `${Math.round(share * 100)}%`;

function yearParam(raw: string): number {
  if (!/^\d{4}$/.test(raw)) throw new NotFoundError('年度应为四位数字');
  return Number(raw);
}

export interface CountyRoutesOptions {
  ctx: AppContext;
  /** Reads an uploaded report; without one the upload page says that reading is not available. */
  reader?: ReportReader | undefined;
}

export async function countyRoutes(app: FastifyInstance, opts: CountyRoutesOptions) {
  const { ctx, reader } = opts;
  const lastYear = () => Number(chinaDate(ctx.now()).slice(0, 4)) - 1;
  const countyQuery = (q: { county?: string }) => (q.county ? (positiveInt(q.county) ?? -1) : null);

  app.get('/admin/county', async (_request, reply) => reply.redirect(`/admin/county/${lastYear()}`, 303));

  // ------------------------------------------------------------ the supervision page

  const supervisionPage = async (
    request: FastifyRequest<{ Params: { year: string }; Querystring: { county?: string; saved?: string } }>,
    reply: FastifyReply,
    state: { errors?: FieldError[]; form?: Record<string, string>; status?: number } = {},
  ) => {
    const actor = actorOf(request);
    const year = yearParam(request.params.year);
    const s = await countySupervision(ctx, actor, countyQuery(request.query), year);
    const [site, tree, counties, maySet] = await Promise.all([
      siteInfo(ctx.db),
      listAgencies(ctx.db),
      supervisedCounties(ctx, actor),
      maySetReportSettings(ctx, actor),
    ]);
    const viewer = viewerOf(request, reply, tree);
    const suffix = counties.length > 1 ? `?county=${s.county.id}` : '';
    const thisYear = Number(chinaDate(ctx.now()).slice(0, 4));
    const yearLinks = Array.from({ length: 6 }, (_, i) => thisYear - 1 - i).filter((y) => y >= firstImportYear);
    // 条例 第四十七条: the complaints the county's supervisor handles, with their due dates.
    const complaints = can(actor, 'complaints.handle', s.county.id, tree) ? await countyComplaints(ctx, actor, s.county.id) : null;
    const [defects, correctionDays, maySetCorrection] = await Promise.all([
      procedureDefectsOfYear(ctx, actor, s.county.id, year),
      correctionDefaultDays(ctx.db, s.county.id),
      maySetCorrectionDefault(ctx, actor, s.county.id),
    ]);
    return sendPage(
      reply,
      <Layout title={`${s.county.shortName}${year}年度报告监督`} site={site} area="admin" viewer={viewer}>
        <Breadcrumbs
          trail={[
            ['工作台', '/admin'],
            [`${year}年度报告监督`, null],
          ]}
        />
        <h1>
          {s.county.name} {year}年度政府信息公开工作年度报告监督
        </h1>
        <ErrorSummary errors={state.errors ?? []} />
        {request.query.saved ? (
          <p class="notice" role="status">
            设置已保存。
          </p>
        ) : (
          ''
        )}
        <nav aria-label="选择年度" class="tabs">
          <ul>
            {yearLinks.map((y) => (
              <li>
                <a href={`/admin/county/${y}${suffix}`} aria-current={y === year ? 'page' : undefined}>
                  {y}年度
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <p>
          <a href="/admin/county/imports">导入已发布的年度报告</a>（平台启用前的年度、或在平台外编写发布的报告）
        </p>
        {complaints ? <ComplaintsSummary data={complaints} countyId={s.county.id} /> : ''}
        <StatusTable s={s} />
        <CarryOverTable s={s} />
        <CopyTable s={s} />
        <CountyTotals s={s} />
        <Charts s={s} />
        <ProcedureSection
          year={year}
          countyId={s.county.id}
          defects={defects}
          correctionDays={correctionDays}
          csrf={viewer.csrf}
          maySet={maySetCorrection}
          back={`/admin/county/${year}${suffix}`}
        />
        <SettingsForm s={s} csrf={viewer.csrf} maySet={maySet} errors={state.errors ?? []} form={state.form} year={year} suffix={suffix} />
      </Layout>,
      state.status ?? 200,
    );
  };

  app.get<{ Params: { year: string }; Querystring: { county?: string; saved?: string } }>('/admin/county/:year', (request, reply) =>
    supervisionPage(request, reply),
  );

  app.post<{ Params: { year: string }; Querystring: { county?: string }; Body: Record<string, string> }>(
    '/admin/county/:year/settings',
    { preHandler: app.csrfProtection, config: formRateLimit },
    async (request, reply) => {
      const form = request.body ?? {};
      try {
        await saveReportSettings(ctx, actorOf(request), {
          deadlines: Object.fromEntries(agencyKindKeys.map((k) => [k, String(form[`deadline.${k}`] ?? '')])),
          copyShare: String(form.copyShare ?? ''),
        });
      } catch (e) {
        if (e instanceof InputError) return supervisionPage(request, reply, { errors: e.errors, form, status: 400 });
        throw e;
      }
      const county = request.query.county ? `county=${encodeURIComponent(request.query.county)}&` : '';
      return reply.redirect(`/admin/county/${yearParam(request.params.year)}?${county}saved=1#settings`, 303);
    },
  );

  // ------------------------------------------------------------ copy detection

  app.get<{ Params: { agencyId: string; year: string }; Querystring: { against?: string } }>(
    '/admin/reports/:agencyId/:year/copies',
    async (request, reply) => {
      const actor = actorOf(request);
      const { agency, tree } = await agencyFor(ctx, request, request.params.agencyId, 'report.view');
      const year = yearParam(request.params.year);
      const against = request.query.against && request.query.against !== 'lastYear' ? positiveInt(request.query.against) : 'lastYear';
      if (against === null) throw new NotFoundError('找不到对比的单位。');
      const c = await copyComparison(ctx, actor, agency.id, year, against);
      const site = await siteInfo(ctx.db);
      const title = `${agency.shortName}${year}年度报告内容雷同检查`;
      return sendPage(
        reply,
        <Layout title={title} site={site} area="admin" viewer={viewerOf(request, reply, tree)}>
          <Breadcrumbs
            trail={[
              ['工作台', '/admin'],
              [`${agency.shortName} ${year}年度报告`, `/admin/reports/${agency.id}/${year}`],
              ['内容雷同检查', null],
            ]}
          />
          <h1>{title}</h1>
          {c.against ? (
            <>
              <p>
                对比对象：{c.against.href ? <a href={c.against.href}>{c.against.label}</a> : c.against.label}。本报告正文（第一、五、六部分）有
                <strong>{percent(c.against.share)}</strong>
                的内容与之相同（按去除标点和空格后连续8个字符计算）。下文中<mark>标记</mark>的是相同的段落。
              </p>
              <Marked text={c.text} spans={c.against.spans} />
            </>
          ) : (
            <p>没有可对比的报告（对比对象尚无报告，或本报告正文为空）。</p>
          )}
        </Layout>,
      );
    },
  );

  // ------------------------------------------------------------ a stored version (imported)

  /** A stored version whose agency's reports the actor may see; a version of another agency looks like a missing one. */
  const versionFor = async (request: FastifyRequest<{ Params: { id: string } }>) => {
    const version = await getPublishedReport(ctx.db, positiveInt(request.params.id) ?? 0);
    const tree = await listAgencies(ctx.db);
    const agency = tree.find((a) => a.id === version?.agencyId);
    if (!version || !agency || !can(actorOf(request), 'report.view', agency.id, tree)) throw new NotFoundError('找不到这份报告，或您没有查看它的权限。');
    return { version, agency, tree };
  };

  app.get<{ Params: { id: string } }>('/admin/county/reports/:id', async (request, reply) => {
    const { version, agency, tree } = await versionFor(request);
    if (version.origin !== 'imported') return reply.redirect(`/admin/reports/${agency.id}/${version.year}`, 303);
    const actor = actorOf(request);
    const [findings, source, copy] = await Promise.all([
      importedVersionFindings(ctx, version, agency),
      importSourceOf(ctx.db, version.id),
      agencyCopyCheck(ctx, agency, version.year, can(actor, 'county.supervise', agency.id, tree)),
    ]);
    const hasSource = source !== undefined;
    const site = await siteInfo(ctx.db);
    const title = `${reportTitle(agency.name, version.year)}（导入）`;
    return sendPage(
      reply,
      <Layout title={title} site={site} area="admin" viewer={viewerOf(request, reply, tree)}>
        <Breadcrumbs
          trail={[
            ['工作台', '/admin'],
            ...(can(actor, 'county.supervise', agency.id, tree) ? ([[`${version.year}年度报告监督`, `/admin/county/${version.year}`]] as const) : []),
            [`${agency.shortName} ${version.year}年度报告（导入）`, null],
          ]}
        />
        <h1>{title}</h1>
        <dl class="metadata status">
          <div>
            <dt>来源</dt>
            <dd>
              {version.sourceName ? (
                <>
                  导入自已发布的文件“{version.sourceName}”（{(version.sourceFormat ?? '').toUpperCase()}）{' '}
                  {hasSource ? <a href={`/admin/county/reports/${version.id}/source`}>下载原文件</a> : ''}
                </>
              ) : (
                '平台启用前已发布的报告（未保存原文件）'
              )}
            </dd>
          </div>
          <div>
            <dt>发布日期</dt>
            <dd>{chinaDate(version.publishedAt)}</dd>
          </div>
          <div>
            <dt>版本</dt>
            <dd>
              第{version.version}版，{chinaDate(version.createdAt)}导入{version.reason ? `（${version.reason}）` : ''}
            </dd>
          </div>
        </dl>
        <Findings findings={findings} />
        <CopySection agencyId={agency.id} year={version.year} check={copy} />
        <section aria-labelledby="report-body" class="report-preview">
          <h2 id="report-body">读出的报告内容</h2>
          <ReportView doc={{ report: version.report, signer: null, signedDate: null }} findings={findings} />
        </section>
      </Layout>,
    );
  });

  app.get<{ Params: { id: string } }>('/admin/county/reports/:id/source', async (request, reply) => {
    const { version } = await versionFor(request);
    const source = await importSourceOf(ctx.db, version.id);
    if (!source) throw new NotFoundError('这份报告没有保存原文件');
    const name = source.filename.split('/').pop() ?? source.filename;
    return reply
      .type('application/octet-stream')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
      .send(Buffer.from(source.content));
  });

  // ------------------------------------------------------------ uploads

  const mayImport = async (request: FastifyRequest) => {
    const tree = await listAgencies(ctx.db);
    const agencies = agenciesWhere(actorOf(request), 'county.supervise', tree);
    if (agencies.size === 0) throw new NotFoundError('找不到这个页面，或您没有导入年度报告的权限。');
    return { tree, agencies: tree.filter((a) => agencies.has(a.id)) };
  };

  const uploadPage = async (request: FastifyRequest, reply: FastifyReply, state: { errors?: FieldError[]; status?: number } = {}) => {
    const { tree } = await mayImport(request);
    const actor = actorOf(request);
    const [site, batches] = await Promise.all([siteInfo(ctx.db), recentBatches(ctx.db, actor.id)]);
    const viewer = viewerOf(request, reply, tree);
    const mb = importLimits.fileBytes / 1024 / 1024;
    return sendPage(
      reply,
      <Layout title="导入已发布的年度报告" site={site} area="admin" viewer={viewer}>
        <Breadcrumbs
          trail={[
            ['工作台', '/admin'],
            ['年度报告监督', '/admin/county'],
            ['导入年度报告', null],
          ]}
        />
        <h1>导入已发布的年度报告</h1>
        <ErrorSummary errors={state.errors ?? []} />
        <p>
          上传各单位已经发布的政府信息公开工作年度报告（网页另存的 HTML、从浏览器复制的纯文本 TXT、Word 文档 DOCX 或带文字层的
          PDF），可以一次选择多个文件，也可以上传一个 ZIP
          压缩包。平台逐个读取表格中的每一个数字和正文，读不出的单元格留空并说明位置，不会猜测数字。读取后请逐个确认所属单位、年度和发布日期。
        </p>
        <p class="help">
          每个文件不超过{mb} MB，一次最多{importLimits.files}个文件（压缩包内的文件分别计数），合计不超过{importLimits.batchBytes / 1024 / 1024} MB。
        </p>
        {reader ? (
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
      </Layout>,
      state.status ?? 200,
    );
  };

  app.get('/admin/county/imports', (request, reply) => uploadPage(request, reply));

  app.post<{ Querystring: { _csrf?: string } }>('/admin/county/imports', { preHandler: app.csrfProtection, config: formRateLimit }, async (request, reply) => {
    await mayImport(request);
    if (!reader)
      return uploadPage(request, reply, {
        errors: [{ field: 'files', code: 'GK_IMPORT_NO_READER', message: '报告读取功能尚未接入本平台，暂时不能上传' }],
        status: 503,
      });
    let uploads: Upload[];
    try {
      uploads = await readUploads(request);
      const batch = await uploadReports(ctx, actorOf(request), uploads, reader);
      return reply.redirect(`/admin/county/imports/${batch}`, 303);
    } catch (e) {
      if (e instanceof InputError) return uploadPage(request, reply, { errors: e.errors, status: 400 });
      throw e;
    }
  });

  const batchPage = async (
    request: FastifyRequest<{ Params: { batch: string } }>,
    reply: FastifyReply,
    state: { outcomes?: DecisionOutcome[]; form?: Record<string, string>; status?: number } = {},
  ) => {
    const { tree, agencies } = await mayImport(request);
    const actor = actorOf(request);
    const files = await batchOf(ctx, actor, request.params.batch);
    const site = await siteInfo(ctx.db);
    const viewer = viewerOf(request, reply, tree);
    const outcomes = new Map((state.outcomes ?? []).map((o) => [o.id, o]));
    const errors = [...outcomes.values()].flatMap((o) => ('errors' in o ? o.errors : []));
    const pending = files.filter((f) => f.status === 'pending');
    const form = state.form ?? {};
    const thisYear = Number(chinaDate(ctx.now()).slice(0, 4));
    const agencyName = (id: number | null) => tree.find((a) => a.id === id)?.name ?? '';
    return sendPage(
      reply,
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
        <form method="post" action={`/admin/county/imports/${request.params.batch}`} class="form">
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
      </Layout>,
      state.status ?? 200,
    );
  };

  app.get<{ Params: { batch: string } }>('/admin/county/imports/:batch', (request, reply) => batchPage(request, reply));

  app.post<{ Params: { batch: string }; Body: Record<string, string> }>(
    '/admin/county/imports/:batch',
    { preHandler: app.csrfProtection, config: formRateLimit },
    async (request, reply) => {
      await mayImport(request);
      const form = request.body ?? {};
      const files = await batchOf(ctx, actorOf(request), request.params.batch);
      const decisions = files
        .filter((f) => f.status === 'pending')
        .map((f) => {
          const year = String(form[`year-${f.id}`] ?? '').trim();
          return {
            id: f.id,
            include: form[`include-${f.id}`] === '1',
            agencyId: positiveInt(form[`agency-${f.id}`]),
            year: /^\d{4}$/.test(year) ? Number(year) : null,
            publishedOn: String(form[`publishedOn-${f.id}`] ?? '').trim(),
          };
        });
      const outcomes = await confirmImports(ctx, actorOf(request), request.params.batch, decisions);
      const failed = outcomes.some((o) => 'errors' in o);
      return batchPage(request, reply, { outcomes, form, status: failed ? 400 : 200 });
    },
  );
}

/** The files of the upload form, within the limits: a file too large is named, as is a batch with too many files. */
async function readUploads(request: FastifyRequest): Promise<Upload[]> {
  const uploads: Upload[] = [];
  let total = 0;
  const mb = importLimits.fileBytes / 1024 / 1024;
  // throwFileSizeLimit is read by parts() too, though its type leaves it out.
  const parts = request.parts({
    limits: { fileSize: importLimits.fileBytes, files: importLimits.files, fields: 5, parts: importLimits.files + 5 },
    throwFileSizeLimit: false,
  } as Parameters<FastifyRequest['parts']>[0]);
  try {
    for await (const part of parts) {
      if (part.type !== 'file') continue;
      const bytes = await part.toBuffer();
      if (part.filename === '' && bytes.length === 0) continue;
      if (part.file.truncated) {
        throw new InputError([{ field: 'files', code: 'GK_IMPORT_FILE_SIZE', message: `文件“${part.filename}”超过${mb} MB，请压缩或拆分后上传` }]);
      }
      // Stop reading once the batch is over its limit, not after 50 files of 20 MB.
      total += bytes.length;
      if (total > importLimits.batchBytes) {
        throw new InputError([
          { field: 'files', code: 'GK_IMPORT_BATCH_SIZE', message: `一次上传的文件合计不能超过${importLimits.batchBytes / 1024 / 1024} MB，请分批上传` },
        ]);
      }
      uploads.push({ filename: part.filename, bytes: new Uint8Array(bytes) });
    }
  } catch (e) {
    request.raw.unpipe();
    request.raw.resume();
    if (e instanceof InputError) throw e;
    const err = e as { code?: string; statusCode?: number };
    if (err.code === 'FST_FILES_LIMIT' || err.code === 'FST_PARTS_LIMIT') {
      throw new InputError([{ field: 'files', code: 'GK_IMPORT_TOO_MANY', message: `一次最多上传${importLimits.files}个文件，请分批上传` }]);
    }
    throw Object.assign(new Error('Unreadable upload'), { statusCode: err.statusCode && err.statusCode < 500 ? err.statusCode : 400, cause: e });
  }
  if (uploads.length === 0) throw new InputError([{ field: 'files', code: 'GK_IMPORT_EMPTY', message: '请选择要导入的年度报告文件' }]);
  return uploads;
}

// ---------------------------------------------------------------- parts of the pages

const statusText = (r: SupervisedReport) => {
  const label = reportStatusLabels[r.status];
  if (r.status === 'published') return r.late ? `逾期发布（${r.publishedOn}）` : `${label}（${r.publishedOn}）`;
  return r.late ? `${label}，已逾期` : label;
};

const StatusTable: FC<{ s: CountySupervision }> = ({ s }) => (
  <section aria-labelledby="status">
    <h2 id="status">各单位报告情况</h2>
    <p class="help">
      发布期限：
      {agencyKindKeys.map((k) => `${agencyKinds[k].label}${s.year + 1}年${s.settings.deadlines[k].month}月${s.settings.deadlines[k].day}日`).join('，')}
      （条例第四十九条；乡镇的期限由本地设定，可在页末修改）。“已发布”包括在平台发布的和导入的已发布报告；“草稿”是已开始在平台编写正文、尚未发布。
    </p>
    <table class="list status-table supervision">
      <caption>{s.year}年度各单位年度报告</caption>
      <thead>
        <tr>
          <th scope="col">单位</th>
          <th scope="col">状态</th>
          <th scope="col">来源</th>
          <th scope="col">错误</th>
          <th scope="col">警告</th>
        </tr>
      </thead>
      <tbody>
        {s.reports.map((r) => (
          <tr>
            <th scope="row">{r.agency.name}</th>
            <td class={r.late ? 'late' : r.status === 'published' ? 'done' : ''}>
              {r.late ? (
                <>
                  <Icon name="warning" />{' '}
                </>
              ) : (
                ''
              )}
              {statusText(r)}
            </td>
            <td>{r.source ? sourceLabels[r.source] : '无报告'}</td>
            <td class={r.errors ? 'late' : ''}>{r.href ? <a href={`${r.href}#findings`}>{r.errors}</a> : '—'}</td>
            <td>{r.href ? <a href={`${r.href}#findings`}>{r.warnings}</a> : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </section>
);

const CarryOverTable: FC<{ s: CountySupervision }> = ({ s }) => {
  const mismatches = s.reports.filter((r) => r.carryOver.state === 'mismatch').length;
  return (
    <section aria-labelledby="carry-over">
      <h2 id="carry-over">跨年度结转核对</h2>
      <p>
        本年度表三“二、上年结转政府信息公开申请数量”应等于{s.year - 1}
        年度报告“四、结转下年度继续办理”（T3-05），两年的报告各取现有的版本：平台发布的、导入的，或平台根据台账生成的。
        {mismatches ? <strong class="blocked">{mismatches}个单位不一致。</strong> : '各单位均一致或无法核对。'}
      </p>
      <table class="list carry-over">
        <caption>
          {s.year}年度上年结转与{s.year - 1}年度结转下年度（总计列；不一致时列出各列）
        </caption>
        <thead>
          <tr>
            <th scope="col">单位</th>
            <th scope="col">{s.year - 1}年度结转下年度</th>
            <th scope="col">{s.year}年度上年结转</th>
            <th scope="col">核对结果</th>
          </tr>
        </thead>
        <tbody>
          {s.reports.map((r) => {
            const total = r.carryOver.columns.find((c) => c.column === 'total');
            const differing = r.carryOver.columns.filter((c) => c.differs);
            return (
              <tr class={r.carryOver.state === 'mismatch' ? 'mismatch' : ''}>
                <th scope="row">{r.agency.shortName}</th>
                <td>{total?.lastYear ?? '—'}</td>
                <td>{total?.thisYear ?? '—'}</td>
                <td>
                  {r.carryOver.state === 'mismatch' ? (
                    <strong class="blocked">
                      <Icon name="warning" /> 不一致：{differing.map((c) => `${c.label}列上年${c.lastYear}、本年${c.thisYear}`).join('；')}
                    </strong>
                  ) : r.carryOver.state === 'match' ? (
                    <span class="ok">一致</span>
                  ) : (
                    '缺少其中一年的报告，无法核对'
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
};

const CopyCell: FC<{ r: SupervisedReport; which: 'lastYear' | 'peer'; copyShare: number }> = ({ r, which, copyShare }) => {
  const m = r.copy[which];
  if (!m) return <td>—</td>;
  const over = m.share > copyShare;
  const href = `/admin/reports/${r.agency.id}/${r.year}/copies?against=${which === 'lastYear' ? 'lastYear' : m.agency.id}`;
  return (
    <td class={over ? 'late' : ''}>
      {over ? (
        <>
          <Icon name="warning" />{' '}
        </>
      ) : (
        ''
      )}
      <a href={href}>
        {percent(m.share)}
        {which === 'peer' ? `（${m.agency.shortName}）` : ''}
      </a>
      {over ? '，超过警示比例' : ''}
    </td>
  );
};

const CopyTable: FC<{ s: CountySupervision }> = ({ s }) => (
  <section aria-labelledby="copies">
    <h2 id="copies">内容雷同检查（X-07）</h2>
    <p>
      报告正文（第一、五、六部分）与本单位{s.year - 1}年度报告、与本县其他单位同年度报告相同内容所占的比例（去除标点和空格后连续8个字符相同即计入）。超过
      {percent(s.settings.copyShare)}的标为警示。点击比例查看标出的相同段落。
    </p>
    <table class="list copies">
      <caption>{s.year}年度报告内容雷同情况</caption>
      <thead>
        <tr>
          <th scope="col">单位</th>
          <th scope="col">与本单位上年报告相同</th>
          <th scope="col">与本县其他单位报告最相似</th>
        </tr>
      </thead>
      <tbody>
        {s.reports.map((r) => (
          <tr>
            <th scope="row">{r.agency.shortName}</th>
            <CopyCell r={r} which="lastYear" copyShare={s.settings.copyShare} />
            <CopyCell r={r} which="peer" copyShare={s.settings.copyShare} />
          </tr>
        ))}
      </tbody>
    </table>
  </section>
);

const CountyTotals: FC<{ s: CountySupervision }> = ({ s }) => {
  const t = s.totals;
  const grids = reportGrids(t.sum);
  const differing = new Map(t.differences.map((d) => [d.key, d.other]));
  const note = (key: string) => (differing.has(key) ? `县政府${differing.get(key) ?? '空'}` : null);
  const countyHref =
    t.county.source === 'imported' && t.county.stored ? `/admin/county/reports/${t.county.stored.id}` : `/admin/reports/${s.county.id}/${s.year}`;
  return (
    <section aria-labelledby="totals" class="report-preview">
      <h2 id="totals">全县汇总</h2>
      <p>
        下表每个数字是全县{s.reports.length - t.missing.length}个单位（含{s.county.shortName}本身）{s.year}年度报告该项之和，各单位报告取现有的版本。
        {t.missing.length ? `没有报告、未计入的单位：${t.missing.map((a) => a.shortName).join('、')}。` : ''}
      </p>
      <p>
        对照的“县政府年报”是
        <a href={countyHref}>
          {s.county.name}
          {s.year}年度报告
        </a>
        （条例第四十九条第二款的本级政府年度报告）。本平台生成的{s.county.shortName}报告只统计{s.county.shortName}
        自身收到和办理的申请——各部门、乡镇另行发布本机关的报告，若再计入本级政府报告，上级汇总时同一件申请会被计算两次。因此两者的差额通常就是各部门和乡镇的数字；如果
        {s.county.shortName}发布的是全县汇总口径的报告，两者应当相等，差额即为汇总遗漏或重复之处。
        {t.county.report ? (
          t.differences.length ? (
            <strong>共{t.differences.length}个单元格与县政府年报不同，已在表中标出（“县政府”后为县政府年报中的数字）。</strong>
          ) : (
            <span class="ok">各单元格与县政府年报一致。</span>
          )
        ) : (
          `${s.county.shortName}尚无${s.year}年度报告，无法对照。`
        )}
      </p>
      {(['active', 'applications', 'appeals'] as const).map((k) => (
        <TableView grid={grids[k]} note={note} />
      ))}
    </section>
  );
};

const Charts: FC<{ s: CountySupervision }> = ({ s }) => (
  <section aria-labelledby="charts">
    <h2 id="charts">
      历年申请与办理结果（{s.years[0]}—{s.years[s.years.length - 1]}年）
    </h2>
    <p class="help">各年度取现有版本的报告；新收为表三“本年新收”总计，办理结果为表三“本年度办理结果”各类总计。图下可展开数据表。</p>
    {s.series.map((series, i) => (
      <div class="chart-block">
        <h3>{series.agency ? series.agency.name : `${s.county.name}（全县合计）`}</h3>
        <ApplicationsChart id={`chart-${i}`} subject={series.agency ? series.agency.name : `${s.county.name}全县`} figures={series.figures} />
      </div>
    ))}
  </section>
);

const SettingsForm: FC<{
  s: CountySupervision;
  csrf: string;
  maySet: boolean;
  errors: readonly FieldError[];
  form: Record<string, string> | undefined;
  year: number;
  suffix: string;
}> = ({ s, csrf, maySet, errors, form, year, suffix }) => {
  const err = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <section aria-labelledby="settings">
      <h2 id="settings">年报设置</h2>
      {maySet ? (
        <form method="post" action={`/admin/county/${year}/settings${suffix}`} class="form inline-form">
          <input type="hidden" name="_csrf" value={csrf} />
          {agencyKindKeys.map((k) => (
            <TextField
              name={`deadline.${k}`}
              id={`field-deadline-${k}`}
              label={`${agencyKinds[k].label}发布期限（月-日）`}
              value={form?.[`deadline.${k}`] ?? monthDayText(s.settings.deadlines[k])}
              error={err(`deadline.${k}`)}
            />
          ))}
          <TextField
            name="copyShare"
            label="内容雷同警示比例（%）"
            value={form?.copyShare ?? String(Math.round(s.settings.copyShare * 100))}
            error={err('copyShare')}
          />
          <button type="submit">保存设置</button>
        </form>
      ) : (
        <p>发布期限和内容雷同警示比例（{percent(s.settings.copyShare)}）对平台上的所有县有效，由平台管理员或监督全部各县的县级监督人员设置。</p>
      )}
    </section>
  );
};

/** Text with the given stretches marked. */
const Marked: FC<{ text: string; spans: readonly { start: number; end: number }[] }> = ({ text, spans }) => {
  const pieces: (string | ReturnType<FC>)[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start > at) pieces.push(text.slice(at, s.start));
    pieces.push(<mark>{text.slice(s.start, s.end)}</mark>);
    at = s.end;
  }
  if (at < text.length) pieces.push(text.slice(at));
  return <div class="marked-text">{pieces}</div>;
};
