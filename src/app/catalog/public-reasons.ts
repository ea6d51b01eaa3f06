/**
 * Reasons published at once, without a 保密审查 (撤回理由, 有效性 changes): personal data in
 * them is refused, naming what was found, since no reviewer will mask it.
 */
import { screenText } from '../../domain/screening/index.ts';
import { fieldError, InputError } from '../../domain/shared/result.ts';
import { hitKinds, isMaskable } from '../../law/screening.ts';

export function refusePersonalData(field: string, label: string, text: string): void {
  const kinds = [
    ...new Set(
      screenText(text, { businessCodes: true })
        .filter((h) => isMaskable(h.kind))
        .map((h) => hitKinds[h.kind].label),
    ),
  ];
  if (kinds.length === 0) return;
  throw new InputError([fieldError(field, 'GK_PERSONAL_DATA', `“${label}”将在门户网站公开，不能含有个人信息（${kinds.join('、')}）：请删去后再提交`)]);
}
