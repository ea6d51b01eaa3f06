/** The reviewer's forms on the screening results: settle one hit, mask all of a kind (全部遮蔽), record a marking's 解密. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../app/context.ts';
import { declassifyHits, settleAllOfKind, settleHit } from '../../../app/catalog/hits.ts';
import { hitKinds, isHitKind } from '../../../law/screening.ts';
import { actorOf } from '../access.ts';
import { versionAct, versionIdFor } from './act.ts';

const done = (versionId: number | null, notice: string, anchor: string) => `/admin/versions/${versionId ?? 0}?done=${encodeURIComponent(notice)}#${anchor}`;

export function hitRoutes(app: FastifyInstance, ctx: AppContext): void {
  versionAct(app, ctx, '/admin/hits/:id', async (id, form, request) => {
    await settleHit(ctx, actorOf(request), id, form.resolution ?? '', form.reason ?? '');
    return `/admin/versions/${(await versionIdFor(ctx, '/admin/hits/:id', id)) ?? 0}#hit-${id}`;
  });

  versionAct(app, ctx, '/admin/hits/:id/declassify', async (id, form, request) => {
    const n = await declassifyHits(
      ctx,
      actorOf(request),
      id,
      { docNo: form.docNo ?? '', date: form.date ?? '', authority: form.authority ?? '' },
      { allMarkings: form.allMarkings === '1' },
    );
    return done(await versionIdFor(ctx, '/admin/hits/:id', id), `已登记解密决定，${n}处标识将按原样公开。`, `hit-${id}`);
  });

  versionAct(app, ctx, '/admin/versions/:id/settle-all', async (id, form, request) => {
    const kind = form.kind ?? '';
    const n = await settleAllOfKind(ctx, actorOf(request), id, kind);
    return done(id, `已将${n}处“${isHitKind(kind) ? hitKinds[kind].label : kind}”全部遮蔽。`, 'screening');
  });
}
