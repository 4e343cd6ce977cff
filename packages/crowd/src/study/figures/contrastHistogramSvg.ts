import type { StudyReportContrast } from '../StudyReport.js';
import { escapeMarkup, FIGURE_COLORS, formatFigureNumber, logTicks, svgNumber } from './svgMarkup.js';

const W = 640;
const H = 250;
const M = { left: 60, right: 16, top: 30, bottom: 42 };

/**
 * The overlaid histograms of a contrast's two cells as one SVG: every answer > 0 of each cell in
 * the report's log-spaced bins (`contrastHistogram`), each drawn as the share of that cell's
 * answers per bin so crowds of different sizes overlay, on a log10 x axis, with the truth as a
 * dashed line. Answers <= 0 (no place on a log axis) are counted in the legend.
 *
 * @param contrast a contrast of a study report
 * @returns the `<svg>` markup, or undefined when the contrast has no histogram
 */
export function contrastHistogramSvg(contrast: StudyReportContrast): string | undefined {
  const h = contrast.histogram;
  if (!h || h.edges.length < 2) return undefined;
  const lo = h.edges[0] as number;
  const hi = h.edges[h.edges.length - 1] as number;
  const [llo, lhi] = [Math.log10(lo), Math.log10(hi)];
  const x = (v: number) => M.left + ((Math.log10(v) - llo) / (lhi - llo)) * (W - M.left - M.right);
  const total = (counts: readonly number[]) => counts.reduce((s, c) => s + c, 0);
  const shares = (counts: readonly number[]) => {
    const n = total(counts);
    return counts.map((c) => (n > 0 ? c / n : 0));
  };
  const sa = shares(h.a);
  const sb = shares(h.b);
  const top = Math.max(...sa, ...sb, 1e-9);
  const y = (share: number) => H - M.bottom - (share / top) * (H - M.top - M.bottom);
  const step = (values: readonly number[]) => {
    let d = `M${svgNumber(x(lo))},${svgNumber(y(0))}`;
    values.forEach((v, i) => {
      d += ` L${svgNumber(x(h.edges[i] as number))},${svgNumber(y(v))} L${svgNumber(x(h.edges[i + 1] as number))},${svgNumber(y(v))}`;
    });
    return `${d} L${svgNumber(x(hi))},${svgNumber(y(0))} Z`;
  };
  const ticks = logTicks(lo, hi)
    .map(
      (t) =>
        `<line x1="${svgNumber(x(t))}" x2="${svgNumber(x(t))}" y1="${H - M.bottom}" y2="${H - M.bottom + 4}" stroke="${FIGURE_COLORS.axis}"/><text x="${svgNumber(x(t))}" y="${H - M.bottom + 16}" text-anchor="middle">${formatFigureNumber(t)}</text>`,
    )
    .join('');
  const yTicks = [0, top / 2, top]
    .map(
      (t) =>
        `<text x="${M.left - 6}" y="${svgNumber(y(t) + 4)}" text-anchor="end">${formatFigureNumber(t * 100)}%</text>`,
    )
    .join('');
  const truths = [...new Set([h.truth.a, h.truth.b])].filter((t) => t >= lo && t <= hi);
  const truthLines = truths
    .map(
      (t) =>
        `<line class="truth" x1="${svgNumber(x(t))}" x2="${svgNumber(x(t))}" y1="${M.top}" y2="${H - M.bottom}" stroke="${FIGURE_COLORS.truth}" stroke-dasharray="5 3"><title>truth ${formatFigureNumber(t)}</title></line>`,
    )
    .join('');
  const legend = (label: string, counts: readonly number[], nonPositive: number, color: string, i: number) =>
    `<g transform="translate(${M.left + 8 + i * 250},${M.top - 14})"><rect width="12" height="10" fill="${color}" fill-opacity="0.35" stroke="${color}"/><text x="16" y="9">${escapeMarkup(label)} (n=${total(counts)}${nonPositive > 0 ? `, ${nonPositive} ≤ 0 not shown` : ''})</text></g>`;
  const title = `Answers of ${contrast.a} and ${contrast.b} (${contrast.name}), share per log-spaced bin`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="figure histogram" data-figure="histogram" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeMarkup(title)}" font-family="system-ui, sans-serif" font-size="11">`,
    `<title>${escapeMarkup(title)}</title>`,
    `<path class="cell-a" d="${step(sa)}" fill="${FIGURE_COLORS.a}" fill-opacity="0.3" stroke="${FIGURE_COLORS.a}"/>`,
    `<path class="cell-b" d="${step(sb)}" fill="${FIGURE_COLORS.b}" fill-opacity="0.3" stroke="${FIGURE_COLORS.b}"/>`,
    truthLines,
    `<line x1="${M.left}" x2="${W - M.right}" y1="${H - M.bottom}" y2="${H - M.bottom}" stroke="${FIGURE_COLORS.axis}"/>`,
    ticks,
    yTicks,
    `<text x="${(M.left + W - M.right) / 2}" y="${H - 6}" text-anchor="middle">estimate (log scale)${truths.length > 0 ? ', dashed: truth' : ''}</text>`,
    `<text transform="translate(14,${(M.top + H - M.bottom) / 2}) rotate(-90)" text-anchor="middle">share of answers</text>`,
    legend(`a: ${contrast.a}`, h.a, h.nonPositive.a, FIGURE_COLORS.a, 0),
    legend(`b: ${contrast.b}`, h.b, h.nonPositive.b, FIGURE_COLORS.b, 1),
    '</svg>',
  ].join('');
}
