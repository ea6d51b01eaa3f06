/**
 * Publication deadlines of the annual report (条例 第四十九条). Departments publish by
 * 1月31日; the county government's aggregate report by 3月31日. Towns are not named in
 * Art. 49: the locality sets their deadline, 1月31日 by default (spec §1.1).
 */
import type { AgencyKind } from '../agency-kinds.ts';

export const reportDeadlines = {
  department: { month: 1, day: 31 },
  town: { month: 1, day: 31 },
  countyGovernment: { month: 3, day: 31 },
} as const satisfies Record<AgencyKind, { month: number; day: number }>;

/** The date by which the report on `year` must be published, as YYYY-MM-DD. */
export function reportDeadline(kind: AgencyKind, year: number): string {
  const d = reportDeadlines[kind];
  return `${year + 1}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}
