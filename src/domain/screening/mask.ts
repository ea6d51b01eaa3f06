/** Masking redacted hits in the published text (the rules per kind are in src/law/screening.ts). */
import { hitKinds, isMaskable, type MaskableKind } from '../../law/screening.ts';
import { normalize } from './detect.ts';
import type { Hit } from './screen.ts';

const significant = /[0-9A-Za-z]/;

/** Masks the digits and letters of `value` outside the first `start` and last `end`; separators stay. */
function keep(value: string, start: number, end: number): string {
  const norm = normalize(value);
  const total = [...norm].filter((c) => significant.test(c)).length;
  let seen = 0;
  return [...norm]
    .map((c, i) => {
      if (!significant.test(c)) return value[i];
      const index = seen++;
      return index < start || index >= total - end ? value[i] : '*';
    })
    .join('');
}

/** The mask of a personal-data value (a secrecy marking has none: it is never masked). */
export function maskValue(kind: MaskableKind, value: string): string {
  const rule = hitKinds[kind].mask;
  switch (rule.style) {
    case 'keep':
      return keep(value, rule.start, rule.end);
    case 'areaCode': {
      const area = /^\(?0\d{2,3}\)? ?-?/.exec(normalize(value))?.[0].length ?? 0;
      return value.slice(0, area) + keep(value.slice(area), 0, rule.end);
    }
    case 'email': {
      const at = value.lastIndexOf('@');
      return at <= 0 ? '*'.repeat(value.length) : `${[...value][0]}***${value.slice(at)}`;
    }
  }
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
