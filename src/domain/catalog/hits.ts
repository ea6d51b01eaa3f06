/**
 * How each screening hit of a version may be settled: personal data is masked or
 * justified; a value in an unreadable attachment is justified after checking it by eye; a
 * secrecy marking is never masked nor waved through — only a recorded 解密 settles it.
 */
import { manualCheck, type HitResolution } from '../../law/catalogue-workflow.ts';
import { hitKinds, isMarking, isMaskable } from '../../law/screening.ts';
import { fieldError, type FieldError } from '../shared/result.ts';

export interface HitFacts {
  kind: string;
  resolution: string | null;
}

/** Why `resolution` cannot settle a hit of `kind`, or null when it can. */
export function settlementRefusal(kind: string, resolution: HitResolution): FieldError | null {
  const no = (code: string, message: string) => fieldError('resolution', code, message);
  if (isMarking(kind)) {
    if (resolution === 'declassified') return null;
    return no(
      'GK_MARKING_NOT_MASKABLE',
      `“${hitKinds.secrecyMarking.label}”不是个人信息，不能遮蔽或直接确认公开：请退回由编辑删除，或登记原定密机关的解密决定后按原样公开`,
    );
  }
  if (resolution === 'declassified') return no('GK_NOT_A_MARKING', '只有密级或不得公开标识可以登记解密');
  if (kind === manualCheck.kind && resolution !== 'justified') {
    return no('GK_MANUAL_CHECK', '无法自动检查的附件须人工核对后说明理由；如需遮蔽，请退回由编辑上传处理后的文件');
  }
  if (resolution === 'redacted' && !isMaskable(kind)) return no('GK_NOT_MASKABLE', '这一类筛查结果不能遮蔽');
  return null;
}

/** Settled in a way the law accepts (a marking "masked" before the rule existed is not). */
export function isSettled(hit: HitFacts): boolean {
  return hit.resolution !== null && settlementRefusal(hit.kind, hit.resolution as HitResolution) === null;
}

/** What blocks the review and the approval: hits not settled, and among them the markings. */
export function unsettledCounts(hits: readonly HitFacts[]): { unresolvedHits: number; unresolvedMarkings: number } {
  const open = hits.filter((h) => !isSettled(h));
  return { unresolvedHits: open.length, unresolvedMarkings: open.filter((h) => isMarking(h.kind)).length };
}
