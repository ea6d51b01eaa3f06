/**
 * County supervision of the annual reports (issue 5): the supervision page of a year, the
 * upload of published reports (one file, several, or a ZIP) with their assignment to an
 * agency and year, the page of an imported version, copy detection with the repeated
 * passages marked, and the locality's report settings (deadlines, copy share).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../app/context.ts';
import { countyComplaints } from '../../../app/complaints/complaints.ts';
import { batchOf, confirmImports, firstImportYear, uploadReports, type DecisionOutcome, type ReportReader, type Upload } from '../../../app/reports/import.ts';
import { maySetReportSettings, saveReportSettings } from '../../../app/reports/settings.ts';
import { agencyCopyCheck, copyComparison, countySupervision, importedVersionFindings, supervisedCounties } from '../../../app/reports/supervision.ts';
import { procedureDefectsOfYear } from '../../../app/requests/defects.ts';
import { correctionDefaultDays, maySetCorrectionDefault } from '../../../app/requests/settings.ts';
import { agenciesWhere, can } from '../../../domain/access/policy.ts';
import { chinaDate } from '../../../domain/shared/dates.ts';
import { InputError, NotFoundError, type FieldError } from '../../../domain/shared/result.ts';
import { agencyKindKeys } from '../../../law/agency-kinds.ts';
import { listAgencies } from '../../../store/agencies.repo.ts';
import { importSourceOf, recentBatches } from '../../../store/report-imports.repo.ts';
import { getPublishedReport } from '../../../store/reports.repo.ts';
import { formRateLimit } from '../../plugins/security.ts';
import { siteInfo } from '../../site.ts';
import { positiveInt } from '../../views/components.tsx';
import { sendPage } from '../../views/page.ts';
import { actorOf, agencyFor } from '../access.ts';
import { viewerOf } from '../viewer.ts';
import { BatchPage } from './batch-page.tsx';
import { CopiesPage } from './copies-page.tsx';
import { ImportedPage } from './imported-page.tsx';
import { readUploads } from './read-uploads.ts';
import { SupervisionPage } from './supervision-page.tsx';
import { UploadPage } from './upload-page.tsx';

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
      <SupervisionPage
        s={s}
        year={year}
        site={site}
        viewer={viewer}
        errors={state.errors ?? []}
        form={state.form}
        saved={request.query.saved}
        yearLinks={yearLinks}
        suffix={suffix}
        complaints={complaints}
        defects={defects}
        correctionDays={correctionDays}
        maySetCorrection={maySetCorrection}
        maySet={maySet}
      />,
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
      return sendPage(reply, <CopiesPage agency={agency} year={year} c={c} site={site} viewer={viewerOf(request, reply, tree)} />);
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
    return sendPage(
      reply,
      <ImportedPage
        version={version}
        agency={agency}
        tree={tree}
        actor={actor}
        findings={findings}
        copy={copy}
        hasSource={hasSource}
        site={site}
        viewer={viewerOf(request, reply, tree)}
      />,
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
    return sendPage(
      reply,
      <UploadPage site={site} viewer={viewer} errors={state.errors ?? []} canRead={reader !== undefined} batches={batches} />,
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
    const thisYear = Number(chinaDate(ctx.now()).slice(0, 4));
    return sendPage(
      reply,
      <BatchPage
        batch={request.params.batch}
        files={files}
        tree={tree}
        agencies={agencies}
        outcomes={state.outcomes ?? []}
        form={state.form ?? {}}
        thisYear={thisYear}
        site={site}
        viewer={viewer}
      />,
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
