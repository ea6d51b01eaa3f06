/** Masking redacted hits in the published text (the rules per kind are in src/law/screening.ts). */
import { hitKinds, isMaskable, type MaskableKind } from '../../law/screening.ts';
import { mobilePrefix } from './detect.ts';
import { normalChar } from './normalize.ts';
import type { Hit } from './screen.ts';

const significant = /[0-9A-Za-z]/;

/** Masks the digits and letters of `value` outside the first `start` and last `end`; separators stay. */
function keep(value: string, start: number, end: number): string {
  const chars = [...value];
  const isSignificant = chars.map((c) => significant.test(normalChar(c)));
  const total = isSignificant.filter(Boolean).length;
  let seen = 0;
  return chars
    .map((c, i) => {
      if (!isSignificant[i]) return c;
      const index = seen++;
      return index < start || index >= total - end ? c : '*';
    })
    .join('');
}

const prefix = new RegExp(`^${mobilePrefix}`);

/** The mask of a personal-data value (a secrecy marking has none: it is never masked). */
export function maskValue(kind: MaskableKind, value: string): string {
  const rule = hitKinds[kind].mask;
  switch (rule.style) {
    case 'keep': {
      // A mobile's country code (+86) stays as printed; the number is masked as any other.
      const code = kind === 'mobile' ? (prefix.exec([...value].map(normalChar).join(''))?.[0].length ?? 0) : 0;
      const at = code === 0 ? 0 : originalLength(value, code);
      return value.slice(0, at) + keep(value.slice(at), rule.start, rule.end);
    }
    case 'areaCode': {
      const area = originalLength(value, /^\(?0\d{2,3}\)? ?-?/.exec([...value].map(normalChar).join(''))?.[0].length ?? 0);
      return value.slice(0, area) + keep(value.slice(area), 0, rule.end);
    }
    case 'email': {
      const at = value.lastIndexOf('@');
      return at <= 0 ? '*'.repeat(value.length) : `${[...value][0]}***${value.slice(at)}`;
    }
  }
}

/** How many UTF-16 units of `value` make its first `n` normalized characters (zero-width ones count as none). */
function originalLength(value: string, n: number): number {
  let seen = 0;
  let at = 0;
  for (const c of value) {
    if (seen >= n) return at;
    seen += normalChar(c).length;
    at += c.length;
  }
  return value.length;
}

/**
 * `text` with each personal-data hit replaced by its mask; a secrecy marking stays as printed. The hits must come from screening this very
 * text: a hit whose place no longer holds its value means the text changed since, and
 * masking the old places could publish the value unmasked, so it throws.
 */
export function maskText(text: string, hits: readonly Hit[]): string {
  const pieces: string[] = [];
  let at = 0;
  for (const hit of [...hits].sort((a, b) => a.start - b.start)) {
    if (text.slice(hit.start, hit.end) !== hit.value) {
      throw new Error(`第 ${hit.start + 1} 至 ${hit.end} 个字符已不是筛查时的内容：文本筛查后又改过，请重新筛查`);
    }
    if (hit.start < at || !isMaskable(hit.kind)) continue; // overlaps a hit already masked, or a marking
    pieces.push(text.slice(at, hit.start), maskValue(hit.kind, hit.value));
    at = hit.end;
  }
  pieces.push(text.slice(at));
  return pieces.join('');
}

/**
 * `text` with every occurrence of each masked value replaced by its mask, longest value first
 * (a value masked in one place is masked wherever it stands: a title, a file name, a note).
 */
export function maskValues(text: string, hits: readonly { kind: string; value: string }[]): string {
  return [...hits]
    .filter((h) => h.value !== '')
    .sort((a, b) => b.value.length - a.value.length)
    .reduce((t, h) => (isMaskable(h.kind) ? t.split(h.value).join(maskValue(h.kind, h.value)) : t), text);
}
