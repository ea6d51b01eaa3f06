/**
 * What staff see of cases: the agency's dashboard (open cases by next deadline, online
 * submissions to confirm, recent replies) and a case with its ledger, deadlines and how each
 * was counted, letters, files, appeals and the registration hints.
 */
import type { Actor } from '../../domain/access/policy.ts';
import { addWorkingDays, workingDaysBetween } from '../../domain/calendar/deadline.ts';
import { explainDeadline } from '../../domain/calendar/explain.ts';
import { deadlineLabels, nextDeadline, type DeadlineKind } from '../../domain/requests/case.ts';
import type { ApplicationForm } from '../../domain/requests/intake.ts';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.ts';
import { can, seesApplicantData } from '../../domain/access/policy.ts';
import { keyPhrases, requestSimilarity, similarRequestThreshold } from '../../domain/requests/similar.ts';
import { chinaDate, type IsoDate } from '../../domain/shared/dates.ts';
import type { LetterContent } from '../../domain/requests/letters.ts';
import { dueSoonWorkingDays } from '../../law/request-workflow.ts';
import { getAgency, listAgencies } from '../../store/agencies.repo.ts';
import {
  appealsOfCase,
  applicantOf,
  earlierApplications,
  filesOf,
  itemsOf,
  ledgerOf,
  lettersOf,
  openCaseCounts,
  openCases,
  pendingSubmissions,
  recentlyClosedCases,
} from '../../store/requests.repo.ts';
import { resultItems, SearchTimeout, searchItems } from '../../store/search.repo.ts';
import { loadCalendar } from '../calendar/calendar.ts';
import { allow } from '../catalog/access.ts';
import { maskApplicant, maskingOf, maskLetter, maskText } from '../../domain/requests/masking.ts';
import type { AppContext } from '../context.ts';
import { caseFor, eventOf, loadCase } from './ledger.ts';

export type Urgency = 'overdue' | 'dueSoon' | 'normal' | 'waiting';

/** How near a due date is: passed, within dueSoonWorkingDays working days, or further. */
export function urgencyOf(
  calendar: WorkingCalendar,
  today: IsoDate,
  due: IsoDate,
): { left: number; provisional: boolean; urgency: Exclude<Urgency, 'waiting'> } {
  const between = workingDaysBetween(calendar, today, due);
  const urgency = today > due ? 'overdue' : between.workingDays <= dueSoonWorkingDays ? 'dueSoon' : 'normal';
  return { left: between.workingDays, provisional: between.provisional, urgency };
}

const deadlineLabel = (kind: string | null) => (kind && Object.hasOwn(deadlineLabels, kind) ? deadlineLabels[kind as DeadlineKind] : deadlineLabels.reply);

/** Open cases a dashboard page shows. */
export const dashboardPageSize = 50;

/** The last date that counts as due soon: `dueSoonWorkingDays` working days from today. */
const soonLimit = (calendar: WorkingCalendar, today: IsoDate) => addWorkingDays(calendar, today, dueSoonWorkingDays).due;

export async function caseDashboard(ctx: AppContext, actor: Actor, agencyId: number, page = 1) {
  await allow(ctx.db, actor, agencyId, 'requests.view', '无权查看本单位的依申请公开', 'requests.view', '找不到这个机关');
  const today = chinaDate(ctx.now());
  const calendar = await loadCalendar(ctx.db);
  const counts = await openCaseCounts(ctx.db, [agencyId], today, soonLimit(calendar, today));
  const pages = Math.max(1, Math.ceil(counts.open / dashboardPageSize));
  const current = Math.min(Math.max(1, page), pages);
  const [open, submissions, closed] = await Promise.all([
    openCases(ctx.db, agencyId, { limit: dashboardPageSize, offset: (current - 1) * dashboardPageSize }),
    pendingSubmissions(ctx.db, agencyId),
    recentlyClosedCases(ctx.db, agencyId, 20),
  ]);
  const cases = open.map((c) => {
    const dueLabel = deadlineLabel(c.next_due_kind);
    if (!c.next_due) return { ...c, dueLabel, left: null, urgency: 'waiting' as Urgency };
    const u = urgencyOf(calendar, today, c.next_due as IsoDate);
    return { ...c, dueLabel, left: u.left, urgency: u.urgency as Urgency, provisional: c.provisional || (u.provisional ? 1 : 0) };
  });
  return { today, counts, page: current, pages, cases, submissions: submissions.map((s) => ({ ...s, form: JSON.parse(s.form) as ApplicationForm })), closed };
}

