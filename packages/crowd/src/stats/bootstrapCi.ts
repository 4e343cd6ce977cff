import type { Rng } from '@emocrowd/models';
import { mean } from './mean.js';
import { quantileSorted } from './quantile.js';

/** A bootstrap confidence interval. */
export interface BootstrapInterval {
  /** The statistic on the original data. */
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
  /** Coverage level, e.g. 0.95. */
  readonly level: number;
  /** Number of resamples drawn (0 when the bootstrap distribution was computed, not sampled). */
  readonly resamples: number;
  /**
   * How the bootstrap distribution was obtained: `monte-carlo` resampling (the default),
   * `exact` (closed form, see medianBootstrapCi) or its `normal-limit` (see meanBootstrapCi).
   */
  readonly method?: 'monte-carlo' | 'exact' | 'normal-limit';
}

/** Options of `bootstrapCi`. */
export interface BootstrapOptions {
  /** The seeded stream to draw resamples from (`createRng(seed)` from `@emocrowd/models`). */
  rng: Rng;
  /** Number of resamples; default 1000. */
  resamples?: number;
  /** Coverage; default 0.95. */
  level?: number;
}

/**
 * Percentile bootstrap confidence interval of a statistic (Efron & Tibshirani 1993, "An
 * Introduction to the Bootstrap", ch. 13).
 *
 * The intuition: resample the crowd with replacement many times, recompute the statistic each
 * time, and read the interval off the spread of those recomputations; no normality assumption,
 * which suits medians of skewed estimates. Reproducible: every draw comes from `options.rng`.
 * Resampled statistics that are `NaN` are ignored when forming the interval.
 *
 * @param values the data (non-empty).
 * @param statistic the statistic, e.g. `median` or `mean`.
 * @param options rng, resamples (B), level.
 * @returns the estimate and the (1 - level)/2 and (1 + level)/2 quantiles of the resampled statistic.
 */
export function bootstrapCi(
  values: ArrayLike<number>,
  statistic: (values: Float64Array) => number,
  options: BootstrapOptions,
): BootstrapInterval {
  const n = values.length;
  const resamples = options.resamples ?? 1000;
  const level = options.level ?? 0.95;
  if (n === 0) throw new RangeError('bootstrapCi needs at least one value');
  const data = Float64Array.from(values as ArrayLike<number>);
  const estimate = statistic(Float64Array.from(data));
  const stats: number[] = [];
  const { rng } = options;
  const draw = statistic === mean ? undefined : new Float64Array(n);
  for (let b = 0; b < resamples; b++) {
    let s: number;
    if (draw === undefined) {
      // the mean of the draw without storing it: the same sum, in the same order
      let sum = 0;
      for (let i = 0; i < n; i++) sum += data[rng.int(n)] as number;
      s = sum / n;
    } else {
      for (let i = 0; i < n; i++) draw[i] = data[rng.int(n)] as number;
      s = statistic(draw);
    }
    if (!Number.isNaN(s)) stats.push(s);
  }
  const sorted = Float64Array.from(stats).sort();
  return {
    estimate,
    lower: quantileSorted(sorted, (1 - level) / 2),
    upper: quantileSorted(sorted, (1 + level) / 2),
    level,
    resamples,
    method: 'monte-carlo',
  };
}
