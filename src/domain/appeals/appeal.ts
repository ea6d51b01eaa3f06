/**
 * 行政复议 and 行政诉讼 cases as table 四 counts them. A case is counted in every year
 * from its filing until the year it is concluded: as 尚未审结 while it is open at 12-31,
 * then under its outcome (which is why rule T4-03 expects last year's pending cases to
 * reappear).
 */
import type { AppealOutcome, AppealTrack } from '../../law/appeals.ts';
import { isAppealOutcome, isAppealTrack } from '../../law/appeals.ts';
import { isIsoDate, yearEnd, yearStart, type IsoDate } from '../shared/dates.ts';
import { fieldError, type FieldError } from '../shared/result.ts';

export interface AppealFacts {
  id: number;
  track: AppealTrack;
  filedDate: IsoDate;
  concludedDate: IsoDate | null;
  outcome: AppealOutcome | null;
}

export type AppealPlacement = AppealOutcome | 'pending';

/** The table 四 column the case is counted in for `year`, or null if the year does not count it. */
export function placeAppealInYear(a: AppealFacts, year: number): AppealPlacement | null {
  if (a.filedDate > yearEnd(year)) return null;
  if (a.concludedDate !== null && a.concludedDate < yearStart(year)) return null;
  if (a.concludedDate !== null && a.concludedDate <= yearEnd(year) && a.outcome) return a.outcome;
  return 'pending';
}

export function checkAppealFacts(a: { track: string; filedDate: string; concludedDate: string | null; outcome: string | null }): FieldError[] {
  const errors: FieldError[] = [];
  if (!isAppealTrack(a.track)) errors.push(fieldError('track', 'GK_APPEAL_TRACK', `案件类型“${a.track}”不是行政复议、直接起诉或复议后起诉`));
  if (!isIsoDate(a.filedDate)) errors.push(fieldError('filedDate', 'GK_DATE', `立案（申请）日期“${a.filedDate}”不是有效日期`));
  if (a.concludedDate !== null) {
    if (!isIsoDate(a.concludedDate)) errors.push(fieldError('concludedDate', 'GK_DATE', `审结日期“${a.concludedDate}”不是有效日期`));
    else if (a.concludedDate < a.filedDate) errors.push(fieldError('concludedDate', 'GK_CONCLUDED_BEFORE_FILED', '审结日期不能早于立案日期'));
    if (a.outcome === null) errors.push(fieldError('outcome', 'GK_APPEAL_OUTCOME_REQUIRED', '已审结的案件必须有结果（维持、纠正或其他）'));
  }
  if (a.outcome !== null) {
    if (!isAppealOutcome(a.outcome)) errors.push(fieldError('outcome', 'GK_APPEAL_OUTCOME', `结果“${a.outcome}”不是维持、纠正或其他`));
    if (a.concludedDate === null) errors.push(fieldError('concludedDate', 'GK_CONCLUDED_DATE_REQUIRED', '有结果的案件必须有审结日期'));
  }
  return errors;
}
