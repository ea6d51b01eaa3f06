/** A recorded 解密: the decision's number, date and issuing body (src/law/secrecy.ts). */
import { declassificationFields } from '../../law/secrecy.ts';
import { isIsoDate, type IsoDate } from '../shared/dates.ts';
import { fieldError, type FieldError } from '../shared/result.ts';

export interface Declassification {
  docNo: string;
  date: IsoDate;
  authority: string;
}

/** Checks a 解密 record as typed; `today` is the China date (a decision cannot come from the future). */
export function checkDeclassification(form: Record<keyof Declassification, string>, today: IsoDate): { value: Declassification; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const text = (k: keyof Declassification) => (form[k] ?? '').replace(/\s+/g, ' ').trim();
  const f = declassificationFields;
  const value = { docNo: text('docNo'), date: text('date'), authority: text('authority') };
  for (const k of ['docNo', 'authority'] as const) {
    if (value[k] === '') errors.push(fieldError(`declassification.${k}`, 'GK_DECLASSIFICATION_REQUIRED', `请填写“${f[k].label}”`));
    else if (value[k].length > f[k].max) errors.push(fieldError(`declassification.${k}`, 'GK_TOO_LONG', `“${f[k].label}”不能超过${f[k].max}字`));
  }
  if (value.date === '') errors.push(fieldError('declassification.date', 'GK_DECLASSIFICATION_REQUIRED', `请填写“${f.date.label}”`));
  else if (!isIsoDate(value.date)) errors.push(fieldError('declassification.date', 'GK_DATE', `“${f.date.label}”“${value.date}”不是有效日期`));
  else if (value.date > today)
    errors.push(fieldError('declassification.date', 'GK_DATE_ORDER', `“${f.date.label}”${value.date}晚于今天：只能登记已经作出的解密决定`));
  return { value, errors };
}
