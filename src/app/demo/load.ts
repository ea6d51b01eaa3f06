/**
 * Loads the demo county into an empty database, in one transaction. Loading twice
 * changes nothing; loading into a database that holds real agencies is refused.
 */
import type { Kysely } from 'kysely';
import { selfReference } from '../../domain/agencies/agency.ts';
import { fieldError, InputError } from '../../domain/shared/result.ts';
import { roles, type Role } from '../../law/roles.ts';
import { insertAgency } from '../../store/agencies.repo.ts';
import { saveAgencyContacts } from '../../store/portal.repo.ts';
import { appendEvent } from '../../store/events.repo.ts';
import { upsertDecisionStatistics } from '../../store/records.repo.ts';
import { insertPublishedReport, saveNarrative } from '../../store/reports.repo.ts';
import type { DB } from '../../store/schema.ts';
import { getSetting, setSetting } from '../../store/settings.repo.ts';
import { hashPassword } from '../auth/passwords.ts';
import { writeStaffUser } from '../auth/users.ts';
import type { AppContext } from '../context.ts';
import { computeAgencyReport } from '../reports/compute.ts';
import { requireAgency } from '../agencies/resolve.ts';
import { validateReport } from '../../domain/reports/validate.ts';
import { publishAnnualReport } from '../reports/publish.ts';
import { recordReportReview } from '../reports/review.ts';
import { reviewOpinions } from '../../law/secrecy.ts';
import { demoAgencies, demoRecordsFrom, demoYears } from './agencies.ts';
import { chaqi2023Narrative, chaqi2023Publication } from './chaqi-2023.ts';
import { generateDemo } from './generate.ts';
import { workflowItems, writePublishedItems } from './catalogue.ts';
import { reindexAll } from '../../store/search.repo.ts';
import { demoNarrative } from './narratives.ts';
import { writeDemoCases, writeDemoOpenCases } from './requests.ts';
import { portalChanged } from '../catalog/portal-changes.ts';

/** The password of every demo account. Demo databases only: a real installation starts with one random admin password. */
export const demoPassword = 'gongkai-demo';

export interface DemoAccount {
  username: string;
  role: Role;
  agency: string | null;
}

export const demoRoles: readonly Role[] = ['editor', 'reviewer', 'leader', 'agencyAdmin'];

