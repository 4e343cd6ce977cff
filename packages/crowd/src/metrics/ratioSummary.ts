import { quantileSorted } from '../stats/quantile.js';

/** Median and spread of the estimate/truth ratios. */
export interface RatioSummary {
  /** Median of x_i / T (1 = centred on the truth). */
  readonly median: number;
  /** First quartile of x_i / T (type 7). */
  readonly q1: number;
  /** Third quartile of x_i / T (type 7). */
  readonly q3: number;
  /** q3 - q1: how spread the crowd is, relative to the truth. */
  readonly iqr: number;
}

/**
 * Median and interquartile range of the estimate/truth ratios, the scoring of Aher, Arriaga &
 * Kalai 2023 ("Using Large Language Models to Simulate Multiple Humans", ICML).
 *
 * The intuition: the median ratio shows bias (0.8 = the crowd underestimates by a fifth), the IQR
 * shows spread; an IQR near 0 with a median near 1 is "hyper-accuracy" (see `hyperAccuracy`).
 * Quartiles by type-7 interpolation.
 *
 * @param values the estimates.
 * @param truth the true value (non-zero).
 * @returns median, q1, q3, iqr (`NaN` for an empty crowd).
 */
export function ratioSummary(values: ArrayLike<number>, truth: number): RatioSummary {
  // a loop, not Float64Array.from(values, fn): the mapping form boxes every value on the heap first
  const ratios = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) ratios[i] = (values[i] as number) / truth;
  ratios.sort();
  const q1 = quantileSorted(ratios, 0.25);
  const q3 = quantileSorted(ratios, 0.75);
  return { median: quantileSorted(ratios, 0.5), q1, q3, iqr: q3 - q1 };
}
