/**
 * Hints for the handler at registration: the applicant's earlier requests for similar
 * information (a candidate for （五）2, 重复申请) and the key phrases to look for among
 * published items (a candidate for "已主动公开").
 */
const cjkBigrams = (s: string): Set<string> => {
  const chars = [...s.replace(/[^\p{L}\p{N}]/gu, '')];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
};

/** Dice coefficient over character bigrams: 1 for the same text, 0 for nothing shared. */
export function requestSimilarity(a: string, b: string): number {
  const x = cjkBigrams(a);
  const y = cjkBigrams(b);
  if (!x.size || !y.size) return 0;
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  return (2 * shared) / (x.size + y.size);
}

/** Above this share an earlier request counts as asking for the same information. */
export const similarRequestThreshold = 0.5;

const separators = /[\s，。、；：,.;:!?！？“”"'‘’（）()《》〈〉【】[\]{}…—-]+|的|和|与|及|关于|有关|相关|申请|公开|获取|要求|提供|请求|本人|我/u;

/** The longest phrases of a request (2 to 12 characters), most telling first. */
export function keyPhrases(description: string, max = 4): string[] {
  const parts = description
    .split(separators)
    .map((p) => p.trim())
    .filter((p) => [...p].length >= 2 && [...p].length <= 12);
  return [...new Set(parts)].sort((a, b) => [...b].length - [...a].length).slice(0, max);
}
