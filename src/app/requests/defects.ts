/**
 * Procedural defects (程序瑕疵) of a county's cases in a year, for its supervision page: each
 * case's ledger folded, its defects dated in the year listed with the reason recorded. Today
 * the one defect is a 补正 notice later than 条例 第三十条's 7 working days.
 */
import type { Actor } from '../../domain/access/policy.ts';
import { foldCase } from '../../domain/requests/case.ts';
import type { IsoDate } from '../../domain/shared/dates.ts';
import { procedureDefects, type ProcedureDefect } from '../../law/request-workflow.ts';
import { casesWithAct, ledgersOf } from '../../store/requests.repo.ts';
import { loadCalendar } from '../calendar/calendar.ts';
import type { AppContext } from '../context.ts';
import { supervisedCounty } from '../reports/supervision.ts';
import { eventOf } from './ledger.ts';

export interface DefectRow {
  caseId: number;
  receiptNo: string;
  agency: string;
  kind: ProcedureDefect;
  label: string;
  on: IsoDate;
  reason: string;
}

/** The acts whose defects are looked for: the act each kind of defect is found on. */
const defectActs: Record<ProcedureDefect, string> = { lateCorrectionNotice: 'correctionRequested' };

export async function procedureDefectsOfYear(ctx: AppContext, actor: Actor, countyId: number, year: number): Promise<DefectRow[]> {
  const { agencies } = await supervisedCounty(ctx, actor, countyId);
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const names = new Map(agencies.map((a) => [a.id, a.name]));
  const cases = (await Promise.all([...new Set(Object.values(defectActs))].map((act) => casesWithAct(ctx.db, [...names.keys()], act, from, to)))).flat();
  const unique = [...new Map(cases.map((c) => [c.id, c])).values()];
  const [ledgers, calendar] = await Promise.all([
    ledgersOf(
      ctx.db,
      unique.map((c) => c.id),
    ),
    loadCalendar(ctx.db),
  ]);
  return unique.flatMap((c) => {
    const view = foldCase(ledgers.get(c.id)!.map(eventOf), calendar);
    return view.defects
      .filter((d) => d.on >= from && d.on <= to)
      .map((d) => ({
        caseId: c.id,
        receiptNo: c.receipt_no,
        agency: names.get(c.agency_id) ?? '',
        kind: d.kind,
        label: procedureDefects[d.kind].label,
        on: d.on,
        reason: d.reason,
      }));
  });
}
