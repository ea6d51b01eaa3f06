/** The case page under /admin/requests/:id and the forms posted from it (acts, letter receipts, sign-off, appeals). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../app/context.ts';
import { quoteFee, type FeeQuote } from '../../../app/requests/acts.ts';
import { concludeAppeal, recordAppeal } from '../../../app/requests/appeals.ts';
import { caseDetail, registrationHints, urgencyOf } from '../../../app/requests/read.ts';
import { recordLetterReceipt } from '../../../app/requests/delivery.ts';
import { correctionDefaultDays } from '../../../app/requests/settings.ts';
import { deliveryByWay } from '../../../law/delivery.ts';
import { isDeliveryWay } from '../../../law/application-form.ts';
import { approveReply, draftLetter, signOffOf } from '../../../app/requests/sign-off.ts';
import { loadCalendar } from '../../../app/calendar/calendar.ts';
import { can, type Actor } from '../../../domain/access/policy.ts';
import { applicationOutcome } from '../../../domain/requests/outcome.ts';
import { chineseDate } from '../../../domain/shared/dates.ts';
import { InputError, NotFoundError } from '../../../domain/shared/result.ts';
import { appealTracks, type AppealTrack } from '../../../law/appeals.ts';
import { isReplyKind, replyKinds, type LetterPlaceholder } from '../../../law/letters.ts';
import { listAgencies } from '../../../store/agencies.repo.ts';
import { listStaff } from '../../../store/users.repo.ts';
import { siteInfo } from '../../site.ts';
import { positiveInt } from '../../views/components.tsx';
import { Layout } from '../../views/layout.tsx';
import { sendPage } from '../../views/page.ts';
import { actorOf } from '../access.ts';
import { viewerOf } from '../viewer.ts';
import type { ActFormState } from './act-form-parts.tsx';
import { CaseForms } from './act-forms.tsx';
import { AppealForms } from './appeal-forms.tsx';
import { actRunners, count, replyItemsOf, type Form } from './act-runners.ts';
import { availableActs, isFormAct } from './available-acts.ts';
import { CasePage } from './case-page.tsx';
import { doneMessage, formOf, queryCodeCookie } from './route-helpers.ts';

export async function caseRoutes(app: FastifyInstance, opts: { ctx: AppContext }) {
  const { ctx } = opts;

  interface CaseState {
    notice?: string;
    state?: ActFormState;
    status?: number;
    quote?: { scheme: string; quantity: string };
    replyPreview?: boolean;
  }

  const casePage = async (request: FastifyRequest, reply: FastifyReply, rawId: string, o: CaseState = {}) => {
    const actor = actorOf(request);
    const id = positiveInt(rawId) ?? 0;
    const d = await caseDetail(ctx, actor, id);
    const [hints, tree, calendar, site] = await Promise.all([registrationHints(ctx, actor, id), listAgencies(ctx.db), loadCalendar(ctx.db), siteInfo(ctx.db)]);
    const mayHandle = can(actor, 'requests.handle', d.agency.id, tree);
    const ownStaff = d.ownStaff;
    const signOff = await signOffOf(ctx, actor, d.agency.id);
    const acts = mayHandle ? availableActs(d.view, d.today, { mayApprove: signOff.mayApprove, signOff: signOff.policy }) : [];
    const draft = d.view.draft ? await draftLetter(ctx, actor, id) : null;
    const staff = acts.includes('assigned')
      ? (await listStaff(ctx.db))
          .filter((u) => u.active && u.roles.some((r) => r.agencyId === d.agency.id && r.role !== 'countySupervisor'))
          .map((u) => ({ id: u.id, name: u.displayName }))
      : [];

    let quote: { scheme: string; quantity: string; result?: FeeQuote; errors?: Partial<Record<string, string>> } | undefined;
    if (o.quote && acts.includes('feeNoticed')) {
      quote = { ...o.quote };
      try {
        quote.result = await quoteFee(ctx, actor, id, o.quote);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        quote.errors = Object.fromEntries(e.errors.map((x) => [x.field, x.message]));
      }
    }
    let replyPreview: { outcome: ReturnType<typeof applicationOutcome> | null } | undefined;
    if (o.replyPreview && o.state) {
      const chosen = replyItemsOf(o.state.values).map((i) => i.kind);
      replyPreview = {
        outcome: chosen.length === d.items.length && chosen.every(isReplyKind) ? applicationOutcome(chosen.map((k) => replyKinds[k].outcome)) : null,
      };
    }
    const earlier = hints.similar.find((s) => s.closed_date);
    const published = hints.published[0];
    const replyDefaults: Partial<Record<LetterPlaceholder, string>> = {
      ...(d.view.correction ? { correctionNoticeDate: chineseDate(d.view.correction.requestedOn) } : {}),
      ...(earlier ? { previousReceiptNo: earlier.receipt_no, previousReplyDate: chineseDate(earlier.closed_date!) } : {}),
      ...(published ? { publishedAs: `《${published.title}》，索引号${published.index_no}，网址${site.origin ?? ''}/items/${published.id}` } : {}),
    };

    // The query code of a case just registered: shown once, then the cookie is gone.
    let queryCode: string | undefined;
    const raw = request.cookies[queryCodeCookie];
    if (raw) {
      const u = request.unsignCookie(raw);
      const [forCase, code] = (u.valid && u.value ? u.value : '').split(':');
      if (Number(forCase) === id && code) {
        queryCode = code;
        reply.clearCookie(queryCodeCookie, { path: '/admin/requests' });
      }
    }

    const viewer = viewerOf(request, reply, tree);
    const urgency = d.next?.due ? urgencyOf(calendar, d.today, d.next.due) : null;
    const pendingAppeals = d.appeals
      .filter((a) => !a.outcome)
      .map((a) => ({ id: a.id, label: `${appealTracks[a.track as AppealTrack]?.label ?? a.track} ${a.case_no}` }));
    return sendPage(
      reply,
      <Layout title={`申请 ${d.row.receipt_no}`} site={site} area="admin" viewer={viewer}>
        <CasePage
          d={d}
          hints={hints}
          ownStaff={ownStaff}
          notice={o.notice}
          queryCode={queryCode}
          state={o.state}
          urgency={urgency}
          forms={
            acts.length || (mayHandle && d.view.draft) ? (
              <CaseForms
                caseId={id}
                csrf={viewer.csrf}
                today={d.today}
                view={d.view}
                acts={acts}
                state={o.state}
                staff={staff}
                items={d.items}
                correctionDefaultDays={await correctionDefaultDays(ctx.db, d.agency.id)}
                deliveryDefault={d.row.delivery_way && isDeliveryWay(d.row.delivery_way) ? deliveryByWay[d.row.delivery_way] : 'post'}
                quote={quote}
                replyPreview={replyPreview}
                replyDefaults={replyDefaults}
                signOff={{ mayApprove: signOff.mayApprove, grants: signOff.policy.grants }}
                draftLetter={draft}
              />
            ) : (
              ''
            )
          }
          receiptForms={mayHandle ? { csrf: viewer.csrf } : undefined}
          appealForms={
            mayHandle ? (
              <AppealForms caseId={id} csrf={viewer.csrf} today={d.today} closed={d.row.closed_date !== null} pending={pendingAppeals} state={o.state} />
            ) : (
              ''
            )
          }
        />
      </Layout>,
      o.status ?? 200,
    );
  };

  app.get<{ Params: { id: string }; Querystring: { done?: string; scheme?: string; quantity?: string } }>('/admin/requests/:id', async (request, reply) => {
    const q = request.query;
    return casePage(request, reply, request.params.id, {
      notice: doneMessage(q.done),
      ...(q.scheme !== undefined || q.quantity !== undefined ? { quote: { scheme: q.scheme ?? '', quantity: q.quantity ?? '' } } : {}),
    });
  });

  /** A form on the case page: performs the act and redirects, or shows the page again with the errors. */
  type Params = Partial<Record<string, string>> & { id: string };
  const caseForm = (path: string, formName: (params: Params) => string, run: (actor: Actor, params: Params, f: Form) => Promise<string>) =>
    app.post<{ Params: Params; Body: Form }>(path, { preHandler: app.csrfProtection }, async (request, reply) => {
      const f = formOf(request.body);
      try {
        return reply.redirect(await run(actorOf(request), request.params, f), 303);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        return casePage(request, reply, request.params.id, { state: { act: formName(request.params), values: f, errors: e.errors }, status: 400 });
      }
    });

  app.post<{ Params: { id: string; act: string }; Body: Form }>('/admin/requests/:id/acts/:act', { preHandler: app.csrfProtection }, async (request, reply) => {
    const { act } = request.params;
    if (!isFormAct(act)) throw new NotFoundError('没有这项办理事项');
    const f = formOf(request.body);
    const actor = actorOf(request);
    const id = positiveInt(request.params.id) ?? 0;
    // Previewing which row of table 三 the replies give writes nothing (but only the case's handlers see it).
    if (act === 'replied' && f.intent === 'preview') {
      const d = await caseDetail(ctx, actor, id);
      if (!can(actor, 'requests.handle', d.agency.id, await listAgencies(ctx.db))) throw new NotFoundError('找不到这件申请');
      return casePage(request, reply, String(id), { state: { act, values: f, errors: [] }, replyPreview: true });
    }
    try {
      await actRunners[act](ctx, actor, id, f);
      const done = act === 'replied' && f.intent === 'draft' ? 'replyDrafted' : act;
      return reply.redirect(`/admin/requests/${id}?done=${done}#timeline`, 303);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      return casePage(request, reply, String(id), { state: { act, values: f, errors: e.errors }, status: 400 });
    }
  });

  caseForm(
    '/admin/requests/:id/letters/:letterId/delivery',
    (p) => `letter-${p.letterId}`,
    async (actor, p, f) => {
      const id = positiveInt(p.id) ?? 0;
      await recordLetterReceipt(ctx, actor, id, { letterId: positiveInt(p.letterId) ?? 0, on: f.on ?? '', method: f.method ?? '', proof: f.proof ?? '' });
      return `/admin/requests/${id}?done=letterDelivered#letters`;
    },
  );

  // The head signs the pending draft (签发): the reply is issued.
  caseForm(
    '/admin/requests/:id/sign-off',
    () => 'signOff',
    async (actor, p, f) => {
      const id = positiveInt(p.id) ?? 0;
      await approveReply(ctx, actor, id, { on: f.on ?? '', draftSeq: count(f.draftSeq) });
      return `/admin/requests/${id}?done=replied#timeline`;
    },
  );

  caseForm(
    '/admin/requests/:id/appeals',
    () => 'appeal',
    async (actor, p, f) => {
      const id = positiveInt(p.id) ?? 0;
      await recordAppeal(ctx, actor, id, { track: f.track ?? '', caseNo: f.caseNo ?? '', body: f.body ?? '', filedDate: f.filedDate ?? '' });
      return `/admin/requests/${id}?done=appeal#appeals`;
    },
  );
  caseForm(
    '/admin/requests/:id/appeals/:appealId/conclude',
    (p) => `conclude-${p.appealId}`,
    async (actor, p, f) => {
      const id = positiveInt(p.id) ?? 0;
      const appealId = positiveInt(p.appealId) ?? 0;
      const appeal = (await caseDetail(ctx, actor, id)).appeals.find((a) => a.id === appealId);
      if (!appeal) throw new NotFoundError('找不到这件复议或诉讼');
      await concludeAppeal(ctx, actor, appealId, { concludedDate: f.concludedDate ?? '', outcome: f.outcome ?? '', reason: f.reason ?? '' });
      return `/admin/requests/${id}?done=concluded#appeals`;
    },
  );
}
