/**
 * The report as HTML: the official merged-header tables with <caption> and <th scope>,
 * escaped by hono/jsx. Used by the portal, the staff pages (with findings marked on
 * their cells) and the standalone HTML export.
 */
import type { FC } from 'hono/jsx';
import type { Finding } from '../../domain/reports/findings.ts';
import { reportGrids, type Grid } from './grid.ts';
import { documentTitle, sectionParagraphs, sections, signatureLines, type ReportDocument } from './document.ts';
import { cellKey, marksOf, type Marks } from './marks.ts';
import { reportCss } from './report-css.ts';

/**
 * One table of the report. `note` puts a line under a cell's number (the county's totals
 * give the county government's figure where it differs) and marks the cell.
 */
export const TableView: FC<{
  grid: Grid;
  marks?: Marks | undefined;
  traceHref?: ((ref: string) => string) | undefined;
  note?: ((cell: string) => string | null) | undefined;
}> = ({ grid, marks, traceHref, note }) => {
  const head = grid.rows.slice(0, grid.headRows);
  const body = grid.rows.slice(grid.headRows);
  const renderRow = (row: Grid['rows'][number], i: number) => (
    <tr key={String(i)}>
      {row.map((c) => {
        const span = { ...(c.rowSpan > 1 ? { rowspan: c.rowSpan } : {}), ...(c.colSpan > 1 ? { colspan: c.colSpan } : {}) };
        if (c.kind !== 'value') {
          return (
            <th {...span} scope={c.scope} class={c.kind}>
              {c.text}
            </th>
          );
        }
        const key = c.ref ? cellKey(c.ref) : '';
        const hits = marks?.cells.get(key);
        const text = c.text === '' ? '' : c.text;
        const noted = note && c.ref ? note(key) : null;
        const cls = `value${hits ? ' flagged' : ''}${noted !== null ? ' noted' : ''}`;
        return (
          <td {...span} class={cls} {...(hits ? { 'aria-describedby': hits.map((h) => `finding-${h}`).join(' ') } : {})}>
            {traceHref && c.ref ? <a href={traceHref(key)}>{text}</a> : text}
            {hits ? <sup class="finding-ref">{hits.map((h) => h + 1).join(',')}</sup> : ''}
            {noted !== null ? (
              <span class="cell-note">
                <br />
                {noted}
              </span>
            ) : (
              ''
            )}
          </td>
        );
      })}
    </tr>
  );
  return (
    <table class={`report-table table-${grid.key}`}>
      <caption>{grid.caption}</caption>
      {head.length ? <thead>{head.map(renderRow)}</thead> : ''}
      <tbody>{body.map((r, i) => renderRow(r, i + head.length))}</tbody>
    </table>
  );
};

export interface ReportViewProps {
  doc: ReportDocument;
  findings?: readonly Finding[] | undefined;
  /** Staff pages link each number to the records behind it. */
  traceHref?: ((cell: string) => string) | undefined;
  /** Heading level of the section titles (the page's h1 is the report title). */
  headingLevel?: 2 | 3;
}

export const ReportView: FC<ReportViewProps> = ({ doc, findings, traceHref }) => {
  const grids = reportGrids(doc.report);
  const marks = findings ? marksOf(findings) : undefined;
  return (
    <div class="annual-report">
      {sections.map((s) => {
        const flagged = s.content.kind === 'narrative' ? marks?.sections.get(s.content.key) : undefined;
        return (
          <section class={flagged ? 'report-section flagged' : 'report-section'} aria-labelledby={`section-${s.numeral}`}>
            <h2 id={`section-${s.numeral}`}>
              {s.title}
              {flagged ? <sup class="finding-ref">{flagged.map((h) => h + 1).join(',')}</sup> : ''}
            </h2>
            {s.content.kind === 'narrative' ? (
              sectionParagraphs(doc, s).map((p) => <p>{p}</p>)
            ) : (
              <TableView grid={grids[s.content.key]} marks={marks} traceHref={traceHref} />
            )}
          </section>
        );
      })}
      <div class="signature">
        {signatureLines(doc).map((l) => (
          <p>{l}</p>
        ))}
      </div>
    </div>
  );
};

/** A standalone HTML document of the report (the html export). */
export function renderReportHtml(doc: ReportDocument): string {
  const title = documentTitle(doc);
  const page = (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <style>{reportCss}</style>
      </head>
      <body>
        <main>
          <h1>{title}</h1>
          <ReportView doc={doc} />
        </main>
      </body>
    </html>
  );
  return `<!doctype html>\n${String(page)}\n`;
}
