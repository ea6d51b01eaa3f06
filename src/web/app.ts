/**
 * The web platform: the public portal, the staff pages and the JSON API, as encapsulated
 * route groups over shared security (cookies, CSRF, headers, rate limits) and sessions.
 */
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { AppContext } from '../app/context.ts';
import { apiRoutes } from './api/routes.ts';
import { authRoutes } from './admin/auth-routes.tsx';
import { dashboardRoutes } from './admin/dashboard.tsx';
import { reportRoutes } from './admin/report-routes.tsx';
import { reportReviewRoutes } from './admin/report-review-page.tsx';
import { accountRoleRoutes, peopleRoutes } from './admin/people/routes.tsx';
import { catalogueRoutes } from './admin/catalogue-routes.tsx';
import { countyRoutes } from './admin/county/routes.tsx';
import type { ReportReader } from '../app/reports/import.ts';
import { checkReportFile } from '../extract/report/index.ts';
import { calendarRoutes } from './admin/calendar-routes.tsx';
import { requestRoutes } from './admin/requests/routes.tsx';
import { correctionRoutes } from './admin/corrections/routes.tsx';
import { supervisionRoutes } from './admin/supervision/routes.tsx';
import { auditRoutes } from './admin/audit/routes.tsx';
import { closeViews } from '../app/catalog/views.ts';
import { installErrorHandling } from './plugins/errors.tsx';
import { trustedProxies } from './config/trust-proxy.ts';
import { loggerOptions, newRequestId, type LogDestination } from './logging.ts';
import { security, securityHeaderList } from './plugins/security.ts';
import { front, type Timeouts } from './portal/front.ts';
import { refuseNulInput } from './plugins/input.ts';
import { htmlHeaders } from './views/page.ts';
import { requireStaffPage, sessions } from './plugins/session.ts';
import { portalRoutes } from './portal/routes.tsx';
import { searchRoutes } from './portal/search.tsx';
import { reportCss } from '../render/report/report-css.ts';
import { letterCss } from '../render/letters/html.tsx';

export interface BuildOptions {
  ctx: AppContext;
  /** Secure cookies: true behind HTTPS; 'auto' (default) marks them Secure on HTTPS requests. */
  secureCookies?: boolean | 'auto';
  /** Addresses or CIDRs of the reverse proxies whose X-Forwarded-* are believed; GONGKAI_TRUST_PROXY unless given. */
  trustProxy?: readonly string[];
  /** Request and error logs (src/web/logging.ts): true to stdout, or to the given destination; none by default. */
  logger?: boolean | LogDestination;
  /**
   * Rate limits are counted in the database, together by every app on it; apps given
   * different scopes count apart (tests that each want fresh limits on one database).
   */
  rateLimitScope?: string;
  /** Reads uploaded annual reports for import; the reader of `gongkai check` unless given. */
  reportReader?: ReportReader;
  /** Client timeouts (src/web/portal/front.ts); the defaults unless given. */
  timeouts?: Partial<Timeouts>;
}

export async function buildApp(opts: BuildOptions): Promise<FastifyInstance> {
  const { ctx } = opts;
  const secureCookies = opts.secureCookies ?? (process.env.GONGKAI_SECURE_COOKIES === '1' ? true : 'auto');
  // Kept public pages are answered before Fastify, with the headers Fastify would send them with.
  const early = front(ctx, [...securityHeaderList(secureCookies), ...Object.entries(htmlHeaders).flat()], opts.timeouts);
  const proxies = opts.trustProxy ?? trustedProxies(process.env.GONGKAI_TRUST_PROXY);
  const app = Fastify({
    logger: opts.logger ? loggerOptions(opts.logger === true ? undefined : opts.logger) : false,
    genReqId: newRequestId,
    // A client does not choose the id its request is logged under.
    requestIdHeader: false,
    trustProxy: proxies.length ? [...proxies] : false,
    serverFactory: early.serverFactory,
  });
  app.decorate('front', early);
  early.log = app.log;
  app.addHook('preClose', (done) => {
    early.closing = true;
    done();
  });
  installErrorHandling(app, ctx);
  refuseNulInput(app);
  // Item views are counted in memory and written in batches: write the last ones on close
  // (logged, not thrown, when the database is already closed: closing goes on).
  app.addHook('onClose', async () => closeViews(ctx).catch((e: unknown) => app.log.error(e, 'item views not written')));
  await app.register(security, { ctx, secureCookies, rateLimitScope: opts.rateLimitScope ?? '' });
  await app.register(sessions, { ctx });
  await app.register(fastifyStatic, { root: path.join(import.meta.dirname, 'static'), prefix: '/static/', maxAge: '1h' });
  // The report tables' styles are declared once (src/render/report/report-css.ts) for the site and the HTML export.
  app.get('/assets/report.css', async (_req, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(reportCss));
  // So are the case letters' (src/render/letters/html.tsx), for the applicant's status page and the staff case pages.
  app.get('/assets/letter.css', async (_req, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(letterCss));
  await app.register(portalRoutes, { ctx });
  await app.register(searchRoutes, { ctx });
  await app.register(apiRoutes, { ctx });
  await app.register(authRoutes, { ctx, secureCookies });
  await app.register(async (staff) => {
    staff.addHook('preHandler', requireStaffPage);
    await staff.register(dashboardRoutes, { ctx });
    await staff.register(reportRoutes, { ctx });
    await staff.register(reportReviewRoutes, { ctx });
    await staff.register(peopleRoutes, { ctx });
    await staff.register(accountRoleRoutes, { ctx });
    await staff.register(catalogueRoutes, { ctx });
    await staff.register(countyRoutes, { ctx, reader: opts.reportReader ?? checkReportFile });
    await staff.register(requestRoutes, { ctx, secureCookies });
    await staff.register(calendarRoutes, { ctx });
    await staff.register(correctionRoutes, { ctx });
    await staff.register(supervisionRoutes, { ctx });
    await staff.register(auditRoutes, { ctx });
  });
  return app;
}
