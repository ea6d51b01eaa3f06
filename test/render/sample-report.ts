/** A report for the renderer tests: every cell holds a distinct non-zero number. */
import { blankReport, type AnnualReport } from '../../src/domain/reports/annual-report.ts';
import { applicationRowKeys, appealColumnKeys } from '../../src/law/report-format/index.ts';
import { appealTrackKeys } from '../../src/law/appeals.ts';
import type { ReportDocument } from '../../src/render/report/document.ts';

export function sampleReport(): AnnualReport {
  const r = blankReport('华容县测试镇人民政府', 2023);
  r.active = {
    rules: { issued: 11, repealed: 12, inForce: 13 },
    normativeDocuments: { issued: 14, repealed: 15, inForce: 16 },
    licensing: 17,
    penalty: 18,
    coercion: 19,
    feesTenThousandYuan: 2.5,
  };
  // Table 三: row i, column j holds 100 + 10·i + j (101 … 346); table 四: 501 … 515.
  applicationRowKeys.forEach((key, i) => {
    r.applications.rows[key] = r.applications.columns.map((_, j) => 101 + 10 * i + j);
  });
  appealTrackKeys.forEach((track, i) => {
    appealColumnKeys.forEach((col, j) => {
      r.appeals[track][col] = 501 + 5 * i + j;
    });
  });
  r.text = {
    overview: '2023年，我镇认真贯彻落实《中华人民共和国政府信息公开条例》。\n（一）主动公开情况\n全年主动公开政府信息34条。',
    problems: '公开内容还不够丰富。',
    other: '本年度未收取信息处理费。',
  };
  return r;
}

export function sampleDocument(): ReportDocument {
  return { report: sampleReport(), signer: '华容县测试镇人民政府办公室', signedDate: '2024-01-15' };
}
