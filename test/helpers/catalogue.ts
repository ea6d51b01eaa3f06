/** The catalogue workflow's form and the demo's 插旗镇 staff, for tests that publish through src/app. */
import type { AppContext } from '../../src/app/context.ts';
import type { Actor } from '../../src/domain/access/policy.ts';

/** A complete draft form of a 通知公告; `over` replaces fields. */
export const itemForm = (over: Record<string, string> = {}) => ({
  title: '插旗镇关于2026年冬季森林防火的通告',
  summary: '冬季森林防火',
  body: '为做好冬季森林防火工作，现通告如下：禁止野外用火。',
  category: 'notices',
  topic: '综合政务/应急管理',
  statutoryItem: '',
  domain: '',
  docNo: '',
  documentKind: '',
  writtenDate: '',
  generatedDate: '2026-11-20',
  scope: '面向全社会',
  ...over,
});

/** A demo account's id. */
export async function userId(ctx: AppContext, username: string): Promise<number> {
  return (await ctx.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

/** The demo's editor, reviewer (保密审查) and leader of 插旗镇 (agency `chaqi`). */
export async function chaqiStaff(ctx: AppContext, chaqi: number): Promise<Record<'editor' | 'reviewer' | 'leader', Actor>> {
  return {
    editor: { id: await userId(ctx, 'chaqi-editor'), roles: [{ role: 'editor', agencyId: chaqi }] },
    reviewer: { id: await userId(ctx, 'chaqi-reviewer'), roles: [{ role: 'reviewer', agencyId: chaqi }] },
    leader: { id: await userId(ctx, 'chaqi-leader'), roles: [{ role: 'leader', agencyId: chaqi }] },
  };
}
