/**
 * The public portal: one site on which every agency of the county publishes (towns have
 * no site of their own). No session is read here; nothing personal is shown. Pages work
 * without JavaScript; each file holds one kind of page.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/context.ts';
import { agencyRoutes } from './agency.tsx';
import { applyRoutes } from './apply.tsx';
import { careRoutes } from './care.ts';
import { complaintRoutes } from './complaint.tsx';
import { feedRoutes } from './feeds.ts';
import { homeRoutes } from './home.tsx';
import { itemRoutes } from './item.tsx';
import { listRoutes } from './list.tsx';
import { annualReportRoutes } from './reports.tsx';

export async function portalRoutes(app: FastifyInstance, opts: { ctx: AppContext }) {
  for (const routes of [homeRoutes, agencyRoutes, listRoutes, itemRoutes, annualReportRoutes, feedRoutes, applyRoutes, complaintRoutes])
    await app.register(routes, opts);
  await app.register(careRoutes);
}
