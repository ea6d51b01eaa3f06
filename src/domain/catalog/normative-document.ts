/**
 * 规章 and 行政规范性文件 with their 有效性 history, as table 二 counts them:
 * 本年制发 = 成文日期 in the year; 本年废止 = declared 废止 in the year;
 * 现行有效 = written by 12-31 and 有效 at 12-31 (spec §1.6 T2-04).
 */
import type { DocumentKind, ValidityState } from '../../law/catalogue-categories.ts';
import { yearEnd, yearStart, type IsoDate } from '../shared/dates.ts';

export interface ValidityChange {
  state: ValidityState;
  effectiveDate: IsoDate;
}

export interface NormativeDocumentFacts {
  id: number;
  kind: DocumentKind;
  writtenDate: IsoDate;
  /** Changes in the order they were recorded; a document is 有效 from its 成文日期 until the first. */
  validity: readonly ValidityChange[];
}

/** 有效性 on a day: the latest change on or before it (the later recorded wins on the same day). */
export function validityOn(doc: NormativeDocumentFacts, day: IsoDate): ValidityState | null {
  if (doc.writtenDate > day) return null;
  let state: ValidityState = 'inForce';
  let at = '';
  for (const c of doc.validity) {
    if (c.effectiveDate <= day && c.effectiveDate >= at) {
      state = c.state;
      at = c.effectiveDate;
    }
  }
  return state;
}

export interface DocumentPlacement {
  issued: boolean;
  repealed: boolean;
  inForce: boolean;
}

export function placeDocumentInYear(doc: NormativeDocumentFacts, year: number): DocumentPlacement {
  const start = yearStart(year);
  const end = yearEnd(year);
  return {
    issued: doc.writtenDate >= start && doc.writtenDate <= end,
    repealed: doc.writtenDate <= end && doc.validity.some((c) => c.state === 'repealed' && c.effectiveDate >= start && c.effectiveDate <= end),
    inForce: validityOn(doc, end) === 'inForce',
  };
}
