/**
 * Staff pages of 依申请公开 under /admin/requests: the agency's dashboard, registration, the
 * case page with the forms of the acts allowed now, letters (HTML and DOCX) and identity
 * files. The agency's staff handle; its reviewers and county supervisors read (supervisors
 * without the applicant's personal data); anyone else finds nothing (404). Every POST has
 * a CSRF token and answers with a redirect, or the page again with each error under its
 * field and the values as typed.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../app/context.ts';
import { correctionDefaultDays, saveCorrectionDefault } from '../../../app/requests/settings.ts';
import { InputError } from '../../../domain/shared/result.ts';
import { listAgencies } from '../../../store/agencies.repo.ts';
import { siteInfo } from '../../site.ts';
import { Breadcrumbs, positiveInt } from '../../views/components.tsx';
import { ErrorSummary, Layout } from '../../views/layout.tsx';
import { sendPage } from '../../views/page.ts';
import { actorOf } from '../access.ts';
import { viewerOf } from '../viewer.ts';
import type { Form } from './act-runners.ts';
import { CorrectionPeriodForm } from './procedure-section.tsx';
import { signOffSettingsRoutes } from './sign-off-settings.tsx';
import { caseRoutes } from './case-routes.tsx';
import { intakeRoutes } from './intake-routes.tsx';
import { letterRoutes } from './letter-routes.tsx';
import { formOf } from './route-helpers.ts';

export async function requestRoutes(app: FastifyInstance, opts: { ctx: AppContext; secureCookies?: boolean | 'auto' }) {
  const { ctx } = opts;
  await signOffSettingsRoutes(app, { ctx });
  await intakeRoutes(app, opts);
  await caseRoutes(app, { ctx });

  /**
   * The county's default 补正期限, from its supervision page; a refused value shows this form
   * on a page of its own with the message under the field. Back only to a page of this site.
   */
  app.post<{ Body: Form }>('/admin/requests/settings/correction-period', { preHandler: app.csrfProtection }, async (request, reply) => {
    const f = formOf(request.body);
    const countyId = positiveInt(f.county) ?? 0;
    const back = (f.back ?? '').startsWith('/admin/') && !(f.back ?? '').startsWith('//') ? f.back! : '/admin';
    try {
      await saveCorrectionDefault(ctx, actorOf(request), countyId, f.correctionWorkingDays ?? '');
      return reply.redirect(`${back}${back.includes('?') ? '&' : '?'}saved=1#procedure`, 303);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      const tree = await listAgencies(ctx.db);
      const viewer = viewerOf(request, reply, tree);
      return sendPage(
        reply,
        <Layout title="补正期限" site={await siteInfo(ctx.db)} area="admin" viewer={viewer}>
          <Breadcrumbs
            trail={[
              ['工作台', '/admin'],
              ['补正期限', null],
            ]}
          />
          <h1>补正期限</h1>
          <ErrorSummary errors={e.errors.map((x) => ({ message: x.message, field: 'correctionWorkingDays' }))} />
          <CorrectionPeriodForm
            countyId={countyId}
            csrf={viewer.csrf}
            days={await correctionDefaultDays(ctx.db, countyId)}
            value={f.correctionWorkingDays ?? ''}
            error={e.errors[0]?.message}
            back={back}
          />
        </Layout>,
        400,
      );
    }
  });

  await letterRoutes(app, { ctx });
}
