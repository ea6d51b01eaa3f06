/**
 * The JSON API. Public: agencies and published reports (the contract JSON). Staff: the
 * computed report of an agency and year with its findings, under the same agency checks
 * as the pages.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/context.ts';
import { computeAgencyReport } from '../../app/reports/compute.ts';
import { findingJson } from '../../domain/reports/findings.ts';
import { NotFoundError } from '../../domain/shared/result.ts';
import { reportJsonValue } from '../../render/report/json.ts';
import { listAgencies } from '../../store/agencies.repo.ts';
import { getPublishedReport } from '../../store/reports.repo.ts';
import { agencyFor } from '../admin/access.ts';
import { requireStaffApi } from '../plugins/session.ts';
import { positiveInt } from '../views/components.tsx';
import { chinaTimestamp } from '../../domain/shared/dates.ts';

export async function apiRoutes(app: FastifyInstance, opts: { ctx: AppContext }) {
  const { ctx } = opts;

  app.get('/api/agencies', async () =>
    (await listAgencies(ctx.db)).map((a) => ({ id: a.id, name: a.name, shortName: a.shortName, kind: a.kind, code: a.code, parentId: a.parentId })),
  );

  app.get<{ Params: { id: string } }>('/api/annual-reports/:id', async (request) => {
    const id = positiveInt(request.params.id);
    const p = id ? await getPublishedReport(ctx.db, id) : undefined;
    if (!p) throw new NotFoundError('找不到这份年度报告');
    return {
      report: reportJsonValue(p.report),
      publication: {
        indexNo: p.indexNo,
        publisher: p.publisher,
        scope: p.scope,
        generatedDate: p.generatedDate,
        publishedAt: chinaTimestamp(p.publishedAt),
        disclosureMode: p.disclosureMode,
        version: p.version,
        correctionReason: p.reason,
      },
    };
  });

  app.get<{ Params: { agencyId: string; year: string } }>('/api/reports/:agencyId/:year', { preHandler: requireStaffApi }, async (request) => {
    const { agency } = await agencyFor(ctx, request, request.params.agencyId, 'report.view');
    if (!/^\d{4}$/.test(request.params.year)) throw new NotFoundError('年度应为四位数字');
    const computed = await computeAgencyReport(ctx, agency, Number(request.params.year));
    return { report: reportJsonValue(computed.report), findings: computed.findings.map(findingJson) };
  });
}
