/** 保密审查 opinions: the one a reviewer picks or writes, and whether it says nothing is secret. */
import { maxOpinionLength, noSecretPhrases, reviewOpinions, isReviewOpinionKey } from '../../law/secrecy.ts';
import { fieldError, type FieldError } from '../shared/result.ts';

/** True when the opinion states that nothing is a 国家秘密 (a standard one, or free text saying so). */
export function claimsNoSecret(opinion: string): boolean {
  const flat = opinion.replace(/\s+/g, '');
  return Object.values(reviewOpinions).some((o) => o.claimsNoSecret && flat.includes(o.text)) || noSecretPhrases.some((p) => flat.includes(p));
}

/**
 * The opinion recorded from a form: the standard opinion picked (`choice`, a key of
 * `reviewOpinions`, or empty) followed by the reviewer's own words. Nothing is preselected,
 * so an empty form gives an empty opinion, which the workflow refuses.
 */
export function composeOpinion(choice: string, text: string, subject: 'item' | 'report'): { opinion: string } | { error: FieldError } {
  const own = text.replace(/\r\n/g, '\n').trim();
  const picked = choice.trim();
  if (picked !== '' && (!isReviewOpinionKey(picked) || !(reviewOpinions[picked].for as readonly string[]).includes(subject))) {
    return { error: fieldError('opinion', 'GK_OPINION_CHOICE', '所选的保密审查意见无效，请重新选择') };
  }
  const opinion = [picked ? reviewOpinions[picked as keyof typeof reviewOpinions].text : '', own].filter(Boolean).join('');
  if (opinion.length > maxOpinionLength) return { error: fieldError('opinion', 'GK_TOO_LONG', `保密审查意见不能超过${maxOpinionLength}字`) };
  return { opinion };
}
