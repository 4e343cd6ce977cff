import type { SubsetPoint, SubsetStrategyResult } from '../../analysis/subsetAnalysis.js';
import {
  escapeMarkup,
  FIGURE_COLORS,
  formatFigureNumber,
  linearTicks,
  logTicks,
  svgNumber,
} from './svgMarkup.js';

/** One cell's subset curve in a figure. */
export interface SubsetCurveSeries {
  readonly label: string;
  /** `a` or `b`: the colour of the contrast's side. */
  readonly side: 'a' | 'b';
  /** The subset sizes of the curve's points (`SubsetAnalysis.ks`). */
  readonly ks: readonly number[];
  readonly curve: SubsetStrategyResult;
  /** The crowd's size. */
  readonly n: number;
}

/** What a subset figure plots: accuracy with its Wilson interval, or the median error with its 10th–90th percentiles. */
export type SubsetMeasure = 'accuracy' | 'error';

const W = 640;
const H = 250;
const M = { left: 60, right: 16, top: 30, bottom: 42 };

const MEASURES = {
  accuracy: {
    line: (p: SubsetPoint) => p.accuracy,
    band: (p: SubsetPoint): readonly [number, number] => p.accuracyInterval,
    axis: 'accuracy: share of subsets within the tolerance',
    bandNote: 'band: 95% Wilson interval',
  },
  error: {
    line: (p: SubsetPoint) => p.medianAbsRelError,
    band: (p: SubsetPoint): readonly [number, number] => [p.p10AbsRelError, p.p90AbsRelError],
    axis: 'median |aggregate − T| / T',
    bandNote: 'band: 10th–90th percentile over subsets',
  },
} as const;

/**
 * The subset-size curves of a contrast's cells as one SVG (Kadiyala et al. 2025's figure): for
 * one strategy, each cell's accuracy (or median relative error) against the subset size k on a
 * log axis, with its band (the Wilson interval of the accuracy, or the 10th–90th percentile of the
 * error over the random subsets) and the optimal k marked.
 *
 * @param series the cells' curves (one strategy)
 * @param measure accuracy or error
 * @param strategyLabel the strategy's name in the title
 * @returns the `<svg>` markup, or undefined without a curve with points
 */
export function subsetCurvesSvg(
  series: readonly SubsetCurveSeries[],
  measure: SubsetMeasure,
  strategyLabel: string,
): string | undefined {
  const drawn = series.filter((s) => s.ks.length > 0 && s.curve.points.length === s.ks.length);
  if (drawn.length === 0) return undefined;
  const m = MEASURES[measure];
  const ks = drawn.flatMap((s) => s.ks);
  const kLo = Math.min(...ks);
  const kHi = Math.max(kLo * 1.5, ...ks);
  const values = drawn.flatMap((s) => s.curve.points.flatMap((p) => [...m.band(p), m.line(p)]));
  const yHi = measure === 'accuracy' ? 1 : Math.max(1e-9, ...values.filter(Number.isFinite));
  const x = (k: number) =>
    M.left +
    ((Math.log10(k) - Math.log10(kLo)) / (Math.log10(kHi) - Math.log10(kLo))) * (W - M.left - M.right);
  const y = (v: number) => H - M.bottom - (Math.min(Math.max(v, 0), yHi) / yHi) * (H - M.top - M.bottom);
  const path = (s: SubsetCurveSeries, pick: (p: SubsetPoint) => number) =>
    s.curve.points
      .map((p, i) => ({ k: s.ks[i] as number, v: pick(p) }))
      .filter((q) => Number.isFinite(q.v))
      .map((q, i) => `${i === 0 ? 'M' : 'L'}${svgNumber(x(q.k))},${svgNumber(y(q.v))}`)
      .join(' ');
  const band = (s: SubsetCurveSeries) => {
    const upper = path(s, (p) => m.band(p)[1]);
    const lower = s.curve.points
      .map((p, i) => ({ k: s.ks[i] as number, v: m.band(p)[0] }))
      .filter((q) => Number.isFinite(q.v))
      .reverse()
      .map((q) => `L${svgNumber(x(q.k))},${svgNumber(y(q.v))}`)
      .join(' ');
    return upper ? `${upper} ${lower} Z` : '';
  };
  const body = drawn
    .map((s) => {
      const color = FIGURE_COLORS[s.side];
      const k = s.curve.optimalK;
      const marker =
        measure === 'accuracy' && k !== null
          ? `<line class="optimal-k" x1="${svgNumber(x(k))}" x2="${svgNumber(x(k))}" y1="${M.top}" y2="${H - M.bottom}" stroke="${color}" stroke-dasharray="2 3"><title>${escapeMarkup(s.label)}: optimal k ${k}${s.curve.optimalKInterval ? ` [${s.curve.optimalKInterval[0]}, ${s.curve.optimalKInterval[1]}]` : ''}</title></line>`
          : '';
      return `<g class="series cell-${s.side}"><path class="band" d="${band(s)}" fill="${color}" fill-opacity="0.18" stroke="none"/><path class="curve" d="${path(s, m.line)}" fill="none" stroke="${color}" stroke-width="1.8"/>${marker}</g>`;
    })
    .join('');
  const xTicks = logTicks(kLo, kHi)
    .map(
      (t) =>
        `<line x1="${svgNumber(x(t))}" x2="${svgNumber(x(t))}" y1="${H - M.bottom}" y2="${H - M.bottom + 4}" stroke="${FIGURE_COLORS.axis}"/><text x="${svgNumber(x(t))}" y="${H - M.bottom + 16}" text-anchor="middle">${formatFigureNumber(t)}</text>`,
    )
    .join('');
  const yTicks = linearTicks(0, yHi, 4)
    .map(
      (t) =>
        `<line x1="${M.left - 4}" x2="${W - M.right}" y1="${svgNumber(y(t))}" y2="${svgNumber(y(t))}" stroke="#e5e7eb"/><text x="${M.left - 6}" y="${svgNumber(y(t) + 4)}" text-anchor="end">${formatFigureNumber(t * 100)}%</text>`,
    )
    .join('');
  const legend = drawn
    .map(
      (s, i) =>
        `<g transform="translate(${M.left + 8 + i * 250},${M.top - 14})"><rect width="12" height="10" fill="${FIGURE_COLORS[s.side]}" fill-opacity="0.35" stroke="${FIGURE_COLORS[s.side]}"/><text x="16" y="9">${escapeMarkup(`${s.side}: ${s.label}`)} (n=${s.n})</text></g>`,
    )
    .join('');
  const title = `Subset curves of the ${strategyLabel}: ${m.axis} by subset size; ${m.bandNote}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="figure subsets" data-figure="subsets-${measure}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeMarkup(title)}" font-family="system-ui, sans-serif" font-size="11">`,
    `<title>${escapeMarkup(title)}</title>`,
    yTicks,
    body,
    `<line x1="${M.left}" x2="${W - M.right}" y1="${H - M.bottom}" y2="${H - M.bottom}" stroke="${FIGURE_COLORS.axis}"/>`,
    xTicks,
    `<text x="${(M.left + W - M.right) / 2}" y="${H - 6}" text-anchor="middle">subset size k (log scale); ${m.bandNote}</text>`,
    `<text transform="translate(14,${(M.top + H - M.bottom) / 2}) rotate(-90)" text-anchor="middle">${measure === 'accuracy' ? 'accuracy' : 'median rel. error'}</text>`,
    legend,
    '</svg>',
  ].join('');
}