export function demoAccounts(): DemoAccount[] {
  const out: DemoAccount[] = [
    { username: 'platform-admin', role: 'platformAdmin', agency: null },
    { username: 'county-supervisor', role: 'countySupervisor', agency: 'county' },
  ];
  for (const a of demoAgencies)
    for (const role of demoRoles) out.push({ username: `${a.slug}-${role.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, role, agency: a.slug });
  return out;
}

export interface DemoSummary {
  loaded: boolean;
  agencies: number;
  applications: number;
  appeals: number;
  items: number;
  reports: number;
  accounts: DemoAccount[];
}

const isoAt = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`).toISOString();

export async function isDemoDatabase(db: Kysely<DB>): Promise<boolean> {
  return (await getSetting(db, 'demo')) !== undefined;
}

/**
 * The demo brings accounts whose password is public: a database that already holds agencies or
 * accounts of its own is refused unless forced, and even then nothing of it may be overwritten.
 */
async function refuseRealDatabase(db: Kysely<DB>, accounts: DemoAccount[], force: boolean): Promise<void> {
  const agencies = await db.selectFrom('agencies').select(['name', 'code']).execute();
  const users = await db.selectFrom('users').select('username').execute();
  if (agencies.length === 0 && users.length === 0) return;
  if (!force) {
    throw new InputError([
      fieldError(
        'DATABASE_URL',
        'GK_NOT_DEMO',
        `数据库中已有${agencies.length}个单位、${users.length}个账号，不是演示数据库：演示数据带有密码公开的演示账号，只能载入新数据库（请为演示另设 DATABASE_URL；确需载入请加 --force）`,
      ),
    ]);
  }
  const taken = new Set([...agencies.flatMap((a) => [a.name, a.code]), ...users.map((u) => u.username)]);
  const clashes = [...demoAgencies.flatMap((a) => [a.name, a.code]), ...accounts.map((a) => a.username)].filter((x) => taken.has(x));
  if (clashes.length > 0) {
    throw new InputError([fieldError('DATABASE_URL', 'GK_NOT_EMPTY', `演示数据与数据库中已有的单位或账号重名，无法载入：${clashes.slice(0, 5).join('、')}`)]);
  }
}

export async function loadDemo(ctx: AppContext, opts: { force?: boolean } = {}): Promise<DemoSummary> {
  const data = generateDemo();
  const accounts = demoAccounts();
  const passwordHash = await hashPassword(demoPassword);
  const summary = await ctx.db.transaction().execute(async (db) => {
    const summary: DemoSummary = {
      loaded: false,
      agencies: demoAgencies.length,
      applications: data.applications.length,
      appeals: data.appeals.length,
      items: data.items.length,
      reports: 0,
      accounts,
    };
    if (await isDemoDatabase(db)) return summary;
    await refuseRealDatabase(db, accounts, opts.force === true);
    const loadedAt = ctx.now().toISOString();
    await setSetting(db, 'demo', loadedAt);
    await setSetting(db, 'site.domain', 'www.huarong.gov.cn');
    await setSetting(db, 'site.idCode', '4306230001');

    const ids = new Map<string, number>();
    for (const [i, a] of demoAgencies.entries()) {
      const id = await insertAgency(db, {
        parentId: a.kind === 'countyGovernment' ? null : (ids.get('county') ?? null),
        name: a.name,
        shortName: a.shortName,
        kind: a.kind,
        code: a.code,
        mayMakeRules: false,
        recordsFrom: demoRecordsFrom,
        sortOrder: i,
        createdAt: loadedAt,
      });
      await saveAgencyContacts(db, id, a.contacts);
      ids.set(a.slug, id);
    }
    const agencyId = (slug: string) => ids.get(slug) as number;

    const userIds = new Map<string, number>();
    for (const acc of accounts) {
      const agency = acc.agency ? demoAgencies.find((a) => a.slug === acc.agency) : null;
      const id = await writeStaffUser(db, loadedAt, null, {
        username: acc.username,
        displayName: agency ? `${agency.shortName}${roleName(acc.role)}` : roleName(acc.role),
        passwordHash,
        roles: [{ role: acc.role, agencyId: acc.agency ? agencyId(acc.agency) : null }],
      });
      userIds.set(acc.username, id);
    }

    const people = { agencyId, userId: (username: string) => userIds.get(username) as number };
    await writePublishedItems(db, data.items, people);

    await writeDemoCases(ctx, db, data.applications, data.appeals, people);
    await writeDemoOpenCases(ctx, db, people);
    for (const d of data.decisions) {
      await upsertDecisionStatistics(db, { ...d, agencyId: agencyId(d.agency), note: '据本单位行政执法统计台账', updatedAt: loadedAt, updatedBy: null });
    }

    for (const [index, a] of demoAgencies.entries()) {
      for (const year of demoYears) {
        const chaqi2023 = a.slug === 'chaqi' && year === 2023;
        const unpaidFee = data.applications.filter(
          (x) => x.agency === a.slug && x.outcome === 'otherDisposal.unpaidFee' && x.closedDate?.startsWith(String(year)),
        ).length;
        const text = chaqi2023
          ? chaqi2023Narrative
          : {
              ...demoNarrative({ agencyIndex: index, year, self: selfReference(a), name: a.shortName, unpaidFee }),
              signer: a.signer,
              signedDate: `${year + 1}-01-${String(10 + index).padStart(2, '0')}`,
            };
        await saveNarrative(db, { agencyId: agencyId(a.slug), year, ...text, updatedAt: loadedAt, updatedBy: null });
      }
    }

    // The reports of 2022-2024 as published: reviewed (保密审查) by each agency's reviewer and
    // published through the platform by its leader in January, except 插旗镇 2023, published on
    // the county portal before the platform (the seed, with its own 索引号), and 万庾镇 2024,
    // still waiting for its review and its leader.
    const tctx = { ...ctx, db };
    for (const year of demoYears) {
      for (const [index, a] of demoAgencies.entries()) {
        if (a.slug === 'wanyu' && year === 2024) continue;
        const leader = userIds.get(`${a.slug}-leader`) as number;
        if (a.slug === 'chaqi' && year === 2023) {
          await importChaqi2023(db, { ...tctx, now: () => new Date(chaqi2023Publication.publishedAt) }, agencyId('chaqi'));
        } else {
          const day = `${year + 1}-01-${String(12 + index).padStart(2, '0')}`;
          const reviewer = { id: userIds.get(`${a.slug}-reviewer`) as number, roles: [{ role: 'reviewer' as const, agencyId: agencyId(a.slug) }] };
          const reviewedAt = new Date(isoAt(day, '09:00'));
          await recordReportReview({ ...tctx, now: () => reviewedAt }, reviewer, { agencyId: agencyId(a.slug), year, opinion: reviewOpinions.clear.text });
          const at = new Date(isoAt(day, '10:30'));
          await publishAnnualReport(
            { ...tctx, now: () => at },
            { id: leader, roles: [{ role: 'leader', agencyId: agencyId(a.slug) }] },
            { agencyId: agencyId(a.slug), year },
          );
        }
        summary.reports++;
      }
    }
    // Items that went through the workflow now, and drafts waiting at each step.
    await workflowItems(tctx, people);
    await reindexAll(db);
    await appendEvent(db, {
      occurredAt: loadedAt,
      actorId: null,
      agencyId: null,
      subjectType: 'platform',
      subjectId: 'demo',
      action: 'demo.loaded',
      payload: { agencies: summary.agencies, applications: summary.applications, items: summary.items, reports: summary.reports },
    });
    summary.loaded = true;
    return summary;
  });
  // Items, agencies and settings were written inside one transaction: the portal's caches learn of them now.
  if (summary.loaded) portalChanged(ctx);
  return summary;
}

/** Stores the seed as the report 插旗镇 published on the county portal in March 2024. */
async function importChaqi2023(db: Kysely<DB>, ctx: AppContext, chaqiId: number): Promise<void> {
  const computed = await computeAgencyReport(ctx, await requireAgency(ctx, chaqiId), 2023);
  const p = chaqi2023Publication;
  const findings = validateReport(computed.report, { ...computed.context, origin: 'imported' });
  await insertPublishedReport(db, {
    agencyId: chaqiId,
    year: 2023,
    version: 1,
    origin: 'imported',
    report: computed.report,
    findings,
    indexNo: p.indexNo,
    publisher: p.publisher,
    scope: p.scope,
    disclosureMode: p.disclosureMode,
    generatedDate: p.generatedDate,
    publishedAt: p.publishedAt,
    signer: chaqi2023Narrative.signer,
    signedDate: chaqi2023Narrative.signedDate,
    publishedBy: null,
    reason: null,
    createdAt: p.publishedAt,
  });
  await appendEvent(db, {
    occurredAt: p.publishedAt,
    actorId: null,
    agencyId: chaqiId,
    subjectType: 'annualReport',
    subjectId: `${chaqiId}/2023`,
    action: 'report.imported',
    reason: '平台启用前已在县政府门户网站发布',
    payload: { indexNo: p.indexNo },
  });
}

const roleName = (role: Role) => roles[role].label;
