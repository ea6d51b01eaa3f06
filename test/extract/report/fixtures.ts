/** The published-report fixtures: real published reports (test/fixtures/published-reports) and this project's own (test/fixtures/reports). */
import fs from 'node:fs';
import path from 'node:path';
import { reportJsonValue } from '../../../src/render/report/json.ts';
import type { AnnualReport } from '../../../src/domain/reports/annual-report.ts';

export const publishedDir = path.resolve(import.meta.dirname, '../../fixtures/published-reports');
export const ownDir = path.resolve(import.meta.dirname, '../../fixtures/reports');

export interface Fixture {
  name: string;
  file: string;
  expected: Record<string, unknown> & { violations?: { group: string; lhs: number; rhs: number }[] };
  ocr: boolean;
}

function expectedOf(dir: string, name: string): string | null {
  const own = path.join(dir, `${name}.expected.json`);
  if (fs.existsSync(own)) return own;
  const plain = path.join(dir, name.replace(/\.(pdf|txt|md)$/, '.expected.json'));
  return fs.existsSync(plain) ? plain : null;
}

export function fixtures(dir: string): Fixture[] {
  return fs
    .readdirSync(dir)
    .filter((n) => !n.endsWith('.json') && !n.endsWith('.ts') && n !== 'README.md' && fs.statSync(path.join(dir, n)).isFile())
    .sort()
    .flatMap((name) => {
      const exp = expectedOf(dir, name);
      return exp ? [{ name, file: path.join(dir, name), expected: JSON.parse(fs.readFileSync(exp, 'utf8')), ocr: name.includes('.ocr.') }] : [];
    });
}

export const bytesOf = (file: string) => new Uint8Array(fs.readFileSync(file));

/** The numbers of a report as the contract JSON prints them (what .expected.json holds). */
export function numbers(r: AnnualReport) {
  const j = reportJsonValue(r);
  return { format: j.format, year: j.year, active: j.active, applications: j.applications, appeals: j.appeals };
}