/** Open cases past or near their next deadline, per agency the actor may see (for the workbench). */
export async function caseUrgencyCounts(
  ctx: AppContext,
  actor: Actor,
  agencyIds: readonly number[],
): Promise<{ overdue: number; dueSoon: number; open: number }> {
  const tree = await listAgencies(ctx.db);
  const visible = agencyIds.filter((id) => can(actor, 'requests.view', id, tree));
  const today = chinaDate(ctx.now());
  return openCaseCounts(ctx.db, visible, today, soonLimit(await loadCalendar(ctx.db), today));
}

export async function caseDetail(ctx: AppContext, actor: Actor, id: number) {
  await caseFor(ctx.db, actor, id, 'requests.view');
  const calendar = await loadCalendar(ctx.db);
  const c = await loadCase(ctx.db, id, calendar);
  const today = chinaDate(ctx.now());
  const [agency, applicant, items, ledger, letters, files, appeals] = await Promise.all([
    getAgency(ctx.db, c.row.agency_id),
    applicantOf(ctx.db, id),
    itemsOf(ctx.db, id),
    ledgerOf(ctx.db, id),
    lettersOf(ctx.db, id),
    filesOf(ctx.db, { applicationId: id }),
    appealsOfCase(ctx.db, id),
  ]);
  const actors = await ctx.db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', [0, ...ledger.map((l) => l.actor_id ?? 0)])
    .execute();
  const names = new Map(actors.map((a) => [a.id, a.display_name]));
  const ownStaff = seesApplicantData(actor, c.row.agency_id);
  const pairs = !ownStaff && applicant ? maskingOf(applicant) : [];
  const mask = (text: string) => (ownStaff ? text : maskText(text, pairs));
  return {
    ...c,
    agency: agency!,
    /** False for a supervisor: the applicant, items, letters and timeline come masked. */
    ownStaff,
    applicant: ownStaff || !applicant ? applicant : maskApplicant(applicant),
    items: items.map((i) => ({ ...i, description: mask(i.description) })),
    today,
    next: nextDeadline(c.view, today, calendar),
    replyDueWorking: c.view.replyDue ? explainDeadline(c.view.replyDue, calendar) : [],
    correctionNoticeWorking: explainDeadline(c.view.correctionNoticeDue, calendar),
    timeline: ledger.map((raw) => {
      const l = { ...raw, payload: mask(raw.payload) };
      return { ...l, event: eventOf(l), actor: l.actor_id ? (names.get(l.actor_id) ?? '') : '申请人或系统' };
    }),
    letters: letters.map((l) => {
      const content = JSON.parse(l.content) as LetterContent;
      return {
        id: l.id,
        kind: l.kind,
        number: l.number,
        issuedOn: l.issued_on,
        content: ownStaff ? content : maskLetter(content, pairs),
        delivery: c.view.letters.find((x) => x.seq === l.event_seq && x.letter === l.kind),
      };
    }),
    files,
    appeals,
  };
}

/** Earlier requests of the same applicant on similar information, and published items that may already answer it. */
export async function registrationHints(ctx: AppContext, actor: Actor, id: number) {
  const row = await caseFor(ctx.db, actor, id, 'requests.view');
  const items = await itemsOf(ctx.db, id);
  const earlier = row.applicant_key ? await earlierApplications(ctx.db, row.applicant_key, id, 50) : [];
  const similar = earlier
    .map((e) => ({ ...e, similarity: Math.max(...items.map((i) => requestSimilarity(i.description, e.subject))) }))
    .filter((e) => e.similarity >= similarRequestThreshold)
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, 10);
  const found = new Map<number, number>();
  for (const item of items) {
    for (const phrase of keyPhrases(item.description)) {
      // A hint: a phrase whose search is stopped for taking too long gives none.
      const r = await searchItems(ctx.db, { text: phrase, agencyId: row.agency_id, limit: 5, offset: 0 }).catch((e: unknown) => {
        if (e instanceof SearchTimeout) return { total: 0, hits: [] };
        throw e;
      });
      for (const h of r.hits) found.set(h.itemId, (found.get(h.itemId) ?? 0) + 1);
    }
  }
  const ranked = [...found].sort((a, b) => b[1] - a[1]).slice(0, 8);
  const published = await resultItems(
    ctx.db,
    ranked.map(([itemId]) => itemId),
  );
  const byId = new Map(published.map((p) => [p.id, p]));
  return { similar, published: ranked.map(([itemId, phrases]) => ({ ...byId.get(itemId)!, phrases })).filter((p) => p.id !== undefined) };
}
