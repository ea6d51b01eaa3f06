/**
 * The records behind one number of a report: each cell of tables 二, 三 and 四 lists the
 * applications, appeals, documents or statistics entry it counts, selected with the same
 * placement rules the computation uses.
 */
import type { Agency } from '../../domain/agencies/agency.ts';
import { placeAppealInYear } from '../../domain/appeals/appeal.ts';
import { placeDocumentInYear } from '../../domain/catalog/normative-document.ts';
import { placeInYear } from '../../domain/requests/application.ts';
import { fieldError, InputError } from '../../domain/shared/result.ts';
import { applicantTypes, isApplicantType } from '../../law/applicant-types.ts';
import { appealTracks, isAppealTrack } from '../../law/appeals.ts';
import { isOutcomeCode, outcomeCodes } from '../../law/outcome-codes.ts';
import {
  activeCells,
  applicationRowKeys,
  applicationRowLabel,
  applicationColumnLabel,
  appealColumns,
  appealGroupLabel,
  type ApplicationRowKey,
} from '../../law/report-format/index.ts';
import { catalogueCategories, isCategoryKey, reportedCategoryKeys, validityStates } from '../../law/catalogue-categories.ts';
import { receiptChannels, type ReceiptChannel } from '../../law/receipt-channels.ts';
import {
  appealsTouchingYear,
  applicationsTouchingYear,
  getDecisionStatistics,
  normativeDocuments,
  publishedInYear,
  toAppealFacts,
  toApplicationFacts,
} from '../../store/records.repo.ts';
import type { AppContext } from '../context.ts';
import { chinaDate } from '../../domain/shared/dates.ts';

export interface TracedRecord {
  kind: 'application' | 'appeal' | 'document' | 'statistics' | 'item';
  id: number | null;
  /** Short identification: 回执号, 案号, 文号 … */
  reference: string;
  title: string;
  details: string[];
}

export interface CellTrace {
  /** What the cell is, in words: 表三“（一）予以公开”行“自然人”列 */
  label: string;
  records: TracedRecord[];
  /** How the cell's records were chosen. */
  rule: string;
}

const badCell = (cell: string) => new InputError([fieldError('cell', 'GK_CELL', `“${cell}”不是年报表格中的单元格`)]);

export async function traceCell(ctx: AppContext, agency: Agency, year: number, cell: string): Promise<CellTrace> {
  const [table, row = '', column = ''] = cell.split(':');
  if (table === 'applications') return traceApplications(ctx, agency, year, row, column, cell);
  if (table === 'appeals') return traceAppeals(ctx, agency, year, row, column, cell);
  if (table === 'active') return traceActive(ctx, agency, year, row, cell);
  if (table === 'published') return tracePublished(ctx, agency, year, row, cell);
  throw badCell(cell);
}

async function traceApplications(ctx: AppContext, agency: Agency, year: number, row: string, column: string, cell: string): Promise<CellTrace> {
  if (!(applicationRowKeys as string[]).includes(row) || !(column === 'total' || isApplicantType(column))) throw badCell(cell);
  const key = row as ApplicationRowKey;
  const rows = await applicationsTouchingYear(ctx.db, agency.id, year);
  const records = rows.filter((r) => {
    const a = toApplicationFacts(r);
    if (column !== 'total' && a.applicantType !== column) return false;
    const p = placeInYear(a, year);
    if (key === 'newReceived' || key === 'carriedOver' || key === 'carriedForward') return p[key];
    if (key === 'totalHandled') return p.handled !== null;
    return p.handled === key;
  });
  return {
    label: `表三“${applicationRowLabel(key)}”行“${applicationColumnLabel(column as 'total')}”列`,
    rule:
      {
        newReceived: `收到申请之日在${year}年内的申请`,
        carriedOver: `${year}年1月1日前收到、当日仍未办结的申请`,
        carriedForward: `${year}年12月31日前收到、当日仍未办结的申请`,
        totalHandled: `${year}年内办结的申请`,
      }[key as 'newReceived'] ?? `${year}年内办结、办理结果为“${isOutcomeCode(key) ? outcomeCodes[key].ref : ''}”的申请`,
    records: records.map((r) => ({
      kind: 'application',
      id: r.id,
      reference: r.receipt_no,
      title: r.subject,
      details: [
        `申请人类型：${isApplicantType(r.applicant_type) ? applicantTypes[r.applicant_type].label : r.applicant_type}`,
        `渠道：${receiptChannels[r.channel as ReceiptChannel]?.label ?? r.channel}`,
        `收到申请：${r.received_date}`,
        r.closed_date ? `办结：${r.closed_date}（${r.outcome && isOutcomeCode(r.outcome) ? outcomeCodes[r.outcome].ref : ''}）` : '尚未办结',
      ],
    })),
  };
}

