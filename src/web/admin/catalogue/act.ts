/** Forms posted from a version page: each performs one act, then redirects, or shows the page again with the errors naming their fields. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../app/context.ts';
import { InputError } from '../../../domain/shared/result.ts';
import { versionsOf } from '../../../store/catalogue-versions.repo.ts';
import { positiveInt } from '../../views/components.tsx';
import type { Form } from './content-fields.tsx';
import { versionPage } from './version-page.tsx';

export type ActRunner = (id: number, form: Form, request: FastifyRequest) => Promise<string>;

export function versionAct(app: FastifyInstance, ctx: AppContext, path: string, run: ActRunner): void {
  app.post<{ Params: { id: string }; Body: Form }>(path, { preHandler: app.csrfProtection }, async (request, reply) => {
    const id = positiveInt(request.params.id) ?? 0;
    const form = request.body ?? {};
    try {
      return reply.redirect(await run(id, form, request), 303);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      const versionId = await versionIdFor(ctx, path, id);
      if (versionId === null) throw e;
      // A hit's form comes back filled in, the others empty.
      const kept = path.startsWith('/admin/hits/') ? { ...form, hit: String(id) } : form;
      return versionPage(ctx, request, reply, String(versionId), { errors: e.errors, form: kept, status: 400 });
    }
  });
}

/** The version page an error on `path` belongs to. */
export async function versionIdFor(ctx: AppContext, path: string, id: number): Promise<number | null> {
  if (path.startsWith('/admin/versions/')) return id;
  if (path.startsWith('/admin/hits/')) {
    const h = await ctx.db.selectFrom('screening_hits').select('version_id').where('id', '=', id).executeTakeFirst();
    return h?.version_id ?? null;
  }
  if (path.startsWith('/admin/attachments/')) {
    const a = await ctx.db.selectFrom('item_attachments').select('version_id').where('id', '=', id).executeTakeFirst();
    return a?.version_id ?? null;
  }
  const v = (await versionsOf(ctx.db, id))[0];
  return v?.id ?? null;
}
