/**
 * The locality's settings for annual reports: the publication deadline of each kind of
 * agency (条例 第四十九条: departments by 1月31日, the county government's report by 3月31日;
 * towns by the date the locality sets, 1月31日 unless changed — spec §1.1) and the share of
 * repeated narrative above which X-07 warns (spec §7 C10: 0.8). Kept in `settings` for the
 * whole platform; changed by the platform administrator or a supervisor of every county, audited.
 */
import type { Actor } from '../../domain/access/policy.ts';
import { can } from '../../domain/access/policy.ts';
import { isIsoDate } from '../../domain/shared/dates.ts';
import { fieldError, ForbiddenError, InputError, type FieldError } from '../../domain/shared/result.ts';
import { agencyKindKeys, agencyKinds, type AgencyKind } from '../../law/agency-kinds.ts';
import { copyShareThreshold, reportDeadlines } from '../../law/report-format/index.ts';
import { listAgencies } from '../../store/agencies.repo.ts';
import { appendEvent } from '../../store/events.repo.ts';
import type { DB } from '../../store/schema.ts';
import { setSetting, settingsStartingWith } from '../../store/settings.repo.ts';
import type { Kysely } from 'kysely';
import type { AppContext } from '../context.ts';
import { inTransaction } from '../transaction.ts';

export interface MonthDay {
  month: number;
  day: number;
}

export interface ReportSettings {
  deadlines: Record<AgencyKind, MonthDay>;
  /** X-07 warns when more than this share of a narrative repeats another report. */
  copyShare: number;
}

const deadlineKey = (kind: AgencyKind) => `reports.deadline.${kind}`;
const copyShareKey = 'reports.copyShare';

/** The latest deadline a locality may set for each kind: the statute's, or for towns (not named in Art. 49) the county government's. */
const latestDeadline: Record<AgencyKind, MonthDay> = {
  department: reportDeadlines.department,
  town: reportDeadlines.countyGovernment,
  countyGovernment: reportDeadlines.countyGovernment,
};

const pad = (n: number) => String(n).padStart(2, '0');
export const monthDayText = (d: MonthDay) => `${pad(d.month)}-${pad(d.day)}`;
const monthDayLabel = (d: MonthDay) => `${d.month}月${d.day}日`;

/** "MM-DD" (or "M月D日") as a day that every year has (not 02-29), or null. */
function parseMonthDay(text: string): MonthDay | null {
  const m = /^\s*(\d{1,2})\s*(?:-|月)\s*(\d{1,2})\s*日?\s*$/.exec(text);
  if (!m) return null;
  const d = { month: Number(m[1]), day: Number(m[2]) };
  return isIsoDate(`2023-${monthDayText(d)}`) ? d : null;
}

export async function reportSettings(db: Kysely<DB>): Promise<ReportSettings> {
  const stored = await settingsStartingWith(db, 'reports.');
  const deadlines = Object.fromEntries(agencyKindKeys.map((k) => [k, parseMonthDay(stored.get(deadlineKey(k)) ?? '') ?? reportDeadlines[k]])) as Record<
    AgencyKind,
    MonthDay
  >;
  const share = Number(stored.get(copyShareKey));
  return { deadlines, copyShare: stored.has(copyShareKey) && share > 0 && share < 1 ? share : copyShareThreshold };
}

/** The date by which the report on `year` must be published under these settings. */
export function deadlineOf(settings: ReportSettings, kind: AgencyKind, year: number): string {
  return `${year + 1}-${monthDayText(settings.deadlines[kind])}`;
}

export interface ReportSettingsInput {
  deadlines: Partial<Record<AgencyKind, string>>;
  /** A percentage (80) or a share (0.8). */
  copyShare: string;
}

/**
 * The settings hold for every agency on the platform: the platform administrator sets them,
 * or a county supervisor who supervises every county on it (with two counties, one county's
 * supervisor would otherwise move the other's deadlines).
 */
export async function maySetReportSettings(ctx: AppContext, actor: Actor): Promise<boolean> {
  const tree = await listAgencies(ctx.db);
  const counties = tree.filter((a) => a.parentId === null);
  return can(actor, 'platform.administer', null, tree) || (counties.length > 0 && counties.every((a) => can(actor, 'county.supervise', a.id, tree)));
}

export async function saveReportSettings(ctx: AppContext, actor: Actor, input: ReportSettingsInput): Promise<ReportSettings> {
  if (!(await maySetReportSettings(ctx, actor))) {
    throw new ForbiddenError('年报设置对平台上的所有县有效，只有平台管理员或监督全部各县的县级监督人员可以修改');
  }
  const errors: FieldError[] = [];
  const deadlines = {} as Record<AgencyKind, MonthDay>;
  for (const kind of agencyKindKeys) {
    const d = parseMonthDay(input.deadlines[kind] ?? '');
    const latest = latestDeadline[kind];
    if (!d) errors.push(fieldError(`deadline.${kind}`, 'GK_DEADLINE_FORMAT', `${agencyKinds[kind].label}的发布期限应为“月-日”，如01-31`));
    else if (monthDayText(d) > monthDayText(latest)) {
      errors.push(fieldError(`deadline.${kind}`, 'GK_DEADLINE_LATE', `${agencyKinds[kind].label}的发布期限不能晚于${monthDayLabel(latest)}（条例第四十九条）`));
    } else deadlines[kind] = d;
  }
  const raw = input.copyShare.trim().replace(/[%％]$/, '');
  let share = Number(raw);
  if (share > 1) share /= 100;
  // Stored with two decimals: 99.5% would be 1, which reportSettings reads as no setting.
  share = Math.round(share * 100) / 100;
  if (raw === '' || !(share >= 0.3 && share < 1)) {
    errors.push(fieldError('copyShare', 'GK_COPY_SHARE', '雷同比例应在30%到99%之间'));
  }
  if (errors.length) throw new InputError(errors);
  const settings: ReportSettings = { deadlines, copyShare: share };
  await inTransaction(ctx, async (db) => {
    for (const kind of agencyKindKeys) await setSetting(db, deadlineKey(kind), monthDayText(settings.deadlines[kind]));
    await setSetting(db, copyShareKey, String(settings.copyShare));
    await appendEvent(db, {
      occurredAt: ctx.now().toISOString(),
      actorId: actor.id,
      agencyId: null,
      subjectType: 'settings',
      subjectId: 'reports',
      action: 'settings.reportsChanged',
      payload: { deadlines: Object.fromEntries(agencyKindKeys.map((k) => [k, monthDayText(settings.deadlines[k])])), copyShare: settings.copyShare },
    });
  });
  return settings;
}
