/** Findings of the reader (P-01 … P-03), worded for the person who opens the document. */
import { finding, type Finding } from '../../domain/reports/findings.ts';
import type { RuleId } from '../../law/report-format/index.ts';
import type { Value } from './text.ts';

const imported = { origin: 'imported' } as const;

export function readerFinding(rule: Extract<RuleId, `P-${string}`>, where: string, message: string, column?: string): Finding {
  return finding(rule, imported, where, message, null, null, column);
}

/**
 * A value as the report JSON holds it: the number, or null. A cell marked not applicable,
 * or one that looks like a number but is not (OCR), is null with a finding that names it; a
 * blank one is null with a finding only when `blankFinding` (table 二, which no rule covers).
 */
export function cellValue(v: Value, name: string, where: string, out: Finding[], blankFinding: boolean, column?: string): number | null {
  switch (v.kind) {
    case 'number':
      return v.value;
    case 'notApplicable':
      out.push(readerFinding('P-02', where, `${name}标为“${v.text}”（不适用），按空值处理`, column));
      return null;
    case 'unreadable':
      out.push(readerFinding('P-01', where, `${name}为“${v.text}”，不是可读的数字，按空值处理，请核对原文`, column));
      return null;
    case 'blank':
      if (blankFinding) out.push(readerFinding('P-02', where, `${name}为空`, column));
      return null;
  }
}
