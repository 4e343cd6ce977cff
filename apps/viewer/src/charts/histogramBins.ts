import { quantile } from '@emocrowd/crowd/analysis';

/** Estimates counted into equal-width bins (on a log scale: equal ratio). */
export interface HistogramBins {
  /** Bin centres (geometric centres on a log scale). */
  centers: number[];
  counts: number[];
  /** Lower edge of the first bin and upper edge of the last. */
  range: [number, number];
  /** Estimates below / above the shown range (linear: beyond Tukey's far-out fences). */
  below: number;
  above: number;
  /** Estimates left out on a log scale (<= 0). */
  nonPositive: number;
}

/**
 * Counts estimates into bins for drawing. On a linear scale the shown range spans the estimates
 * inside Tukey's far-out fences (Q1 - 3 IQR to Q3 + 3 IQR; Tukey 1977, quartiles by crowd's
 * `quantile`), widened to include `include` (the truth, the aggregates), so one answer of a
 * billion does not squash the chart; on a log scale the whole positive range is shown.
 *
 * @param values the estimates.
 * @param options log scale, number of bins (default about sqrt(n), 10..60), values the range must include.
 * @returns the bins.
 */
export function histogramBins(
  values: readonly number[],
  options: { log?: boolean; bins?: number; include?: readonly number[] } = {},
): HistogramBins {
  const log = options.log === true;
  const usable = log ? values.filter((v) => v > 0) : values.filter((v) => Number.isFinite(v));
  const nonPositive = values.length - usable.length;
  const include = (options.include ?? []).filter((v) => Number.isFinite(v) && (!log || v > 0));
  if (usable.length === 0 && include.length === 0)
    return { centers: [], counts: [], range: log ? [1, 10] : [0, 1], below: 0, above: 0, nonPositive };
  const t = log ? (v: number) => Math.log10(v) : (v: number) => v;
  const inv = log ? (v: number) => 10 ** v : (v: number) => v;
  let lo: number;
  let hi: number;
  if (usable.length === 0) {
    lo = Math.min(...include);
    hi = Math.max(...include);
  } else if (log) {
    lo = usable.reduce((m, v) => Math.min(m, v), Number.POSITIVE_INFINITY);
    hi = usable.reduce((m, v) => Math.max(m, v), Number.NEGATIVE_INFINITY);
  } else {
    // Tukey's far-out fences (Q1 - 3 IQR, Q3 + 3 IQR): only far outliers leave the drawn range.
    const q1 = quantile(usable, 0.25);
    const q3 = quantile(usable, 0.75);
    const inside = usable.filter((v) => v >= q1 - 3 * (q3 - q1) && v <= q3 + 3 * (q3 - q1));
    lo = inside.reduce((m, v) => Math.min(m, v), Number.POSITIVE_INFINITY);
    hi = inside.reduce((m, v) => Math.max(m, v), Number.NEGATIVE_INFINITY);
  }
  for (const v of include) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  let a = t(lo);
  let b = t(hi);
  if (!(b > a)) {
    const pad = Math.abs(a) * 0.05 || 1;
    a -= pad;
    b += pad;
  }
  const bins = options.bins ?? Math.max(10, Math.min(60, Math.round(Math.sqrt(usable.length) * 1.5)));
  const width = (b - a) / bins;
  const counts = new Array<number>(bins).fill(0);
  let below = 0;
  let above = 0;
  for (const v of usable) {
    const x = t(v);
    if (x < a) below++;
    else if (x > b) above++;
    else {
      const i = Math.min(bins - 1, Math.floor((x - a) / width));
      counts[i] = (counts[i] ?? 0) + 1;
    }
  }
  const centers = counts.map((_, i) => inv(a + (i + 0.5) * width));
  return { centers, counts, range: [inv(a), inv(b)], below, above, nonPositive };
}
