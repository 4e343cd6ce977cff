import type { CellItemSample } from './cellSamples.js';

/** Two crowds' estimates counted in the same log-spaced bins, for an overlaid histogram. */
export interface ContrastHistogram {
  /** Bin edges in the task's unit, log-spaced: bin i holds edges[i] <= x < edges[i + 1] (the last bin includes its upper edge). */
  readonly edges: readonly number[];
  readonly a: readonly number[];
  readonly b: readonly number[];
  /** Estimates <= 0 in each cell (no place on a log scale). */
  readonly nonPositive: { readonly a: number; readonly b: number };
  /** The truth of each cell (one value when they share it). */
  readonly truth: { readonly a: number; readonly b: number };
}

/** Bins of the overlaid histograms. */
export const HISTOGRAM_BINS = 30;

/**
 * The estimates > 0 of two cells (all their answers with a number, not only the pairs) in
 * `bins` bins spaced evenly in log10 between the smallest and the largest of either cell, so the
 * two distributions overlay on one log axis. All equal: one bin from x / 1.05 to x x 1.05.
 *
 * @param a the first cell's crowd
 * @param b the second's
 * @param bins how many bins (default 30)
 * @returns the edges and each cell's counts, or undefined when neither has an estimate > 0
 */
export function contrastHistogram(
  a: CellItemSample,
  b: CellItemSample,
  bins = HISTOGRAM_BINS,
): ContrastHistogram | undefined {
  const pa = a.sample.values.filter((x) => x > 0);
  const pb = b.sample.values.filter((x) => x > 0);
  const all = [...pa, ...pb];
  if (all.length === 0) return undefined;
  let lo = Math.log10(Math.min(...all));
  let hi = Math.log10(Math.max(...all));
  let count = bins;
  if (hi === lo) {
    lo -= Math.log10(1.05);
    hi += Math.log10(1.05);
    count = 1;
  }
  const width = (hi - lo) / count;
  const edges = Array.from({ length: count + 1 }, (_, i) => 10 ** (i === count ? hi : lo + i * width));
  const counts = (values: readonly number[]): number[] => {
    const out = new Array<number>(count).fill(0);
    for (const x of values) {
      const i = Math.min(count - 1, Math.max(0, Math.floor((Math.log10(x) - lo) / width)));
      out[i] = (out[i] as number) + 1;
    }
    return out;
  };
  return {
    edges,
    a: counts(pa),
    b: counts(pb),
    nonPositive: { a: a.sample.values.length - pa.length, b: b.sample.values.length - pb.length },
    truth: { a: a.truth, b: b.truth },
  };
}
