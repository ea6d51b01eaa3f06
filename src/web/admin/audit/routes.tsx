/**
 * /admin/audit: the audit trail for those who oversee (issue 14). Whoever oversees nothing,
 * or names an agency they do not oversee, finds nothing (404).
 */
import type { FastifyInstance } from 'fastify';
import { type AuditQuery, auditTrail } from '../../../app/audit/read.ts';
import type { AppContext } from '../../../app/context.ts';
import { listAgencies } from '../../../store/agencies.repo.ts';
import { siteInfo } from '../../site.ts';
import { firstString } from '../../views/components.tsx';
import { Layout } from '../../views/layout.tsx';
import { sendPage } from '../../views/page.ts';
import { actorOf } from '../access.ts';
import { viewerOf } from '../viewer.ts';
import { AuditPage, auditTitle } from './page.tsx';

export async function auditRoutes(app: FastifyInstance, opts: { ctx: AppContext }) {
  const { ctx } = opts;
  app.get('/admin/audit', async (request, reply) => {
    // A repeated parameter counts once: the form never sends two.
    const q = Object.fromEntries(Object.entries(request.query as Record<string, unknown>).map(([k, v]) => [k, firstString(v)])) as AuditQuery;
    const view = await auditTrail(ctx, actorOf(request), q);
    const tree = await listAgencies(ctx.db);
    return sendPage(
      reply,
      <Layout title={auditTitle} site={await siteInfo(ctx.db)} area="admin" viewer={viewerOf(request, reply, tree)}>
        <AuditPage view={view} />
      </Layout>,
      view.errors.length ? 400 : 200,
    );
  });
}
