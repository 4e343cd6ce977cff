import type { StudyReportContrast } from '../StudyReport.js';
import { escapeMarkup, FIGURE_COLORS, formatFigureNumber, linearTicks, svgNumber } from './svgMarkup.js';

const W = 780;
const ROW = 24;
const M = { left: 200, right: 250, top: 34, bottom: 40 };

/**
 * A forest plot of one metric over a study's contrasts as one SVG: a row per contrast with the
 * difference a − b as a dot, its bootstrap interval as a line, the line of no difference at 0,
 * and beside it the numbers and the Holm-adjusted p-value. Contrasts without the metric, or
 * whose difference or interval is not finite, are listed with `–` and no mark.
 *
 * @param contrasts the report's contrasts
 * @param metric a metric key (`meanAbsLogRatio`, `absError.median`, ...)
 * @param level the intervals' coverage (for the caption)
 * @returns the `<svg>` markup, or undefined when no contrast has the metric
 */
export function contrastForestSvg(
  contrasts: readonly StudyReportContrast[],
  metric: string,
  level: number,
): string | undefined {
  const rows = contrasts.map((c) => ({ contrast: c, m: c.metrics[metric] }));
  if (!rows.some((r) => r.m)) return undefined;
  const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  const drawable = rows.filter((r) => r.m && finite(r.m.estimate) && finite(r.m.ci[0]) && finite(r.m.ci[1]));
  const values = [0, ...drawable.flatMap((r) => [r.m?.ci[0] as number, r.m?.ci[1] as number])];
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  const pad = (hi - lo || Math.abs(hi) || 1) * 0.08;
  lo -= pad;
  hi += pad;
  const H = M.top + rows.length * ROW + M.bottom;
  const x = (v: number) => M.left + ((v - lo) / (hi - lo)) * (W - M.left - M.right);
  const body = rows
    .map((r, i) => {
      const cy = M.top + i * ROW + ROW / 2;
      const label = `<text x="${M.left - 8}" y="${cy + 4}" text-anchor="end">${escapeMarkup(r.contrast.name)}</text>`;
      const m = r.m;
      if (!m || !drawable.includes(r)) return `${label}<text x="${W - M.right + 8}" y="${cy + 4}">–</text>`;
      const p =
        m.pHolm === null
          ? ''
          : `, p(Holm) ${m.pHolm < 0.001 ? m.pHolm.toExponential(1) : m.pHolm.toFixed(3)}`;
      const text = `${formatFigureNumber(m.estimate)} [${formatFigureNumber(m.ci[0])}, ${formatFigureNumber(m.ci[1])}]${p}`;
      const color = m.ci[0] > 0 || m.ci[1] < 0 ? FIGURE_COLORS.a : FIGURE_COLORS.axis;
      return `<g class="row"><title>${escapeMarkup(`${r.contrast.name} (${r.contrast.a} − ${r.contrast.b}): ${text}`)}</title>${label}<line class="interval" x1="${svgNumber(x(m.ci[0]))}" x2="${svgNumber(x(m.ci[1]))}" y1="${cy}" y2="${cy}" stroke="${color}" stroke-width="2"/><circle class="estimate" cx="${svgNumber(x(m.estimate))}" cy="${cy}" r="4" fill="${color}"/><text x="${W - M.right + 8}" y="${cy + 4}">${escapeMarkup(text)}</text></g>`;
    })
    .join('');
  const bottom = H - M.bottom;
  const ticks = linearTicks(lo, hi, 5)
    .map(
      (t) =>
        `<line x1="${svgNumber(x(t))}" x2="${svgNumber(x(t))}" y1="${bottom}" y2="${bottom + 4}" stroke="${FIGURE_COLORS.axis}"/><text x="${svgNumber(x(t))}" y="${bottom + 16}" text-anchor="middle">${formatFigureNumber(t)}</text>`,
    )
    .join('');
  const title = `Forest plot of ${metric}: a − b per contrast with ${Math.round(level * 100)}% bootstrap intervals`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="figure forest" data-figure="forest" data-metric="${escapeMarkup(metric)}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeMarkup(title)}" font-family="system-ui, sans-serif" font-size="11">`,
    `<title>${escapeMarkup(title)}</title>`,
    `<text x="${M.left}" y="${M.top - 14}" font-weight="600">${escapeMarkup(metric)}: a − b</text>`,
    `<line class="zero" x1="${svgNumber(x(0))}" x2="${svgNumber(x(0))}" y1="${M.top}" y2="${bottom}" stroke="${FIGURE_COLORS.axis}" stroke-dasharray="4 3"/>`,
    body,
    `<line x1="${M.left}" x2="${W - M.right}" y1="${bottom}" y2="${bottom}" stroke="${FIGURE_COLORS.axis}"/>`,
    ticks,
    `<text x="${(M.left + W - M.right) / 2}" y="${H - 6}" text-anchor="middle">a − b; ${Math.round(level * 100)}% percentile bootstrap interval; dashed: no difference</text>`,
    '</svg>',
  ].join('');
}
