import fs from 'node:fs';
import path from 'node:path';
import { resolveAgency } from '../../app/agencies/resolve.ts';
import { computeAgencyReport } from '../../app/reports/compute.ts';
import { fieldError, InputError } from '../../domain/shared/result.ts';
import { reportFormats, renderReport, type ReportFormat } from '../../render/report/index.ts';
import { oneOf, parse, requireOption, yearOption } from '../args.ts';
import type { Io } from '../main.ts';
import { openForReading } from './open.ts';

export async function reportCommand(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, {
    agency: { type: 'string' },
    year: { type: 'string' },
    format: { type: 'string', default: 'json' },
    out: { type: 'string' },
  });
  const agencyRef = requireOption(values.agency, 'agency');
  const year = yearOption(requireOption(values.year, 'year'));
  const format = oneOf<ReportFormat>(values.format ?? 'json', 'format', reportFormats);
  const out = values.out;
  if (out !== undefined) {
    const dir = path.dirname(path.resolve(out));
    if (!fs.existsSync(dir)) throw new InputError([fieldError('out', 'GK_OUT_DIR', `--out 的目录不存在：${dir}`)]);
  }
  const { database, ctx } = await openForReading(io);
  let bytes: Uint8Array | string;
  try {
    const agency = await resolveAgency(ctx, agencyRef);
    const computed = await computeAgencyReport(ctx, agency, year);
    bytes = await renderReport(format, {
      report: computed.report,
      signer: computed.narrative?.signer ?? null,
      signedDate: computed.narrative?.signedDate ?? null,
      findings: computed.findings,
    });
  } finally {
    await database.close();
  }
  if (out === undefined) {
    io.out(bytes);
  } else {
    // Written whole or not at all.
    const tmp = `${out}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, out);
  }
  return 0;
}
