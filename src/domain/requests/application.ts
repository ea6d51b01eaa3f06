/**
 * A disclosure application (依申请公开) as the annual report counts it (spec §1.7):
 * new = 收到申请之日 in the year; handled = closed in the year, in the row of its outcome;
 * carried forward = received by 12-31 and open at 12-31; carried over = open at the
 * start of the year.
 */
import type { ApplicantType } from '../../law/applicant-types.ts';
import { isApplicantType } from '../../law/applicant-types.ts';
import type { OutcomeCode } from '../../law/outcome-codes.ts';
import { isOutcomeCode } from '../../law/outcome-codes.ts';
import { isIsoDate, yearEnd, yearStart, type IsoDate } from '../shared/dates.ts';
import { fieldError, type FieldError } from '../shared/result.ts';

export interface ApplicationFacts {
  id: number;
  applicantType: ApplicantType;
  /** 收到申请之日 (条例 第三十一条). */
  receivedDate: IsoDate;
  /** The day the case was closed (答复, 告知 or 终止); null while open. */
  closedDate: IsoDate | null;
  outcome: OutcomeCode | null;
}

export interface YearPlacement {
  newReceived: boolean;
  carriedOver: boolean;
  handled: OutcomeCode | null;
  carriedForward: boolean;
}

export function placeInYear(a: ApplicationFacts, year: number): YearPlacement {
  const start = yearStart(year);
  const end = yearEnd(year);
  const openAt = (day: IsoDate, inclusive: boolean) =>
    a.receivedDate <= day && (a.closedDate === null || (inclusive ? a.closedDate >= day : a.closedDate > day));
  const closedInYear = a.closedDate !== null && a.closedDate >= start && a.closedDate <= end;
  return {
    newReceived: a.receivedDate >= start && a.receivedDate <= end,
    // received before the year and not closed before it started
    carriedOver: a.receivedDate < start && openAt(start, true),
    handled: closedInYear ? a.outcome : null,
    carriedForward: openAt(end, false),
  };
}

/** Checks the facts of one application; the messages name the field in Chinese. */
export function checkApplicationFacts(a: { applicantType: string; receivedDate: string; closedDate: string | null; outcome: string | null }): FieldError[] {
  const errors: FieldError[] = [];
  if (!isApplicantType(a.applicantType)) {
    errors.push(fieldError('applicantType', 'GK_APPLICANT_TYPE', `申请人类型“${a.applicantType}”不是表三的七类申请人之一`));
  }
  if (!isIsoDate(a.receivedDate)) {
    errors.push(fieldError('receivedDate', 'GK_DATE', `收到申请之日“${a.receivedDate}”不是有效日期（YYYY-MM-DD）`));
  }
  if (a.closedDate !== null) {
    if (!isIsoDate(a.closedDate)) {
      errors.push(fieldError('closedDate', 'GK_DATE', `办结日期“${a.closedDate}”不是有效日期（YYYY-MM-DD）`));
    } else if (isIsoDate(a.receivedDate) && a.closedDate < a.receivedDate) {
      errors.push(fieldError('closedDate', 'GK_CLOSED_BEFORE_RECEIVED', '办结日期不能早于收到申请之日'));
    }
    if (a.outcome === null) errors.push(fieldError('outcome', 'GK_OUTCOME_REQUIRED', '已办结的申请必须有办理结果'));
  }
  if (a.outcome !== null) {
    if (!isOutcomeCode(a.outcome)) errors.push(fieldError('outcome', 'GK_OUTCOME', `办理结果“${a.outcome}”不是21项办理结果之一`));
    if (a.closedDate === null) errors.push(fieldError('closedDate', 'GK_CLOSED_DATE_REQUIRED', '有办理结果的申请必须有办结日期'));
  }
  return errors;
}
