/**
 * Applications received and their outcomes over the years, as an SVG bar chart drawn on
 * the server (no script): for each year a bar of 本年新收 and beside it the outcomes
 * (办理结果) stacked by group. Accessible through its <title> and <desc>, and a data table
 * with the same numbers for anyone who cannot read the picture. Text is escaped by hono/jsx.
 */
import type { FC } from 'hono/jsx';
import { outcomeGroups, type ApplicationFigures, type OutcomeGroupKey } from '../../domain/reports/supervision.ts';

/** Colours told apart by the common colour-vision deficiencies (Okabe–Ito), in the order of the outcome groups. */
const outcomeColours: Record<OutcomeGroupKey, string> = {
  granted: '#009e73',
  partiallyGranted: '#56b4e9',
  withheld: '#d55e00',
  unableToProvide: '#e69f00',
  notProcessed: '#cc79a7',
  otherDisposal: '#999999',
};
const receivedColour = '#0b3d91';

const width = 640;
const height = 280;
const margin = { top: 16, right: 16, bottom: 64, left: 44 };
const plotW = width - margin.left - margin.right;
const plotH = height - margin.top - margin.bottom;

/** A round upper bound for the axis and its step. */
function axis(max: number): { top: number; step: number } {
  if (max <= 0) return { top: 4, step: 1 };
  const rough = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? rough;
  return { top: Math.ceil(max / step) * step, step: Math.max(1, step) };
}

const n = (v: number | null) => v ?? 0;
const handledOf = (f: ApplicationFigures) => outcomeGroups.reduce((s, g) => s + n(f.outcomes[g.key]), 0);

export interface ApplicationsChartProps {
  /** Unique on the page: the ids of the title and description derive from it. */
  id: string;
  /** Whose figures (a county or an agency). */
  subject: string;
  figures: readonly ApplicationFigures[];
}

export const ApplicationsChart: FC<ApplicationsChartProps> = ({ id, subject, figures }) => {
  const { top, step } = axis(Math.max(0, ...figures.map((f) => Math.max(n(f.received), handledOf(f)))));
  const y = (v: number) => margin.top + plotH - (v / top) * plotH;
  const slot = plotW / Math.max(1, figures.length);
  const bar = Math.min(28, slot / 3);
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
  const first = figures[0]?.year;
  const last = figures[figures.length - 1]?.year;
  const desc = figures
    .map((f) => `${f.year}年新收${f.received ?? '—'}件，办结${handledOf(f)}件（${outcomeGroups.map((g) => `${g.label}${n(f.outcomes[g.key])}`).join('、')}）`)
    .join('；');
  return (
    <figure class="chart">
      <svg
        xmlns="http://www.w3.org/2000/svg"
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        class="chart-svg"
      >
        <title id={`${id}-title`}>{`${subject}${first ?? ''}—${last ?? ''}年政府信息公开申请新收与办理结果`}</title>
        <desc id={`${id}-desc`}>{desc || '没有数据'}</desc>
        {ticks.map((t) => (
          <g>
            <line x1={margin.left} x2={width - margin.right} y1={y(t)} y2={y(t)} stroke="#d0d4da" stroke-width="1" />
            <text x={margin.left - 6} y={y(t) + 4} text-anchor="end" font-size="11" fill="#333">
              {String(t)}
            </text>
          </g>
        ))}
        {figures.map((f, i) => {
          const x0 = margin.left + i * slot + slot / 2 - bar - 2;
          let stacked = 0;
          return (
            <g>
              <rect x={x0} y={y(n(f.received))} width={bar} height={y(0) - y(n(f.received))} fill={receivedColour}>
                <title>{`${f.year}年新收${f.received ?? '—'}件`}</title>
              </rect>
              {outcomeGroups.map((g) => {
                const v = n(f.outcomes[g.key]);
                if (v === 0) return '';
                const r = (
                  <rect x={x0 + bar + 4} y={y(stacked + v)} width={bar} height={y(stacked) - y(stacked + v)} fill={outcomeColours[g.key]}>
                    <title>{`${f.year}年${g.label}${v}件`}</title>
                  </rect>
                );
                stacked += v;
                return r;
              })}
              <text x={margin.left + i * slot + slot / 2} y={y(0) + 16} text-anchor="middle" font-size="12" fill="#333">
                {String(f.year)}
              </text>
            </g>
          );
        })}
        <line x1={margin.left} x2={width - margin.right} y1={y(0)} y2={y(0)} stroke="#333" stroke-width="1" />
        <g font-size="11" fill="#333">
          {[{ label: '新收', colour: receivedColour }, ...outcomeGroups.map((g) => ({ label: g.label, colour: outcomeColours[g.key] }))].map((l, i) => {
            const lx = margin.left + (i % 7) * 82;
            const ly = height - 22;
            return (
              <g>
                <rect x={lx} y={ly - 9} width={10} height={10} fill={l.colour} />
                <text x={lx + 14} y={ly}>
                  {l.label}
                </text>
              </g>
            );
          })}
        </g>
      </svg>
      <figcaption>
        <details>
          <summary>{subject}数据表</summary>
          <table class="list chart-data">
            <caption class="visually-hidden">{`${subject}各年度政府信息公开申请新收与办理结果（件）`}</caption>
            <thead>
              <tr>
                <th scope="col">年度</th>
                <th scope="col">新收</th>
                {outcomeGroups.map((g) => (
                  <th scope="col">{g.label}</th>
                ))}
                <th scope="col">办结合计</th>
              </tr>
            </thead>
            <tbody>
              {figures.map((f) => (
                <tr>
                  <th scope="row">{String(f.year)}</th>
                  <td>{f.received === null ? '—' : String(f.received)}</td>
                  {outcomeGroups.map((g) => (
                    <td>{f.outcomes[g.key] === null ? '—' : String(f.outcomes[g.key])}</td>
                  ))}
                  <td>{String(handledOf(f))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figcaption>
    </figure>
  );
};
