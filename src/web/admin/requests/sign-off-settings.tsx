/**
 * The agency's sign-off setting, /admin/requests/sign-off?agency=<id>: whether its 予以公开
 * replies need the head's sign-off as well as every other reply (src/law/sign-off.ts). The
 * agency's staff read it; its head (审核领导) and administrator change it.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FC } from 'hono/jsx';
import type { AppContext } from '../../../app/context.ts';
import { setSignOffPolicy, signOffSettings } from '../../../app/requests/sign-off.ts';
import type { Agency } from '../../../domain/agencies/agency.ts';
import { portalDateTime } from '../../../domain/shared/dates.ts';
import { signOffRules } from '../../../law/sign-off.ts';
import { siteInfo } from '../../site.ts';
import { Breadcrumbs } from '../../views/components.tsx';
import { Layout } from '../../views/layout.tsx';
import { sendPage } from '../../views/page.ts';
import { actorOf, agencyFor } from '../access.ts';
import { viewerOf } from '../viewer.ts';

type Settings = Awaited<ReturnType<typeof signOffSettings>>;

const choices = [
  ['refusals', '予以公开以外的答复（部分公开、不予公开、无法提供、不予处理等）须经负责人签发；予以公开的答复由承办人直接作出'],
  ['all', '所有答复（包括予以公开）都须经负责人签发'],
] as const;

const SignOffPage: FC<{ agency: Agency; s: Settings; csrf: string; saved: boolean }> = ({ agency, s, csrf, saved }) => (
  <>
    <Breadcrumbs
      trail={[
        ['工作台', '/admin'],
        ['依申请公开', `/admin/requests?agency=${agency.id}`],
        ['答复签发设置', null],
      ]}
    />
    <h1>答复签发设置：{agency.name}</h1>
    {saved ? (
      <p class="notice" role="status">
        已保存。
      </p>
    ) : (
      ''
    )}
    <p>
      {signOffRules.reply.label}（{signOffRules.reply.basis}）。{signOffRules.extension.label}（{signOffRules.extension.basis}），不受本设置影响。
    </p>
    <p class="hint">
      负责人为本单位“审核领导”角色的工作人员。
      {s.updatedAt ? `最近由${s.updatedByName ?? '—'}于${portalDateTime(s.updatedAt)}设置。` : '本单位尚未设置，按默认（予以公开的答复无需签发）。'}
    </p>
    <form method="post" action={`/admin/requests/sign-off?agency=${agency.id}`} class="form">
      <input type="hidden" name="_csrf" value={csrf} />
      <fieldset>
        <legend>须经负责人签发的答复</legend>
        {choices.map(([value, label]) => (
          <label class="choice">
            <input type="radio" name="scope" value={value} checked={(value === 'all') === s.grants} disabled={!s.mayConfigure} /> {label}
          </label>
        ))}
      </fieldset>
      {s.mayConfigure ? <button type="submit">保存</button> : <p class="hint">只有本单位的审核领导或单位管理员可以修改。</p>}
    </form>
  </>
);

export async function signOffSettingsRoutes(app: FastifyInstance, opts: { ctx: AppContext }) {
  const { ctx } = opts;
  const page = async (request: FastifyRequest, reply: FastifyReply, agencyRaw: string, saved: boolean) => {
    const { agency, tree } = await agencyFor(ctx, request, agencyRaw, 'requests.view');
    const s = await signOffSettings(ctx, actorOf(request), agency.id);
    const viewer = viewerOf(request, reply, tree);
    return sendPage(
      reply,
      <Layout title="答复签发设置" site={await siteInfo(ctx.db)} area="admin" viewer={viewer}>
        <SignOffPage agency={agency} s={s} csrf={viewer.csrf} saved={saved} />
      </Layout>,
    );
  };
  app.get<{ Querystring: { agency?: string; saved?: string } }>('/admin/requests/sign-off', async (request, reply) =>
    page(request, reply, request.query.agency ?? '', request.query.saved === '1'),
  );
  app.post<{ Querystring: { agency?: string }; Body: Record<string, unknown> }>(
    '/admin/requests/sign-off',
    { preHandler: app.csrfProtection },
    async (request, reply) => {
      const { agency } = await agencyFor(ctx, request, request.query.agency ?? '', 'requests.view');
      await setSignOffPolicy(ctx, actorOf(request), agency.id, { grants: request.body?.scope === 'all' });
      return reply.redirect(`/admin/requests/sign-off?agency=${agency.id}&saved=1`, 303);
    },
  );
}
