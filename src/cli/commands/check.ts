/**
 * `gongkai check <file or dir>… [--format json]`: reads published annual reports and checks
 * them (shared/contracts/cli.md). JSON: one `{"report", "findings"}` object per file per line.
 * Exit 0: every file read, no error finding; 1: error findings; 2: a file could not be read
 * (one line on stderr for it; the others are still printed).
 */
import fs from 'node:fs';
import path from 'node:path';
import { checkReportFile, reportExtensions } from '../../extract/report/index.ts';
import type { AnnualReport } from '../../domain/reports/annual-report.ts';
import { findingJson, hasErrors, ruleTitle, type Finding } from '../../domain/reports/findings.ts';
import { fieldError, InputError } from '../../domain/shared/result.ts';
import { reportJsonValue } from '../../render/report/json.ts';
import { oneOf, parse } from '../args.ts';
import type { Io } from '../main.ts';

const outputs = ['text', 'json'] as const;

/** The files named, directories walked recursively (report files by extension, not READMEs, in name order). */
function filesOf(targets: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name, 'en'))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && !/^readme\b/i.test(e.name) && (reportExtensions as readonly string[]).includes(path.extname(e.name).toLowerCase())) out.push(p);
    }
  };
  for (const t of targets) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(t);
    } catch {
      throw new InputError([fieldError('file', 'GK_CHECK_MISSING', `找不到文件或目录：${t}`)]);
    }
    if (stat.isDirectory()) walk(t);
    else out.push(t);
  }
  return out;
}

/** Findings of one rule beyond this many are summed up in one line of the readable summary. */
const shownPerRule = 5;

function summary(file: string, report: AnnualReport, findings: readonly Finding[]): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const lines = [
    `${file}：${report.agency || '（未读出单位）'}${report.year}年度报告（${report.format}年格式），错误 ${errors} 项，警告 ${findings.length - errors} 项`,
  ];
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
  for (const [rule, list] of byRule) {
    for (const f of list.slice(0, shownPerRule)) lines.push(`  ${f.severity === 'error' ? '错误' : '警告'} ${rule} ${f.message}`);
    if (list.length > shownPerRule) lines.push(`  …… 另有 ${list.length - shownPerRule} 项 ${rule}（${ruleTitle(list[0]!.rule)}），用 --format json 查看全部`);
  }
  return `${lines.join('\n')}\n`;
}

export async function checkCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { format: { type: 'string', default: 'text' } }, true);
  const format = oneOf(values.format ?? 'text', 'format', outputs);
  if (positionals.length === 0)
    throw new InputError([fieldError('file', 'GK_ARGS', '缺少要检查的文件或目录：npx gongkai check <文件或目录>… [--format json]')]);
  const files = filesOf(positionals);
  if (files.length === 0) throw new InputError([fieldError('file', 'GK_CHECK_EMPTY', `目录中没有可读取的报告文件（${reportExtensions.join('、')}）`)]);
  return checkFiles(files, format, io);
}

async function checkFiles(files: readonly string[], format: (typeof outputs)[number], io: Io): Promise<number> {
  let status = 0;
  let read = 0;
  let withErrors = 0;
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(fs.readFileSync(file));
    } catch (e) {
      io.err(`错误：无法读取 ${file}：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      status = 2;
      continue;
    }
    const result = await checkReportFile(bytes, file);
    if ('error' in result) {
      io.err(`错误：${file}：${result.error}\n`);
      status = 2;
      continue;
    }
    read++;
    const bad = hasErrors(result.findings);
    if (bad) {
      withErrors++;
      status = Math.max(status, 1);
    }
    if (format === 'json') io.out(`${JSON.stringify({ report: reportJsonValue(result.report), findings: result.findings.map(findingJson) })}\n`);
    else io.out(summary(file, result.report, result.findings));
  }
  if (format === 'text' && files.length > 1) {
    io.out(`共 ${files.length} 个文件：读出 ${read} 份，其中 ${withErrors} 份有错误；${files.length - read} 份无法读取\n`);
  }
  return status;
}