async function traceAppeals(ctx: AppContext, agency: Agency, year: number, row: string, column: string, cell: string): Promise<CellTrace> {
  const col = appealColumns.find((c) => c.key === column);
  if (!isAppealTrack(row) || !col) throw badCell(cell);
  const rows = await appealsTouchingYear(ctx.db, agency.id, year);
  const records = rows.filter((r) => {
    const p = placeAppealInYear(toAppealFacts(r), year);
    return r.track === row && p !== null && (column === 'total' || p === column);
  });
  return {
    label: `表四“${appealGroupLabel(row)}”的“${col.label}”`,
    rule: `${year}年12月31日前立案、且未在${year}年以前审结的${appealTracks[row].label}案件`,
    records: records.map((r) => ({
      kind: 'appeal',
      id: r.id,
      reference: r.case_no,
      title: `${appealTracks[r.track as 'reconsideration']?.label ?? r.track}（${r.body}）`,
      details: [`立案：${r.filed_date}`, r.concluded_date ? `审结：${r.concluded_date}` : '尚未审结'],
    })),
  };
}

/** The items behind section 一's count of proactively published information in a category. */
async function tracePublished(ctx: AppContext, agency: Agency, year: number, category: string, cell: string): Promise<CellTrace> {
  if (!isCategoryKey(category) || !(reportedCategoryKeys as string[]).includes(category)) throw badCell(cell);
  const items = (await publishedInYear(ctx.db, agency.id, year)).filter((i) => i.category === category);
  return {
    label: `第一部分“${catalogueCategories[category].label}”主动公开条数`,
    rule: `${year}年内首次主动公开、属于“${catalogueCategories[category].label}”栏目的信息`,
    records: items.map((i) => ({ kind: 'item', id: i.id, reference: i.index_no ?? '', title: i.title, details: [`公开日期：${i.published_date}`] })),
  };
}

async function traceActive(ctx: AppContext, agency: Agency, year: number, key: string, cell: string): Promise<CellTrace> {
  const spec = activeCells.find((c) => c.key === key);
  if (!spec) throw badCell(cell);
  const label = `表二“${spec.row}”的“${spec.column}”`;
  const [kind, measure] = key.split('.') as [string, 'issued' | 'repealed' | 'inForce' | undefined];
  if (measure) {
    const documentKind = kind === 'rules' ? 'rule' : 'normativeDocument';
    const docs = (await normativeDocuments(ctx.db, agency.id)).filter((d) => d.facts.kind === documentKind && placeDocumentInYear(d.facts, year)[measure]);
    return {
      label,
      rule: { issued: `成文日期在${year}年内的文件`, repealed: `${year}年内宣布废止的文件`, inForce: `${year}年12月31日有效的文件` }[measure],
      records: docs.map((d) => ({
        kind: 'document',
        id: d.id,
        reference: d.doc_no ?? d.index_no ?? '',
        title: d.title,
        details: [`成文日期：${d.written_date ?? ''}`, ...d.facts.validity.map((v) => `${validityStates[v.state].label}：${v.effectiveDate}`)],
      })),
    };
  }
  const s = await getDecisionStatistics(ctx.db, agency.id, year);
  return {
    label,
    rule: `${agency.shortName}录入的${year}年度行政执法和收费统计`,
    records: s
      ? [
          {
            kind: 'statistics',
            id: null,
            reference: `${year}年度统计`,
            title: `行政许可${s.licensing}件，行政处罚${s.penalty}件，行政强制${s.coercion}件，行政事业性收费${s.feesFen / 100}元`,
            details: [s.note, `更新：${chinaDate(s.updatedAt)}`],
          },
        ]
      : [],
  };
}
