/** The seed report (a copy of shared/seed in test/fixtures/seed), read for comparison: its table values in reading order, and its narrative. */
import fs from 'node:fs';
import path from 'node:path';

export const seedPath = path.resolve(import.meta.dirname, '../fixtures/seed/chaqi-2023-annual-report.txt');
export const seedText = fs.readFileSync(seedPath, 'utf8');

/** Every number of tables 二, 三 and 四, in the order the text shows them. */
export function tableValues(text: string): string[] {
  const lines = text.split('\n').map((l) => l.trim());
  const from = lines.indexOf('二、主动公开政府信息情况');
  const to = lines.indexOf('五、存在的主要问题及改进情况');
  return lines.slice(from, to).filter((l) => /^\d+(\.\d+)?$/.test(l));
}

/** The non-empty lines of a section (一 to 六), without the signature block. */
export function sectionLines(text: string, title: string, next: string | null): string[] {
  const lines = text.split('\n').map((l) => l.trim());
  const from = lines.indexOf(title);
  const to = next ? lines.indexOf(next) : lines.length;
  return lines.slice(from + 1, to).filter((l) => l.length > 0);
}

/** Compares text the way a reader does: half-width and full-width punctuation alike. */
export const normalise = (s: string) => s.normalize('NFKC');

/** Table 二 of the seed: 行政处罚 8, every other figure 0. */
export const seedActive = {
  rules: { issued: 0, repealed: 0, inForce: 0 },
  normativeDocuments: { issued: 0, repealed: 0, inForce: 0 },
  licensing: 0,
  penalty: 8,
  coercion: 0,
  feesTenThousandYuan: 0,
} as const;
